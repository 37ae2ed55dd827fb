/**
 * A fast reader for the plain YAML that manifests and data dictionaries are made of: block mappings
 * and block sequences (of one-line scalars, plain or quoted without escapes, of one-line flow
 * collections of such scalars (`[a, b]`, `{ name: X, role: Y }`), or of mappings: `- name: x`),
 * comments and blank lines. It gives the same value as the `yaml`
 * library (core schema, null-prototype objects) and the same positions as `positionOf`: a manifest
 * naming 20,000 files took 0.3 s to parse with the library's full syntax tree, 25 ms here. Anything
 * else (nested flow collections, anchors, tags, block scalars, scalars over several lines, tabs, CR,
 * duplicate keys, a key that is not a string…) gives undefined, and the caller parses with the
 * library, which accepts or words the error exactly as before. test/diagnostics/fast-yaml.test.ts holds
 * the two to the same values and positions on the examples and on generated manifests.
 */
import type { SourcePosition } from './user-input-error.js';
import { heapRoom } from '../util/memory-room.js';
import { yamlHeapNeed } from './yaml-source.js';
import { AWKWARD, flowCollection, mapKey, MAX_DEPTH, restIsComment, Unsupported, unsupported, valueScalar, type FastMap, type FastNode, type FastScalar, type FastSeq, type Place } from './fast-yaml-lexer.js';

export interface FastYaml {
  readonly value: Record<string, unknown>;
  /**
   * What `positionOf(src, path, key)` gives for this document, or undefined where this reader does not
   * model the library's range (the caller then uses the library).
   */
  locate(file: string, path: readonly (string | number)[], key?: boolean): SourcePosition | undefined;
}

interface Frame {
  indent: number;
  node: FastMap | FastSeq;
  value: Record<string, unknown> | unknown[];
  depth: number;
}

/**
 * A file's bytes read by the fast reader, or undefined to have the library parse them: not strict
 * UTF-8, the start of a file parseYaml names as not YAML, or more than parseYaml's estimate of the
 * heap a parse takes (yamlHeapNeed) would leave room for: that file gets parseYaml's message about
 * memory, as before, not a run out of heap while its problems are worded.
 */
export function fastYamlBytes(bytes: Buffer): FastYaml | undefined {
  if (yamlHeapNeed(bytes) > heapRoom()) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
  if (/^(GIF8|SQLite format 3)/.test(text)) return undefined;
  return fastYaml(text);
}

