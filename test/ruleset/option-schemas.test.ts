import { describe, expect, it } from 'vitest';
import { BUILTIN_CHECKS } from '../../src/checks/registry.js';
import { createAjv } from '../../src/diagnostics/ajv.js';

/**
 * The ruleset loader compiles check option schemas without validating them against the JSON Schema
 * meta-schema (that compile costs most of a start-up's schema time); this test is where they are
 * validated instead.
 */
describe('check option schemas', () => {
  const ajv = createAjv();
  it.each(BUILTIN_CHECKS.map((c) => [c.name, c.schema] as const))('%s: a valid draft-07 schema', (_name, schema) => {
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });
  it('has checks to validate', () => expect(BUILTIN_CHECKS.length).toBeGreaterThan(5));
});
