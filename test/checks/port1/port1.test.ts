import { createMemo } from '../../../src/checks/memo.js';
import { describe, expect, it } from 'vitest';
import { codes, messages, runPort1, status, type Port1Files } from './helpers.js';

/** What must never appear in a finding: the fixtures' matricules INS, birth names and birth dates. */
const SECRETS = ['279035121518989', '184061234567801', 'TESTFICTIF', 'EXEMPLE', '1979-03-14', '1984-06-02'];

interface Case {
  name: string;
  files: Port1Files;
  sample: 'satisfied' | 'failed';
  dictionary?: 'satisfied' | 'failed';
  schema?: 'satisfied' | 'failed';
  /** Codes that must be among the findings, per slot. */
  expect?: Partial<Record<'sample' | 'dictionary' | 'schema', string[]>>;
}

const CASES: Case[] = [
  {
    name: 'good JSON export with dictionary and schema',
    files: { sample: ['json/export.json'], dictionary: 'json/dictionary.yaml', schema: 'json/schema.json' },
    sample: 'satisfied',
    dictionary: 'satisfied',
    schema: 'satisfied',
  },
  {
    name: 'CSV export (";", BOM, CRLF, quoted multi-line field) with dictionary',
    files: { sample: ['csv/patients.csv', 'csv/measures.csv', 'csv/correspondents.csv'], dictionary: 'csv/dictionary.yaml' },
    sample: 'satisfied',
    dictionary: 'satisfied',
  },
  {
    name: 'FHIR NDJSON export with a JSON dictionary and schema',
    files: { sample: ['ndjson/export.ndjson'], dictionary: 'ndjson/dictionary.json', schema: 'ndjson/schema.json' },
    sample: 'satisfied',
    dictionary: 'satisfied',
    schema: 'satisfied',
  },
  {
    name: 'XML export with an XPath dictionary',
    files: { sample: ['xml/export.xml'], dictionary: 'xml/dictionary.yaml' },
    sample: 'satisfied',
    dictionary: 'satisfied',
  },
  {
    name: 'export without a dictionary: satisfied, with a warning',
    files: { sample: ['json/export.json'] },
    sample: 'satisfied',
    expect: { sample: ['export.locations-not-verified'] },
  },
  { name: 'SQL dump', files: { sample: ['dumps/dump.sql'] }, sample: 'failed', expect: { sample: ['export.database-dump'] } },
  { name: 'SQLite file', files: { sample: ['dumps/export.sqlite'] }, sample: 'failed', expect: { sample: ['export.database-dump'] } },
  { name: 'pg_dump custom archive', files: { sample: ['dumps/cardiosuivi.backup'] }, sample: 'failed', expect: { sample: ['export.database-dump'] } },
  {
    name: 'export without correspondents',
    files: { sample: ['no-correspondents/export.json'], dictionary: 'no-correspondents/dictionary.yaml' },
    sample: 'satisfied',
    dictionary: 'failed',
    expect: { dictionary: ['export.dictionary.category-missing'] },
  },
  { name: 'truncated JSON', files: { sample: ['bad/truncated.json'] }, sample: 'failed', expect: { sample: ['export.syntax'] } },
  { name: 'CSV with a ragged row', files: { sample: ['bad/ragged.csv'] }, sample: 'failed', expect: { sample: ['export.csv-ragged'] } },
  { name: 'invalid UTF-8', files: { sample: ['bad/invalid-utf8.json'] }, sample: 'failed', expect: { sample: ['export.encoding'] } },
  { name: 'export of 0 bytes', files: { sample: ['bad/empty.json'] }, sample: 'failed', expect: { sample: ['export.empty'] } },
  { name: 'CSV with a header and no row', files: { sample: ['bad/header-only.csv'] }, sample: 'failed', expect: { sample: ['export.no-records'] } },
  { name: 'binary blob', files: { sample: ['bad/blob.bin'] }, sample: 'failed', expect: { sample: ['export.binary'] } },
  { name: 'a PDF given as export', files: { sample: ['bad/document.pdf'] }, sample: 'failed', expect: { sample: ['export.not-export'] } },
  {
    name: 'dictionary pointing at nothing',
    files: { sample: ['json/export.json'], dictionary: 'bad/dictionary-dangling.yaml' },
    sample: 'satisfied',
    dictionary: 'failed',
    expect: { dictionary: ['export.dictionary.item-not-found', 'export.dictionary.undocumented'] },
  },
  {
    name: 'malformed dictionary',
    files: { sample: ['json/export.json'], dictionary: 'bad/dictionary-malformed.yaml' },
    sample: 'satisfied',
    dictionary: 'failed',
    expect: { dictionary: ['export.dictionary.invalid'] },
  },
  {
    name: "manufacturer's schema that is not JSON Schema: failed, not exit 2",
    files: { sample: ['json/export.json'], schema: 'bad/schema-invalid.json' },
    sample: 'satisfied',
    schema: 'failed',
    expect: { schema: ['export.schema.invalid'] },
  },
  {
    name: "manufacturer's schema that is not JSON",
    files: { sample: ['json/export.json'], schema: 'bad/schema-not-json.json' },
    sample: 'satisfied',
    schema: 'failed',
    expect: { schema: ['export.schema.invalid'] },
  },
  {
    name: "manufacturer's schema with a format no validator knows: a warning, nothing on the console",
    files: { sample: ['json/export.json'], schema: 'bad/schema-unknown-format.json' },
    sample: 'satisfied',
    schema: 'satisfied',
    expect: { schema: ['export.schema.format-unknown'] },
  },
  {
    name: 'schema given for a CSV export only',
    files: { sample: ['bad/ragged.csv'], schema: 'json/schema.json' },
    sample: 'failed',
    schema: 'satisfied',
    expect: { schema: ['export.schema.not-applicable'] },
  },
];

