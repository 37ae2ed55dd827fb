import type { BuiltinFinding } from '../codes.js';
import type { Severity } from '../../report/report.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import { readFhirResources, type FoundResource } from '../../evidence/formats/fhir-resources.js';
import { type OptionProblem } from '../types.js';
import { defineBuiltinCheck } from '../codes.js';
import { maskDigits } from '../../util/redact.js';
import { compile, ENV, environment, holds, isResourceType, RESERVED, resourceName, resourceTypes, syntaxMessage, type Evaluator } from './fhirpath-eval.js';
import { fhirpathMessages } from './messages.js';

/** One FHIRPath rule of a ruleset. */
interface Rule {
  /** Short stable name of the rule, shown in findings (e.g. `weight-unit`). */
  id?: string;
  /** FHIRPath expression evaluated with each resource as its context; it holds when it gives `true`. */
  expression: string;
  /** `all` (default): every resource must satisfy it; `any`: at least one must. */
  mode?: 'all' | 'any';
  /** What the rule asks, in English, for the finding. */
  message_en: string;
  /** What the rule asks, in French, for the finding. */
  message_fr: string;
  /** Severity of the findings when the rule does not hold (default `error`). */
  severity?: Severity;
}

/** Which resources of the type the rules are about; the others get one info finding each. */
interface AppliesTo {
  /** FHIRPath expression evaluated on each resource; the rules judge the resource only when it gives `true`. */
  expression: string;
  /** What an excluded resource is, in English (e.g. "not a measure this ruleset checks"). */
  message_en: string;
  /** The same, in French. */
  message_fr: string;
}

interface Options {
  /** Only resources of this type are judged (default: every resource that is not a Bundle container). */
  resource_type?: string;
  /**
   * Only resources for which this expression holds are judged; the others are reported as `info`
   * (never a failure: the rules do not cover them) and are not counted in `min_resources`.
   */
  applies_to?: AppliesTo;
  /** Named strings available to every expression as `%name` (code system URLs, for instance). */
  constants?: Record<string, string>;
  rules: Rule[];
  /** Fewest resources (of `resource_type`) the slot must hold (default 1): an empty sample proves nothing. */
  min_resources?: number;
  /** Findings listed per rule before the rest are counted in one finding (default 20). */
  max_findings?: number;
  /** Largest JSON document (not NDJSON) read, in bytes. */
  max_bytes?: number;
}

/**
 * FHIRPath rules over the FHIR resources of a slot (resource, Bundle, JSON array or NDJSON files,
 * or a FHIR server's canonical NDJSON). Findings name the resource, the rule and its expression,
 * never a value from the resource.
 */
