import { escapeSegment } from '../../../diagnostics/json-pointer.js';
import { findJsonError, MAX_JSON_DEPTH, type JsonSyntaxReason } from './syntax.js';
import { firstInvalidUtf8, positionIn } from '../../../diagnostics/utf8.js';

/**
 * Where units sit: all the items of one array (`indexed`: the unit's pointer is `base` + its index),
 * or one member of an object (the pointer is `base`). Shared by every unit of the same array, so a
 * unit costs no string of its own until a finding needs its pointer.
 */
export interface UnitGroup {
  base: string;
  /** The pointer with array indices written `*` (`/entry/*`): what schemas and dictionaries name. */
  pattern: string;
  indexed: boolean;
}

/** The JSON pointer of the unit `index` of a group (`/entry/12`; `''` for the whole document). */
export function unitPointer(group: UnitGroup, index: number): string {
  return group.indexed ? `${group.base}${index}` : group.base;
}

/**
 * A piece of a JSON document small enough to be parsed on its own: a container (object or array)
 * of at most `unitCap` bytes, or the whole document when it is that small. Handed out as
 * `onUnit(source, start, end, meta)`; the bytes are `source[start, end)`, valid during the call only.
 */
export interface UnitMeta {
  group: UnitGroup;
  /** Index in the array (for indexed groups). */
  index: number;
  /** Where the unit starts in the file (1-based; the column counts bytes). */
  line: number;
  column: number;
}

/** Where and why a document stopped being JSON. */
export interface SplitterProblem {
  line: number;
  column: number;
  reason: JsonSyntaxReason | 'encoding';
  /** Pointer of the container being read when it broke. */
  pointer: string;
}

/**
 * What is left of the document once its units are taken out: scalars of the opened containers, with
 * an empty placeholder where a unit stood in an object, and nothing (a hole) where a unit stood in an
 * array. Validating it against the document's schema checks the outer structure.
 */
export interface Skeleton {
  value: unknown;
  /** The `{}` / `[]` placeholders standing for units inside objects. */
  placeholders: WeakSet<object>;
  /** Arrays whose items were handed out as units (their item counts are not known to the skeleton). */
  openedArrays: WeakSet<object>;
  /** True when the skeleton is not the whole outer structure (past its cap, or scalars mixed with units in an array). */
  truncated: boolean;
  /** Why it was truncated first: over the byte cap, an object over MAX_SKELETON_KEYS members, scalars mixed with units, a scalar over the token cap. */
  truncatedBy: 'size' | 'wide' | 'mixed' | 'long-value' | undefined;
  /** Patterns of non-empty scalars that were not kept in the skeleton (at most MAX_DROPPED_LEAVES). */
  droppedLeaves: Set<string>;
  /** True when more patterns were dropped than `droppedLeaves` holds. */
  droppedLeavesTruncated: boolean;
}

/** Members one object of the skeleton holds; past them the skeleton is truncated (a wide object is not held whole). */
export const MAX_SKELETON_KEYS = 10_000;
/** Patterns of dropped scalars remembered. */
const MAX_DROPPED_LEAVES = 20_000;

export interface SplitterOptions {
  /** Containers up to this many bytes are handed out whole; larger ones are opened. */
  unitCap: number;
  onUnit(source: Buffer, start: number, end: number, meta: UnitMeta): void;
  /** Largest scalar kept in the skeleton (default 8 MiB). */
  tokenCap?: number;
  /** Largest skeleton, in bytes of scalars and keys (default 32 MiB). */
  skeletonCap?: number;
}

const VALUE = 0;
const ARRAY_FIRST = 1;
const OBJECT_FIRST = 2;
const OBJECT_KEY = 3;
const KEY = 4;
const COLON = 5;
const AFTER = 6;
const STRING = 7;
const LITERAL = 8;
const UNIT = 9;
const DONE = 10;

interface Frame {
  array: boolean;
  pointer: string;
  pattern: string;
  node: Record<string, unknown> | unknown[];
  key: string;
  index: number;
  /** Group of this array's items, made once. */
  items: UnitGroup | undefined;
  /** True once an item of this (opened) array was handed out as a unit, leaving a hole. */
  holes: boolean;
  /** Members read so far (objects). */
  members: number;
}

const ROOT_GROUP: UnitGroup = { base: '', pattern: '', indexed: false };

/** No closing quote in the chunk. */
const NOT_FOUND = -1;
/** No closing quote, and the chunk ends inside an escape: the next chunk's first byte is skipped. */
const ESCAPE_PENDING = -2;

