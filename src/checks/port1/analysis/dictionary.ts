import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../../diagnostics/ajv.js';
import { precompiledOr } from '../../../diagnostics/precompiled.js';
import { ajvProblems } from '../../../diagnostics/ajv-problems.js';
import { UserInputError, type SourcePosition } from '../../../diagnostics/user-input-error.js';
import { fastYamlBytes } from '../../../diagnostics/fast-yaml.js';
import { parseYaml, type YamlSource } from '../../../diagnostics/yaml-source.js';
import { positionOf } from '../../../diagnostics/yaml-position.js';
import type { EvidenceFile } from '../../../evidence/evidence-file.js';
import { DICTIONARY_SCHEMA, type Category, type DataDictionary, type DictionaryLocation } from './dictionary-schema.js';
import type { Localized } from '../../../report/report.js';
import { listParam } from '../../../diagnostics/list-param.js';
import { both } from '../../../i18n/text.js';
import { DICTIONARY_TEXT } from './dictionary-messages.js';

/** Largest dictionary read. */
const MAX_DICTIONARY_BYTES = 16 * 1024 * 1024;

/** Something wrong with the dictionary file itself, already worded in both languages. */
export interface DictionaryProblem {
  line?: number | undefined;
  column?: number | undefined;
  /** Dotted path of the value concerned (`items[3].location`). */
  subject?: string | undefined;
  what: Localized;
}

/** A dictionary item as the checks use it. */
export interface LoadedItem {
  name: string;
  category: Category;
  locations: DictionaryLocation[];
  /** Where the item is written in the dictionary file. */
  line?: number | undefined;
  column?: number | undefined;
}

export type DictionaryLoad = { ok: true; items: LoadedItem[] } | { ok: false; problems: DictionaryProblem[] };

let validator: ValidateFunction | undefined;

function validate(value: unknown): ValidateFunction {
  // Generated at build time (scripts/build-validators.mjs); compiled here when running from src/.
  validator ??= precompiledOr('validate-dictionary.cjs', () => createAjv().compile(DICTIONARY_SCHEMA));
  validator(value);
  return validator;
}

/** Reads the whole of a small evidence file (one pass, which also hashes it). */
export async function readSmall(file: EvidenceFile, max: number): Promise<Buffer | undefined> {
  if (file.bytes > max) return undefined;
  const parts: Buffer[] = [];
  for await (const c of file.chunks()) parts.push(c);
  return Buffer.concat(parts);
}

/**
 * Loads a data dictionary (YAML or JSON, which YAML reads too), validates it against its schema
 * and the rules a schema cannot say (one kind of location each, unique names). Every problem comes
 * with its line and column in the dictionary.
 */
export async function loadDictionary(file: EvidenceFile): Promise<DictionaryLoad> {
  const bytes = await readSmall(file, MAX_DICTIONARY_BYTES);
  if (!bytes) {
    return { ok: false, problems: [{ what: both(DICTIONARY_TEXT.tooLarge, { bytes: file.bytes, max: MAX_DICTIONARY_BYTES }).message }] };
  }
  // The fast reader (diagnostics/fast-yaml.ts) for a dictionary that has no problem; one that has,
  // or that it does not model, is parsed again by the library, which words and places its problems.
  const fast = fastYamlBytes(bytes);
  if (fast) {
    const v = validate(fast.value);
    if (!v.errors?.length) {
      const done = fromValue(fast.value as unknown as DataDictionary, (p) => fast.locate(file.path, p));
      if (done?.ok) return done;
    }
  }
  let src: YamlSource;
  try {
    src = parseYaml(bytes, file.path);
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    return { ok: false, problems: err.problems.map((p) => ({ line: p.line, column: p.column, subject: p.subject, what: p.message })) };
  }
  const v = validate(src.value);
  if (v.errors && v.errors.length > 0) {
    return {
      ok: false,
      problems: ajvProblems(v.errors, src, 'schema', () => []).map((p) => ({ line: p.line, column: p.column, subject: p.subject, what: p.message })),
    };
  }
  return fromValue(src.value as DataDictionary, (p) => positionOf(src, p))!;
}

/**
 * The rules a schema cannot say, on a dictionary that has passed its schema, with `at` placing a
 * path of it; undefined when `at` cannot place one (the fast reader, on a form it does not model).
 */
function fromValue(dict: DataDictionary, at: (p: (string | number)[]) => SourcePosition | undefined): DictionaryLoad | undefined {
  let unplaced = false;
  const place = (p: (string | number)[]): SourcePosition | Record<string, never> => {
    const pos = at(p);
    if (!pos) unplaced = true;
    return pos ?? {};
  };
  const problems: DictionaryProblem[] = [];
  const items: LoadedItem[] = [];
  const names = new Map<string, number>();
  dict.items.forEach((item, i) => {
    const pos = place(['items', i]);
    const first = names.get(item.name);
    if (first !== undefined) {
      problems.push({
        ...place(['items', i, 'name']),
        subject: `items[${i}].name`,
        what: both(DICTIONARY_TEXT.nameTaken, { name: item.name, item: first + 1 }).message,
      });
    } else names.set(item.name, i);
    const locations = Array.isArray(item.location) ? item.location : [item.location];
    locations.forEach((loc, j) => {
      const path = Array.isArray(item.location) ? ['items', i, 'location', j] : ['items', i, 'location'];
      const kinds = (['pointer', 'column', 'xpath'] as const).filter((k) => loc[k] !== undefined);
      const where = { ...place(path), subject: `items[${i}].location${Array.isArray(item.location) ? `[${j}]` : ''}` };
      if (kinds.length !== 1) {
        problems.push({
          ...where,
          what: both(DICTIONARY_TEXT.oneLocationKind, { given: listParam(kinds) }).message,
        });
      } else if (loc.resource_type !== undefined && loc.pointer === undefined) {
        problems.push({ ...where, what: both(DICTIONARY_TEXT.resourceTypeWithoutPointer, {}).message });
      }
    });
    items.push({ name: item.name, category: item.category, locations, line: pos.line, column: pos.column });
  });
  if (unplaced) return undefined;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items };
}
