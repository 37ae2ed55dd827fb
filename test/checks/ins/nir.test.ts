import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMatricule, matriculeKey, type MatriculeProblem } from '../../../src/checks/ins/nir.js';

// Keys computed independently (Python, 97 - n % 97 with 2A -> 19, 2B -> 18).
const VALID: [string, string][] = [
  ['279035121518989', 'test INS of the brief (woman, 1979-03, Marne)'],
  ['184122A00412323', 'Corsica 2A counts as 19'],
  ['184122B00412350', 'Corsica 2B counts as 18'],
  ['185079912512321', 'born abroad (department 99)'],
  ['177429912003349', 'lenient month 42 (unknown month)'],
  ['284627505607874', 'lenient month 62 (50+)'],
  ['255209901604253', 'lenient month 20'],
  ['199011305500197', 'key 97 (13 digits divisible by 97)'],
  ['2 79 03 51 215 189 89', 'spaces are ignored'],
  ['184122a00412323', 'lower-case Corsican department'],
];

const INVALID: [string, MatriculeProblem][] = [
  ['279035121518988', 'key'],
  ['279035121518998', 'key'],
  ['184122A00412350', 'key'], // the 2B key on a 2A number
  ['184122B00412323', 'key'], // the 2A key on a 2B number
  ['27903512151898', 'length'],
  ['2790351215189890', 'length'],
  ['', 'length'],
  ['27903512151898X', 'characters'],
  ['2790351A1518989', 'characters'],
  ['579035121518989', 'sex'],
  // CNAM NirValidator (assurance-maladie-digital/nir-validation) accepts 1 and 2 only; 3 and 4 have no INS source.
  ['379035121518939', 'sex'],
  ['479035121518986', 'sex'],
  // Provisional numbers (NNP, CNAM NnpValidator: first digit 7 or 8), with valid keys: never an INS.
  ['785019900101261', 'provisional'],
  ['892107512345642', 'provisional'],
  ['279005121518989', 'month'],
  ['279135121518989', 'month'],
  ['279455121518989', 'month'],
  ['279030021518989', 'department'],
];

describe('matricule INS key', () => {
  it.each(VALID)('%s is valid (%s)', (value) => {
    expect(checkMatricule(value)).toEqual({ ok: true, value: value.replace(/\s/g, '').toUpperCase() });
  });

  it.each(INVALID)('%s is rejected for %s', (value, problem) => {
    const r = checkMatricule(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe(problem);
  });

  it.each([
    ['2790351215189', 89],
    ['184122A004123', 23],
    ['184122B004123', 50],
    ['1990113055001', 97],
  ])('key of %s is %i', (first13, key) => {
    expect(matriculeKey(first13)).toBe(key);
  });

  it('has no key for something that is not 13 characters of a matricule', () => {
    expect(matriculeKey('27903512151')).toBeUndefined();
    expect(matriculeKey('27903512151XX')).toBeUndefined();
  });
});

describe('fixture identities', () => {
  const dir = new URL('../../../fixtures/flows/', import.meta.url);
  const files = readdirSync(dir).filter((f) => !f.startsWith('bad-binary'));
  const SHAPED = /(?<![0-9A-Za-z])[1-478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{8}(?![0-9A-Za-z])/g;

  it.each(files)('every matricule in %s has a valid key, unless the file is about a wrong key', (name) => {
    const text = readFileSync(new URL(name, dir), 'latin1');
    const found = [...text.matchAll(SHAPED)].map((m) => m[0]);
    const wrong = found.filter((v) => !checkMatricule(v).ok);
    expect(wrong).toEqual(name.includes('wrong-key') ? ['279035121518988'] : []);
    if (/ins|association|production|billing|wrong-key|not-qualified|mismatch|patients|bundle|a04/.test(name)) expect(found.length).toBeGreaterThan(0);
  });
});
