import { yamlWording } from './yaml-messages.js';
import { LineCounter, parseDocument, visit, isMap, isSeq, isScalar, type Document, type Node, type Pair } from 'yaml';
import { UserInputError, type InputProblem } from './user-input-error.js';
import { both } from '../i18n/text.js';
import { YAML_TEXT, type BinaryKind } from './messages.js';
import { shorten, valueText } from './value-text.js';
import { MAX_YAML_BYTES, readRegularFile, tooLarge, type InputRole } from './input-file.js';
import { decodeUtf8 } from './utf8.js';
import { heapLimitMib, heapRoom } from '../util/memory-room.js';
import type { Localized } from '../report/report.js';

/** A YAML file parsed with positions, so any value can be traced back to its line and column. */
export interface YamlSource {
  /** File name as shown to the user. */
  file: string;
  /** Raw bytes of the file (hashed for the report). */
  bytes: Buffer;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JS value of the document (null-prototype safe: no key can reach Object.prototype). */
  value: unknown;
}

/** Deepest nesting of mappings and sequences; manifests and rulesets need about ten levels. */
export const MAX_YAML_DEPTH = 64;

/** Reads and parses a YAML file strictly; any problem is a UserInputError with a position. */
export function readYaml(absPath: string, displayName: string, role: InputRole = 'manifest'): YamlSource {
  return parseYaml(readRegularFile(absPath, displayName, role), displayName);
}

/**
 * readYaml for a file whose parsed value may already be known (a bundled ruleset, parsed at build
 * time): `known` gets the bytes read and returns their value, or undefined to have them parsed now.
 * A known value's positions (doc, lineCounter) are parsed only if a problem needs one.
 */
export function readYamlKnown(absPath: string, displayName: string, role: InputRole, known: (bytes: Buffer) => unknown): YamlSource {
  const bytes = readRegularFile(absPath, displayName, role);
  const value = known(bytes);
  if (value === undefined) return parseYaml(bytes, displayName);
  let parsed: YamlSource | undefined;
  const full = (): YamlSource => (parsed ??= parseYaml(bytes, displayName));
  return {
    file: displayName,
    bytes,
    value,
    get doc() {
      return full().doc;
    },
    get lineCounter() {
      return full().lineCounter;
    },
  };
}

/** Signatures of files people pass by mistake; some (an uncompressed PDF) are valid UTF-8 and would get a puzzling YAML error. */
const NOT_YAML: readonly { magic: string; kind: BinaryKind }[] = [
  { magic: '%PDF-', kind: 'pdf' },
  { magic: '\x89PNG', kind: 'png' },
  { magic: '\xff\xd8\xff', kind: 'jpeg' },
  { magic: 'GIF8', kind: 'gif' },
  { magic: 'PK\x03\x04', kind: 'zip' },
  { magic: 'SQLite format 3\u0000', kind: 'sqlite' },
];

/**
 * Heap that reading a YAML file takes (parse with positions, values, checks): about 1 KiB per key,
 * item or line (measured on a manifest of 150,000 keys; prose costs less), counted on `:`, `,`, `[`,
 * `{` and line ends.
 */
export function yamlHeapNeed(bytes: Buffer): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x3a || c === 0x2c || c === 0x0a || c === 0x5b || c === 0x7b) n++;
  }
  return n * 1024;
}

/** Under a small heap limit (--max-old-space-size), a large file is refused with a message, not V8's fatal error. */
function checkHeapRoom(bytes: Buffer, file: string): void {
  const need = yamlHeapNeed(bytes);
  const room = heapRoom();
  if (need <= room) return;
  const [needMib, limit] = [Math.ceil(need / 1048576), heapLimitMib()];
  throw new UserInputError({
    code: 'file.unreadable',
    file,
    ...both(YAML_TEXT.needsMoreMemory, { needMib, limit }),
  });
}

