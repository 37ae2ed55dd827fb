import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/diagnostics/ajv.js';
import type { Report } from '../../src/report/report.js';
import { sarifFormatter } from '../../src/formatters/sarif.js';
import { canonicalContext, canonicalReport, RULESET } from './canonical-report.js';

/*
 * The official SARIF 2.1.0 schema, as Microsoft's SARIF SDK ships it in @microsoft/jest-sarif
 * (`sarif-2.1.0-rtm.5.json`): its constraints are those of the OASIS Standard's
 * `sarif-schema-2.1.0.json` (only descriptions and the header differ). The header names draft-04
 * with an `id`; nothing in the body differs between draft-04 and draft-07 (no boolean
 * exclusiveMinimum), so the header is dropped and ajv reads the rest as draft-07. Its `language`
 * pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, fixed in the 2023 errata) is not a valid
 * regular expression in Unicode mode, so patterns are compiled without the `u` flag, as ECMA-262
 * reads them by default.
 */
const require = createRequire(import.meta.url);
// The schema's own `$schema` (draft-04) and `id` are left out: ajv compiles it as draft-07.
const sarifSchema = Object.fromEntries(Object.entries(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>).filter(([k]) => k !== '$schema' && k !== 'id'));
const validate = createAjv({ unicodeRegExp: false }).compile(sarifSchema);

/** A SARIF log read back from JSON, navigated freely by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions navigate the parsed log freely
type Json = any;

function sarif(report: Report, lang: 'en' | 'fr' = 'en'): Json {
  return JSON.parse(sarifFormatter.format(report, canonicalContext(lang)));
}

function errorsOf(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Every object in a JSON tree that has the given key. */
function allWith(node: Json, key: string, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => allWith(n, key, out));
  else if (node && typeof node === 'object') {
    if (key in node) out.push(node);
    Object.values(node).forEach((n) => allWith(n, key, out));
  }
  return out;
}

describe('sarif formatter: validity', () => {
  it.each(['en', 'fr'] as const)('validates against the SARIF 2.1.0 schema (%s)', (lang) => {
    expect(errorsOf(sarif(canonicalReport(lang), lang))).toEqual([]);
  });

  // The validator must catch real mistakes, or the test above proves nothing.
  it.each<[string, (log: Json) => void]>([
    ['a wrong version', (log) => (log.version = '2.0.0')],
    ['an unknown result level', (log) => (log.runs[0].results[1].level = 'fatal')],
    ['a line number below 1', (log) => (log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0)],
    ['an unknown suppression kind', (log) => (log.runs[0].results[0].suppressions[0].kind = 'sworn')],
    ['a result without a message', (log) => delete log.runs[0].results[1].message],
    ['a rule without an id', (log) => delete log.runs[0].tool.driver.rules[0].id],
    ['a misspelt property', (log) => (log.runs[0].results[1].rule_id = 'IEU 8')],
    ['a URI with a space', (log) => (log.runs[0].artifacts[0].location.uri = 'my dossier/dmn-evidence.yaml')],
  ])('the schema rejects %s', (_label, spoil) => {
    const log = sarif(canonicalReport());
    spoil(log);
    expect(errorsOf(log)).not.toEqual([]);
  });

  it('gives every region a start line (required by the 2023 errata of the schema)', () => {
    const regions = allWith(sarif(canonicalReport()), 'startColumn');
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) expect(r.startLine).toBeGreaterThanOrEqual(1);
  });
});

