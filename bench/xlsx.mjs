#!/usr/bin/env node
// Part of `npm run bench` (needs `npm run build`): what the filled grid costs. Cold `check` of the
// example dossier as text (the baseline), as a workbook, and filling the synthetic grid template;
// then the xlsx formatter alone, in process, on a grid the size of V1.2.2 (81 requirements, 103
// scenario rows) next to the JSON formatter on the same report. Medians of 5 runs; ratios against
// the baseline of the same table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dmn-check.js');
const DOSSIER = path.join(ROOT, 'fixtures/dossiers/complete/dmn-evidence.yaml');
const TEMPLATE = path.join(ROOT, 'fixtures/grid-template/exigences-synthetiques-ans-dmn-1.2.2.xlsx');
const RUNS = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));

function cold(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, 'check', DOSSIER, '--as-of', '2026-11-29', ...args], { stdio: 'ignore', env: { ...process.env, SOURCE_DATE_EPOCH: '1795946400' } });
    if (r.status !== 0) throw new Error(`check ${args.join(' ')}: exit ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

function table(title, rows) {
  console.log(`\n${title}`);
  console.log(`${pad('case', 58)} ${pad('median', 10, true)} ${pad('ratio', 8, true)}  notes`);
  const base = rows[0].ms;
  for (const r of rows) console.log(`${pad(r.label, 58)} ${pad(`${r.ms.toFixed(0)} ms`, 10, true)} ${pad(`${(r.ms / base).toFixed(2)}x`, 8, true)}  ${r.notes ?? ''}`);
}

/** A ruleset and a report the size of the whole V1.2.2 grid, made by repeating the bundled requirements. */
async function gridSized() {
  const { loadRuleset, DEFAULT_RULESET } = await import(pathToFileURL(path.join(ROOT, 'dist/ruleset/load.js')).href);
  const base = loadRuleset(DEFAULT_RULESET);
  const requirements = [];
  for (let i = 0; requirements.length < 81; i++) {
    const r = base.requirements[i % base.requirements.length];
    const id = `SYN ${requirements.length + 1}`;
    const scenarios = Array.from({ length: requirements.length < 22 ? 2 : 1 }, (_, k) => ({ ...r.scenarios[0], id: `${id}.${k + 1}`, proofs: r.scenarios[0].proofs.map((p, j) => ({ ...p, id: `${id}.${k + 1}.${j + 1}` })) }));
    requirements.push({ ...r, id, scenarios });
  }
  const ruleset = { ...base, requirements };
  const file = (n) => ({ path: `evidence/file-${n}.png`, sha256: 'ab'.repeat(32), bytes: 1000 + n, kind: 'image/png' });
  const report = {
    report: 1,
    tool: { name: 'dmn-check', version: '0.1.0' },
    ruleset: { id: 'synthetic', version: '1.2.2', sha256: 'cd'.repeat(32) },
    manifest: { path: 'dmn-evidence.yaml', sha256: 'ef'.repeat(32) },
    product: { name: 'Bench', version: '1', manufacturer: 'Exemple Santé SAS' },
    facts: {},
    asOf: '2026-11-29',
    generatedAt: '2026-11-29T10:00:00Z',
    lang: 'fr',
    verdict: 'fail',
    summary: { satisfied: 81, not_applicable: 0, missing: 0, failed: 0, error: 0 },
    findings: [],
    requirements: requirements.map((r, i) => ({
      id: r.id,
      title: r.title.fr,
      status: 'satisfied',
      findings: [],
      slots: r.slots.map((s, k) => ({ name: s.name, required: true, status: 'satisfied', files: [file(i * 10 + k)] })),
      statement: null,
    })),
  };
  return { ruleset, report };
}

async function inProcess() {
  const { xlsxFormatter } = await import(pathToFileURL(path.join(ROOT, 'dist/formatters/xlsx/xlsx.js')).href);
  const { jsonFormatter } = await import(pathToFileURL(path.join(ROOT, 'dist/formatters/json.js')).href);
  const { ruleset, report } = await gridSized();
  const ctx = { color: false, lang: 'fr', ruleset, sourceDateEpoch: 1795946400 };
  const time = async (f) => {
    const times = [];
    let out;
    for (let i = 0; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      out = await f();
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return { ms: median(times), bytes: out.length };
  };
  const tImport = process.hrtime.bigint();
  await import('exceljs');
  const importMs = Number(process.hrtime.bigint() - tImport) / 1e6;
  const json = await time(() => jsonFormatter.format(report, ctx));
  const xlsx = await time(() => xlsxFormatter.format(report, ctx));
  const rows = ruleset.requirements.reduce((n, r) => n + r.scenarios.length, 0);
  table(`xlsx formatter in process, ${ruleset.requirements.length} requirements, ${rows} scenario rows (warm)`, [
    { label: 'json formatter, same report', ms: json.ms, notes: `${json.bytes} bytes` },
    { label: 'xlsx formatter (exceljs + one zip rewrite)', ms: xlsx.ms, notes: `${xlsx.bytes} bytes; importing exceljs once: ${importMs.toFixed(0)} ms` },
  ]);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-check-bench-xlsx-'));
  try {
    const out = path.join(dir, 'grille.xlsx');
    const text = cold(['--quiet']);
    const xlsx = cold(['-f', 'xlsx', '-o', out]);
    const size = statSync(out).size;
    const filled = cold(['-f', 'xlsx', '-o', out, '--grid-template', TEMPLATE]);
    table(`Cold check of the example dossier (${RUNS} runs each)`, [
      { label: 'check, text (baseline)', ms: text },
      { label: 'check --format xlsx', ms: xlsx, notes: `${size} bytes` },
      { label: 'check --format xlsx --grid-template (synthetic template)', ms: filled, notes: `${statSync(out).size} bytes` },
    ]);
    await inProcess();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
