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
});
