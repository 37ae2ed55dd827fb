import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../../src/ruleset/load.js';

describe('bundled ruleset, PORT 1', () => {
  it('runs the export checks on their slots, and lets dumps reach export-sample', () => {
    const rules = loadRuleset('rules/ans-dmn-1.2.2.yaml');
    const port1 = rules.requirements.find((r) => r.id === 'PORT 1')!;
    const slots = Object.fromEntries(port1.slots.map((s) => [s.name, s]));
    expect(slots['export-sample']!.checks.map((c) => c.check)).toEqual(['export-sample']);
    expect(slots['export-sample']!.accepts).toEqual(['export', 'database-dump', 'binary']);
    expect(slots['export-dictionary']!.checks.map((c) => c.check)).toEqual(['export-dictionary']);
    expect(slots['export-schema']!.checks.map((c) => c.check)).toEqual(['export-schema']);
  });
});

describe('docs/data-dictionary.md', () => {
  it('publishes the dictionary schema the checks use', async () => {
    const { readFileSync } = await import('node:fs');
    const { DICTIONARY_SCHEMA } = await import('../../../src/checks/port1/analysis/dictionary-schema.js');
    const doc = readFileSync('docs/data-dictionary.md', 'utf8');
    const block = doc.slice(doc.lastIndexOf('```json') + 7, doc.lastIndexOf('```'));
    expect(JSON.parse(block)).toEqual(JSON.parse(JSON.stringify(DICTIONARY_SCHEMA)));
  });
});
