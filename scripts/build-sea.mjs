#!/usr/bin/env node
// `npm run sea`: a standalone executable of dmn-check for the platform this runs on, with Node's
// single-executable applications: the CommonJS bundle of `scripts/bundle.mjs --sea` becomes a
// preparation blob, which postject injects into a copy of the running `node` binary.
//
//   dist/sea/dmn-check        the executable (no Node needed where it runs)
//   dist/sea/rules/           the bundled rulesets, read from beside the executable
//   dist/sea/node_modules/    the reading libraries no bundle can hold (src/util/native.ts):
//                             tesseract.js with its WebAssembly core and trained data, @napi-rs/canvas
//                             with its native addon for this platform, @ffmpeg-installer/ffmpeg with
//                             the ffmpeg program for this platform (videos), and what they require
//   dist/sea/tesseract-worker.cjs  the OCR worker script
//
// Ship the folder whole: the executable alone checks dossiers with no screenshot, video or scanned PDF,
// and reports the libraries it misses when it needs them.
//
// Tested on Linux x64 (test/e2e/sea.test.ts). On macOS the same steps need, around the injection,
// `codesign --remove-signature dist/sea/dmn-check` before and `codesign --sign - dist/sea/dmn-check`
// after, and postject's `--macho-segment-name NODE_SEA`; on Windows the executable is `dmn-check.exe`
// (a copy of node.exe) and `signtool remove /s` comes before the injection. Run this script on
// each platform (a CI matrix): an executable is built from, and for, the node binary that runs it.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'sea');
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

if (!existsSync(path.join(ROOT, 'dist', 'generated', 'validate-manifest.cjs'))) throw new Error('dist/generated/ is missing: run `npm run build` first');
execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle.mjs'), '--sea'], { stdio: 'inherit' });

const windows = process.platform === 'win32';
const exe = path.join(OUT, windows ? 'dmn-check.exe' : 'dmn-check');
const blob = path.join(OUT, 'sea-prep.blob');
const config = path.join(OUT, 'sea-config.json');
writeFileSync(config, JSON.stringify({ main: path.join(OUT, 'dmn-check.cjs'), output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }));
execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'inherit' });

rmSync(exe, { force: true });
copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', exe]);
const { inject } = createRequire(import.meta.url)('postject');
await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: FUSE, ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}) });
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', exe]);

rmSync(path.join(OUT, 'rules'), { recursive: true, force: true });
cpSync(path.join(ROOT, 'rules'), path.join(OUT, 'rules'), { recursive: true });
copyFileSync(path.join(ROOT, 'src', 'evidence', 'read', 'tesseract-worker.cjs'), path.join(OUT, 'tesseract-worker.cjs'));
// re2-wasm: the linear-time regular expressions of src/diagnostics/linear-regexp.ts (a .wasm file read from its package)
// @ffmpeg-installer/ffmpeg: the video frames of src/evidence/read/video.ts (its platform package holds the program)
const shipped = copyClosure(['re2-wasm', 'tesseract.js', '@tesseract.js-data/fra', '@tesseract.js-data/eng', '@napi-rs/canvas', '@ffmpeg-installer/ffmpeg'], path.join(OUT, 'node_modules'));
// what remains is what ships: the executable and the folders beside it
for (const f of [blob, config, path.join(OUT, 'dmn-check.cjs')]) rmSync(f);
console.log(`${shipped} packages in ${path.relative(ROOT, path.join(OUT, 'node_modules'))}/`);
console.log(`${path.relative(ROOT, exe)} (Node ${process.version}, ${process.platform}-${process.arch}) and ${path.relative(ROOT, path.join(OUT, 'rules'))}/`);

/**
 * Copies packages and everything they depend on (dependencies and the optional dependencies installed
 * here, such as the platform package of a native addon) from node_modules to `dest`, flat, as npm
 * installs them. Returns how many packages were copied.
 */
function copyClosure(names, dest) {
  rmSync(dest, { recursive: true, force: true });
  const done = new Set();
  const todo = [...names];
  while (todo.length) {
    const name = todo.pop();
    if (done.has(name)) continue;
    const dir = path.join(ROOT, 'node_modules', name);
    if (!existsSync(path.join(dir, 'package.json'))) continue; // an optional dependency for another platform
    done.add(name);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    cpSync(dir, path.join(dest, name), { recursive: true, dereference: true, filter: (f) => !/[\\/]node_modules$/.test(f) || f === dir });
    todo.push(...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {}));
  }
  return done.size;
}
