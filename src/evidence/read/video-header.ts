import type { EvidenceFile } from '../evidence-file.js';

/**
 * What a video's container says about it before any frame is decoded: how long it is and how large
 * its frames are (so that a video of hours or a 30000×30000 stream is refused first), and, for an
 * MP4 or QuickTime file whose index (`moov`) comes after its media (`mdat`), where that index sits:
 * ffmpeg reads the video from a pipe, which cannot seek back, so the index is moved in front.
 */
export interface VideoHeader {
  /** Duration in seconds, when the container states it. */
  seconds?: number;
  /** Frame size of the first video track, when the container states it. */
  width?: number;
  height?: number;
  /** The MP4/QuickTime index to move in front of the media, offsets already shifted. */
  relocate?: { insertAt: number; start: number; end: number; moov: Buffer };
}

/** An index (moov) or a WebM header part larger than this is no screen recording's. */
const MAX_HEADER_BYTES = 32 * 1024 * 1024;
/** Top-level boxes or elements walked at most (a file of millions of empty boxes is no video). */
const MAX_ELEMENTS = 10_000;

/** Reads a file's chunks as a byte stream: exactly `n` bytes, or skips them. */
class Cursor {
  pos = 0;
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  constructor(file: EvidenceFile) {
    this.it = file.chunks()[Symbol.asyncIterator]();
  }
  /** `n` bytes, or undefined when the file ends first. */
  async read(n: number): Promise<Buffer | undefined> {
    while (this.buf.length < n) {
      const next = await this.it.next();
      if (next.done) return undefined;
      this.buf = this.buf.length === 0 ? next.value : Buffer.concat([this.buf, next.value]);
    }
    const out = Buffer.from(this.buf.subarray(0, n));
    this.buf = this.buf.subarray(n);
    this.pos += n;
    return out;
  }
  /** Skips `n` bytes; false when the file ends first. */
  async skip(n: number): Promise<boolean> {
    while (this.buf.length < n) {
      n -= this.buf.length;
      this.pos += this.buf.length;
      const next = await this.it.next();
      if (next.done) {
        this.buf = Buffer.alloc(0);
        return false;
      }
      this.buf = next.value;
    }
    this.buf = this.buf.subarray(n);
    this.pos += n;
    return true;
  }
  async close(): Promise<void> {
    await this.it.return?.();
  }
}

/** The container's header, or undefined when it is not one (a corrupt or truncated file). */
export async function videoHeader(file: EvidenceFile): Promise<VideoHeader | undefined> {
  const cursor = new Cursor(file);
  try {
    if (file.kind === 'webm') return await webmHeader(cursor);
    return await mp4Header(cursor, file.bytes);
  } finally {
    await cursor.close();
  }
}

/** ISO base media (MP4) and QuickTime: top-level boxes, up to and including `moov`. */
async function mp4Header(c: Cursor, bytes: number): Promise<VideoHeader | undefined> {
  let mediaFirst = false;
  let insertAt = 0;
  for (let n = 0; n < MAX_ELEMENTS; n++) {
    const start = c.pos;
    const h = await c.read(8);
    if (!h) return undefined; // no index: nothing can be played
    let size = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    let large: Buffer | undefined;
    if (size === 1) {
      large = await c.read(8);
      if (!large) return undefined;
      size = Number(large.readBigUInt64BE(0));
    } else if (size === 0) size = bytes - start;
    const head = large ? 16 : 8;
    if (size < head) return undefined;
    if (type === 'moov') {
      if (size > MAX_HEADER_BYTES) return undefined;
      const body = await c.read(size - head);
      if (!body) return undefined;
      const moov = Buffer.concat(large ? [h, large, body] : [h, body]);
      const info = moovInfo(moov.subarray(head));
      if (!mediaFirst) return info;
      shiftOffsets(moov.subarray(head), insertAt, start, moov.length);
      return { ...info, relocate: { insertAt, start, end: start + size, moov } };
    }
    if (type === 'mdat') mediaFirst = true;
    if (type === 'ftyp' && start === 0) insertAt = size;
    if (!(await c.skip(size - head))) return undefined;
  }
  return undefined;
}

