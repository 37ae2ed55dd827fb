import { describe, expect, it } from 'vitest';
import { CsvReader } from '../../../src/evidence/formats/csv.js';
import { findJsonError } from '../../../src/evidence/formats/json/syntax.js';
import { PathCollector } from '../../../src/checks/port1/analysis/paths.js';
import { matchesPrefix, splitPointer, splitXPath } from '../../../src/diagnostics/json-pointer.js';
import { SchemaValidators } from '../../../src/checks/port1/analysis/schema-validators.js';
import { firstInvalidUtf8, StrictUtf8Decoder } from '../../../src/diagnostics/utf8.js';
import { XmlReader } from '../../../src/evidence/formats/xml.js';
import { maskDigits } from '../../../src/util/redact.js';

function csv(text: string, piece = 3) {
  const r = new CsvReader();
  for (let i = 0; i < text.length; i += piece) r.push(text.slice(i, i + piece));
  return r.end();
}

function xml(text: string, piece = 5) {
  const r = new XmlReader();
  for (let i = 0; i < text.length; i += piece) r.push(text.slice(i, i + piece));
  return r.end();
}

describe('findJsonError', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2.5e3, -0, true, null, "x\\u00e9"]', undefined],
    ['{"a": 1', { offset: 7, reason: 'unexpected-end' }],
    ['{"a": 01}', { offset: 7, reason: 'bad-number' }],
    ['{"a": "b\tc"}', { offset: 8, reason: 'bad-string' }],
    ['{"a": "\\x"}', { offset: 7, reason: 'bad-escape' }],
    ['{"a": tru', { offset: 9, reason: 'unexpected-end' }],
    ['{"a": nul}', { offset: 6, reason: 'unexpected-character' }],
    ['[1,]', { offset: 3, reason: 'unexpected-character' }],
    ['{} {}', { offset: 3, reason: 'trailing-data' }],
    ['', { offset: 0, reason: 'unexpected-end' }],
  ])('%j', (text, expected) => {
    expect(findJsonError(text)).toEqual(expected);
  });
});

describe('CsvReader', () => {
  it('detects the delimiter, strips the BOM and reads quoted fields in any piece size', () => {
    for (const piece of [1, 2, 7, 1000]) {
      const r = csv('\ufeffa;b;c\r\n1;"x;""y""\r\nz";3\r\n\r\n4;;6\r\n', piece);
      expect(r).toMatchObject({ delimiter: ';', columns: ['a', 'b', 'c'], records: 2, problemCount: 0, nonEmpty: [true, true, true], complete: true });
    }
  });

  it.each([
    ['a,b\n1,2\n3\n', { reason: 'ragged', line: 3, record: 2, expected: 2, got: 1 }],
    ['a,b\n1,"2\n3,4\n', { reason: 'unterminated-quote', line: 2, record: 1 }],
    ['a,b\n1,"2"x\n3,4\n', { reason: 'bad-quote', line: 2, record: 1 }],
    ['\n\n', { reason: 'no-header', line: 1 }],
  ])('%j', (text, problem) => {
    expect(csv(text).problems[0]).toMatchObject(problem);
  });

  it('refuses a header of more than 10,000 columns without holding them, and counts the fields of a wider row', () => {
    const wide = csv(`${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n1\n`, 100_000);
    expect(wide).toMatchObject({ columns: [], complete: false, problems: [{ reason: 'too-many-columns', line: 1, expected: 10_000, got: 20_000 }] });
    const row = csv(`a,b\n${','.repeat(19_999)}\n"x",${','.repeat(19_998)}\n`, 100_000);
    expect(row.problems.map((p) => p.got)).toEqual([20_000, 20_000]);
  });

  it('reports duplicate column names and columns never filled', () => {
    const r = csv('id,x,id,empty\n1,2,3,\n');
    expect(r.duplicateColumns).toEqual(['id']);
    expect(r.nonEmpty).toEqual([true, true, true, false]);
  });
});

describe('XmlReader', () => {
  it('records element and attribute places with non-blank values', () => {
    const r = xml('<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x "y">]><e a="1" xmlns:p="u"><!-- c --><p:f>t &amp; u</p:f><g b="" /><h><![CDATA[z]]></h></e>');
    expect(r.problem).toBeUndefined();
    expect(r.leaves.sort()).toEqual(['/e/@a', '/e/h', '/e/p:f']);
    expect(r.root).toBe('e');
  });

  it.each([
    ['<a><b></a>', 'mismatched-tag', 1, 7],
    ['<a>\n<b x=1/></a>', 'bad-attribute', 2, 3],
    ['<a x="1" x="2"/>', 'duplicate-attribute', 1, 9],
    ['<a>fish & chips</a>', 'bad-entity', 1, 9],
    ['<a/><b/>', 'multiple-roots', 1, 5],
    ['text<a/>', 'text-outside-root', 1, 1],
    ['<a><b>', 'unexpected-end', 1, 7],
    ['<!-- only -->', 'no-root', 1, 14],
  ])('%j is %s at %i:%i', (text, reason, line, column) => {
    expect(xml(text, 2).problem).toMatchObject({ reason, line, column });
  });
});

