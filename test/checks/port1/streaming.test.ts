import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseExport, type ExportAnalysis } from '../../../src/checks/port1/analysis/analyse.js';
import { codes, open, runPort1 } from './helpers.js';

const CHUNK = 1024 * 1024;
let dir: string;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'dmn-exports-')));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

/** Pads `text` so that the first `é` of `marker` starts on the last byte of a 1 MiB chunk. */
function straddle(before: string, marker: string): string {
  const at = Buffer.byteLength(before) + Buffer.byteLength(marker.slice(0, marker.indexOf('é')));
  const pad = (CHUNK - 1 - (at % CHUNK) + CHUNK) % CHUNK;
  return ' '.repeat(pad);
}

function observation(i: number, value: unknown = 60 + (i % 40)): string {
  return JSON.stringify({
    resourceType: 'Observation',
    id: `obs-${i}`,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Fréquence cardiaque' }] },
    subject: { reference: `Patient/pat-${i % 100}` },
    valueQuantity: { value, unit: '/min' },
    note: [{ text: 'mesure à domicile — patient au repos ✓' }],
  });
}

const OBSERVATION_SCHEMA = JSON.stringify({
  type: 'object',
  required: ['resourceType', 'id', 'valueQuantity'],
  properties: { resourceType: { const: 'Observation' }, valueQuantity: { type: 'object', properties: { value: { type: 'number' } } } },
});

describe('NDJSON, read in 1 MiB chunks', () => {
  it('splits records across chunk edges, keeps characters cut by an edge, counts lines and records', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 6000; i++) lines.push(i === 3500 ? observation(i, 'soixante') : observation(i));
    lines[4800] = '{"resourceType": "Observation", "id": "obs-4800", "valueQuantity": {"value": 1,}}';
    let text = `\ufeff${lines.slice(0, 1000).join('\r\n')}\r\n`;
    // A record whose accented character starts on the last byte of the first chunk.
    const marker = observation(1000).replace('Fréquence', 'Fréquence');
    text += `${straddle(text, marker)}${marker}\r\n`;
    text += `${lines.slice(1001).join('\r\n')}\r\n`;
    write('obs.ndjson', text);
    write('obs.schema.json', OBSERVATION_SCHEMA);
    const r = await runPort1({ sample: ['obs.ndjson'], schema: 'obs.schema.json' }, dir);
    expect(r.sample.findings.find((f) => f.code === 'export.format')?.params).toMatchObject({ format: 'fhir-ndjson', records: 6000 });
    expect(codes(r.sample, 'error')).toEqual(['export.syntax']);
    // Line 1001 holds the padded marker record: record and line numbers stay equal.
    expect(r.sample.findings.find((f) => f.code === 'export.syntax')).toMatchObject({ line: 4801, record: 4801, column: 80 });
    const v = r.schema!.findings.filter((f) => f.code === 'export.schema.violation');
    expect(v.map((f) => [f.record, f.line, f.pointer, f.params?.keyword])).toEqual([[3501, 3501, '/valueQuantity/value', 'type']]);
    expect(JSON.stringify(r.schema!.findings)).not.toContain('soixante');
  });

  it('hashes the file in the same pass (no second read)', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) => observation(i)).join('\n');
    write('hash.ndjson', lines);
    const file = await open('hash.ndjson', dir);
    await analyseExport({ sample: [file] });
    unlinkSync(path.join(dir, 'hash.ndjson'));
    // A second read would fail now that the file is gone.
    expect(await file.sha256()).toBe(createHash('sha256').update(lines).digest('hex'));
  });
});

function patient(i: number, measures: number, bad = false): string {
  const m = Array.from({ length: measures }, (_, k) => ({ date: '2026-10-01T08:00:00+02:00', loinc: '29463-7', value: bad && k === 1 ? 'lourd' : 60 + (k % 30), unit: 'kg' }));
  return JSON.stringify({
    id: `pat-${String(i).padStart(5, '0')}`,
    identity: { ins: { matricule: '279035121518989', oid: '1.2.250.1.213.1.4.10' }, birth_name: 'TESTFICTIF', first_given_name: 'ÉLOÏSE' },
    measures: m,
    correspondents: [{ role: 'general_practitioner', name: 'Dr Généraliste FICTIF' }],
  });
}