/** Children of a box body: [type, body] pairs (malformed sizes end the walk). */
function* boxes(body: Buffer): Generator<[string, Buffer]> {
  let p = 0;
  while (p + 8 <= body.length) {
    let size = body.readUInt32BE(p);
    let head = 8;
    if (size === 1 && p + 16 <= body.length) {
      size = Number(body.readBigUInt64BE(p + 8));
      head = 16;
    } else if (size === 0) size = body.length - p;
    if (size < head || p + size > body.length) return;
    yield [body.toString('latin1', p + 4, p + 8), body.subarray(p + head, p + size)];
    p += size;
  }
}

const child = (body: Buffer, type: string): Buffer | undefined => {
  for (const [t, b] of boxes(body)) if (t === type) return b;
  return undefined;
};

/** Duration (mvhd) and the first video track's frame size (its sample description). */
function moovInfo(moov: Buffer): VideoHeader {
  const out: VideoHeader = {};
  const mvhd = child(moov, 'mvhd');
  if (mvhd && mvhd.length >= 32) {
    const v1 = mvhd[0] === 1;
    const scale = mvhd.readUInt32BE(v1 ? 20 : 12);
    const duration = v1 ? Number(mvhd.readBigUInt64BE(24)) : mvhd.readUInt32BE(16);
    if (scale > 0 && duration > 0 && duration !== 0xffffffff) out.seconds = duration / scale;
  }
  for (const [t, trak] of boxes(moov)) {
    if (t !== 'trak') continue;
    const mdia = child(trak, 'mdia');
    const hdlr = mdia && child(mdia, 'hdlr');
    if (!hdlr || hdlr.length < 12 || hdlr.toString('latin1', 8, 12) !== 'vide') continue;
    const stsd = child(child(child(mdia, 'minf') ?? Buffer.alloc(0), 'stbl') ?? Buffer.alloc(0), 'stsd');
    if (stsd && stsd.length >= 8 + 36) {
      out.width = stsd.readUInt16BE(8 + 32);
      out.height = stsd.readUInt16BE(8 + 34);
    }
    break;
  }
  return out;
}

/** Adds `by` to every chunk offset (stco, co64) that points into [from, to): the bytes the index moves in front of. */
function shiftOffsets(moov: Buffer, from: number, to: number, by: number): void {
  for (const [t, b] of boxes(moov)) {
    if (t === 'trak' || t === 'mdia' || t === 'minf' || t === 'stbl') shiftOffsets(b, from, to, by);
    else if (t === 'stco' || t === 'co64') {
      const wide = t === 'co64' ? 8 : 4;
      const n = Math.min(b.readUInt32BE(4), Math.floor((b.length - 8) / wide));
      for (let i = 0; i < n; i++) {
        const at = 8 + i * wide;
        const o = wide === 8 ? Number(b.readBigUInt64BE(at)) : b.readUInt32BE(at);
        if (o < from || o >= to) continue;
        if (wide === 8) b.writeBigUInt64BE(BigInt(o + by), at);
        else b.writeUInt32BE(Math.min(o + by, 0xffffffff), at);
      }
    }
  }
}

/** EBML element ids of WebM (Matroska) this reads. */
const EBML = { header: 0x1a45dfa3, segment: 0x18538067, info: 0x1549a966, tracks: 0x1654ae6b, cluster: 0x1f43b675 };

/** An EBML variable-length integer at `b[p]`: its value (marker kept for ids) and length. */
function vint(b: Buffer, p: number, keepMarker: boolean): { value: number; len: number; unknown: boolean } | undefined {
  const first = b[p];
  if (first === undefined || first === 0) return undefined;
  const len = Math.clz32(first) - 23;
  if (len > 8 || p + len > b.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> len);
  let allOnes = value === 0xff >> len;
  for (let i = 1; i < len; i++) {
    value = value * 256 + b[p + i]!;
    allOnes &&= b[p + i] === 0xff;
  }
  return { value, len, unknown: !keepMarker && allOnes };
}

