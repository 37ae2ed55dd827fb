import { linearRegExp, type LinearRegExp } from '../../../diagnostics/linear-regexp.js';

/**
 * The regular expressions of a manufacturer's export schema (`pattern`, `patternProperties`). They
 * run on RE2 (linear time, diagnostics/linear-regexp.ts) unless the pattern is one that Node's own
 * backtracking engine provably runs in linear time too, and then on that engine: most schema patterns
 * are of that kind (`^[0-9]{11}$`, `^pat-[0-9]{4,}$`), and a check that meets only those does not pay
 * for instantiating RE2's WebAssembly (about 30 ms of a start-up).
 *
 * `linearOnBacktracking` accepts a small, conservative subset on which both engines agree, and rejects
 * (leaves to RE2) everything else, including every pattern it cannot prove linear:
 * - anchored at the start (`^`), optionally at the end (`$`), no alternation outside a group;
 * - atoms: literal characters, escaped syntax characters, `\t\n\r\f\v`, `\d\D\w\W`, character classes
 *   of those and of ranges (no `.`, `\s`, `\b`, `\uXXXX`, backreferences, lookaround, named groups, lazy
 *   quantifiers);
 * - groups hold alternatives of single characters with exact counts (`(2A|2B|[0-9]{2})`), no two of
 *   which can match the same text (at some position both reach, their characters are disjoint); a
 *   group is quantified by nothing, `?` or `{n}`;
 * - every quantifier that can stop at more than one count (`*`, `+`, `?`, `{n,m}`, `{n,}`) matches
 *   characters none of which can start what follows it (up to the next item that must match once):
 *   giving back a repetition then fails at once, so backtracking costs O(1) per character;
 * - counts at most 1000 (RE2's limit) and at most 1000 characters matched by the bounded parts in all.
 * `(a+)+$`, `(a|a)*b`, `(\w+\s?)+$`, `^a*a*b$` and `^\d+\d$` are all left to RE2.
 */
export function schemaRegExp(pattern: string, flags = 'u'): LinearRegExp {
  if (flags === 'u' && linearOnBacktracking(pattern)) {
    try {
      return new RegExp(pattern, 'u');
    } catch {
      // the subset is valid ECMAScript: never reached, and RE2 has the last word if it is
    }
  }
  return linearRegExp(pattern, flags);
}

/** Ranges of code points, sorted and disjoint. */
type CharSet = readonly (readonly [number, number])[];

const MAX_CODE_POINT = 0x10ffff;
const MAX_COUNT = 1000;
const SYNTAX = new Set([...'^$\\.*+?()[]{}|'].map((c) => c.codePointAt(0)!));
const SLASH = 0x2f;
const DASH = 0x2d;
const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];

