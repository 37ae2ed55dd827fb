// Round two of the hostile corpus (issue 12, item 16): worker threads that cannot start or that die
// are a machine's limit, not the dossier's fault; the run ends as a single-thread run would.
import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseExport, type ExportAnalysis } from '../../../src/checks/port1/analysis/analyse.js';
import { openEvidenceFile } from '../../../src/evidence/evidence-file.js';
import { ROOT } from '../../support/run-cli.js';
import { ensureBuilt } from './support.js';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'dmn-threads-')));
  // 9,000 records (about 3 MB: several batches), one in a thousand breaking the schema
  const lines = Array.from({ length: 9000 }, (_, i) => JSON.stringify(i % 1000 === 7 ? { id: `r${i}` } : { id: `r${i}`, value: i, note: 'synthetic record, no patient' }));
  writeFileSync(path.join(dir, 'w.ndjson'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'w.schema.json'), JSON.stringify({ type: 'object', required: ['id', 'value'] }));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function analyse(workers: number, workerUrl?: URL): Promise<ExportAnalysis> {
  const open = async (name: string) => {
    const r = await openEvidenceFile(dir, name);
    if (!r.ok) throw new Error(r.reason);
    return r.file;
  };
  return analyseExport({ sample: [await open('w.ndjson')], schema: await open('w.schema.json'), workers, ...(workerUrl ? { workerUrl } : {}) });
}

const summary = (a: ExportAnalysis) => a.files.map((f) => ({ records: f.records, problems: f.problemCount, violations: f.violationCount, invalid: f.invalidRecords }));

describe('worker threads of the export reader', () => {
  it('a worker that dies with batches in hand: they run on the reading thread, with the findings of a single-thread run', async () => {
    const dying = path.join(dir, 'dying-worker.mjs');
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(7));\n");
    const inline = await analyse(0);
    expect(summary(inline)).toEqual([{ records: 9000, problems: 0, violations: 9, invalid: 9 }]);
    expect(summary(await analyse(2, pathToFileURL(dying)))).toEqual(summary(inline));
  });

  it('under `ulimit -v` leaving no room for a worker thread, the run is single-thread instead of aborted', async () => {
    const script = path.join(dir, 'run.mjs');
    writeFileSync(
      script,
      [
        `import { readFileSync } from 'node:fs';`,
        `import { analyseExport } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/checks/port1/analysis/analyse.js')).href)};`,
        `import { openEvidenceFile } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/evidence/evidence-file.js')).href)};`,
        `if (process.argv[2] === 'vmsize') { console.log(/VmSize:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]); process.exit(0); }`,
        `const open = async (n) => (await openEvidenceFile(${JSON.stringify(dir)}, n)).file;`,
        `const a = await analyseExport({ sample: [await open('w.ndjson')], schema: await open('w.schema.json'), workers: 2 });`,
        `const f = a.files[0];`,
        `console.log(JSON.stringify({ records: f.records, problems: f.problemCount, violations: f.violationCount, invalid: f.invalidRecords }));`,
      ].join('\n'),
    );
    const run = (args: string[], limitKib?: number) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const cmd = limitKib === undefined ? `exec "$0" "$@"` : `ulimit -v ${limitKib} && exec "$0" "$@"`;
        execFile('bash', ['-c', cmd, process.execPath, script, ...args], { timeout: 60_000 }, (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
        );
      });
    // Room for this process to grow by 400 MiB: a worker thread needs more than that just to start.
    const vmsize = Number((await run(['vmsize'])).stdout.trim());
    expect(vmsize).toBeGreaterThan(0);
    const r = await run([], vmsize + 400 * 1024);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ records: 9000, problems: 0, violations: 9, invalid: 9 });
  }, 120_000);
});
