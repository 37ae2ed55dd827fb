#!/usr/bin/env node
// `npm run bench`: throughput and peak memory of the PORT 1 export checks on large synthetic exports,
// next to ajv-cli with the same schema and to a bare read + JSON.parse pass. Every case runs in its
// own child process so that each gets its own peak RSS. Files are generated once, deterministically,
// under .bench/ (git-ignored). Each table runs its cases interleaved, several times (5 at 100 MB,
// 3 at 1 GB), and prints medians with min–max and ratios taken run by run, with the load average
// before and after; then the 20,000-file dossier against sha256sum (bench/scale-dossier.mjs), and
// the targets as met / missed. `--quick` measures the 100 MB files only, without the dictionary cases.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fmtSpread, interleave, pad, pairedRatio, runOnce, summarise } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, '.bench');
const HOOK = path.join(ROOT, 'bench', 'rss-hook.cjs');
const MB = 1024 * 1024;
const GENERATOR_VERSION = '1';

// ---------------------------------------------------------------- synthetic data

/** mulberry32: a small seeded PRNG, so the files are the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEASURES = [
  ['29463-7', 'Body weight', 'kg', 50, 120],
  ['8867-4', 'Heart rate', '/min', 45, 130],
  ['8310-5', 'Body temperature', 'Cel', 35.5, 40],
  ['2345-7', 'Glucose [Mass/volume] in Blood', 'mg/dL', 60, 250],
  ['8480-6', 'Systolic blood pressure', 'mm[Hg]', 90, 180],
];

function observation(i, rnd) {
  const [code, display, unit, lo, hi] = MEASURES[i % MEASURES.length];
  const day = 1 + (i % 28);
  return {
    resourceType: 'Observation',
    id: `obs-${i}`,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: 'http://loinc.org', code, display }] },
    subject: { reference: `Patient/pat-${i % 5000}` },
    effectiveDateTime: `2026-10-${String(day).padStart(2, '0')}T08:${String(i % 60).padStart(2, '0')}:00+02:00`,
    valueQuantity: { value: Math.round((lo + rnd() * (hi - lo)) * 10) / 10, unit, system: 'http://unitsofmeasure.org', code: unit },
    performer: [{ reference: `Practitioner/pr-${i % 300}`, display: 'Dr Médecin FICTIF' }],
    note: [{ text: 'Mesure à domicile, patient au repos ✓' }],
  };
}

async function writeFile(file, bytes, header, footer, separator, make) {
  const out = createWriteStream(file);
  const rnd = prng(20261129);
  let written = 0;
  const write = (s) => {
    written += Buffer.byteLength(s);
    return out.write(s) ? undefined : new Promise((r) => out.once('drain', r));
  };
  await write(header);
  for (let i = 0; written < bytes; i++) {
    const wait = write((i > 0 ? separator : '') + make(i, rnd));
    if (wait) await wait;
  }
  await write(footer);
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
}

const RECORD_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    Coding: { type: 'object', required: ['system', 'code'], properties: { system: { type: 'string', format: 'uri' }, code: { type: 'string' }, display: { type: 'string' } } },
    Reference: { type: 'object', required: ['reference'], properties: { reference: { type: 'string', pattern: '^[A-Z][A-Za-z]+/[A-Za-z0-9.-]+$' }, display: { type: 'string' } } },
    Observation: {
      type: 'object',
      required: ['resourceType', 'id', 'status', 'code', 'subject', 'valueQuantity'],
      additionalProperties: false,
      properties: {
        resourceType: { const: 'Observation' },
        id: { type: 'string', pattern: '^[A-Za-z0-9.-]{1,64}$' },
        status: { enum: ['registered', 'preliminary', 'final', 'amended'] },
        category: { type: 'array', items: { type: 'object', properties: { coding: { type: 'array', items: { $ref: '#/definitions/Coding' } } } } },
        code: { type: 'object', required: ['coding'], properties: { coding: { type: 'array', minItems: 1, items: { $ref: '#/definitions/Coding' } } } },
        subject: { $ref: '#/definitions/Reference' },
        effectiveDateTime: { type: 'string', format: 'date-time' },
        valueQuantity: {
          type: 'object',
          required: ['value', 'unit', 'system', 'code'],
          properties: { value: { type: 'number' }, unit: { type: 'string' }, system: { const: 'http://unitsofmeasure.org' }, code: { type: 'string' } },
        },
        performer: { type: 'array', items: { $ref: '#/definitions/Reference' } },
        note: { type: 'array', items: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } },
      },
    },
  },
  $ref: '#/definitions/Observation',
};

const BUNDLE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['resourceType', 'type', 'entry'],
  properties: {
    resourceType: { const: 'Bundle' },
    type: { enum: ['collection', 'searchset'] },
    entry: { type: 'array', items: { $ref: '#/definitions/Entry' } },
  },
  definitions: {
    ...RECORD_SCHEMA.definitions,
    Entry: { type: 'object', required: ['fullUrl', 'resource'], additionalProperties: false, properties: { fullUrl: { type: 'string' }, resource: { $ref: '#/definitions/Observation' } } },
  },
};

const DICTIONARY = `dmn-data-dictionary: 1
title: Benchmark export (FHIR Observations)
items:
  - name: header
    description: Resource type and id.
    category: technical
    location: [{ pointer: /resourceType }, { pointer: /id }, { pointer: /type }, { pointer: /entry/*/fullUrl }]
  - name: measure
    description: The measure (status, category, LOINC code, date, value, note).
    category: health_data
    location: { resource_type: Observation, pointer: / }
  - name: correspondent
    description: Practitioner who took the measure.
    category: correspondents
    location: { resource_type: Observation, pointer: /performer }
