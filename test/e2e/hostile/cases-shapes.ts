// Round two of the hostile corpus (issue 12, items 13 and 14): shapes that are quadratic or
// unbounded to read — deep nesting, wide objects, long headers, uniqueItems over many objects — as
// export samples, and a custom ruleset's FHIRPath pattern that backtracks.
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { HostileCase } from './cases.js';

/** The complete dossier's PORT 1 export sample replaced by `name`, written by `write` (a path in the dossier). */
function exportSample(dir: string, name: string, write: (file: string) => void): void {
  const manifest = path.join(dir, 'dmn-evidence.yaml');
  const text = readFileSync(manifest, 'utf8');
  if (!text.includes('export-sample: evidence/port1/export.json')) throw new Error('the complete dossier no longer names evidence/port1/export.json');
  write(path.join(dir, 'evidence', 'port1', name));
  writeFileSync(manifest, text.replace('export-sample: evidence/port1/export.json', `export-sample: evidence/port1/${name}`));
}

/** Writes `parts` to `file` one after the other (never the whole file in memory). */
function writeParts(file: string, parts: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    for (const p of parts) writeSync(fd, p);
  } finally {
    closeSync(fd);
  }
}

/** A ruleset extending the bundled one with X 1, whose slot judges FHIR resources with one FHIRPath rule. */
function fhirpathRuleset(expression: string): string {
  return [
    'dmn-ruleset: 1',
    'id: custom',
    'version: "1"',
    'title: { en: Custom, fr: Personnalisé }',
    'extends: ans-dmn@1.2.2',
    'requirements:',
    '  - id: X 1',
    '    section: X',
    '    title: { en: T, fr: T }',
    '    statement: { en: S, fr: S }',
    '    slots:',
    '      - name: sample',
    '        title: { en: T, fr: T }',
    '        expects: { en: E, fr: E }',
    '        accepts: [fhir-json, fhir-ndjson]',
    '        checks:',
    '          - check: fhirpath',
    '            options:',
    '              resource_type: Observation',
    '              rules:',
    `                - expression: ${JSON.stringify(expression)}`,
    '                  message_en: the value is made of a',
    '                  message_fr: la valeur est faite de a',
    '',
  ].join('\n');
}

function* repeat(s: string, n: number): Generator<string> {
  const block = s.repeat(Math.min(n, 100_000));
  for (let i = 0; i < n; i += 100_000) yield i + 100_000 <= n ? block : s.repeat(n - i);
}

function* keys(n: number): Generator<string> {
  for (let i = 0; i < n; i += 100_000) yield Array.from({ length: Math.min(100_000, n - i) }, (_, k) => `${i + k ? ',' : ''}"k${i + k}":1`).join('');
}

export const SHAPE_CASES: HostileCase[] = [
  {
    input: 'an export sample nested 3,000,000 levels deep (6 MB of `[`, then `]`)',
    child: true,
    prepare: (dir) => exportSample(dir, 'deep.json', (f) => writeParts(f, [...repeat('[', 3_000_000), ...repeat(']', 3_000_000)])),
    exit: 1,
    finding: 'export.syntax',
    says: /^PORT 1 export-sample: failed — evidence\/port1\/deep\.json does not read as a JSON document at line 1:129: nested more than 128 levels deep\.$/,
  },
  {
    input: 'an XML export sample nested 100,000 elements deep',
    child: true,
    prepare: (dir) => exportSample(dir, 'deep.xml', (f) => writeParts(f, ['<?xml version="1.0" encoding="UTF-8"?>\n', ...repeat('<a>', 100_000), ...repeat('</a>', 100_000), '\n'])),
    exit: 1,
    finding: 'export.syntax',
    says: /^PORT 1 export-sample: failed — evidence\/port1\/deep\.xml does not read as XML at line 2:385: nested more than 128 levels deep\.$/,
  },
  {
    input: 'an export object with 3,000,000 keys',
    child: true,
    prepare: (dir) => {
      const file = path.join(dir, 'evidence', 'port1', 'export.json');
      const text = readFileSync(file, 'utf8').trimEnd();
      writeParts(file, [text.slice(0, -1), ',"padding":{', ...keys(3_000_000), '}}']);
    },
    exit: 1,
    finding: 'export.schema.skeleton-skipped',
    says: /^PORT 1 export-schema: error — evidence\/port1\/export\.json: the outer structure of the document \(what is not a record\) has an object of more than 10,000 members and was not validated against the schema; only its records were\.$/,
  },
  {
    input: 'a CSV export sample whose header has 1,500,000 columns',
    child: true,
    prepare: (dir) =>
      exportSample(dir, 'wide.csv', (f) => writeParts(f, [Array.from({ length: 1_500_000 }, (_, i) => `c${i}`).join(','), '\n', Array.from({ length: 1_500_000 }, () => '1').join(','), '\n'])),
    exit: 1,
    finding: 'export.syntax',
    says: /^PORT 1 export-sample: failed — evidence\/port1\/wide\.csv does not read as CSV \(delimiter ","\) at line 1: more than 10,000 columns\.$/,
  },
  {
    input: 'a schema `uniqueItems` over 30,000 objects',
    child: true,
    prepare: (dir) => {
      const schemaFile = path.join(dir, 'evidence', 'port1', 'schema.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { properties: { export: { properties: Record<string, unknown> } } };
      schema.properties.export.properties.tags = { type: 'array', uniqueItems: true };
      writeFileSync(schemaFile, JSON.stringify(schema));
      const file = path.join(dir, 'evidence', 'port1', 'export.json');
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { export: Record<string, unknown> };
      // all different, in their last key only: every pair has to be told apart
      doc.export.tags = Array.from({ length: 30_000 }, (_, i) => ({ a: 1, b: [2, 3], c: 'x', id: i }));
      writeFileSync(file, JSON.stringify(doc));
    },
    exit: 0,
    says: /^accepted; the report is the one of the same manifest without it$/,
  },
  {
    input: "a custom ruleset's FHIRPath `matches('^(a+)+$')` on 40 a and a b",
    child: true,
    prepare: (dir) => {
      writeFileSync(path.join(dir, 'rules.yaml'), fhirpathRuleset("valueString.matches('^(a+)+$')"));
      mkdirSync(path.join(dir, 'evidence', 'x'));
      writeFileSync(path.join(dir, 'evidence', 'x', 'obs.ndjson'), `${JSON.stringify({ resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'x' }, valueString: `${'a'.repeat(40)}b` })}\n`);
      const manifest = path.join(dir, 'dmn-evidence.yaml');
      writeFileSync(manifest, `${readFileSync(manifest, 'utf8').replace('ruleset: ans-dmn@1.2.2', 'ruleset: custom@1')}  X 1:\n    sample: evidence/x/obs.ndjson\n`);
      return { args: ['--rules', 'rules.yaml'] };
    },
    exit: 1,
    finding: 'fhirpath.rule-failed',
    says: /^X 1 sample: failed — Observation\/o1: the value is made of a \(rule 1: valueString\.matches\('\^\(a\+\)\+\$'\)\)$/,
  },
];
