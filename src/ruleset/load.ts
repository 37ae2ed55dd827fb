import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAjv } from '../diagnostics/ajv.js';
import { ajvProblems } from '../diagnostics/ajv-problems.js';
import { precompiledOr } from '../diagnostics/precompiled.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { UserInputError, t2, type InputProblem } from '../diagnostics/user-input-error.js';
import { dottedPath, positionOf, readYaml, type YamlSource } from '../diagnostics/yaml-source.js';
import { isKnownKindOrGroup, KIND_GROUPS, KINDS } from '../evidence/kinds.js';
import { createRegistry, type CheckRegistry } from '../checks/registry.js';
import { factsOf, slotRefsOf } from './condition.js';
import { normalizeId } from './ids.js';
import { rulesetSchema } from './schema.js';
import type { CheckUse, Condition, FactDef, FactValue, Localized, RequirementDef, Ruleset, SlotDef } from './types.js';

/** Folder of the rulesets shipped with dmn-check. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
export const DEFAULT_RULESET = path.join(BUNDLED_RULES_DIR, 'ans-dmn-1.2.2.yaml');

const ajv = createAjv({ verbose: true });
const validateRuleset = precompiledOr('validate-ruleset.cjs', () => ajv.compile(rulesetSchema));
const optionValidators = new WeakMap<object, ReturnType<typeof ajv.compile>>();

function optionsValidator(schema: object): ReturnType<typeof ajv.compile> {
  let v = optionValidators.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    optionValidators.set(schema, v);
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
  checks?: (string | { check: string; options?: Record<string, unknown> })[];
}
interface RawRequirement {
  id: string;
  section: string;
  profile?: string;
  mandatory_since?: string;
  title: Localized;
  statement: Localized;
  scenarios?: { id: string; title: Localized; proofs?: { id: string; text: Localized }[] }[];
  not_applicable_when?: { when: Condition; reason: Localized }[];
  slots?: RawSlot[];
  clarifications?: { source: string; text: Localized }[];
  examples?: { title: Localized; language: string; text: string }[];
}
interface RawRuleset {
  id: string;
  version: string;
  title: Localized;
  extends?: string;
  facts?: Record<string, { type: FactDef['type']; question: Localized; values?: Record<string, Localized> }>;
  requirements?: RawRequirement[];
}

export interface LoadRulesetOptions {
  /** Checks the ruleset may name (default: the built-in registry). */
  registry?: CheckRegistry;
  /** Folder file names are shown relative to (default: the process's working directory). */
  cwd?: string;
}

/** Resolves `ans-dmn@1.2.2` to the bundled file, anything else as a path relative to `from`. */
function resolveRef(ref: string, from: string): string {
  const bundled = /^([a-z][a-z0-9-]*)@([\w.-]+)$/.exec(ref);
  if (bundled) return path.join(BUNDLED_RULES_DIR, `${bundled[1]}-${bundled[2]}.yaml`);
  return path.resolve(from, ref);
}

function display(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  if (abs.startsWith(BUNDLED_RULES_DIR)) return `rules/${path.relative(BUNDLED_RULES_DIR, abs).split(path.sep).join('/')}`;
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : path.basename(abs);
}

/**
 * Loads, validates and resolves a ruleset (following `extends`). Every problem found in every file
 * is collected and thrown as one UserInputError; the result is frozen.
 */
export function loadRuleset(file: string, options: LoadRulesetOptions = {}): Ruleset {
  const cwd = options.cwd ?? process.cwd();
  const registry = options.registry ?? createRegistry();
  const result = loadChain(path.resolve(cwd, file), cwd, registry, []);
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
      message: t2(`extends itself: ${chain}.`, `s'étend lui-même : ${chain}.`),
      hint: t2('Remove one `extends` from the cycle.', 'Retirez un `extends` du cycle.'),
    });
  }
  const src = readYaml(abs, name, 'ruleset');
  const raw = src.value;
  if (!validateRuleset(raw)) {
    const known = (p: string[]): readonly string[] => knownKeysAt(p);
    throw new UserInputError(ajvProblems(validateRuleset.errors ?? [], src, 'ruleset.invalid', known));
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
            : t2(`a ${f.type} fact takes no \`values\`.`, `un fait de type ${f.type} n'a pas de \`values\`.`),
      });
    }
  }
  const facts = mergeFacts(base?.facts ?? [], r.facts ?? {});
  const ownRequirements = (r.requirements ?? []).map((req, i) => toRequirement(req, i, src, facts, registry, problems));
  const seen = new Map<string, number>();
  (r.requirements ?? []).forEach((req, i) => {
    const n = normalizeId(req.id);
    if (seen.has(n)) {
      problems.push({
        code: 'ruleset.invalid',
        ...positionOf(src, ['requirements', i, 'id']),
        subject: dottedPath(['requirements', i, 'id']),
        message: t2(`duplicate requirement id "${req.id}" (also at requirements[${seen.get(n)}]).`, `identifiant d'exigence « ${req.id} » en double (aussi en requirements[${seen.get(n)}]).`),
      });
    } else seen.set(n, i);
  });
  if (problems.length > 0) throw new UserInputError(problems);
  const merged = mergeRequirements(base?.requirements ?? [], ownRequirements);
  const hash = createHash('sha256').update(src.bytes);
  if (base) hash.update(base.sha256);
  return { id: r.id, version: r.version, title: r.title, sha256: hash.digest('hex'), facts, requirements: merged };
}