`;

async function ensureData(sizes) {
  mkdirSync(DATA, { recursive: true });
  const stamp = path.join(DATA, 'VERSION');
  const fresh = !existsSync(stamp) || readFileSync(stamp, 'utf8') !== GENERATOR_VERSION;
  writeFileSync(path.join(DATA, 'record.schema.json'), JSON.stringify(RECORD_SCHEMA, null, 2));
  writeFileSync(path.join(DATA, 'bundle.schema.json'), JSON.stringify(BUNDLE_SCHEMA, null, 2));
  writeFileSync(path.join(DATA, 'dictionary.yaml'), DICTIONARY);
  for (const size of sizes) {
    const ndjson = path.join(DATA, `observations-${size}.ndjson`);
    const doc = path.join(DATA, `bundle-${size}.json`);
    if (fresh || !existsSync(ndjson)) {
      process.stderr.write(`generating ${path.relative(ROOT, ndjson)}…\n`);
      await writeFile(ndjson, size * MB, '', '\n', '\n', (i, rnd) => JSON.stringify(observation(i, rnd)));
    }
    if (fresh || !existsSync(doc)) {
      process.stderr.write(`generating ${path.relative(ROOT, doc)}…\n`);
      await writeFile(doc, size * MB, '{"resourceType":"Bundle","type":"collection","entry":[\n', '\n]}\n', ',\n', (i, rnd) =>
        JSON.stringify({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource: observation(i, rnd) }),
      );
    }
  }
  writeFileSync(stamp, GENERATOR_VERSION);
}

// ---------------------------------------------------------------- child cases

async function bareNdjson(file) {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(MB);
  let carry = Buffer.alloc(0);
  let records = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, MB, null);
    if (n === 0) break;
    const chunk = buf.subarray(0, n);
    const last = chunk.lastIndexOf(10);
    if (last < 0) {
      carry = Buffer.concat([carry, chunk]);
      continue;
    }
    const text = Buffer.concat([carry, chunk.subarray(0, last + 1)]).toString('utf8');
    carry = Buffer.from(chunk.subarray(last + 1));
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      if (end > start) {
        JSON.parse(text.slice(start, end));
        records++;
      }
      start = end + 1;
    }
  }
  closeSync(fd);
  return { records };
}

function bareJson(file) {
  const value = JSON.parse(readFileSync(file, 'utf8'));
  return { records: value.entry.length };
}

async function dmn(file, schema, dictionary, workers) {
  const { openEvidenceFile } = await import(pathToFileURL(path.join(ROOT, 'dist/evidence/evidence-file.js')).href);
  const { analyseExport } = await import(pathToFileURL(path.join(ROOT, 'dist/checks/port1/analysis/analyse.js')).href);
  const open = async (name) => {
    const r = await openEvidenceFile(DATA, name);
    if (!r.ok) throw new Error(`${name}: ${r.reason}`);
    return r.file;
  };
  const sample = await open(file);
  const input = { sample: [sample], schema: await open(schema) };
  if (dictionary !== '-') input.dictionary = await open(dictionary);
  if (workers !== 'auto') input.workers = Number(workers);
  const a = await analyseExport(input);
  const f = a.files[0];
  const t = performance.now();
  const sha256 = await sample.sha256();
  const hashMs = performance.now() - t;
  if (f.problemCount > 0 || f.violationCount > 0) throw new Error(`unexpected findings: ${JSON.stringify(f.problems.concat(f.violations).slice(0, 3))}`);
  // The workers that processed the records at the end (started part-way when the cores were found idle).
  return { records: f.records, leaves: f.leaves.length, sha256, hashedInPass: hashMs < 20, workers: f.workers };
}

async function child([kind, ...args]) {
  let out;
  if (kind === 'bare-ndjson') out = await bareNdjson(args[0]);
  else if (kind === 'bare-json') out = bareJson(args[0]);
  else if (kind === 'dmn') out = await dmn(...args);
  else throw new Error(`unknown case ${kind}`);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

// ---------------------------------------------------------------- parent

const RUNS = { 100: 5, 1024: 3 };

/**
 * Runs the cases of one table interleaved (A B C, A B C, …). A case whose first run fails is not run
 * again: it has no timing to take a median of (ajv-cli and a bare `JSON.parse` cannot read 1 GB).
 */
function table(cases, runs) {
  const failedFirst = new Set();
  const wrapped = cases.map((c) => ({
    ...c,
    run: () => {
      if (failedFirst.has(c.label)) return { skipped: true, ok: false, status: 'skipped' };
      const r = runOnce(c);
      if (!r.ok) failedFirst.add(c.label);
      return r;
    },
  }));
  const tty = process.stderr.isTTY;
  const set = interleave(wrapped, runs, (c, round) => tty && process.stderr.write(`\r  run ${round + 1}/${runs}: ${c.label.slice(0, 60).padEnd(60)}`));
  if (tty) process.stderr.write(`\r${' '.repeat(80)}\r`);
  for (const c of set.cases) c.runs = c.runs.filter((r) => !r.skipped);
  return set;
}

function printTable(title, bytes, set, baseline) {
  const mb = bytes / MB;
  const runs = Math.max(...set.cases.map((c) => c.runs.length));
  console.log(`\n${title} (${mb.toFixed(0)} MB) — ${runs} runs each, interleaved; load average ${set.loadBefore.toFixed(2)} before, ${set.loadAfter.toFixed(2)} after`);
  console.log(`${pad('case', 50)} ${pad('wall s, median (min–max)', 24, true)} ${pad('MB/s', 6, true)} ${pad('CPU s', 6, true)} ${pad('peak RSS MiB', 16, true)} ${pad(`vs ${baseline.short}, pair by pair`, 28, true)} ${pad('CPU vs ' + baseline.short, 12, true)}  notes`);
  const base = set.cases.find((c) => c.label === baseline.label);
  for (const c of set.cases) {
    const s = summarise(c);
    const ratio = s.ok && base && c !== base ? pairedRatio(base, c) : undefined;
    const cpuRatio = s.ok && base && c !== base ? pairedRatio(base, c, cpu) : undefined;
    const notes = s.ok ? [s.detail.hashedInPass === true ? 'SHA-256 in the same pass' : '', s.detail.records !== undefined ? `${s.detail.records} records` : '', s.detail.workers !== undefined ? `${s.detail.workers} worker${s.detail.workers === 1 ? '' : 's'} chosen` : ''].filter(Boolean).join(', ') : `FAILED (exit ${s.status}): ${s.error}`;
    console.log(
      `${pad(c.label, 50)} ${pad(s.ok ? fmtSpread(s.wall) : '-', 24, true)} ${pad(s.ok ? (mb / s.wall.median).toFixed(0) : '-', 6, true)} ${pad(s.ok ? s.cpu.median.toFixed(2) : '-', 6, true)} ${pad(Number.isFinite(s.rss.median) ? fmtSpread(s.rss, 0) : '-', 16, true)} ${pad(ratio ? fmtSpread(ratio, 2, 'x') : '-', 28, true)} ${pad(cpuRatio ? `${cpuRatio.median.toFixed(2)}x` : '-', 12, true)}  ${notes}`,
    );
  }
}

const cpu = (r) => r.cpuSeconds;

/** A time ratio as the targets print it: wall, median (min–max), then the CPU-time ratio (what load disturbs least). */
function timeRatio(base, other) {
  const wall = pairedRatio(base, other);
  return { wall, text: `${fmtSpread(wall, 2, 'x')}; CPU time ${pairedRatio(base, other, cpu).median.toFixed(2)}x` };
}

/** Half the relative spread (max - min) / median of two cases' wall times, at least 3%: what a ratio near 1 cannot tell apart. */
function noise(a, b) {
  const rel = (c) => {
    const s = summarise(c).wall;
    return (s.max - s.min) / (2 * s.median);
  };
  return Math.max(0.03, rel(a), rel(b));
}

async function main(argv) {
  if (argv[0] === '--child') return child(argv.slice(1));
  if (argv.includes('--cold')) {
    // Only the cold-start cases (seconds, no generated data): `node bench/run.js --cold`.
    coldTable();
    const { coldStart: bundleColdStart } = await import('./cold-start.mjs');
    for (const [what, ok, value] of bundleColdStart()) console.log(`  ${ok ? 'met   ' : 'MISSED'}  ${what}: ${value}`);
    return;
  }
  const quick = argv.includes('--quick');
  const sizes = quick ? [100] : [100, 1024];
  // `--runs N`: N runs of every case instead of 5 at 100 MB and 3 at 1 GB (fewer only to try the bench out).
  const runsOption = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : undefined;
  if (!existsSync(path.join(ROOT, 'dist/checks/port1/analysis/analyse.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  await ensureData(sizes);
  const self = fileURLToPath(import.meta.url);
  const ajv = path.join(ROOT, 'node_modules/ajv-cli/dist/index.js');
  const cores = os.availableParallelism();
  const forced = Math.max(1, Math.min(cores - 1, 4));
  const { defaultWorkerCount } = await import(pathToFileURL(path.join(ROOT, 'dist/checks/port1/analysis/pool.js')).href);
  const load = os.loadavg()[0];
  console.log(`dmn-check export benchmark — ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, load average ${load.toFixed(2)} at start`);
  console.log(`Ratios are taken run by run (run i of one case against run i of the other), then their median; wall times are medians with min–max. The load average gives dmn-check ${defaultWorkerCount()} worker thread(s) now; a file of 32 MB or more it gives none starts the workers its cores are measured idle for, after 16 MB (notes: the workers that ran at the end).`);
  if (load > cores * 0.75) console.log('(the machine is busy: every figure below was taken under load; the threaded cases cannot use every core)');
  const checks = [];
  const dmnCase = (label, file, schema, dictionary, workers) => ({ label, argv: [self, '--child', 'dmn', file, schema, dictionary, workers] });
  const forcedLabel = `reader + ${forced} worker${forced > 1 ? 's' : ''} (forced)`;
  for (const size of sizes) {
    const runs = runsOption ?? RUNS[size];
    const ndjson = `observations-${size}.ndjson`;
    const doc = `bundle-${size}.json`;
    const nBytes = statSync(path.join(DATA, ndjson)).size;
    const dBytes = statSync(path.join(DATA, doc)).size;

    const bareN = { label: 'bare chunked read + JSON.parse per line', argv: [self, '--child', 'bare-ndjson', path.join(DATA, ndjson)] };
    const casesN = [
      bareN,
      dmnCase('dmn-check, schema (threads as chosen)', ndjson, 'record.schema.json', '-', 'auto'),
      dmnCase('dmn-check, schema, one thread', ndjson, 'record.schema.json', '-', '0'),
      dmnCase(`dmn-check, schema, ${forcedLabel}`, ndjson, 'record.schema.json', '-', String(forced)),
      ...(quick ? [] : [dmnCase('dmn-check, schema + dictionary (threads as chosen)', ndjson, 'record.schema.json', 'dictionary.yaml', 'auto')]),
    ];
    const setN = table(casesN, runs);
    printTable(`NDJSON, ${ndjson}`, nBytes, setN, { label: bareN.label, short: 'bare' });

    const ajvCli = { label: 'ajv-cli validate (same schema, ajv-formats)', argv: [ajv, 'validate', '-s', path.join(DATA, 'bundle.schema.json'), '-d', path.join(DATA, doc), '-c', 'ajv-formats', '--strict=false', '--errors=no'] };
    const casesD = [
      ...(quick ? [] : [{ label: 'bare readFileSync + JSON.parse', argv: [self, '--child', 'bare-json', path.join(DATA, doc)] }]),
      ajvCli,
      dmnCase('dmn-check, schema (threads as chosen)', doc, 'bundle.schema.json', '-', 'auto'),
      dmnCase('dmn-check, schema, one thread', doc, 'bundle.schema.json', '-', '0'),
      dmnCase(`dmn-check, schema, ${forcedLabel}`, doc, 'bundle.schema.json', '-', String(forced)),
      ...(quick ? [] : [dmnCase('dmn-check, schema + dictionary (threads as chosen)', doc, 'bundle.schema.json', 'dictionary.yaml', 'auto')]),
    ];
    const setD = table(casesD, runs);
    printTable(`One JSON document, ${doc}`, dBytes, setD, { label: ajvCli.label, short: 'ajv-cli' });

    const pick = (set, label) => set.cases.find((c) => c.label.startsWith(label));
    const [nAuto, nOne] = [pick(setN, 'dmn-check, schema (threads'), pick(setN, 'dmn-check, schema, one thread')];
    const [dAjv, dAuto, dOne] = [pick(setD, 'ajv-cli'), pick(setD, 'dmn-check, schema (threads'), pick(setD, 'dmn-check, schema, one thread')];
    const sN = summarise(nAuto);
    const sD = summarise(dAuto);
    const sAjv = summarise(dAjv);
    const underLoad = Math.max(setN.loadBefore, setN.loadAfter, setD.loadBefore, setD.loadAfter) > cores * 0.75 ? ' [under load]' : '';
    for (const [set, auto, one, what] of [[setN, nAuto, nOne, 'NDJSON'], [setD, dAuto, dOne, 'JSON document']]) {
      // How many times faster the chosen path is than one thread: at least 1 minus the noise.
      const r = pairedRatio(one, auto);
      const n = noise(auto, one);
      const ok = summarise(auto).ok && summarise(one).ok && r.median >= 1 - n;
      const workers = summarise(auto).detail.workers;
      checks.push([`${what} ${size} MB: the chosen path (${workers ?? '?'} worker${workers === 1 ? '' : 's'}) is not slower than one thread beyond the noise (±${(n * 100).toFixed(0)}%)${set.loadBefore > cores * 0.75 ? ' [under load]' : ''}`, ok, `one-thread time / chosen time ${fmtSpread(r, 2, 'x')}`]);
    }
    if (size >= 1024) {
      const r = timeRatio(setN.cases[0], nAuto);
      checks.push([`NDJSON ${size} MB: dmn-check with schema >= 1.2x bare read + JSON.parse (median of pair-by-pair ratios)${underLoad}`, sN.ok && r.wall.median >= 1.2, r.text]);
      checks.push([`NDJSON ${size} MB: peak RSS within 160 MiB (every run)`, sN.ok && sN.rss.max <= 160, `${fmtSpread(sN.rss, 0, ' MiB')}`]);
      checks.push([`NDJSON ${size} MB: SHA-256 in the same pass`, sN.detail.hashedInPass === true, String(sN.detail.hashedInPass)]);
      checks.push([`JSON document ${size} MB: completes with peak RSS < 256 MiB (every run)`, sD.ok && sD.rss.max < 256, sD.ok ? fmtSpread(sD.rss, 0, ' MiB') : 'failed']);
    } else {
      const r = timeRatio(dAjv, dAuto);
      const r1 = timeRatio(dAjv, dOne);
      const mem = pairedRatio(dAuto, dAjv, (x) => x.rssMiB);
      checks.push([`JSON document ${size} MB: dmn-check >= 2x faster than ajv-cli (median of pair-by-pair ratios)${underLoad}`, sD.ok && sAjv.ok && r.wall.median >= 2, sAjv.ok ? r.text : 'ajv-cli failed']);
      checks.push([`JSON document ${size} MB: dmn-check peak RSS <= 25% of ajv-cli's (median)`, sD.ok && sAjv.ok && mem.median <= 0.25, sAjv.ok ? `${(mem.median * 100).toFixed(0)}% (${fmtSpread(sD.rss, 0)} MiB vs ${fmtSpread(sAjv.rss, 0)} MiB)` : 'ajv-cli failed']);
      checks.push([`JSON document ${size} MB: one thread >= 1.5x faster than ajv-cli (median of pair-by-pair ratios)${underLoad}`, summarise(dOne).ok && sAjv.ok && r1.wall.median >= 1.5, sAjv.ok ? r1.text : 'ajv-cli failed']);
      if (quick) checks.push([`NDJSON ${size} MB: dmn-check with schema vs bare read + JSON.parse (the 1.2x / 160 MiB target is set on 1 GB: run without --quick)`, null, `${timeRatio(setN.cases[0], nAuto).text}; ${fmtSpread(sN.rss, 0, ' MiB')}`]);
    }
  }
  coldTable();
  // Issue 15: cold start of the installed command (the bundle) as ratios against `node -e 0`.
  const { coldStart: bundleColdStart } = await import('./cold-start.mjs');
  checks.push(...bundleColdStart());

  // Issues 5 and 17: a dossier of 20,000 evidence files against sha256sum over the same files.
  const { scaleBench } = await import('./scale-dossier.mjs');
  const scale = await scaleBench({ files: 20_000, runs: runsOption ?? 5 });
  const scaleLoad = Math.max(...scale.load) > cores * 0.75 ? ' [under load]' : '';
  checks.push([scale.target[0] + scaleLoad, scale.target[1], scale.target[2]]);
  if (!scale.sound) process.exitCode = 1;

  // Issue 14: what the filled grid (--format xlsx, exceljs) costs, cold and in process.
  const xlsx = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'xlsx.mjs')], { stdio: 'inherit' });
  if (xlsx.status !== 0) process.exitCode = 1;

  // Issue 13: what reading the evidence (OCR, document text) costs.
  console.log('');
  const read = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'read.mjs')], { stdio: 'inherit' });
  if (read.status !== 0) process.exitCode = 1;

  console.log(`\nTargets (issues 3 and 17), measured as ratios in this run (load average now ${os.loadavg()[0].toFixed(2)}):`);
  // `null`: a figure shown for information, with no target at this size.
  for (const [what, ok, value] of checks) console.log(`  ${ok === null ? 'info  ' : ok ? 'met   ' : 'MISSED'}  ${what}: ${value}`);
}