export function parseYaml(bytes: Buffer, file: string): YamlSource {
  if (bytes.length > MAX_YAML_BYTES) throw tooLarge(file, bytes.length);
  const binary = NOT_YAML.find((s) => bytes.subarray(0, s.magic.length).equals(Buffer.from(s.magic, 'latin1')));
  if (binary) {
    throw new UserInputError({
      code: 'yaml.syntax',
      file,
      line: 1,
      column: 1,
      ...both(YAML_TEXT.binaryNotYaml, { kind: binary.kind }),
    });
  }
  const text = decodeUtf8(bytes, file);
  checkHeapRoom(bytes, file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    // The library's own duplicate check is quadratic in the number of keys; checkStructure does it in linear time.
    uniqueKeys: false,
    strict: true,
    merge: false,
    schema: 'core',
    customTags: [],
  });
  const problems: InputProblem[] = [];
  // The parser ran out of stack (only nesting thousands of levels deep does that). What it built
  // down to that point is walked below, which names the first level too deep, whatever the stack size.
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  for (const e of doc.errors) {
    if (e.code === 'RESOURCE_EXHAUSTION') continue;
    const pos = lineCounter.linePos(e.pos[0]);
    const worded = yamlWording(e.code, sentence(e.message));
    const { message, hint } =
      e.code === 'MULTIPLE_DOCS'
        ? both(YAML_TEXT.secondDocument, {})
        : { message: worded?.message ?? both(YAML_TEXT.invalidYaml, { detail: sentence(e.message) }).message, hint: worded?.hint ?? yamlHint(e.code) };
    problems.push({ code: 'yaml.syntax', file, line: pos.line, column: pos.col, message, hint });
  }
  for (const w of doc.warnings) {
    // Unknown tags (`!!js/function` and the like) are warnings in `yaml`; we refuse them.
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const pos = lineCounter.linePos(w.pos[0]);
      problems.push({
        code: 'yaml.syntax',
        file,
        line: pos.line,
        column: pos.col,
        ...both(YAML_TEXT.unsupportedTag, { detail: sentence(w.message) }),
      });
    }
  }
  if (problems.length === 0 || exhausted) {
    const structural = checkStructure(doc, lineCounter, file);
    problems.push(...structural.problems);
    if (exhausted && !structural.tooDeep) {
      const pos = lineCounter.linePos(exhausted.pos[0]);
      problems.push({ code: 'yaml.syntax', file, line: pos.line, column: pos.col, ...both(YAML_TEXT.tooDeep, { max: MAX_YAML_DEPTH }) });
    }
  }
  if (problems.length > 0) throw new UserInputError(problems);
  let value: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    value = doc.toJS({ maxAliasCount: 100, mapAsMap: false });
  } catch (err) {
    throw new UserInputError({
      code: 'yaml.syntax',
      file,
      ...firstAlias(doc, lineCounter),
      message: both(YAML_TEXT.invalidYaml, { detail: sentence((err as Error).message) }).message,
      hint: both(YAML_TEXT.aliasLimit, {}).message,
    });
  }
  return { file, bytes, doc, lineCounter, value: sanitise(value) };
}

/** Where the first alias (`*name`) of a document is: alias expansion is the only thing that makes toJS throw. */
function firstAlias(doc: Document.Parsed, lineCounter: LineCounter): { line: number; column: number } {
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  const pos = lineCounter.linePos(found ?? 0);
  return { line: pos.line, column: pos.col };
}

/** The string a key becomes in the plain JS value: two keys with the same one would silently overwrite each other. */
function keyIdentity(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  // A complex key (a map or sequence as key) has no identity of its own: all of them compare equal.
  return key === null || key === undefined ? '' : valueText(key);
}

/**
 * Walks the parsed document without recursion (a hostile file may nest thousands of levels) and
 * reports duplicate keys and nesting deeper than MAX_YAML_DEPTH, each at its position.
 */
function checkStructure(doc: Document.Parsed, lineCounter: LineCounter, file: string): { problems: InputProblem[]; tooDeep: boolean } {
  const problems: InputProblem[] = [];
  const at = (node: { range?: readonly number[] | null } | null | undefined): { line: number; column: number } => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_YAML_DEPTH) {
      problems.push({ code: 'yaml.syntax', file, ...at(node), ...both(YAML_TEXT.tooDeep, { max: MAX_YAML_DEPTH }) });
      return { problems, tooDeep: true };
    }
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
      continue;
    }
    const seen = new Map<string, Pair>();
    for (const pair of node.items) {
      const id = keyIdentity(pair.key);
      const first = seen.get(id);
      if (first) {
        const firstLine = at(first.key as Node).line;
        problems.push({
          code: 'yaml.syntax',
          file,
          ...at(pair.key as Node),
          message: both(YAML_TEXT.duplicateKey, { key: shorten(JSON.stringify(id)), firstLine }).message,
          hint: yamlHint('DUPLICATE_KEY'),
        });
      } else seen.set(id, pair);
      if (isMap(pair.key) || isSeq(pair.key)) stack.push({ node: pair.key, depth: depth + 1 });
      stack.push({ node: pair.value, depth: depth + 1 });
    }
  }
  return { problems, tooDeep: false };
}

function yamlHint(code: string): Localized | undefined {
  return both(code === 'DUPLICATE_KEY' ? YAML_TEXT.keyOnce : YAML_TEXT.checkIndentation, {}).message;
}

/** The first line of a parser message, without its position (we give ours), ending as a sentence. */
function sentence(s: string): string {
  const line = shorten(s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), 200);
  return /[.!?…]$/.test(line) ? line : `${line}.`;
}


/**
 * Copies a parsed value into null-prototype objects so that keys such as `__proto__` or
 * `constructor` are plain data and can never reach Object.prototype.
 */
function sanitise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sanitise);
  if (v instanceof Date) return v;
  if (v !== null && typeof v === 'object') {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, val] of Object.entries(v)) {
      Object.defineProperty(out, k, { value: sanitise(val), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}