describe('pointers and patterns', () => {
  it.each([
    ['/patients/*/measures', '/patients/*/measures/*/value', true],
    ['/patients/*/measures/*/value', '/patients/*/measures', false],
    ['/patients/0/id', '/patients/*/id', true],
    ['/**/value', '/patients/*/measures/*/value', true],
    ['/a~1b', '/a~1b/c', true],
    ['', '/anything', true],
  ])('%s covers %s: %s', (pattern, path, expected) => {
    expect(matchesPrefix(splitPointer(pattern), splitPointer(path))).toBe(expected);
  });

  it('reads XPath-like paths', () => {
    expect(splitXPath('//measure/@unit')).toEqual(['**', 'measure', '@unit']);
    expect(matchesPrefix(splitXPath('//measure'), splitPointer('/export/patient/measures/measure/@unit'))).toBe(true);
  });

  it('masks digit runs from evidence keys', () => {
    expect(maskDigits('/by-ins/279035121518989/name')).toBe('/by-ins/27***********89/name');
    expect(maskDigits('/patients/1234/id')).toBe('/patients/1234/id');
  });

  it('collects non-empty leaves once, by FHIR resource scope too', () => {
    const c = new PathCollector();
    c.add({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Observation', valueQuantity: { value: 0 }, note: '' } }, { resource: { resourceType: 'Patient', name: [{ family: 'X' }], gender: null } }] }, '');
    expect(c.take().map((l) => `${l.path} ${l.scoped}`).sort()).toEqual([
      '/entry/*/resource/name/*/family Patient#/name/*/family',
      '/entry/*/resource/resourceType Observation#/resourceType',
      '/entry/*/resource/resourceType Patient#/resourceType',
      '/entry/*/resource/valueQuantity/value Observation#/valueQuantity/value',
      '/resourceType Bundle#/resourceType',
    ]);
    c.add({ resourceType: 'Bundle' }, '');
    expect(c.take()).toEqual([]);
  });
});

describe('UTF-8', () => {
  it.each([
    [[0x61, 0xc3, 0xa9], -1],
    [[0x61, 0xe9, 0x62], 1],
    [[0xc0, 0x80], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
  ])('%j breaks at %i', (bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });

  it('carries a character cut between two chunks', () => {
    const d = new StrictUtf8Decoder();
    const bytes = Buffer.from('aé€😀b');
    const out: string[] = [];
    for (let i = 0; i < bytes.length; i++) out.push(d.decode(bytes.subarray(i, i + 1), false).text);
    out.push(d.decode(Buffer.alloc(0), true).text);
    expect(out.join('')).toBe('aé€😀b');
  });
});

describe('XmlReader: depth', () => {
  it('stops at 128 levels of elements', () => {
    expect(xml(`${'<a>'.repeat(128)}${'</a>'.repeat(128)}`, 1000).problem).toBeUndefined();
    expect(xml(`${'<a>'.repeat(200)}${'</a>'.repeat(200)}`, 1000).problem).toEqual({ line: 1, column: 385, reason: 'too-deep' });
  });
});

describe('SchemaValidators', () => {
  it('finds the schema of a unit through properties, items, $ref and allOf', () => {
    const v = new SchemaValidators({
      type: 'object',
      properties: { entry: { type: 'array', items: { $ref: '#/definitions/E' } } },
      definitions: { E: { allOf: [{ $ref: '#/definitions/R' }], properties: { resource: { type: 'object', required: ['id'] } } }, R: { required: ['fullUrl'] } },
    });
    const entry = v.forPattern('/entry/*');
    expect('validate' in entry && entry.validate({})).toBe(false);
    const resource = v.forPattern('/entry/*/resource');
    expect('validate' in resource && resource.validate({ id: 'x' })).toBe(true);
    expect(v.forPattern('/other')).toEqual({ any: true });
  });

  it('judges uniqueItems as JSON Schema does (keys in any order, 1 = 1.0), by hashing', () => {
    for (const $schema of [undefined, 'https://json-schema.org/draft/2020-12/schema']) {
      const v = new SchemaValidators({ ...($schema ? { $schema } : {}), type: 'array', uniqueItems: true });
      expect(v.root([{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1.0 }])).toBe(false);
      expect(v.root([{ a: 1 }, { a: '1' }, [1], 1, '1', null])).toBe(true);
      expect(v.root(Array.from({ length: 30_000 }, (_, i) => ({ a: 1, id: i })))).toBe(true);
      expect(v.root.errors?.length ?? 0).toBe(0);
    }
    expect(new SchemaValidators({ type: 'array', uniqueItems: false }).root([1, 1])).toBe(true);
  });

  it('runs 2020-12 and draft-06 schemas, refuses draft-04 and invalid ones', () => {
    const v2020 = new SchemaValidators({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string' }] });
    expect(v2020.root([1])).toBe(false);
    expect(new SchemaValidators({ $schema: 'http://json-schema.org/draft-06/schema#', type: 'string' }).root('x')).toBe(true);
    expect(() => new SchemaValidators({ $schema: 'http://json-schema.org/draft-04/schema#' })).toThrow(/unsupported/);
    expect(() => new SchemaValidators({ type: 'objekt' })).toThrow();
    expect(() => new SchemaValidators({ $ref: 'https://example.org/remote.json' })).toThrow();
  });
});
