#!/usr/bin/env node
// `npm run bench`: throughput and peak memory of the PORT 1 export checks on large synthetic exports,
// next to ajv-cli with the same schema and to a bare read + JSON.parse pass. Every case runs in its
// own child process so that each gets its own peak RSS. Files are generated once, deterministically,
// under .bench/ (git-ignored). `--quick` measures the 100 MB files only.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
  return { records: f.records, leaves: f.leaves.length, sha256, hashedInPass: hashMs < 20 };
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

function measure(label, argv, cwd = ROOT) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', HOOK, ...argv], { cwd, encoding: 'utf8', maxBuffer: 64 * MB });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(r.stderr ?? '');
  const ok = r.status === 0;
  let detail = {};
  if (ok) {
    try {
      detail = JSON.parse(r.stdout.trim().split('\n').pop() || '{}');
    } catch {
      detail = {};
    }
  }
  const error = ok ? undefined : (r.stderr || '').split('\n').find((l) => /Error|error|heap|Cannot|invalid/.test(l))?.trim().slice(0, 90) ?? `exit ${r.status}`;
  return { label, seconds, rssMiB: rss ? Number(rss[1]) / 1024 : NaN, ok, status: r.status, detail, error };
}

function pad(s, n, right = false) {
  const str = String(s);
  return right ? str.padStart(n) : str.padEnd(n);
}

function printTable(title, bytes, rows, baseline) {
  const mb = bytes / MB;
  console.log(`\n${title} (${mb.toFixed(0)} MB)`);
  console.log(`${pad('case', 52)} ${pad('wall s', 8, true)} ${pad('MB/s', 8, true)} ${pad('peak RSS', 10, true)} ${pad('vs bare', 8, true)}  notes`);
  for (const r of rows) {
    const rate = r.ok ? mb / r.seconds : NaN;
    const ratio = r.ok && baseline?.ok ? baseline.seconds / r.seconds : NaN;
    const notes = r.ok ? [r.detail.hashedInPass === true ? 'SHA-256 in the same pass' : '', r.detail.records !== undefined ? `${r.detail.records} records` : ''].filter(Boolean).join(', ') : `FAILED (exit ${r.status}): ${r.error}`;
    console.log(
      `${pad(r.label, 52)} ${pad(r.ok ? r.seconds.toFixed(2) : '-', 8, true)} ${pad(r.ok ? rate.toFixed(0) : '-', 8, true)} ${pad(Number.isFinite(r.rssMiB) ? `${r.rssMiB.toFixed(0)} MiB` : '-', 10, true)} ${pad(Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-', 8, true)}  ${notes}`,
    );
  }
}

