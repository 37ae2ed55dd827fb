import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';
import { videoBytes } from '../../../src/evidence/read/read-video.js';
import { videoHeader } from '../../../src/evidence/read/video-header.js';
import { PngStream } from '../../../src/evidence/read/video.js';
import { scratch } from '../../support/run-cli.js';
import { mp4WithDuration, mp4WithFrameSize, video, VIDEOS, webmWithoutDuration, webmWithWidth } from '../../support/videos.js';

const s = scratch('dmn-check-video-header-');
afterAll(() => s.done());

async function file(name: string, bytes?: Buffer): Promise<EvidenceFile> {
  if (bytes) writeFileSync(path.join(s.dir, name), bytes);
  const r = await openEvidenceFile(realpathSync(bytes ? s.dir : VIDEOS), name);
  if (!r.ok) throw new Error(r.reason);
  return r.file;
}

/** Top-level boxes of an MP4: [type, offset, size]. */
function topBoxes(b: Buffer): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (let p = 0; p + 8 <= b.length; p += b.readUInt32BE(p)) out.push([b.toString('latin1', p + 4, p + 8), p, b.readUInt32BE(p)]);
  return out;
}

/** The chunk offsets (stco) of an MP4's first track. */
function chunkOffsets(b: Buffer): number[] {
  const at = b.indexOf('stco') + 4;
  return Array.from({ length: b.readUInt32BE(at + 4) }, (_, i) => b.readUInt32BE(at + 8 + 4 * i));
}

describe('video container headers, read before any decoding', () => {
  it('MP4, QuickTime and WebM: duration and frame size', async () => {
    expect(await videoHeader(await file('two-factor-login.mp4'))).toMatchObject({ seconds: 8, width: 1280, height: 800 });
    expect(await videoHeader(await file('two-factor-login.mov'))).toEqual({ seconds: 8, width: 1280, height: 800 });
    expect(await videoHeader(await file('password-login.webm'))).toEqual({ seconds: 8, width: 1280, height: 800 });
  });

  it('what a patched header declares: hours, huge frames, no duration', async () => {
    const mp4 = video('two-factor-login.mp4');
    expect(await videoHeader(await file('h.mp4', mp4WithDuration(mp4, 10800)))).toMatchObject({ seconds: 10800 });
    expect(await videoHeader(await file('w.mp4', mp4WithFrameSize(mp4, 30000, 30000)))).toMatchObject({ width: 30000, height: 30000 });
    const webm = video('password-login.webm');
    expect(await videoHeader(await file('w.webm', webmWithWidth(webm, 65535)))).toMatchObject({ width: 65535 });
    expect(await videoHeader(await file('d.webm', webmWithoutDuration(webm)))).toEqual({ width: 1280, height: 800 });
  });

  it('no header: a truncated MP4 (no index), boxes of impossible sizes, a WebM cut in its header', async () => {
    const mp4 = video('two-factor-login.mp4');
    expect(await videoHeader(await file('cut.mp4', mp4.subarray(0, 20_000)))).toBeUndefined();
    const bad = Buffer.from(mp4);
    bad.writeUInt32BE(3, 32); // the box after ftyp claims 3 bytes, less than its own header
    expect(await videoHeader(await file('bad.mp4', bad))).toBeUndefined();
    expect(await videoHeader(await file('cut.webm', video('password-login.webm').subarray(0, 60)))).toBeUndefined();
  });

  it('an MP4 whose index follows its media is given to ffmpeg index first, every chunk offset still pointing at its bytes', async () => {
    const original = video('two-factor-login.mp4');
    expect(topBoxes(original).map((b) => b[0])).toEqual(['ftyp', 'free', 'mdat', 'moov']);
    const f = await file('two-factor-login.mp4');
    const header = (await videoHeader(f))!;
    expect(header.relocate).toMatchObject({ insertAt: 32, start: original.indexOf('moov') - 4, end: original.length });
    const parts: Buffer[] = [];
    for await (const c of videoBytes(f, header)) parts.push(c);
    const moved = Buffer.concat(parts);
    expect(moved.length).toBe(original.length);
    expect(topBoxes(moved).map((b) => b[0])).toEqual(['ftyp', 'moov', 'free', 'mdat']);
    const before = chunkOffsets(original);
    const after = chunkOffsets(moved);
    expect(after.length).toBe(before.length);
    for (const [i, o] of before.entries()) expect(moved.subarray(after[i], after[i]! + 64)).toEqual(original.subarray(o, o + 64));
  });

  it('a file already in order is given as it is', async () => {
    const f = await file('two-factor-login.mov');
    const parts: Buffer[] = [];
    for await (const c of videoBytes(f, (await videoHeader(f))!)) parts.push(c);
    expect(Buffer.concat(parts)).toEqual(video('two-factor-login.mov'));
  });
});

describe('PNG frames out of a pipe (image2pipe)', () => {
  const png = (n: number): Buffer => {
    const chunk = (type: string, data: Buffer): Buffer => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(n, 0);
    ihdr.writeUInt32BE(1, 4);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(n + 1))), chunk('IEND', Buffer.alloc(0))]);
  };

  it('cuts concatenated files whole, whatever the pipe chunks', () => {
    const files = [png(10), png(2000), png(3)];
    const all = Buffer.concat(files);
    for (const size of [1, 7, 64, all.length]) {
      const split = new PngStream(1 << 20);
      const got: Buffer[] = [];
      for (let p = 0; p < all.length; p += size) got.push(...split.push(all.subarray(p, p + size)));
      expect(got).toEqual(files);
    }
  });

  it('refuses a frame over its bound and bytes that are not PNG', () => {
    expect(() => new PngStream(40).push(png(2000))).toThrow('a frame is over 40 bytes');
    expect(() => new PngStream(100).push(Buffer.from('not a png at all'))).toThrow('other than PNG');
  });
});
