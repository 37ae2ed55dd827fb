import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { AjvInstance } from '../../../diagnostics/ajv.js';
import { allDistinct, type Dialect } from './schema-ajv.js';

const require = createRequire(import.meta.url);

/**
 * The meta-schemas that scripts/build-validators.mjs compiles to code (dist/generated/meta-*.cjs), by
 * dialect: the URI a schema's `$schema` names it by (with or without its empty fragment) and the file.
 * Compiling the draft-07 meta-schema cost every check of an export schema about 20 ms of its start-up.
 * draft-06 has none: its meta-schema is compiled anyway when it is added (schema-ajv.ts).
 */
const GENERATED: Partial<Record<Dialect, { uri: string; file: string }>> = {
  'draft-07': { uri: 'http://json-schema.org/draft-07/schema', file: 'meta-draft-07.cjs' },
  '2019-09': { uri: 'https://json-schema.org/draft/2019-09/schema', file: 'meta-2019-09.cjs' },
  '2020-12': { uri: 'https://json-schema.org/draft/2020-12/schema', file: 'meta-2020-12.cjs' },
};

/** What a generated file exports: the validator, given the `uniqueItems` of createSchemaAjv(). */
interface MetaModule {
  create(distinct: (items: unknown[]) => boolean): ValidateFunction;
}

/**
 * The generated validator of the meta-schema that `$schema` names in `dialect` (absent: the dialect's
 * own), or undefined when there is none (another URI, tests run from src/, a build without it).
 */
export function precompiledMeta(dialect: Dialect, $schema: unknown): ValidateFunction | undefined {
  const meta = GENERATED[dialect];
  if (!meta || ($schema !== undefined && $schema !== meta.uri && $schema !== `${meta.uri}#`)) return undefined;
  let mod: MetaModule;
  try {
    mod = require(`../../../generated/${meta.file}`) as MetaModule;
  } catch {
    return undefined;
  }
  return mod.create(allDistinct);
}

/**
 * What `ajv.validateSchema(schema, true)` does (throws `schema is invalid: …` with every error), with
 * the generated validator when there is one; ajv's own otherwise.
 */
export function checkAgainstMetaSchema(ajv: AjvInstance, dialect: Dialect, schema: unknown): void {
  const validate = schema !== null && typeof schema === 'object' ? precompiledMeta(dialect, (schema as Record<string, unknown>).$schema) : undefined;
  // ajv's own throws when the schema is invalid (its result is a promise only for `$async` schemas)
  if (!validate) void ajv.validateSchema(schema as object, true);
  else if (!validate(schema)) throw new Error(`schema is invalid: ${ajv.errorsText(validate.errors)}`);
}
