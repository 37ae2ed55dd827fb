import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../support/run-cli.js';

/**
 * The standalone executable (`npm run sea`, Node's single-executable applications), copied with its
 * folders (rules/, the reading libraries in node_modules/) to a folder of its own and run with no
 * node on the PATH: it reads the example dossier's screenshots as the npm CLI does.
 */
describe('the standalone executable (Linux x64)', () => {
  const s = scratch('dmn-check-sea-');
  let exe = '';
  const noNode = path.join(s.dir, 'empty-bin');
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'generated', 'validate-manifest.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-sea.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const dir = path.join(s.dir, 'dmn-check');
    cpSync(path.join(ROOT, 'dist', 'sea'), dir, { recursive: true });
    expect(readdirSync(dir).sort()).toEqual(['dmn-check', 'node_modules', 'rules', 'tesseract-worker.cjs']);
    exe = path.join(dir, 'dmn-check');
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

  it('reads a video with the ffmpeg shipped beside it', () => {
    const d = path.join(s.dir, 'video-dossier');
    cpSync(path.join(ROOT, 'fixtures', 'dossiers', 'complete'), d, { recursive: true });
    cpSync(path.join(ROOT, 'fixtures', 'videos', 'two-factor-login.mp4'), path.join(d, 'evidence', 'ieu9', 'login.mp4'));
    const manifest = path.join(d, 'dmn-evidence.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/two-factor-demo: \[.*\]/, 'two-factor-demo: [evidence/ieu9/login.mp4]'));
    const run = spawnSync(exe, ['check', manifest, '--as-of', '2026-11-29', '--format', 'json'], { cwd: ROOT, env: env(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const ieu9 = (JSON.parse(run.stdout) as { requirements: { id: string; status: string; findings: { message: string }[] }[] }).requirements.find((r) => r.id === 'IEU 9')!;
    expect(ieu9.status).toBe('satisfied');
    expect(ieu9.findings.map((f) => f.message).join('\n')).toMatch(/\(frame at 0:04\)/);
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

  it('without its node_modules folder, says which reading library is missing instead of crashing', () => {
    const bare = path.join(s.dir, 'bare');
    mkdirSync(bare);
    cpSync(exe, path.join(bare, 'dmn-check'));
    cpSync(path.join(path.dirname(exe), 'rules'), path.join(bare, 'rules'), { recursive: true });
    // the example's schema patterns run on Node's own engine: one that only RE2 may run needs re2-wasm
    const d = path.join(s.dir, 'bare-dossier');
    cpSync(path.join(ROOT, 'fixtures', 'dossiers', 'complete'), d, { recursive: true });
    const schema = path.join(d, 'evidence', 'port1', 'schema.json');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('"^[0-9]{11}$"', '"^([0-9])+$"'));
    const run = spawnSync(path.join(bare, 'dmn-check'), ['check', path.join(d, 'dmn-evidence.yaml'), '--format', 'json'], { cwd: ROOT, env: env(), encoding: 'utf8' });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { requirements: { id: string; status: string; findings: { message: string }[] }[] };
    const ieu7 = report.requirements.find((r) => r.id === 'IEU 7');
    expect(ieu7?.status).toBe('error');
    expect(ieu7?.findings.map((f) => f.message).join('\n')).toMatch(/tesseract\.js is not installed beside dmn-check/);
    const port1 = report.requirements.find((r) => r.id === 'PORT 1');
    expect(port1?.findings.map((f) => f.message).join('\n')).toMatch(/re2-wasm is not installed beside dmn-check/);
  });
});
