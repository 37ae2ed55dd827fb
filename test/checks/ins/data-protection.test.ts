import { createMemo } from '../../../src/checks/memo.js';
import { mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { insAssociationFlow } from '../../../src/checks/ins/ins-association-flow.js';
import { insCreationFlow } from '../../../src/checks/ins/ins-creation-flow.js';
import { openEvidenceFile } from '../../../src/evidence/evidence-file.js';
import { word } from '../../support/word.js';

const FLOWS = realpathSync(new URL('../../../fixtures/flows', import.meta.url).pathname);
const MATRICULE = /(?<![0-9A-Za-z])[1-478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{8}(?![0-9A-Za-z])/i;
/** Names, given names, birth dates and private ids of the synthetic patients in the fixtures. */
const PATIENT_DATA = ['ESSAI', 'CAMILLE', 'MARIE', 'ESSAI-CORSE', 'LUCA', 'ANTONE', 'HÉLÈNE', 'HELENE', '1979-03-28', '19790328', '1984-12-07', '19841207', 'IPP-000', 'RUE DES ESSAIS'];

async function allOutput(dir: string, name: string): Promise<string> {
  const opened = await openEvidenceFile(dir, name);
  if (!opened.ok) throw new Error(name);
  const out: string[] = [];
  for (const check of [insCreationFlow, insAssociationFlow]) {
    const r = await check.run({ requirement: 'IEU 8', slot: 'flow', files: [opened.file], options: {}, facts: {}, asOf: '2026-11-29', provided: new Set(), shared: createMemo() });
    out.push(JSON.stringify(r));
    for (const f of r.findings) {
      for (const lang of ['en', 'fr'] as const) {
        const w = word(f.code, f.params ?? {}, lang);
        out.push(w.message, w.hint ?? '');
      }
    }
  }
  return out.join('\n');
}

describe('no finding carries a matricule, a name or a birth date (CONTRACT §8)', () => {
  const names = readdirSync(FLOWS).sort();

  it.each(names)('%s', async (name) => {
    const text = await allOutput(FLOWS, name);
    expect(text).not.toMatch(MATRICULE);
    for (const d of PATIENT_DATA) expect(text.toUpperCase()).not.toContain(d.toUpperCase());
  });

  it('shows masked matricules where a value has to be named', async () => {
    const text = await allOutput(FLOWS, 'bad-a31-wrong-key.hl7');
    expect(text).toContain('2 79 03 ** *** *** 88');
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('holds for arbitrary names, dates and identifiers in HL7 and FHIR flows', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'dmn-ins-dp-')));
    dirs.push(dir);
    const token = fc.stringMatching(/^ZQ[A-Z]{6}$/);
    const digits = fc.stringMatching(/^[12][0-9]{14}$/);
    await fc.assert(
      fc.asyncProperty(token, token, digits, fc.boolean(), fc.boolean(), async (family, given, nir, useHl7, vali) => {
        const name = useHl7 ? 'p.hl7' : 'p.json';
        const body = useHl7
          ? `MSH|^~\\&|GAP|HOP|DMN|EDI|20260312101500||ADT^A31^ADT_A05|1|P|2.5^FRA^2.11\rPID|1||${given}^^^H^PI~${nir}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.8&ISO^INS||${family}^${given}^^^^^L||20011231|X|||^^^^^^BDL^^${family}${'|'.repeat(21)}${vali ? 'VALI' : family}\r`
          : JSON.stringify({
              resourceType: 'Patient',
              identifier: [{ system: 'urn:oid:1.2.250.1.213.1.4.8', value: nir, type: { coding: [{ code: 'INS-NIR' }] } }, { system: 'urn:oid:2.999.1', value: given }],
              name: [{ use: 'official', family, given: [given] }],
              birthDate: '2001-12-31',
              gender: family,
              extension: [{ url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability', extension: [{ url: 'identityStatus', valueCoding: { code: vali ? 'VALI' : family } }] }],
            });
        writeFileSync(path.join(dir, name), body);
        const text = await allOutput(dir, name);
        expect(text).not.toMatch(MATRICULE);
        expect(text).not.toContain(family);
        expect(text).not.toContain(given);
        expect(text).not.toContain('2001-12-31');
        expect(text).not.toContain('20011231');
      }),
      { numRuns: 60 },
    );
  });
});