/** Backslashes just before `at`, back to `from` at most. */
function backslashesBefore(buf: Buffer, at: number, from: number): number {
  let n = 0;
  for (let k = at - 1; k >= from && buf[k] === 0x5c; k--) n++;
  return n;
}

/**
 * The `"` that closes a JSON string whose body goes on at `buf[i]` (escaped quotes, an odd run of
 * backslashes before them, skipped), or NOT_FOUND / ESCAPE_PENDING. A number, so the scan of a
 * document allocates nothing per string.
 */
function closingQuote(buf: Buffer, i: number, end: number): number {
  for (;;) {
    const q = buf.indexOf(0x22, i);
    if (q < 0 || q >= end) return (backslashesBefore(buf, end, i) & 1) === 1 ? ESCAPE_PENDING : NOT_FOUND;
    if (buf[q - 1] !== 0x5c || (backslashesBefore(buf, q, i) & 1) === 0) return q;
    i = q + 1;
  }
}

/** A JSON literal (number, true, false, null), as bytes decoded latin1. */
const LITERAL_TOKEN = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)$/;

/**
 * The text of a JSON string token (`"…"`) that holds no escape, no control character and only valid
 * UTF-8, without JSON.parse; undefined for any other (which JSON.parse then judges, with its position).
 */
function plainString(bytes: Buffer): string | undefined {
  const end = bytes.length - 1;
  for (let i = 1; i < end; i++) {
    const c = bytes[i]!;
    if (c < 0x20 || c === 0x5c) return undefined;
  }
  return firstInvalidUtf8(bytes, 1, end) < 0 ? bytes.toString('utf8', 1, end) : undefined;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isLiteralByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x2b || c === 0x2e;
}

/**
 * Splits one JSON document, fed in chunks, into units that `JSON.parse` can take one at a time,
 * so a document of any size is read with bounded memory. Inside a unit only strings and brackets
 * are tracked (a tight byte loop); the unit's own syntax is checked when it is parsed. Around the
 * units the document is parsed strictly, byte by byte, into the skeleton.
 */
export class JsonSplitter {
  private state = VALUE;
  private readonly stack: Frame[] = [];
  private line = 1;
  private lineStart = 0;
  private abs = 0;
  private tok: Buffer[] = [];
  private tokLen = 0;
  private tokEsc = false;
  private tokOversized = false;
  private tokAbs = 0;
  private tokLine = 1;
  private tokLineStart = 0;
  private unitParts: Buffer[] = [];
  private unitLen = 0;
  private depth = 0;
  private inString = false;
  private esc = false;
  private unitLine = 1;
  private unitLineStart = 0;
  private unitAbs = 0;
  private unitGroup: UnitGroup = ROOT_GROUP;
  private unitIndex = 0;
  private readonly meta: UnitMeta = { group: ROOT_GROUP, index: 0, line: 1, column: 1 };
  private rootValue: unknown = undefined;
  private rootIsUnit = false;
  private skeletonBytes = 0;
  private readonly skeleton: Skeleton = {
    value: undefined,
    placeholders: new WeakSet(),
    openedArrays: new WeakSet(),
    truncated: false,
    truncatedBy: undefined,
    droppedLeaves: new Set(),
    droppedLeavesTruncated: false,
  };
  private readonly tokenCap: number;
  private readonly skeletonCap: number;
  /** The first syntax problem; once set, further input is ignored. */
  error: SplitterProblem | undefined;
  /** Units handed out so far. */
  units = 0;

  constructor(private readonly options: SplitterOptions) {
    this.tokenCap = options.tokenCap ?? 8 * 1024 * 1024;
    this.skeletonCap = options.skeletonCap ?? 32 * 1024 * 1024;
  }

  push(chunk: Buffer): void {
    if (this.error) return;
    let from = 0;
    if (this.abs === 0 && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      from = 3;
      this.lineStart = 3;
    }
    const base = this.abs;
    this.abs += chunk.length;
    this.process(chunk, from, base);
  }

  /** The outer object as read so far (its scalars), once it was opened; undefined otherwise. */
  peekRoot(): Readonly<Record<string, unknown>> | undefined {
    const node = this.stack[0]?.node;
    return node !== undefined && !Array.isArray(node) ? node : undefined;
  }

