import { githubFormatter } from './github.js';
import { gitlabFormatter } from './gitlab.js';
import { htmlFormatter } from './html.js';
import { jsonFormatter } from './json.js';
import { junitFormatter } from './junit.js';
import { markdownFormatter } from './markdown.js';
import { sarifFormatter } from './sarif.js';
import { textFormatter } from './text.js';
import { FORMAT_NAMES } from './names.js';
import type { Formatter, TextFormatter } from './types.js';
import { xlsxFormatter } from './xlsx/xlsx.js';

const TEXT_FORMATTERS: readonly TextFormatter[] = [textFormatter, jsonFormatter, junitFormatter, sarifFormatter, githubFormatter, gitlabFormatter, markdownFormatter, htmlFormatter];

/** Every output format; `--format` choices come from these keys. */
export const FORMATTERS: ReadonlyMap<string, Formatter> = new Map([...TEXT_FORMATTERS, xlsxFormatter].map((f) => [f.name, f] as const));

if ([...FORMATTERS.keys()].join() !== FORMAT_NAMES.join()) throw new Error(`formatters ${[...FORMATTERS.keys()].join()} are not FORMAT_NAMES ${FORMAT_NAMES.join()}`);

/** A text format by name, for callers that need a string (`pack` writes report.json and report.html). */
export function textFormat(name: 'text' | 'json' | 'junit' | 'sarif' | 'github' | 'gitlab' | 'markdown' | 'html'): TextFormatter {
  return TEXT_FORMATTERS.find((f) => f.name === name)!;
}
