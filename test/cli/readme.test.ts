import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README shows real output: these checks fail as soon as it drifts from what the tool says. */
describe('README', () => {
  it('starts with the two-line set-up', () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1];
    expect(first).toBe('npm ci && npm start\nnpm test\n');
  });

  it.each([
    ['npm start', ['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color'], {}],
    ['a failing dossier', ['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color'], {}],
    ['a screenshot that shows no second factor', ['check', 'fixtures/dossiers/two-factor-not-shown/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color', '-q'], {}],
    ['French', ['check', 'fixtures/dossiers/renamed-text-screenshot/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color', '--lang', 'fr', '-q'], {}],
    ['the checks', ['rules', 'list', '--checks'], {}],
  ])('shows the real output of %s', async (_, args, env) => {
    // The README shows what users get: the screens are read (OCR).
    const run = await runCli(args, { env: env, read: true });
    expect(readme).toContain(`\`\`\`text\n${run.stdout}\`\`\``);
  }, 180_000);

  it('carries the bad-input table the hostile tests keep true', () => {
    const table = readFileSync(path.join(ROOT, 'test/e2e/hostile/bad-input-table.md'), 'utf8').split('\n').slice(1).join('\n').trim();
    expect(readme).toContain(table);
  });

  it('documents every command, format and check option that exists', () => {
    for (const command of ['check', 'init', 'explain', 'rules list', 'rules lint', 'replay', 'diff', 'pack']) expect(readme).toContain(`dmn-check ${command}`);
    for (const format of ['text', 'json', 'junit', 'sarif', 'github', 'markdown', 'html']) expect(readme).toContain(`| \`${format}\``);
    for (const option of ['--rules', '--lang', '--no-color', '--quiet', '--as-of', '--format', '--output', '--offline', '--save-evidence', '--no-read', '--root', '--evidence', '--force', '--out']) expect(readme).toContain(option);
  });
});
