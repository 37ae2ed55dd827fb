import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEr7 } from '../../../src/evidence/formats/er7.js';
import type { PatientIdentity } from '../../../src/checks/ins/identity.js';
import { identityFromPatient } from '../../../src/checks/ins/identity-fhir.js';
import { identitiesFromEr7 } from '../../../src/checks/ins/identity-hl7.js';
import { judgeIns, traitMismatches, traitProblems } from '../../../src/checks/ins/judge.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/flows/${name}`, import.meta.url), 'utf8');
const hl7 = (text: string): PatientIdentity[] => identitiesFromEr7(parseEr7(text).messages);
const MSH = 'MSH|^~\\&|GAP|HOP|DMN|EDI|20260312101500||ADT^A31^ADT_A05|1|P|2.5^FRA^2.11';

/** A PID with the given fields (1-based), for table-driven variants. */
function pid(fields: Record<number, string>): string {
  const n = Math.max(...Object.keys(fields).map(Number));
  let out = 'PID';
  for (let i = 1; i <= n; i++) out += `|${fields[i] ?? ''}`;
  return out;
}

const BASE: Record<number, string> = {
  1: '1',
  3: 'IPP-1^^^HOP&2.999.1.1&ISO^PI~279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS',
  5: 'ESSAI^CAMILLE^^^^^L',
  7: '19790328',
  8: 'F',
  11: '^^^^^^BDL^^51215',
  32: 'VALI',
};

describe('HL7 v2 identity (IHE PAM France positions)', () => {
  it('reads the A31 fixture: private id, INS, status and the 5 traits with their places', () => {
    const [p, ...rest] = hl7(fixture('a31-ins-association.hl7'));
    expect(rest).toEqual([]);
    expect(p!.event).toBe('ADT^A31');
    expect(p!.privateIds).toEqual([{ value: 'IPP-000123', place: { line: 3, record: 1, pointer: 'PID-3[1]' } }]);
    expect(p!.ins).toEqual([
      {
        value: '279035121518989',
        authorityName: 'ASIP-SANTE-INS-NIR',
        oid: '1.2.250.1.213.1.4.10',
        typeCode: 'INS',
        place: { line: 3, record: 1, pointer: 'PID-3[2]' },
      },
    ]);
    expect(p!.reliability).toEqual({ codes: ['VALI'], place: { line: 3, record: 1, pointer: 'PID-32' } });
    expect(Object.fromEntries(Object.entries(p!.traits).map(([k, v]) => [k, [v.value, v.place.pointer]]))).toEqual({
      'birth-name': ['ESSAI-DMN', 'PID-5[1].1'],
      'first-given-name': ['CAMILLE', 'PID-5[1].2'],
      'birth-date': ['19790328', 'PID-7'],
      sex: ['F', 'PID-8'],
      birthplace: ['51215', 'PID-11[2].9'],
    });
  });

  it('takes the birth name from the type L repetition, not the usual name', () => {
    const [p] = hl7(`${MSH}\r${pid({ ...BASE, 5: 'USAGE^CLAIRE^^^^^D~NAISSANCE^CAMILLE^^^^^L' })}\r`);
    expect(p!.traits['birth-name']?.value).toBe('NAISSANCE');
    expect(p!.traits['first-given-name']?.place.pointer).toBe('PID-5[2].2');
  });

  it('decodes escapes in traits (Corsican fixture address has \\T\\)', () => {
    const [p] = hl7(fixture('a04-registration-with-ins.hl7'));
    expect(p!.traits.birthplace?.value).toBe('2A004');
    expect(p!.event).toBe('ADT^A04');
  });

  it('sorts PID-3 repetitions: INS, billing NIR (NH), private ids; INS-C is neither', () => {
    const [p] = hl7(
      `${MSH}\r${pid({
        ...BASE,
        3: [
          'IPP-1^^^HOP&2.999.1.1&ISO^PI',
          '279035121518989^^^ASIP-SANTE-NIR&1.2.250.1.213.1.4.8&ISO^NH',
          '1234567890123456789012^^^ASIP-SANTE-INS-C&1.2.250.1.213.1.4.2&ISO^INS-C',
          '279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^PI',
        ].join('~'),
      })}\r`,
    );
    expect(p!.privateIds.map((x) => x.place.pointer)).toEqual(['PID-3[1]']);
    expect(p!.billingNirs.map((x) => x.place.pointer)).toEqual(['PID-3[2]']);
    // An identifier under an INS OID is judged as an INS even when mistyped.
    expect(p!.ins.map((x) => [x.place.pointer, x.typeCode])).toEqual([['PID-3[4]', 'PI']]);
  });

  it.each([
    ['birth-name', { 5: 'ESSAI^CAMILLE^^^^^D' }, 'PID-5 (type L).1'],
    ['first-given-name', { 5: 'ESSAI^^^^^^L' }, 'PID-5[1].2'],
    ['birth-date', { 7: '' }, 'PID-7'],
    ['sex', { 8: '' }, 'PID-8'],
    ['birthplace', { 11: '12 RUE X^^REIMS^^51100^FRA^H' }, 'PID-11 (type BDL).9'],
    ['birthplace', { 11: '^^REIMS^^^FRA^BDL' }, 'PID-11[1].9'],
  ])('missing %s is pointed at %s', (trait, change, pointer) => {
    const [p] = hl7(`${MSH}\r${pid({ ...BASE, ...change })}\r`);
    const problems = traitProblems(p!);
    expect(problems.find((x) => x.trait === trait)).toMatchObject({ kind: 'missing', place: { pointer } });
  });

  it.each([
    ['birth-date', { 7: '19790230' }, 'date'],
    ['birth-date', { 7: '197903' }, 'partial-date'],
    ['birth-date', { 7: 'hier' }, 'date'],
    ['sex', { 8: 'X' }, 'sex-code'],
    ['birthplace', { 11: '^^^^^^BDL^^REIMS' }, 'insee-code'],
  ])('invalid %s gives reason %s', (trait, change, reason) => {
    const [p] = hl7(`${MSH}\r${pid({ ...BASE, ...change })}\r`);
    expect(traitProblems(p!)).toEqual([expect.objectContaining({ trait, kind: 'invalid', reason })]);
  });

  it.each([
    ['19790328', true],
    ['197903281230', true],
    ['19790328123000+0100', true],
  ])('accepts HL7 timestamp %s as a birth date', (date, ok) => {
    const [p] = hl7(`${MSH}\r${pid({ ...BASE, 7: date })}\r`);
    expect(traitProblems(p!).length === 0).toBe(ok);
  });

  it('accepts a BDL code 2A/2B and the unknown birthplace 99999', () => {
    for (const code of ['2A004', '2B033', '99999', '99100']) {
      const [p] = hl7(`${MSH}\r${pid({ ...BASE, 11: `^^^^^^BDL^^${code}` })}\r`);
      expect(traitProblems(p!)).toEqual([]);
    }
  });
});

