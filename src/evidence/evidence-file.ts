import type { CatalogCode, CoreFinding } from '../i18n/index.js';
import { hash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

import type { Kind } from './kinds.js';
import { HEAD_BYTES, sniff } from './sniff.js';
import { otherUnicodeForm } from './near-names.js';
import { LocalEvidenceFile } from './local-file.js';

/** Kinds known by their magic number: their content is only ever streamed, so a short head is kept. */
const MAGIC_KINDS: ReadonlySet<Kind> = new Set(['png', 'jpeg', 'gif', 'webp', 'pdf', 'mp4', 'quicktime', 'webm', 'odt', 'docx', 'zip', 'sqlite', 'pg-dump-custom']);
const MAGIC_HEAD_BYTES = 4096;

/**
 * One evidence file, opened and sniffed. Content is read on demand; the first full pass over
 * the content also computes its SHA-256, so a check that reads the whole file costs one read.
 */
export interface EvidenceFile {
  /** Path relative to the dossier folder, with `/` separators (what reports show). */
  readonly path: string;
  /** Absolute path on this machine (never printed). */
  readonly absPath: string;
  /** Device and inode of a local file (every read checks them again); absent for a network source. */
  readonly identity?: FileIdentity;
  readonly bytes: number;
  /** Kind sniffed from the content. */
  readonly kind: Kind;
  /** MIME type of `kind`. */
  readonly mime: string;
  /** The first bytes of the file (at most 64 KiB; at most 4 KiB for media and archives, known by their magic number). */
  readonly head: Buffer;
  /** The whole content as chunks (about 1 MiB each). */
  chunks(): AsyncGenerator<Buffer>;
  /** SHA-256 of the content, hex. Reads the file only if no full pass happened yet. */
  sha256(): Promise<string>;
  /** The whole content as UTF-8 text; refuses files larger than `maxBytes`. */
  text(maxBytes?: number): Promise<string>;
}

/** Why a path named in the manifest did not give an evidence file. */
export type OpenFailure =
  /** `suggestion`: the dossier's file the path most likely means (case, accents, a typo), for "did you mean". */
  | { reason: 'missing'; suggestion?: string }
  | { reason: 'not-regular'; what: 'directory' | 'fifo' | 'device' | 'socket' | 'other' }
  | { reason: 'escape' }
  | { reason: 'loop' }
  /** Longer than the system allows (a name over 255 bytes, a path over 4,095). */
  | { reason: 'name-too-long'; limit: number }
  | { reason: 'unreadable'; code: string }
  /** A non-file source (FHIR server) that could not deliver: `error` when it could not be reached, `failed` when its content is wrong. */
  | { reason: 'source'; status: 'error' | 'failed'; code: CatalogCode; params: Record<string, string | number> };

/** An opened evidence reference; a network source may bring warnings about itself (`findings`). */
export type OpenResult = { ok: true; file: EvidenceFile; findings?: CoreFinding[] } | ({ ok: false } & OpenFailure);

/**
 * True when `candidate` is `root` or lies below it. Both are absolute and normalised (real paths, or
 * `path.resolve` results), so a prefix test on whole components says it; `path.relative` would
 * resolve both again for each of 20,000 files.
 */
function isInside(root: string, candidate: string): boolean {
  if (candidate === root) return true;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return candidate.startsWith(prefix);
}

/**
 * A relative POSIX path already in normal form: segments of anything but `/` and `\\`, none empty,
 * `.` or `..`, and no drive letter (`C:`) in front (NUL is refused apart).
 */
const NORMAL_RELATIVE = /^(?![a-zA-Z]:)(?!\.\.?(?:\/|$))[^/\\]+(?:\/(?!\.\.?(?:\/|$))[^/\\]+)*$/;

/**
 * Lexical confinement: a manifest path must be relative, without NUL, and must not climb out of the
 * dossier. Returns the normalised POSIX relative path, or undefined when it escapes.
 */
export function confinePath(relPath: string): string | undefined {
  // Already normal (what manifests hold: `evidence/ieu7/login.png`), so normalising would give it back.
  if (relPath.includes('\u0000')) return undefined;
  if (NORMAL_RELATIVE.test(relPath)) return relPath;
  if (path.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) return undefined;
  const normal = path.posix.normalize(relPath.replace(/\\/g, '/'));
  if (normal === '..' || normal.startsWith('../') || normal.startsWith('/')) return undefined;
  if (normal.split('/').includes('..')) return undefined;
  return normal === '.' ? undefined : normal;
}

/** Linux's NAME_MAX and PATH_MAX: beyond them a file cannot exist, whatever the disk holds. */
const NAME_MAX = 255;
const PATH_MAX = 4096;

/** The limit `rel` goes over (bytes of one name, or of the whole path), or undefined. */
function nameTooLong(rootDir: string, rel: string): number | undefined {
  // A UTF-16 unit is at most 3 bytes of UTF-8: short paths (all of them, in practice) need no counting.
  if (rel.length * 3 <= NAME_MAX && (rootDir.length + 1 + rel.length) * 3 < PATH_MAX) return undefined;
  if (rel.split('/').some((n) => Buffer.byteLength(n) > NAME_MAX)) return NAME_MAX;
  if (Buffer.byteLength(path.join(rootDir, rel)) >= PATH_MAX) return PATH_MAX - 1;
  return undefined;
}

/** What a non-regular file is, or undefined for a regular file. */
function notRegularKind(st: Stats): 'directory' | 'fifo' | 'device' | 'socket' | 'other' | undefined {
  if (st.isFile()) return undefined;
  return st.isDirectory() ? 'directory' : st.isFIFO() ? 'fifo' : st.isCharacterDevice() || st.isBlockDevice() ? 'device' : st.isSocket() ? 'socket' : 'other';
}

/**
 * Opens an evidence file inside `rootDir` (the dossier folder, already resolved with realpath).
 * Symlinks are followed but must land inside the dossier; FIFOs and devices are never read.
 *
 * One open per file: realpath, open, fstat and one read through the descriptor, which sniffs the
 * kind and, for a file that fits in the head (64 KiB), hashes it and keeps it, so later checks and
 * the report never open it again. The calls are synchronous: each is a few microseconds on a local
 * disk, far less than a trip through the thread pool, and 20,000 files pay it 20,000 times.
 */
export function openEvidenceFile(rootDir: string, relPath: string, folders?: FolderCache): Promise<OpenResult> {
  try {
    return Promise.resolve(openEvidenceFileSync(rootDir, relPath, folders));
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

/**
 * Real paths of the folders evidence sits in, for one opening pass over a dossier (20,000 files sit in
 * a handful of folders: each is resolved once instead of once per file).
 */
export type FolderCache = Map<string, string>;

/**
 * The real path of `abs`, its folder resolved once per pass: a file whose folder really is inside the
 * dossier is opened as `realFolder/name` with O_NOFOLLOW, so a symlink as last component is not
 * followed there (the caller then resolves it whole). Undefined when the folder cannot be resolved
 * here or lies outside: the caller resolves the whole path and classifies the failure.
 */
function throughFolder(rootDir: string, abs: string, folders: FolderCache): string | undefined {
  const dir = path.dirname(abs);
  let real = folders.get(dir);
  if (real === undefined) {
    try {
      real = realpathSync.native(dir);
    } catch {
      return undefined;
    }
    folders.set(dir, real);
  }
  return isInside(rootDir, real) ? path.join(real, path.basename(abs)) : undefined;
}

function openEvidenceFileSync(rootDir: string, relPath: string, folders: FolderCache | undefined): OpenResult {
  const rel = confinePath(relPath);
  if (rel === undefined) return { ok: false, reason: 'escape' };
  const tooLong = nameTooLong(rootDir, rel);
  if (tooLong !== undefined) return { ok: false, reason: 'name-too-long', limit: tooLong };
  // A name typed in one Unicode form (NFC, as keyboards give it) for a file stored in the other (NFD, as macOS copies it).
  const stored = /[^ -~]/.test(rel) ? otherUnicodeForm(rootDir, rel) : undefined;
  const opened = openResolved(rootDir, rel, path.join(rootDir, stored ?? rel), folders);
  if (stored === undefined || !opened.ok) return opened;
  // Read, since it is the file meant; but some tools (zip, git on Linux, a reviewer's search) will not find it.
  return { ...opened, findings: [...(opened.findings ?? []), { code: 'file.unicode-form', severity: 'warning', params: { file: rel, stored, form: stored === stored.normalize('NFD') ? 'NFD' : 'NFC' } }] };
}

/** Opens `rel`, at `abs` (its stored name), inside `rootDir`. */
function openResolved(rootDir: string, rel: string, abs: string, folders: FolderCache | undefined): OpenResult {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
  const direct = folders ? throughFolder(rootDir, abs, folders) : undefined;
  if (direct !== undefined) {
    let fd: number | undefined;
    try {
      fd = openSync(direct, flags);
    } catch {
      // A symlink (ELOOP), a missing file, a socket…: the whole path is resolved below, which says which.
    }
    if (fd !== undefined) return readOpened(fd, direct, rel, rootDir, abs);
  }
  let real: string;
  try {
    real = realpathSync.native(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A dangling symlink that points outside is still an escape attempt.
      try {
        const target = readlinkSync(abs);
        if (!isInside(rootDir, path.resolve(path.dirname(abs), target))) return { ok: false, reason: 'escape' };
      } catch {
        /* not a link */
      }
      return { ok: false, reason: 'missing' };
    }
    if (code === 'ELOOP') return { ok: false, reason: 'loop' };
    return { ok: false, reason: 'unreadable', code };
  }
  if (!isInside(rootDir, real)) return { ok: false, reason: 'escape' };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOFOLLOW: `real` has no link left, unless one was swapped in since.
    fd = openSync(real, flags);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return { ok: false, reason: 'missing' };
    if (code === 'EISDIR') return { ok: false, reason: 'not-regular', what: 'directory' };
    // A socket (or a device without a driver) cannot be opened at all: say what it is, from its stat.
    let what: ReturnType<typeof notRegularKind>;
    try {
      what = notRegularKind(statSync(real));
    } catch {
      what = undefined;
    }
    if (what) return { ok: false, reason: 'not-regular', what };
    return { ok: false, reason: 'unreadable', code };
  }
  return readOpened(fd, real, rel, rootDir, abs);
}

/** Stats, reads, sniffs (and, when it fits in the head, hashes) an opened evidence file, then closes it. */
function readOpened(fd: number, real: string, rel: string, rootDir: string, abs: string): OpenResult {
  try {
    const st = fstatSync(fd);
    // A folder of `real` may have been swapped for a symbolic link between resolving and opening:
    // the descriptor is kept only if the file it holds lies inside the dossier.
    if (!openedInside(fd, rootDir, abs, st)) return { ok: false, reason: 'escape' };
    const what = notRegularKind(st);
    if (what) return { ok: false, reason: 'not-regular', what };
    // One byte more than stat says, when the file fits in the head: reading short of it proves the head is the whole content.
    const want = Math.min(HEAD_BYTES, st.size + 1);
    // From the shared pool (a small file does not get an ArrayBuffer of its own for the heap to track);
    // only the bytes read are ever used.
    const headBuf = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const n = readSync(fd, headBuf, got, want - got, got);
      got += n;
      // A regular file read short is at its end (a signal cutting a read short leaves `got` under the
      // size: the file is then streamed later, never taken as whole): no second call to hear it say 0.
      if (n === 0 || got < want) break;
    }
    const seen = Math.min(got, st.size, HEAD_BYTES);
    const kind = sniff(headBuf.subarray(0, seen), st.size, rel);
    const whole = got === st.size && st.size < want;
    // Every opened file is kept until the report is done: 20,000 screenshots must not hold 64 KiB each.
    const keepAll = whole && (!MAGIC_KINDS.has(kind) || st.size <= MAGIC_HEAD_BYTES);
    const head = MAGIC_KINDS.has(kind) && seen > MAGIC_HEAD_BYTES ? Buffer.from(headBuf.subarray(0, MAGIC_HEAD_BYTES)) : headBuf.subarray(0, seen);
    const digest = whole ? hash('sha256', headBuf.subarray(0, got), 'hex') : undefined;
    return { ok: true, file: new LocalEvidenceFile(rel, real, { dev: st.dev, ino: st.ino }, st.size, kind, head, keepAll, digest) };
  } catch (err) {
    return { ok: false, reason: 'unreadable', code: (err as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the file open on `fd` lies inside `rootDir`. On Linux the kernel says where the descriptor's
 * file is (/proc/self/fd), whatever links its path went through when it was opened: no later swap
 * can change the answer. Elsewhere, `abs` is resolved again and must name the same device and inode,
 * which a swap racing that second resolution could still fool.
 */
function openedInside(fd: number, rootDir: string, abs: string, opened: Stats): boolean {
  if (process.platform === 'linux') {
    let where: string | undefined;
    try {
      where = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      // no /proc mounted (a minimal container): the path check below
    }
    if (where !== undefined) return isInside(rootDir, where);
  }
  return stillInside(rootDir, abs, opened);
}

/** Whether `abs`, resolved now, is inside `rootDir` and is the file `opened` (same device and inode). */
function stillInside(rootDir: string, abs: string, opened: Stats): boolean {
  try {
    const real = realpathSync.native(abs);
    if (!isInside(rootDir, real)) return false;
    const st = lstatSync(real);
    return st.dev === opened.dev && st.ino === opened.ino;
  } catch {
    return false;
  }
}

/** Which file an evidence file is: every later read must find this device and inode again. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}