describe('sarif formatter: content', () => {
  const report = canonicalReport('en');
  const log = sarif(report);
  const run = log.runs[0];

  it('declares one rule per requirement with the official id, title, statement and slot expectations', () => {
    const rules = run.tool.driver.rules;
    expect(rules.map((r: Json) => r.id)).toEqual([...report.requirements.map((r) => r.id), 'dossier']);
    const ieu8 = rules[2];
    const def = RULESET.requirements.find((r) => r.id === 'IEU 8')!;
    expect(ieu8.name).toBe('TheUsersINSIsLookedUpWhenIdentificationYieldsOnlyAPrivateIdentifier');
    expect(ieu8.shortDescription.text).toBe(report.requirements[2]!.title);
    expect(ieu8.fullDescription.text).toBe(def.statement.en);
    for (const slot of def.slots) {
      expect(ieu8.help.text).toContain(`${slot.name} (`);
      expect(ieu8.help.text).toContain(slot.expects.en);
    }
    expect(rules[3].properties.mandatorySince).toBe('2022-06-01');
  });

  it('locates a finding at the manifest line and column it carries, relative to %SRCROOT%', () => {
    const mismatch = run.results.find((r: Json) => r.properties.code === 'file.hash-mismatch');
    expect(mismatch).toMatchObject({
      ruleId: 'IEU 8',
      ruleIndex: 2,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'dmn-evidence.yaml', uriBaseId: '%SRCROOT%', index: 0 },
            region: { startLine: 21, startColumn: 46 },
          },
        },
      ],
    });
    expect(mismatch.message.text).toContain(report.requirements[2]!.findings[0]!.hint);
  });

  it.each([
    ['file.hash-mismatch', 'error'],
    ['slot.missing', 'error'],
    ['check.crashed', 'error'],
    ['document.topic-missing', 'warning'],
    ['ins.production-oid', 'warning'],
  ])('maps the severity of %s to level %s', (code, level) => {
    expect(run.results.find((r: Json) => r.properties.code === code).level).toBe(level);
  });

  it('carries a not-applicable requirement as a suppressed result with the justification and the signatory', () => {
    const na = run.results.filter((r: Json) => r.ruleId === 'IEU 2');
    expect(na).toHaveLength(1);
    expect(na[0]).toMatchObject({ kind: 'notApplicable', level: 'none' });
    expect(na[0].suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: `${report.requirements[0]!.statement!.justification} — Jeanne Martin (Présidente), signed on 2026-10-02, expires on 2027-10-02`,
      },
    ]);
  });

  it('reports nothing for a satisfied requirement without findings', () => {
    expect(run.results.filter((r: Json) => r.ruleId === 'IEU 7')).toEqual([]);
  });

  it('lists every file the report names as an artifact with its SHA-256, size and kind', () => {
    const artifacts = run.artifacts;
    expect(artifacts[0]).toMatchObject({ location: { uri: 'dmn-evidence.yaml' }, hashes: { 'sha-256': report.manifest.sha256 } });
    const flow = artifacts.find((a: Json) => a.location.uri === 'evidence/ieu8/creation.hl7');
    const file = report.requirements[2]!.slots[0]!.files[0]!;
    expect(flow).toMatchObject({ length: file.bytes, mimeType: file.kind, hashes: { 'sha-256': file.sha256 }, properties: { expectedSha256: file.expectedSha256 } });
    expect(artifacts.find((a: Json) => a.location.uri === 'statements/ieu2-signed.pdf')).toBeDefined();
  });

  it('writes paths relative to the folder the manifest path is relative to, percent-encoded', () => {
    const moved = canonicalReport('en');
    moved.manifest.path = 'dossiers/cardio suivi/dmn-evidence.yaml';
    moved.requirements[2]!.slots[0]!.files[0]!.path = 'evidence/ieu8/création #1.hl7';
    const out = sarif(moved);
    expect(errorsOf(out)).toEqual([]);
    const uris = out.runs[0].artifacts.map((a: Json) => a.location.uri);
    expect(uris).toContain('dossiers/cardio%20suivi/dmn-evidence.yaml');
    expect(uris).toContain('dossiers/cardio%20suivi/evidence/ieu8/cr%C3%A9ation%20%231.hl7');
    const mismatch = out.runs[0].results.find((r: Json) => r.properties.code === 'file.hash-mismatch');
    expect(mismatch.locations[0].physicalLocation.artifactLocation.uri).toBe('dossiers/cardio%20suivi/dmn-evidence.yaml');
  });

  it('keeps a FHIR URL as an absolute URI without a base', () => {
    const fhir = canonicalReport('en');
    fhir.requirements[2]!.slots[0]!.files[0]!.path = 'https://fhir.example.test/fhir/Patient/123';
    const out = sarif(fhir);
    expect(errorsOf(out)).toEqual([]);
    expect(out.runs[0].artifacts).toContainEqual(expect.objectContaining({ location: { uri: 'https://fhir.example.test/fhir/Patient/123' } }));
  });

  it('says which language its texts are in', () => {
    expect(run.language).toBe('en');
    expect(sarif(canonicalReport('fr'), 'fr').runs[0].language).toBe('fr');
  });
});