describe('HL7 v2 INS judgement', () => {
  const codes = (fields: Record<number, string>): string[] => {
    const [p] = hl7(`${MSH}\r${pid({ ...BASE, ...fields })}\r`);
    return judgeIns(p!, 'f.hl7').findings.map((f) => `${f.severity}:${f.code}`);
  };
  const ins = (value: string, name: string, oid: string, type = 'INS'): string => `IPP-1^^^HOP&2.999.1.1&ISO^PI~${value}^^^${name}&${oid}&ISO^${type}`;

  it.each<[string, Record<number, string>, string[]]>([
    ['valid test INS with VALI', {}, []],
    ['test INS with the -TEST authority name', { 3: ins('279035121518989', 'ASIP-SANTE-INS-NIR-TEST', '1.2.250.1.213.1.4.10') }, []],
    ['demo INS', { 3: ins('279035121518989', 'ASIP-SANTE-INS-NIR-DEMO', '1.2.250.1.213.1.4.11') }, []],
    ['INS without VALI (PROV)', { 32: 'PROV' }, ['error:ins.not-qualified']],
    ['INS without PID-32', { 32: '' }, ['error:ins.not-qualified']],
    ['VALI among several PID-32 repetitions', { 32: 'VALI~HOMD' }, []],
    ['VALI one field too far (PID-33)', { 32: '', 33: 'VALI' }, ['error:ins.not-qualified']],
    ['wrong key', { 3: ins('279035121518988', 'ASIP-SANTE-INS-NIR', '1.2.250.1.213.1.4.10') }, ['error:ins.key']],
    ['14 characters', { 3: ins('27903512151898', 'ASIP-SANTE-INS-NIR', '1.2.250.1.213.1.4.10') }, ['error:ins.length']],
    ['bad month', { 3: ins('279135121518989', 'ASIP-SANTE-INS-NIR', '1.2.250.1.213.1.4.10') }, ['error:ins.structure']],
    ['no OID', { 3: 'IPP-1^^^HOP^PI~279035121518989^^^ASIP-SANTE-INS-NIR^INS' }, ['error:ins.oid-missing']],
    ['unknown OID', { 3: ins('279035121518989', 'ASIP-SANTE-INS-NIR', '1.2.250.1.213.1.4.2') }, ['error:ins.oid-unknown']],
    ['INS OID but CX-5 PI', { 3: ins('279035121518989', 'ASIP-SANTE-INS-NIR', '1.2.250.1.213.1.4.10', 'PI') }, ['error:ins.hl7-type']],
    ['NIA name with test OID', { 3: ins('279035121518989', 'ASIP-SANTE-INS-NIA', '1.2.250.1.213.1.4.10') }, ['error:ins.authority-name']],
    ['NIR name with NIA OID', { 3: ins('279035121518989', 'ASIP-SANTE-INS-NIR', '1.2.250.1.213.1.4.9') }, ['error:ins.authority-name', 'warning:ins.production-oid']],
    ['local name with test OID', { 3: ins('279035121518989', 'INS-LOCAL', '1.2.250.1.213.1.4.10') }, ['warning:ins.authority-name']],
    ['production NIR OID', { 3: ins('279035121518989', 'ASIP-SANTE-INS-NIR', '1.2.250.1.213.1.4.8') }, ['warning:ins.production-oid']],
    ['production NIA OID', { 3: ins('279035121518989', 'ASIP-SANTE-INS-NIA', '1.2.250.1.213.1.4.9') }, ['warning:ins.production-oid']],
    // A matricule that contradicts its own patient's traits is not this patient's INS: it blocks.
    ['sex contradicts the matricule', { 8: 'M' }, ['error:ins.trait-mismatch']],
    ['birth month contradicts the matricule', { 7: '19790428' }, ['error:ins.trait-mismatch']],
    ['birth year contradicts the matricule', { 7: '19800328' }, ['error:ins.trait-mismatch']],
  ])('%s', (_label, fields, expected) => {
    expect(codes(fields).sort()).toEqual(expected.sort());
  });

  it('warns on a billing NIR under the production OID, and does not count it as an INS', () => {
    const [p] = hl7(`${MSH}\r${pid({ ...BASE, 3: 'IPP-1^^^HOP^PI~279035121518989^^^ASIP-SANTE-NIR&1.2.250.1.213.1.4.8&ISO^NH' })}\r`);
    expect(p!.ins).toEqual([]);
    const j = judgeIns(p!, 'f.hl7');
    expect(j.valid).toBe(false);
    expect(j.findings.map((f) => [f.code, (f.params as Record<string, unknown> | undefined)?.kind])).toEqual([['ins.production-oid', 'billing']]);
  });

  it('says where a misplaced VALI sits', () => {
    const [p] = hl7(`${MSH}\r${pid({ ...BASE, 32: '', 33: 'VALI' })}\r`);
    expect(judgeIns(p!, 'f.hl7').findings).toMatchObject([{ code: 'ins.not-qualified', pointer: 'PID-32', params: { found: '', near: 'PID-33' } }]);
  });

  it('compares year and month only when the month is a calendar month', () => {
    const [p] = hl7(`${MSH}\r${pid({ ...BASE, 7: '19770101', 8: 'M' })}\r`);
    expect(traitMismatches(p!, '177429912003349')).toEqual([]);
  });
});

