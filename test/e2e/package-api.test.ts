import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../support/run-cli.js';

/**
 * `import { checkDossier } from 'dmn-check'` works from the packed tarball, from plain JavaScript and
 * typed from TypeScript: a consumer project resolves the package through its `exports`.
 */
describe('the programmatic API, from the packed package', () => {
  const s = scratch('dmn-check-api-');
  let consumer = '';
  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', s.dir], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(out) as { filename: string }[];
    execFileSync('tar', ['xzf', path.join(s.dir, info[0]!.filename), '-C', s.dir]);
    const pkg = path.join(s.dir, 'package');
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    consumer = path.join(s.dir, 'consumer');
    mkdirSync(path.join(consumer, 'node_modules'), { recursive: true });
    symlinkSync(pkg, path.join(consumer, 'node_modules', 'dmn-check'));
    symlinkSync(path.join(ROOT, 'node_modules', '@types'), path.join(consumer, 'node_modules', '@types'));
    writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  }, 180_000);
  afterAll(() => s.done());

  const manifest = path.join(ROOT, 'fixtures', 'dossiers', 'complete', 'dmn-evidence.yaml');

  it('checks a dossier from plain JavaScript', () => {
    writeFileSync(
      path.join(consumer, 'use.mjs'),
      `import { checkDossier, FORMATTERS } from 'dmn-check';
const report = await checkDossier({ manifest: ${JSON.stringify(manifest)}, asOf: '2026-11-29', lang: 'fr', generatedAt: '2026-11-29T00:00:00Z' });
console.log(JSON.stringify({ verdict: report.verdict, summary: report.summary, ids: report.requirements.map((r) => r.id), lang: report.lang, formats: [...FORMATTERS.keys()].includes('sarif') }));
`,
    );
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: consumer, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { verdict: string; summary: Record<string, number>; ids: string[]; lang: string; formats: boolean };
    expect(out).toEqual({
      verdict: 'pass',
      summary: { satisfied: 5, not_applicable: 0, missing: 0, failed: 0, error: 0 },
      ids: ['IEU 2', 'IEU 7', 'IEU 8', 'IEU 9', 'PORT 1'],
      lang: 'fr',
      formats: true,
    });
  }, 60_000);

  it('is typed for TypeScript consumers: a correct use compiles, a wrong option does not', () => {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const flags = ['--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--types', 'node'];
    writeFileSync(
      path.join(consumer, 'good.ts'),
      `import { checkDossier, type Report, type Status } from 'dmn-check';
const report: Report = await checkDossier({ manifest: 'dmn-evidence.yaml', lang: 'en', offline: true });
const first: Status | undefined = report.requirements[0]?.status;
export { first };
`,
    );
    const good = spawnSync(process.execPath, [tsc, ...flags, 'good.ts'], { cwd: consumer, encoding: 'utf8' });
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    writeFileSync(path.join(consumer, 'bad.ts'), `import { checkDossier } from 'dmn-check';\nawait checkDossier({ manifest: 'x.yaml', lang: 'de' });\n`);
    const bad = spawnSync(process.execPath, [tsc, ...flags, 'bad.ts'], { cwd: consumer, encoding: 'utf8' });
    expect(bad.stdout).toMatch(/bad\.ts\(2,\d+\): error TS2322/);
    expect(bad.status).not.toBe(0);
  }, 180_000);
});
