import { jsonFormatter } from './json.js';
import { textFormatter } from './text.js';
import type { Formatter } from './types.js';

/** Every output format; `--format` choices come from these keys. */
export const FORMATTERS: ReadonlyMap<string, Formatter> = new Map(
  [textFormatter, jsonFormatter].map((f) => [f.name, f] as const),
);
