/**
 * The lexical part of the fast manifest reader (fast-yaml.ts): one-line scalars, keys and flow
 * collections, as the `yaml` library reads them under the core schema. Anything else throws
 * Unsupported, and the document goes to the library.
 */

/** 1-based line and column, as the `yaml` library's LineCounter gives them. */
export type Place = readonly [line: number, column: number];

export interface FastScalar {
  readonly kind: 'scalar';
  /** Undefined when not modelled (a null after trailing spaces). */
  readonly start: Place | undefined;
  /** Where the value ends (the library's range[1]). */
  readonly end: Place | undefined;
  /** Where the node ends with what follows it on its line (range[2]); undefined when not modelled. */
  readonly after: Place | undefined;
}
export interface FastMap {
  readonly kind: 'map';
  readonly start: Place;
  readonly pairs: Map<string, { key: FastScalar; value: FastNode }>;
  /** The last value added (its end is this mapping's end). */
  last: FastNode | undefined;
  /** A flow mapping's end (after its `}`). */
  readonly end?: Place;
  /** A flow mapping's end with what follows it on its line (the start of the next line). */
  after?: Place;
}
export interface FastSeq {
  readonly kind: 'seq';
  readonly start: Place;
  readonly items: FastNode[];
  /** A flow sequence's end (after its `]`); a block sequence ends with its last item. */
  readonly end?: Place;
  /** A flow sequence's end with what follows it on its line (the start of the next line). */
  after?: Place;
}
export type FastNode = FastScalar | FastMap | FastSeq;
/** Thrown inside the reader when the text leaves the subset; caught at the top. */
export class Unsupported extends Error {}
export function unsupported(): never {
  throw new Unsupported();
}

/** Characters that may not start a plain scalar here (YAML indicators, quotes handled apart). */
export const INDICATOR = new Set([...'-?:,[]{}#&*!|>%@`']);
/**
 * Tabs, CR and the other C0 controls (LF apart), DEL, C1 controls, a BOM inside the text, line and
 * paragraph separators, non-characters and surrogates (a character beyond the BMP goes to the library).
 */
// eslint-disable-next-line no-control-regex
export const AWKWARD = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff\u2028\u2029\ufffe\uffff]|[\ud800-\udfff]/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const OTHER_NUMBER = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+)$/;
export const MAX_DEPTH = 16;
export const MAX_KEY = 512;

/** The core schema's value of a plain scalar. */
export function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT.test(text)) return parseInt(text, 10);
  if (FLOAT.test(text) || EXP.test(text)) return parseFloat(text);
  if (OTHER_NUMBER.test(text)) unsupported();
  return text;
}

/** A scalar on one line from `from`: its value, where it starts and ends, and where the line's content ends. */
export interface Lexed {
  value: unknown;
  plain: boolean;
  from: number;
  to: number;
}

/** A quoted scalar from `from` (the quote): value and the index after the closing quote. */
export function quoted(line: string, from: number): Lexed {
  const q = line[from]!;
  let i = from + 1;
  let value = '';
  for (;;) {
    const at = line.indexOf(q, i);
    if (at < 0) return unsupported(); // runs over the line end
    const part = line.slice(i, at);
    if (q === '"' && part.includes('\\')) unsupported();
    value += part;
    if (q === "'" && line[at + 1] === "'") {
      value += "'";
      i = at + 2;
      continue;
    }
    return { value, plain: false, from, to: at + 1 };
  }
}

/** Checks that only spaces and a comment follow `to` on the line. */
export function restIsComment(line: string, to: number): void {
  let i = to;
  while (line.charCodeAt(i) === 32) i++;
  if (i === line.length) return;
  if (line[i] === '#' && i > to) return;
  unsupported();
}

/** A value scalar starting at `from` (not a space, not a comment). */
export function valueScalar(line: string, from: number): Lexed {
  const c = line[from]!;
  if (c === '"' || c === "'") {
    const s = quoted(line, from);
    restIsComment(line, s.to);
    return s;
  }
  if (INDICATOR.has(c)) unsupported();
  const hash = line.indexOf(' #', from);
  let to = hash < 0 ? line.length : hash;
  while (line.charCodeAt(to - 1) === 32) to--;
  const text = line.slice(from, to);
  if (text.includes(': ') || text.endsWith(':') || /[[\]{}]/.test(text)) unsupported();
  return { value: resolvePlain(text), plain: true, from, to };
}

