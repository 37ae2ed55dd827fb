#!/usr/bin/env node
// Issue 13: what reading evidence costs. OCR median per screenshot (one worker, warm), the example
// dossier from a cold start with and without reading, a 40-screenshot dossier, and a 60-second screen
// recording (30 fps, 1280×800) read in-process. Printed as a table with ratios against the structural
// check (--no-read) of the same dossier, never asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dmn-check.js');
const SCREENS = path.join(ROOT, 'fixtures', 'screens');
const DATA = path.join(ROOT, '.bench', 'read');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function run(args, times = 3) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: 'ignore', cwd: ROOT });
    if (r.status !== 0 && r.status !== 1) return { ok: false, ms: NaN };
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ok: true, ms: median(ms) };
}

async function ocrMedian() {
  const { createReader } = await import(path.join(ROOT, 'dist', 'evidence', 'read', 'reader.js'));
  const { openEvidenceFile } = await import(path.join(ROOT, 'dist', 'evidence', 'evidence-file.js'));
  const reader = createReader({ ocrWorkers: 1 });
  const root = realpathSync(SCREENS);
  const files = readdirSync(SCREENS).filter((f) => /\.(png|jpg)$/.test(f) && f !== 'blank.png' && f !== 'thumbnail.png');
  const times = [];
  let first = 0;
  try {
    for (const [i, name] of files.entries()) {
      const opened = await openEvidenceFile(root, name);
      const t = process.hrtime.bigint();
      await reader.read(opened.file);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (i === 0) first = ms; // includes the worker's start and model load
      else times.push(ms);
    }
  } finally {
    await reader.close();
  }
  return { count: files.length, first, median: median(times) };
}

/**
 * A 60-second screen recording made from six of the rendered screens, ten seconds each, at 30 fps;
 * with `moving`, a test pattern in a corner makes every sampled frame differ (none is dropped).
 */
function sixtySeconds(moving) {
  const ffmpeg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path;
  const list = path.join(DATA, 'screens.txt');
  const names = ['login-email', 'password-only', 'login-ins', 'two-factor-sms', 'account-ins', 'identity-change-check'];
  writeFileSync(list, [...names.flatMap((n) => [`file '${path.join(SCREENS, `${n}-desktop.png`)}'`, 'duration 10']), `file '${path.join(SCREENS, 'identity-change-check-desktop.png')}'`, ''].join('\n'));
  const out = path.join(DATA, moving ? 'sixty-moving.mp4' : 'sixty.mp4');
  const input = ['-f', 'concat', '-safe', '0', '-i', list, ...(moving ? ['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=30'] : [])];
  const filter = moving ? ['-filter_complex', '[0]fps=30[a];[a][1]overlay=W-w-10:H-h-10:shortest=1,format=yuv420p'] : ['-vf', 'fps=30,format=yuv420p'];
  execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...input, ...filter, '-t', '60', '-c:v', 'libx264', '-preset', 'ultrafast', out]);
  return out;
}

async function videoRead(file) {
  const { createReader } = await import(path.join(ROOT, 'dist', 'evidence', 'read', 'reader.js'));
  const { openEvidenceFile } = await import(path.join(ROOT, 'dist', 'evidence', 'evidence-file.js'));
  const reader = createReader();
  try {
    const opened = await openEvidenceFile(realpathSync(path.dirname(file)), path.basename(file));
    const t = process.hrtime.bigint();
    const r = await reader.read(opened.file);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    return { ms, frames: r.ok ? r.segments.length : 0, workers: reader.ocrWorkersStarted };
  } finally {
    await reader.close();
  }
}

function bigDossier(n) {
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  const dir = path.join(DATA, 'forty');
  cpSync(path.join(ROOT, 'fixtures', 'dossiers', 'complete'), dir, { recursive: true });
  const shots = readdirSync(SCREENS).filter((f) => f.startsWith('two-factor') || f.startsWith('login') || f.startsWith('password'));
  const names = [];
  for (let i = 0; i < n - 2; i++) {
    const name = `evidence/ieu9/shot-${String(i).padStart(2, '0')}${path.extname(shots[i % shots.length])}`;
    copyFileSync(path.join(SCREENS, shots[i % shots.length]), path.join(dir, name));
    names.push(name);
  }
  const manifest = path.join(dir, 'dmn-evidence.yaml');
  const text = readFileSync(manifest, 'utf8').replace(/two-factor-demo: \[[^\]]*\]/, `two-factor-demo: [evidence/ieu9/two-factor-1.png, evidence/ieu9/two-factor-2.png, ${names.join(', ')}]`);
  writeFileSync(manifest, text);
  return manifest;
}

const pad = (s, n) => String(s).padEnd(n);
async function main() {
  console.log(`dmn-check reading benchmark — ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(2)} at start`);
  const ocr = await ocrMedian();
  const example = path.join(ROOT, 'fixtures', 'dossiers', 'complete', 'dmn-evidence.yaml');
  const noRead = run(['check', example, '--quiet', '--no-read']);
  const withRead = run(['check', example, '--quiet']);
  const forty = bigDossier(40);
  const fortyNoRead = run(['check', forty, '--quiet', '--no-read'], 1);
  const fortyRead = run(['check', forty, '--quiet'], 1);
  const video = await videoRead(sixtySeconds(false));
  const moving = await videoRead(sixtySeconds(true));
  const rows = [
    ['OCR, one screenshot (median, warm worker)', `${ocr.median.toFixed(0)} ms`, `${ocr.count - 1} screenshots`],
    ['OCR, first screenshot (worker start + models)', `${ocr.first.toFixed(0)} ms`, ''],
    ['example dossier (6 screenshots), --no-read, cold', `${noRead.ms.toFixed(0)} ms`, '1.00x'],
    ['example dossier, reading, cold', `${withRead.ms.toFixed(0)} ms`, `${(withRead.ms / noRead.ms).toFixed(2)}x (+${((withRead.ms - noRead.ms) / 1000).toFixed(2)} s)`],
    ['40-screenshot dossier, --no-read', `${fortyNoRead.ms.toFixed(0)} ms`, '1.00x'],
    ['40-screenshot dossier, reading', `${fortyRead.ms.toFixed(0)} ms`, `${(fortyRead.ms / fortyNoRead.ms).toFixed(2)}x`],
    ['60-second video, 6 screens (repeats dropped)', `${video.ms.toFixed(0)} ms`, `${video.frames} frames OCR'd, ${video.workers} workers`],
    ['60-second video, every sampled frame differs', `${moving.ms.toFixed(0)} ms`, `${moving.frames} frames OCR'd, ${moving.workers} workers`],
  ];
  console.log(`\n${pad('case', 52)}${pad('time', 12)}vs --no-read`);
  for (const r of rows) console.log(`${pad(r[0], 52)}${pad(r[1], 12)}${r[2]}`);
  console.log(`\nTarget (issue 13): reading the example dossier adds at most 1.5 s on 2 cores: ${withRead.ms - noRead.ms <= 1500 ? 'met' : 'MISSED'} (+${((withRead.ms - noRead.ms) / 1000).toFixed(2)} s)`);
  rmSync(DATA, { recursive: true, force: true });
}

await main();
