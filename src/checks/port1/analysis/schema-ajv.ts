import type Ajv2019Module from 'ajv/dist/2019.js';
import type Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { createRequire } from 'node:module';
import { createAjv, type AjvInstance } from '../../../diagnostics/ajv.js';
import { valueText } from '../../../diagnostics/value-text.js';

/** JSON Schema dialects a manufacturer's export schema may use. */
export type Dialect = 'draft-07' | 'draft-06' | '2019-09' | '2020-12';

// The 2019-09 and 2020-12 classes are loaded only for schemas that ask for them (start-up time);
// their CommonJS default export is unwrapped as in diagnostics/ajv.ts.
type Ajv2019Class = typeof Ajv2019Module.default;
type Ajv2020Class = typeof Ajv2020Module.default;
type AddFormats = typeof addFormatsModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;
const require = createRequire(import.meta.url);

function loadClass<T>(id: string): T {
  const mod = require(id) as { default?: T };
  return (mod.default ?? mod) as T;
}

/** The dialect named by a schema's `$schema`, or the URI when it is one ajv cannot run. */
export function dialectOf(schema: unknown): Dialect | { unsupported: string } {
  const uri = schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>).$schema : undefined;
  if (uri === undefined) return 'draft-07';
  if (typeof uri !== 'string') return { unsupported: valueText(uri) };
  if (/draft-07/.test(uri)) return 'draft-07';
  if (/draft-06/.test(uri)) return 'draft-06';
  if (/2019-09/.test(uri)) return '2019-09';
  if (/2020-12/.test(uri)) return '2020-12';
  return { unsupported: uri };
}

/**
 * An ajv instance for a manufacturer's schema: every error of a record (the findings show the first
 * ones), formats checked, unknown keywords tolerated (schemas carry annotations of their own).
 */
export function createSchemaAjv(dialect: Dialect): AjvInstance {
  const options = { allErrors: true, strict: false, validateFormats: true } as const;
  if (dialect === '2019-09' || dialect === '2020-12') {
    const ajv = dialect === '2019-09' ? new (loadClass<Ajv2019Class>('ajv/dist/2019.js'))(options) : new (loadClass<Ajv2020Class>('ajv/dist/2020.js'))(options);
    addFormats(ajv);
    return ajv;
  }
  const ajv = createAjv(options);
  if (dialect === 'draft-06') {
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  }
  return ajv;
}