export const fhirpathCheck = defineBuiltinCheck<Options>({
  name: 'fhirpath',
  messages: fhirpathMessages,
  description: 'FHIRPath rules that every resource (mode all) or at least one resource (mode any) of the slot must satisfy.',
  descriptionFr: 'Règles FHIRPath que chaque ressource (mode all) ou au moins une ressource (mode any) de l’emplacement doit respecter.',
  schema: {
    type: 'object',
    required: ['rules'],
    additionalProperties: false,
    properties: {
      resource_type: { type: 'string', pattern: '^[A-Z][A-Za-z]+$', nullable: true },
      applies_to: {
        type: 'object',
        nullable: true,
        required: ['expression', 'message_en', 'message_fr'],
        additionalProperties: false,
        properties: {
          expression: { type: 'string', minLength: 1, maxLength: 4000 },
          message_en: { type: 'string', minLength: 1 },
          message_fr: { type: 'string', minLength: 1 },
        },
      },
      constants: {
        type: 'object',
        nullable: true,
        required: [],
        maxProperties: 50,
        propertyNames: { pattern: '^[a-z][a-z0-9_]{0,39}$' },
        additionalProperties: { type: 'string', maxLength: 400 },
      },
      rules: {
        type: 'array',
        minItems: 1,
        maxItems: 500,
        items: {
          type: 'object',
          required: ['expression', 'message_en', 'message_fr'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64, nullable: true },
            expression: { type: 'string', minLength: 1, maxLength: 4000 },
            mode: { type: 'string', enum: ['all', 'any'], nullable: true },
            message_en: { type: 'string', minLength: 1 },
            message_fr: { type: 'string', minLength: 1 },
            severity: { type: 'string', enum: ['error', 'warning', 'info'], nullable: true },
          },
        },
      },
      min_resources: { type: 'integer', minimum: 0, nullable: true },
      max_findings: { type: 'integer', minimum: 1, maximum: 10_000, nullable: true },
      max_bytes: { type: 'integer', minimum: 1, nullable: true },
    },
  },

  validateOptions(options) {
    const problems: OptionProblem[] = [];
    if (options.resource_type !== undefined && options.resource_type !== null && !isResourceType(options.resource_type)) {
      const hint = didYouMean(options.resource_type, resourceTypes());
      problems.push({
        path: ['resource_type'],
        message: {
          en: `"${options.resource_type}" is not a FHIR R4 resource type.${hint ? ` ${hint.en}` : ''}`,
          fr: `« ${options.resource_type} » n’est pas un type de ressource FHIR R4.${hint ? ` ${hint.fr}` : ''}`,
        },
      });
    }
    const sample = { resourceType: options.resource_type && isResourceType(options.resource_type) ? options.resource_type : 'Basic' };
    const env = environment(options.constants);
    for (const name of Object.keys(options.constants ?? {})) {
      if (name in ENV || RESERVED.has(name)) {
        problems.push({
          path: ['constants', name],
          message: { en: `%${name} is a FHIRPath constant already; choose another name.`, fr: `%${name} est déjà une constante FHIRPath ; choisissez un autre nom.` },
        });
      }
    }
    const trial = (expression: string, path: (string | number)[]): void => {
      let fn: Evaluator;
      try {
        fn = compile(expression);
      } catch (err) {
        const s = syntaxMessage(err);
        const at = s.line !== undefined ? { en: ` at line ${s.line}, column ${s.column}`, fr: ` ligne ${s.line}, colonne ${s.column}` } : { en: '', fr: '' };
        problems.push({ path, message: { en: `invalid FHIRPath expression${at.en}: ${s.text}.`, fr: `expression FHIRPath invalide${at.fr}\u00a0: ${s.text}.` } });
        return;
      }
      // A trial run on an empty resource finds what parsing cannot: unknown functions, undefined
      // %variables, functions that would need the network.
      try {
        fn(structuredClone(sample), { ...env });
      } catch (err) {
        const text = (err instanceof Error ? err.message : String(err)).slice(0, 200);
        problems.push({ path, message: { en: `FHIRPath expression cannot be evaluated: ${text}.`, fr: `l’expression FHIRPath ne peut pas être évaluée\u00a0: ${text}.` } });
      }
    };
    if (options.applies_to) trial(options.applies_to.expression, ['applies_to', 'expression']);
    options.rules.forEach((rule, i) => trial(rule.expression, ['rules', i, 'expression']));
    return problems;
  },

  async run({ files, options, slot }) {
    const findings: BuiltinFinding[] = [];
    const maxFindings = options.max_findings ?? 20;
    const minResources = options.min_resources ?? 1;
    const type = options.resource_type ?? undefined;
    const env = environment(options.constants);
    const applies = options.applies_to ? { ...options.applies_to, fn: compile(options.applies_to.expression), outside: 0, listed: 0, errors: 0 } : undefined;
    const rules = options.rules.map((rule, index) => ({
      rule,
      index,
      fn: compile(rule.expression),
      mode: rule.mode ?? 'all',
      severity: rule.severity ?? 'error',
      failures: 0,
      listed: 0,
      satisfied: false,
      errors: 0,
      firstError: undefined as { reason: string; resource: string; file: string } | undefined,
    }));
    const ruleParams = (r: (typeof rules)[number]): Record<string, string | number> => ({
      rule: r.rule.id ?? String(r.index + 1),
      expression: r.rule.expression,
      message_en: r.rule.message_en,
      message_fr: r.rule.message_fr,
    });
    let judged = 0;
    const place = (f: BuiltinFinding, found: FoundResource): BuiltinFinding => {
      if (found.pointer !== '') f.pointer = found.pointer;
      if (found.record !== undefined) f.record = found.record;
      if (found.line !== undefined) f.line = found.line;
      return f;
    };
    /** False when `applies_to` leaves the resource out (then said once, as info). */
    const inScope = (file: string, found: FoundResource): boolean => {
      if (!applies) return true;
      let ok: boolean;
      try {
        ok = holds(applies.fn(found.resource, { ...env }));
      } catch {
        applies.errors++;
        return true; // judged by the rules, whose own errors will say what does not fit
      }
      if (ok) return true;
      applies.outside++;
      if (applies.listed < maxFindings) {
        applies.listed++;
        findings.push(place({ code: 'fhirpath.not-selected', severity: 'info', slot, file, params: { resource: resourceName(found.resource), message_en: applies.message_en, message_fr: applies.message_fr, expression: applies.expression } }, found));
      }
      return false;
    };
    const judge = (file: string, found: FoundResource): void => {
      if (!inScope(file, found)) return;
      judged++;
      for (const r of rules) {
        if (r.mode === 'any' && r.satisfied) continue;
        let ok: boolean;
        try {
          ok = holds(r.fn(found.resource, { ...env }));
        } catch (err) {
          r.errors++;
          if (!r.firstError) r.firstError = { reason: maskDigits((err instanceof Error ? err.message : String(err)).slice(0, 200)), resource: resourceName(found.resource), file };
          continue;
        }
        if (r.mode === 'any') {
          if (ok) r.satisfied = true;
          continue;
        }
        if (ok) continue;
        r.failures++;
        if (r.listed >= maxFindings) continue;
        r.listed++;
        findings.push(place({ code: 'fhirpath.rule-failed', severity: r.severity, slot, file, params: { ...ruleParams(r), resource: resourceName(found.resource) } }, found));
      }
    };
    for (const file of files) {
      for await (const item of readFhirResources(file, options.max_bytes ? { maxJsonBytes: options.max_bytes } : {})) {
        if (item.type === 'problem') {
          findings.push(problemFinding(item, slot, file.path, file.mime));
          continue;
        }
        const selected = type !== undefined ? item.resource.resourceType === type : !item.container;
        if (selected) judge(file.path, item);
      }
    }
    if (applies && applies.outside > applies.listed) {
      findings.push({ code: 'fhirpath.not-selected-more', severity: 'info', slot, params: { count: applies.outside - applies.listed, total: applies.outside, message_en: applies.message_en, message_fr: applies.message_fr } });
    }
    for (const r of rules) {
      if (r.failures > r.listed) {
        findings.push({ code: 'fhirpath.rule-failed-more', severity: r.severity, slot, params: { ...ruleParams(r), count: r.failures - r.listed, total: r.failures } });
      }
      if (r.mode === 'any' && !r.satisfied && judged > 0 && r.errors < judged) {
        findings.push({ code: 'fhirpath.rule-none', severity: r.severity, slot, file: files[0]!.path, params: { ...ruleParams(r), count: judged, resource_type: type ?? '' } });
      }
      if (r.firstError) {
        findings.push({
          code: 'fhirpath.eval-error',
          severity: 'error',
          status: 'error',
          slot,
          file: r.firstError.file,
          params: { ...ruleParams(r), resource: r.firstError.resource, reason: r.firstError.reason, count: r.errors },
        });
      }
    }
    if (judged < minResources) {
      const params: Record<string, string | number> = { resource_type: type ?? '', count: judged, min: minResources };
      if (applies) Object.assign(params, { outside: applies.outside, message_en: applies.message_en, message_fr: applies.message_fr });
      findings.push({ code: 'fhirpath.no-resources', severity: 'error', slot, file: files[0]!.path, params });
    }
    return { findings };
  },
});

function problemFinding(item: { problem: string; line?: number; record?: number; limit?: number }, slot: string, file: string, mime: string): BuiltinFinding {
  if (item.problem === 'not-fhir-kind') return { code: 'fhirpath.file-skipped', severity: 'info', slot, file, params: { kind: mime } };
  if (item.problem === 'too-large') return { code: 'fhirpath.file-too-large', severity: 'error', status: 'error', slot, file, params: { max: item.limit ?? 0 } };
  const f: BuiltinFinding = {
    code: item.problem === 'line-too-long' ? 'fhirpath.line-too-long' : 'fhirpath.invalid-json',
    severity: 'error',
    slot,
    file,
    params: { ...(item.limit !== undefined ? { max: item.limit } : {}), ...(item.line !== undefined ? { line: item.line } : {}) },
  };
  if (item.line !== undefined) f.line = item.line;
  if (item.record !== undefined) f.record = item.record;
  return f;
}
