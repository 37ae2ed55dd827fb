import type { EvidenceFile } from '../../../evidence/evidence-file.js';
import { readSmall } from './dictionary.js';
import { findJsonError } from '../../../evidence/formats/json/syntax.js';
import { dialectOf, type Dialect } from './schema-ajv.js';
import { SchemaValidators } from './schema-validators.js';
import { firstInvalidUtf8, positionIn, positionInText } from '../../../diagnostics/utf8.js';

/** Largest export schema read. */
const MAX_SCHEMA_BYTES = 16 * 1024 * 1024;

/** Why a manufacturer's export schema cannot be used. */
export type SchemaProblemReason = 'too-large' | 'encoding' | 'not-json' | 'unsupported-dialect' | 'invalid';

export type SchemaLoad =
  | { ok: true; schema: unknown; dialect: Dialect; validators: SchemaValidators }
  | { ok: false; reason: SchemaProblemReason; line?: number; column?: number; detail?: string };

function firstLine(s: string): string {
  const line = s.split('\n')[0]!;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * Reads the manufacturer's JSON Schema and compiles it once here, so a schema that is not JSON or
 * not valid JSON Schema is a finding on its slot (never an exit 2: it is evidence, not our input).
 */
export async function loadSchema(file: EvidenceFile): Promise<SchemaLoad> {
  const bytes = await readSmall(file, MAX_SCHEMA_BYTES);
  if (!bytes) return { ok: false, reason: 'too-large', detail: String(file.bytes) };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { ok: false, reason: 'encoding', ...positionIn(bytes, 0, bad, { line: 1, column: 1 }) };
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    const e = findJsonError(text);
    return { ok: false, reason: 'not-json', ...positionInText(text, 0, e?.offset ?? 0, { line: 1, column: 1 }), detail: e?.reason ?? 'unexpected-character' };
  }
  if (typeof schema !== 'boolean' && (schema === null || typeof schema !== 'object' || Array.isArray(schema))) {
    return { ok: false, reason: 'invalid', detail: 'a JSON Schema is an object or a boolean' };
  }
  const dialect = dialectOf(schema);
  if (typeof dialect !== 'string') return { ok: false, reason: 'unsupported-dialect', detail: dialect.unsupported };
  let validators: SchemaValidators;
  try {
    validators = new SchemaValidators(schema);
  } catch (err) {
    return { ok: false, reason: 'invalid', detail: firstLine(err instanceof Error ? err.message : String(err)) };
  }
  return { ok: true, schema, dialect, validators };
}
