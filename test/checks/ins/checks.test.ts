import { createMemo } from '../../../src/checks/memo.js';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { insAssociationFlow } from '../../../src/checks/ins/ins-association-flow.js';
import { insCreationFlow } from '../../../src/checks/ins/ins-creation-flow.js';
import { createRegistry } from '../../../src/checks/registry.js';
import type { AnyCheck, CheckResult } from '../../../src/checks/types.js';
import { createAjv } from '../../../src/diagnostics/ajv.js';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';

const FLOWS = realpathSync(new URL('../../../fixtures/flows', import.meta.url).pathname);

async function open(root: string, name: string): Promise<EvidenceFile> {
  const r = await openEvidenceFile(root, name);
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r.file;
}

async function run(check: AnyCheck, names: string[], options: Record<string, unknown> = {}, root = FLOWS): Promise<CheckResult> {
  const files = await Promise.all(names.map((n) => open(root, n)));
  return check.run({ requirement: 'IEU 8', slot: 'flow', files, options, facts: {}, asOf: '2026-11-29', provided: new Set(), shared: createMemo() });
}

const errors = (r: CheckResult): string[] => r.findings.filter((f) => f.severity === 'error').map((f) => f.code);
const warnings = (r: CheckResult): string[] => r.findings.filter((f) => f.severity === 'warning').map((f) => f.code);

describe('registration and options', () => {
  it('registers both checks with schemas ajv compiles', () => {
    const registry = createRegistry();
    const ajv = createAjv();
    for (const name of ['ins-creation-flow', 'ins-association-flow']) {
      const check = registry.get(name);
      expect(check).toBeDefined();
      const validate = ajv.compile(check!.schema);
      expect(validate({})).toBe(true);
      expect(validate({ max_bytes: 1024 })).toBe(true);
      expect(validate({ max_bytes: 0 })).toBe(false);
      expect(validate({ unknown: true })).toBe(false);
    }
    expect(ajv.compile(insCreationFlow.schema)({ require_private_identifier: false })).toBe(true);
    expect(ajv.compile(insAssociationFlow.schema)({ creation_slot: 'creation-flow' })).toBe(true);
    expect(ajv.compile(insAssociationFlow.schema)({ creation_slot: 'Creation Flow' })).toBe(false);
  });
});

