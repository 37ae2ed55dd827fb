import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { createAjv, type AjvInstance } from '../diagnostics/ajv.js';
import { ajvProblems } from '../diagnostics/ajv-problems.js';
import { precompiledOptions, precompiledOr } from '../diagnostics/precompiled.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { UserInputError, t2, type InputProblem } from '../diagnostics/user-input-error.js';
import { dottedPath, positionOf, readYamlKnown, type YamlSource } from '../diagnostics/yaml-source.js';
import { isKnownKindOrGroup, KIND_GROUPS, KINDS } from '../evidence/kinds.js';
import { BUILTIN_CHECKS, createRegistry, type CheckRegistry } from '../checks/registry.js';
import type { AnyCheck } from '../checks/types.js';
import { factsOf, slotRefsOf } from './condition.js';
import { normalizeId } from './ids.js';
import { rulesetSchema } from './schema.js';
import type { CheckUse, Condition, FactDef, FactValue, Localized, RequirementDef, Ruleset, ScenarioDef, SectionDef, SlotDef } from './types.js';
import { displayPath } from '../diagnostics/display-path.js';

/** Folder of the rulesets shipped with dmn-check. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
export const DEFAULT_RULESET = path.join(BUNDLED_RULES_DIR, 'ans-dmn-1.2.2.yaml');
/** The bundled rulesets parsed at build time (scripts/build-validators.mjs), each with the SHA-256 of its YAML. */
const PARSED_RULES_DIR = fileURLToPath(new URL('../generated/rules/', import.meta.url));

/**
 * A bundled ruleset's value parsed at build time (`known`), if these are still the bytes it was parsed
 * from; `validAtBuild` is then whether the build found that value valid against the ruleset schema.
 */
function parsedAtBuild(abs: string): { known: (bytes: Buffer) => unknown; validAtBuild: boolean } {
  const out = {
    validAtBuild: false,
    known: (bytes: Buffer): unknown => {
      if (path.dirname(abs) + path.sep !== BUNDLED_RULES_DIR) return undefined;
      try {
        const parsed = JSON.parse(readFileSync(path.join(PARSED_RULES_DIR, `${path.basename(abs, '.yaml')}.json`), 'utf8')) as { sha256: string; value: unknown; schemaValid?: boolean };
        if (parsed.sha256 !== createHash('sha256').update(bytes).digest('hex')) return undefined;
        out.validAtBuild = parsed.schemaValid === true;
        return parsed.value;
      } catch {
        // not built (tests run from src/), or the standalone executable: parse the YAML
        return undefined;
      }
    },
  };
  return out;
}

// Created only when a schema must be compiled here (no build, or a check from outside): the build's
// validators are standalone code.
let ajv: AjvInstance | undefined;
const compile = (schema: object): ValidateFunction => (ajv ??= createAjv({ verbose: true })).compile(schema);
// loaded on first use: a bundled ruleset the build found valid is not checked again
let validateRuleset: ValidateFunction | undefined;
const rulesetValidator = (): ValidateFunction => (validateRuleset ??= precompiledOr('validate-ruleset.cjs', () => compile(rulesetSchema)));
const optionValidators = new WeakMap<object, ValidateFunction>();
let builtinOptions: Readonly<Record<string, ValidateFunction>> | undefined;

/** A check's options validator: generated at build time for a built-in check, else compiled once per schema. */
function optionsValidator(check: AnyCheck): ValidateFunction {
  let v = optionValidators.get(check.schema);
  if (!v) {
    builtinOptions ??= precompiledOptions();
    v = (BUILTIN_CHECKS.includes(check) ? builtinOptions[check.name] : undefined) ?? compile(check.schema);
    optionValidators.set(check.schema, v);
  }
  return v;
}

