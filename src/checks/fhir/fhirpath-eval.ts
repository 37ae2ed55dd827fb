import { createRequire } from 'node:module';
import type fhirpathModule from 'fhirpath';
import type r4Model from 'fhirpath/fhir-context/r4';
import { LINEAR_REGEX_FUNCTIONS } from './fhirpath-regex.js';
import { maskDigits } from '../../util/redact.js';

// FHIRPath for the fhirpath-rules check: fhirpath.js loaded on first use, expressions compiled once,
// the truth of a result, how resources are named in findings.

// fhirpath.js and its R4 model take tens of milliseconds to load: only rulesets that use FHIRPath pay.
// (plain `require` calls on literals, so the standalone build can bundle them: scripts/bundle.mjs)
const require = createRequire(import.meta.url);
let loaded: { fhirpath: typeof fhirpathModule; r4: typeof r4Model } | undefined;
function fhirpathLib(): { fhirpath: typeof fhirpathModule; r4: typeof r4Model } {
  loaded ??= { fhirpath: require('fhirpath') as typeof fhirpathModule, r4: require('fhirpath/fhir-context/r4') as typeof r4Model };
  return loaded;
}

/** Constants FHIR defines for FHIRPath that fhirpath.js does not (it has `%ucum`). */
export const ENV = { loinc: 'http://loinc.org', sct: 'http://snomed.info/sct' } as const;
/** Constants fhirpath.js itself defines: a ruleset constant may not hide them. */
export const RESERVED: ReadonlySet<string> = new Set(['ucum', 'context', 'resource', 'rootresource', 'factory', 'terminologies', 'sct', 'loinc']);

/** The %constants of one check: FHIR's, then the ruleset's own. */
export function environment(constants: Record<string, string> | undefined | null): Record<string, string> {
  return { ...(constants ?? {}), ...ENV };
}

export type Evaluator = (resource: unknown, env?: Record<string, unknown>) => unknown[];

const compiled = new Map<string, Evaluator>();

/** Compiles once per expression, regular expressions on RE2, synchronously (no network function such as `resolve()` may run) and with `trace()` silenced. */
export function compile(expression: string): Evaluator {
  let fn = compiled.get(expression);
  if (!fn) {
    const { fhirpath, r4 } = fhirpathLib();
    // matches() and its kin run on RE2: the ruleset's patterns are someone else's
    fn = fhirpath.compile(expression, r4, { async: false, traceFn: () => undefined, userInvocationTable: LINEAR_REGEX_FUNCTIONS });
    compiled.set(expression, fn);
  }
  return fn;
}

class NotBooleanError extends Error {
  constructor(readonly count: number) {
    super(`the result is a collection of ${count} items, not a boolean`);
  }
}

/**
 * FHIRPath truth of a result: empty is false, `[true]`/`[false]` are themselves, one non-boolean
 * item is true (singleton evaluation); several items hold only when they are all `true`.
 */
export function holds(result: unknown[]): boolean {
  if (result.length === 0) return false;
  if (result.length === 1) return result[0] === false ? false : true;
  if (result.every((v) => typeof v === 'boolean')) return result.every((v) => v === true);
  throw new NotBooleanError(result.length);
}


/** `Observation/abc`: how a finding names a resource (a local identifier in its id masked). */
export function resourceName(r: Record<string, unknown>): string {
  const type = String(r.resourceType);
  return typeof r.id === 'string' && r.id !== '' ? `${type}/${maskDigits(r.id).slice(0, 64)}` : type;
}

export function isResourceType(name: string): boolean {
  if (name === 'Resource' || name === 'DomainResource') return false;
  const { r4 } = fhirpathLib();
  let t: string | undefined = name;
  for (let i = 0; i < 8 && t !== undefined; i++) {
    if (t === 'Resource') return true;
    t = r4.type2Parent[t];
  }
  return false;
}

export function resourceTypes(): string[] {
  return Object.keys(fhirpathLib().r4.type2Parent).filter(isResourceType);
}

/** `line: 1; column: 18; message: mismatched input '<EOF>' expecting {…}` → the useful part. */
export function syntaxMessage(err: unknown): { line?: string; column?: string; text: string } {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /line:\s*(\d+);\s*column:\s*(\d+);\s*message:\s*([^\n]*)/.exec(msg);
  const text = (m ? m[3]! : msg).replace(/\s*expecting\s*\{.*$/, '').slice(0, 200);
  return m ? { line: m[1]!, column: m[2]!, text } : { text };
}