describe('ins-creation-flow on fixtures', () => {
  it.each<[string, { errors?: string[]; warnings?: string[]; provides?: boolean }]>([
    ['a28-creation-private-id.hl7', {}],
    ['a28-creation-latin1.hl7', {}],
    ['a31-ins-association.hl7', { provides: true }],
    ['a04-registration-with-ins.hl7', { provides: true }],
    ['a28-a31-creation-then-association.hl7', { provides: true }],
    ['patient-fr-core-creation.json', {}],
    ['patient-fr-core-ins.json', { provides: true }],
    ['bundle-transaction-patients.json', { provides: true }],
    ['patients.ndjson', { provides: true }],
    ['bad-a28-no-birth-name.hl7', { errors: ['ins.trait-missing', 'ins.trait-missing'] }],
    ['bad-a28-no-given-name.hl7', { errors: ['ins.trait-missing'] }],
    ['bad-a28-no-birth-date.hl7', { errors: ['ins.trait-missing'] }],
    ['bad-a28-no-sex.hl7', { errors: ['ins.trait-missing'] }],
    ['bad-a28-no-birthplace.hl7', { errors: ['ins.trait-missing'] }],
    ['bad-a28-no-private-id.hl7', { errors: ['ins.private-id-missing'] }],
    ['bad-patient-no-birth-name.json', { errors: ['ins.trait-missing', 'ins.trait-missing'] }],
    ['bad-patient-no-given-name.json', { errors: ['ins.trait-missing'] }],
    ['bad-patient-no-birth-date.json', { errors: ['ins.trait-missing'] }],
    ['bad-patient-no-sex.json', { errors: ['ins.trait-missing'] }],
    ['bad-patient-no-birthplace.json', { errors: ['ins.trait-missing'] }],
    ['bad-patient-no-private-id.json', { errors: ['ins.private-id-missing'] }],
    // The creation flow carries an INS: it is judged like an association flow.
    ['bad-a31-wrong-key.hl7', { errors: ['ins.key'] }],
    ['bad-a31-no-vali.hl7', { errors: ['ins.not-qualified'] }],
    ['bad-patient-wrong-key.json', { errors: ['ins.key'] }],
    ['bad-patient-not-qualified.json', { errors: ['ins.not-qualified'] }],
    ['bad-patient-type-oid-mismatch.json', { errors: ['ins.type-oid-mismatch'] }],
    ['bad-a31-production-oid.hl7', { warnings: ['ins.production-oid'], provides: true }],
    ['bad-patient-production-oid.json', { warnings: ['ins.production-oid'], provides: true }],
    ['bad-a31-billing-nir-only.hl7', { warnings: ['ins.production-oid'] }],
    ['bad-patient-billing-nir-only.json', { warnings: ['ins.production-oid'] }],
    ['bad-no-msh.hl7', { errors: ['ins.hl7-no-msh'] }],
    ['bad-truncated.hl7', { errors: ['ins.hl7-truncated', 'ins.trait-missing', 'ins.trait-missing', 'ins.trait-missing', 'ins.trait-missing', 'ins.trait-missing'] }],
    ['bad-binary.hl7', { errors: ['ins.flow-not-text'] }],
    ['bad-invalid.json', { errors: ['ins.json-invalid'] }],
    ['bad-observation.json', { errors: ['ins.fhir-wrong-type'] }],
  ])('%s', async (name, expected) => {
    const r = await run(insCreationFlow, [name]);
    expect(errors(r)).toEqual(expected.errors ?? []);
    expect(warnings(r)).toEqual(expected.warnings ?? []);
    expect(r.provides).toEqual(expected.provides ? ['ins'] : undefined);
    for (const f of r.findings) {
      expect(f.slot).toBe('flow');
      expect(f.file).toBe(name);
    }
  });

  it.each([
    ['bad-a28-no-birth-name.hl7', 'birth-name', 3, 1, 'PID-5 (type L).1'],
    ['bad-a28-no-given-name.hl7', 'first-given-name', 3, 1, 'PID-5[1].2'],
    ['bad-a28-no-birth-date.hl7', 'birth-date', 3, 1, 'PID-7'],
    ['bad-a28-no-sex.hl7', 'sex', 3, 1, 'PID-8'],
    ['bad-a28-no-birthplace.hl7', 'birthplace', 3, 1, 'PID-11[2].9'],
    ['bad-patient-no-birth-name.json', 'birth-name', undefined, undefined, "Patient.name.where(use='official').family"],
    ['bad-patient-no-given-name.json', 'first-given-name', undefined, undefined, 'Patient.name[0].given[0]'],
    ['bad-patient-no-birth-date.json', 'birth-date', undefined, undefined, 'Patient.birthDate'],
    ['bad-patient-no-sex.json', 'sex', undefined, undefined, 'Patient.gender'],
  ])('%s names the missing %s and points at it', async (name, trait, line, record, pointer) => {
    const r = await run(insCreationFlow, [name]);
    const f = r.findings.find((x) => x.code === 'ins.trait-missing' && x.params?.trait === trait);
    expect(f).toMatchObject({ severity: 'error', file: name, pointer });
    expect(f?.line).toBe(line);
    expect(f?.record).toBe(record);
  });

  it('passes with one complete patient and only warns about an incomplete one in the same slot', async () => {
    const r = await run(insCreationFlow, ['a28-creation-private-id.hl7', 'bad-a28-no-sex.hl7']);
    expect(errors(r)).toEqual([]);
    expect(r.findings.map((f) => [f.severity, f.code, f.file])).toEqual([['warning', 'ins.trait-missing', 'bad-a28-no-sex.hl7']]);
  });

  it('does not provide ins when a valid INS sits beside an error elsewhere in the slot', async () => {
    const r = await run(insCreationFlow, ['a31-ins-association.hl7', 'bad-a31-wrong-key.hl7']);
    expect(errors(r)).toEqual(['ins.key']);
    expect(r.provides).toBeUndefined();
  });

  it('can accept a creation without private identifier when the ruleset says so', async () => {
    const r = await run(insCreationFlow, ['bad-a28-no-private-id.hl7'], { require_private_identifier: false });
    expect(r.findings).toEqual([]);
  });

  it('refuses a flow above max_bytes without reading it', async () => {
    const r = await run(insCreationFlow, ['a28-creation-private-id.hl7'], { max_bytes: 100 });
    expect(r.findings).toMatchObject([{ code: 'ins.flow-too-large', severity: 'error', params: { max: 100 } }]);
  });
});

