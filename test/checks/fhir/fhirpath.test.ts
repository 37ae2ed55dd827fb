import { createMemo } from '../../../src/checks/memo.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fhirpathCheck } from '../../../src/checks/fhir/fhirpath.js';
import { readFhirResources } from '../../../src/evidence/formats/fhir-resources.js';
import { createRegistry } from '../../../src/checks/registry.js';
import type { CheckContext } from '../../../src/checks/types.js';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';
import type { RawFinding } from '../../../src/report/report.js';
import { word } from '../../support/word.js';

type Options = Parameters<typeof fhirpathCheck.run>[0]['options'];
type Rule = Options['rules'][number];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-fhirpath-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function evidence(content: string | Buffer, name = `f${++n}.json`): Promise<EvidenceFile> {
  writeFileSync(path.join(dir, name), content);
  const r = await openEvidenceFile(dir, name);
  if (!r.ok) throw new Error(r.reason);
  return r.file;
}

async function run(files: EvidenceFile[], options: Options): Promise<RawFinding[]> {
  const ctx: CheckContext<Options> = { requirement: 'MES 1', slot: 'sample', files, options, facts: {}, asOf: '2026-11-29', provided: new Set(), shared: createMemo() };
  return (await fhirpathCheck.run(ctx)).findings;
}

const rule = (expression: string, extra: Partial<Rule> = {}): Rule => ({ expression, message_en: 'must hold', message_fr: 'doit être vrai', ...extra });
const obs = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ resourceType: 'Observation', id, status: 'final', code: { text: 'x' }, ...extra });
const ndjson = (...resources: unknown[]): string => `${resources.map((r) => JSON.stringify(r)).join('\n')}\n`;
const codes = (fs: RawFinding[]): string[] => fs.map((f) => f.code);

