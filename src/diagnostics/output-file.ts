import { randomBytes } from 'node:crypto';
import { constants, promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import { UserInputError } from './user-input-error.js';
import { both } from '../i18n/text.js';
import { FILE_TEXT } from './messages.js';

/**
 * The one way dmn-check writes what a user asked for (`--output`, `init --out`, `pack --out`):
 *
 * - an output never replaces an input of the same run (same device and inode, so a symbolic or a
 *   hard link to the manifest, an evidence file or the ruleset is refused too);
 * - a FIFO or a character device (`/dev/null`, `/dev/stdout`, `>(cmd)`) is written in place, never
 *   renamed over: as root, renaming onto `/dev/null` would delete the system's `/dev/null`;
 * - a directory, a socket or a block device is refused;
 * - a regular file is written to a temporary file next to it and renamed into place (a symbolic
 *   link keeps pointing at it), so a failed run never leaves a half-written file.
 */

/** A file an output must not replace: its identity, and what to call it in the message. */
export interface InputIdentity {
  dev: number;
  ino: number;
  /** As shown to the user. */
  name: string;
}

/** Identities of input files, by path (those that cannot be stat'ed are left out: they cannot be replaced either). */
export async function identitiesOf(files: readonly { abs: string; name: string }[]): Promise<InputIdentity[]> {
  const out: InputIdentity[] = [];
  for (const f of files) {
    const st = await fsp.stat(f.abs).catch(() => undefined);
    if (st) out.push({ dev: st.dev, ino: st.ino, name: f.name });
  }
  return out;
}

export interface OutputFile {
  /** Absolute path. */
  path: string;
  /** As shown to the user. */
  display?: string;
  content: string | Uint8Array;
}

function notRegular(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'directory';
  if (st.isSocket()) return 'socket';
  if (st.isBlockDevice()) return 'block device';
  return undefined;
}

/** Exit 2 when `st` (the target as it is now) is one of `inputs`. */
export function refuseInput(st: Stats | undefined, display: string, inputs: readonly InputIdentity[]): void {
  if (!st) return;
  const input = inputs.find((i) => i.dev === st.dev && i.ino === st.ino);
  if (!input) return;
  throw new UserInputError({
    code: 'usage',
    file: display,
    ...both(FILE_TEXT.isAnInput, { input: input.name === display ? undefined : input.name }),
  });
}

function cannotWrite(display: string, code: string): UserInputError {
  return new UserInputError({
    code: 'file.unreadable',
    file: display,
    ...both(FILE_TEXT.cannotWrite, { code }),
  });
}

interface Planned {
  file: OutputFile;
  display: string;
  /** Write in place (FIFO, character device) rather than through a temporary file. */
  inPlace: boolean;
  /** The path the temporary file is renamed to (symbolic links resolved). */
  final: string;
}

/** Checks one target before anything is written: exit 2 for an input, a folder, a socket. */
async function plan(file: OutputFile, inputs: readonly InputIdentity[]): Promise<Planned> {
  const display = file.display ?? path.basename(file.path);
  let st: Stats | undefined;
  try {
    st = await fsp.stat(file.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    if (code !== 'ENOENT') throw cannotWrite(display, code);
  }
  refuseInput(st, display, inputs);
  const what = st && notRegular(st);
  if (what) {
    throw new UserInputError({
      code: 'usage',
      file: display,
      ...both(FILE_TEXT.notAFile, { what }),
    });
  }
  if (st && !st.isFile()) return { file, display, inPlace: true, final: file.path };
  const final = st ? await fsp.realpath(file.path) : file.path;
  return { file, display, inPlace: false, final };
}

/** Writes into an existing FIFO or device without creating, truncating or replacing it. */
async function writeInPlace(p: Planned): Promise<void> {
  const handle = await fsp.open(p.final, constants.O_WRONLY | constants.O_NOCTTY);
  try {
    const st = await handle.stat();
    // Swapped for a regular file since it was planned: writing would truncate nothing and mix contents.
    if (st.isFile()) throw Object.assign(new Error('changed'), { code: 'ECHANGED' });
    await handle.writeFile(p.file.content);
  } finally {
    await handle.close();
  }
}

/**
 * Writes every file only after all were checked and rendered: regular files through a temporary
 * file renamed into place, FIFOs and devices in place. Refuses (exit 2, nothing written) any
 * target that is one of `inputs`, a folder or a socket.
 */
export async function writeOutputs(files: readonly OutputFile[], inputs: readonly InputIdentity[] = []): Promise<void> {
  // Folders this call creates (`-o reports/x.sarif` in a fresh checkout), removed again on failure.
  const created: string[] = [];
  const planned: Planned[] = [];
  const temps: { tmp: string; p: Planned }[] = [];
  let current: Planned | undefined;
  try {
    for (const f of files) {
      for (const dir of await missingFolders(f.path)) {
        await fsp.mkdir(dir);
        created.push(dir);
      }
    }
    for (const f of files) planned.push(await plan(f, inputs));
    for (const p of planned.filter((x) => !x.inPlace)) {
      current = p;
      const tmp = path.join(path.dirname(p.final), `.${path.basename(p.final)}.${randomBytes(6).toString('hex')}.tmp`);
      await fsp.writeFile(tmp, p.file.content, { flag: 'wx' });
      temps.push({ tmp, p });
    }
    for (const t of temps) {
      current = t.p;
      // An input may have been linked here since the plan: check again just before replacing.
      refuseInput(await fsp.stat(t.p.final).catch(() => undefined), t.p.display, inputs);
      await fsp.rename(t.tmp, t.p.final);
    }
    temps.length = 0;
    for (const p of planned.filter((x) => x.inPlace)) {
      current = p;
      await writeInPlace(p);
    }
  } catch (err) {
    await Promise.all(temps.map((t) => fsp.rm(t.tmp, { force: true })));
    for (const dir of created.reverse()) await fsp.rmdir(dir).catch(() => undefined);
    if (err instanceof UserInputError) throw err;
    throw cannotWrite(current?.display ?? planned[0]?.display ?? '', (err as NodeJS.ErrnoException).code ?? 'error');
  }
}

/** The folders above `file` that do not exist yet, outermost first. */
async function missingFolders(file: string): Promise<string[]> {
  const out: string[] = [];
  let dir = path.dirname(file);
  for (;;) {
    try {
      await fsp.stat(dir);
      return out;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return out;
      out.unshift(dir);
      const up = path.dirname(dir);
      if (up === dir) return out;
      dir = up;
    }
  }
}
