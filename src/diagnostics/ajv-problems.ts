import type { ErrorObject } from 'ajv';
import { outdentProblems } from './outdent.js';
import { didYouMean } from './suggest.js';
import { dottedPath, pointerToPath, positionOf } from './yaml-position.js';
import { shorten } from './value-text.js';
import { type YamlSource } from './yaml-source.js';
import { type InputProblem, type UserInputCode } from './user-input-error.js';
import { both } from '../i18n/text.js';
import type { MessageDef } from '../i18n/types.js';
import { SCHEMA_TEXT } from './messages.js';
import type { Localized } from '../report/report.js';

/** Friendly wording of a `oneOf` failure, keyed by the `x-kind` annotation of the schema that holds it. */
const ONE_OF_WORDING: Readonly<Record<string, MessageDef<never>>> = {
  condition: SCHEMA_TEXT.notACondition,
  checkUse: SCHEMA_TEXT.notACheckUse,
  evidenceRef: SCHEMA_TEXT.notAnEvidenceEntry,
};

/** What a schema error says of a value, in every language (English as ajv words it where dmn-check has no words of its own). */
export function describeSchemaError(e: ErrorObject): Localized {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return both(SCHEMA_TEXT.missingKey, { key: shorten(String(p.missingProperty)) }).message;
    case 'additionalProperties':
      return both(SCHEMA_TEXT.unknownKey, { key: shorten(String(p.additionalProperty)) }).message;
    case 'type':
      return both(SCHEMA_TEXT.wrongType, { type: String(p.type) }).message;
    case 'enum':
      return both(SCHEMA_TEXT.notOneOf, { values: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ') }).message;
    case 'const':
      return both(SCHEMA_TEXT.notConst, { value: JSON.stringify(p.allowedValue) }).message;
    case 'pattern':
      return both(SCHEMA_TEXT.badPattern, { pattern: String(p.pattern) }).message;
    case 'format':
      return both(SCHEMA_TEXT.badFormat, { format: String(p.format) }).message;
    case 'minLength':
      return both(SCHEMA_TEXT.tooShort, { limit: String(p.limit) }).message;
    case 'minItems':
      return both(SCHEMA_TEXT.tooFewItems, { limit: Number(p.limit) }).message;
    case 'minProperties':
      return both(SCHEMA_TEXT.empty, {}).message;
    case 'propertyNames':
      return both(SCHEMA_TEXT.badKeyName, {}).message;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return both(SCHEMA_TEXT.outOfBounds, { detail: e.message, comparison: String(p.comparison), limit: String(p.limit) }).message;
    case 'maxLength':
      return both(SCHEMA_TEXT.tooLong, { detail: e.message, limit: Number(p.limit) }).message;
    case 'maxItems':
      return both(SCHEMA_TEXT.tooManyItems, { detail: e.message, limit: Number(p.limit) }).message;
    case 'uniqueItems':
      return both(SCHEMA_TEXT.notUnique, { detail: e.message, i: Number(p.i), j: Number(p.j) }).message;
    default:
      return both(SCHEMA_TEXT.otherSchemaError, { detail: e.message, keyword: e.keyword }).message;
  }
}

/** The `x-kind` annotation of the schema holding a failed `oneOf` (needs ajv's `verbose`). */
function oneOfName(e: ErrorObject): string | undefined {
  const parent = e.parentSchema;
  return typeof parent?.['x-kind'] === 'string' ? parent['x-kind'] : undefined;
}

/**
 * True when `pointer` or one of its ancestors is in `set`. Walks up the pointer instead of scanning
 * the set, so thousands of failing entries stay linear.
 */
function atOrBelow(pointer: string, set: ReadonlySet<string>): boolean {
  let p = pointer;
  for (;;) {
    if (set.has(p)) return true;
    if (p === '') return false;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * Turns ajv errors into positioned problems: one per place, the most specific kept, `oneOf`
 * failures summarised instead of listing every branch.
 */
export function ajvProblems(
  errors: readonly ErrorObject[],
  src: YamlSource,
  code: UserInputCode,
  knownKeys: (path: string[]) => readonly string[] = () => [],
): InputProblem[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const kept = errors.filter((e) => {
    if (e.keyword === 'oneOf' || e.keyword === 'if') return e.keyword === 'oneOf';
    // drop branch errors of a oneOf failure at this place or above
    return !(e.schemaPath.includes('/oneOf/') && atOrBelow(e.instancePath, oneOfPaths));
  });
  const seen = new Set<string>();
  const { problems, explained } = outdentProblems(kept, src, code);
  for (const e of kept) {
    if (e.keyword === 'type' && explained.has(e.instancePath)) continue;
    const path = pointerToPath(e.instancePath);
    const p = e.params as Record<string, unknown>;
    const keyProblem = e.keyword === 'additionalProperties';
    const fullPath = keyProblem ? [...path, String(p.additionalProperty)] : path;
    const id = `${fullPath.join('\u0000')}|${e.keyword}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const pos = positionOf(src, fullPath, keyProblem);
    let message = describeSchemaError(e);
    if (e.keyword === 'oneOf') {
      const wording = ONE_OF_WORDING[oneOfName(e) ?? ''];
      if (wording) message = both(wording, {}).message;
    }
    const hint = keyProblem ? didYouMean(String(p.additionalProperty), knownKeys(path)) : undefined;
    problems.push({ code, ...pos, subject: fullPath.length ? dottedPath(fullPath) : undefined, message, hint });
  }
  return problems;
}