describe('fhirpath check', () => {
  it('is registered under its name', () => {
    expect(createRegistry().get('fhirpath')).toBe(fhirpathCheck);
  });

  it('passes when every resource satisfies every rule (mode all)', async () => {
    const f = await evidence(ndjson(obs('a'), obs('b')), 'ok.ndjson');
    expect(f.kind).toBe('fhir-ndjson');
    expect(await run([f], { resource_type: 'Observation', rules: [rule("status = 'final'")] })).toEqual([]);
  });

  it('names each failing resource, its place and the expression, never its values', async () => {
    const f = await evidence(ndjson(obs('a'), obs('b', { status: 'preliminary', valueString: 'SECRET-VALUE' })), 'fail.ndjson');
    const findings = await run([f], { resource_type: 'Observation', rules: [rule("status = 'final'", { id: 'status' })] });
    expect(findings).toEqual([
      {
        code: 'fhirpath.rule-failed',
        severity: 'error',
        slot: 'sample',
        file: f.path,
        record: 2,
        line: 2,
        params: { rule: 'status', expression: "status = 'final'", message_en: 'must hold', message_fr: 'doit être vrai', resource: 'Observation/b' },
      },
    ]);
    expect(JSON.stringify(findings)).not.toContain('SECRET-VALUE');
    expect(word('fhirpath.rule-failed', findings[0]!.params!, 'fr').message).toBe("Observation/b\u00a0: doit être vrai (règle status\u00a0: status = 'final')");
  });

  it('points into Bundles, and judges the Bundle itself only when asked for Bundles', async () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: obs('a') }, { resource: { resourceType: 'Patient', id: 'p' } }, { resource: obs('c', { status: 'cancelled' }) }] };
    const f = await evidence(JSON.stringify(bundle));
    expect(f.kind).toBe('fhir-json');
    const obsFindings = await run([f], { resource_type: 'Observation', rules: [rule("status = 'final'")] });
    expect(obsFindings.map((x) => [x.params!.resource, x.pointer])).toEqual([['Observation/c', '/entry/2/resource']]);
    const any = await run([f], { rules: [rule('id.exists()')] });
    expect(any).toEqual([]);
    expect(await run([f], { resource_type: 'Bundle', rules: [rule("type = 'collection'")] })).toEqual([]);
  });

  it.each([
    ['one resource satisfies it', [obs('a'), obs('b', { status: 'amended' })], []],
    ['none does', [obs('a'), obs('b')], ['fhirpath.rule-none']],
  ])('mode any: %s', async (_label, resources, expected) => {
    const f = await evidence(ndjson(...resources), `any${++n}.ndjson`);
    expect(codes(await run([f], { resource_type: 'Observation', rules: [rule("status = 'amended'", { mode: 'any' })] }))).toEqual(expected);
  });

  it.each([
    ['a slot without any resource of the type', ndjson({ resourceType: 'Patient', id: 'p' }, { resourceType: 'Patient', id: 'q' }), 'Observation', ['fhirpath.no-resources']],
    ['an empty Bundle', JSON.stringify({ resourceType: 'Bundle', type: 'collection' }), undefined, ['fhirpath.no-resources']],
    ['JSON that is not FHIR', JSON.stringify({ hello: 'world' }), undefined, ['fhirpath.no-resources']],
  ])('an empty sample proves nothing: %s', async (_label, content, type, expected) => {
    const f = await evidence(content);
    const findings = await run([f], { ...(type ? { resource_type: type } : {}), rules: [rule('true')] });
    expect(codes(findings)).toEqual(expected);
    expect(findings[0]).toMatchObject({ severity: 'error', params: { count: 0, min: 1 } });
  });

  it('skips files that cannot hold FHIR, with an info finding', async () => {
    const png = await evidence(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'shot.png');
    const f = await evidence(ndjson(obs('a'), obs('b')), 'with-png.ndjson');
    expect(await run([png, f], { resource_type: 'Observation', rules: [rule('true')] })).toEqual([
      { code: 'fhirpath.file-skipped', severity: 'info', slot: 'sample', file: png.path, params: { kind: 'image/png' } },
    ]);
  });

  it('reports broken NDJSON lines with their number and still reads the others', async () => {
    const f = await evidence(`${JSON.stringify(obs('a'))}\n{"resourceType": "Observation", "id": \n${JSON.stringify(obs('c', { status: 'draft' }))}\n`, 'broken.ndjson');
    const findings = await run([f], { resource_type: 'Observation', rules: [rule("status = 'final'")] });
    expect(findings.map((x) => [x.code, x.line])).toEqual([
      ['fhirpath.invalid-json', 2],
      ['fhirpath.rule-failed', 3],
    ]);
    expect(word('fhirpath.invalid-json', findings[0]!.params!, 'en').message).toBe('Line 2 is not valid JSON.');
  });

  it('caps the findings listed per rule and counts the rest', async () => {
    const many = Array.from({ length: 30 }, (_, i) => obs(`o${i}`, { status: 'draft' }));
    const f = await evidence(ndjson(...many), 'many.ndjson');
    const findings = await run([f], { resource_type: 'Observation', max_findings: 5, rules: [rule("status = 'final'", { severity: 'warning' })] });
    expect(codes(findings)).toEqual([...Array(5).fill('fhirpath.rule-failed'), 'fhirpath.rule-failed-more']);
    expect(findings.at(-1)).toMatchObject({ severity: 'warning', params: { count: 25, total: 30 } });
  });

  it('streams NDJSON larger than a chunk, lines across chunk boundaries included', async () => {
    const pad = 'p'.repeat(700);
    const many = Array.from({ length: 4000 }, (_, i) => obs(`o${String(i).padStart(4, '0')}`, { note: [{ text: pad }], status: i % 1000 === 999 ? 'draft' : 'final' }));
    const f = await evidence(ndjson(...many), 'big.ndjson');
    expect(f.bytes).toBeGreaterThan(2 * 1024 * 1024);
    const findings = await run([f], { resource_type: 'Observation', rules: [rule("status = 'final'")] });
    expect(findings.map((x) => [x.params!.resource, x.line])).toEqual([
      ['Observation/o0999', 1000],
      ['Observation/o1999', 2000],
      ['Observation/o2999', 3000],
      ['Observation/o3999', 4000],
    ]);
  });

  it('drops an NDJSON line longer than the limit, and reads on', async () => {
    const f = await evidence(ndjson(obs('a'), obs('b', { note: [{ text: 'x'.repeat(5000) }] }), obs('c')), 'long.ndjson');
    const items = [];
    for await (const item of readFhirResources(f, { maxLineBytes: 1000 })) items.push(item.type === 'problem' ? `${item.problem}@${item.line}` : String(item.resource.id));
    expect(items).toEqual(['a', 'line-too-long@2', 'c']);
  });

  it('turns an expression that does not fit the data into one "could not check" finding per rule', async () => {
    const f = await evidence(ndjson(obs('a', { category: [{ text: 'x' }, { text: 'y' }] }), obs('b', { category: [{ text: 'x' }, { text: 'y' }] })), 'eval.ndjson');
    const findings = await run([f], { resource_type: 'Observation', rules: [rule('category.text', { id: 'texts' })] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'fhirpath.eval-error', status: 'error', params: { rule: 'texts', count: 2, resource: 'Observation/a' } });
  });

  it('masks resource ids that look like a matricule INS, or hold a local identifier', async () => {
    const f = await evidence(ndjson(obs('279035121518989', { status: 'draft' }), obs('ipp-8812345', { status: 'draft' }), obs('o1234', { status: 'draft' })), 'nir-id.ndjson');
    const findings = await run([f], { resource_type: 'Observation', rules: [rule("status = 'final'")] });
    expect(findings.map((x) => x.params!.resource)).toEqual(['Observation/27***********89', 'Observation/ipp-88***45', 'Observation/o1234']);
    expect(JSON.stringify(findings)).not.toContain('279035121518989');
    expect(JSON.stringify(findings)).not.toContain('8812345');
  });

  it('never prints what trace() sees', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const f = await evidence(ndjson(obs('a', { valueString: 'SECRET' })), 'trace.ndjson');
      expect(await run([f], { resource_type: 'Observation', rules: [rule("trace('seen').exists()")] })).toEqual([]);
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('judges only what applies_to selects; the others get one info finding each, capped and counted', async () => {
    const f = await evidence(ndjson(obs('a'), obs('b', { status: 'draft' }), obs('c', { code: { text: 'y' } }), obs('d', { code: { text: 'y' } })), 'applies.ndjson');
    const applies_to = { expression: "code.text = 'x'", message_en: 'not one of ours', message_fr: "n’est pas des nôtres" };
    const fs = await run([f], { resource_type: 'Observation', applies_to, max_findings: 1, rules: [rule("status = 'final'")] });
    expect(fs.map((x) => [x.code, x.severity, x.params?.resource ?? x.params?.count])).toEqual([
      ['fhirpath.rule-failed', 'error', 'Observation/b'],
      ['fhirpath.not-selected', 'info', 'Observation/c'],
      ['fhirpath.not-selected-more', 'info', 1],
    ]);
    expect(word('fhirpath.not-selected', fs[1]!.params!, 'en').message).toBe('Observation/c: not one of ours; the rules do not judge it.');
    expect(word('fhirpath.not-selected', fs[1]!.params!, 'fr').message).toBe("Observation/c\u00a0: n’est pas des nôtres ; les règles ne la jugent pas.");
  });

  it('makes the ruleset constants available as %name', async () => {
    const f = await evidence(ndjson(obs('a', { code: { coding: [{ system: 'https://example.org/cs', code: 'k' }] } })), 'ruleset-constants.ndjson');
    expect(await run([f], { constants: { mine: 'https://example.org/cs' }, rules: [rule("code.coding.where(system = %mine and code = 'k').exists()")] })).toEqual([]);
  });

  it('offers the FHIR constants %loinc, %sct and %ucum', async () => {
    const f = await evidence(ndjson(obs('a')), 'constants.ndjson');
    const expression = "%loinc = 'http://loinc.org' and %sct = 'http://snomed.info/sct' and %ucum = 'http://unitsofmeasure.org'";
    expect(await run([f], { rules: [rule(expression)] })).toEqual([]);
  });
});

