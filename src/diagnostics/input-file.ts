import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UserInputError, t2 } from './user-input-error.js';
import type { Localized } from '../report/report.js';

// Reading an input file of the CLI (manifest, ruleset, report, grid template): a regular file of
// bounded size, read whole, and the message when it cannot be.

/**
 * Largest YAML input. A manifest naming 20,000 evidence files is about 1 MiB; parsing costs roughly
 * 100 times the file size in memory, so the bound keeps a hostile file from taking gigabytes.
 */
export const MAX_YAML_BYTES = 8 * 1024 * 1024;

/**
 * Reads a file that must be a regular file of at most MAX_YAML_BYTES. The size and type are
 * checked on the open descriptor before reading, so a FIFO never blocks the run and a device
 * such as /dev/zero or a multi-gigabyte file is never read.
 */
export function readRegularFile(absPath: string, file: string, role: InputRole): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw unreadable(file, err, role);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw unreadable(file, Object.assign(new Error('directory'), { code: 'EISDIR' }), role);
    if (!st.isFile()) {
      const what = st.isFIFO() ? ['a named pipe (FIFO)', 'un tube nommé (FIFO)'] : st.isSocket() ? ['a socket', 'une socket'] : ['a device', 'un périphérique'];
      throw new UserInputError({
        code: 'file.unreadable',
        file,
        message: t2(`is ${what[0]}, not a regular file.`, `est ${what[1]}, pas un fichier ordinaire.`),
        hint: t2('Give the path of a YAML file.', "Indiquez le chemin d’un fichier YAML."),
      });
    }
    if (st.size > MAX_YAML_BYTES) throw tooLarge(file, st.size);
    // One byte more than the size: a file still being written is noticed, never read half.
    const buf = Buffer.allocUnsafe(st.size + 1);
    let got = 0;
    for (let n = -1; n !== 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, null);
    if (got !== st.size) {
      throw new UserInputError({
        code: 'file.unreadable',
        file,
        message: t2('changed while it was being read.', 'a changé pendant sa lecture.'),
        hint: t2('Run dmn-check again once the file is saved.', 'Relancez dmn-check une fois le fichier enregistré.'),
      });
    }
    return buf.subarray(0, got);
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    throw unreadable(file, err, role);
  } finally {
    closeSync(fd);
  }
}

export function tooLarge(file: string, bytes: number): UserInputError {
  return new UserInputError({
    code: 'yaml.syntax',
    file,
    message: t2(`is ${bytes} bytes; a YAML input may be at most ${MAX_YAML_BYTES} bytes.`, `fait ${bytes} octets ; un fichier YAML ne peut dépasser ${MAX_YAML_BYTES} octets.`),
    hint: t2('A manifest names evidence files by path; it never contains them.', 'Un manifeste désigne les preuves par leur chemin ; il ne les contient pas.'),
  });
}

/** What a file that cannot be read was meant to be; the hint says what to do about it. */
export type InputRole = 'manifest' | 'ruleset' | 'report' | 'grid-template';

const UNREADABLE_HINTS: Record<InputRole, Localized> = {
  manifest: t2('Check the path, or run `dmn-check init` to create a manifest.', 'Vérifiez le chemin, ou lancez `dmn-check init` pour créer un manifeste.'),
  ruleset: t2('Check the --rules path (or the `extends` of the ruleset); without --rules the bundled ruleset is used.', 'Vérifiez le chemin de --rules (ou l’`extends` du référentiel) ; sans --rules, le référentiel livré est utilisé.'),
  'grid-template': t2('Check the --grid-template path: your copy of the ANS grid (.xlsx).', 'Vérifiez le chemin de --grid-template\u00a0: votre copie de la grille de l’ANS (.xlsx).'),
  report: t2('Give the JSON report written by `dmn-check check --format json --output FILE`, or a bag made by `dmn-check pack`.', 'Indiquez le rapport JSON écrit par `dmn-check check --format json --output FICHIER`, ou une archive faite par `dmn-check pack`.'),
};

export function unreadable(file: string, err: unknown, role: InputRole = 'manifest'): UserInputError {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'EIO';
  const reason: Record<string, [string, string]> = {
    ENOENT: ['file not found.', 'fichier introuvable.'],
    EISDIR: ['is a directory, not a file.', 'est un dossier, pas un fichier.'],
    EACCES: ['permission denied.', 'permission refusée.'],
  };
  const [en, fr] = reason[code] ?? [`cannot be read (${code}).`, `illisible (${code}).`];
  return new UserInputError({
    code: 'file.unreadable',
    file,
    message: t2(en, fr),
    hint: UNREADABLE_HINTS[role],
  });
}