/** Reads one element header (id and size) from the cursor. */
async function element(c: Cursor): Promise<{ id: number; size: number | undefined } | undefined> {
  const first = await c.read(1);
  if (!first) return undefined;
  const idLen = Math.clz32(first[0]!) - 23;
  if (idLen < 1 || idLen > 4) return undefined;
  const idRest = idLen > 1 ? await c.read(idLen - 1) : Buffer.alloc(0);
  if (!idRest) return undefined;
  const id = vint(Buffer.concat([first, idRest]), 0, true);
  const s0 = await c.read(1);
  if (!id || !s0) return undefined;
  const sLen = Math.clz32(s0[0]!) - 23;
  if (sLen < 1 || sLen > 8) return undefined;
  const sRest = sLen > 1 ? await c.read(sLen - 1) : Buffer.alloc(0);
  if (!sRest) return undefined;
  const size = vint(Buffer.concat([s0, sRest]), 0, false);
  if (!size) return undefined;
  return { id: id.value, size: size.unknown ? undefined : size.value };
}

/** Children of an EBML body: [id, body] pairs. */
function* elements(b: Buffer): Generator<[number, Buffer]> {
  let p = 0;
  while (p < b.length) {
    const id = vint(b, p, true);
    const size = id && vint(b, p + id.len, false);
    if (!id || !size || size.unknown) return;
    const start = p + id.len + size.len;
    if (start + size.value > b.length) return;
    yield [id.value, b.subarray(start, start + size.value)];
    p = start + size.value;
  }
}

const uint = (b: Buffer): number => [...b].reduce((v, x) => v * 256 + x, 0);

/** WebM: the Segment's Info (duration) and Tracks (the first video track's pixel size), before the first Cluster. */
async function webmHeader(c: Cursor): Promise<VideoHeader | undefined> {
  const head = await element(c);
  if (!head || head.id !== EBML.header || head.size === undefined || !(await c.skip(head.size))) return undefined;
  const segment = await element(c);
  if (!segment || segment.id !== EBML.segment) return undefined;
  const out: VideoHeader = {};
  let seen = 0;
  for (let n = 0; n < MAX_ELEMENTS && seen < 2; n++) {
    const e = await element(c);
    // The file ends (or breaks) before its Info and Tracks: nothing a decoder could play.
    if (!e) return undefined;
    if (e.id === EBML.cluster || e.size === undefined) break;
    if (e.id !== EBML.info && e.id !== EBML.tracks) {
      if (!(await c.skip(e.size))) return undefined;
      continue;
    }
    if (e.size > MAX_HEADER_BYTES) return undefined;
    const body = await c.read(e.size);
    if (!body) return undefined;
    seen++;
    if (e.id === EBML.info) {
      let scale = 1_000_000;
      let duration: number | undefined;
      for (const [id, v] of elements(body)) {
        if (id === 0x2ad7b1) scale = uint(v);
        if (id === 0x4489 && (v.length === 4 || v.length === 8)) duration = v.length === 4 ? v.readFloatBE(0) : v.readDoubleBE(0);
      }
      if (duration !== undefined && Number.isFinite(duration) && duration > 0) out.seconds = (duration * scale) / 1e9;
    } else {
      for (const [id, entry] of elements(body)) {
        if (id !== 0xae) continue;
        const fields = new Map(elements(entry));
        const video = fields.get(0xe0);
        if (uint(fields.get(0x83) ?? Buffer.alloc(0)) !== 1 || !video) continue;
        const dims = new Map(elements(video));
        out.width = uint(dims.get(0xb0) ?? Buffer.alloc(0));
        out.height = uint(dims.get(0xba) ?? Buffer.alloc(0));
        break;
      }
    }
  }
  return out;
}
