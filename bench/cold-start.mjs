// Cold start of the installed command (bin/dmn-check.js, the esbuild bundle), as ratios against
// `node -e 0` measured in the same run: the cases take turns, so a busy machine slows them alike.
// From the third run of a command on, the bundle is compiled from V8's code cache (bin/load-bundle.js);
// one case shows a run without it.
// Imported by bench/run.js; `node bench/cold-start.mjs` runs it alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dmn-check.js');
const RUNS = 21;

/** Median wall time (ms) of each case, the cases run in turn RUNS times. */
function medians(cases) {
  const times = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    cases.forEach((c, k) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, c.args, { cwd: c.cwd ?? ROOT, stdio: 'ignore', env: { ...process.env, ...c.env } });
      if (r.status !== c.exit) throw new Error(`${c.label}: exit ${r.status}, expected ${c.exit}`);
      times[k].push(Number(process.hrtime.bigint() - t) / 1e6);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[t.length >> 1]);
}

/** Prints the table; returns the target lines [what, met, value] for bench/run.js's summary. */
export function coldStart() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-check-cold-'));
  try {
    spawnSync(process.execPath, [BIN, 'init', '--out', path.join(dir, 'dmn-evidence.yaml')], { stdio: 'ignore' });
    const example = path.join(ROOT, 'fixtures/dossiers/complete/dmn-evidence.yaml');
    const cases = [
      { label: 'node -e 0 (baseline)', args: ['-e', '0'], exit: 0 },
      { label: 'dmn-check --version', args: [BIN, '--version'], exit: 0, target: 1.3 },
      // the target leaves content reading aside (issue 15); bench/read.mjs measures the reading of screens
      { label: 'dmn-check check, example dossier, --no-read', args: [BIN, 'check', example, '--quiet', '--no-read'], exit: 0, target: 2 },
      // a CI job's single run on a fresh install: no code cache yet (bin/load-bundle.js)
      { label: '  the same without the code cache', args: [BIN, 'check', example, '--quiet', '--no-read'], env: { NODE_DISABLE_COMPILE_CACHE: '1' }, exit: 0 },
      { label: 'dmn-check check, init template (no evidence)', args: [BIN, 'check', '--quiet'], cwd: dir, exit: 1 },
    ];
    const ms = medians(cases);
    console.log(`\nCold start — median of ${RUNS} runs each, in turn (Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)})`);
    console.log(`${'case'.padEnd(48)} ${'ms'.padStart(7)} ${'ratio'.padStart(7)}  target`);
    const targets = [];
    cases.forEach((c, k) => {
      const ratio = ms[k] / ms[0];
      console.log(`${c.label.padEnd(48)} ${ms[k].toFixed(0).padStart(7)} ${`${ratio.toFixed(2)}x`.padStart(7)}  ${c.target ? `<= ${c.target}x` : ''}`);
      if (c.target) targets.push([`cold start, ${c.label}: <= ${c.target}x node -e 0`, ratio <= c.target, `${ratio.toFixed(2)}x (${ms[k].toFixed(0)} ms vs ${ms[0].toFixed(0)} ms)`]);
    });
    return targets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [what, ok, value] of coldStart()) console.log(`  ${ok ? 'met   ' : 'MISSED'}  ${what}: ${value}`);
}
