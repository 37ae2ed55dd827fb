import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { junitFormatter } from '../../src/formatters/junit.js';
import { canonicalContext, canonicalReport, HOSTILE_ERROR } from './canonical-report.js';

interface Failure {
  '@_message': string;
  '@_type': string;
  '#cdata'?: string[];
}
interface TestCase {
  '@_classname': string;
  '@_name': string;
  failure?: Failure[];
  error?: Failure[];
  skipped?: { '@_message': string; '#cdata'?: string[] }[];
  'system-out'?: { '#cdata'?: string[] }[];
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  properties: { property: { '@_name': string; '@_value': string }[] }[];
  testcase: TestCase[];
  'system-out'?: { '#cdata'?: string[] }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  cdataPropName: '#cdata',
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped', 'property', 'properties', 'system-out', '#cdata'].includes(name),
});

function parse(xml: string): { name: string; suites: Suite[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { testsuites: { '@_name': string; testsuite: Suite[] } };
  return { name: doc.testsuites['@_name'], suites: doc.testsuites.testsuite };
}

const text = (pieces: string[] | undefined): string => (pieces ?? []).join('');

describe('junit formatter', () => {
  const report = canonicalReport('en');
  const xml = junitFormatter.format(report, canonicalContext('en'));
  const { suites } = parse(xml);
  const suite = suites[0]!;
  const byId = (id: string): TestCase => suite.testcase.find((t) => t['@_name'].startsWith(`${id} — `))!;

  it('has one test suite for the ruleset and one test case per requirement, in ruleset order', () => {
    expect(suites).toHaveLength(1);
    expect(suite['@_name']).toBe('ans-dmn');
    expect(suite.testcase.map((t) => t['@_name'])).toEqual(report.requirements.map((r) => `${r.id} — ${r.title}`));
    expect(suite.testcase.every((t) => t['@_classname'] === 'ans-dmn')).toBe(true);
    expect([suite['@_tests'], suite['@_failures'], suite['@_errors'], suite['@_skipped']]).toEqual(['5', '2', '1', '1']);
  });

  it.each([
    ['IEU 7', 'passes', undefined],
    ['IEU 8', 'failure', 'failed'],
    ['IEU 9', 'failure', 'missing'],
    ['PORT 1', 'error', 'error'],
    ['IEU 2', 'skipped', undefined],
  ] as const)('reports %s as %s', (id, outcome, type) => {
    const t = byId(id);
    const outcomes = (['failure', 'error', 'skipped'] as const).filter((k) => t[k] !== undefined);
    expect(outcomes).toEqual(outcome === 'passes' ? [] : [outcome]);
    if (outcome === 'failure' || outcome === 'error') expect(t[outcome]![0]!['@_type']).toBe(type);
  });

  it('carries the findings, their place and their hint in the failure body', () => {
    const failure = byId('IEU 8').failure![0]!;
    const finding = report.requirements[2]!.findings[0]!;
    expect(failure['@_message']).toBe(finding.message);
    expect(text(failure['#cdata'])).toContain('dmn-evidence.yaml:21:46');
    expect(text(failure['#cdata'])).toContain(finding.hint);
  });

  it('gives a not-applicable requirement its justification as the skip message, and the signatory in the body', () => {
    const skipped = byId('IEU 2').skipped![0]!;
    expect(skipped['@_message']).toBe(report.requirements[0]!.statement!.justification);
    expect(text(skipped['#cdata'])).toContain('Jeanne Martin (Présidente), signed on 2026-10-02');
  });

  it('keeps a message with "]]>" twice, "<", "&" and quotes intact, in the attribute and the CDATA body', () => {
    const error = byId('PORT 1').error![0]!;
    const clean = HOSTILE_ERROR.replace('\u0007', '');
    expect(error['@_message']).toContain(clean);
    expect(text(error['#cdata'])).toContain(clean);
    // Two "]]>" in the message: the body is cut into three CDATA sections, each well closed.
    expect(error['#cdata']).toHaveLength(3);
    expect(xml).not.toContain('\u0007');
  });

  it('puts the findings about the whole dossier in the suite output', () => {
    expect(text(suite['system-out']?.[0]?.['#cdata'])).toContain(report.findings[0]!.message);
  });

  it('records the ruleset hash, the manifest hash, the date and the verdict as suite properties', () => {
    const props = Object.fromEntries(suite.properties[0]!.property.map((p) => [p['@_name'], p['@_value']]));
    expect(props).toMatchObject({
      'ruleset.sha256': report.ruleset.sha256,
      'manifest.sha256': report.manifest.sha256,
      asOf: '2026-11-29',
      verdict: 'fail',
    });
  });

  it('escapes every text the report holds, titles and properties included', () => {
    const evil: Report = canonicalReport('en');
    evil.product = { name: 'Cardio"<Suivi>" & co', version: '4.2\u0000', manufacturer: "O'Neil ]]> SAS" };
    evil.requirements[1]!.title = 'Title with <b>tags</b> & "quotes"\nand a line break';
    evil.requirements[0]!.statement!.justification = 'Multi-line\njustification with ]]> and <tags> & "quotes"';
    const out = junitFormatter.format(evil, canonicalContext('en'));
    const s = parse(out).suites[0]!;
    const props = Object.fromEntries(s.properties[0]!.property.map((p) => [p['@_name'], p['@_value']]));
    expect(props.product).toBe('Cardio"<Suivi>" & co 4.2');
    expect(props.manufacturer).toBe("O'Neil ]]> SAS");
    expect(s.testcase[1]!['@_name']).toBe('IEU 7 — Title with <b>tags</b> & "quotes"\nand a line break');
    expect(s.testcase[0]!.skipped![0]!['@_message']).toBe('Multi-line\njustification with ]]> and <tags> & "quotes"');
  });
});
