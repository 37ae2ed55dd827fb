import type { Report } from '../report/report.js';
import type { Ruleset } from '../ruleset/types.js';
import type { Lang } from '../i18n/types.js';
import type { GridTemplate } from './xlsx/grid-template.js';

/** What a formatter may know besides the report. Formatters never read the clock, env or cwd. */
export interface FormatContext {
  /** Use ANSI colours (text formatter only). */
  color: boolean;
  lang: Lang;
  /** The ruleset the report was made with (titles, statements, official ids for help texts). */
  ruleset: Ruleset;
  /** `--quiet`: only what is not satisfied, and the summary. */
  quiet?: boolean;
  /**
   * `SOURCE_DATE_EPOCH` as the CLI read it (seconds since 1970), for formats that carry dates of
   * their own (the workbook's creation date, zip timestamps). Without it they use the report's
   * `generatedAt`.
   */
  sourceDateEpoch?: number;
  /** `--grid-template`: the user's copy of the official grid, already read and checked. */
  gridTemplate?: GridTemplate;
}

interface FormatterInfo {
  name: string;
  /** One line for `--help` and the README. */
  description: string;
  /** File extension for `pack` and defaults (`json`, `xml`, `sarif`, …). */
  extension: string;
}

/** A pure function from a report to the text of one output format. */
export interface TextFormatter extends FormatterInfo {
  binary?: false;
  format(report: Report, ctx: FormatContext): string;
}

/**
 * A pure function from a report to the bytes of one binary output format (a workbook). It may be
 * asynchronous (a zip is built in steps) but still reads nothing but its arguments.
 */
export interface BinaryFormatter extends FormatterInfo {
  binary: true;
  format(report: Report, ctx: FormatContext): Promise<Uint8Array>;
}

export type Formatter = TextFormatter | BinaryFormatter;
