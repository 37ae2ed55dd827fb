import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { UserInputError, t2 } from '../diagnostics/user-input-error.js';
import { didYouMean } from '../diagnostics/suggest.js';
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
export function pairOutputs(tokens: readonly OutputToken[]): OutputRequest[] {
  const out: OutputRequest[] = [];
  for (const t of tokens) {
    if (t.kind === 'format') {
      checkFormat(t.value);
      out.push({ format: t.value });
      continue;
    }
    const waiting = out[out.length - 1];
    if (waiting && waiting.output === undefined) waiting.output = t.value;
    else out.push({ format: inferFormat(t.value), output: t.value });
  }
  const files = out.flatMap((o) => (o.output === undefined ? [] : [path.resolve(o.output)]));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--output',
      message: t2(`${twice} is named by two --output options.`, `${twice} est indiqué par deux options --output.`),
      hint: t2('Give each format its own file.', 'Donnez à chaque format son propre fichier.'),
    });
  }
  if (out.length === 0) out.push({ format: 'text' });
  const binary = out.find((o) => o.output === undefined && FORMATTERS.get(o.format)?.binary === true);
  if (binary) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--format',
      message: t2(`${binary.format} is a binary format and does not go to standard output.`, `${binary.format} est un format binaire et ne s’écrit pas sur la sortie standard.`),
      hint: t2(`Add --output FILE.${binary.format} after --format ${binary.format}.`, `Ajoutez --output FICHIER.${binary.format} après --format ${binary.format}.`),
    });
  }
  if (out.filter((o) => o.output === undefined).length > 1) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      message: t2('several formats would go to standard output.', 'plusieurs formats iraient sur la sortie standard.'),
      hint: t2('Give each --format but one an --output FILE.', 'Donnez à chaque --format sauf un une option --output FICHIER.'),
    });
  }
  return out;
}

function checkFormat(name: string): void {
  if (!FORMATTERS.has(name)) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--format',
      message: t2(`unknown format "${name}".`, `format inconnu « ${name} ».`),
      hint: didYouMean(name, FORMATTERS.keys()),
    });
  }
}

function inferFormat(file: string): string {
  const f = BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'text';
  return FORMATTERS.has(f) ? f : 'json';
}

/**
 * Writes every file only after all were rendered, each through a temporary file renamed into
 * place, so a failed run never leaves a half-written report.
 */
export async function writeAtomically(files: readonly { path: string; content: string | Uint8Array }[]): Promise<void> {
  const temps: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const tmp = path.join(path.dirname(f.path), `.${path.basename(f.path)}.${randomBytes(6).toString('hex')}.tmp`);
      await fsp.writeFile(tmp, f.content, { flag: 'wx' });
      temps.push({ tmp, final: f.path });
    }
    for (const t of temps) await fsp.rename(t.tmp, t.final);
  } catch (err) {
    await Promise.all(temps.map((t) => fsp.rm(t.tmp, { force: true })));
    const e = err as NodeJS.ErrnoException;
    const target = files.find((f) => e.path?.includes(path.basename(f.path)))?.path ?? files[0]?.path ?? '';
    throw new UserInputError({
      code: 'file.unreadable',
      file: target,
      message: t2(`cannot be written (${e.code ?? 'error'}).`, `ne peut pas être écrit (${e.code ?? 'erreur'}).`),
      hint: t2('Check that the folder exists and is writable.', 'Vérifiez que le dossier existe et est accessible en écriture.'),
    });
  }
}
