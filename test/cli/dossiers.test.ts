import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { DOSSIERS, runCli } from '../support/run-cli.js';

interface Expected {
  asOf: string;
  /** `--rules` to check the dossier with (default: the bundled default ruleset). */
  rules?: string;
  exit: number;
  statuses: Record<string, string>;
  findings?: Record<string, string[]>;
}

const scenarios = readdirSync(DOSSIERS).filter((d) => {
  try {
    readFileSync(path.join(DOSSIERS, d, 'expected.json'));
    return true;
  } catch {
    return false;
  }
});

describe('scenario dossiers', () => {
  it('has the scenarios of issue 2', () => {
    expect(scenarios).toEqual(
      expect.arrayContaining(['complete', 'telemonitoring-complete', 'two-factor-not-shown', 'delegated-identity', 'ins-not-applicable', 'simple-declaration', 'not-systematic-2fa', 'renamed-text-screenshot', 'expired-statement']),
    );
  });

  it.each(scenarios)('%s: exit code and every requirement status', async (name) => {
    const expected = JSON.parse(readFileSync(path.join(DOSSIERS, name, 'expected.json'), 'utf8')) as Expected;
    const manifest = path.join('fixtures', 'dossiers', name, 'dmn-evidence.yaml');
    // Scenario dossiers are checked as users check them: their screens are read.
    const run = await runCli(['check', manifest, '--as-of', expected.asOf, '--format', 'json', ...(expected.rules ? ['--rules', expected.rules] : [])], { read: true });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    const statuses = Object.fromEntries(report.requirements.map((r) => [r.id, r.status]));
    expect(statuses).toEqual(expected.statuses);
    expect(run.code).toBe(expected.exit);
    expect(report.verdict).toBe(expected.exit === 0 ? 'pass' : 'fail');
    for (const [id, codes] of Object.entries(expected.findings ?? {})) {
      const r = report.requirements.find((x) => x.id === id)!;
      expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(codes));
    }
    // every non-satisfied requirement says why and what to provide
    for (const r of report.requirements) {
      if (r.status === 'satisfied' || r.status === 'not_applicable') continue;
      const blocking = r.findings.filter((f) => f.severity === 'error');
      expect(blocking.length, `${name} ${r.id}`).toBeGreaterThan(0);
      for (const f of blocking) expect(f.message.length).toBeGreaterThan(10);
    }
    expect(report.read).toBe(true);
  }, 180_000);
});
