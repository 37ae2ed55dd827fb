import { constants, createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/*
 * A small ZIP (APPNOTE 6.3) writer and reader for sealed dossiers: stored or deflated entries,
 * no ZIP64, no encryption. The writer is deterministic: entries in the order given, one fixed
 * timestamp, fixed permissions, no extra fields, so the same files give the same bytes.
 */

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const FLAG_UTF8 = 0x0800;
const FLAG_ENCRYPTED = 0x0001;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const VERSION_NEEDED = 20; // 2.0: deflate, folders
const VERSION_MADE_BY = (3 << 8) | 20; // Unix, 2.0: external attributes carry the mode
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** Files up to this size are deflated in memory; larger ones are stored, streamed in chunks. */
const DEFLATE_LIMIT = 32 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/** A zip that cannot be written (too large for plain ZIP) or read (corrupt, unsupported). */
export class ZipError extends Error {
  constructor(
    message: string,
    /** The entry concerned, when there is one. */
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/** One file to put in a zip. */
export interface ZipSource {
  /** Name inside the zip, `/` separators, no leading slash. */
  name: string;
  /** Where its bytes are on disk. */
  absPath: string;
}

/** One entry of a zip's central directory. */
export interface ZipEntry {
  /** Name inside the zip, `/` separators, without the trailing slash of a folder. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** CRC-32 of the uncompressed bytes. */
  crc32: number;
  /** Bytes stored in the zip. */
  compressedSize: number;
  /** Bytes once extracted. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** A folder entry (name ending in `/`). */
  isDirectory: boolean;
  /** Unix mode from the external attributes (0 when the zip was not made on Unix). */
  mode: number;
}

/** MS-DOS date and time of a UTC instant, clamped to the range DOS can hold (1980–2107). */
export function dosDateTime(when: Date): { date: number; time: number } {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  const d = new Date(Math.min(Math.max(when.getTime(), min), max));
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

function checkName(name: string): void {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\u0000') || name.split('/').some((p) => p === '..' || p === '.')) {
    throw new ZipError(`invalid entry name ${JSON.stringify(name)}`, name);
  }
}

async function crcOfFile(absPath: string): Promise<number> {
  let crc = 0;
  for await (const chunk of createReadStream(absPath, { highWaterMark: CHUNK })) crc = zlib.crc32(chunk as Buffer, crc);
  return crc;
}

/**
 * Writes `sources` as a new zip at `target` (which must not exist), in the order given, every entry
 * stamped `mtime`. Small files are deflated when that makes them smaller; the rest are stored.
 */
export async function writeZip(target: string, sources: readonly ZipSource[], mtime: Date): Promise<void> {
  if (sources.length > MAX_ENTRIES) throw new ZipError(`${sources.length} files is over the ${MAX_ENTRIES} a zip without ZIP64 can hold`);
  const { date, time } = dosDateTime(mtime);
  const seen = new Set<string>();
  const handle = await fsp.open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  let offset = 0;
  const write = async (buf: Buffer): Promise<void> => {
    let done = 0;
    while (done < buf.length) done += (await handle.write(buf, done, buf.length - done, offset + done)).bytesWritten;
    offset += buf.length;
  };
  const central: Buffer[] = [];
  try {
    for (const src of sources) {
      checkName(src.name);
      if (seen.has(src.name)) throw new ZipError(`duplicate entry ${JSON.stringify(src.name)}`, src.name);
      seen.add(src.name);
      const size = (await fsp.stat(src.absPath)).size;
      if (size > MAX_32 || offset > MAX_32) throw new ZipError('the zip would exceed 4 GiB, the limit without ZIP64', src.name);
      let method = METHOD_STORE;
      let crc: number;
      let data: Buffer | undefined;
      if (size <= DEFLATE_LIMIT) {
        const raw = await fsp.readFile(src.absPath);
        if (raw.length !== size) throw new ZipError('file changed while it was zipped', src.name);
        crc = zlib.crc32(raw);
        const deflated = zlib.deflateRawSync(raw, { level: 9 });
        if (deflated.length < raw.length) [method, data] = [METHOD_DEFLATE, deflated];
        else data = raw;
      } else {
        crc = await crcOfFile(src.absPath);
      }
      const compressedSize = data ? data.length : size;
      const name = Buffer.from(src.name, 'utf8');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(LOCAL_SIG, 0);
      local.writeUInt16LE(VERSION_NEEDED, 4);
      local.writeUInt16LE(FLAG_UTF8, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(crc >>> 0, 14);
      local.writeUInt32LE(compressedSize, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      const headerOffset = offset;
      await write(Buffer.concat([local, name]));
      if (data) {
        await write(data);
      } else {
        let copied = 0;
        for await (const chunk of createReadStream(src.absPath, { highWaterMark: CHUNK })) {
          copied += (chunk as Buffer).length;
          await write(chunk as Buffer);
        }
        if (copied !== size) throw new ZipError('file changed while it was zipped', src.name);
      }
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(CENTRAL_SIG, 0);
      entry.writeUInt16LE(VERSION_MADE_BY, 4);
      entry.writeUInt16LE(VERSION_NEEDED, 6);
      entry.writeUInt16LE(FLAG_UTF8, 8);
      entry.writeUInt16LE(method, 10);
      entry.writeUInt16LE(time, 12);
      entry.writeUInt16LE(date, 14);
      entry.writeUInt32LE(crc >>> 0, 16);
      entry.writeUInt32LE(compressedSize, 20);
      entry.writeUInt32LE(size, 24);
      entry.writeUInt16LE(name.length, 28);
      // extra length, comment length, disk number, internal attributes: all 0
      entry.writeUInt32LE(((0o100644 << 16) >>> 0), 38);
      entry.writeUInt32LE(headerOffset, 42);
      central.push(entry, name);
    }
    const cdOffset = offset;
    const cd = Buffer.concat(central);
    if (cdOffset + cd.length > MAX_32) throw new ZipError('the zip would exceed 4 GiB, the limit without ZIP64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_SIG, 0);
    end.writeUInt16LE(sources.length, 8);
    end.writeUInt16LE(sources.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    await write(Buffer.concat([cd, end]));
  } finally {
    await handle.close();
  }
}

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

/** Reads a zip's central directory. Names are checked: none may be absolute or climb out with `..`. */
export async function readZipEntries(file: string): Promise<ZipEntry[]> {
  const handle = await fsp.open(file, 'r');
  try {
    return await centralDirectory(handle);
  } finally {
    await handle.close();
  }
}

async function centralDirectory(handle: fsp.FileHandle): Promise<ZipEntry[]> {
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
  const entries: ZipEntry[] = [];
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
    const name = cd.subarray(p + 46, p + 46 + nameLength).toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
    const entry: ZipEntry = {
      name: name.endsWith('/') ? name.slice(0, -1) : name,
      method,
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
      isDirectory: name.endsWith('/'),
      mode: madeBy === 3 ? external >>> 16 : 0,
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
  return entries;
}

/**
 * Extracts every entry of `file` below `destDir` (which must exist), checking each entry's size
 * and CRC-32. Returns the entries. Nothing is written outside `destDir`.
 */
export async function extractZip(file: string, destDir: string): Promise<ZipEntry[]> {
  const handle = await fsp.open(file, 'r');
  try {
    const entries = await centralDirectory(handle);
    const fileSize = (await handle.stat()).size;
    const made = new Set<string>();
    const mkdir = async (dir: string): Promise<void> => {
      if (made.has(dir)) return;
      await fsp.mkdir(dir, { recursive: true });
      made.add(dir);
    };
    for (const e of entries) {
      const out = path.join(destDir, ...e.name.split('/'));
      if (e.isDirectory) {
        await mkdir(out);
        continue;
      }
      await mkdir(path.dirname(out));
      const local = await readAt(handle, e.offset, 30);
      if (local.readUInt32LE(0) !== LOCAL_SIG) throw new ZipError('corrupt local header', e.name);
      const dataStart = e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataStart + e.compressedSize > fileSize) throw new ZipError('entry data lies past the end of the file', e.name);
      let crc = 0;
      let written = 0;
      const outHandle = await fsp.open(out, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      try {
        if (e.method === METHOD_DEFLATE) {
          const compressed = await readAt(handle, dataStart, e.compressedSize);
          let data: Buffer;
          try {
            // maxOutputLength: a corrupt or hostile entry cannot inflate past what it declares
            data = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, e.size) });
          } catch {
            throw new ZipError('corrupt compressed data', e.name);
          }
          crc = zlib.crc32(data);
          written = data.length;
          await outHandle.writeFile(data);
        } else {
          if (e.compressedSize !== e.size) throw new ZipError('stored entry with differing sizes', e.name);
          for (let pos = 0; pos < e.size; pos += CHUNK) {
            const chunk = await readAt(handle, dataStart + pos, Math.min(CHUNK, e.size - pos));
            crc = zlib.crc32(chunk, crc);
            written += chunk.length;
            await outHandle.write(chunk);
          }
        }
      } finally {
        await outHandle.close();
      }
      if (written !== e.size) throw new ZipError(`size is ${written} bytes, ${e.size} declared`, e.name);
      if (crc >>> 0 !== e.crc32 >>> 0) throw new ZipError('CRC-32 does not match: the entry is corrupt', e.name);
    }
    return entries;
  } finally {
    await handle.close();
  }
}
