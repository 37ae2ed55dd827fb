import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { decodeSegment } from './json-pointer.js';
import type { SourcePosition } from './user-input-error.js';
import { shorten } from './value-text.js';
import type { YamlSource } from './yaml-source.js';

// Where a value of a parsed YAML file is (line and column, for messages) and how its path is shown.

/** A JSON pointer (`/evidence/IEU 8/0`) as the path of a YAML value. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer.slice(1).split('/').map(decodeSegment);
}

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** Key → first pair of a mapping, built once per mapping: a manifest with 100,000 keys is located in linear time. */
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

/**
 * Finds the YAML node at `path`; returns the position of the key when `key` is true (for
 * "unknown key" messages), otherwise of the value. Falls back to the deepest existing ancestor.
 */
export function positionOf(src: YamlSource, path: readonly (string | number)[], key = false): SourcePosition {
  let node: Node | null | undefined = src.doc.contents;
  let keyNode: Node | undefined;
  let best: Node | undefined = node ?? undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      best = node ?? keyNode;
    } else if (isSeq(node)) {
      const idx = typeof seg === 'number' ? seg : Number(seg);
      const item = node.items[idx] as Node | undefined;
      if (!item) break;
      keyNode = undefined;
      node = item;
      best = item;
    } else {
      break;
    }
  }
  const target = key && keyNode ? keyNode : best;
  if (!target?.range) return { file: src.file, line: 1, column: 1 };
  const pos = src.lineCounter.linePos(target.range[0]);
  const end = src.lineCounter.linePos(target.range[1]);
  const out: SourcePosition = { file: src.file, line: pos.line, column: pos.col };
  // A block value's range runs into the next line; code scanning wants where its text ends.
  if (end.line === pos.line || (end.line > pos.line && end.col > 1)) {
    out.endLine = end.line;
    out.endColumn = end.col;
  }
  return out;
}

/** Renders a path as `evidence."IEU 8".creation-flow`. */
export function dottedPath(path: readonly (string | number)[]): string {
  return path
    .map((seg) => (typeof seg === 'number' || /^\d+$/.test(seg) ? `[${shorten(String(seg))}]` : /^[A-Za-z_][\w-]*$/.test(seg) ? shorten(seg) : `"${shorten(seg)}"`))
    .join('.')
    .replace(/\.\[/g, '[');
}
