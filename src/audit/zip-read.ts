import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { builtin } from '../util/builtin.js';
import { CENTRAL_SIG, checkName, END_SIG, FLAG_ENCRYPTED, FLAG_UTF8, LOCAL_SIG, MAX_32, METHOD_DEFLATE, METHOD_STORE, ZipError, type ZipEntry } from './zip-format.js';

/*
 * The zip reader of bags given to `replay` (and of grid templates). A zip comes from someone else:
 * every entry's local header must name what the central directory names, no two entries may share
 * bytes, and inflation is streamed, each entry held to the size it declares and the whole zip to a
 * budget, so a zip bomb stops after a few chunks instead of filling memory or disk.
 */

/** An entry with what its local header says: where its data is, and the name bytes both headers hold. */
interface Located extends ZipEntry {
  rawName: Buffer;
  dataStart: number;
}

const INFLATE_CHUNK = 64 * 1024;

async function readAt(handle: fsp.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  if (got !== length) throw new ZipError('unexpected end of file');
  return buf;
}

async function centralDirectory(handle: fsp.FileHandle): Promise<{ entries: (ZipEntry & { rawName: Buffer })[]; cdOffset: number; size: number }> {
  const size = (await handle.stat()).size;
  if (size < 22) throw new ZipError('not a zip file (too short)');
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(handle, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_SIG && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError('not a zip file (no end of central directory)');
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0 || tail.readUInt16LE(at + 8) !== count) throw new ZipError('multi-part zips are not supported');
  if (count === 0xffff || cdSize === MAX_32 || cdOffset === MAX_32) throw new ZipError('ZIP64 archives are not supported');
  if (cdOffset + cdSize > size) throw new ZipError('the central directory lies past the end of the file');
  const cd = await readAt(handle, cdOffset, cdSize);
  const entries: (ZipEntry & { rawName: Buffer })[] = [];
  const names = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) throw new ZipError('corrupt central directory');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const madeBy = cd.readUInt16LE(p + 4) >> 8;
    const external = cd.readUInt32LE(p + 38);
    const rawName = cd.subarray(p + 46, p + 46 + nameLength);
    const name = rawName.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
    const entry = {
      name: name.endsWith('/') ? name.slice(0, -1) : name,
      method,
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
      isDirectory: name.endsWith('/'),
      mode: madeBy === 3 ? external >>> 16 : 0,
      rawName,
    };
    p += 46 + nameLength + extraLength + commentLength;
    checkName(entry.name);
    if (flags & FLAG_ENCRYPTED) throw new ZipError('encrypted entries are not supported', entry.name);
    if (!entry.isDirectory && method !== METHOD_STORE && method !== METHOD_DEFLATE) throw new ZipError(`compression method ${method} is not supported`, entry.name);
    if ((entry.mode & 0o170000) === 0o120000) throw new ZipError('symbolic links are not accepted', entry.name);
    if (names.has(entry.name)) throw new ZipError('duplicate entry', entry.name);
    names.add(entry.name);
    entries.push(entry);
  }
  return { entries, cdOffset, size };
}

/**
 * Reads each entry's local header: it must name what the central directory names (a zip read by
 * another tool must give the same files), and the entries' data must not overlap one another nor
 * the central directory (one compressed stream shared by many names is how a 100 KB zip writes GBs).
 */
async function locate(handle: fsp.FileHandle): Promise<Located[]> {
  const { entries, cdOffset } = await centralDirectory(handle);
  const located: Located[] = [];
  for (const e of entries) {
    if (e.offset + 30 > cdOffset) throw new ZipError('the local header lies past the entries', e.name);
    const local = await readAt(handle, e.offset, Math.min(30 + e.rawName.length, cdOffset - e.offset));
    if (local.readUInt32LE(0) !== LOCAL_SIG) throw new ZipError('corrupt local header', e.name);
    const localName = local.subarray(30, 30 + local.readUInt16LE(26));
    if (!localName.equals(e.rawName)) {
      throw new ZipError(`its local header names ${JSON.stringify(localName.toString('utf8'))}, the central directory ${JSON.stringify(e.name)}`, e.name);
    }
    if (local.readUInt16LE(8) !== e.method) throw new ZipError('its local header and the central directory give different compression methods', e.name);
    const dataStart = e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (dataStart + e.compressedSize > cdOffset) throw new ZipError('entry data lies past the end of the entries', e.name);
    located.push({ ...e, dataStart });
  }
  const byOffset = [...located].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const [a, b] = [byOffset[i - 1]!, byOffset[i]!];
    if (a.dataStart + a.compressedSize > b.offset) throw new ZipError(`its data overlaps entry ${JSON.stringify(b.name)}`, a.name);
  }
  return located;
}

/** The bytes of `handle` from `start`, `length` of them, a chunk at a time (the zip stays open for the next entry). */
async function* byteRange(handle: fsp.FileHandle, start: number, length: number): AsyncGenerator<Buffer> {
  for (let done = 0; done < length; ) {
    const chunk = Buffer.allocUnsafe(Math.min(INFLATE_CHUNK, length - done));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, start + done);
    if (bytesRead === 0) throw new ZipError('unexpected end of file');
    done += bytesRead;
    yield chunk.subarray(0, bytesRead);
  }
}

