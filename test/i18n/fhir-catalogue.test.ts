import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/i18n/index.js';
import { fhirMessages as fhirSourceMessages } from '../../src/i18n/messages/fhir.js';
import { fhirpathMessages } from '../../src/checks/fhir/messages.js';
import { FULL_CATALOG, word } from '../support/word.js';

const fhirMessages: Catalog = { ...fhirSourceMessages, ...fhirpathMessages };

/** Codes the FHIR source and the fhirpath check can emit, read from their sources. */
const emitted = [...new Set(
  ['src/evidence/fhir/source.ts', 'src/checks/fhir/fhirpath.ts', 'src/checks/fhir/fhirpath-eval.ts']
    .map((f) => readFileSync(f, 'utf8'))
    .flatMap((text) => [...text.matchAll(/'(fhir(?:path)?\.[a-z-]+)'/g)].map((m) => m[1]!)),
)].sort();

const params = {
  url: 'https://fhir.example.test/fhir/Observation?_count=50',
  page: 3,
  status: 401,
  env: 'DMN_FHIR_TOKEN',
  reason: 'ECONNREFUSED',
  ms: 30000,
  scope: 'request',
  target: 'https://elsewhere.example.test',
  max: 10000,
  problem: 'insecure',
  contentType: 'text/html; charset=utf-8',
  what: 'not-json',
  issues: 'error/invalid: unknown search parameter',
  expected: 'Observation',
  types: 'Patient (2)',
  name: 'fhir-x-0123456789abcdef.ndjson',
  resource: 'Observation/abc',
  rule: 'status',
  expression: "status = 'final'",
  message_en: 'status must be final',
  message_fr: 'le statut doit être final',
  count: 4,
  total: 9,
  resource_type: 'Observation',
  min: 1,
  kind: 'image/png',
  line: 7,
  slot: 'measures-sample',
};

describe('FHIR wordings', () => {
  it('finds the codes in the sources', () => {
    expect(emitted.length).toBeGreaterThan(25);
  });

  it.each(emitted)('%s is worded in the catalogue', (code) => {
    expect(FULL_CATALOG[code]).toBe(fhirMessages[code]);
  });

  it.each(Object.keys(fhirMessages))('%s reads well in English and French', (code) => {
    for (const lang of ['en', 'fr'] as const) {
      const { message, hint } = word(code, params, lang);
      for (const text of [message, hint ?? '']) {
        expect(text).not.toMatch(/undefined|\[object|NaN/);
      }
      expect(message.length).toBeGreaterThan(15);
    }
  });

  it.each([
    ['fhir.url-invalid', { url: '', problem: 'credentials' }, 'The FHIR source (URL hidden) cannot be used: it carries credentials'],
    ['fhir.timeout', { url: 'U', ms: 400, scope: 'deadline', page: 1 }, 'Fetching U took longer than the 400 ms allowed in all.'],
    ['fhir.not-fhir', { url: 'U', page: 2, contentType: 'application/fhir+json', what: 'resource:Patient' }, 'U did not answer with FHIR (page 2): a search answers with a Bundle, not a Patient (Content-Type application/fhir+json).'],
  ])('%s with %j', (code, p, start) => {
    expect(word(code, p, 'en').message.startsWith(start)).toBe(true);
  });
});
