import { describe, expect, it } from 'vitest';
import { createSchemaAjv } from '../../../src/checks/port1/analysis/schema-ajv.js';

describe('formats of a manufacturer schema (remembered per string)', () => {
  for (const dialect of ['draft-07', '2020-12'] as const) {
    it(`gives the same answer the first time and every time after (${dialect})`, () => {
      const validate = createSchemaAjv(dialect).compile({
        type: 'object',
        properties: { system: { type: 'string', format: 'uri' }, at: { type: 'string', format: 'date-time' }, day: { type: 'string', format: 'date' }, n: { type: 'integer', format: 'int32' } },
      });
      const long = `http://example.org/${'a'.repeat(300)}`;
      for (let round = 0; round < 3; round++) {
        expect(validate({ system: 'http://loinc.org', at: '2026-10-01T08:00:00+02:00', day: '2026-10-01', n: 1 })).toBe(true);
        expect(validate({ system: 'not a uri' })).toBe(false);
        expect(validate.errors?.[0]).toMatchObject({ keyword: 'format', params: { format: 'uri' } });
        expect(validate({ at: '2026-10-01T28:00:00+02:00' })).toBe(false);
        expect(validate({ day: '2026-13-01' })).toBe(false);
        expect(validate({ system: long })).toBe(true);
        expect(validate({ system: `${long} x` })).toBe(false);
        expect(validate({ n: 2 ** 40 })).toBe(false);
      }
    });
  }

  it('still checks every string once the memo is full', () => {
    const validate = createSchemaAjv('draft-07').compile({ type: 'string', format: 'date' });
    for (let i = 0; i < 5000; i++) expect(validate(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`)).toBe(true);
    for (let i = 0; i < 5000; i++) expect(validate(`${2000 + (i % 1000)}-${i % 2 === 0 ? '13' : '00'}-01`)).toBe(false);
    for (let i = 0; i < 5000; i++) expect(validate(`${3000 + i}-02-01`)).toBe(true);
  });
});