describe('PORT 1 export checks on the fixtures', () => {
  it.each(CASES)('$name', async (c) => {
    const r = await runPort1(c.files);
    expect(status(r.sample)).toBe(c.sample);
    if (c.files.dictionary) expect(status(r.dictionary)).toBe(c.dictionary);
    if (c.files.schema) expect(status(r.schema)).toBe(c.schema);
    for (const slot of ['sample', 'dictionary', 'schema'] as const) {
      for (const code of c.expect?.[slot] ?? []) expect(codes(r[slot])).toContain(code);
    }
    // Every finding is worded in both languages, and none leaks a patient's identity.
    const text = [...messages(r.sample), ...messages(r.dictionary), ...messages(r.schema)].join('\n');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    for (const f of [...r.sample.findings, ...(r.dictionary?.findings ?? []), ...(r.schema?.findings ?? [])]) {
      expect(JSON.stringify(f)).not.toMatch(/279035121518989|184061234567801|TESTFICTIF/);
    }
  });
});

describe('export-sample places and reasons', () => {
  it('names each database dump with the FAQ reason', async () => {
    const r = await runPort1({ sample: ['dumps/dump.sql', 'dumps/export.sqlite', 'dumps/cardiosuivi.backup'] });
    const dumps = r.sample.findings.filter((f) => f.code === 'export.database-dump');
    expect(dumps.map((f) => [f.file, f.params?.dump, f.severity])).toEqual([
      ['dumps/dump.sql', 'sql', 'error'],
      ['dumps/export.sqlite', 'sqlite', 'error'],
      ['dumps/cardiosuivi.backup', 'pg-dump', 'error'],
    ]);
    const [en] = messages({ findings: [dumps[0]!] });
    expect(en).toMatch(/FAQ/);
  });

  it('gives the line where a truncated document ends', async () => {
    const r = await runPort1({ sample: ['bad/truncated.json'] });
    const f = r.sample.findings.find((x) => x.code === 'export.syntax')!;
    expect(f).toMatchObject({ file: 'bad/truncated.json', line: 21, params: { reason: 'unexpected-end' } });
  });

  it('gives the row and line of a ragged CSV row', async () => {
    const r = await runPort1({ sample: ['bad/ragged.csv'] });
    const f = r.sample.findings.find((x) => x.code === 'export.csv-ragged')!;
    expect(f).toMatchObject({ line: 3, record: 2, params: { expected: 5, got: 4 } });
  });

  it('gives the line and column of an invalid UTF-8 byte', async () => {
    const r = await runPort1({ sample: ['bad/invalid-utf8.json'] });
    const f = r.sample.findings.find((x) => x.code === 'export.encoding')!;
    expect(f).toMatchObject({ line: 2, column: 56 });
  });

  it('reports the format read and the record counts', async () => {
    const r = await runPort1({ sample: ['csv/measures.csv', 'ndjson/export.ndjson', 'xml/export.xml', 'json/export.json'] });
    const formats = r.sample.findings.filter((f) => f.code === 'export.format').map((f) => f.params);
    expect(formats).toEqual([
      { file: 'csv/measures.csv', format: 'csv', records: 4, delimiter: ';' },
      { file: 'ndjson/export.ndjson', format: 'fhir-ndjson', records: 8 },
      { file: 'xml/export.xml', format: 'xml', records: 16 },
      { file: 'json/export.json', format: 'json' },
    ]);
  });
});

