import { describe, expect, it } from 'vitest';
import { maskDate, maskDigits, maskMatricule, maskName, redact } from '../../src/util/redact.js';
import { word } from '../../src/i18n/index.js';
import { both, say } from '../../src/i18n/text.js';
import { msg, s } from '../../src/i18n/types.js';

// A valid test matricule (key 89), synthetic.
const MATRICULE = '279035121518989';

describe('the one redaction rule', () => {
  it('masks a local identifier (a run of 5 digits or more) to its first two and last two digits', () => {
    expect(maskDigits('/by-ins/279035121518989/name')).toBe('/by-ins/27***********89/name');
    expect(maskDigits('Patient/ipp-8812345')).toBe('Patient/ipp-88***45');
    expect(maskDigits('/patients/1234/id')).toBe('/patients/1234/id');
  });

  it('masks a matricule-shaped run in free text, and leaves other numbers alone', () => {
    expect(redact(`INS ${MATRICULE} du patient`)).toBe('INS 2 79 03 ** *** *** 89 du patient');
    expect(redact(`INS\u00a0: ${MATRICULE}.`)).toBe('INS\u00a0: 2 79 03 ** *** *** 89.');
    expect(redact('12345 octets, ligne 99999, sha256 0279035121518989')).toBe('12345 octets, ligne 99999, sha256 0279035121518989');
  });

  it('is the last step of wording a finding: a message that echoes a matricule in clear prints it masked', () => {
    const catalog = {
      'x.echo': { en: (p: Record<string, unknown>) => `read ${String(p.value)}`, fr: (p: Record<string, unknown>) => `lu ${String(p.value)}`, hint: { en: () => `e.g. ${MATRICULE}`, fr: () => `ex. ${MATRICULE}` } },
    };
    for (const lang of ['en', 'fr'] as const) {
      const w = word('x.echo', { value: MATRICULE }, lang, catalog);
      expect(w.message).toContain('2 79 03 ** *** *** 89');
      expect(`${w.message} ${w.hint ?? ''}`).not.toContain(MATRICULE);
    }
    // a code nobody words shows its parameters, masked too
    expect(word('x.unknown', { value: MATRICULE }, 'en', {}).message).toBe('x.unknown (value=2 79 03 ** *** *** 89)');
  });

  it('is the last step of the input and command-line wordings too', () => {
    const echo = msg<'value'>({ en: (p) => `value ${s(p.value)}`, fr: (p) => `valeur ${s(p.value)}`, hint: { en: (p) => s(p.value), fr: (p) => s(p.value) } });
    const b = both(echo, { value: MATRICULE });
    expect(JSON.stringify(b)).not.toContain(MATRICULE);
    expect(b.message.fr).toBe('valeur 2 79 03 ** *** *** 89');
    expect(say(echo, { value: MATRICULE }, 'en')).toBe('value 2 79 03 ** *** *** 89');
  });
});

describe('masking', () => {
  it.each([
    ['279035121518989', '2 79 03 ** *** *** 89'],
    ['184122A00412323', '1 84 12 ** *** *** 23'],
    ['2 79 03 51 215 189 89', '2 79 03 ** *** *** 89'],
    ['12345', '*****'],
    ['IPP-000123-LONG-IDENTIFIER-XYZ', '********************'],
    ['', '*'],
  ])('maskMatricule(%s) = %s', (value, masked) => {
    expect(maskMatricule(value)).toBe(masked);
  });

  it('keeps the year of a date only', () => {
    expect(maskDate('1979-03-28')).toBe('1979-**-**');
    expect(maskDate('19790328')).toBe('1979-**-**');
    expect(maskDate('not a date')).toBe('****-**-**');
  });

  it('keeps the first letter of a name only', () => {
    expect(maskName('ESSAI-DMN')).toBe('E***');
    expect(maskName('  élodie')).toBe('É***');
    expect(maskName('')).toBe('***');
  });

  it('redacts matricules inside free text, not longer digit runs', () => {
    expect(redact('INS 279035121518989 and 184122A00412323.')).toBe('INS 2 79 03 ** *** *** 89 and 1 84 12 ** *** *** 23.');
    expect(redact('order 12790351215189891')).toBe('order 12790351215189891');
  });
});
