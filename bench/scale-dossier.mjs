#!/usr/bin/env node
// Scale bench (issues 5 and 17): one dossier with 20,000 evidence files across the slots of the
// bundled ruleset, built in os.tmpdir(), checked by `node bin/dmn-check.js check … --no-read --format
// json --output …` in a child process, interleaved with `sha256sum` over the same files (the floor: open,
// read and hash each file once); then once under `ulimit -n 64` (hashing must not exhaust file
// descriptors). Needs a build (`npm run build`).
// Usage: node bench/scale-dossier.mjs [--files N] [--runs N] [--keep]
import { fmtSpread, interleave, pairedRatio, runOnce, summarise } from './measure.mjs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { png } from '../scripts/make-example-media.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dmn-check.js');
const FIXTURE = path.join(ROOT, 'fixtures', 'dossiers', 'complete');
const HOOK = path.join(ROOT, 'bench', 'rss-hook.cjs');

/** Share of the files each slot gets (the rest of the manifest is the complete example dossier's). */
const SHARES = [
  ['IEU 2', 'identity-change-demo', 'png', 0.25],
  ['IEU 7', 'ins-login-demo', 'png', 0.15],
  ['IEU 8', 'creation-flow', 'hl7', 0.05],
  ['IEU 8', 'account-screenshot', 'png', 0.15],
  ['IEU 9', 'two-factor-demo', 'png', 0.25],
  ['PORT 1', 'export-sample', 'json', 0.15],
];

