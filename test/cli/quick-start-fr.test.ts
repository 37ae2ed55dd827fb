import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratch } from '../support/run-cli.js';
import { expectReadmeFenced } from '../support/readme-block.js';

const PAGE = path.join(ROOT, 'docs', 'demarrage-rapide.md');

/** The French quick start (FRENCH.md 34) shows real output, as the README does. */
describe('docs/demarrage-rapide.md', () => {
  it('is linked from the top of the README', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme.slice(0, readme.indexOf('## Installing'))).toContain('(docs/demarrage-rapide.md)');
  });

  it('shows what init writes, in French', async () => {
    const s = scratch();
    try {
      const run = await runCli(['init', '--lang', 'fr'], { cwd: s.dir });
      expect(run.code).toBe(0);
      expectReadmeFenced('```text', `$ npx --no-install dmn-check init --lang fr\n${run.stdout}`, PAGE);
    } finally {
      s.done();
    }
  });

  it('shows the real French report of a screenshot that shows no second factor', async () => {
    const run = await runCli(['check', 'fixtures/dossiers/two-factor-not-shown/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color', '--lang', 'fr', '-q'], { read: true });
    expect(run.code).toBe(1);
    expectReadmeFenced('```text', run.stdout, PAGE);
  }, 180_000);

  it('says the exit codes as the README does', () => {
    const page = readFileSync(PAGE, 'utf8');
    expect(page).toMatch(/\| 0 \| toutes les exigences sont satisfaites ou non applicables/);
    expect(page).toMatch(/\| 1 \| au moins une exigence est manquante, en échec ou en erreur/);
    expect(page).toMatch(/\| 2 \| le dossier n’a pas pu être évalué/);
  });
});
