import { describe, expect, it } from 'vitest';
import { BUILTIN_CHECKS } from '../../src/checks/registry.js';
import { checkDescription } from '../../src/checks/description.js';
import { runCli } from '../support/run-cli.js';

describe('check descriptions in French (FRENCH.md row 33)', () => {
  it('every built-in check carries one, beside its English', () => {
    expect(BUILTIN_CHECKS.filter((c) => !c.descriptionFr || c.descriptionFr === c.description).map((c) => c.name)).toEqual([]);
  });

  it('a check from outside gives its own, or falls back to English', () => {
    const own = { name: 'x', description: 'English', descriptionFr: 'Français', schema: {}, run: () => ({ findings: [] }) };
    expect(checkDescription(own, 'fr')).toBe('Français');
    expect(checkDescription({ name: own.name, description: own.description, schema: own.schema, run: own.run }, 'fr')).toBe('English');
    expect(checkDescription(own, 'en')).toBe('English');
  });

  it('rules list --checks --lang fr prints them', async () => {
    const run = await runCli(['rules', 'list', '--checks', '--lang', 'fr']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^min-files {13}L’emplacement contient au moins `count` fichiers\.$/m);
    expect(run.stdout).not.toMatch(/The slot/);
  });
});
