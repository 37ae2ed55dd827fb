import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { word } from '../../support/word.js';
import { INS_FLOW_CHECK_MESSAGES as insMessages } from '../../../src/checks/ins/slot.js';
import { insBirthNames } from '../../../src/checks/ins/birth-names.js';

const SRC = new URL('../../../src/', import.meta.url);
const sources = [
  ...readdirSync(new URL('checks/ins/', SRC)).map((f) => new URL(`checks/ins/${f}`, SRC)),
  new URL('evidence/formats/er7.ts', SRC),
];
const emitted = new Set<string>();
for (const file of sources) for (const m of readFileSync(file, 'utf8').matchAll(/'(ins\.[a-z0-9-]+)'/g)) emitted.add(m[1]!);

describe('ins message catalogue', () => {
  it('words every finding code the INS code emits, and only those', () => {
    // The birth-names check (INS 1.2) words its own.
    const worded = [...Object.keys(insMessages), ...Object.keys(insBirthNames.messages ?? {})];
    expect([...emitted].sort()).toEqual(worded.sort());
  });

  const sample = {
    ins: '2 79 03 ** *** *** 88', expected: '89', at: 'message 1, PID-3[2]', trait: 'birth-name', reason: 'date', format: 'hl7v2', found: 'PROV',
    line: 3, column: 4, message: 1, segment: 'PID', detail: 'fields:5', kind: 'image/png', bytes: 10, max: 5, oid: '1.2.250.1.213.1.4.8',
    type: 'INS-NIR', length: 14, patients: 1, entries: 2, files: 1, shown: 200, total: 300, event: 'ADT^A28',
  };

  it.each(Object.keys(insMessages))('%s reads in English and French, with a non-empty text', (code) => {
    for (const lang of ['en', 'fr'] as const) {
      const w = word(code, sample, lang);
      expect(w.message.length).toBeGreaterThan(10);
      expect(w.message).not.toMatch(/undefined|\[object|NaN/);
      if (w.hint !== undefined) expect(w.hint).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it.each([
    ['birth-name', 'birth name', 'nom de naissance'],
    ['first-given-name', 'first birth given name', 'premier prénom de naissance'],
    ['birth-date', 'birth date', 'date de naissance'],
    ['sex', 'sex', 'sexe'],
    ['birthplace', 'INSEE code of the birthplace', 'code INSEE du lieu de naissance'],
  ])('a missing %s is named in both languages', (trait, en, fr) => {
    const p = { trait, at: 'message 1, PID-7', format: 'hl7v2' };
    expect(word('ins.trait-missing', p, 'en').message).toContain(en);
    expect(word('ins.trait-missing', p, 'fr').message).toContain(fr);
    expect(word('ins.trait-missing', p, 'fr').hint).toContain('PID-');
    expect(word('ins.trait-missing', { trait, at: 'Patient.birthDate', format: 'fhir' }, 'en').hint).toContain('Patient');
  });

  it('points at a misplaced VALI in the hint', () => {
    const p = { found: '', expected: 'VALI', format: 'hl7v2', at: 'message 1, PID-32', near: 'PID-33' };
    expect(word('ins.not-qualified', p, 'en').hint).toContain('PID-33');
    expect(word('ins.not-qualified', p, 'fr').hint).toContain('PID-33');
  });
});