describe('ins-association-flow on fixtures', () => {
  it.each<[string, { errors?: string[]; warnings?: string[] }]>([
    ['a31-ins-association.hl7', {}],
    ['a04-registration-with-ins.hl7', {}],
    ['a28-a31-creation-then-association.hl7', {}],
    ['patient-fr-core-ins.json', {}],
    ['bundle-transaction-patients.json', {}],
    ['patients.ndjson', {}],
    ['a28-creation-private-id.hl7', { errors: ['ins.missing'] }],
    ['patient-fr-core-creation.json', { errors: ['ins.missing'] }],
    ['bad-a31-wrong-key.hl7', { errors: ['ins.key'] }],
    ['bad-patient-wrong-key.json', { errors: ['ins.key'] }],
    ['bad-a31-no-vali.hl7', { errors: ['ins.not-qualified'] }],
    ['bad-patient-not-qualified.json', { errors: ['ins.not-qualified'] }],
    ['bad-patient-type-oid-mismatch.json', { errors: ['ins.type-oid-mismatch'] }],
    ['bad-a31-billing-nir-only.hl7', { errors: ['ins.billing-nir-only'], warnings: ['ins.production-oid'] }],
    ['bad-patient-billing-nir-only.json', { errors: ['ins.billing-nir-only'], warnings: ['ins.production-oid'] }],
    ['bad-a31-production-oid.hl7', { warnings: ['ins.production-oid'] }],
    ['bad-patient-production-oid.json', { warnings: ['ins.production-oid'] }],
    ['bad-no-msh.hl7', { errors: ['ins.hl7-no-msh'] }],
    ['bad-truncated.hl7', { errors: ['ins.hl7-truncated', 'ins.missing'] }],
    ['bad-binary.hl7', { errors: ['ins.flow-not-text'] }],
    ['bad-invalid.json', { errors: ['ins.json-invalid'] }],
    ['bad-observation.json', { errors: ['ins.fhir-wrong-type'] }],
  ])('%s', async (name, expected) => {
    const r = await run(insAssociationFlow, [name]);
    expect(errors(r)).toEqual(expected.errors ?? []);
    expect(warnings(r)).toEqual(expected.warnings ?? []);
    expect(r.provides).toBeUndefined();
  });

  it('points the INS without VALI at PID-32 of its message', async () => {
    const r = await run(insAssociationFlow, ['bad-a31-no-vali.hl7']);
    expect(r.findings).toMatchObject([{ code: 'ins.not-qualified', file: 'bad-a31-no-vali.hl7', line: 3, record: 1, pointer: 'PID-32', params: { found: 'PROV', expected: 'VALI' } }]);
  });

  it('gives the expected key without the matricule', async () => {
    const r = await run(insAssociationFlow, ['bad-a31-wrong-key.hl7']);
    expect(r.findings).toMatchObject([{ code: 'ins.key', pointer: 'PID-3[2]', params: { ins: '2 79 03 ** *** *** 88', expected: '89' } }]);
  });

  const withCreation = async (association: string, creation: string[]): Promise<CheckResult> => {
    const others = new Map([['creation-flow', await Promise.all(creation.map((n) => open(FLOWS, n)))]]);
    return insAssociationFlow.run({ requirement: 'IEU 8', slot: 'flow', files: [await open(FLOWS, association)], options: {}, facts: {}, asOf: '2026-11-29', provided: new Set(), others, shared: createMemo() });
  };

  it('accepts an association whose patient shares a private identifier with the creation flow', async () => {
    expect((await withCreation('a31-ins-association.hl7', ['a28-creation-private-id.hl7'])).findings).toEqual([]);
    expect((await withCreation('patient-fr-core-ins.json', ['a28-creation-private-id.hl7'])).findings).toEqual([]);
  });

  it('warns when the INS goes to a patient the creation flow did not create', async () => {
    const r = await withCreation('a04-registration-with-ins.hl7', ['a28-creation-private-id.hl7']);
    expect(r.findings).toMatchObject([{ code: 'ins.association-unlinked', severity: 'warning', file: 'a04-registration-with-ins.hl7', line: 3, record: 1, params: { creation_slot: 'creation-flow' } }]);
  });

  it('warns when traits or private identifier are missing next to the INS', async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'a31.hl7'),
      `MSH|^~\\&|GAP|HOP|DMN|EDI|20260312101500||ADT^A31^ADT_A05|1|P|2.5^FRA^2.11\rPID|1||279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS||ESSAI^CAMILLE^^^^^L||19790328|F${'|'.repeat(24)}VALI\r`,
    );
    const r = await run(insAssociationFlow, ['a31.hl7'], {}, dir);
    expect(errors(r)).toEqual([]);
    expect(warnings(r)).toEqual(['ins.trait-missing', 'ins.private-id-missing']);
  });
});