describe('export-dictionary', () => {
  it('names the dictionary items that point at nothing, with their line in the dictionary', async () => {
    const r = await runPort1({ sample: ['json/export.json'], dictionary: 'bad/dictionary-dangling.yaml' });
    const missing = r.dictionary!.findings.filter((f) => f.code === 'export.dictionary.item-not-found');
    expect(missing.map((f) => [f.params?.name, f.params?.reason, f.line])).toEqual([
      ['weight_trend', 'empty', 7],
      ['correspondent', 'no-file', 11],
    ]);
  });

  it('lists exported places that no item locates, capped at 20', async () => {
    const r = await runPort1({ sample: ['json/export.json'], dictionary: 'bad/dictionary-dangling.yaml' });
    const undocumented = r.dictionary!.findings.filter((f) => f.code === 'export.dictionary.undocumented');
    expect(undocumented.length).toBe(20);
    expect(undocumented.every((f) => f.severity === 'warning')).toBe(true);
    expect(undocumented.map((f) => f.pointer)).toContain('/patients/*/identity/ins/matricule');
    expect(codes(r.dictionary)).toContain('export.dictionary.undocumented-more');
  });

  it('points at each problem of a malformed dictionary', async () => {
    const r = await runPort1({ sample: ['json/export.json'], dictionary: 'bad/dictionary-malformed.yaml' });
    const f = r.dictionary!.findings.filter((x) => x.code === 'export.dictionary.invalid');
    expect(f[0]).toMatchObject({ line: 5, params: { subject: 'items[0].category' } });
  });

  it('without a sample, says the dictionary was not verified', async () => {
    const r = await runPort1({ sample: [], dictionary: 'json/dictionary.yaml' });
    expect(codes(r.dictionary, 'warning')).toEqual(['export.dictionary.not-verified']);
  });

  it('does not call items missing when the sample could not be read in full', async () => {
    const r = await runPort1({ sample: ['bad/truncated.json'], dictionary: 'json/dictionary.yaml' });
    expect(codes(r.dictionary)).not.toContain('export.dictionary.item-not-found');
    expect(codes(r.dictionary)).toContain('export.dictionary.not-verified');
  });
});

describe('check options and contexts', () => {
  it('require_categories narrows what the dictionary must cover', async () => {
    const { exportDictionary } = await import('../../../src/checks/port1/export-dictionary.js');
    const { open } = await import('./helpers.js');
    const sample = [await open('no-correspondents/export.json')];
    const dictionary = [await open('no-correspondents/dictionary.yaml')];
    const ctx = {
      requirement: 'PORT 1',
      slot: 'export-dictionary',
      files: dictionary,
      facts: {},
      asOf: '2026-11-29',
      provided: new Set<string>(),
      others: new Map([['samples', sample]]),
      shared: createMemo(),
    };
    const narrowed = await exportDictionary.run({ ...ctx, options: { require_categories: ['health_data'], sample_slot: 'samples' } });
    expect(codes(narrowed, 'error')).toEqual([]);
    // Without `others` (a check run on its own) the dictionary is still validated, but not verified.
    const withoutOthers: Partial<typeof ctx> = { ...ctx };
    delete withoutOthers.others;
    const alone = await exportDictionary.run({ ...(withoutOthers as typeof ctx), options: {} });
    expect(codes(alone)).toEqual(['export.dictionary.category-missing', 'export.dictionary.not-verified']);
  });
});

describe('export-schema: an unknown format', () => {
  it('is said once, with where the schema asks for it, and ajv writes nothing to the console', async () => {
    const { vi } = await import('vitest');
    const warn = vi.spyOn(console, 'warn');
    try {
      const r = await runPort1({ sample: ['json/export.json'], schema: 'bad/schema-unknown-format.json' });
      const f = r.schema!.findings.filter((x) => x.code === 'export.schema.format-unknown');
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'warning', params: { format: 'matricule-ins', at: expect.stringMatching(/^#\//) } });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
