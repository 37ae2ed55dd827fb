import type { ErrorObject, ValidateFunction } from 'ajv';
import { createSchemaAjv, dialectOf, type Dialect } from './schema-ajv.js';
import { checkAgainstMetaSchema } from './schema-meta.js';
import { decodeSegment, escapeSegment, splitPointer } from '../../../diagnostics/json-pointer.js';
import type { AjvInstance } from '../../../diagnostics/ajv.js';
import type { LinearRegExp } from '../../../diagnostics/linear-regexp.js';
import { schemaRegExp } from './schema-regexp.js';
import { maskDigits } from '../../../util/redact.js';

/** One schema violation, safe to report: where, which keyword, and the schema's side of it only. */
export interface Violation {
  /** 1-based record number (NDJSON line record); absent for JSON documents. */
  record?: number;
  /** Line where the record (or the document unit holding the value) starts. */
  line?: number;
  /** JSON pointer of the value in the document or record, digit runs masked. */
  pointer: string;
  keyword: string;
  /** Parameters from the schema (never the value found in the export). */
  params: Record<string, string | number>;
}

/** Keywords that tie a node's children together: a schema using them above a unit cannot be split. */
const BLOCKING = ['anyOf', 'oneOf', 'if', 'not', 'dependentSchemas', 'dependencies', '$dynamicRef', '$recursiveRef', 'unevaluatedProperties', 'unevaluatedItems'];


function at(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[decodeSegment(seg)];
  }
  return node;
}

type Resolved = { pointers: string[] } | { blocked: string };

/**
 * Schema pointers (inside the root schema) that all apply to the node at `ptr`: the node itself, the
 * targets of its local `$ref`s and the members of its `allOf`, recursively.
 */
function expand(root: unknown, ptr: string, depth = 0): Resolved {
  if (depth > 32) return { blocked: ptr };
  const node = at(root, ptr);
  if (node === undefined || node === true) return { pointers: [] };
  if (node === false || typeof node !== 'object' || node === null) return { pointers: [ptr] };
  const out: string[] = [ptr];
  const n = node as Record<string, unknown>;
  if (typeof n.$ref === 'string') {
    if (n.$ref !== '#' && !n.$ref.startsWith('#/')) return { blocked: ptr };
    const target = expand(root, decodeURIComponent(n.$ref.slice(1)), depth + 1);
    if ('blocked' in target) return target;
    out.push(...target.pointers);
  }
  if (Array.isArray(n.allOf)) {
    for (let i = 0; i < n.allOf.length; i++) {
      const member = expand(root, `${ptr}/allOf/${i}`, depth + 1);
      if ('blocked' in member) return member;
      out.push(...member.pointers);
    }
  }
  return { pointers: out };
}

/**
 * Schema pointers of the children, at pattern segment `seg` (`*` for array items), of the nodes
 * `parents` (already expanded). Not expanded themselves: compiling a pointer brings its `$ref` and
 * `allOf` along.
 */
function children(root: unknown, parents: string[], seg: string): Resolved {
  const out: string[] = [];
  for (const p of parents) {
    const node = at(root, p);
    if (node === null || typeof node !== 'object') continue;
    const n = node as Record<string, unknown>;
    if (BLOCKING.some((k) => k in n)) return { blocked: p };
    if (seg === '*') {
      if (Array.isArray(n.items) || 'prefixItems' in n) return { blocked: p };
      if (n.items !== undefined) out.push(`${p}/items`);
      continue;
    }
    const key = decodeSegment(seg);
    const props = n.properties as Record<string, unknown> | undefined;
    let matched = false;
    if (props && Object.prototype.hasOwnProperty.call(props, key)) {
      out.push(`${p}/properties/${escapeSegment(key)}`);
      matched = true;
    }
    const patterns = n.patternProperties as Record<string, unknown> | undefined;
    for (const pat of Object.keys(patterns ?? {})) {
      let re: LinearRegExp;
      try {
        re = schemaRegExp(pat);
      } catch {
        return { blocked: p };
      }
      if (re.test(key)) {
        out.push(`${p}/patternProperties/${escapeSegment(pat)}`);
        matched = true;
      }
    }
    if (!matched && n.additionalProperties !== undefined) out.push(`${p}/additionalProperties`);
  }
  return { pointers: out };
}

/** What a unit at a pattern is validated against. */
export type UnitValidator = { validate: ValidateFunction } | { any: true } | { blocked: string };

