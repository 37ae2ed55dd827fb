import { createHash } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import type { EvidenceFile, FileIdentity } from './evidence-file.js';
import { KINDS, type Kind } from './kinds.js';

// An evidence file on disk once opened: its content read again only when a check asks, checked to
// be the same file, and hashed in the same pass.

const CHUNK_BYTES = 1024 * 1024;

export class FileTooLargeError extends Error {
  constructor(readonly file: string, readonly bytes: number, readonly limit: number) {
    super(`${file}: ${bytes} bytes is over the ${limit}-byte limit for this check`);
  }
}

/** An evidence file of the dossier's folder, as `openEvidenceFile` opened it. */
export class LocalEvidenceFile implements EvidenceFile {
  readonly mime: string;
  private digest: string | undefined;

  constructor(
    readonly path: string,
    readonly absPath: string,
    readonly identity: FileIdentity,
    readonly bytes: number,
    readonly kind: Kind,
    readonly head: Buffer,
    /** True when `head` is the whole content, read when the file was opened. */
    private readonly whole: boolean,
    digest: string | undefined,
  ) {
    this.mime = KINDS[kind];
    this.digest = digest;
  }

  async *chunks(): AsyncGenerator<Buffer> {
    if (this.whole) {
      // The content read (and hashed) when the file was opened: the same bytes the kind was sniffed from.
      if (this.bytes > 0) yield this.head;
      return;
    }
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
      // A folder on the way swapped for a symbolic link since it was opened would lead to another file.
      if (st.dev !== this.identity.dev || st.ino !== this.identity.ino) throw new Error(`${this.path} is no longer the file that was opened`);
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