const DOCUMENT_SCHEMA = JSON.stringify({
  type: 'object',
  required: ['export', 'patients'],
  properties: {
    version: { type: 'integer' },
    export: { type: 'object', properties: { generated_at: { type: 'string', format: 'date-time' } } },
    patients: { type: 'array', minItems: 1, items: { $ref: '#/definitions/patient' } },
  },
  definitions: {
    patient: {
      type: 'object',
      required: ['id', 'measures'],
      properties: { measures: { type: 'array', items: { type: 'object', required: ['value'], properties: { value: { type: 'number' } } } } },
    },
  },
});

const DOCUMENT_DICTIONARY = `dmn-data-dictionary: 1
items:
  - { name: export, description: Export header., category: technical, location: [{ pointer: /export }, { pointer: /version }] }
  - { name: id, description: Patient id., category: identity, location: [{ pointer: /patients/*/id }, { pointer: /patients/*/identity }] }
  - { name: measure, description: Measures., category: health_data, location: { pointer: /patients/*/measures } }
  - { name: correspondent, description: Correspondents., category: correspondents, location: { pointer: /patients/*/correspondents } }
`;

/** A document of about 7 MB (larger than a unit plus a chunk, so it is opened), one patient per line. */
function bigDocument(badPatient: number, generatedAt = '2026-11-02T09:30:00+01:00', version: unknown = 1): string {
  const head = `{\n"export": {"generated_at": "${generatedAt}"}, "version": ${JSON.stringify(version)},\n"patients": [\n`;
  const items: string[] = [];
  for (let i = 0; i < 6000; i++) items.push(patient(i, 12, i === badPatient));
  return `${head}${items.join(',\n')}\n]\n}\n`;
}

describe('one JSON document larger than a unit', () => {
  it('validates each record against the schema part that applies, with pointers and lines', async () => {
    write('doc.json', bigDocument(3000, 'hier', 'un'));
    write('doc.schema.json', DOCUMENT_SCHEMA);
    write('doc.dictionary.yaml', DOCUMENT_DICTIONARY);
    const r = await runPort1({ sample: ['doc.json'], schema: 'doc.schema.json', dictionary: 'doc.dictionary.yaml' }, dir);
    expect(codes(r.sample, 'error')).toEqual([]);
    expect(codes(r.dictionary)).toEqual([]);
    const v = r.schema!.findings.filter((f) => f.code === 'export.schema.violation');
    // Line: 3 lines of header, then one patient per line.
    // `/export` is a unit of its own (line 2); the patients array is opened, each patient a unit;
    // `version` stays in the skeleton, validated last against the whole schema (minItems is not judged there).
    expect(v.map((f) => [f.pointer, f.line, f.params?.keyword])).toEqual([
      ['/export/generated_at', 2, 'format'],
      ['/patients/3000/measures/1/value', 3004, 'type'],
      ['/version', undefined, 'type'],
    ]);
  });

  it('gives the line of a syntax error inside a record and the end of a truncated document', async () => {
    const doc = bigDocument(-1);
    const lines = doc.split('\n');
    lines[2503] = lines[2503]!.replace('"unit":"kg"', '"unit":kg');
    write('broken.json', lines.join('\n'));
    const broken = await runPort1({ sample: ['broken.json'] }, dir);
    expect(broken.sample.findings.find((f) => f.code === 'export.syntax')).toMatchObject({ line: 2504, pointer: '/patients/2500', params: { reason: 'unexpected-character' } });

    const cut = doc.slice(0, Math.floor(doc.length * 0.7));
    write('cut.json', cut);
    const truncated = await runPort1({ sample: ['cut.json'] }, dir);
    expect(truncated.sample.findings.find((f) => f.code === 'export.syntax')).toMatchObject({ line: cut.split('\n').length, params: { reason: 'unexpected-end' } });
  });

  it('opens a single record larger than a unit and still points into it', async () => {
    const huge = patient(7, 70_000, true);
    write('huge.json', `{"export": {}, "patients": [${patient(0, 3)}, ${huge}]}`);
    write('doc.schema.json', DOCUMENT_SCHEMA);
    const r = await runPort1({ sample: ['huge.json'], schema: 'doc.schema.json' }, dir);
    expect(r.schema!.findings.filter((f) => f.code === 'export.schema.violation').map((f) => f.pointer)).toEqual(['/patients/1/measures/1/value']);
  });

  it('reports records it could not validate when the schema chooses their shape above them', async () => {
    write('doc.json', bigDocument(-1));
    write('oneof.schema.json', JSON.stringify({ oneOf: [{ type: 'object', properties: { patients: { type: 'array' } } }, { type: 'array' }] }));
    const r = await runPort1({ sample: ['doc.json'], schema: 'oneof.schema.json' }, dir);
    const notSplit = r.schema!.findings.filter((f) => f.code === 'export.schema.not-split');
    expect(notSplit.map((f) => [f.severity, f.params?.pattern])).toEqual([
      ['warning', '/export'],
      ['warning', '/patients/*'],
    ]);
  });
});