  /** Ends the document: reports truncation, and returns the skeleton when the document was opened. */
  end(): { skeleton: Skeleton | undefined; error: SplitterProblem | undefined } {
    if (!this.error && this.state === LITERAL && this.stack.length === 0) this.finishLiteral(true);
    if (!this.error && this.state !== DONE) {
      this.error = { line: this.line, column: this.abs - this.lineStart + 1, reason: 'unexpected-end', pointer: this.currentPointer() };
    }
    if (this.rootIsUnit || this.state !== DONE) return { skeleton: undefined, error: this.error };
    this.skeleton.value = this.rootValue;
    return { skeleton: this.skeleton, error: this.error };
  }

  private currentPointer(): string {
    if (this.state === UNIT) return unitPointer(this.unitGroup, this.unitIndex);
    return this.stack[this.stack.length - 1]?.pointer ?? '';
  }

  private fail(at: number, reason: SplitterProblem['reason']): void {
    this.error = { line: this.line, column: at - this.lineStart + 1, reason, pointer: this.currentPointer() };
  }

  /** The group of the value about to be read in the current frame. */
  private childGroup(): UnitGroup {
    const f = this.stack[this.stack.length - 1];
    if (!f) return ROOT_GROUP;
    if (f.array) return (f.items ??= { base: `${f.pointer}/`, pattern: `${f.pattern}/*`, indexed: true });
    const seg = escapeSegment(f.key);
    return { base: `${f.pointer}/${seg}`, pattern: `${f.pattern}/${seg}`, indexed: false };
  }

  private attach(value: unknown): void {
    const f = this.stack[this.stack.length - 1];
    if (!f) {
      this.rootValue = value;
      return;
    }
    // A scalar after holes would make the schema judge every hole: such arrays stay out of the skeleton.
    if (f.array && f.holes) this.truncate('mixed');
    if (!f.array && ++f.members > MAX_SKELETON_KEYS) this.truncate('wide');
    if (this.skeleton.truncated) {
      if (value !== null && typeof value !== 'object' && value !== '') this.dropLeaf();
      return;
    }
    if (f.array) (f.node as unknown[])[f.index] = value;
    else Object.defineProperty(f.node, f.key, { value, enumerable: true, writable: true, configurable: true });
  }

  private truncate(why: NonNullable<Skeleton['truncatedBy']>): void {
    this.skeleton.truncatedBy ??= why;
    this.skeleton.truncated = true;
  }

  private dropLeaf(): void {
    const dropped = this.skeleton.droppedLeaves;
    if (dropped.size < MAX_DROPPED_LEAVES) dropped.add(this.childGroup().pattern);
    else this.skeleton.droppedLeavesTruncated = true;
  }

  private afterValue(): void {
    this.state = this.stack.length === 0 ? DONE : AFTER;
  }

  private process(buf: Buffer, from: number, base: number): void {
    const end = buf.length;
    let i = from;
    let seg = from;
    while (i < end) {
      if (this.error) return;
      const state = this.state;
      if (state === UNIT) {
        const stop = this.scanUnit(buf, i, end, base);
        if (stop < 0) {
          break;
        }
        if (this.unitParts.length === 0) this.finishUnit(buf, seg, stop + 1);
        else {
          this.unitParts.push(buf.subarray(seg, stop + 1));
          const whole = Buffer.concat(this.unitParts);
          this.unitParts = [];
          this.finishUnit(whole, 0, whole.length);
        }
        i = stop + 1;
        continue;
      }
      if (state === STRING || state === KEY) {
        const stop = this.scanToken(buf, i, end);
        if (stop < 0) {
          break;
        }
        this.addToken(buf.subarray(seg, stop + 1));
        i = stop + 1;
        this.finishToken(state === KEY);
        continue;
      }
      if (state === LITERAL) {
        let k = i;
        while (k < end && isLiteralByte(buf[k]!)) k++;
        if (k === end) {
          break;
        }
        this.addToken(buf.subarray(seg, k));
        i = k;
        this.finishLiteral(false);
        continue;
      }
      const c = buf[i]!;
      if (isWs(c)) {
        if (c === 0x0a) {
          this.line++;
          this.lineStart = base + i + 1;
        }
        i++;
        continue;
      }
      switch (state) {
        case VALUE:
        case ARRAY_FIRST:
          if (state === ARRAY_FIRST && c === 0x5d) {
            this.closeFrame();
            i++;
          } else if (c === 0x7b || c === 0x5b) {
            this.unitGroup = this.childGroup();
            this.unitIndex = this.stack[this.stack.length - 1]?.index ?? 0;
            this.unitAbs = base + i;
            this.unitLine = this.line;
            this.unitLineStart = this.lineStart;
            this.unitParts = [];
            this.unitLen = 0;
            this.depth = 1;
            this.inString = false;
            this.esc = false;
            this.state = UNIT;
            seg = i;
            i++;
          } else if (c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
            this.startToken(base + i);
            this.state = c === 0x22 ? STRING : LITERAL;
            seg = i;
            i++;
          } else {
            this.fail(base + i, 'unexpected-character');
          }
          break;
        case OBJECT_FIRST:
        case OBJECT_KEY:
          if (state === OBJECT_FIRST && c === 0x7d) {
            this.closeFrame();
            i++;
          } else if (c === 0x22) {
            this.startToken(base + i);
            this.state = KEY;
            seg = i;
            i++;
          } else {
            this.fail(base + i, 'unexpected-character');
          }
          break;
        case COLON:
          if (c === 0x3a) {
            this.state = VALUE;
            i++;
          } else this.fail(base + i, 'unexpected-character');
          break;
        case AFTER: {
          const f = this.stack[this.stack.length - 1]!;
          if (c === 0x2c) {
            if (f.array) {
              f.index++;
              this.state = VALUE;
            } else this.state = OBJECT_KEY;
            i++;
          } else if ((c === 0x5d && f.array) || (c === 0x7d && !f.array)) {
            this.closeFrame();
            i++;
          } else this.fail(base + i, 'unexpected-character');
          break;
        }
        case DONE:
          this.fail(base + i, 'trailing-data');
          break;
      }
    }
    if (this.error) return;
    if (this.state === UNIT) {
      if (seg < end) this.unitParts.push(buf.subarray(seg, end));
      this.unitLen += end - seg;
      if (this.unitLen > this.options.unitCap) this.open();
    } else if (this.state === STRING || this.state === KEY || this.state === LITERAL) {
      if (seg < end) this.addToken(buf.subarray(seg, end));
    }
  }

