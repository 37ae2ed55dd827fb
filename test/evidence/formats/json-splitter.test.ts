import { describe, expect, it } from 'vitest';
import { JsonSplitter, unitPointer } from '../../../src/evidence/formats/json/splitter.js';

interface Unit {
  pointer: string;
  pattern: string;
  bytes: Buffer;
  line: number;
  column: number;
}

function split(text: string | Buffer, unitCap: number, chunkSize = 7) {
  const units: Unit[] = [];
  const s = new JsonSplitter({
    unitCap,
    onUnit: (source, start, end, m) =>
      units.push({ pointer: unitPointer(m.group, m.index), pattern: m.group.pattern, bytes: Buffer.from(source.subarray(start, end)), line: m.line, column: m.column }),
  });
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let i = 0; i < bytes.length; i += chunkSize) s.push(bytes.subarray(i, i + chunkSize));
  const r = s.end();
  return { units, ...r };
}

describe('JsonSplitter', () => {
  it('hands a small document out whole', () => {
    const r = split('{"a": [1, 2], "b": "x"}', 1000);
    expect(r.error).toBeUndefined();
    expect(r.skeleton).toBeUndefined();
    expect(r.units.map((u) => [u.pointer, u.bytes.toString()])).toEqual([['', '{"a": [1, 2], "b": "x"}']]);
  });

  it('opens a large document into units with pointers and a skeleton', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, note: 'a "quoted" \\ text é', m: [{ v: i }] }));
    const doc = JSON.stringify({ version: 1, patients: items, meta: { by: 'x' } }, null, 1);
    const r = split(doc, 150, 5);
    expect(r.error).toBeUndefined();
    const patients = r.units.filter((u) => u.pattern === '/patients/*');
    expect(patients).toHaveLength(50);
    expect(patients[3]!.pointer).toBe('/patients/3');
    expect(JSON.parse(patients[3]!.bytes.toString())).toEqual(items[3]);
    expect(r.units.find((u) => u.pointer === '/meta')).toBeDefined();
    expect((r.skeleton!.value as Record<string, unknown>).version).toBe(1);
    // Line of a unit: the document is pretty-printed, one line per key.
    expect(patients[0]!.line).toBe(doc.slice(0, doc.indexOf('{', 5)).split('\n').length);
  });

  it('finds where strings end whatever backslashes they hold, wherever a chunk ends', () => {
    const texts = ['\\', '\\"', 'a\\\\', '"', '\\\\\\"}]{[', 'x\\\\\\\\', '{"k": [1]}'];
    const items = texts.map((t, i) => ({ [`k${t}`]: t, i, nested: [{ t }] }));
    const doc = JSON.stringify({ [`top${texts[4]}`]: texts[1], items, tail: texts[2] });
    for (let chunk = 1; chunk <= 9; chunk++) {
      const r = split(doc, 100, chunk);
      expect(r.error).toBeUndefined();
      const units = r.units.filter((u) => u.pattern === '/items/*');
      expect(units.map((u) => JSON.parse(u.bytes.toString()) as unknown)).toEqual(items);
      expect(r.skeleton!.value).toMatchObject({ [`top${texts[4]}`]: texts[1], tail: texts[2] });
    }
  });

  it('keeps scalars of opened containers in the skeleton, and drops an array mixing units and scalars', () => {
    const r = split('\ufeff{"n": 1, "pad": "' + 'x'.repeat(40) + '", "list": [{"a": 1}, 2, {"b": [3]}], "o": {"k": "v"}}', 20, 4);
    expect(r.error).toBeUndefined();
    expect(r.units.map((u) => u.pointer)).toEqual(['/list/0', '/list/2', '/o']);
    const sk = r.skeleton!;
    expect(sk.truncated).toBe(true);
    expect([...sk.droppedLeaves]).toEqual(['/list/*']);
    expect((sk.value as Record<string, unknown>).n).toBe(1);
  });

  it.each([
    ['{"a": 1', 'unexpected-end'],
    ['{"a": 1}}', 'trailing-data'],
    ['{"a" 1}', 'unexpected-character'],
    ['', 'unexpected-end'],
    ['{"a": tru}', 'unexpected-character'],
  ])('reports %j as %s', (text, reason) => {
    const big = `{"pad": "${'x'.repeat(100)}", ${text.slice(1)}`;
    const r = split(text.length > 0 ? big : text, 16);
    expect(r.error?.reason).toBe(reason);
  });
});

describe('JsonSplitter: deep and wide shapes (issue 12, item 14)', () => {
  it('stops at 128 levels, inside a unit or above opened containers, and never re-reads what it opened', () => {
    const deepUnit = split(`${'['.repeat(129)}${']'.repeat(129)}`, 1_000_000, 64);
    expect(deepUnit.error).toMatchObject({ reason: 'too-deep', line: 1, column: 129 });
    expect(split(`${'['.repeat(128)}${']'.repeat(128)}`, 1_000_000, 64).error).toBeUndefined();
    // opened levels count: a unit of 8 levels below 121 opened containers
    const opened = split(`${'{"a":'.repeat(121)}${'[1,'.repeat(8)}${'0'.repeat(200)}${']'.repeat(8)}${'}'.repeat(121)}`, 50, 64);
    expect(opened.error).toMatchObject({ reason: 'too-deep' });
  });

  it('holds at most 10,000 members of one object in the skeleton, and remembers 20,000 dropped places', () => {
    const members = Array.from({ length: 30_000 }, (_, i) => `"k${i}":"v"`).join(',');
    const r = split(`{"wide":{${members}},"n":1}`, 100, 4096);
    expect(r.error).toBeUndefined();
    const sk = r.skeleton!;
    expect(sk).toMatchObject({ truncated: true, truncatedBy: 'wide', droppedLeavesTruncated: true });
    expect(Object.keys((sk.value as { wide: object }).wide)).toHaveLength(10_000);
    expect(sk.droppedLeaves.size).toBe(20_000);
  });

  it('still finds a syntax error among the values it no longer keeps', () => {
    const members = Array.from({ length: 40_000 }, (_, i) => `"k${i}":1`).join(',');
    expect(split(`{"wide":{${members},"bad":"a\u0001b"}}`, 100, 4096).error).toMatchObject({ reason: 'bad-string' });
    expect(split(`{"wide":{${members},"bad":01}}`, 100, 4096).error).toMatchObject({ reason: 'bad-number' });
  });
});
