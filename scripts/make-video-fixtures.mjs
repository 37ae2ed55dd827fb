#!/usr/bin/env node
// Assembles short screen recordings from the rendered screens of fixtures/screens/ (made by
// scripts/make-screens.mjs; synthetic product, test identities only) with the ffmpeg that installs
// from npm (@ffmpeg-installer/ffmpeg): the videos the reader and the `shows` check are tested on.
// Each screen stays on for 4 s at 2 frames a second, so sampling one frame every 2 s meets each
// screen twice and keeps one frame of it. Run by hand after changing a screen:
//   node scripts/make-video-fixtures.mjs          (writes fixtures/videos/)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENS = path.join(ROOT, 'fixtures', 'screens');
const OUT = path.join(ROOT, 'fixtures', 'videos');
const FFMPEG = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path;
/** Seconds each screen stays on. */
const HOLD = 4;

/** Each video: the screens it shows in order, its container, and what it shows (by rule). */
const VIDEOS = [
  // Moov after mdat (ffmpeg's default for MP4, as phones write it): the reader moves the index in front.
  { name: 'two-factor-login.mp4', screens: ['login-ins-desktop.png', 'two-factor-sms-desktop.png'], codec: 'h264', shows: { 'IEU 9': true } },
  { name: 'two-factor-login.mov', screens: ['login-ins-desktop.png', 'two-factor-sms-desktop.png'], codec: 'h264', faststart: true, shows: { 'IEU 9': true } },
  { name: 'password-login.webm', screens: ['login-email-desktop.png', 'password-only-desktop.png'], codec: 'vp9', shows: { 'IEU 9': false } },
];

const CODECS = {
  h264: ['-c:v', 'libx264', '-preset', 'slow', '-tune', 'stillimage', '-crf', '30', '-pix_fmt', 'yuv420p'],
  vp9: ['-c:v', 'libvpx-vp9', '-crf', '40', '-b:v', '0', '-row-mt', '0', '-pix_fmt', 'yuv420p'],
};

function make(v, tmp) {
  // The concat demuxer's list: each screen for HOLD seconds (the last one repeated, as its format wants).
  const list = path.join(tmp, `${v.name}.txt`);
  const lines = v.screens.flatMap((s) => [`file '${path.join(SCREENS, s).replace(/'/g, "'\\''")}'`, `duration ${HOLD}`]);
  writeFileSync(list, [...lines, `file '${path.join(SCREENS, v.screens.at(-1))}'`, ''].join('\n'));
  const out = path.join(OUT, v.name);
  execFileSync(FFMPEG, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list],
    ...['-vf', 'fps=2', '-t', String(HOLD * v.screens.length), '-threads', '1', ...CODECS[v.codec]],
    ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', ...(v.faststart ? ['-movflags', '+faststart'] : [])],
    out,
  ]);
  return statSync(out).size;
}

mkdirSync(OUT, { recursive: true });
const tmp = path.join(os.tmpdir(), `dmn-videos-${process.pid}`);
mkdirSync(tmp, { recursive: true });
try {
  const corpus = VIDEOS.map((v) => {
    const bytes = make(v, tmp);
    console.log(`${v.name}: ${bytes} bytes`);
    return { file: v.name, screens: v.screens, seconds: HOLD * v.screens.length, shows: v.shows };
  });
  writeFileSync(path.join(OUT, 'corpus.json'), `${JSON.stringify({ note: 'Screen recordings made by scripts/make-video-fixtures.mjs from fixtures/screens/; test identities only.', videos: corpus }, null, 1)}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