const dirs: string[] = [];
function tmp(): string {
  const d = realpathSync(mkdtempSync(path.join(tmpdir(), 'dmn-ins-')));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bad input never throws and says what was expected', () => {
  const MSH = 'MSH|^~\\&|GAP|HOP|DMN|EDI|20260312101500||ADT^A28^ADT_A05|1|P|2.5^FRA^2.11';
  it.each<[string, string, string | Buffer, Record<string, unknown>]>([
    ['text.txt', 'ins.flow-format', 'Bonjour, voici le flux de création.\n', { line: 1 }],
    ['nul.hl7', 'ins.flow-not-text', Buffer.from(`${MSH}\r\u0000PID|1\r`, 'latin1'), {}],
    ['latin1-undeclared.hl7', 'ins.flow-encoding', Buffer.from(`${MSH}\rPID|1||X^^^H^PI||ESSAI^HÉLÈNE^^^^^L\r`, 'latin1'), { line: 2 }],
    ['latin1.json', 'ins.flow-encoding', Buffer.from('{"resourceType":"Patient","name":[{"family":"HÉLÈNE"}]}', 'latin1'), {}],
    ['no-type.json', 'ins.fhir-not-resource', '{"name":"x"}', { pointer: '$' }],
    ['bundle.json', 'ins.fhir-no-patient', '{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation"}}]}', { pointer: 'Bundle.entry' }],
    ['array.json', 'ins.fhir-wrong-type', '[{"resourceType":"Organization"}]', { record: 1 }],
    ['broken.ndjson', 'ins.json-invalid', '{"resourceType":"Patient"}\n{"resourceType":\n', { line: 2, record: 2 }],
    ['bad-msh.hl7', 'ins.hl7-bad-msh', 'MSH|^~|GAP\rPID|1\r', { line: 1, record: 1 }],
    ['wrapped.hl7', 'ins.hl7-bad-segment', `${MSH}\rPID|1||X^^^H^PI||ESSAI^CAMILLE^^^^^L\rsuite du segment\r`, { line: 3 }],
  ])('%s gives %s', async (name, code, content, place) => {
    const dir = tmp();
    writeFileSync(path.join(dir, name), content);
    for (const check of [insCreationFlow, insAssociationFlow]) {
      const r = await run(check, [name], {}, dir);
      const f = r.findings.find((x) => x.code === code);
      expect(f, `${check.name}: ${JSON.stringify(r.findings)}`).toMatchObject({ severity: 'error', file: name, ...place });
      expect(r.provides).toBeUndefined();
    }
  });

  it('keeps at most 200 findings and says how many were left out', async () => {
    const dir = tmp();
    const pids = Array.from({ length: 120 }, (_, i) => `PID|${i + 1}||IPP-${i}^^^H^PI||ESSAI^^^^^^L|||`).join('\r');
    writeFileSync(path.join(dir, 'many.hl7'), `${MSH}\r${pids}\r`);
    const r = await run(insCreationFlow, ['many.hl7'], {}, dir);
    expect(r.findings).toHaveLength(201);
    expect(r.findings[200]).toMatchObject({ code: 'ins.findings-truncated', severity: 'info', params: { shown: 200, total: 480 } });
  });

  it('never throws on arbitrary bytes, ER7-looking or JSON-looking text', async () => {
    const dir = tmp();
    const prefixes = ['', 'MSH|^~\\&|', `${MSH}\rPID|`, '{"resourceType":"Patient",', '{"resourceType":"Bundle","entry":[', '[', '{}\n'];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), async (prefix, tail) => {
        const name = `f${n++}.hl7`;
        const body = typeof tail === 'string' ? Buffer.from(prefix + tail, 'utf8') : Buffer.concat([Buffer.from(prefix), Buffer.from(tail)]);
        writeFileSync(path.join(dir, name), body);
        for (const check of [insCreationFlow, insAssociationFlow]) {
          const r = await run(check, [name], {}, dir);
          expect(Array.isArray(r.findings)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
