import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { copyDossier, runCli, scratch, type CliRun } from '../support/run-cli.js';

export const AS_OF = '2026-11-29';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** A copy of a fixture dossier, removed after the test. */
export function dossier(name = 'complete'): ReturnType<typeof copyDossier> {
  const d = copyDossier(name);
  cleanups.push(d.done);
  return d;
}

/** A scratch folder, removed after the test. */
export function tmp(): string {
  const s = scratch('dmn-audit-');
  cleanups.push(s.done);
  return s.dir;
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
export const shaOf = (file: string): string => sha256(readFileSync(file));

/** Runs `check --format json --output OUT` in `cwd` (the report a replay starts from); returns OUT's path. */
export async function checkReport(cwd: string, out = 'report.json', extra: string[] = [], manifest = 'dmn-evidence.yaml'): Promise<string> {
  const run = await runCli(['check', manifest, '--as-of', AS_OF, '--format', 'json', '--output', out, ...extra], { cwd });
  expect(run.stderr).toBe('');
  expect([0, 1]).toContain(run.code);
  return path.resolve(cwd, out);
}

export function readJson(file: string): Report {
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}

/** Edits a JSON report in place, keeping the formatter's layout. */
export function editReport(file: string, f: (r: Report & Record<string, unknown>) => void): void {
  const r = readJson(file) as Report & Record<string, unknown>;
  f(r);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
}

export function editText(file: string, f: (s: string) => string): void {
  writeFileSync(file, f(readFileSync(file, 'utf8')));
}

/** Lines of a command's output that list differences or problems (the `✖` lines), marker removed. */
export function listed(run: CliRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.startsWith('  ✖ '))
    .map((l) => l.slice(4));
}

/** Asserts an exit-2 run: one or more `dmn-check: error:` lines, no stack, nothing on stdout. */
export function expectInputError(run: CliRun, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).toMatch(/^dmn-check\u00a0?: (error|erreur)\u00a0?: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}
