import type { Report } from '../report/report.js';
import type { Ruleset } from '../ruleset/types.js';
import type { Lang } from '../i18n/types.js';

/** What a formatter may know besides the report. Formatters never read the clock, env or cwd. */
export interface FormatContext {
  /** Use ANSI colours (text formatter only). */
  color: boolean;
  lang: Lang;
  /** The ruleset the report was made with (titles, statements, official ids for help texts). */
  ruleset: Ruleset;
  /** `--quiet`: only what is not satisfied, and the summary. */
  quiet?: boolean;
}

/** A pure function from a report to the bytes of one output format. */
export interface Formatter {
  name: string;
  /** One line for `--help` and the README. */
  description: string;
  /** File extension for `pack` and defaults (`json`, `xml`, `sarif`, …). */
  extension: string;
  format(report: Report, ctx: FormatContext): string;
}