/* Raw shapes, as the schema guarantees them. */
interface RawSlot {
  name: string;
  title: Localized;
  expects: Localized;
  required?: boolean | Condition;
  accepts: string[];
  multiple?: boolean;
  checks?: RawCheckUse[];
  looks_for?: Localized;
  proofs?: string[];
}
interface RawRequirement {
  id: string;
  section: string;
  profile?: string;
  mandatory_since?: string;
  title: Localized;
  statement: Localized;
  scenarios?: { id: string; title: Localized; profile?: string; statement?: Localized; applies_when?: Condition; proofs?: { id: string; text: Localized }[] }[];
  not_applicable_when?: { when: Condition; reason: Localized }[];
  slots?: RawSlot[];
  clarifications?: { source: string; text: Localized }[];
  examples?: { title: Localized; language: string; text: string }[];
}
/** `{ id, inherit: true }`: the base ruleset's definition of that requirement, placed here. */
interface RawInherited {
  id: string;
  inherit: true;
}
interface RawRuleset {
  id: string;
  version: string;
  title: Localized;
  extends?: string;
  sections?: Record<string, { grid_id?: string; title: Localized }>;
  facts?: Record<string, { type: FactDef['type']; question: Localized; values?: Record<string, Localized> }>;
  requirements?: (RawRequirement | RawInherited)[];
  statement_document?: { checks?: RawCheckUse[] };
}

function isInherited(r: RawRequirement | RawInherited): r is RawInherited {
  return 'inherit' in r;
}

type RawCheckUse = string | { check: string; options?: Record<string, unknown> };

export interface LoadRulesetOptions {
  /** Checks the ruleset may name (default: the built-in registry). */
  registry?: CheckRegistry;
  /** Folder file names are shown relative to (default: the process's working directory). */
  cwd?: string;
}

const BUNDLED_REF = /^([a-z][a-z0-9-]*)@([\w.-]+)$/;

/** Resolves `ans-dmn@1.2.2` to the bundled file, anything else as a path relative to `from`. */
function resolveRef(ref: string, from: string): string {
  const bundled = BUNDLED_REF.exec(ref);
  if (bundled) return bundledRulesetFile(ref);
  return path.resolve(from, ref);
}

/** The bundled file of `id@version` (`ans-dmn-complete@1.2.2` → rules/ans-dmn-complete-1.2.2.yaml). */
export function bundledRulesetFile(ref: string): string {
  const m = BUNDLED_REF.exec(ref);
  if (!m) throw new Error(`not a bundled ruleset reference: ${ref}`);
  return path.join(BUNDLED_RULES_DIR, `${m[1]}-${m[2]}.yaml`);
}

/**
 * The bundled rulesets (`id@version`, other than `except`) that declare fact `name`: for the "did you
 * mean --rules" hint when a manifest answers a fact the ruleset in use does not have. Only called
 * on that error path, so loading each bundled ruleset is acceptable.
 */
export function bundledRulesetsWithFact(name: string, except: string): string[] {
  return (bundledFacts().get(name) ?? []).filter((ref) => ref !== except);
}