  /** Scans unit bytes from `i`; returns the index of the bracket that closes the unit, or -1. */
  private scanUnit(buf: Buffer, i: number, end: number, base: number): number {
    if (this.inString) {
      if (this.esc) {
        this.esc = false;
        i++;
      }
      const q = closingQuote(buf, i, end);
      if (q < 0) {
        this.esc = q === ESCAPE_PENDING;
        return -1;
      }
      this.inString = false;
      i = q + 1;
    }
    let depth = this.depth;
    let result = -1;
    while (i < end) {
      const c = buf[i]!;
      if (c === 0x22) {
        const q = closingQuote(buf, i + 1, end);
        if (q < 0) {
          this.inString = true;
          this.esc = q === ESCAPE_PENDING;
          break;
        }
        i = q + 1;
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        // The opened containers above the unit count too: past the limit nothing deeper is read, nor re-read when opened.
        if (++depth + this.stack.length > MAX_JSON_DEPTH) {
          this.depth = depth;
          this.fail(base + i, 'too-deep');
          return -1;
        }
      } else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) {
          result = i;
          break;
        }
      } else if (c === 0x0a) {
        this.line++;
        this.lineStart = base + i + 1;
      }
      i++;
    }
    this.depth = depth;
    return result;
  }

  /** Scans string-token bytes from `i`; returns the index of the closing quote, or -1. */
  private scanToken(buf: Buffer, i: number, end: number): number {
    if (this.tokEsc) {
      this.tokEsc = false;
      i++;
    }
    const q = closingQuote(buf, i, end);
    if (q >= 0) return q;
    this.tokEsc = q === ESCAPE_PENDING;
    return -1;
  }

  private startToken(at: number): void {
    this.tok = [];
    this.tokLen = 0;
    this.tokEsc = false;
    this.tokOversized = false;
    this.tokAbs = at;
    this.tokLine = this.line;
    this.tokLineStart = this.lineStart;
  }

  private addToken(part: Buffer): void {
    this.tokLen += part.length;
    if (this.tokOversized) return;
    if (this.tokLen > this.tokenCap) {
      this.tokOversized = true;
      this.tok = [];
      return;
    }
    this.tok.push(part);
  }

  private tokenProblem(text: Buffer, reason: SplitterProblem['reason'], offset: number): void {
    const pos = positionIn(text, 0, offset, { line: this.tokLine, column: this.tokAbs - this.tokLineStart + 1 });
    this.error = { line: pos.line, column: pos.column, reason, pointer: this.currentPointer() };
  }

  /** Decodes and parses the token; undefined (with `error` set) when it is not valid JSON. */
  private parseToken(asLiteral: boolean): { value: unknown } | undefined {
    const bytes = this.tok.length === 1 ? this.tok[0]! : Buffer.concat(this.tok);
    this.tok = [];
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      this.tokenProblem(bytes, 'encoding', bad);
      return undefined;
    }
    const text = bytes.toString('utf8');
    try {
      return { value: JSON.parse(text) };
    } catch {
      const e = findJsonError(text);
      let reason: JsonSyntaxReason = e?.reason ?? 'unexpected-character';
      // A literal ended because another byte followed it: that byte is the problem, not the end.
      if (asLiteral && reason === 'unexpected-end') reason = 'unexpected-character';
      this.tokenProblem(bytes, reason, Buffer.byteLength(text.slice(0, e?.offset ?? 0)));
      return undefined;
    }
  }

  private finishToken(isKey: boolean): void {
    if (this.tokOversized) {
      if (isKey) {
        this.tokenProblem(Buffer.alloc(0), 'record-too-large', 0);
        return;
      }
      this.truncate('long-value');
      this.dropLeaf();
      this.afterValue();
      return;
    }
    // Most keys, and values nobody will look at (past every cap of a wide object), skip JSON.parse.
    if (isKey || this.valuesUnused()) {
      const text = plainString(this.takeToken());
      if (text !== undefined) {
        this.tok = [];
        this.countSkeleton(this.tokLen);
        if (isKey) {
          this.stack[this.stack.length - 1]!.key = text;
          this.state = COLON;
        } else {
          this.attach(text);
          this.afterValue();
        }
        return;
      }
    }
    const parsed = this.parseToken(false);
    if (!parsed) return;
    this.countSkeleton(this.tokLen);
    if (isKey) {
      this.stack[this.stack.length - 1]!.key = parsed.value as string;
      this.state = COLON;
      return;
    }
    this.attach(parsed.value);
    this.afterValue();
  }

  private finishLiteral(atEnd: boolean): void {
    if (this.tokOversized) {
      this.tokenProblem(Buffer.alloc(0), 'bad-number', 0);
      return;
    }
    if (this.valuesUnused() && LITERAL_TOKEN.test(this.takeToken().toString('latin1'))) {
      this.tok = [];
      this.attach(true);
      this.afterValue();
      return;
    }
    const parsed = this.parseToken(!atEnd);
    if (!parsed) return;
    this.countSkeleton(this.tokLen);
    this.attach(parsed.value);
    this.afterValue();
  }

  /** True once scalars are no longer kept, nor their places (the skeleton truncated, the dropped leaves full). */
  private valuesUnused(): boolean {
    return this.skeleton.truncated && this.skeleton.droppedLeavesTruncated;
  }

  /** The token's bytes, kept for parseToken should it still be needed. */
  private takeToken(): Buffer {
    if (this.tok.length !== 1) this.tok = [Buffer.concat(this.tok)];
    return this.tok[0]!;
  }

  private countSkeleton(bytes: number): void {
    this.skeletonBytes += bytes;
    if (this.skeletonBytes > this.skeletonCap) this.truncate('size');
  }

  private closeFrame(): void {
    this.stack.pop();
    this.afterValue();
  }

  private finishUnit(source: Buffer, start: number, end: number): void {
    this.units++;
    const meta = this.meta;
    meta.group = this.unitGroup;
    meta.index = this.unitIndex;
    meta.line = this.unitLine;
    meta.column = this.unitAbs - this.unitLineStart + 1;
    this.options.onUnit(source, start, end, meta);
    if (this.stack.length === 0) {
      this.rootIsUnit = true;
    } else {
      const f = this.stack[this.stack.length - 1]!;
      if (f.array) f.holes = true;
      else {
        const placeholder = source[start] === 0x5b ? [] : {};
        this.skeleton.placeholders.add(placeholder);
        this.attach(placeholder);
      }
    }
    this.afterValue();
  }

  /** The current unit outgrew the cap: parse what was read of it as skeleton, its children becoming units. */
  private open(): void {
    const bytes = this.unitParts.length === 1 ? this.unitParts[0]! : Buffer.concat(this.unitParts);
    this.unitParts = [];
    this.unitLen = 0;
    this.line = this.unitLine;
    this.lineStart = this.unitLineStart;
    const array = bytes[0] === 0x5b;
    const node: Record<string, unknown> | unknown[] = array ? [] : {};
    if (array) this.skeleton.openedArrays.add(node);
    this.attach(node);
    this.stack.push({ array, pointer: unitPointer(this.unitGroup, this.unitIndex), pattern: this.unitGroup.pattern, node, key: '', index: 0, items: undefined, holes: false, members: 0 });
    this.state = array ? ARRAY_FIRST : OBJECT_FIRST;
    this.process(bytes, 1, this.unitAbs);
  }

}