describe('FHIR identity (FR Core paths)', () => {
  const load = (name: string): Record<string, unknown> => JSON.parse(fixture(name)) as Record<string, unknown>;

  it('reads the FR Core INS Patient fixture', () => {
    const p = identityFromPatient(load('patient-fr-core-ins.json'), 'Patient');
    expect(p.privateIds).toEqual([{ value: 'IPP-000123', place: { pointer: 'Patient.identifier[0]' } }]);
    expect(p.ins).toEqual([
      {
        value: '279035121518989',
        oid: '1.2.250.1.213.1.4.10',
        use: 'official',
        typeCode: 'INS-NIR-TEST',
        typeSystem: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203',
        place: { pointer: 'Patient.identifier[1]' },
      },
    ]);
    expect(p.reliability).toEqual({
      codes: ['VALI'],
      system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445',
      place: { pointer: 'Patient.extension[0].extension[0].valueCoding' },
    });
    expect(Object.fromEntries(Object.entries(p.traits).map(([k, v]) => [k, [v.value, v.place.pointer]]))).toEqual({
      'birth-name': ['ESSAI-DMN', 'Patient.name[0].family'],
      'first-given-name': ['CAMILLE', 'Patient.name[0].given[0]'],
      'birth-date': ['1979-03-28', 'Patient.birthDate'],
      sex: ['female', 'Patient.gender'],
      birthplace: ['51215', 'Patient.extension[1].valueAddress.extension[0].valueCoding.code'],
    });
    expect(judgeIns(p, 'p.json')).toEqual({ valid: true, findings: [] });
  });

  it.each([
    ['birth-name', (r: Record<string, unknown>) => void (r.name = [{ use: 'official', given: ['Y'] }, { use: 'usual', family: 'X', given: ['Y'] }])],
    ['first-given-name', (r: Record<string, unknown>) => void (r.name = [{ use: 'official', family: 'X' }])],
    ['birth-date', (r: Record<string, unknown>) => void delete r.birthDate],
    ['sex', (r: Record<string, unknown>) => void delete r.gender],
    ['birthplace', (r: Record<string, unknown>) => void (r.extension = [])],
  ])('a missing %s is found', (trait, change) => {
    const r = load('patient-fr-core-creation.json');
    change(r);
    expect(traitProblems(identityFromPatient(r, 'Patient')).map((x) => [x.trait, x.kind])).toEqual([[trait, 'missing']]);
  });

  it.each([
    ['1979-03', 'partial-date'],
    ['1979-02-30', 'date'],
  ])('birthDate %s is %s', (birthDate, reason) => {
    const r = { ...load('patient-fr-core-creation.json'), birthDate };
    expect(traitProblems(identityFromPatient(r, 'Patient'))).toEqual([expect.objectContaining({ trait: 'birth-date', reason })]);
  });

  it('rejects gender other for an INS trait', () => {
    const r = { ...load('patient-fr-core-creation.json'), gender: 'other' };
    expect(traitProblems(identityFromPatient(r, 'Patient'))).toEqual([expect.objectContaining({ trait: 'sex', reason: 'sex-code' })]);
  });

  const withStatus = (system: string | undefined, code: string): PatientIdentity => {
    const r = load('patient-fr-core-ins.json');
    (r.extension as Record<string, unknown>[])[0] = {
      url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability',
      extension: [{ url: 'identityStatus', valueCoding: system ? { system, code } : { code } }],
    };
    return identityFromPatient(r, 'Patient');
  };

  it.each<[string | undefined, string, boolean]>([
    ['https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445', 'VALI', true],
    [undefined, 'VALI', true],
    ['https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status', 'QUAL', true],
    ['https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status', 'VALI', false],
    ['https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445', 'PROV', false],
  ])('status %s#%s qualifies the INS: %s', (system, code, valid) => {
    expect(judgeIns(withStatus(system, code), 'p.json').valid).toBe(valid);
  });

  it('requires the identity reliability extension next to an INS', () => {
    const r = load('patient-fr-core-ins.json');
    r.extension = (r.extension as { url: string }[]).filter((e) => !e.url.endsWith('fr-core-identity-reliability'));
    expect(judgeIns(identityFromPatient(r, 'Patient'), 'p.json').findings.map((f) => f.code)).toEqual(['ins.reliability-missing']);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['untyped identifier under the test OID', { system: 'urn:oid:1.2.250.1.213.1.4.10', value: '279035121518989', use: 'official' }, ['error:ins.type-missing']],
    [
      'INS-NIA type with test OID',
      { system: 'urn:oid:1.2.250.1.213.1.4.10', value: '279035121518989', use: 'official', type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'INS-NIA' }] } },
      ['error:ins.type-oid-mismatch'],
    ],
    [
      'INS-NIR-TEST type with a local system',
      { system: 'urn:oid:2.999.1.1', value: '279035121518989', use: 'official', type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'INS-NIR-TEST' }] } },
      ['error:ins.oid-unknown', 'error:ins.type-oid-mismatch'],
    ],
    [
      'INS type coded in another system',
      { system: 'urn:oid:1.2.250.1.213.1.4.10', value: '279035121518989', use: 'official', type: { coding: [{ system: 'http://example.org/types', code: 'INS-NIR-TEST' }] } },
      ['warning:ins.type-system'],
    ],
    [
      // FR Core 2.2: "l'INS-NIA est avant tout le numéro officiel" (use official | old).
      'NIA with use official',
      { system: 'urn:oid:1.2.250.1.213.1.4.9', value: '279035121518989', use: 'official', type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'INS-NIA' }] } },
      ['warning:ins.production-oid'],
    ],
  ])('%s', (_label, identifier, expected) => {
    const r = load('patient-fr-core-ins.json');
    r.identifier = [(r.identifier as unknown[])[0], identifier];
    const j = judgeIns(identityFromPatient(r, 'Patient'), 'p.json');
    expect(j.findings.map((f) => `${f.severity}:${f.code}`).sort()).toEqual(expected.sort());
  });
});
