// Issue 11, defect 1: the examples of the ANS "Mesures de santé" IG 3.1 (rebuilt in fixtures/official/measures/,
// sources in fixtures/official/README.md) satisfy MES 1, and the ruleset covers every measure profile of the release.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fhirpathCheck } from '../../../src/checks/fhir/fhirpath.js';
import { createMemo } from '../../../src/checks/memo.js';
import type { CheckResult } from '../../../src/checks/types.js';
import { openEvidenceFile } from '../../../src/evidence/evidence-file.js';
import { word } from '../../support/word.js';
import { loadRuleset } from '../../../src/ruleset/load.js';
import { scratch } from '../../support/run-cli.js';

const ruleset = loadRuleset('rules/mes-mesures-3.1.0.yaml');
const use = ruleset.requirements.find((r) => r.id === 'MES 1')!.slots[0]!.checks[0]!;
type Options = Parameters<typeof fhirpathCheck.run>[0]['options'];
const options = use.options as unknown as Options;

async function judge(rel: string): Promise<CheckResult> {
  const r = await openEvidenceFile(path.resolve('fixtures/official/measures'), rel);
  if (!r.ok) throw new Error(r.reason);
  return fhirpathCheck.run({ requirement: 'MES 1', slot: 'measures-sample', files: [r.file], options, facts: {}, asOf: '2026-11-29', provided: new Set(), shared: createMemo() });
}

/**
 * The measure profiles of the IG release 3.1.0 (its StructureDefinitions, input/fsh/Mes*.fsh at the
 * release) with the HbA1c profile of 3.1.1, each with the codes its profile or value set fixes and its unit.
 */
const PROFILES: [string, string[], string][] = [
  ['mesures-fr-observation-body-weight', ['29463-7'], 'kg'],
  ['mesures-fr-observation-bodyheight', ['8302-2'], 'cm'],
  ['mesures-fr-observation-bmi', ['39156-5'], 'kg/m2'],
  ['mesures-observation-steps-by-day', ['41950-7'], '1/(24.h)'],
  ['mesures-fr-observation-body-temperature', ['8310-5'], 'Cel'],
  ['mesures-observation-waist-circumference', ['8280-0'], 'cm'],
  ['mesures-fr-observation-heartrate', ['8867-4'], '/min'],
  ['mesures-fr-observation-bp', ['85354-9', '8480-6', '8462-4'], 'mm[Hg]'],
  ['mesures-observation-pain-severity', ['72514-3'], '1'],
  ['mesures-observation-glucose', ['2345-7', '4548-4', '99504-3', 'MED-969', 'MED-972'], 'mg/dL'],
  ['mesures-observation-hb1ac', ['4548-4'], '%'],
  ['mesures-fr-observation-oxygen-sat', ['2708-6'], '%'],
  ['mesures-fr-observation-resp-rate', ['9279-1'], '/min'],
  ['mesures-observation-head-circumference', ['8287-5'], 'cm'],
];

describe('MES 1 and the Mesures de santé IG 3.1', () => {
  it.each(PROFILES)('covers %s (codes %j, unit %s) in the ruleset and in docs/mes-mesures.md', (profile, codes, unit) => {
    const yaml = readFileSync('rules/mes-mesures-3.1.0.yaml', 'utf8');
    const doc = readFileSync('docs/mes-mesures.md', 'utf8');
    expect(yaml).toContain(`StructureDefinition/${profile}'`);
    const row = doc.split('\n').find((l) => l.startsWith('|') && l.includes(`\`${profile}\``));
    expect(row, `docs/mes-mesures.md has a row for ${profile}`).toBeDefined();
    for (const code of codes) {
      expect(yaml).toContain(`'${code}'`);
      expect(row).toContain(code);
    }
    expect(row).toContain(`\`${unit}\``);
  });

  it('passes every IG example Observation (the HbA1c coded in mg/dL as the IG example does: a warning)', async () => {
    const r = await judge('ig-3.1-examples.json');
    expect(r.findings.filter((f) => f.severity !== 'warning')).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.params?.rule, f.params?.resource])).toEqual([['fhirpath.rule-failed', 'hba1c-percent', 'Observation/ExampleMesObservationGlucose001']]);
  });

  it('reports an Observation no rule covers as info, "not a measure this ruleset checks", never a failure', async () => {
    const r = await judge('not-a-measure.json');
    expect(r.findings).toMatchObject([{ code: 'fhirpath.not-selected', severity: 'info', params: { resource: 'Observation/example-cholesterol-total' } }]);
    const f = r.findings[0]!;
    expect(word(f.code, f.params ?? {}, 'en').message).toMatch(/^Observation\/example-cholesterol-total: not a measure this ruleset checks \(MES 1 covers/);
    expect(word(f.code, f.params ?? {}, 'fr').message).toMatch(/^Observation\/example-cholesterol-total\u00a0: n’est pas une mesure que ce référentiel contrôle/);
  });

  it('accepts the glucose value-set codes in both LOINC systems and the CI-SIS terminology, and refuses a unit outside JDV-J163', async () => {
    const bundle = JSON.parse(readFileSync('fixtures/official/measures/ig-3.1-examples.json', 'utf8')) as { entry: { resource: Record<string, unknown> & { id: string; code?: { coding: { system: string }[] } } }[] };
    const systems = new Set(bundle.entry.flatMap((e) => (e.resource.code?.coding ?? []).map((c) => c.system)));
    expect(systems).toEqual(new Set(['http://loinc.org', 'https://mos.esante.gouv.fr/NOS/TRE_A04-Loinc/FHIR/TRE-A04-Loinc', 'https://mos.esante.gouv.fr/NOS/TRE_R308-TAASIP/FHIR/TRE-R308-TAASIP']));
    // The IG's blood glucose example in mmol/L: JDV-J163 is a closed list (mg/dL, %).
    const glucose = bundle.entry.map((e) => e.resource).find((r) => r.id === 'ExampleMesObservationGlucose-blood')!;
    const s = scratch('dmn-mes-official-');
    try {
      writeFileSync(path.join(s.dir, 'mmol.json'), JSON.stringify({ ...glucose, valueQuantity: { value: 5.1, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' } }));
      const opened = await openEvidenceFile(s.dir, 'mmol.json');
      if (!opened.ok) throw new Error(opened.reason);
      const r = await fhirpathCheck.run({ requirement: 'MES 1', slot: 'measures-sample', files: [opened.file], options, facts: {}, asOf: '2026-11-29', provided: new Set(), shared: createMemo() });
      expect(r.findings.map((f) => [f.severity, (f.params as Record<string, unknown> | undefined)?.rule])).toEqual([['error', 'glucose-unit']]);
    } finally {
      s.done();
    }
  });
});
