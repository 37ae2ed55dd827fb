import { githubFormatter } from './github.js';
import { gitlabFormatter } from './gitlab.js';
import { htmlFormatter } from './html.js';
import { jsonFormatter } from './json.js';
import { junitFormatter } from './junit.js';
import { markdownFormatter } from './markdown.js';
import { sarifFormatter } from './sarif.js';
import { textFormatter } from './text.js';
import { FORMAT_NAMES } from './names.js';
import type { Formatter } from './types.js';

/** Every output format; `--format` choices come from these keys. */
export const FORMATTERS: ReadonlyMap<string, Formatter> = new Map(
  [textFormatter, jsonFormatter, junitFormatter, sarifFormatter, githubFormatter, gitlabFormatter, markdownFormatter, htmlFormatter].map((f) => [f.name, f] as const),
);

if ([...FORMATTERS.keys()].join() !== FORMAT_NAMES.join()) throw new Error(`formatters ${[...FORMATTERS.keys()].join()} are not FORMAT_NAMES ${FORMAT_NAMES.join()}`);
