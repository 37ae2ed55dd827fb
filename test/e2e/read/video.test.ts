import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fold } from '../../../src/checks/files/shows-match.js';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';
import { createReader, type Reading, type ReaderLimits } from '../../../src/evidence/read/reader.js';
import type { Report } from '../../../src/report/report.js';
import { copyDossier, ROOT, runCli, scratch } from '../../support/run-cli.js';
import { mp4WithDuration, mp4WithFrameSize, video, VIDEOS, webmWithoutDuration, webmWithWidth } from '../../support/videos.js';

const FFMPEG = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
const s = scratch('dmn-check-video-');
const reader = createReader({ ocrWorkers: 1 });
afterAll(async () => {
  await reader.close();
  s.done();
});

async function open(dir: string, name: string): Promise<EvidenceFile> {
  const r = await openEvidenceFile(realpathSync(dir), name);
  if (!r.ok) throw new Error(r.reason);
  return r.file;
}

async function readBytes(name: string, bytes: Buffer, limits?: Partial<ReaderLimits>): Promise<Reading> {
  writeFileSync(path.join(s.dir, name), bytes);
  const r = limits ? createReader({ ocrWorkers: 1, ...limits }) : reader;
  try {
    return await r.read(await open(s.dir, name));
  } finally {
    if (r !== reader) await r.close();
  }
}

/** A real 3-hour WebM (32×32, one frame a second, a few MB), made once with the installed ffmpeg. */
function longWebm(): string {
  const file = path.join(s.dir, 'long.webm');
  if (!existsSync(file)) execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=32x32:rate=1', '-t', '10800', '-c:v', 'libvpx', '-b:v', '20k', file]);
  return file;
}

/** Each frame read: its time, and whether it shows a second factor. */
function frames(r: Reading): { at: number | undefined; twoFactor: boolean }[] {
  if (!r.ok) throw new Error(`not read: ${r.problem}`);
  return r.segments.map((seg) => ({ at: seg.where.at, twoFactor: fold(seg.text).includes('double authentification') }));
}

describe('reading videos: frames sampled by ffmpeg, OCR per frame', () => {
  it('an MP4 with its index after the media: a frame at 0 s (login) and one at 4 s (second factor); repeats dropped', async () => {
    const r = await reader.read(await open(VIDEOS, 'two-factor-login.mp4'));
    expect(r.ok && r.via).toBe('ocr');
    expect(frames(r)).toEqual([
      { at: 0, twoFactor: false },
      { at: 4, twoFactor: true },
    ]);
    if (r.ok) expect(fold(r.segments[0]!.text)).toContain('matricule ins');
  }, 60_000);

  it('the same screens as a QuickTime file (index in front)', async () => {
    expect(frames(await reader.read(await open(VIDEOS, 'two-factor-login.mov')))).toEqual([
      { at: 0, twoFactor: false },
      { at: 4, twoFactor: true },
    ]);
  }, 60_000);

  it('a WebM of a password login: two frames read, neither shows a second factor', async () => {
    const r = await reader.read(await open(VIDEOS, 'password-login.webm'));
    expect(frames(r)).toEqual([
      { at: 0, twoFactor: false },
      { at: 4, twoFactor: false },
    ]);
    if (r.ok) expect(fold(r.segments[1]!.text)).toContain('mot de passe');
  }, 60_000);
});

