import { createMemo } from '../../../src/checks/memo.js';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/checks/registry.js';
import { openEvidenceFile } from '../../../src/evidence/evidence-file.js';
import { loadRuleset } from '../../../src/ruleset/load.js';

const RULES = new URL('../../../rules/ans-dmn-1.2.2.yaml', import.meta.url).pathname;

describe('IEU 8 in the bundled ruleset', () => {
  const ruleset = loadRuleset(RULES);
  const ieu8 = ruleset.requirements.find((r) => r.id === 'IEU 8')!;
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'dmn-ins-rules-')));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the flow checks on the flow slots, and keeps the association flow optional once the creation flow provides ins', () => {
    const slots = Object.fromEntries(ieu8.slots.map((s) => [s.name, s]));
    expect(slots['creation-flow']!.checks).toEqual([{ check: 'ins-creation-flow', options: { require_private_identifier: true } }]);
    expect(slots['ins-association-flow']!.checks).toEqual([{ check: 'ins-association-flow', options: {} }]);
    expect(slots['ins-association-flow']!.required).toEqual({ not: { slot: 'creation-flow', provides: 'ins' } });
  });

  it('shows an HL7 v2 and a FHIR example, each with the test INS only', () => {
    expect(ieu8.examples?.map((e) => e.language)).toEqual(['hl7v2', 'hl7v2', 'json']);
    for (const e of ieu8.examples ?? []) {
      expect(e.text).not.toContain('1.2.250.1.213.1.4.8');
      expect(e.text).not.toContain('1.2.250.1.213.1.4.9');
    }
  });

  // Each example is what it says: run through the checks the ruleset names.
  it.each([
    [0, 'ins-creation-flow', undefined],
    [1, 'ins-association-flow', undefined],
    [1, 'ins-creation-flow', ['ins']],
    [2, 'ins-creation-flow', ['ins']],
    [2, 'ins-association-flow', undefined],
  ])('example %i passes %s', async (index, checkName, provides) => {
    const example = ieu8.examples![index]!;
    const name = `example-${index}.${example.language === 'hl7v2' ? 'hl7' : 'json'}`;
    writeFileSync(path.join(dir, name), example.text);
    const opened = await openEvidenceFile(dir, name);
    if (!opened.ok) throw new Error(opened.reason);
    const check = createRegistry().get(checkName)!;
    const r = await check.run({ requirement: 'IEU 8', slot: 's', files: [opened.file], options: {}, facts: {}, asOf: '2026-11-29', provided: new Set(), shared: createMemo() });
    expect(r.findings).toEqual([]);
    expect(r.provides).toEqual(provides);
  });
});
