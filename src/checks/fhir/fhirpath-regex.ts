import type { UserInvocationTable } from 'fhirpath';
import { linearRegExp, type LinearRegExp } from '../../diagnostics/linear-regexp.js';

/*
 * FHIRPath's regular-expression functions (`matches`, `matchesFull`, `replaceMatches`) on RE2, linear
 * in the input: a custom ruleset is someone else's, and fhirpath.js would run its patterns on the
 * backtracking engine (`'a'.repeat(40) + 'b'` against `^(a+)+$` never ends). Same semantics as
 * fhirpath.js: single-line mode (`.` matches a newline), flags `i` and `m` only, empty in, empty out.
 * A pattern RE2 cannot run (backreferences, lookaround) is an evaluation error, like an invalid one.
 */

const cache = new Map<string, LinearRegExp>();
const MAX_CACHED = 256;

function compiled(pattern: string, flags: string): LinearRegExp {
  const key = `${flags}/${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = linearRegExp(pattern, flags);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** The one string of a collection, undefined when it is empty (fhirpath.js's `singleton(coll, 'String')`). */
function single(coll: unknown[]): string | undefined {
  if (coll.length > 1) throw new Error(`Unexpected collection of ${coll.length} items; expected a singleton of type String`);
  const v = coll[0];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new Error(`Expected string, but got: ${JSON.stringify(v)?.slice(0, 100) ?? typeof v}`);
  return v;
}

/** FHIRPath flags (`i`, `m`) as RE2 flags, always Unicode and single-line. */
function flagsOf(flags: unknown): string {
  if (flags !== undefined && (typeof flags !== 'string' || !/^[im]*$/.test(flags))) throw new Error('matches/matchesFull flags must only contain i and/or m');
  const f = typeof flags === 'string' ? flags : '';
  return `u${f.includes('i') ? 'i' : ''}${f.includes('m') ? 'm' : ''}s`;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

function matches(coll: unknown[], regex: unknown, flags?: unknown): boolean | [] {
  const s = single(coll);
  if (isEmpty(regex) || s === undefined) return [];
  return compiled(String(regex), flagsOf(flags)).test(s);
}

function matchesFull(coll: unknown[], regex: unknown, flags?: unknown): boolean | [] {
  const s = single(coll);
  if (isEmpty(regex) || s === undefined) return [];
  return compiled(`^(?:${String(regex)})$`, flagsOf(flags)).test(s);
}

function replaceMatches(coll: unknown[], regex: unknown, repl: unknown): string | [] {
  const s = single(coll);
  if (isEmpty(regex) || isEmpty(repl) || s === undefined) return [];
  // RE2 objects implement Symbol.replace like a RegExp
  return s.replace(linearRegExp(String(regex), 'gu') as unknown as RegExp, String(repl));
}

/** Passed as `userInvocationTable` to every FHIRPath compilation. */
export const LINEAR_REGEX_FUNCTIONS: UserInvocationTable = {
  matches: { fn: matches, arity: { 1: ['String'], 2: ['String', 'String'] } },
  matchesFull: { fn: matchesFull, arity: { 1: ['String'], 2: ['String', 'String'] } },
  replaceMatches: { fn: replaceMatches, arity: { 2: ['String', 'String'] } },
};