/** The example screenshot with a `tEXt` chunk naming its index: a valid PNG, distinct for each index. */
function screenshot(template, i) {
  const data = Buffer.from(`Comment\0scale bench screenshot ${i}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const iend = template.length - 12;
  return Buffer.concat([template.subarray(0, iend), chunk, template.subarray(iend)]);
}

/** The example creation flow, with its own message and private identifier. */
function flow(template, i) {
  const id = String(i).padStart(6, '0');
  return template.replace('MSG00001', `MSG${id}`).replace('CS-000042', `CS-${id}`);
}

/** The example export, with its own patient identifier. */
function exportFile(template, i) {
  return template.replace('"CS-000042"', `"CS-${String(i).padStart(6, '0')}"`);
}

function quote(s) {
  return /^[A-Za-z_][\w-]*$/.test(s) ? s : `"${s}"`;
}

/**
 * Writes a dossier of `count` evidence files into `dir` (the complete example dossier, its slots
 * filled with many files). Returns the manifest path, the number of evidence files and their bytes.
 */
export function buildScaleDossier(dir, count) {
  const hl7 = readFileSync(path.join(FIXTURE, 'evidence', 'ieu8', 'creation-a28.hl7'), 'latin1');
  const json = readFileSync(path.join(FIXTURE, 'evidence', 'port1', 'export.json'), 'utf8');
  // A small synthetic screenshot (a few hundred bytes), not the example dossier's real 48 KB one: the
  // bench measures the cost per file, and the dossier stays the 11 MB of small files issue 17 measured.
  const shot = png(96, 64, [120, 40, 140]);
  mkdirSync(path.join(dir, 'evidence', 'port1'), { recursive: true });
  writeFileSync(path.join(dir, 'evidence', 'port1', 'export-documentation.md'), readFileSync(path.join(FIXTURE, 'evidence', 'port1', 'export-documentation.md')));
  const slots = new Map();
  let bytes = statSync(path.join(dir, 'evidence', 'port1', 'export-documentation.md')).size;
  let n = 0;
  // The documentation is one of the `count` files; the others are shared out among the slots.
  const shared = count - 1;
  SHARES.forEach(([req, slot, ext, share], k) => {
    const files = k === SHARES.length - 1 ? shared - n : Math.round(shared * share);
    const folder = path.join('evidence', slot);
    mkdirSync(path.join(dir, folder), { recursive: true });
    const names = [];
    for (let i = 0; i < files; i++, n++) {
      const name = `${folder}/${slot}-${String(i).padStart(5, '0')}.${ext}`;
      const content = ext === 'png' ? screenshot(shot, n) : ext === 'hl7' ? Buffer.from(flow(hl7, n), 'latin1') : Buffer.from(exportFile(json, n));
      writeFileSync(path.join(dir, name), content);
      bytes += content.length;
      names.push(name);
    }
    if (!slots.has(req)) slots.set(req, []);
    slots.get(req).push([slot, names]);
  });
  slots.get('PORT 1').unshift(['export-documentation', ['evidence/port1/export-documentation.md']]);
  const fixture = readFileSync(path.join(FIXTURE, 'dmn-evidence.yaml'), 'utf8');
  const head = fixture.slice(0, fixture.indexOf('\nevidence:') + 1);
  const lines = [head.trimEnd(), 'evidence:'];
  for (const [req, list] of slots) {
    lines.push(`  ${quote(req)}:`);
    for (const [slot, names] of list) {
      lines.push(`    ${slot}:`);
      for (const name of names) lines.push(`      - ${name}`);
    }
  }
  const manifest = path.join(dir, 'dmn-evidence.yaml');
  writeFileSync(manifest, `${lines.join('\n')}\n`);
  return { manifest, files: n + 1, bytes };
}

/**
 * The scale bench: builds the dossier, then runs `dmn-check check` and `sha256sum` over the same
 * files, interleaved, `runs` times each; then once more under `ulimit -n 64` (hashing must not exhaust
 * file descriptors). Returns the summaries, the pair-by-pair ratio and the target line.
 */
export async function scaleBench({ files: count = 20_000, runs = 5, keep = false, print = console.log } = {}) {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('no build: run `npm run build` first');
  const work = mkdtempSync(path.join(os.tmpdir(), 'dmn-check-scale-'));
  try {
    const dossier = path.join(work, 'dossier');
    mkdirSync(dossier);
    const t0 = Date.now();
    const built = buildScaleDossier(dossier, count);
    const buildSeconds = (Date.now() - t0) / 1000;
    const names = listEvidence(built.manifest);
    const out = path.join(work, 'report.json');
    const env = { ...process.env, LANG: 'C.UTF-8' };
    // `--no-read`: the structural check (OCR of 15,000 screenshots would measure tesseract, not the per-file cost).
    const dmn = { label: 'dmn-check check --no-read --format json --output report.json', argv: [BIN, 'check', built.manifest, '--no-read', '--format', 'json', '--output', out], cwd: work, env };
    const sha = { label: 'sha256sum over the same files (xargs -0 sha256sum)', node: false, argv: ['xargs', '-0', 'sha256sum'], input: names.join('\0'), cwd: dossier, env };
    const set = interleave([dmn, sha], runs);
    const report = readReport(out);
    const limited = runOnce({ node: false, argv: ['bash', '-c', 'ulimit -n 64 && exec "$@"', 'bash', process.execPath, '--require', HOOK, ...dmn.argv], cwd: work, env });
    const limitedReport = readReport(out);
    const [d, s] = set.cases.map(summarise);
    const ratio = pairedRatio(set.cases[0], set.cases[1]);
    const cpuRatio = pairedRatio(set.cases[0], set.cases[1], (r) => r.cpuSeconds);
    const manifestBytes = statSync(built.manifest).size;
    print(`\nScale: one dossier of ${thousands(built.files)} evidence files (${mb(built.bytes)}, manifest ${mb(manifestBytes)}), built in ${buildSeconds.toFixed(1)} s under ${os.tmpdir()}`);
    print(`${runs} runs of each, interleaved; load average ${set.loadBefore.toFixed(2)} before, ${set.loadAfter.toFixed(2)} after (${os.availableParallelism()} cores)\n`);
    print('| case | wall s, median (min–max) | CPU s, median (min–max) | peak RSS MiB | files hashed | requirements in error | exit |');
    print('|---|--:|--:|--:|--:|--:|--:|');
    print(`| ${dmn.label} | ${fmtSpread(d.wall)} | ${fmtSpread(d.cpu)} | ${fmtSpread(d.rss, 0)} | ${thousands(report.hashed)} | ${report.inError} | ${d.ok ? 0 : `${d.status} (${d.failed} failed)`} |`);
    print(`| same, under \`ulimit -n 64\` (once) | ${limited.ok ? limited.seconds.toFixed(2) : '-'} | ${Number.isFinite(limited.cpuSeconds) ? limited.cpuSeconds.toFixed(2) : '-'} | ${Number.isFinite(limited.rssMiB) ? limited.rssMiB.toFixed(0) : '-'} | ${thousands(limitedReport.hashed)} | ${limitedReport.inError} | ${limited.status} |`);
    print(`| ${sha.label} | ${fmtSpread(s.wall)} | ${fmtSpread(s.cpu)} | ${fmtSpread(s.rss, 0)} | ${thousands(names.length)} | - | ${s.ok ? 0 : s.status} |`);
    print(`\ndmn-check / sha256sum, pair by pair: wall ${fmtSpread(ratio, 1, 'x')}, CPU ${fmtSpread(cpuRatio, 1, 'x')}`);
    const sound = d.ok && limited.ok && report.hashed === built.files && limitedReport.hashed === built.files && report.inError === 0 && limitedReport.inError === 0;
    if (!sound) print(`  unexpected result: ${d.error ?? limited.error ?? `${report.hashed} hashed, ${report.inError} in error`}`);
    const target = [`${thousands(built.files)} files: dmn-check within 5x of sha256sum (median of pair-by-pair wall ratios)`, sound && ratio.median <= 5, `${fmtSpread(ratio, 1, 'x')}; CPU time ${cpuRatio.median.toFixed(1)}x`];
    return { sound, ratio, target, load: [set.loadBefore, set.loadAfter] };
  } finally {
    if (keep) print(`kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** The evidence paths the manifest names, relative to the dossier (what sha256sum is given). */
function listEvidence(manifest) {
  return readFileSync(manifest, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('      - '))
    .map((l) => l.slice(8));
}

function readReport(file) {
  if (!existsSync(file)) return { hashed: 0, inError: NaN };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let hashed = 0;
  for (const r of report.requirements) for (const s of r.slots) for (const f of s.files) if (f.sha256) hashed++;
  rmSync(file);
  return { hashed, inError: report.summary.error };
}

const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const thousands = (n) => (Number.isFinite(n) ? n.toLocaleString('en-US') : '-');

async function main() {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
  const r = await scaleBench({ files: option('--files', 20_000), runs: option('--runs', 5), keep: argv.includes('--keep') });
  console.log(`\n  ${r.target[1] ? 'met   ' : 'MISSED'}  ${r.target[0]}: ${r.target[2]}`);
  if (!r.sound) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