/** Keys accepted at a place of the ruleset, for "did you mean" on unknown keys. */
function knownKeysAt(p: string[]): readonly string[] {
  const depth = p.length;
  if (depth === 0) return Object.keys(rulesetSchema.properties);
  if (p[0] === 'facts' && depth === 2) return ['type', 'question', 'values'];
  if (p[0] === 'requirements' && depth === 2) return Object.keys(rulesetSchema.$defs.requirement.properties);
  if (p[0] === 'requirements' && p[2] === 'slots' && depth === 4) return Object.keys(rulesetSchema.$defs.slot.properties);
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

function mergeRequirements(base: readonly RequirementDef[], own: RequirementDef[]): RequirementDef[] {
  const out = [...base];
  for (const r of own) {
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
            message: t2(`${JSON.stringify(v)} is not a possible value of fact "${def.name}" (${describeType(def)}).`, `${JSON.stringify(v)} n'est pas une valeur possible du fait « ${def.name} » (${describeType(def)}).`),
          });
        }
      });
    } else if ('slot' in cond) {
      if (earlierSlots === undefined) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, p),
          subject: dottedPath(p),
          message: t2('a slot condition can only decide whether a slot is required.', "une condition sur un emplacement ne peut décider que du caractère obligatoire d'un emplacement."),
        });
      } else if (!earlierSlots.includes(cond.slot)) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, [...p, 'slot']),
          subject: dottedPath([...p, 'slot']),
          message: t2(`refers to slot "${cond.slot}", which is not an earlier slot of this requirement.`, `renvoie à l'emplacement « ${cond.slot} », qui n'est pas un emplacement précédent de cette exigence.`),
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
        message: t2(`scenario "${s.id}" does not belong to requirement "${req.id}".`, `le scénario « ${s.id} » n'appartient pas à l'exigence « ${req.id} ».`),
        hint: t2(`Scenario ids take the form "${req.id}.n".`, `Les scénarios sont numérotés « ${req.id}.n ».`),
      });
    }
  });
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
        message: t2(`duplicate slot name "${s.name}".`, `nom d'emplacement « ${s.name} » en double.`),
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
    const checks: CheckUse[] = [];
    (s.checks ?? []).forEach((c, n) => {
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
      const validate = optionsValidator(check.schema);
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
            message: t2(`bad options for check "${use.check}": ${what}.`, `options invalides pour le contrôle « ${use.check} » : ${what}.`),
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
            message: t2(`bad options for check "${use.check}": ${problem.message.en}`, `options invalides pour le contrôle « ${use.check} » : ${problem.message.fr}`),
          });
        }
      }
      checks.push(use);
    });
    names.push(s.name);
    slots.push({
      name: s.name,
      title: s.title,
      expects: s.expects,
      required: s.required ?? true,
      accepts: s.accepts,
      multiple: s.multiple ?? true,
      checks,
    });
  });
  const def: RequirementDef = {
    id: req.id,
    section: req.section,
    title: req.title,
    statement: req.statement,
    scenarios: (req.scenarios ?? []).map((s) => ({ id: s.id, title: s.title, proofs: s.proofs ?? [] })),
    notApplicableWhen: req.not_applicable_when ?? [],
    slots,
    clarifications: req.clarifications ?? [],
  };
  if (req.profile !== undefined) def.profile = req.profile;
  if (req.mandatory_since !== undefined) def.mandatorySince = req.mandatory_since;
  if (req.examples !== undefined) def.examples = req.examples;
  return def;
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
