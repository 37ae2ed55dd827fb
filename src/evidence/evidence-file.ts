import { createHash } from 'node:crypto';
import { constants, promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import type { RawFinding } from '../report/report.js';
import { KINDS, type Kind } from './kinds.js';
import { HEAD_BYTES, sniff } from './sniff.js';

const CHUNK_BYTES = 1024 * 1024;

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
  | { reason: 'missing' }
  | { reason: 'not-regular'; what: 'directory' | 'fifo' | 'device' | 'socket' | 'other' }
  | { reason: 'escape' }
  | { reason: 'loop' }
  | { reason: 'unreadable'; code: string }
  /** A non-file source (FHIR server) that could not deliver: `error` when it could not be reached, `failed` when its content is wrong. */
  | { reason: 'source'; status: 'error' | 'failed'; code: string; params: Record<string, string | number> };

/** An opened evidence reference; a network source may bring warnings about itself (`findings`). */
export type OpenResult = { ok: true; file: EvidenceFile; findings?: RawFinding[] } | ({ ok: false } & OpenFailure);

export class FileTooLargeError extends Error {
  constructor(readonly file: string, readonly bytes: number, readonly limit: number) {
    super(`${file}: ${bytes} bytes is over the ${limit}-byte limit for this check`);
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Lexical confinement: a manifest path must be relative, without NUL, and must not climb out of the
 * dossier. Returns the normalised POSIX relative path, or undefined when it escapes.
 */
export function confinePath(relPath: string): string | undefined {
  if (relPath.includes('\u0000')) return undefined;
  if (path.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) return undefined;
  const normal = path.posix.normalize(relPath.replace(/\\/g, '/'));
  if (normal === '..' || normal.startsWith('../') || normal.startsWith('/')) return undefined;
  if (normal.split('/').includes('..')) return undefined;
  return normal === '.' ? undefined : normal;
}

/** What a non-regular file is, or undefined for a regular file. */
function notRegularKind(st: Stats): 'directory' | 'fifo' | 'device' | 'socket' | 'other' | undefined {
  if (st.isFile()) return undefined;
  return st.isDirectory() ? 'directory' : st.isFIFO() ? 'fifo' : st.isCharacterDevice() || st.isBlockDevice() ? 'device' : st.isSocket() ? 'socket' : 'other';
}

/**
 * Opens an evidence file inside `rootDir` (the dossier folder, already resolved with realpath).
 * Symlinks are followed but must land inside the dossier; FIFOs and devices are never read.
 */
export async function openEvidenceFile(rootDir: string, relPath: string): Promise<OpenResult> {
  const rel = confinePath(relPath);
  if (rel === undefined) return { ok: false, reason: 'escape' };
  const abs = path.join(rootDir, rel);
  let real: string;
  try {
    real = await fsp.realpath(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // A dangling symlink that points outside is still an escape attempt.
      try {
        const target = await fsp.readlink(abs);
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
  let handle: fsp.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOFOLLOW: `real` has no link left, unless one was swapped in since.
    handle = await fsp.open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return { ok: false, reason: 'missing' };
    if (code === 'EISDIR') return { ok: false, reason: 'not-regular', what: 'directory' };
    // A socket (or a device without a driver) cannot be opened at all: say what it is, from its stat.
    const what = await fsp.stat(real).then(notRegularKind, () => undefined);
    if (what) return { ok: false, reason: 'not-regular', what };
    return { ok: false, reason: 'unreadable', code };
  }
  try {
    const st = await handle.stat();
    const what = notRegularKind(st);
    if (what) return { ok: false, reason: 'not-regular', what };
    const headBuf = Buffer.alloc(Math.min(HEAD_BYTES, st.size));
    let got = 0;
    while (got < headBuf.length) {
      const { bytesRead } = await handle.read(headBuf, got, headBuf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const kind = sniff(headBuf.subarray(0, got), st.size, rel);
    // Every opened file is kept until the report is done: 20,000 screenshots must not hold 64 KiB each.
    const head = MAGIC_KINDS.has(kind) ? Buffer.from(headBuf.subarray(0, Math.min(got, MAGIC_HEAD_BYTES))) : headBuf.subarray(0, got);
    return { ok: true, file: new LocalEvidenceFile(rel, real, st.size, kind, head) };
  } catch (err) {
    return { ok: false, reason: 'unreadable', code: (err as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    await handle.close();
  }
}

class LocalEvidenceFile implements EvidenceFile {
  readonly mime: string;
  private digest: string | undefined;

  constructor(
    readonly path: string,
    readonly absPath: string,
    readonly bytes: number,
    readonly kind: Kind,
    readonly head: Buffer,
  ) {
    this.mime = KINDS[kind];
  }

  async *chunks(): AsyncGenerator<Buffer> {
    const hash = this.digest === undefined ? createHash('sha256') : undefined;
    for await (const chunk of this.read(false)) {
      hash?.update(chunk);
      yield chunk;
    }
    if (hash) this.digest = hash.digest('hex');
  }

  async sha256(): Promise<string> {
    if (this.digest === undefined) {
      const hash = createHash('sha256');
      // Nobody keeps these chunks: one buffer serves the whole file.
      for await (const chunk of this.read(true)) hash.update(chunk);
      this.digest = hash.digest('hex');
    }
    return this.digest;
  }

  /**
   * The content, checked against what was opened: still a regular file, not behind a symlink
   * swapped in since, and exactly `bytes` long. With `reuse`, every chunk shares one buffer, so
   * each is valid only until the next one is asked for.
   */
  private async *read(reuse: boolean): AsyncGenerator<Buffer> {
    // O_NOFOLLOW: absPath was resolved when the file was opened; a symlink swapped in since is refused.
    const handle = await fsp.open(this.absPath, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new Error(`${this.path} is no longer a regular file`);
      const shared = reuse ? Buffer.allocUnsafe(Math.min(CHUNK_BYTES, this.bytes + 1)) : undefined;
      let total = 0;
      for (;;) {
        // Sized to what is left (plus one byte to notice growth): 20,000 small files must not cost 20,000 MiB of buffers.
        const want = Math.min(CHUNK_BYTES, this.bytes - total + 1);
        const buf = shared ?? Buffer.allocUnsafe(want);
        const { bytesRead } = await handle.read(buf, 0, want, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        // Never hash or check more, or other, content than the size the report states.
        if (total > this.bytes) break;
        yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
      }
      if (total !== this.bytes) throw new Error(`${this.path} changed while it was read (${this.bytes} bytes when opened, ${total > this.bytes ? 'more' : total} now)`);
    } finally {
      await handle.close();
    }
  }

  async text(maxBytes = 64 * 1024 * 1024): Promise<string> {
    if (this.bytes > maxBytes) throw new FileTooLargeError(this.path, this.bytes, maxBytes);
    const parts: Buffer[] = [];
    for await (const c of this.chunks()) parts.push(c);
    return Buffer.concat(parts).toString('utf8');
  }
}
