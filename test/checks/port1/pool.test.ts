import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IdleProbe, RecordPool, defaultWorkerCount } from '../../../src/checks/port1/analysis/pool.js';
import type { BatchResult } from '../../../src/checks/port1/analysis/record-processor.js';

describe('defaultWorkerCount: threads only when a core is idle for them', () => {
  it('gives a quiet two-core machine one worker beside the reading thread', () => {
    expect(defaultWorkerCount(2, 0.2)).toBe(1);
    expect(defaultWorkerCount(2, 0)).toBe(1);
  });

  it('falls back to one thread when the other core is taken', () => {
    expect(defaultWorkerCount(2, 1)).toBe(0);
    expect(defaultWorkerCount(2, 2.3)).toBe(0);
    expect(defaultWorkerCount(2, 14)).toBe(0);
  });

  it('never starts a worker on one core, whatever the load', () => {
    expect(defaultWorkerCount(1, 0)).toBe(0);
  });

  it('counts the idle cores of a larger machine, at most four workers', () => {
    expect(defaultWorkerCount(8, 0)).toBe(4);
    expect(defaultWorkerCount(8, 4)).toBe(3);
    expect(defaultWorkerCount(8, 5.6)).toBe(1);
    expect(defaultWorkerCount(8, 7.2)).toBe(0);
  });

  it('treats a missing load average (Windows reports 0) as idle cores', () => {
    expect(defaultWorkerCount(4, 0)).toBe(3);
  });
});

describe('RecordPool.grow: workers started part-way through a file', () => {
  const worker = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/checks/port1/analysis/record-worker.js');
  const schema = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^p[0-9]+$' }, system: { type: 'string', format: 'uri' } } };
  const batches = Array.from({ length: 12 }, (_, b) =>
    Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 37 === b ? `{"id":"x${i}","system":"not a uri"}` : i === 150 ? '{"id":' : `{"id":"p${i}","system":"http://loinc.org"}`)).join('\n') + '\n'),
  );

  async function runAll(growAt: number): Promise<{ results: BatchResult[]; workers: number }> {
    const pool = new RecordPool({ walk: false, schema }, 0);
    const pending: Promise<BatchResult>[] = [];
    for (let i = 0; i < batches.length; i++) {
      if (i === growAt) pool.grow(1, pathToFileURL(worker));
      const bytes = pool.buffer(batches[i]!.length);
      bytes.set(batches[i]!);
      pending.push(pool.run({ kind: 'lines', seq: i, file: 0, bytes }));
    }
    const results = await Promise.all(pending);
    const workers = pool.workers;
    await pool.close();
    return { results, workers };
  }

  it('gives the results one thread gives (needs `npm run build`)', async () => {
    expect(existsSync(worker), 'dist/: run `npm run build` first').toBe(true);
    const inline = await runAll(-1);
    const grown = await runAll(4);
    expect(inline.workers).toBe(0);
    expect(grown.workers).toBe(1);
    expect(grown.results).toEqual(inline.results);
    expect(inline.results.reduce((n, r) => n + r.violationCount, 0)).toBeGreaterThan(0);
    expect(inline.results.reduce((n, r) => n + r.syntaxCount, 0)).toBeGreaterThan(0);
  });

  it('asks for no worker over too short a time to measure, and never more than the cores allow', () => {
    expect(new IdleProbe().workers()).toBe(0);
    expect(new IdleProbe().workers(1)).toBe(0);
  });
});