/** Fact name → the bundled rulesets (`id@version`) declaring it, built once per process: a hostile manifest may name 150,000 unknown facts. */
let bundledFactIndex: Map<string, string[]> | undefined;
function bundledFacts(): Map<string, string[]> {
  if (bundledFactIndex) return bundledFactIndex;
  const index = new Map<string, string[]>();
  for (const file of readdirSync(BUNDLED_RULES_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
    try {
      const r = loadRuleset(path.join(BUNDLED_RULES_DIR, file));
      const ref = `${r.id}@${r.version}`;
      for (const f of r.facts) index.set(f.name, [...(index.get(f.name) ?? []), ref]);
    } catch {
      // A bundled ruleset that does not load is caught by its own tests; no hint from it here.
    }
  }
  bundledFactIndex = index;
  return index;
}

/** Whether a bundled ruleset file exists for `ref` (`ans-dmn-complete@1.2.2`). */
export function isBundledRuleset(ref: string): boolean {
  return isBundledRef(ref) && existsSync(bundledRulesetFile(ref));
}

/** Whether `ref` has the `id@version` form of a bundled ruleset. */
export function isBundledRef(ref: string): boolean {
  return BUNDLED_REF.test(ref);
}

function display(abs: string, cwd: string): string {
  if (abs.startsWith(BUNDLED_RULES_DIR)) return `rules/${path.relative(BUNDLED_RULES_DIR, abs).split(path.sep).join('/')}`;
  return displayPath(abs, cwd);
}

/**
 * Loads, validates and resolves a ruleset (following `extends`). Every problem found in every file
 * is collected and thrown as one UserInputError; the result is frozen.
 */
export function loadRuleset(file: string, options: LoadRulesetOptions = {}): Ruleset {
  const cwd = options.cwd ?? process.cwd();
  const registry = options.registry ?? createRegistry();
  // `--rules ans-dmn-complete@1.2.2` names a bundled ruleset, unless a file of that name exists.
  const abs = isBundledRef(file) && !existsSync(path.resolve(cwd, file)) ? bundledRulesetFile(file) : path.resolve(cwd, file);
  const result = loadChain(abs, cwd, registry, []);
  return deepFreeze(result);
}

function loadChain(abs: string, cwd: string, registry: CheckRegistry, stack: string[]): Ruleset {
  const name = display(abs, cwd);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    real = abs;
  }
  if (stack.includes(real)) {
    const chain = [...stack.slice(stack.indexOf(real)), real].map((p) => display(p, cwd)).join(' → ');
    throw new UserInputError({
      code: 'ruleset.cycle',
      file: name,
      message: t2(`extends itself: ${chain}.`, `s’étend lui-même\u00a0: ${chain}.`),
      hint: t2('Remove one `extends` from the cycle.', 'Retirez un `extends` du cycle.'),
    });
  }
  const build = parsedAtBuild(abs);
  const src = readYamlKnown(abs, name, 'ruleset', build.known);
  const raw = src.value;
  // the same bytes and the same schema as at build time: the same verdict
  const validate = build.validAtBuild ? undefined : rulesetValidator();
  if (validate && !validate(raw)) {
    const known = (p: string[]): readonly string[] => knownKeysAt(p);
    throw new UserInputError(ajvProblems(validate.errors ?? [], src, 'ruleset.invalid', known));
  }
  const r = raw as RawRuleset;
  let base: Ruleset | undefined;
  if (r.extends !== undefined) {
    const parentAbs = resolveRef(r.extends, path.dirname(abs));
    try {
      base = loadChain(parentAbs, cwd, registry, [...stack, real]);
    } catch (err) {
      if (err instanceof UserInputError && err.problems.every((p) => p.code === 'file.unreadable' && p.file === display(parentAbs, cwd))) {
        throw new UserInputError({
          code: 'ruleset.invalid',
          ...positionOf(src, ['extends']),
          subject: 'extends',
          message: t2(`base ruleset "${r.extends}" cannot be read.`, `le référentiel de base « ${r.extends} » est illisible.`),
          hint: t2('Give a path relative to this file, or a bundled id such as ans-dmn@1.2.2.', 'Donnez un chemin relatif à ce fichier, ou un identifiant livré comme ans-dmn@1.2.2.'),
        });
      }
      throw err;
    }
  }
  const problems: InputProblem[] = [];
  for (const [name, f] of Object.entries(r.facts ?? {})) {
    if ((f.type === 'enum') !== (f.values !== undefined)) {
      problems.push({
        code: 'ruleset.invalid',
        ...positionOf(src, ['facts', name], true),
        subject: dottedPath(['facts', name]),
        message:
          f.type === 'enum'
            ? t2('an enum fact needs `values`.', 'un fait de type enum doit avoir des `values`.')
            : t2(`a ${f.type} fact takes no \`values\`.`, `un fait de type ${f.type} n’a pas de \`values\`.`),
      });
    }
  }
  const facts = mergeFacts(base?.facts ?? [], r.facts ?? {});
  const sections = mergeSections(base?.sections ?? [], r.sections ?? {});
  const ownRequirements: (RequirementDef | { inherit: string })[] = [];
  (r.requirements ?? []).forEach((req, i) => {
    if (!isInherited(req)) {
      const def = toRequirement(req, i, src, facts, registry, problems);
      if (sections.length > 0 && !sections.some((x) => x.id === req.section)) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, ['requirements', i, 'section']),
          subject: dottedPath(['requirements', i, 'section']),
          message: t2(`undeclared section "${req.section}".`, `section non déclarée « ${req.section} ».`),
          hint: didYouMean(req.section, sections.map((x) => x.id)) ?? t2('Declare it under `sections:`.', 'Déclarez-la sous `sections:`.'),
        });
      }
      ownRequirements.push(def);
      return;
    }
    const from = base?.requirements.find((b) => normalizeId(b.id) === normalizeId(req.id));
    if (!from) {
      problems.push({
        code: 'ruleset.invalid',
        ...positionOf(src, ['requirements', i, 'inherit']),
        subject: dottedPath(['requirements', i, 'inherit']),
        message: base
          ? t2(`the base ruleset ${base.id}@${base.version} has no requirement "${req.id}".`, `le référentiel de base ${base.id}@${base.version} n’a pas d’exigence « ${req.id} ».`)
          : t2('`inherit` needs a base ruleset (`extends`).', '`inherit` suppose un référentiel de base (`extends`).'),
        hint: base ? didYouMean(req.id, base.requirements.map((b) => b.id)) : undefined,
      });
      return;
    }
    ownRequirements.push({ inherit: from.id });
  });
  const seen = new Map<string, number>();
  (r.requirements ?? []).forEach((req, i) => {
    const n = normalizeId(req.id);
    if (seen.has(n)) {
      problems.push({
        code: 'ruleset.invalid',
        ...positionOf(src, ['requirements', i, 'id']),
        subject: dottedPath(['requirements', i, 'id']),
        message: t2(`duplicate requirement id "${req.id}" (also at requirements[${seen.get(n)}]).`, `identifiant d’exigence « ${req.id} » en double (aussi en requirements[${seen.get(n)}]).`),
      });
    } else seen.set(n, i);
  });
  const statementDocumentChecks =
    r.statement_document?.checks !== undefined ? resolveCheckUses(r.statement_document.checks, ['statement_document'], src, registry, problems) : (base?.statementDocumentChecks ?? []);
  if (problems.length > 0) throw new UserInputError(problems);
  const merged = mergeRequirements(base?.requirements ?? [], ownRequirements);
  const hash = createHash('sha256').update(src.bytes);
  if (base) hash.update(base.sha256);
  return { id: r.id, version: r.version, title: r.title, sha256: hash.digest('hex'), facts, sections, requirements: merged, statementDocumentChecks };
}

