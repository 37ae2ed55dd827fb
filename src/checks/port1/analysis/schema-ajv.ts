import type Ajv2019Module from 'ajv/dist/2019.js';
import type Ajv2020Module from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { addFormats, createAjv, type AjvInstance } from '../../../diagnostics/ajv.js';
import { valueText } from '../../../diagnostics/value-text.js';
import { canonicalJson } from '../../../evidence/fhir/ndjson.js';
import { schemaRegExp } from './schema-regexp.js';

/** JSON Schema dialects a manufacturer's export schema may use. */
export type Dialect = 'draft-07' | 'draft-06' | '2019-09' | '2020-12';

// The 2019-09 and 2020-12 classes are loaded only for schemas that ask for them (start-up time);
// their CommonJS default export is unwrapped as in diagnostics/ajv.ts.
type Ajv2019Class = typeof Ajv2019Module.default;
type Ajv2020Class = typeof Ajv2020Module.default;
const require = createRequire(import.meta.url);

function loadClass<T>(loaded: unknown): T {
  const mod = loaded as { default?: T };
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

/** True when no two items of `items` are equal as JSON Schema compares them (keys in any order, 1 = 1.0). */
export function allDistinct(items: unknown[]): boolean {
  const seen = new Set<string>();
  for (const item of items) {
    const key = canonicalJson(item);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * `uniqueItems` by hashing each item's canonical JSON once: ajv's own compares every pair of objects,
 * which is 450 million comparisons for 30,000 items.
 */
function hashedUniqueItems(ajv: AjvInstance): AjvInstance {
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({ keyword: 'uniqueItems', type: 'array', schemaType: 'boolean', validate: (unique: boolean, data: unknown[]) => !unique || allDistinct(data) });
  return ajv;
}

/** Distinct strings remembered per format, and the longest one remembered. */
const FORMAT_MEMO_ENTRIES = 4096;
const FORMAT_MEMO_LENGTH = 256;

type FormatCheck = (data: string) => boolean;

/** A format check that remembers its answer for short strings: exports repeat their code systems, units and dates. */
function memoized(check: FormatCheck): FormatCheck {
  const seen = new Map<string, boolean>();
  return (data: string): boolean => {
    if (typeof data !== 'string' || data.length > FORMAT_MEMO_LENGTH) return check(data);
    let ok = seen.get(data);
    if (ok === undefined) {
      ok = check(data);
      if (seen.size < FORMAT_MEMO_ENTRIES) seen.set(data, ok);
    }
    return ok;
  };
}

/**
 * The synchronous string formats ajv-formats added, checked through a memo (the URI and date-time
 * regular expressions were a tenth of the time of a large export with the same few values on every
 * record). Before any schema is compiled: compiled code keeps the function it was given.
 */
function memoizedFormats(ajv: AjvInstance): AjvInstance {
  for (const [name, format] of Object.entries(ajv.formats)) {
    if (typeof format === 'function') ajv.addFormat(name, memoized(format));
    else if (format instanceof RegExp) ajv.addFormat(name, memoized((data) => format.test(data)));
    else if (typeof format === 'object' && format !== null && !format.async && (format.type ?? 'string') === 'string' && typeof format.validate === 'function') {
      ajv.addFormat(name, { ...format, validate: memoized(format.validate as FormatCheck) } as typeof format);
    }
  }
  return ajv;
}

/**
 * An ajv instance for a manufacturer's schema: every error of a record (the findings show the first
 * ones), formats checked, unknown keywords tolerated (schemas carry annotations of their own); what
 * ajv warns of goes into `warnings`.
 */
export function createSchemaAjv(dialect: Dialect, warnings: string[] = []): AjvInstance {
  // `pattern` and `patternProperties` run in linear time (RE2, or Node's engine where that is proven
  // linear: schema-regexp.ts): the schema is the manufacturer's. The schemas ajv is given are not
  // checked against their meta-schema here: the manufacturer's is, once (schema-meta.ts), the
  // others are the `$ref`s that SchemaValidators writes.
  // ajv's warnings (an unknown `format`) are collected for a finding, never written to the console.
  // `optimize: false`: ajv's pass over its own generated code was a sixth of compiling the example
  // dossier's schema (a cold `check`), and the validators it gives run no faster on 100 MB exports
  // (V8 does that work itself).
  const logger = { log: (): void => undefined, warn: (...m: unknown[]): void => void warnings.push(m.map(String).join(' ')), error: (): void => undefined };
  const options = { allErrors: true, strict: false, validateFormats: true, validateSchema: false, logger, code: { regExp: schemaRegExp as unknown as RegExpEngine, optimize: false } } as const;
  if (dialect === '2019-09' || dialect === '2020-12') {
    const ajv = dialect === '2019-09' ? new (loadClass<Ajv2019Class>(require('ajv/dist/2019.js')))(options) : new (loadClass<Ajv2020Class>(require('ajv/dist/2020.js')))(options);
    addFormats(ajv);
    return memoizedFormats(hashedUniqueItems(ajv));
  }
  const ajv = createAjv(options);
  if (dialect === 'draft-06') {
    // checked against draft-07 and so compiled now, with ajv's own uniqueItems (as before validateSchema: false)
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object, undefined, true);
  }
  return memoizedFormats(hashedUniqueItems(ajv));
}
