#!/usr/bin/env node
// Scale bench (issue 5): one dossier with 20,000 evidence files across the slots of the bundled
// ruleset, built in os.tmpdir(), checked by `node bin/dmn-check.js check … --format json --output …`
// in a child process; prints the number of files, wall time and peak RSS, then again under
// `ulimit -n 64` (hashing must not exhaust file descriptors). Needs a build (`npm run build`).
// Usage: node bench/scale-dossier.mjs [--files N] [--keep]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dmn-check.js');
const FIXTURE = path.join(ROOT, 'fixtures', 'dossiers', 'complete');
const TIME = '/usr/bin/time';

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
  const shot = readFileSync(path.join(FIXTURE, 'evidence', 'ieu7', 'ins-login.png'));
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

/** Runs `node bin/dmn-check.js …` and measures wall time and peak RSS (GNU time, else an in-process wrapper). */
function measure(args, { cwd, maxOpenFiles }) {
  const useTime = existsSync(TIME);
  const wrapper = `import { writeSync } from 'node:fs'; import { main } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist', 'cli', 'main.js')).href)};
const code = await main(process.argv.slice(1), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
writeSync(3, String(process.resourceUsage().maxRSS)); process.exitCode = code;`;
  const command = useTime ? [TIME, '-v', process.execPath, BIN, ...args] : [process.execPath, '--input-type=module', '-e', wrapper, ...args];
  const [cmd, ...rest] = maxOpenFiles === undefined ? command : ['bash', '-c', `ulimit -n ${maxOpenFiles} && exec "$@"`, 'bash', ...command];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, rest, { cwd, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C.UTF-8' } });
    let stderr = '';
    let fd3 = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdio[3].on('data', (c) => (fd3 += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const kib = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]) : Number(fd3);
      const exit = useTime ? Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? code) : code;
      const errors = stderr.split('\n').filter((l) => l.startsWith('dmn-check:'));
      resolve({ exit, seconds, peakRss: kib * 1024, method: useTime ? `${TIME} -v` : 'process.resourceUsage() in-process', errors });
    });
  });
}

const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const thousands = (n) => n.toLocaleString('en-US');

async function main() {
  const argv = process.argv.slice(2);
  const count = argv.includes('--files') ? Number(argv[argv.indexOf('--files') + 1]) : 20_000;
  const keep = argv.includes('--keep');
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('no build: run `npm run build` first');
  const work = mkdtempSync(path.join(os.tmpdir(), 'dmn-check-scale-'));
  try {
    const dossier = path.join(work, 'dossier');
    mkdirSync(dossier);
    const t0 = Date.now();
    const built = buildScaleDossier(dossier, count);
    const buildSeconds = (Date.now() - t0) / 1000;
    const rows = [];
    for (const limit of [undefined, 64]) {
      const out = path.join(work, `report-${limit ?? 'default'}.json`);
      const m = await measure(['check', built.manifest, '--format', 'json', '--output', out], { cwd: work, maxOpenFiles: limit });
      let hashed = 0;
      let inError = 0;
      if (existsSync(out)) {
        const report = JSON.parse(readFileSync(out, 'utf8'));
        for (const r of report.requirements) for (const s of r.slots) for (const f of s.files) if (f.sha256) hashed++;
        inError = report.summary.error;
        rmSync(out);
      }
      rows.push({ limit, hashed, inError, ...m });
    }
    const manifestBytes = statSync(built.manifest).size;
    console.log(`\nScale: one dossier of ${thousands(built.files)} evidence files (${mb(built.bytes)}, manifest ${mb(manifestBytes)}), built in ${buildSeconds.toFixed(1)} s under ${os.tmpdir()}`);
    console.log(`command: node bin/dmn-check.js check dmn-evidence.yaml --format json --output report.json; peak RSS from ${rows[0].method}\n`);
    console.log('| open files limit | files | hashed | requirements in error | exit | wall time | peak RSS |');
    console.log('|---|--:|--:|--:|--:|--:|--:|');
    for (const r of rows) {
      console.log(`| ${r.limit === undefined ? 'default' : `ulimit -n ${r.limit}`} | ${thousands(built.files)} | ${thousands(r.hashed)} | ${r.inError} | ${r.exit} | ${r.seconds.toFixed(1)} s | ${mb(r.peakRss)} |`);
    }
    for (const r of rows) for (const e of r.errors) console.log(`  ${r.limit === undefined ? '' : `(ulimit -n ${r.limit}) `}${e}`);
    const bad = rows.filter((r) => r.exit === 2 || r.hashed !== built.files || r.inError > 0);
    if (bad.length > 0) process.exitCode = 1;
  } finally {
    if (keep) console.log(`kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