/** Keys accepted at a place of the ruleset, for "did you mean" on unknown keys. */
function knownKeysAt(p: string[]): readonly string[] {
  const depth = p.length;
  if (depth === 0) return Object.keys(rulesetSchema.properties);
  if (p[0] === 'facts' && depth === 2) return ['type', 'question', 'values'];
  if (p[0] === 'requirements' && depth === 2) return Object.keys(rulesetSchema.$defs.requirement.properties);
  if (p[0] === 'requirements' && p[2] === 'slots' && depth === 4) return Object.keys(rulesetSchema.$defs.slot.properties);
  if (p[0] === 'requirements' && p[2] === 'scenarios' && depth === 4) return Object.keys(rulesetSchema.$defs.requirement.properties.scenarios.items.properties);
  if (p[0] === 'sections' && depth === 2) return ['grid_id', 'title'];
  return [];
}

function mergeFacts(base: readonly FactDef[], own: NonNullable<RawRuleset['facts']>): FactDef[] {
  const byName = new Map(base.map((f) => [f.name, f] as const));
  for (const [name, f] of Object.entries(own)) {
    const def: FactDef = { name, type: f.type, question: f.question };
    if (f.values) def.values = Object.entries(f.values).map(([value, label]) => ({ value, label }));
    byName.set(name, def);
  }
  return [...byName.values()];
}