describe('bad videos: a reading problem, never a crash', () => {
  const mp4 = video('two-factor-login.mp4');

  it('refuses a video of 3 hours from its header, before decoding (MP4 header patched; a real 3-hour WebM)', async () => {
    expect(await readBytes('hours.mp4', mp4WithDuration(mp4, 3 * 3600))).toEqual({ ok: false, problem: 'too-long', params: { seconds: 10800, limit: 600 } });
    longWebm();
    expect(await reader.read(await open(s.dir, 'long.webm'))).toEqual({ ok: false, problem: 'too-long', params: { seconds: 10800, limit: 600 } });
    expect(reader.ocrWorkersStarted).toBe(1); // started by the tests above, none more
  }, 60_000);

  it('a video whose container states no duration is read up to the duration limit only', async () => {
    const r = await readBytes('no-duration.webm', webmWithoutDuration(readFileSync(longWebm())), { maxVideoSeconds: 12 });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    const times = r.segments.map((x) => x.where.at!);
    expect(times).toEqual([0, 2, 4, 6, 8, 10]);
  }, 60_000);

  it('refuses frames of huge dimensions from the header (MP4 and WebM)', async () => {
    expect(await readBytes('huge.mp4', mp4WithFrameSize(mp4, 30000, 30000))).toEqual({
      ok: false,
      problem: 'too-many-pixels',
      params: { width: 30000, height: 30000, limit: 16_000_000, what: 'video' },
    });
    expect(await readBytes('huge.webm', webmWithWidth(video('password-login.webm'), 65535))).toMatchObject({ ok: false, problem: 'too-many-pixels', params: { width: 65535, height: 800 } });
  });

  it('the decoder itself refuses frames over the pixel limit, whatever the header says', async () => {
    expect(await readBytes('big.mp4', mp4, { maxVideoPixels: 1_000_000 })).toMatchObject({ ok: false, problem: 'too-many-pixels', params: { width: 1280, height: 800 } });
    // The header claims small frames; the stream holds 1280×800 ones.
    expect(await readBytes('lying.mp4', mp4WithFrameSize(mp4, 320, 200), { maxVideoPixels: 1_000_000 })).toMatchObject({ ok: false, problem: 'too-many-pixels', params: { width: 1280, height: 800 } });
  }, 60_000);

  it('says a corrupt video is corrupt: cut in half, noise after the header, noise in place of the media', async () => {
    const corrupt = { ok: false, problem: 'corrupt', params: { kind: 'video/mp4' } };
    expect(await readBytes('half.mp4', mp4.subarray(0, mp4.length >> 1))).toEqual(corrupt);
    const noise = Buffer.from(Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 251));
    expect(await readBytes('noise.mp4', Buffer.concat([mp4.subarray(0, 32), noise]))).toEqual(corrupt);
    const media = Buffer.from(mp4);
    const at = media.indexOf('mdat') + 4;
    noise.copy(media, at, 0, Math.min(noise.length, media.indexOf('moov') - 4 - at));
    expect(await readBytes('garbled.mp4', media)).toEqual(corrupt);
  }, 60_000);

  it('ffmpeg missing: a clear reason, from the package loader and from a program that cannot be started', async () => {
    expect(await readBytes('a.mp4', mp4, { ffmpegPath: path.join(s.dir, 'no-such-ffmpeg') })).toEqual({ ok: false, problem: 'failed', params: { reason: 'ffmpeg could not be started (ENOENT)' } });
    // The loader alone, with no node_modules above it: as in a standalone executable shipped without its folder.
    const bare = path.join(s.dir, 'bare');
    mkdirSync(bare);
    copyFileSync(path.join(ROOT, 'src', 'util', 'native.ts'), path.join(bare, 'native.ts'));
    const { ffmpegPath } = (await import(pathToFileURL(path.join(bare, 'native.ts')).href)) as { ffmpegPath: () => string };
    expect(() => ffmpegPath()).toThrow(`ffmpeg (@ffmpeg-installer/${process.platform}-${process.arch}) is not installed beside dmn-check`);
  });

  it('a video that does not finish in time: ffmpeg is stopped, a timeout', async () => {
    expect(await readBytes('slow.mp4', mp4, { videoTimeoutMs: 1 })).toEqual({ ok: false, problem: 'timeout', params: { ms: 1 } });
  });
});

describe('shows, end to end: a video shows a thing when one of its frames does', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((f) => f()));

  async function checkIeu9(files: Record<string, Buffer>): Promise<Report['requirements'][number] & { stdout: string }> {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(d.dir, 'evidence', 'ieu9', name), bytes);
    const manifest = path.join(d.dir, 'dmn-evidence.yaml');
    const list = Object.keys(files).map((n) => `evidence/ieu9/${n}`).join(', ');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/two-factor-demo: \[.*\]/, `two-factor-demo: [${list}]`));
    const run = await runCli(['check', manifest, '--as-of', '2026-11-29', '--format', 'json'], { read: true });
    return { ...(JSON.parse(run.stdout) as Report).requirements.find((r) => r.id === 'IEU 9')!, stdout: run.stdout };
  }

  it('a login video whose second frame asks for the SMS code: satisfied, saying at which frame', async () => {
    const ieu9 = await checkIeu9({ 'login.mp4': video('two-factor-login.mp4') });
    expect(ieu9.status).toBe('satisfied');
    const found = ieu9.findings.find((f) => f.code === 'shows.found')!;
    expect(found).toMatchObject({ severity: 'info', file: 'evidence/ieu9/login.mp4', params: { at: '0:04' } });
    expect(found.message).toMatch(/^Read: a second factor .* — « .+ » \(frame at 0:04\)\.$/);
    // What the frames say is health data: only the ruleset's matched phrase is shown.
    expect(ieu9.stdout).not.toMatch(/protéger vos données|Identifiez-vous/);
  }, 120_000);

  it('a password-only login video: failed, naming what is missing', async () => {
    const ieu9 = await checkIeu9({ 'login.webm': video('password-login.webm') });
    expect(ieu9.status).toBe('failed');
    expect(ieu9.findings.map((f) => f.code)).toEqual(['shows.missing']);
  }, 120_000);

  it('a video of hours fails the slot: not a usable proof', async () => {
    const ieu9 = await checkIeu9({ 'hours.mp4': mp4WithDuration(video('two-factor-login.mp4'), 3 * 3600) });
    expect(ieu9.status).toBe('failed');
    expect(ieu9.findings).toMatchObject([{ code: 'read.too-long', message: 'The video lasts 10800 s, over the 600-second limit for reading: it was not decoded.' }]);
  }, 120_000);
});