/** Median wall time (ms) and the largest peak RSS of 5 cold runs of `argv` (each in a new Node process). */
function coldRuns(argv) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', HOOK, ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MB });
    if (r.status !== 0 && r.status !== 1) return { ok: false, status: r.status };
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const m = /BENCH_USAGE (\d+)/.exec(r.stderr ?? '');
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
  }
  return { ok: true, ms: times.sort((a, b) => a - b)[2], rss };
}

/** Issue 14: `check` of the 81-requirement example dossier, cold, beside the 5-requirement one and a bare Node start. */
function coldTable() {
  const bin = path.join(ROOT, 'bin', 'dmn-check.js');
  const rows = [
    ['bare node -e "" (start-up floor)', ['-e', '']],
    ['check complete/ (ans-dmn, 5 requirements)', [bin, 'check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '--quiet', '--no-read']],
    ['check telemonitoring-complete/ (ans-dmn-complete, 81)', [bin, 'check', 'fixtures/dossiers/telemonitoring-complete/dmn-evidence.yaml', '--rules', 'ans-dmn-complete@1.2.2', '--as-of', '2026-11-29', '--quiet', '--no-read']],
    ['rules list --rules ans-dmn-complete@1.2.2', [bin, 'rules', 'list', '--rules', 'ans-dmn-complete@1.2.2']],
  ].map(([label, argv]) => ({ label, ...coldRuns(argv) }));
  const five = rows[1];
  console.log('\nCold start, median of 5 runs (each a new process)');
  console.log(`${pad('case', 56)} ${pad('wall ms', 8, true)} ${pad('peak RSS', 10, true)} ${pad('vs 5 req.', 10, true)}`);
  for (const r of rows) {
    const ratio = r.ok && five.ok ? r.ms / five.ms : NaN;
    console.log(`${pad(r.label, 56)} ${pad(r.ok ? r.ms.toFixed(0) : `exit ${r.status}`, 8, true)} ${pad(r.ok && r.rss ? `${r.rss.toFixed(0)} MiB` : '-', 10, true)} ${pad(Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-', 10, true)}`);
  }
}


main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