function mergeSections(base: readonly SectionDef[], own: NonNullable<RawRuleset['sections']>): SectionDef[] {
  const byId = new Map(base.map((x) => [x.id, x] as const));
  for (const [id, x] of Object.entries(own)) byId.set(id, { id, title: x.title, ...(x.grid_id !== undefined ? { gridId: x.grid_id } : {}) });
  return [...byId.values()];
}

/**
 * Base requirements first, in their order; an own requirement with a base id replaces it in place,
 * a new one is appended. An `inherit` entry moves the base definition to that place in the own
 * order, so a ruleset can extend another and still list every requirement in its official order.
 */
function mergeRequirements(base: readonly RequirementDef[], own: readonly (RequirementDef | { inherit: string })[]): RequirementDef[] {
  const inherited = new Set(own.flatMap((r) => ('inherit' in r ? [normalizeId(r.inherit)] : [])));
  const out = base.filter((b) => !inherited.has(normalizeId(b.id)));
  for (const r of own) {
    if ('inherit' in r) {
      out.push(base.find((b) => normalizeId(b.id) === normalizeId(r.inherit))!);
      continue;
    }
    const i = out.findIndex((b) => normalizeId(b.id) === normalizeId(r.id));
    if (i >= 0) out[i] = r;
    else out.push(r);
  }
  return out;
}

function checkCondition(c: Condition, at: (string | number)[], src: YamlSource, facts: readonly FactDef[], earlierSlots: readonly string[] | undefined, problems: InputProblem[]): void {
  const factNames = facts.map((f) => f.name);
  const walk = (cond: Condition, p: (string | number)[]): void => {
    if ('fact' in cond) {
      const def = facts.find((f) => f.name === cond.fact);
      if (!def) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, [...p, 'fact']),
          subject: dottedPath([...p, 'fact']),
          message: t2(`condition on undeclared fact "${cond.fact}".`, `condition sur un fait non déclaré « ${cond.fact} ».`),
          hint: didYouMean(cond.fact, factNames) ?? t2('Declare it under `facts:`.', 'Déclarez-le sous `facts:`.'),
        });
        return;
      }
      const values: FactValue[] = 'is' in cond ? [cond.is] : [...cond.in];
      values.forEach((v, i) => {
        const bad = !valueFits(def, v);
        if (bad) {
          const vp = 'is' in cond ? [...p, 'is'] : [...p, 'in', i];
          problems.push({
            code: 'ruleset.invalid',
            ...positionOf(src, vp),
            subject: dottedPath(vp),
            message: t2(`${JSON.stringify(v)} is not a possible value of fact "${def.name}" (${describeType(def)}).`, `${JSON.stringify(v)} n’est pas une valeur possible du fait « ${def.name} » (${describeType(def)}).`),
          });
        }
      });
    } else if ('slot' in cond) {
      if (earlierSlots === undefined) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, p),
          subject: dottedPath(p),
          message: t2('a slot condition can only decide whether a slot is required.', "une condition sur un emplacement ne peut décider que du caractère obligatoire d’un emplacement."),
        });
      } else if (!earlierSlots.includes(cond.slot)) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, [...p, 'slot']),
          subject: dottedPath([...p, 'slot']),
          message: t2(`refers to slot "${cond.slot}", which is not an earlier slot of this requirement.`, `renvoie à l’emplacement « ${cond.slot} », qui n’est pas un emplacement précédent de cette exigence.`),
          hint: didYouMean(cond.slot, earlierSlots),
        });
      }
    } else if ('not' in cond) walk(cond.not, [...p, 'not']);
    else if ('all' in cond) cond.all.forEach((s, i) => walk(s, [...p, 'all', i]));
    else cond.any.forEach((s, i) => walk(s, [...p, 'any', i]));
  };
  walk(c, at);
}

