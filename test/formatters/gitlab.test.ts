import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitlabFormatter } from '../../src/formatters/gitlab.js';
import { DOSSIERS, runCli } from '../support/run-cli.js';
import { canonicalContext, canonicalReport } from './canonical-report.js';

type Issue = {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
  categories?: string[];
  content?: { body: string };
};

const issues = (lang: 'en' | 'fr' = 'en', report = canonicalReport(lang)): Issue[] => JSON.parse(gitlabFormatter.format(report, canonicalContext(lang))) as Issue[];

/**
 * GitLab's documented Code Quality format (docs.gitlab.com, "Code Quality" > "Code Quality report
 * format"): an array of objects with description, check_name, fingerprint (unique), severity (info,
 * minor, major, critical, blocker), location.path (relative to the repository) and location.lines.begin.
 */
function formatErrors(list: unknown): string[] {
  const errors: string[] = [];
  if (!Array.isArray(list)) return ['not an array'];
  const prints = new Set<string>();
  list.forEach((i: Issue, n) => {
    for (const k of ['description', 'check_name', 'fingerprint'] as const) if (typeof i[k] !== 'string' || i[k] === '') errors.push(`${n}: ${k}`);
    if (!['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity)) errors.push(`${n}: severity ${i.severity}`);
    if (typeof i.location?.path !== 'string' || i.location.path.startsWith('/') || i.location.path.includes('://')) errors.push(`${n}: path`);
    if (!Number.isInteger(i.location?.lines?.begin) || i.location.lines.begin < 1) errors.push(`${n}: lines.begin`);
    if (prints.has(i.fingerprint)) errors.push(`${n}: duplicate fingerprint`);
    prints.add(i.fingerprint);
  });
  return errors;
}

describe('gitlab formatter (Code Quality)', () => {
  it('follows GitLab’s report format', () => {
    expect(formatErrors(issues())).toEqual([]);
    expect(formatErrors(issues('fr'))).toEqual([]);
  });

  it('places a finding at its manifest line, worded with its requirement, severity by what it does to the verdict', () => {
    const mismatch = issues().find((i) => i.check_name === 'file.hash-mismatch')!;
    expect(mismatch).toMatchObject({ severity: 'major', location: { path: 'dmn-evidence.yaml', lines: { begin: 21 } } });
    expect(mismatch.description).toMatch(/^IEU 8: evidence\/ieu8\/creation\.hl7/);
    expect(mismatch.content!.body).toContain('(https://www.npmjs.com/package/dmn-check#finding-file-hash-mismatch)');
    expect(issues().find((i) => i.check_name === 'check.crashed')!.severity).toBe('critical');
    expect(issues().find((i) => i.check_name === 'document.topic-missing')!.severity).toBe('minor');
  });

  it('keeps fingerprints when manifest lines move and when the language changes', () => {
    const moved = canonicalReport('en');
    for (const r of moved.requirements) for (const f of r.findings) if (f.line !== undefined) f.line += 3;
    expect(issues('en', moved).map((i) => i.fingerprint)).toEqual(issues().map((i) => i.fingerprint));
    expect(issues('fr').map((i) => i.fingerprint)).toEqual(issues().map((i) => i.fingerprint));
  });

  it('says nothing for a passing dossier but its warnings, and nothing about not-applicable requirements', async () => {
    const run = await runCli(['check', path.join(DOSSIERS, 'complete', 'dmn-evidence.yaml'), '--as-of', '2026-11-29', '-f', 'gitlab']);
    const list = JSON.parse(run.stdout) as Issue[];
    expect(formatErrors(list)).toEqual([]);
    expect(list.every((i) => i.severity !== 'major' && i.severity !== 'critical')).toBe(true);
    const failing = await runCli(['check', path.join(DOSSIERS, 'not-systematic-2fa', 'dmn-evidence.yaml'), '--as-of', '2026-11-29', '-f', 'gitlab']);
    const f = JSON.parse(failing.stdout) as Issue[];
    expect(f.filter((i) => i.severity === 'major').map((i) => i.check_name)).toEqual(['slot.missing']);
    expect(f[0]!.location.path).toBe('fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml');
  });
});