/** Characters a plain scalar inside `[…]` or `{…}` may not hold. */
const FLOW_STOP = /[,[\]{}#:]/;

/** A simple scalar inside `[…]` or `{…}` from `i` (not a space): quoted, or plain up to a flow indicator. */
function flowScalar(line: string, i: number): Lexed {
  const c = line[i];
  if (c === undefined) return unsupported();
  if (c === '"' || c === "'") return quoted(line, i);
  if (INDICATOR.has(c)) unsupported();
  let to = i;
  while (to < line.length && !FLOW_STOP.test(line[to]!)) to++;
  const stop = to;
  while (line.charCodeAt(to - 1) === 32) to--;
  if (line[stop] !== ',' && line[stop] !== ']' && line[stop] !== '}' && line[stop] !== ':') unsupported();
  return { value: resolvePlain(line.slice(i, to)), plain: true, from: i, to };
}

/**
 * A one-line flow collection of simple scalars from `from` (its `[` or `{`): the node, its value and
 * the index after the closing bracket. Nested, empty or multi-line collections are left to the library.
 */
export function flowCollection(line: string, lineNo: number, from: number, depth: number): { node: FastMap | FastSeq; value: unknown; to: number } {
  const isMap = line[from] === '{';
  const close = isMap ? '}' : ']';
  const start: Place = [lineNo, from + 1];
  const items: FastScalar[] = [];
  const list: unknown[] = [];
  const pairs = new Map<string, { key: FastScalar; value: FastNode }>();
  const object = Object.create(null) as Record<string, unknown>;
  if (depth > MAX_DEPTH) unsupported();
  const scalarNode = (s: Lexed): FastScalar => ({ kind: 'scalar', start: [lineNo, s.from + 1], end: [lineNo, s.to + 1], after: undefined });
  let i = from + 1;
  for (;;) {
    while (line.charCodeAt(i) === 32) i++;
    if (line[i] === close || line[i] === ',') unsupported(); // empty, or a trailing or doubled comma
    const first = flowScalar(line, i);
    i = first.to;
    while (line.charCodeAt(i) === 32) i++;
    if (isMap) {
      // `key: value`: the colon right after the key, a space after it.
      if (first.to !== i || line[i] !== ':' || line[i + 1] !== ' ') unsupported();
      const key = first.value;
      if (typeof key !== 'string' || key.length > MAX_KEY || key === '<<' || pairs.has(key)) unsupported();
      i += 2;
      while (line.charCodeAt(i) === 32) i++;
      const v = flowScalar(line, i);
      pairs.set(key, { key: scalarNode(first), value: scalarNode(v) });
      Object.defineProperty(object, key, { value: v.value, enumerable: true, writable: true, configurable: true });
      i = v.to;
      while (line.charCodeAt(i) === 32) i++;
    } else {
      if (line[i] === ':') unsupported();
      items.push(scalarNode(first));
      list.push(first.value);
    }
    if (line[i] === ',') {
      i++;
      continue;
    }
    if (line[i] !== close) unsupported();
    const end: Place = [lineNo, i + 2];
    const node: FastMap | FastSeq = isMap ? { kind: 'map', start, pairs, last: undefined, end } : { kind: 'seq', start, items, end };
    return { node, value: isMap ? object : list, to: i + 1 };
  }
}

/** A mapping key at `from`: the key text, where it ends and the index after its `:`. */
export function mapKey(line: string, from: number): { key: string; to: number; colon: number } {
  const c = line[from]!;
  if (c === '"' || c === "'") {
    const s = quoted(line, from);
    if (line[s.to] !== ':') unsupported();
    if (s.to + 1 < line.length && line[s.to + 1] !== ' ') unsupported();
    return { key: s.value as string, to: s.to, colon: s.to + 1 };
  }
  if (INDICATOR.has(c)) unsupported();
  let colon = line.indexOf(':', from);
  while (colon >= 0 && colon + 1 < line.length && line[colon + 1] !== ' ') colon = line.indexOf(':', colon + 1);
  if (colon < 0) unsupported();
  let to = colon;
  while (line.charCodeAt(to - 1) === 32) to--;
  const key = line.slice(from, to);
  if (key.length > MAX_KEY || key.includes(' #') || /[[\]{}]/.test(key) || key === '<<') unsupported();
  if (resolvePlain(key) !== key) unsupported();
  return { key, to, colon: colon + 1 };
}