function describeType(def: FactDef): string {
  return def.type === 'enum' ? (def.values ?? []).map((v) => v.value).join(' | ') : def.type;
}

export function valueFits(def: FactDef, v: unknown): boolean {
  switch (def.type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'enum':
      return typeof v === 'string' && (def.values ?? []).some((x) => x.value === v);
  }
}

function toRequirement(req: RawRequirement, i: number, src: YamlSource, facts: readonly FactDef[], registry: CheckRegistry, problems: InputProblem[]): RequirementDef {
  const at = ['requirements', i] as (string | number)[];
  const prefix = normalizeId(req.id);
  (req.scenarios ?? []).forEach((s, j) => {
    if (!normalizeId(s.id).startsWith(`${prefix}.`)) {
      problems.push({
        code: 'ruleset.invalid',
        ...positionOf(src, [...at, 'scenarios', j, 'id']),
        subject: dottedPath([...at, 'scenarios', j, 'id']),
        message: t2(`scenario "${s.id}" does not belong to requirement "${req.id}".`, `le scénario « ${s.id} » n’appartient pas à l’exigence « ${req.id} ».`),
        hint: t2(`Scenario ids take the form "${req.id}.n".`, `Les scénarios sont numérotés « ${req.id}.n ».`),
      });
    }
    if (s.applies_when) checkCondition(s.applies_when, [...at, 'scenarios', j, 'applies_when'], src, facts, undefined, problems);
  });
  const proofIds = (req.scenarios ?? []).flatMap((s) => (s.proofs ?? []).map((p) => p.id));
  (req.not_applicable_when ?? []).forEach((na, j) => checkCondition(na.when, [...at, 'not_applicable_when', j, 'when'], src, facts, undefined, problems));
  const slots: SlotDef[] = [];
  const names: string[] = [];
  (req.slots ?? []).forEach((s, j) => {
    const sp = [...at, 'slots', j];
    if (names.includes(s.name)) {
      problems.push({
        code: 'ruleset.invalid',
        ...positionOf(src, [...sp, 'name']),
        subject: dottedPath([...sp, 'name']),
        message: t2(`duplicate slot name "${s.name}".`, `nom d’emplacement « ${s.name} » en double.`),
      });
    }
    if (typeof s.required === 'object') checkCondition(s.required, [...sp, 'required'], src, facts, names, problems);
    s.accepts.forEach((k, n) => {
      if (!isKnownKindOrGroup(k)) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, [...sp, 'accepts', n]),
          subject: dottedPath([...sp, 'accepts', n]),
          message: t2(`unknown file kind "${k}".`, `type de fichier inconnu « ${k} ».`),
          hint: didYouMean(k, [...Object.keys(KINDS), ...Object.keys(KIND_GROUPS)]),
        });
      }
    });
    const checks = resolveCheckUses(s.checks ?? [], sp, src, registry, problems);
    (s.proofs ?? []).forEach((id, n) => {
      if (!proofIds.includes(id)) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, [...sp, 'proofs', n]),
          subject: dottedPath([...sp, 'proofs', n]),
          message: t2(`"${id}" is not a proof of requirement "${req.id}".`, `« ${id} » n’est pas une preuve de l’exigence « ${req.id} ».`),
          hint: didYouMean(id, proofIds),
        });
      }
    });
    names.push(s.name);
    const slot: SlotDef = {
      name: s.name,
      title: s.title,
      expects: s.expects,
      required: s.required ?? true,
      accepts: s.accepts,
      multiple: s.multiple ?? true,
      checks,
    };
    if (s.looks_for) slot.looksFor = s.looks_for;
    if (s.proofs) slot.proofs = s.proofs;
    slots.push(slot);
  });
  const def: RequirementDef = {
    id: req.id,
    section: req.section,
    title: req.title,
    statement: req.statement,
    scenarios: (req.scenarios ?? []).map(toScenario),
    profiles: [...new Set([...(req.profile !== undefined ? [req.profile] : []), ...(req.scenarios ?? []).flatMap((s) => (s.profile !== undefined ? [s.profile] : []))])],
    notApplicableWhen: req.not_applicable_when ?? [],
    slots,
    clarifications: req.clarifications ?? [],
  };
  if (req.profile !== undefined) def.profile = req.profile;
  if (req.mandatory_since !== undefined) def.mandatorySince = req.mandatory_since;
  if (req.examples !== undefined) def.examples = req.examples;
  return def;
}