/** What an entry inflates to goes to `sink`, chunk by chunk; more than it declares, or than `budget.left`, stops it. */
async function inflate(handle: fsp.FileHandle, e: Located, budget: { left: number }, sink: (chunk: Buffer) => Promise<unknown> | void): Promise<void> {
  if (e.method === METHOD_STORE && e.compressedSize !== e.size) throw new ZipError('stored entry with differing sizes', e.name);
  const zlib = builtin('node:zlib');
  const { pipeline } = builtin('node:stream/promises');
  const source = builtin('node:stream').Readable.from(byteRange(handle, e.dataStart, e.compressedSize));
  let crc = 0;
  let written = 0;
  // What stopped the stream: the pipeline reports an abort, not the reason.
  let stop: ZipError | undefined;
  const consume = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of chunks) {
      written += chunk.length;
      if (written > e.size) {
        throw (stop = new ZipError(`inflates past the ${e.size} bytes it declares`, e.name, `se décompresse au-delà des ${e.size} octets qu’elle déclare`, 'limit'));
      }
      budget.left -= chunk.length;
      if (budget.left < 0) throw (stop = new ZipError('the zip inflates past its budget', e.name, 'le zip se décompresse au-delà de son budget', 'limit'));
      crc = zlib.crc32(chunk, crc);
      await sink(chunk);
    }
  };
  try {
    if (e.method === METHOD_DEFLATE) await pipeline(source, zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK }), consume);
    else await pipeline(source, consume);
  } catch (err) {
    if (stop) throw stop;
    if (err instanceof ZipError) throw err;
    if (typeof (err as NodeJS.ErrnoException).code === 'string' && (err as NodeJS.ErrnoException).code!.startsWith('Z_')) throw new ZipError('corrupt compressed data', e.name);
    throw err;
  }
  if (written !== e.size) throw new ZipError(`size is ${written} bytes, ${e.size} declared`, e.name);
  if (crc >>> 0 !== e.crc32 >>> 0) throw new ZipError('CRC-32 does not match: the entry is corrupt', e.name);
}

/** A zip opened for reading: its entries located and checked, read one at a time within bounds. */
export interface ZipReader {
  readonly entries: readonly ZipEntry[];
  /** One entry's bytes, refused past `maxBytes` (checked on what it declares, then while inflating). */
  read(entry: ZipEntry, maxBytes: number): Promise<Buffer>;
  /**
   * Extracts every entry below `destDir` (which must exist), each held to its declared size and CRC,
   * all together to `maxTotalBytes` (default: what they declare) and to the free space there.
   */
  extract(destDir: string, maxTotalBytes?: number): Promise<void>;
  close(): Promise<void>;
}

const tooBig = (what: string, declared: number, max: number, fr: string, entry?: string): ZipError =>
  new ZipError(`${what} declares ${declared} bytes, over ${max}`, entry, `${fr} déclare ${declared} octets, au-delà de ${max}`, 'limit');

export async function openZip(file: string): Promise<ZipReader> {
  const handle = await fsp.open(file, 'r');
  let located: Located[];
  try {
    located = await locate(handle);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const find = (entry: ZipEntry): Located => {
    const e = located.find((l) => l.name === entry.name);
    if (!e) throw new ZipError('no such entry', entry.name);
    return e;
  };
  return {
    entries: located.map((l): ZipEntry => ({ name: l.name, method: l.method, crc32: l.crc32, compressedSize: l.compressedSize, size: l.size, offset: l.offset, isDirectory: l.isDirectory, mode: l.mode })),
    async read(entry, maxBytes) {
      const e = find(entry);
      if (e.size > maxBytes) throw tooBig('the entry', e.size, maxBytes, "l’entrée", e.name);
      const parts: Buffer[] = [];
      await inflate(handle, e, { left: maxBytes }, (c) => void parts.push(c));
      return Buffer.concat(parts);
    },
    async extract(destDir, maxTotalBytes) {
      const declared = located.reduce((n, e) => n + e.size, 0);
      if (maxTotalBytes !== undefined && declared > maxTotalBytes) throw tooBig('the zip', declared, maxTotalBytes, 'le zip');
      const fs = await fsp.statfs(destDir);
      const free = fs.bavail * fs.bsize;
      if (declared > free) {
        throw new ZipError(`it unpacks to ${declared} bytes; only ${free} are free in the temporary folder`, undefined, `il se décompresse en ${declared} octets ; seuls ${free} sont libres dans le dossier temporaire`, 'limit');
      }
      const budget = { left: Math.min(declared, maxTotalBytes ?? declared) };
      const made = new Set<string>();
      const mkdir = async (dir: string): Promise<void> => {
        if (made.has(dir)) return;
        await fsp.mkdir(dir, { recursive: true });
        made.add(dir);
      };
      for (const e of located) {
        const out = path.join(destDir, ...e.name.split('/'));
        if (e.isDirectory) {
          await mkdir(out);
          continue;
        }
        await mkdir(path.dirname(out));
        const outHandle = await fsp.open(out, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
        try {
          await inflate(handle, e, budget, (c) => outHandle.write(c));
        } finally {
          await outHandle.close();
        }
      }
    },
    close: () => handle.close(),
  };
}

/** Reads a zip's central directory (local headers checked too). Names are checked: none may be absolute or climb out with `..`. */
export async function readZipEntries(file: string): Promise<ZipEntry[]> {
  const zip = await openZip(file);
  await zip.close();
  return [...zip.entries];
}

/** Extracts every entry of `file` below `destDir` (which must exist); see `ZipReader.extract`. Returns the entries. */
export async function extractZip(file: string, destDir: string, maxTotalBytes?: number): Promise<ZipEntry[]> {
  const zip = await openZip(file);
  try {
    await zip.extract(destDir, maxTotalBytes);
    return [...zip.entries];
  } finally {
    await zip.close();
  }
}
