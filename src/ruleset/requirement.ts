import type { ValidateFunction } from 'ajv';
import { createAjv, type AjvInstance } from '../diagnostics/ajv.js';
import { precompiledOptions } from '../diagnostics/precompiled.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { type InputProblem } from '../diagnostics/user-input-error.js';
import { dottedPath, positionOf } from '../diagnostics/yaml-position.js';
import { describeSchemaError } from '../diagnostics/ajv-problems.js';
import { type YamlSource } from '../diagnostics/yaml-source.js';
import { isKnownKindOrGroup, KIND_GROUPS, KINDS } from '../evidence/kinds.js';
import { BUILTIN_CHECKS, type CheckRegistry } from '../checks/registry.js';
import type { AnyCheck } from '../checks/types.js';
import { both } from '../i18n/text.js';
import { normalizeId } from './ids.js';
import { RULESET_TEXT } from './messages.js';
import type { CheckUse, Condition, FactDef, FactValue, Localized, RequirementDef, ScenarioDef, SlotDef } from './types.js';

// One requirement of a ruleset file, from its raw shape (which the ruleset schema guarantees) to its
// definition: its conditions checked against the facts, its slots' kinds, proofs and checks resolved.

// Created only when a schema must be compiled here (no build, or a check from outside): the build's
// validators are standalone code.
let ajv: AjvInstance | undefined;
export const compile = (schema: object): ValidateFunction => (ajv ??= createAjv({ verbose: true })).compile(schema);
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
export interface RawRequirement {
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

export type RawCheckUse = string | { check: string; options?: Record<string, unknown> };

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
          message: both(RULESET_TEXT.undeclaredFact, { fact: cond.fact }).message,
          hint: didYouMean(cond.fact, factNames) ?? both(RULESET_TEXT.declareFact, {}).message,
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
            message: both(RULESET_TEXT.notAFactValue, { value: JSON.stringify(v), fact: def.name, type: describeType(def) }).message,
          });
        }
      });
    } else if ('slot' in cond) {
      if (earlierSlots === undefined) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, p),
          subject: dottedPath(p),
          message: both(RULESET_TEXT.slotConditionMisplaced, {}).message,
        });
      } else if (!earlierSlots.includes(cond.slot)) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, [...p, 'slot']),
          subject: dottedPath([...p, 'slot']),
          message: both(RULESET_TEXT.notAnEarlierSlot, { slot: cond.slot }).message,
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

export function toRequirement(req: RawRequirement, i: number, src: YamlSource, facts: readonly FactDef[], registry: CheckRegistry, problems: InputProblem[]): RequirementDef {
  const at = ['requirements', i] as (string | number)[];
  const prefix = normalizeId(req.id);
  (req.scenarios ?? []).forEach((s, j) => {
    if (!normalizeId(s.id).startsWith(`${prefix}.`)) {
      problems.push({
        code: 'ruleset.invalid',
        ...positionOf(src, [...at, 'scenarios', j, 'id']),
        subject: dottedPath([...at, 'scenarios', j, 'id']),
        ...both(RULESET_TEXT.scenarioOfOtherRequirement, { scenario: s.id, requirement: req.id }),
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
        message: both(RULESET_TEXT.duplicateSlot, { slot: s.name }).message,
      });
    }
    if (typeof s.required === 'object') checkCondition(s.required, [...sp, 'required'], src, facts, names, problems);
    s.accepts.forEach((k, n) => {
      if (!isKnownKindOrGroup(k)) {
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, [...sp, 'accepts', n]),
          subject: dottedPath([...sp, 'accepts', n]),
          message: both(RULESET_TEXT.unknownKind, { kind: k }).message,
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
          message: both(RULESET_TEXT.notAProof, { proof: id, requirement: req.id }).message,
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

/**
 * Resolves the checks a slot (or a statement's document) names: each must exist in the registry and
 * its options must pass the check's schema and semantic validation; problems carry their position.
 */
export function resolveCheckUses(raw: RawCheckUse[], sp: (string | number)[], src: YamlSource, registry: CheckRegistry, problems: InputProblem[]): CheckUse[] {
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
        message: both(RULESET_TEXT.unknownCheck, { check: use.check }).message,
        hint: didYouMean(use.check, registry.keys()) ?? both(RULESET_TEXT.listChecks, {}).message,
      });
      return;
    }
    const validate = optionsValidator(check);
    if (!validate(use.options)) {
      const op = typeof c === 'string' ? [...sp, 'checks', n] : [...sp, 'checks', n, 'options'];
      for (const e of validate.errors ?? []) {
        const where = [...op, ...e.instancePath.split('/').filter(Boolean)];
        const p = e.params as Record<string, unknown>;
        const what =
          e.keyword === 'additionalProperties'
            ? both(RULESET_TEXT.unknownOption, { option: String(p.additionalProperty) }).message
            : e.keyword === 'required'
              ? both(RULESET_TEXT.missingOption, { option: String(p.missingProperty) }).message
              : both(RULESET_TEXT.optionProblem, { at: e.instancePath || 'options', problemEn: e.message ?? 'invalid', problemFr: describeSchemaError(e).fr.replace(/\.$/, '') }).message;
        problems.push({
          code: 'ruleset.invalid',
          ...positionOf(src, where),
          subject: dottedPath(where),
          message: both(RULESET_TEXT.badOptions, { check: use.check, problemEn: `${what.en}.`, problemFr: `${what.fr}.` }).message,
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
          message: both(RULESET_TEXT.badOptions, { check: use.check, problemEn: problem.message.en, problemFr: problem.message.fr }).message,
        });
      }
    }
    checks.push(use);
  });
  return checks;
}
