import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SchemaValidators } from '../../../src/checks/port1/analysis/schema-validators.js';
import { precompiledMeta } from '../../../src/checks/port1/analysis/schema-meta.js';
import { ROOT } from '../../support/run-cli.js';

// The built code (dist/, where dist/generated/meta-*.cjs is found) checks a manufacturer's schema
// against the generated meta-schema validators; the sources (no dist/generated beside them) compile
// the meta-schema at run time as ajv does. Both must say the same of every schema.
type Validators = new (schema: unknown) => unknown;
let Built: Validators;
let builtMeta: typeof precompiledMeta;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'generated', 'meta-draft-07.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const dir = path.join(ROOT, 'dist', 'checks', 'port1', 'analysis');
  Built = ((await import(pathToFileURL(path.join(dir, 'schema-validators.js')).href)) as { SchemaValidators: Validators }).SchemaValidators;
  builtMeta = ((await import(pathToFileURL(path.join(dir, 'schema-meta.js')).href)) as { precompiledMeta: typeof precompiledMeta }).precompiledMeta;
}, 300_000);

/** What compiling `schema` says: `ok`, or the error's message. */
function verdict(Class: Validators, schema: unknown): string {
  try {
    new Class(schema);
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const SCHEMA_URIS = [
  undefined,
  'http://json-schema.org/draft-07/schema#',
  'http://json-schema.org/draft-07/schema',
  'https://json-schema.org/draft/2019-09/schema',
  'https://json-schema.org/draft/2020-12/schema',
  'https://json-schema.org/draft/2020-12/schema#',
  'http://json-schema.org/draft-06/schema#',
  'https://json-schema.org/draft-07/schema', // a draft-07 URI ajv does not know
];

let deep: unknown = 'x';
for (let i = 0; i < 140; i++) deep = [deep];

const value = fc.constantFrom<unknown>(
  'string', 'strin', ['string', 'null'], ['string', 'string'], [], 3, -1, 1.5, null, true, {}, { type: 'integer' },
  ['a', 'a'], ['a', 'b'], [{ a: 1, b: 2 }, { b: 2, a: 1 }], [1, 1.0], '^[0-9]+$', '(', '^a\\Z', 'urn:x', 'a b#c', '#frag', [deep],
);
const keyword = fc.constantFrom('type', 'required', 'enum', 'minLength', 'pattern', 'items', 'properties', 'additionalProperties', '$id', '$ref', '$anchor', 'uniqueItems', 'dependentRequired', 'prefixItems', 'const');
const schemaArb = fc
  .tuple(fc.constantFrom(...SCHEMA_URIS), fc.dictionary(keyword, value, { maxKeys: 4 }), fc.dictionary(keyword, value, { maxKeys: 3 }))
  .map(([uri, top, nested]) => ({ ...(uri === undefined ? {} : { $schema: uri }), ...top, properties: { id: nested } }));

describe('the meta-schema check of a manufacturer’s export schema', () => {
  it('uses the generated validators in the build, for the dialects’ own URIs only', () => {
    expect(typeof builtMeta('draft-07', undefined)).toBe('function');
    expect(typeof builtMeta('draft-07', 'http://json-schema.org/draft-07/schema#')).toBe('function');
    expect(typeof builtMeta('2019-09', 'https://json-schema.org/draft/2019-09/schema')).toBe('function');
    expect(typeof builtMeta('2020-12', 'https://json-schema.org/draft/2020-12/schema#')).toBe('function');
    expect(builtMeta('draft-07', 'https://json-schema.org/draft-07/schema')).toBeUndefined();
    expect(builtMeta('draft-06', 'http://json-schema.org/draft-06/schema#')).toBeUndefined();
    // the sources run from src/: ajv compiles the meta-schema
    expect(precompiledMeta('draft-07', undefined)).toBeUndefined();
  });

  it('says what ajv says, error for error', () => {
    expect(verdict(SchemaValidators, { properties: { id: { type: 'strin' } } })).toMatch(/^schema is invalid: data\/properties\/id\/type must be equal to one of the allowed values/);
    expect(verdict(Built, { properties: { id: { type: 'strin' } } })).toBe(verdict(SchemaValidators, { properties: { id: { type: 'strin' } } }));
    let invalid = 0;
    fc.assert(
      fc.property(schemaArb, (schema) => {
        const expected = verdict(SchemaValidators, schema);
        if (expected !== 'ok') invalid++;
        expect(verdict(Built, schema)).toBe(expected);
      }),
      { numRuns: 400 },
    );
    expect(invalid).toBeGreaterThan(100);
  });
});
