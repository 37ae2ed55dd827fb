import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run-cli.js';

/** The screen recordings made by scripts/make-video-fixtures.mjs from fixtures/screens/. */
export const VIDEOS = path.join(ROOT, 'fixtures', 'videos');

export const video = (name: string): Buffer => readFileSync(path.join(VIDEOS, name));

/** `buf` with `bytes` written at the first place `marker` is found plus `offset`. */
function patchAfter(buf: Buffer, marker: Buffer, offset: number, write: (b: Buffer, at: number) => void): Buffer {
  const out = Buffer.from(buf);
  const at = out.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker.toString('hex')} not found`);
  write(out, at + offset);
  return out;
}

/** An MP4 whose sample description declares `width`×`height` frames (the media is unchanged). */
export function mp4WithFrameSize(buf: Buffer, width: number, height: number): Buffer {
  // stsd: type, version/flags, entry count, then the entry: size, format, 6 reserved, index, 16 bytes, width, height
  return patchAfter(buf, Buffer.from('stsd'), 4 + 8 + 32, (b, at) => {
    b.writeUInt16BE(width, at);
    b.writeUInt16BE(height, at + 2);
  });
}

/** An MP4 whose movie header says it lasts `seconds` (the media is unchanged). */
export function mp4WithDuration(buf: Buffer, seconds: number): Buffer {
  // mvhd (version 0): type, version/flags, creation, modification, timescale, duration
  return patchAfter(buf, Buffer.from('mvhd'), 4, (b, at) => b.writeUInt32BE(b.readUInt32BE(at + 12) * seconds, at + 16));
}

/** A WebM whose video track declares a PixelWidth of `width` (2-byte element in the fixtures). */
export function webmWithWidth(buf: Buffer, width: number, was = 1280): Buffer {
  return patchAfter(buf, Buffer.from([0xb0, 0x82, was >> 8, was & 0xff]), 2, (b, at) => b.writeUInt16BE(width, at));
}

/** A WebM whose Info element has no Duration (its 8-byte float becomes a Void element of the same length). */
export function webmWithoutDuration(buf: Buffer): Buffer {
  return patchAfter(buf, Buffer.from([0x44, 0x89, 0x88]), 0, (b, at) => {
    b[at] = 0xec;
    b[at + 1] = 0x89;
  });
}