function normalise(ranges: (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  return a.some(([lo, hi]) => b.some(([l, h]) => lo <= h && l <= hi));
}

const single = (cp: number): CharSet => [[cp, cp]];

/** One item of the top-level sequence: what its first character can be, and its counts. */
interface Item {
  first: CharSet;
  min: number;
  max: number;
}

/** Thrown (and caught in linearOnBacktracking) for anything outside the subset. */
class Outside extends Error {}

class Parser {
  private pos = 0;
  /** Characters the bounded parts match in all (the size cap). */
  private size = 0;
  private readonly cps: number[];

  constructor(pattern: string) {
    this.cps = Array.from(pattern, (c) => c.codePointAt(0)!);
    // a lone surrogate: the engines read it differently
    if (this.cps.some((cp) => cp >= 0xd800 && cp <= 0xdfff)) throw new Outside();
  }

  private peek(ahead = 0): number | undefined {
    return this.cps[this.pos + ahead];
  }

  private is(ch: string, ahead = 0): boolean {
    return this.peek(ahead) === ch.codePointAt(0);
  }

  private take(): number {
    const cp = this.peek();
    if (cp === undefined) throw new Outside();
    this.pos++;
    return cp;
  }

  private grow(n: number): void {
    this.size += n;
    if (this.size > MAX_COUNT) throw new Outside();
  }

  /** The items of `^…$`. */
  pattern(): Item[] {
    if (!this.is('^')) throw new Outside();
    this.pos++;
    const items: Item[] = [];
    while (this.peek() !== undefined) {
      if (this.is('$') && this.pos === this.cps.length - 1) break;
      items.push(this.is('(') ? this.group() : this.quantified(this.atom()));
    }
    return items;
  }

  /** `\x` after the backslash: a set, and the character itself when it is one. */
  private escape(inClass: boolean): { set: CharSet; cp?: number } {
    const cp = this.take();
    const ch = String.fromCodePoint(cp);
    if (SYNTAX.has(cp) || cp === SLASH || (inClass && cp === DASH)) return { set: single(cp), cp };
    if (ch in CONTROL) return { set: single(CONTROL[ch]!), cp: CONTROL[ch]! };
    if (ch === 'd') return { set: DIGIT };
    if (ch === 'D') return { set: complement(DIGIT) };
    if (ch === 'w') return { set: WORD };
    if (ch === 'W') return { set: complement(WORD) };
    throw new Outside();
  }

  /** A single character, an escape or a class. */
  private atom(): CharSet {
    const cp = this.take();
    if (cp === '\\'.codePointAt(0)) return this.escape(false).set;
    if (cp === '['.codePointAt(0)) return this.charClass();
    if (SYNTAX.has(cp)) throw new Outside();
    return single(cp);
  }

  private classAtom(): { set: CharSet; cp?: number } {
    const cp = this.take();
    if (cp === '\\'.codePointAt(0)) return this.escape(true);
    // `[` inside a class: RE2 reads `[[:digit:]]` as a POSIX class
    if (cp === '['.codePointAt(0) || cp === ']'.codePointAt(0)) throw new Outside();
    return { set: single(cp), cp };
  }

  /** `[…]` after the `[`; a `-` is literal only first or last, and never a range's end. */
  private charClass(): CharSet {
    const negated = this.is('^');
    if (negated) this.pos++;
    if (this.is(']')) throw new Outside();
    const ranges: (readonly [number, number])[] = [];
    while (!this.is(']')) {
      const a = this.classAtom();
      if (this.is('-') && this.peek(1) !== undefined && !this.is(']', 1)) {
        this.pos++;
        const b = this.classAtom();
        if (a.cp === undefined || b.cp === undefined || a.cp === DASH || b.cp === DASH || a.cp > b.cp) throw new Outside();
        ranges.push([a.cp, b.cp]);
        if (this.is('-') && !this.is(']', 1)) throw new Outside();
      } else {
        ranges.push(...a.set);
      }
    }
    this.pos++;
    const set = normalise(ranges);
    return negated ? complement(set) : set;
  }

  private count(): number {
    let digits = '';
    while (this.peek() !== undefined && this.peek()! >= 0x30 && this.peek()! <= 0x39) digits += String.fromCodePoint(this.take());
    if (digits === '' || digits.length > 4 || Number(digits) > MAX_COUNT) throw new Outside();
    return Number(digits);
  }

  /** The quantifier after an atom, if any: [min, max], max Infinity when unbounded. */
  private quantifier(): [number, number] {
    let q: [number, number] = [1, 1];
    if (this.is('*')) q = [0, Infinity];
    else if (this.is('+')) q = [1, Infinity];
    else if (this.is('?')) q = [0, 1];
    else if (this.is('{')) {
      this.pos++;
      const min = this.count();
      let max = min;
      if (this.is(',')) {
        this.pos++;
        max = this.is('}') ? Infinity : this.count();
      }
      if (!this.is('}') || min > max) throw new Outside();
      q = [min, max];
    } else return q;
    this.pos++;
    // lazy (`*?`) or a quantifier repeated
    if (this.is('?') || this.is('*') || this.is('+') || this.is('{')) throw new Outside();
    return q;
  }

  private quantified(set: CharSet): Item {
    const [min, max] = this.quantifier();
    this.grow(max === Infinity ? min + 1 : max);
    return { first: set, min, max };
  }

  /** `(…|…)`: alternatives of characters with exact counts, no two matching the same text. */
  private group(): Item {
    this.pos++;
    if (this.is('?')) {
      if (!this.is(':', 1)) throw new Outside();
      this.pos += 2;
    }
    const alternatives: CharSet[][] = [[]];
    while (!this.is(')')) {
      if (this.peek() === undefined || this.is('(')) throw new Outside();
      if (this.is('|')) {
        this.pos++;
        alternatives.push([]);
        continue;
      }
      const set = this.atom();
      const [min, max] = this.quantifier();
      if (min !== max || min === 0) throw new Outside();
      this.grow(min);
      alternatives[alternatives.length - 1]!.push(...Array<CharSet>(min).fill(set));
    }
    this.pos++;
    alternatives.forEach((a, i) => {
      if (a.length === 0) throw new Outside();
      for (const b of alternatives.slice(0, i)) {
        const apart = a.some((set, k) => k < b.length && !intersects(set, b[k]!));
        if (!apart) throw new Outside();
      }
    });
    const [min, max] = this.quantifier();
    if (max !== min && !(min === 0 && max === 1)) throw new Outside();
    const width = Math.max(...alternatives.map((a) => a.length));
    this.grow(width * Math.max(max - 1, 0));
    return { first: normalise(alternatives.flatMap((a) => a[0]!)), min, max };
  }
}

/** True when `pattern` is in the subset described at schemaRegExp. */
export function linearOnBacktracking(pattern: string): boolean {
  let items: Item[];
  try {
    items = new Parser(pattern).pattern();
  } catch (err) {
    if (err instanceof Outside) return false;
    throw err;
  }
  return items.every((item, i) => {
    if (item.min === item.max) return true;
    // what can come next: up to and with the next item that must match at least once
    for (const next of items.slice(i + 1)) {
      if (intersects(item.first, next.first)) return false;
      if (next.min > 0) break;
    }
    return true;
  });
}
