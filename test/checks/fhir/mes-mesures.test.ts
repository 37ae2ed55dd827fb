import { createMemo } from '../../../src/checks/memo.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { fhirpathCheck } from '../../../src/checks/fhir/fhirpath.js';
import { insCreationFlow } from '../../../src/checks/ins/ins-creation-flow.js';
import type { AnyCheck, CheckResult } from '../../../src/checks/types.js';
import { UserInputError } from '../../../src/diagnostics/user-input-error.js';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';
import { openFhirEvidence } from '../../../src/evidence/fhir/source.js';
import { loadRuleset } from '../../../src/ruleset/load.js';
import type { RequirementDef } from '../../../src/ruleset/types.js';
import { startFhirServer, syntheticPatients, type FhirTestServer } from '../../support/fhir-server.js';

const ruleset = loadRuleset('rules/mes-mesures-3.1.0.yaml');
const mes1 = ruleset.requirements.find((r) => r.id === 'MES 1') as RequirementDef;
const use = mes1.slots[0]!.checks[0]!;

async function fixture(rel: string): Promise<EvidenceFile> {
  const r = await openEvidenceFile(path.resolve('fixtures'), rel);
  if (!r.ok) throw new Error(`${rel}: ${r.reason}`);
  return r.file;
}

async function judge(files: EvidenceFile[], check: AnyCheck = fhirpathCheck, options: object = use.options): Promise<CheckResult> {
  return check.run({ requirement: 'MES 1', slot: 'measures-sample', files, options, facts: {}, asOf: '2026-11-29', provided: new Set(), shared: createMemo() });
}

const failedRules = (result: CheckResult): string[] => [...new Set(result.findings.map((f) => String(f.params?.rule)))].sort();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-mes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function inline(resource: object): Promise<EvidenceFile> {
  const name = `inline-${Math.random().toString(36).slice(2)}.json`;
  writeFileSync(path.join(dir, name), JSON.stringify(resource));
  const r = await openEvidenceFile(dir, name);
  if (!r.ok) throw new Error(r.reason);
  return r.file;
}

const weight = JSON.parse(readFileSync('fixtures/measures/bad/wrong-unit.json', 'utf8')) as Record<string, unknown>;
const goodWeight = { ...weight, id: 'w', valueQuantity: { value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } };

