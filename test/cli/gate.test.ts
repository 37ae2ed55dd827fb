import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOSSIERS, runCli, scratch } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function tmp(): string {
  const s = scratch();
  cleanups.push(s.done);
  return s.dir;
}
const manifest = (name: string): string => path.join(DOSSIERS, name, 'dmn-evidence.yaml');
const check = (name: string, ...args: string[]) => runCli(['check', manifest(name), '--as-of', '2026-11-29', '-f', 'json', ...args]);

describe('--fail-on', () => {
  it('defaults to the contract: missing, failed and error fail the run', async () => {
    expect((await check('not-systematic-2fa')).code).toBe(1); // IEU 9 missing
    expect((await check('expired-statement')).code).toBe(1); // failed
    expect((await check('complete')).code).toBe(0);
  });

  it('failed lets a missing requirement pass the gate, not a failed one', async () => {
    expect((await check('not-systematic-2fa', '--fail-on', 'failed')).code).toBe(0);
    expect((await check('expired-statement', '--fail-on', 'failed')).code).toBe(1);
    expect((await check('expired-statement', '--fail-on', 'error')).code).toBe(0);
  });

  it('warning also fails on a warning finding of a requirement that holds, and the verdict stays the ruleset’s', async () => {
    const run = await check('delegated-identity', '--fail-on', 'warning');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).verdict).toBe('pass');
    expect((await check('delegated-identity')).code).toBe(0);
    expect((await check('complete', '--fail-on', 'warning')).code).toBe(0);
  });

  it('an unknown level is a usage error listing the levels', async () => {
    const run = await check('complete', '--fail-on', 'severe');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/warning, missing, failed, error/);
  });
});

describe('-o', () => {
  it('creates the folders a report goes to', async () => {
    const d = tmp();
    const run = await runCli(['check', manifest('complete'), '--as-of', '2026-11-29', '-f', 'sarif', '-o', 'reports/ci/x.sarif'], { cwd: d });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(d, 'reports/ci/x.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('leaves no folder behind when the write fails', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'taken'), 'a file, not a folder');
    mkdirSync(path.join(d, 'ro'));
    const run = await runCli(['check', manifest('complete'), '--as-of', '2026-11-29', '-f', 'json', '-o', 'new/r.json', '-f', 'sarif', '-o', 'taken/x.sarif'], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be written/);
    expect(existsSync(path.join(d, 'new'))).toBe(false);
  });

  it('warns when no format claims the extension, and writes the text report', async () => {
    const d = tmp();
    const run = await runCli(['check', manifest('complete'), '--as-of', '2026-11-29', '-o', 'report.log'], { cwd: d });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'dmn-check: warning: command line --output: no format claims the extension ".log" of report.log: it gets the text report. Put --format NAME before --output to choose (extensions known: .json, .xml, .sarif, .html, .htm, .md, .txt, .xlsx).\n',
    );
    expect(readFileSync(path.join(d, 'report.log'), 'utf8')).toMatch(/^CardioSuivi 4.2.0/);
    const chosen = await runCli(['check', manifest('complete'), '--as-of', '2026-11-29', '-f', 'json', '-o', 'report.log'], { cwd: d });
    expect(chosen.stderr).toBe('');
  });
});

describe('--format did you mean', () => {
  it.each([
    ['junitxml', 'junit'],
    ['xunit', 'junit'],
    ['md', 'markdown'],
    ['srif', 'sarif'],
    ['codequality', 'gitlab'],
    ['JSON', 'json'],
  ])('%s → %s', async (typed, meant) => {
    const run = await check('complete', '-f', typed);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`unknown format "${typed}". Did you mean "--format ${meant}"?`);
  });
});
