import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UserInputError } from './user-input-error.js';
import { both } from '../i18n/text.js';
import type { MessageDef } from '../i18n/types.js';
import { FILE_TEXT } from './messages.js';

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
      const what = st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'device';
      throw new UserInputError({ code: 'file.unreadable', file, ...both(FILE_TEXT.notRegular, { what }) });
    }
    if (st.size > MAX_YAML_BYTES) throw tooLarge(file, st.size);
    // One byte more than the size: a file still being written is noticed, never read half.
    const buf = Buffer.allocUnsafe(st.size + 1);
    let got = 0;
    for (let n = -1; n !== 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, null);
    if (got !== st.size) {
      throw new UserInputError({ code: 'file.unreadable', file, ...both(FILE_TEXT.changedWhileRead, {}) });
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
    ...both(FILE_TEXT.tooLarge, { bytes, max: MAX_YAML_BYTES }),
  });
}

/** What a file that cannot be read was meant to be; the hint says what to do about it. */
export type InputRole = 'manifest' | 'ruleset' | 'report' | 'grid-template';

const UNREADABLE_HINTS: Record<InputRole, MessageDef<never>> = {
  manifest: FILE_TEXT.checkManifestPath,
  ruleset: FILE_TEXT.checkRulesPath,
  'grid-template': FILE_TEXT.checkGridTemplatePath,
  report: FILE_TEXT.giveReportOrBag,
};

/** Why a file cannot be read, by its error code. */
const UNREADABLE_REASONS: Readonly<Record<string, MessageDef<never>>> = {
  ENOENT: FILE_TEXT.fileNotFound,
  EISDIR: FILE_TEXT.isADirectory,
  EACCES: FILE_TEXT.permissionDenied,
};

export function unreadable(file: string, err: unknown, role: InputRole = 'manifest'): UserInputError {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'EIO';
  const reason = Object.hasOwn(UNREADABLE_REASONS, code) ? both(UNREADABLE_REASONS[code]!, {}) : both(FILE_TEXT.cannotBeRead, { code });
  return new UserInputError({
    code: 'file.unreadable',
    file,
    message: reason.message,
    hint: both(UNREADABLE_HINTS[role], {}).message,
  });
}