describe('rules/mes-mesures-3.1.0.yaml', () => {
  it('extends the ANS DMN ruleset with MES 1 and its fact', () => {
    expect({ id: ruleset.id, version: ruleset.version }).toEqual({ id: 'mes-mesures', version: '3.1.0' });
    expect(ruleset.requirements.map((r) => r.id)).toEqual(['IEU 2', 'IEU 7', 'IEU 8', 'IEU 9', 'PORT 1', 'MES 1']);
    expect(ruleset.facts.map((f) => f.name)).toContain('measures_exchange');
    expect(mes1.slots.map((s) => [s.name, s.accepts])).toEqual([['measures-sample', ['fhir-json', 'fhir-ndjson']]]);
    expect(use.check).toBe('fhirpath');
    expect(fhirpathCheck.validateOptions!(use.options as never)).toEqual([]);
  });

  it.each(['measures/good/measures.bundle.json', 'measures/good/measures.ndjson'])('passes the good sample %s (every measure, current and ENS_ profiles)', async (rel) => {
    const result = await judge([await fixture(rel)]);
    expect(result.findings).toEqual([]);
  });

  it.each([
    ['measures/bad/wrong-unit.json', ['weight-unit'], 'Observation/mes-weight-bad-unit'],
    ['measures/bad/missing-subject.json', ['subject'], 'Observation/mes-weight-no-subject'],
    ['measures/bad/bp-without-components.json', ['blood-pressure-components'], 'Observation/mes-bp-no-components'],
    ['measures/bad/preliminary-status.json', ['status'], 'Observation/mes-weight-preliminary'],
  ])('%s fails rule(s) %j only, naming the resource and the FHIRPath', async (rel, rules, resource) => {
    const result = await judge([await fixture(rel)]);
    expect(failedRules(result)).toEqual(rules);
    for (const f of result.findings) {
      expect(f).toMatchObject({ code: 'fhirpath.rule-failed', severity: 'error', file: rel, params: { resource } });
      expect(String(f.params!.expression).length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['a measure outside the list (respiratory rate)', { ...goodWeight, code: { coding: [{ system: 'http://loinc.org', code: '9279-1' }] } }, ['known-measure']],
    ['no meta.profile', { ...goodWeight, meta: {} }, ['weight-profile']],
    ['the profile of another measure', { ...goodWeight, meta: { profile: ['http://esante.gouv.fr/ci-sis/fhir/StructureDefinition/ENS_FrObservationBodyHeight'] } }, ['weight-profile']],
    ['a versioned current profile', { ...goodWeight, meta: { profile: ['https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-fr-observation-body-weight|3.1.0'] } }, []],
    ['a date-only effective date-time', { ...goodWeight, effectiveDateTime: '2026-03-02' }, []],
    ['an effective period instead of a date-time', { ...goodWeight, effectiveDateTime: undefined, effectivePeriod: { start: '2026-03-02' } }, ['effective']],
    ['no value at all', { ...goodWeight, valueQuantity: undefined }, ['value']],
    ['a value given as text', { ...goodWeight, valueQuantity: undefined, valueString: '70 kg' }, ['weight-unit']],
    ['a unit without the UCUM system', { ...goodWeight, valueQuantity: { value: 70, unit: 'kg', code: 'kg' } }, ['weight-unit']],
    ['a subject with only a display name', { ...goodWeight, subject: { display: 'Someone' } }, ['subject']],
    ['status amended', { ...goodWeight, status: 'amended' }, []],
    ['status entered-in-error', { ...goodWeight, status: 'entered-in-error' }, ['status']],
  ])('judges an Observation with %s', async (_label, resource, rules) => {
    expect(failedRules(await judge([await inline(resource)]))).toEqual(rules);
  });

  it('judges blood pressure components: both needed, in mm[Hg]', async () => {
    const bundle = JSON.parse(readFileSync('fixtures/measures/good/measures.bundle.json', 'utf8')) as { entry: { resource: Record<string, unknown> }[] };
    const bp = bundle.entry.map((e) => e.resource).find((r) => r.id === 'mes-blood-pressure-001')!;
    const components = bp.component as { valueQuantity: Record<string, unknown> }[];
    const kpa = { ...bp, component: [components[0], { ...components[1], valueQuantity: { value: 10.5, unit: 'kPa', system: 'http://unitsofmeasure.org', code: 'kPa' } }] };
    const systolicOnly = { ...bp, component: [components[0]] };
    expect(failedRules(await judge([await inline(kpa)]))).toEqual(['blood-pressure-components']);
    expect(failedRules(await judge([await inline(systolicOnly)]))).toEqual(['blood-pressure-components']);
  });

  it('needs at least one Observation', async () => {
    const result = await judge([await inline({ resourceType: 'Patient', id: 'p' })]);
    expect(result.findings.map((f) => f.code)).toEqual(['fhirpath.no-resources']);
  });

  it('keeps patient data out of the findings', async () => {
    const result = await judge([await fixture('measures/good/measures.bundle.json'), await fixture('measures/bad/wrong-unit.json')]);
    const text = JSON.stringify(result.findings);
    for (const secret of ['279035121518989', 'TESTMESURES', '1979-03-01', '159.6']) expect(text).not.toContain(secret);
  });
});

describe('the same evidence from a FHIR server gives the same statuses as the files', () => {
  let good: FhirTestServer;
  let bad: FhirTestServer;
  const TOKEN = 'DMN_TEST_MEASURES_TOKEN';
  const read = (rel: string): Resource[] => {
    const text = readFileSync(path.join('fixtures', rel), 'utf8');
    if (rel.endsWith('.ndjson')) return text.trim().split('\n').map((l) => JSON.parse(l) as Resource);
    const v = JSON.parse(text) as Resource & { entry?: { resource: Resource }[] };
    return v.resourceType === 'Bundle' ? v.entry!.map((e) => e.resource as Resource) : [v];
  };
  const badFiles = ['measures/bad/wrong-unit.json', 'measures/bad/missing-subject.json', 'measures/bad/bp-without-components.json', 'measures/bad/preliminary-status.json'];

  beforeAll(async () => {
    good = await startFhirServer({
      resources: [...read('measures/good/measures.bundle.json'), ...read('measures/good/measures.ndjson'), ...syntheticPatients(3), ...read('flows/patient-fr-core-ins.json')],
    });
    bad = await startFhirServer({ resources: badFiles.flatMap(read) });
  });
  afterAll(async () => {
    await good?.close();
    await bad?.close();
  });

  const fetch = async (server: FhirTestServer, query: string): Promise<EvidenceFile> => {
    const r = await openFhirEvidence({ url: `${server.base}/${query}`, tokenEnv: TOKEN }, { env: { [TOKEN]: server.token }, offline: false, timeoutMs: 5000 });
    if (!r.ok) throw new Error(r.code);
    return r.file;
  };

  it('good measures: no finding either way', async () => {
    const fromServer = await judge([await fetch(good, 'Observation?_count=4')]);
    const fromFiles = await judge([await fixture('measures/good/measures.bundle.json'), await fixture('measures/good/measures.ndjson')]);
    expect(fromServer.findings).toEqual([]);
    expect(fromFiles.findings).toEqual([]);
  });

  it.each(badFiles)('%s: the same rules fail on the same resource', async (rel) => {
    const fromFile = await judge([await fixture(rel)]);
    const id = (read(rel)[0] as { id: string }).id;
    const fromServer = await judge([await fetch(bad, `Observation?_id=${id}`)]);
    const shape = (r: CheckResult) => r.findings.map((f) => ({ code: f.code, severity: f.severity, rule: f.params?.rule, resource: f.params?.resource }));
    expect(shape(fromServer)).toEqual(shape(fromFile));
    expect(fromServer.findings.length).toBeGreaterThan(0);
  });

  it('IEU 8: the INS creation-flow check judges a Patient from the server as it judges the file', async () => {
    const fromFile = await judge([await fixture('flows/patient-fr-core-ins.json')], insCreationFlow, {});
    const fromServer = await judge([await fetch(good, 'Patient?_id=essai-dmn-camille')], insCreationFlow, {});
    const shape = (r: CheckResult) => ({ codes: r.findings.map((f) => `${f.severity}:${f.code}`), provides: r.provides ?? [] });
    expect(shape(fromServer)).toEqual(shape(fromFile));
    expect(fromServer.provides).toEqual(['ins']);
  });
});

describe('an invalid FHIRPath in a ruleset is a load error at its YAML position', () => {
  it('points at the expression', () => {
    const file = path.join(dir, 'bad-rules.yaml');
    writeFileSync(
      file,
      [
        'dmn-ruleset: 1',
        'id: bad-fhirpath',
        'version: "1"',
        'title: { en: Bad, fr: Mauvais }',
        'requirements:',
        '  - id: MES 9',
        '    section: MES',
        '    title: { en: T, fr: T }',
        '    statement: { en: S, fr: S }',
        '    slots:',
        '      - name: sample',
        '        title: { en: T, fr: T }',
        '        expects: { en: E, fr: E }',
        '        accepts: [fhir-json]',
        '        checks:',
        '          - check: fhirpath',
        '            options:',
        '              resource_type: Observation',
        '              rules:',
        '                - expression: status.exists()',
        '                  message_en: m',
        '                  message_fr: m',
        "                - expression: status = = 'final'",
        '                  message_en: m',
        '                  message_fr: m',
        '',
      ].join('\n'),
    );
    let error: unknown;
    try {
      loadRuleset(file, { cwd: dir });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserInputError);
    const problems = (error as UserInputError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'ruleset.invalid', file: 'bad-rules.yaml', line: 23, column: 31 });
    expect(problems[0]!.message.en).toMatch(/invalid FHIRPath expression at line 1, column \d+/);
  });
});
