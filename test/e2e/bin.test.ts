import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyDossier, ROOT, runCli } from '../support/run-cli.js';

const BIN = path.join(ROOT, 'bin', 'dmn-check.js');

beforeAll(() => {
  // `npm test` builds first; a bare `vitest` run may not have.
  if (!existsSync(path.join(ROOT, 'dist', 'generated', 'validate-manifest.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function spawn(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', SOURCE_DATE_EPOCH: '1795946400' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the installed command (bin/dmn-check.js on the build, with precompiled validators)', () => {
  it('checks the example dossier: exit 0, the same JSON report as in-process', async () => {
    const args = ['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json', '--no-read'];
    const spawned = spawn(args);
    expect(spawned.code).toBe(0);
    expect(spawned.stderr).toBe('');
    const inProcess = await runCli(args);
    expect(spawned.stdout).toBe(inProcess.stdout);
  });

  it('gives the same positioned input errors as the schema compiled at run time', async () => {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    writeFileSync(d.manifest, readFileSync(d.manifest, 'utf8').replace('\nevidence:', '\nevidense:').replace('  version: "4.2.0"', '  version: 4.2'));
    const spawned = spawn(['check', 'dmn-evidence.yaml'], d.dir);
    const inProcess = await runCli(['check', 'dmn-evidence.yaml'], { cwd: d.dir });
    expect(spawned.code).toBe(2);
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.stderr).toMatch(/dmn-evidence\.yaml:5:12 product\.version: must be of type string\./);
    expect(spawned.stderr).toMatch(/evidense: unknown key "evidense"\. Did you mean "evidence"\?/);
    const lint = spawn(['rules', 'lint', 'test/ruleset/bad-condition.yaml']);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toBe((await runCli(['rules', 'lint', 'test/ruleset/bad-condition.yaml'])).stderr);
    expect(lint.stderr).toMatch(/is not a valid condition/);
  });

  it('gives the same option errors with the precompiled check option validators as compiled at run time', async () => {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    const rules = readFileSync(path.join(ROOT, 'rules', 'ans-dmn-1.2.2.yaml'), 'utf8');
    expect(rules).toContain('options: { require_private_identifier: true }');
    writeFileSync(path.join(d.dir, 'rules.yaml'), rules.replace('options: { require_private_identifier: true }', 'options: { require_private_identifier: "yes", extra: 1 }'));
    const spawned = spawn(['rules', 'lint', 'rules.yaml'], d.dir);
    const inProcess = await runCli(['rules', 'lint', 'rules.yaml'], { cwd: d.dir });
    expect(spawned.code).toBe(2);
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.stderr).toMatch(/require_private_identifier/);
    expect(spawned.stderr).toMatch(/extra/);
  });

  it('reports a broken data dictionary the same with the precompiled dictionary validator', async () => {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    const dict = path.join(d.dir, 'evidence', 'port1', 'dictionary.yaml');
    writeFileSync(dict, readFileSync(dict, 'utf8').replace('    category: technical\n', '    category: nonsense\n    colour: red\n'));
    const args = ['check', 'dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json', '--no-read'];
    const spawned = spawn(args, d.dir);
    const inProcess = await runCli(args, { cwd: d.dir });
    expect(spawned.code).toBe(1);
    expect(spawned.stdout).toBe(inProcess.stdout);
    const port1 = (JSON.parse(spawned.stdout) as { requirements: { id: string; status: string }[] }).requirements.find((r) => r.id === 'PORT 1');
    expect(port1?.status).toBe('failed');
    expect(spawned.stdout).toMatch(/dictionary\.yaml/);
  });

  it('--help and --version exit 0; no stack trace on an unknown command', () => {
    expect(spawn(['--help']).code).toBe(0);
    const v = spawn(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const bad = spawn(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
