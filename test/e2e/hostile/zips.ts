// Hand-made zips for the hostile corpus: bombs, overlapping entries, headers that disagree. Built
// from raw records (APPNOTE 6.3), since no honest zip writer makes them.
import zlib from 'node:zlib';

const MIB = 1024 * 1024;

/**
 * A raw deflate stream of `prefix`, `mib` MiB of the byte `fill`, then `suffix`: about 1 KB per MiB,
 * built without deflating them. With its CRC-32 and size.
 */
export function repeatedDeflate(mib: number, fill = 0, prefix = Buffer.alloc(0), suffix = Buffer.alloc(0)): { data: Buffer; size: number; crc: number } {
  const flush = { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const block = Buffer.alloc(MIB, fill);
  // Each part deflated on its own (so valid after anything); the repeated MiB as if the same bytes preceded it.
  const head = zlib.deflateRawSync(Buffer.concat([prefix, block]), flush);
  const repeat = zlib.deflateRawSync(block, { ...flush, dictionary: block.subarray(0, 32 * 1024) });
  const tail = zlib.deflateRawSync(suffix, { level: 9 });
  const data = Buffer.concat([head, ...Array<Buffer>(mib - 1).fill(repeat), tail]);
  // (zlib.crc32 of an empty buffer that went through deflateRawSync gives 0, whatever the start: parts are skipped when empty)
  let crc = prefix.length ? zlib.crc32(prefix) : 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(block, crc);
  if (suffix.length) crc = zlib.crc32(suffix, crc);
  return { data, size: prefix.length + mib * MIB + suffix.length, crc: crc >>> 0 };
}

/** A raw deflate stream of `mib` MiB of zeros, about 1 KB per MiB. */
export const zeroDeflate = (mib: number): { data: Buffer; size: number; crc: number } => repeatedDeflate(mib);

/** A gzip member (RFC 1952) of a raw deflate stream. */
export function gzipOf(d: { data: Buffer; size: number; crc: number }): Buffer {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(d.crc, 0);
  trailer.writeUInt32LE(d.size % 2 ** 32, 4);
  return Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), d.data, trailer]);
}

/** One entry as written: what its central record says, and what its local header says when that differs. */
export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The bytes stored (compressed). */
  data: Buffer;
  /** Declared uncompressed size and CRC-32. */
  size: number;
  crc: number;
  /** The local header's name, when it lies about the central one. */
  localName?: string;
}

export const stored = (name: string, content: string | Buffer): RawEntry => {
  const data = Buffer.from(content);
  return { name, method: 0, data, size: data.length, crc: zlib.crc32(data) >>> 0 };
};

export function localHeader(e: RawEntry): Buffer {
  const n = Buffer.from(e.localName ?? e.name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.data.length, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n]);
}

function centralHeader(e: RawEntry, offset: number): Buffer {
  const n = Buffer.from(e.name);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | 20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.data.length, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(n.length, 28);
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, n]);
}

/** Bytes that `entries` take, laid out one after the other: the offset of the next one. */
export const sizeOf = (entries: RawEntry[]): number => entries.reduce((n, e) => n + localHeader(e).length + e.data.length, 0);

/**
 * A zip of `entries`, laid out one after the other, then central records for each, plus the
 * `extra` central records given with their own offsets (entries that point into other entries).
 */
export function buildZip(entries: RawEntry[], extra: { entry: RawEntry; offset: number }[] = []): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    central.push(centralHeader(e, offset));
    const local = localHeader(e);
    parts.push(local, e.data);
    offset += local.length + e.data.length;
  }
  for (const x of extra) central.push(centralHeader(x.entry, x.offset));
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** The tag files of a small bag named `bag`, Payload-Oxum as given. */
export function bagTags(oxum: string): RawEntry[] {
  return [stored('bag/bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'), stored('bag/bag-info.txt', `Payload-Oxum: ${oxum}\n`)];
}