/** Parses `text`; undefined when it is not in the subset this reader handles exactly. */
export function fastYaml(text: string): FastYaml | undefined {
  try {
    return parse(text);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

function parse(text: string): FastYaml {
  if (AWKWARD.test(text)) unsupported();
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  const count = endsWithNewline ? lines.length - 1 : lines.length;
  /** Where the line after `i` starts, or the end of the text. */
  const lineAfter = (i: number): Place => (i + 1 < lines.length ? [i + 2, 1] : [i + 1, lines[i]!.length + 1]);
  const stack: Frame[] = [];
  let root: FastMap | undefined;
  let rootValue: Record<string, unknown> | undefined;
  /** A `key:` whose value is on the next lines, or null (its node is in the mapping already). */
  let pending: { frame: Frame; key: string; indent: number } | undefined;
  /** Indent of the last line that ended with a scalar: a deeper line after it would continue it. */
  let scalarIndent = -1;

  const setValue = (frame: Frame, key: string, keyNode: FastScalar, node: FastNode, value: unknown): void => {
    const map = frame.node as FastMap;
    if (map.pairs.has(key)) unsupported(); // duplicate: the library words it
    map.pairs.set(key, { key: keyNode, value: node });
    map.last = node;
    Object.defineProperty(frame.value, key, { value, enumerable: true, writable: true, configurable: true });
  };
  const open = (parent: Frame | undefined, indent: number, kind: 'map' | 'seq', start: Place): Frame => {
    const depth = (parent?.depth ?? 0) + 1;
    if (depth > MAX_DEPTH) unsupported();
    const node: FastMap | FastSeq = kind === 'map' ? { kind, start, pairs: new Map(), last: undefined } : { kind, start, items: [] };
    const value = kind === 'map' ? (Object.create(null) as Record<string, unknown>) : [];
    return { indent, node, value, depth };
  };

  for (let i = 0; i < count; i++) {
    const line = lines[i]!;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length) continue; // blank
    if (scalarIndent >= 0 && indent > scalarIndent) unsupported(); // a continuation line (or a comment where one might be)
    if (line[indent] === '#') continue;
    if (indent === 0 && (line.startsWith('---') || line.startsWith('...') || line[0] === '%')) unsupported();
    const lineNo = i + 1;
    const isItem = line[indent] === '-' && (line[indent + 1] === ' ' || indent + 1 === line.length);
    if (isItem && indent + 1 === line.length) unsupported(); // `-` alone: a nested block or a null item

    // Where this line belongs.
    if (pending) {
      const p = pending;
      const compact = isItem && indent === p.indent && p.frame.node.kind === 'map' && p.frame.indent === indent;
      if (indent > p.indent || compact) {
        const child = open(p.frame, indent, isItem ? 'seq' : 'map', [lineNo, indent + 1]);
        const map = p.frame.node as FastMap;
        map.pairs.get(p.key)!.value = child.node;
        map.last = child.node;
        Object.defineProperty(p.frame.value, p.key, { value: child.value, enumerable: true, writable: true, configurable: true });
        stack.push(child);
      }
      pending = undefined;
    }
    if (stack.length === 0) {
      if (root || indent !== 0 || isItem) unsupported(); // a second root, or a root that is not a mapping at column 1
      const frame = open(undefined, 0, 'map', [lineNo, 1]);
      root = frame.node as FastMap;
      rootValue = frame.value as Record<string, unknown>;
      stack.push(frame);
    }
    while (stack.length > 0 && stack[stack.length - 1]!.indent > indent) stack.pop();
    let top = stack[stack.length - 1];
    // A sequence at its mapping's indent (`key:` then `- item` below it) ends with the next key.
    if (top && top.node.kind === 'seq' && !isItem && top.indent === indent) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (!top || top.indent !== indent || (top.node.kind === 'seq') !== isItem) unsupported();

    let keyAt = indent;
    if (isItem) {
      let from = indent + 1;
      while (line.charCodeAt(from) === 32) from++;
      if (from === line.length || line[from] === '#') unsupported(); // a null item, or a block below
      const seq = top.node as FastSeq;
      if (line[from] === '[' || line[from] === '{') {
        // `- { pointer: /a }`: a one-line flow collection as the item
        const f = flowCollection(line, lineNo, from, top.depth + 1);
        restIsComment(line, f.to);
        f.node.after = lineAfter(i);
        seq.items.push(f.node);
        (top.value as unknown[]).push(f.value);
        scalarIndent = indent;
        continue;
      }
      if (!isKey(line, from)) {
        const s = valueScalar(line, from);
        const node: FastScalar = { kind: 'scalar', start: [lineNo, s.from + 1], end: [lineNo, s.to + 1], after: lineAfter(i) };
        seq.items.push(node);
        (top.value as unknown[]).push(s.value);
        scalarIndent = indent;
        continue;
      }
      // `- name: x`: a mapping as the item, its keys aligned on the first one
      const child = open(top, from, 'map', [lineNo, from + 1]);
      seq.items.push(child.node);
      (top.value as unknown[]).push(child.value);
      stack.push(child);
      top = child;
      keyAt = from;
    }
    const k = mapKey(line, keyAt);
    const keyNode: FastScalar = { kind: 'scalar', start: [lineNo, keyAt + 1], end: [lineNo, k.to + 1], after: undefined };
    let from = k.colon;
    while (line.charCodeAt(from) === 32) from++;
    if (from === line.length || line[from] === '#') {
      // `key:` alone: a block below, or null. The library puts a null where its line's content stops
      // (after the colon, or at the comment); after trailing spaces alone, that is not modelled here.
      const comment = from < line.length;
      const nullAt: Place | undefined = comment ? [lineNo, from + 1] : from === k.colon ? [lineNo, k.colon + 1] : undefined;
      setValue(top, k.key, keyNode, { kind: 'scalar', start: nullAt, end: nullAt, after: undefined }, null);
      pending = { frame: top, key: k.key, indent: keyAt };
      scalarIndent = -1;
      continue;
    }
    if (line[from] === '[' || line[from] === '{') {
      const f = flowCollection(line, lineNo, from, top.depth + 1);
      restIsComment(line, f.to);
      f.node.after = lineAfter(i);
      setValue(top, k.key, keyNode, f.node, f.value);
      scalarIndent = keyAt;
      continue;
    }
    const s = valueScalar(line, from);
    setValue(top, k.key, keyNode, { kind: 'scalar', start: [lineNo, s.from + 1], end: [lineNo, s.to + 1], after: lineAfter(i) }, s.value);
    scalarIndent = keyAt;
  }
  if (!root || !rootValue) unsupported();
  const top = root;
  return { value: rootValue, locate: (file, path, key = false) => locate(top, file, path, key) };
}

/** True when a `key:` (a colon then a space, or the line's end) starts at `from`. */
function isKey(line: string, from: number): boolean {
  // most items are plain paths with no `: ` in them: answered without mapKey's throw
  if (line.indexOf(': ', from) < 0 && !line.endsWith(':')) return false;
  try {
    mapKey(line, from);
    return true;
  } catch (err) {
    if (err instanceof Unsupported) return false;
    throw err;
  }
}

/** A collection's end (range[1]): its last child's `after` (a block child's own end); undefined when not modelled. */
function endOf(node: FastNode): Place | undefined {
  if (node.kind === 'scalar') return node.end;
  if (node.end) return node.end;
  const last = node.kind === 'seq' ? node.items[node.items.length - 1] : node.last;
  if (last === undefined) return undefined;
  // a block collection ends where its last child does, with the rest of that child's line
  if (last.kind === 'scalar' || last.end) return last.after;
  return endOf(last);
}

function locate(root: FastMap, file: string, path: readonly (string | number)[], key: boolean): SourcePosition | undefined {
  let node: FastNode = root;
  let keyNode: FastScalar | undefined;
  let best: FastNode = root;
  for (const seg of path) {
    if (node.kind === 'map') {
      const pair = node.pairs.get(String(seg));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
      best = node;
    } else if (node.kind === 'seq') {
      const item: FastNode | undefined = node.items[typeof seg === 'number' ? seg : Number(seg)];
      if (!item) break;
      keyNode = undefined;
      node = item;
      best = item;
    } else break;
  }
  const target = key && keyNode ? keyNode : best;
  const start = target.start;
  const end = target.kind === 'scalar' ? target.end : endOf(target);
  if (start === undefined || end === undefined) return undefined;
  const out: SourcePosition = { file, line: start[0], column: start[1] };
  if (end[0] === start[0] || (end[0] > start[0] && end[1] > 1)) {
    out.endLine = end[0];
    out.endColumn = end[1];
  }
  return out;
}
