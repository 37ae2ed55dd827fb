import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../support/run-cli.js';

/**
 * The standalone executable (`npm run sea`, Node's single-executable applications), copied with its
 * rules/ folder to a folder of its own and run with no node on the PATH.
 */
// Broken by the merges of 2 December (the bundle's external reading libraries; see the closing note): to be fixed.
describe.skip('the standalone executable (Linux x64)', () => {
  const s = scratch('dmn-check-sea-');
  let exe = '';
  const noNode = path.join(s.dir, 'empty-bin');
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'generated', 'validate-manifest.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-sea.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const dir = path.join(s.dir, 'dmn-check');
    mkdirSync(dir);
    exe = path.join(dir, 'dmn-check');
    copyFileSync(path.join(ROOT, 'dist', 'sea', 'dmn-check'), exe);
    cpSync(path.join(ROOT, 'dist', 'sea', 'rules'), path.join(dir, 'rules'), { recursive: true });
    mkdirSync(noNode);
  }, 300_000);
  afterAll(() => s.done());

  // SOURCE_DATE_EPOCH: both runs record the same generatedAt
  const env = () => ({ PATH: noNode, LANG: 'C', SOURCE_DATE_EPOCH: '1795946400' });

  it('checks the example dossier with no node on the PATH: the same JSON report as the npm CLI', () => {
    expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: env() }).status).not.toBe(0);
    const args = ['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json'];
    const sea = spawnSync(exe, args, { cwd: ROOT, env: env(), encoding: 'utf8' });
    expect(sea.stderr).toBe('');
    expect(sea.status).toBe(0);
    const npm = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'dmn-check.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, LANG: 'C', SOURCE_DATE_EPOCH: '1795946400' }, encoding: 'utf8' });
    expect(sea.stdout).toBe(npm.stdout);
    expect(JSON.parse(sea.stdout).requirements.map((r: { status: string }) => r.status)).toEqual(['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied']);
  });

  it('gives exit 1 on a dossier that does not pass, exit 2 on bad input, and explains a requirement', () => {
    const fail = spawnSync(exe, ['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--quiet'], { cwd: ROOT, env: env(), encoding: 'utf8' });
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/^Summary: 4 satisfied, 0 not applicable, 1 missing, 0 failed, 0 errors — FAIL$/m);
    const bad = spawnSync(exe, ['check', 'no-such-manifest.yaml'], { cwd: ROOT, env: env(), encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no-such-manifest\.yaml/);
    const explain = spawnSync(exe, ['explain', 'IEU 9'], { cwd: ROOT, env: env(), encoding: 'utf8' });
    expect(explain.status).toBe(0);
    expect(explain.stdout).toMatch(/IEU 9/);
  });
});
