import { constants, createReadStream, promises as fsp } from 'node:fs';
import { builtin } from '../util/builtin.js';
import { CENTRAL_SIG, CHUNK, checkName, END_SIG, FLAG_UTF8, LOCAL_SIG, MAX_32, MAX_ENTRIES, METHOD_DEFLATE, METHOD_STORE, ZipError } from './zip-format.js';

/*
 * The zip writer of sealed dossiers. Deterministic: entries in the order given, one fixed
 * timestamp, fixed permissions, no extra fields, so the same files give the same bytes.
 */

const VERSION_NEEDED = 20; // 2.0: deflate, folders
const VERSION_MADE_BY = (3 << 8) | 20; // Unix, 2.0: external attributes carry the mode
/** Files up to this size are deflated in memory; larger ones are stored, streamed in chunks. */
const DEFLATE_LIMIT = 32 * 1024 * 1024;

/** One file to put in a zip. */
export interface ZipSource {
  /** Name inside the zip, `/` separators, no leading slash. */
  name: string;
  /** Where its bytes are on disk. */
  absPath: string;
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

async function crcOfFile(absPath: string): Promise<number> {
  const zlib = builtin('node:zlib');
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
  const zlib = builtin('node:zlib');
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