function toScenario(s: NonNullable<RawRequirement['scenarios']>[number]): ScenarioDef {
  const out: ScenarioDef = { id: s.id, title: s.title, proofs: s.proofs ?? [] };
  if (s.profile !== undefined) out.profile = s.profile;
  if (s.statement !== undefined) out.statement = s.statement;
  if (s.applies_when !== undefined) out.appliesWhen = s.applies_when;
  return out;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Facts named by a requirement's N/A conditions (for "answer this fact" findings). */
export function factsNeededBy(req: RequirementDef): string[] {
  const s = new Set<string>();
  for (const na of req.notApplicableWhen) factsOf(na.when, s);
  return [...s];
}

export { slotRefsOf };

/**
 * Resolves the checks a slot (or a statement's document) names: each must exist in the registry and
 * its options must pass the check's schema and semantic validation; problems carry their position.
 */
function resolveCheckUses(raw: RawCheckUse[], sp: (string | number)[], src: YamlSource, registry: CheckRegistry, problems: InputProblem[]): CheckUse[] {
  const checks: CheckUse[] = [];
  raw.forEach((c, n) => {
    const use = typeof c === 'string' ? { check: c, options: {} } : { check: c.check, options: c.options ?? {} };
    const cp = typeof c === 'string' ? [...sp, 'checks', n] : [...sp, 'checks', n, 'check'];
    const check = registry.get(use.check);
    if (!check) {
      problems.push({
        code: 'ruleset.invalid',
        ...positionOf(src, cp),
        subject: dottedPath(cp),
        message: t2(`unknown check "${use.check}".`, `contrôle inconnu « ${use.check} ».`),
        hint: didYouMean(use.check, registry.keys()) ?? t2('`dmn-check rules list --checks` lists them.', '`dmn-check rules list --checks` les liste.'),
      });
      return;
    }
    const validate = optionsValidator(check);
    if (!validate(use.options)) {
      const op = typeof c === 'string' ? [...sp, 'checks', n] : [...sp, 'checks', n, 'options'];
      for (const e of validate.errors ?? []) {
        const where = [...op, ...e.instancePath.split('/').filter(Boolean)];
        const p = e.params as Record<string, unknown>;
        const what = e.keyword === 'additionalProperties' ? `unknown option "${String(p.additionalProperty)}"` : e.keyword === 'required' ? `missing option "${String(p.missingProperty)}"` : `${e.instancePath || 'options'} ${e.message ?? 'invalid'}`;
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, where),
          subject: dottedPath(where),
          message: t2(`bad options for check "${use.check}": ${what}.`, `options invalides pour le contrôle « ${use.check} »\u00a0: ${what}.`),
        });
      }
    }
    else if (check.validateOptions) {
      const op = typeof c === 'string' ? [...sp, 'checks', n] : [...sp, 'checks', n, 'options'];
      for (const problem of check.validateOptions(use.options)) {
        const where = [...op, ...problem.path];
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, where),
          subject: dottedPath(where),
          message: t2(`bad options for check "${use.check}": ${problem.message.en}`, `options invalides pour le contrôle « ${use.check} »\u00a0: ${problem.message.fr}`),
        });
      }
    }
    checks.push(use);
  });
  return checks;
}
