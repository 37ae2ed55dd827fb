import { createHash } from 'node:crypto';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { ajvProblems } from '../diagnostics/ajv-problems.js';
import { precompiledOr } from '../diagnostics/precompiled.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { UserInputError, type InputProblem } from '../diagnostics/user-input-error.js';
import { dottedPath, positionOf } from '../diagnostics/yaml-position.js';
import { readYamlKnown } from '../diagnostics/yaml-source.js';
import { createRegistry, type CheckRegistry } from '../checks/registry.js';
import { BUNDLED_RULES_DIR, bundledRulesetFile, isBundledRef, parsedAtBuild, resolveRef, rulesetDisplayPath } from './bundled.js';
import { both } from '../i18n/text.js';
import { normalizeId } from './ids.js';
import { RULESET_TEXT } from './messages.js';
import { compile, resolveCheckUses, toRequirement, type RawCheckUse, type RawRequirement } from './requirement.js';
import { rulesetSchema } from './schema.js';
import type { FactDef, Localized, RequirementDef, Ruleset, SectionDef } from './types.js';

// The public face of the rulesets: the bundled ones are named here too.
export { BUNDLED_RULES_DIR, DEFAULT_RULESET, bundledRulesetFile, isBundledRef, isBundledRuleset } from './bundled.js';

// loaded on first use: a bundled ruleset the build found valid is not checked again
let validateRuleset: ValidateFunction | undefined;
const rulesetValidator = (): ValidateFunction => (validateRuleset ??= precompiledOr('validate-ruleset.cjs', () => compile(rulesetSchema)));

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


export interface LoadRulesetOptions {
  /** Checks the ruleset may name (default: the built-in registry). */
  registry?: CheckRegistry;
  /** Folder file names are shown relative to (default: the process's working directory). */
  cwd?: string;
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
  const name = rulesetDisplayPath(abs, cwd);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    real = abs;
  }
  if (stack.includes(real)) {
    const chain = [...stack.slice(stack.indexOf(real)), real].map((p) => rulesetDisplayPath(p, cwd)).join(' → ');
    throw new UserInputError({
      code: 'ruleset.cycle',
      file: name,
      ...both(RULESET_TEXT.extendsItself, { chain }),
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
      if (err instanceof UserInputError && err.problems.every((p) => p.code === 'file.unreadable' && p.file === rulesetDisplayPath(parentAbs, cwd))) {
        throw new UserInputError({
          code: 'ruleset.invalid',
          ...positionOf(src, ['extends']),
          subject: 'extends',
          ...both(RULESET_TEXT.baseUnreadable, { base: r.extends }),
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
        message: (f.type === 'enum' ? both(RULESET_TEXT.enumNeedsValues, {}) : both(RULESET_TEXT.noValuesFor, { type: f.type })).message,
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
          message: both(RULESET_TEXT.undeclaredSection, { section: req.section }).message,
          hint: didYouMean(req.section, sections.map((x) => x.id)) ?? both(RULESET_TEXT.declareSection, {}).message,
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
        message: (base ? both(RULESET_TEXT.notInBase, { base: `${base.id}@${base.version}`, requirement: req.id }) : both(RULESET_TEXT.inheritNeedsBase, {})).message,
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
        message: both(RULESET_TEXT.duplicateRequirement, { requirement: req.id, index: seen.get(n) }).message,
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

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