async function main(argv) {
  if (argv[0] === '--child') return child(argv.slice(1));
  const quick = argv.includes('--quick');
  const sizes = quick ? [100] : [100, 1024];
  if (!existsSync(path.join(ROOT, 'dist/checks/port1/analysis/analyse.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  await ensureData(sizes);
  const self = fileURLToPath(import.meta.url);
  const ajv = path.join(ROOT, 'node_modules/ajv-cli/dist/index.js');
  const cores = os.availableParallelism();
  const workers = cores >= 2 ? Math.min(cores - 1, 4) : 0;
  const threads = workers === 0 ? 'one thread' : `reader + ${workers} worker${workers > 1 ? 's' : ''}`;
  const load = os.loadavg()[0].toFixed(2);
  console.log(`dmn-check export benchmark — ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, load average ${load} at start`);
  if (Number(load) > cores * 0.75) console.log('(the machine is busy: threaded cases cannot use every core, ratios are pessimistic)');
  const checks = [];
  for (const size of sizes) {
    const ndjson = `observations-${size}.ndjson`;
    const doc = `bundle-${size}.json`;
    const nBytes = statSync(path.join(DATA, ndjson)).size;
    const dBytes = statSync(path.join(DATA, doc)).size;

    const bareN = measure('bare chunked read + JSON.parse per line', [self, '--child', 'bare-ndjson', path.join(DATA, ndjson)]);
    const rowsN = [
      bareN,
      measure(`dmn-check, schema (${threads})`, [self, '--child', 'dmn', ndjson, 'record.schema.json', '-', 'auto']),
      measure(`dmn-check, schema + dictionary (${threads})`, [self, '--child', 'dmn', ndjson, 'record.schema.json', 'dictionary.yaml', 'auto']),
      measure('dmn-check, schema, one thread', [self, '--child', 'dmn', ndjson, 'record.schema.json', '-', '0']),
    ];
    printTable(`NDJSON, ${ndjson}`, nBytes, rowsN, bareN);

    const bareD = measure('bare readFileSync + JSON.parse', [self, '--child', 'bare-json', path.join(DATA, doc)]);
    const ajvCli = measure('ajv-cli validate (same schema, ajv-formats)', [ajv, 'validate', '-s', path.join(DATA, 'bundle.schema.json'), '-d', path.join(DATA, doc), '-c', 'ajv-formats', '--strict=false', '--errors=no']);
    const rowsD = [
      bareD,
      ajvCli,
      measure(`dmn-check, schema (${threads})`, [self, '--child', 'dmn', doc, 'bundle.schema.json', '-', 'auto']),
      measure(`dmn-check, schema + dictionary (${threads})`, [self, '--child', 'dmn', doc, 'bundle.schema.json', 'dictionary.yaml', 'auto']),
      measure('dmn-check, schema, one thread', [self, '--child', 'dmn', doc, 'bundle.schema.json', '-', '0']),
    ];
    printTable(`One JSON document, ${doc}`, dBytes, rowsD, bareD.ok ? bareD : undefined);

    const dmnN = rowsN[1];
    const dmnD = rowsD[2];
    if (size >= 1024) {
      checks.push([`NDJSON ${size} MB: dmn-check >= 0.8x bare read + JSON.parse`, dmnN.ok && bareN.ok && bareN.seconds / dmnN.seconds >= 0.8, `${(bareN.seconds / dmnN.seconds).toFixed(2)}x`]);
      checks.push([`NDJSON ${size} MB: peak RSS < 256 MiB`, dmnN.rssMiB < 256, `${dmnN.rssMiB.toFixed(0)} MiB`]);
      checks.push([`NDJSON ${size} MB: SHA-256 in the same pass`, dmnN.detail.hashedInPass === true, String(dmnN.detail.hashedInPass)]);
      checks.push([`JSON document ${size} MB: completes with peak RSS < 256 MiB`, dmnD.ok && dmnD.rssMiB < 256, dmnD.ok ? `${dmnD.rssMiB.toFixed(0)} MiB` : 'failed']);
    } else {
      checks.push([`JSON document ${size} MB: >= 1.2x faster than ajv-cli`, dmnD.ok && ajvCli.ok && ajvCli.seconds / dmnD.seconds >= 1.2, ajvCli.ok ? `${(ajvCli.seconds / dmnD.seconds).toFixed(2)}x` : 'ajv-cli failed']);
      checks.push([`JSON document ${size} MB: peak RSS < 160 MiB`, dmnD.rssMiB < 160, `${dmnD.rssMiB.toFixed(0)} MiB`]);
      checks.push([`NDJSON ${size} MB: dmn-check vs bare read + JSON.parse`, true, `${(bareN.seconds / dmnN.seconds).toFixed(2)}x (target 0.8x is set on 1 GB)`]);
    }
  }
  checks.push(coldStart());
  console.log('\nTargets (issue 3), measured as ratios in this run:');
  for (const [what, ok, value] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'}  ${what}: ${value}`);

  // Issue 5: a dossier of 20,000 evidence files, with and without a low file-descriptor limit.
  console.log('');
  const scale = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'scale-dossier.mjs')], { stdio: 'inherit' });
  if (scale.status !== 0) process.exitCode = 1;

  // Issue 13: what reading the evidence (OCR, document text) costs.
  console.log('');
  const read = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'read.mjs')], { stdio: 'inherit' });
  if (read.status !== 0) process.exitCode = 1;
}

/** `dmn-check check` on the example dossier from a cold start (structural: --no-read; reading is bench/read.mjs): the median wall time of 5 runs. */
function coldStart() {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dmn-check.js'), 'check', path.join(ROOT, 'fixtures/dossiers/complete/dmn-evidence.yaml'), '--quiet', '--no-read'], { stdio: 'ignore' });
    if (r.status !== 0) return ['dmn-check check on the example dossier: under 400 ms from a cold start', false, `exit ${r.status}`];
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const median = times.sort((a, b) => a - b)[2];
  return ['dmn-check check on the example dossier: under 400 ms from a cold start (median of 5)', median < 400, `${median.toFixed(0)} ms`];
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
