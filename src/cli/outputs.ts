import path from 'node:path';
import { UserInputError, type InputProblem } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';
import { CLI_TEXT } from './messages.js';
import { closest, didYouMean } from '../diagnostics/suggest.js';
import { FORMATTERS } from '../formatters/registry.js';

/** One requested output: a format, and a file (or stdout when undefined). */
export interface OutputRequest {
  format: string;
  output?: string;
}

/** Raw `--format`/`--output` occurrences in command-line order. */
export type OutputToken = { kind: 'format' | 'output'; value: string };

const BY_EXTENSION: Record<string, string> = {
  '.json': 'json',
  '.xml': 'junit',
  '.sarif': 'sarif',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.txt': 'text',
  '.xlsx': 'xlsx',
};

/**
 * Pairs `--format` and `--output` in command-line order: an `--output` belongs to the `--format`
 * just before it; one with no format waiting takes its format from its extension. At most one
 * format may go to stdout, and no two to the same file.
 */
export function pairOutputs(tokens: readonly OutputToken[], warnings: InputProblem[] = []): OutputRequest[] {
  const out: OutputRequest[] = [];
  for (const t of tokens) {
    if (t.kind === 'format') {
      checkFormat(t.value);
      out.push({ format: t.value });
      continue;
    }
    const waiting = out[out.length - 1];
    if (waiting && waiting.output === undefined) waiting.output = t.value;
    else {
      const format = inferFormat(t.value);
      if (format === undefined) warnings.push(unclaimedExtension(t.value));
      out.push({ format: format ?? 'text', output: t.value });
    }
  }
  const files = out.flatMap((o) => (o.output === undefined ? [] : [path.resolve(o.output)]));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--output',
      ...both(CLI_TEXT.outputTwice, { file: twice }),
    });
  }
  if (out.length === 0) out.push({ format: 'text' });
  const binary = out.find((o) => o.output === undefined && FORMATTERS.get(o.format)?.binary === true);
  if (binary) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--format',
      ...both(CLI_TEXT.binaryToStdout, { format: binary.format }),
    });
  }
  if (out.filter((o) => o.output === undefined).length > 1) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      ...both(CLI_TEXT.severalToStdout, {}),
    });
  }
  return out;
}

/** Names people type for a format this tool calls otherwise (other tools' names, file extensions). */
const FORMAT_ALIASES: Record<string, string> = {
  junitxml: 'junit',
  'junit-xml': 'junit',
  xunit: 'junit',
  xml: 'junit',
  md: 'markdown',
  gfm: 'markdown',
  txt: 'text',
  htm: 'html',
  sarif2: 'sarif',
  'sarif-2.1.0': 'sarif',
  codequality: 'gitlab',
  'code-quality': 'gitlab',
  'gitlab-codequality': 'gitlab',
  'gitlab-code-quality': 'gitlab',
  'github-actions': 'github',
  gha: 'github',
  annotations: 'github',
};

/** The format a mistyped `--format` most likely meant: a known alias, a close spelling, or a prefix. */
export function suggestFormat(name: string): string | undefined {
  const lower = name.toLowerCase();
  const known = [...FORMATTERS.keys()];
  if (known.includes(lower)) return lower;
  const alias = FORMAT_ALIASES[lower];
  if (alias !== undefined && FORMATTERS.has(alias)) return alias;
  return closest(lower, known) ?? known.find((k) => lower.startsWith(k) || (lower.length >= 3 && k.startsWith(lower)));
}

function checkFormat(name: string): void {
  if (!FORMATTERS.has(name)) {
    const guess = suggestFormat(name);
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--format',
      ...both(CLI_TEXT.unknownFormat, { name }),
      hint: guess !== undefined ? both(CLI_TEXT.meantFormat, { guess, formats: [...FORMATTERS.keys()].join(', ') }).message : didYouMean(name, FORMATTERS.keys()),
    });
  }
}

/** The format an output file's extension claims, or undefined when no format claims it. */
function inferFormat(file: string): string | undefined {
  const f = BY_EXTENSION[path.extname(file).toLowerCase()];
  return f !== undefined && FORMATTERS.has(f) ? f : undefined;
}

function unclaimedExtension(file: string): InputProblem {
  const ext = path.extname(file);
  const known = Object.keys(BY_EXTENSION).join(', ');
  return {
    code: 'usage',
    file: 'command line',
    subject: '--output',
    ...(ext ? both(CLI_TEXT.unclaimedExtension, { ext, file, known }) : both(CLI_TEXT.noExtension, { file, known })),
  };
}