describe('CSV and XML read in chunks', () => {
  it('reads quoted multi-line fields across chunk edges and places a ragged row', async () => {
    const rows = ['\ufeffid;date;note'];
    for (let i = 0; i < 40_000; i++) rows.push(i % 7 === 0 ? `p${i};2026-10-01;"ligne 1; suite\r\n""ligne"" 2 é"` : `p${i};2026-10-01;café ✓`);
    rows.push('p-last;2026-10-02');
    write('big.csv', `${rows.join('\r\n')}\r\n`);
    const r = await runPort1({ sample: ['big.csv'] }, dir);
    expect(r.sample.findings.find((f) => f.code === 'export.format')?.params).toMatchObject({ records: 40_001, delimiter: ';' });
    const ragged = r.sample.findings.filter((f) => f.code === 'export.csv-ragged');
    // Each quoted note spans two lines: 5715 of them before the last row.
    expect(ragged.map((f) => [f.record, f.line])).toEqual([[40_001, 40_002 + Math.ceil(40_000 / 7)]]);
  });

  it('checks a large XML document and places a mismatched tag', async () => {
    const parts = ['<?xml version="1.0"?>\n<export>'];
    for (let i = 0; i < 20_000; i++) parts.push(`  <measure loinc="29463-7" unit="kg">${60 + (i % 30)}</measure><note>été &amp; hiver</note>`);
    parts.push('  <patient><name>x</nom></patient>', '</export>');
    write('big.xml', parts.join('\n'));
    const r = await runPort1({ sample: ['big.xml'] }, dir);
    expect(r.sample.findings.find((f) => f.code === 'export.syntax')).toMatchObject({ line: 20_003, column: 19, params: { reason: 'mismatched-tag' } });
  });
});

describe('worker threads', () => {
  const worker = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/checks/port1/analysis/record-worker.js');

  function summary(a: ExportAnalysis) {
    return a.files.map((f) => ({
      records: f.records,
      problems: f.problems,
      violations: f.violations,
      violationCount: f.violationCount,
      leaves: f.leaves.map((l) => `${l.path} ${l.scoped}`).sort(),
    }));
  }

  it('give the same findings as inline processing (needs `npm run build`)', async () => {
    expect(existsSync(worker), 'dist/checks/port1/analysis/record-worker.js: run `npm run build` first').toBe(true);
    const lines = Array.from({ length: 9000 }, (_, i) => (i % 1000 === 7 ? observation(i, 'x') : observation(i)));
    write('w.ndjson', `${lines.join('\n')}\n`);
    write('w.json', bigDocument(1234));
    write('obs.schema.json', OBSERVATION_SCHEMA);
    write('doc.schema.json', DOCUMENT_SCHEMA);
    write('doc.dictionary.yaml', DOCUMENT_DICTIONARY);
    for (const [sample, schema] of [
      ['w.ndjson', 'obs.schema.json'],
      ['w.json', 'doc.schema.json'],
    ] as const) {
      const files = async () => ({ sample: [await open(sample, dir)], schema: await open(schema, dir), dictionary: await open('doc.dictionary.yaml', dir) });
      const inline = await analyseExport({ ...(await files()), workers: 0 });
      const threaded = await analyseExport({ ...(await files()), workers: 2, workerUrl: pathToFileURL(worker) });
      expect(summary(threaded)).toEqual(summary(inline));
      expect(inline.files[0]!.violationCount).toBeGreaterThan(0);
    }
  });
});