describe('fhirpath options validation (the ruleset loader calls it: exit 2 with the YAML position)', () => {
  const validate = (options: Options) => fhirpathCheck.validateOptions!(options);

  it('accepts valid rules', () => {
    expect(validate({ resource_type: 'Observation', rules: [rule("status in ('final' | 'amended')"), rule('effective.ofType(dateTime).exists()')] })).toEqual([]);
  });

  it.each([
    ['a syntax error', 'status = = 1', /^invalid FHIRPath expression at line 1, column \d+: /],
    ['an unterminated call', 'code.coding.where(system = %loinc', /^invalid FHIRPath expression at line 1, column \d+: /],
    ['an unknown function', 'status.isFinalish()', /^FHIRPath expression cannot be evaluated: .*isFinalish/],
    ['an undefined %variable', "status = %wanted", /^FHIRPath expression cannot be evaluated: .*wanted/],
    ['a function that needs the network', 'subject.resolve().exists()', /^FHIRPath expression cannot be evaluated: .*resolve/],
  ])('refuses %s at rules[1].expression', (_label, expression, message) => {
    const problems = validate({ resource_type: 'Observation', rules: [rule('true'), rule(expression)] });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toEqual(['rules', 1, 'expression']);
    expect(problems[0]!.message.en).toMatch(message);
    expect(problems[0]!.message.fr.length).toBeGreaterThan(10);
  });

  it('checks the applies_to expression like a rule, and refuses a constant that hides a FHIR one', () => {
    const problems = validate({ applies_to: { expression: 'code.isMeasure()', message_en: 'x', message_fr: 'x' }, constants: { loinc: 'https://example.org' }, rules: [rule('true')] });
    expect(problems.map((p) => p.path)).toEqual([['constants', 'loinc'], ['applies_to', 'expression']]);
    expect(problems[0]!.message.fr).toBe('%loinc est déjà une constante FHIRPath ; choisissez un autre nom.');
  });

  it('refuses an unknown resource type with a suggestion', () => {
    expect(validate({ resource_type: 'Observaton', rules: [rule('true')] })).toEqual([
      {
        path: ['resource_type'],
        message: {
          en: '"Observaton" is not a FHIR R4 resource type. Did you mean "Observation"?',
          fr: '« Observaton » n’est pas un type de ressource FHIR R4. Vouliez-vous dire « Observation » ?',
        },
      },
    ]);
  });
});

