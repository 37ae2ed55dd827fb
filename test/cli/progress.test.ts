import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/cli/progress.js';
import { runCli } from '../support/run-cli.js';

/** A terminal's stderr that records what it gets, and a clock the test moves. */
function terminal(isTTY = true) {
  const out: string[] = [];
  let t = 0;
  return { stream: { isTTY, write: (s: string) => out.push(s) }, out, tick: (ms: number) => (t += ms), now: () => t };
}

describe('progress on stderr (issue 16 item 7)', () => {
  it('shows nothing for the first second, then redraws one line at most every 200 ms, and erases it at the end', () => {
    const tty = terminal();
    const p = createProgress(tty.stream, { lang: 'en', quiet: false, env: {}, now: tty.now });
    p.onProgress!({ phase: 'open', done: 1, total: 20000 });
    expect(tty.out).toEqual([]);
    tty.tick(1200);
    p.onProgress!({ phase: 'open', done: 12000, total: 20000 });
    tty.tick(50);
    p.onProgress!({ phase: 'open', done: 12500, total: 20000 });
    tty.tick(300);
    p.onProgress!({ phase: 'evaluate', done: 2, total: 5, label: 'IEU 8' });
    p.end();
    expect(tty.out).toEqual(['\r\u001b[2KChecking… 12,000/20,000 files opened', '\r\u001b[2KChecking… 12,500/20,000 files opened · requirement 3/5 (IEU 8)', '\r\u001b[2K']);
  });

  it('is silent when stderr is no terminal, under --quiet, or in CI', () => {
    for (const [isTTY, quiet, env] of [[false, false, {}], [true, true, {}], [true, false, { CI: 'true' }]] as const) {
      const tty = terminal(isTTY);
      const p = createProgress(tty.stream, { lang: 'en', quiet, env, now: tty.now });
      expect(p.onProgress).toBeUndefined();
      p.end();
      expect(tty.out).toEqual([]);
    }
  });

  it('words counts in French, with its number format', () => {
    expect(progressLine({ open: { phase: 'open', done: 20000, total: 20000 }, read: { phase: 'read', done: 12 } }, 'fr')).toBe('Vérification… 20\u202f000/20\u202f000 fichiers ouverts · 12 fichiers lus');
    expect(progressLine({ read: { phase: 'read', done: 1 } }, 'fr')).toBe('Vérification… 1 fichier lu');
  });

  it('a real check on a terminal tells of every phase, and its report is unchanged', async () => {
    const seen = new Set<string>();
    const { checkDossier } = await import('../../src/api/check-dossier.js');
    const { DOSSIERS } = await import('../support/run-cli.js');
    const report = await checkDossier({ manifest: `${DOSSIERS}/complete/dmn-evidence.yaml`, asOf: '2026-11-29', read: false, onProgress: (e) => seen.add(e.phase) });
    expect([...seen].sort()).toEqual(['evaluate', 'open']);
    expect(report.verdict).toBe('pass');
    // runCli's stderr is no terminal: nothing is written there
    const run = await runCli(['check', `${DOSSIERS}/complete/dmn-evidence.yaml`, '--as-of', '2026-11-29']);
    expect(run.stderr).toBe('');
  });

  it('a large export: bytes streamed of its size, and the time left at the rate seen since it started', () => {
    const tty = terminal();
    const p = createProgress(tty.stream, { lang: 'en', quiet: false, env: {}, now: tty.now });
    const MiB = 1024 * 1024;
    p.onProgress!({ phase: 'stream', done: 1 * MiB, total: 1024 * MiB });
    tty.tick(4000);
    // 255 MiB in 4 s: 768 MiB left at ~64 MiB/s, 12 s.
    p.onProgress!({ phase: 'stream', done: 256 * MiB, total: 1024 * MiB });
    expect(tty.out.at(-1)).toBe('\r\u001b[2KChecking… 0.3/1 GiB streamed, about 0:12 left');
    // The next file starts its own count and its own rate.
    tty.tick(500);
    p.onProgress!({ phase: 'stream', done: 4 * MiB, total: 100 * MiB });
    expect(tty.out.at(-1)).toBe('\r\u001b[2KChecking… 4/100 MiB streamed');
    tty.tick(2000);
    p.onProgress!({ phase: 'stream', done: 52 * MiB, total: 100 * MiB });
    expect(tty.out.at(-1)).toBe('\r\u001b[2KChecking… 52/100 MiB streamed, about 0:02 left');
    expect(progressLine({ stream: { phase: 'stream', done: 300 * MiB, total: 2.5 * 1024 * MiB }, eta: 3725 }, 'fr')).toBe('Vérification… 0,3/2,5 Gio lus, encore environ 1:02:05');
    // Once the file is through, the line no longer speaks of it.
    expect(progressLine({ stream: { phase: 'stream', done: 100 * MiB, total: 100 * MiB } }, 'en')).toBe('Checking… ');
  });

  it('a check streaming a large export tells its bytes, up to its size', async () => {
    const { mkdtempSync, writeFileSync, cpSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { checkDossier } = await import('../../src/api/check-dossier.js');
    const { DOSSIERS } = await import('../support/run-cli.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-progress-'));
    try {
      cpSync(path.join(DOSSIERS, 'complete'), dir, { recursive: true });
      // The example export, padded past 8 MiB with more patients like its first.
      const file = path.join(dir, 'evidence/port1/export.json');
      const doc = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')) as { patients: unknown[] };
      const one = doc.patients[0];
      while (JSON.stringify(doc).length < 9 * 1024 * 1024) doc.patients.push(...Array.from({ length: 500 }, () => one));
      writeFileSync(file, JSON.stringify(doc));
      const streamed: { done: number; total?: number }[] = [];
      await checkDossier({ manifest: path.join(dir, 'dmn-evidence.yaml'), asOf: '2026-11-29', read: false, onProgress: (e) => e.phase === 'stream' && streamed.push(e) });
      expect(streamed.length).toBeGreaterThan(1);
      const total = streamed[0]!.total!;
      expect(total).toBeGreaterThan(9 * 1024 * 1024);
      expect(streamed.at(-1)!.done).toBe(total);
      expect(streamed.every((e, i) => i === 0 || e.done > streamed[i - 1]!.done || e.done <= streamed[0]!.done)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
