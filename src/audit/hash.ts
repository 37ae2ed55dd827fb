import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';

const CHUNK = 1024 * 1024;

/**
 * SHA-256 (hex) and size of a file, read through one buffer of at most 1 MiB: thousands of small
 * evidence files must not each cost a megabyte of garbage.
 */
export async function hashFile(absPath: string): Promise<{ sha256: string; bytes: number }> {
  const handle = await fsp.open(absPath, 'r');
  try {
    const size = (await handle.stat()).size;
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(size, CHUNK)));
    const hash = createHash('sha256');
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, bytes);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    await handle.close();
  }
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
