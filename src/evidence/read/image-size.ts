import type { EvidenceFile } from '../evidence-file.js';

export interface ImageSize {
  width: number;
  height: number;
}

/** How far into a JPEG the frame header is looked for (EXIF and ICC blocks come first). */
const JPEG_SCAN_BYTES = 4 * 1024 * 1024;

/**
 * An image's dimensions, read from its header only (no pixel is decoded), so that a decompression
 * bomb (a 30000×30000 PNG of a few KiB) is refused before any decoder allocates for it.
 * Undefined when the header is cut or malformed.
 */
export async function imageSize(file: EvidenceFile): Promise<ImageSize | undefined> {
  const h = file.head;
  switch (file.kind) {
    case 'png':
      if (h.length < 24 || h.toString('latin1', 12, 16) !== 'IHDR') return undefined;
      return { width: h.readUInt32BE(16), height: h.readUInt32BE(20) };
    case 'gif':
      if (h.length < 10) return undefined;
      return { width: h.readUInt16LE(6), height: h.readUInt16LE(8) };
    case 'webp':
      return webpSize(h);
    case 'jpeg':
      return jpegSize(file);
    default:
      return undefined;
  }
}

function webpSize(h: Buffer): ImageSize | undefined {
  if (h.length < 30) return undefined;
  const chunk = h.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + h.readUIntLE(24, 3), height: 1 + h.readUIntLE(27, 3) };
  if (chunk === 'VP8L') {
    const bits = h.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: h.readUInt16LE(26) & 0x3fff, height: h.readUInt16LE(28) & 0x3fff };
  return undefined;
}

/** Walks the JPEG markers up to the first start-of-frame, reading the file as it goes. */
async function jpegSize(file: EvidenceFile): Promise<ImageSize | undefined> {
  let buf = Buffer.alloc(0);
  let pos = 2;
  for await (const chunk of file.chunks()) {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (pos + 4 > buf.length) break;
      if (buf[pos] !== 0xff) return undefined;
      const marker = buf[pos + 1]!;
      if (marker === 0xff) {
        pos++;
        continue;
      }
      // Markers without a length.
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        pos += 2;
        continue;
      }
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) {
        if (pos + 9 > buf.length) break;
        return { width: buf.readUInt16BE(pos + 7), height: buf.readUInt16BE(pos + 5) };
      }
      pos += 2 + buf.readUInt16BE(pos + 2);
    }
    if (buf.length > JPEG_SCAN_BYTES) return undefined;
  }
  return undefined;
}
