import { plural } from '../util/numbers.js';
import type { ErrorObject } from 'ajv';
import { outdentProblems } from './outdent.js';
import { didYouMean } from './suggest.js';
import { dottedPath, pointerToPath, positionOf } from './yaml-position.js';
import { shorten } from './value-text.js';
import { type YamlSource } from './yaml-source.js';
import { t2, type InputProblem, type UserInputCode } from './user-input-error.js';
import type { Localized } from '../report/report.js';

/** Friendly wording of a `oneOf` failure, keyed by the `x-kind` annotation of the schema that holds it. */
const ONE_OF_WORDING: Record<string, Localized> = {
  condition: t2(
    'is not a valid condition: expected one of {fact, is}, {fact, in}, {all}, {any}, {not}, {slot, provides}.',
    "n’est pas une condition valide\u00a0: attendu {fact, is}, {fact, in}, {all}, {any}, {not} ou {slot, provides}.",
  ),
  checkUse: t2('is not a valid check use: expected a check name or {check, options}.', "n’est pas un appel de contrôle valide\u00a0: attendu un nom de contrôle ou {check, options}."),
  evidenceRef: t2(
    'is not a valid evidence entry: expected a path, a list of paths, {path, sha256} or {fhir, token_env}.',
    "n’est pas une preuve valide\u00a0: attendu un chemin, une liste de chemins, {path, sha256} ou {fhir, token_env}.",
  ),
};

/** JSON types as a French reader of a YAML file calls them (FRENCH.md 3). */
const TYPE_FR: Record<string, string> = {
  object: 'un bloc de clés (lignes « clé: valeur » indentées)',
  array: 'une liste',
  string: 'un texte',
  boolean: 'true ou false',
  number: 'un nombre',
  integer: 'un nombre entier',
  null: 'vide',
};

function describe(e: ErrorObject): Localized {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return t2(`missing required key "${shorten(String(p.missingProperty))}".`, `clé obligatoire « ${shorten(String(p.missingProperty))} » absente.`);
    case 'additionalProperties':
      return t2(`unknown key "${shorten(String(p.additionalProperty))}".`, `clé inconnue « ${shorten(String(p.additionalProperty))} ».`);
    case 'type':
      return t2(`must be of type ${String(p.type)}.`, `doit être ${String(p.type).split(',').map((t) => TYPE_FR[t] ?? `de type ${t}`).join(' ou ')}.`);
    case 'enum':
      return t2(`must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`, `doit valoir ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`);
    case 'const':
      return t2(`must be ${JSON.stringify(p.allowedValue)}.`, `doit valoir ${JSON.stringify(p.allowedValue)}.`);
    case 'pattern':
      return t2(`does not match the expected form ${String(p.pattern)}.`, `ne respecte pas la forme attendue ${String(p.pattern)}.`);
    case 'format':
      return t2(`must be a ${String(p.format)}${p.format === 'date' ? ' (YYYY-MM-DD)' : ''}.`, `doit être au format ${String(p.format)}${p.format === 'date' ? ' (AAAA-MM-JJ)' : ''}.`);
    case 'minLength':
      return t2(`must have at least ${String(p.limit)} characters.`, `doit contenir au moins ${String(p.limit)} caractères.`);
    case 'minItems':
      return t2(`must have at least ${plural(Number(p.limit), 'en', 'item')}.`, `doit contenir au moins ${plural(Number(p.limit), 'fr', 'élément')}.`);
    case 'minProperties':
      return t2('must not be empty.', 'ne doit pas être vide.');
    case 'propertyNames':
      return t2(`has an invalid key name.`, `contient un nom de clé invalide.`);
    default:
      return t2(e.message ?? 'is invalid.', e.message ?? 'est invalide.');
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
    let message = describe(e);
    if (e.keyword === 'oneOf') message = ONE_OF_WORDING[oneOfName(e) ?? ''] ?? message;
    const hint = keyProblem ? didYouMean(String(p.additionalProperty), knownKeys(path)) : undefined;
    problems.push({ code, ...pos, subject: fullPath.length ? dottedPath(fullPath) : undefined, message, hint });
  }
  return problems;
}
