import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../support/run-cli.js';

/** `npm pack` gives a package that runs on its own: every file the CLI needs is in it. */
describe('the npm package', () => {
  const s = scratch('dmn-check-pack-');
  let pkg = '';
  let files: string[] = [];
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'generated', 'validate-manifest.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', s.dir], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    files = info[0]!.files.map((f) => f.path);
    execFileSync('tar', ['xzf', path.join(s.dir, info[0]!.filename), '-C', s.dir]);
    pkg = path.join(s.dir, 'package');
    // dependencies as `npm install` would put them; the package itself brings everything else
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
  }, 120_000);
  afterAll(() => s.done());

  it('holds the CLI, the build, the precompiled validators and the bundled rulesets, without tests, fixtures or sources', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/dmn-check.js', 'dist/cli/main.js', 'dist/generated/validate-manifest.cjs', 'rules/ans-dmn-1.2.2.yaml', 'rules/mes-mesures-3.1.0.yaml', 'README.md', 'package.json']));
    expect(files.filter((f) => /^(test|fixtures|src|\.ci)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  it('runs: checks the example dossier from outside the repository', () => {
    const manifest = path.join(ROOT, 'fixtures', 'dossiers', 'complete', 'dmn-evidence.yaml');
    const r = spawnSync(process.execPath, [path.join(pkg, 'bin', 'dmn-check.js'), 'check', manifest, '--as-of', '2026-11-29', '--quiet'], { cwd: s.dir, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Summary: 5 satisfied, 0 not applicable, 0 missing, 0 failed, 0 errors — PASS$/m);
    expect(r.status).toBe(0);
    expect(readdirSync(path.join(pkg, 'rules'))).toContain('ans-dmn-1.2.2.yaml');
  });
});
