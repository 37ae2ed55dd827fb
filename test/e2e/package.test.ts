import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../support/run-cli.js';

/**
 * What a consumer gets: `npm pack` (after the build, as `prepare` does before packing), then the
 * tarball installed in an empty project with --ignore-scripts, so nothing is built at install time,
 * and the CLI run from node_modules/.bin. Dependencies come from the npm cache (or the registry).
 */
describe('the npm package, installed in an empty project', () => {
  const s = scratch('dmn-check-pack-');
  let files: string[] = [];
  let project = '';
  let bin = '';
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'dmn-check.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', s.dir], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    files = info[0]!.files.map((f) => f.path);
    project = path.join(s.dir, 'project');
    cpSync(path.join(ROOT, 'fixtures', 'dossiers', 'complete'), path.join(project, 'dossier'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'a-dmn', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', '--save-exact', path.join(s.dir, info[0]!.filename)], {
      cwd: project,
      stdio: 'ignore',
    });
    bin = path.join(project, 'node_modules', '.bin', 'dmn-check');
  }, 240_000);
  afterAll(() => s.done());

  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C' };
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: project, encoding: 'utf8', env });

  it('holds the bundle, its OCR worker, the precompiled validators, the report schema, the rulesets, LICENSE and CHANGELOG, without tests, fixtures, sources or source maps', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/dmn-check.js', 'bin/load-bundle.js', 'bin/package.json', 'dist/bundle/dmn-check.cjs.sha256', 'dist/bundle/dmn-check.cjs', 'dist/bundle/record-worker.js', 'dist/bundle/tesseract-worker.cjs', 'dist/generated/validate-manifest.cjs', 'dist/generated/validate-options.cjs', 'dist/generated/meta-draft-07.cjs', 'dist/generated/rules/ans-dmn-1.2.2.json', 'schemas/report-1.schema.json', 'dist/index.js', 'dist/index.d.ts', 'rules/ans-dmn-1.2.2.yaml', 'rules/mes-mesures-3.1.0.yaml', 'action.yml', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']));
    expect(files.filter((f) => /^(test|fixtures|src|scripts|bench|\.ci)\//.test(f) || f.endsWith('.map') || f.startsWith('dist/sea/'))).toEqual([]);
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^\s+Apache License\s+Version 2\.0, January 2004[\s\S]+END OF TERMS AND CONDITIONS/);
  });

  it('starts the bundled worker from beside the bundle', () => {
    // the chunk that starts worker threads resolves ./record-worker.js next to itself
    const bundle = path.join(project, 'node_modules', 'dmn-check', 'dist', 'bundle');
    const starters = readdirSync(bundle).filter((f) => readFileSync(path.join(bundle, f), 'utf8').includes('"./record-worker.js"'));
    expect(starters.length).toBeGreaterThan(0);
    expect(existsSync(path.join(bundle, 'record-worker.js'))).toBe(true);
  });

  it('runs init, check and explain from node_modules/.bin, and npx --no-install finds it', () => {
    const version = run('npx', ['--no-install', 'dmn-check', '--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(version.status).toBe(0);

    const init = run(bin, ['init']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(readFileSync(path.join(project, 'dmn-evidence.yaml'), 'utf8')).toMatch(/^dmn-evidence: 1$/m);
    // the template names no evidence yet: every requirement that applies is missing
    const template = run(bin, ['check', '--quiet']);
    expect(template.status).toBe(1);
    expect(template.stdout).toMatch(/^Summary: .* missing, .*— FAIL$/m);

    // the example dossier: HL7 flows (@medplum/core from the consumer's node_modules), PORT 1 export checks
    const check = run(bin, ['check', 'dossier/dmn-evidence.yaml', '--as-of', '2026-11-29', '--quiet']);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/^Summary: 5 satisfied, 0 not applicable, 0 missing, 0 failed, 0 errors — PASS$/m);
    expect(check.status).toBe(0);

    const explain = run(bin, ['explain', 'IEU 8']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toMatch(/IEU 8/);
    expect(explain.stdout).toMatch(/INS/);
  });
});