/**
 * The manufacturer's schema compiled once, with validators for the units of a document: a unit at
 * `/entry/*` is validated against the schema reached by `properties/entry/items`, following local
 * `$ref`s and `allOf`. A unit under an `anyOf`/`oneOf`/`if`/`not` cannot be split that way and is
 * reported as not validated rather than judged against a guess.
 */
export class SchemaValidators {
  readonly dialect: Dialect;
  readonly root: ValidateFunction;
  private readonly ajv: AjvInstance;
  private readonly base: string;
  private readonly byPattern = new Map<string, UnitValidator>();
  private readonly warnings: string[] = [];

  /** Compiles the schema; throws (with ajv's message) when it is not a valid JSON Schema. */
  constructor(private readonly schema: unknown) {
    const dialect = dialectOf(schema);
    if (typeof dialect !== 'string') throw new Error(`unsupported $schema ${dialect.unsupported}`);
    this.dialect = dialect;
    this.ajv = createSchemaAjv(dialect, this.warnings);
    const id = schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>).$id : undefined;
    this.base = typeof id === 'string' && id !== '' ? id.replace(/#.*$/, '') : 'urn:dmn-check:export-schema';
    if (typeof id === 'string' && id !== '') this.ajv.addSchema(schema as object);
    else this.ajv.addSchema(schema as object, this.base);
    checkAgainstMetaSchema(this.ajv, dialect, schema);
    const root = this.ajv.getSchema(this.base);
    if (!root) throw new Error('the schema could not be compiled');
    this.root = root;
  }

  /**
   * The `format`s of the schema that no validator here knows, with where the schema names them: their
   * values are not checked (ajv ignores an unknown format), which the report must say.
   */
  unknownFormats(): { format: string; at: string }[] {
    const out = new Map<string, { format: string; at: string }>();
    for (const w of this.warnings) {
      const m = /^unknown format "(.*)" ignored in schema at path "(.*)"$/s.exec(w);
      if (m && !out.has(m[1]!)) out.set(m[1]!, { format: m[1]!, at: m[2]! });
    }
    return [...out.values()];
  }

  /** The validator for units at `pattern` (`''` is the document or record root). */
  forPattern(pattern: string): UnitValidator {
    if (pattern === '') return { validate: this.root };
    const known = this.byPattern.get(pattern);
    if (known) return known;
    let current: Resolved = { pointers: [''] };
    for (const seg of splitPointer(pattern)) {
      const expanded: string[] = [];
      for (const p of current.pointers) {
        const e = expand(this.schema, p);
        if ('blocked' in e) {
          current = e;
          break;
        }
        expanded.push(...e.pointers);
      }
      if ('blocked' in current) break;
      current = children(this.schema, expanded, seg);
      if ('blocked' in current) break;
    }
    let out: UnitValidator;
    if ('blocked' in current) out = { blocked: current.blocked };
    else if (current.pointers.length === 0) out = { any: true };
    else {
      const refs = current.pointers.map((p) => ({ $ref: `${this.base}#${p.split('/').map(encodeURIComponent).join('/')}` }));
      out = { validate: this.ajv.compile(refs.length === 1 ? refs[0]! : { allOf: refs }) };
    }
    this.byPattern.set(pattern, out);
    return out;
  }
}

function listOf(values: unknown): string {
  const list = Array.isArray(values) ? values : [values];
  const shown = list.slice(0, 5).map((v) => JSON.stringify(v));
  return list.length > 5 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Turns an ajv error into a violation; only the schema's side of the error is kept. */
export function toViolation(e: ErrorObject, base: string): Violation {
  const p = e.params as Record<string, unknown>;
  const params: Record<string, string | number> = {};
  switch (e.keyword) {
    case 'required':
    case 'dependentRequired':
      params.property = String(p.missingProperty);
      break;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      params.property = maskDigits(String(p.additionalProperty ?? p.unevaluatedProperty));
      break;
    case 'type':
      params.expected = String(p.type);
      break;
    case 'enum':
      params.expected = listOf(p.allowedValues);
      break;
    case 'const':
      params.expected = listOf(p.allowedValue);
      break;
    case 'pattern':
      params.expected = String(p.pattern);
      break;
    case 'format':
      params.expected = String(p.format);
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      params.expected = `${String(p.comparison)} ${String(p.limit)}`;
      break;
    case 'multipleOf':
      params.expected = String(p.multipleOf);
      break;
    default:
      if (typeof p.limit === 'number') params.expected = p.limit;
  }
  return { pointer: maskDigits(base + e.instancePath), keyword: e.keyword, params };
}