describe('fhirpath regular expressions run on RE2 (issue 12, item 13): a custom ruleset cannot hang a check', () => {
  it('keeps fhirpath.js semantics: single-line, flags i and m, matchesFull, replaceMatches, empty in and out', async () => {
    const f = await evidence(ndjson(obs('a', { valueString: 'Ligne 1\nligne 2' })), 're.ndjson');
    const holds = async (expression: string): Promise<boolean> => (await run([f], { resource_type: 'Observation', rules: [rule(expression)] })).length === 0;
    expect(await holds("valueString.matches('1.ligne')")).toBe(true);
    expect(await holds("valueString.matches('^LIGNE', 'i')")).toBe(true);
    expect(await holds("valueString.matches('^ligne 2$', 'm')")).toBe(true);
    expect(await holds("valueString.matches('^ligne 2$')")).toBe(false);
    expect(await holds("valueString.matchesFull('Ligne.*2')")).toBe(true);
    expect(await holds("valueString.matchesFull('Ligne')")).toBe(false);
    expect(await holds("valueString.replaceMatches('(\\\\d)', '<$1>') = 'Ligne <1>\nligne <2>'")).toBe(true);
    expect(await holds("valueInteger.matches('x').empty()")).toBe(true);
  });

  it('a pattern that backtracks exponentially answers at once; one RE2 cannot run is refused when the ruleset loads', async () => {
    const f = await evidence(ndjson(obs('a', { valueString: `${'a'.repeat(40)}b` })), 'redos.ndjson');
    const findings = await run([f], { resource_type: 'Observation', rules: [rule("valueString.matches('^(a+)+$')", { id: 'redos' })] });
    expect(codes(findings)).toEqual(['fhirpath.rule-failed']);
    const problems = fhirpathCheck.validateOptions!({ resource_type: 'Observation', rules: [rule("'aa'.matches('(a)\\\\1')")] });
    expect(problems).toEqual([{ path: ['rules', 0, 'expression'], message: expect.objectContaining({ en: expect.stringMatching(/^FHIRPath expression cannot be evaluated: Invalid regular expression/) }) }]);
  });
});
