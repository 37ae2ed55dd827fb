import { isUtf8 } from 'node:buffer';
import { findJsonError, type JsonSyntaxReason } from '../../../evidence/formats/json/syntax.js';
import { PathCollector, type LeafPath } from './paths.js';
import { SchemaValidators, toViolation, type Violation } from './schema-validators.js';
import { firstInvalidUtf8, positionIn, positionInText } from '../../../diagnostics/utf8.js';
import { unitPointer, type UnitGroup } from '../../../evidence/formats/json/splitter.js';

const ROOT = (): string => '';

/** Most violations a batch (and an analysis) keeps in detail; the rest are counted. */
export const MAX_VIOLATIONS = 20;
/** Most violations kept for one record, so one broken record does not hide the others. */
const MAX_PER_RECORD = 5;
/** Most syntax problems a batch keeps in detail. */
const MAX_SYNTAX = 5;

/** What every processor (inline or in a worker) is built from; plain data, so it crosses threads. */
export interface ProcessorConfig {
  /** The manufacturer's schema, already known to compile; absent when records are not validated. */
  schema?: unknown;
  /** Whether to collect the places of non-empty values (needed to check a data dictionary). */
  walk: boolean;
  /** Cap of distinct places per file. */
  maxPaths?: number;
}

/** Numbers stored per unit in a `units` task's `meta`: start, end, line, column, index, group. */
export const UNIT_FIELDS = 6;

/** A batch of work: whole NDJSON lines, or units of a JSON document. */
export type Task =
  | { kind: 'lines'; seq: number; file: number; bytes: Uint8Array }
  | {
      kind: 'units';
      seq: number;
      file: number;
      bytes: Uint8Array;
      /** `UNIT_FIELDS` numbers per unit: byte range in `bytes`, line, column, index, group number. */
      meta: Float64Array;
      count: number;
      groups: UnitGroup[];
    };

/** Where a record stopped being JSON. For `lines` tasks, line and record count from the batch start. */
export interface SyntaxProblem {
  line: number;
  column: number;
  record?: number;
  pointer?: string;
  reason: JsonSyntaxReason | 'encoding';
}

export interface BatchResult {
  seq: number;
  /** Newlines in the batch (`lines` tasks), to place the next batch. */
  lines: number;
  /** Records (non-blank lines, or units) in the batch. */
  records: number;
  syntax: SyntaxProblem[];
  syntaxCount: number;
  /** First violations, in record order; positions local to the batch for `lines` tasks. */
  violations: Violation[];
  violationCount: number;
  invalidRecords: number;
  /** Unit patterns the schema could not be split at (`{ pattern, at }`), first seen in this batch. */
  unsplittable: { pattern: string; at: string }[];
  /** Places newly found non-empty in this batch. */
  leaves: LeafPath[];
  pathsTruncated: boolean;
}

/**
 * Parses, validates and walks the records of a batch. The same code runs inline for small exports
 * and in worker threads for large ones, so both give the same findings.
 */
/** The result of a batch before any of its records is read. */
export function emptyBatch(seq: number): BatchResult {
  return { seq, lines: 0, records: 0, syntax: [], syntaxCount: 0, violations: [], violationCount: 0, invalidRecords: 0, unsplittable: [], leaves: [], pathsTruncated: false };
}

export class RecordProcessor {
  private readonly validators: SchemaValidators | undefined;
  private readonly collectors = new Map<number, PathCollector>();
  private readonly reportedBlocked = new Set<string>();

  /** `validators`: the schema already compiled on this thread, if any (compiling a large schema is costly). */
  constructor(
    private readonly config: ProcessorConfig,
    validators?: SchemaValidators,
  ) {
    this.validators = validators ?? (config.schema === undefined ? undefined : new SchemaValidators(config.schema));
  }

  private collector(file: number): PathCollector {
    let c = this.collectors.get(file);
    if (!c) {
      c = new PathCollector(this.config.maxPaths);
      this.collectors.set(file, c);
    }
    return c;
  }

  run(task: Task): BatchResult {
    const result = emptyBatch(task.seq);
    if (task.kind === 'lines') this.lines(task.bytes, task.file, result);
    else this.units(task, result);
    if (this.config.walk) {
      const c = this.collector(task.file);
      result.leaves = c.take();
      result.pathsTruncated = c.truncated;
    }
    return result;
  }

  private syntax(result: BatchResult, p: SyntaxProblem): void {
    result.syntaxCount++;
    if (result.syntax.length < MAX_SYNTAX) result.syntax.push(p);
  }

  private check(value: unknown, validate: ((v: unknown) => boolean) & { errors?: unknown }, pointer: () => string, at: { record?: number; line: number }, result: BatchResult): void {
    if (validate(value)) return;
    const base = pointer();
    const errors = (validate.errors ?? []) as Parameters<typeof toViolation>[0][];
    result.invalidRecords++;
    result.violationCount += errors.length;
    for (const e of errors.slice(0, MAX_PER_RECORD)) {
      if (result.violations.length >= MAX_VIOLATIONS) break;
      result.violations.push({ ...toViolation(e, base), ...at });
    }
  }

  private record(value: unknown, file: number, pattern: string, pointer: () => string, at: { record?: number; line: number }, result: BatchResult): void {
    if (this.validators) {
      const v = this.validators.forPattern(pattern);
      if ('validate' in v) this.check(value, v.validate, pointer, at, result);
      else if ('blocked' in v && !this.reportedBlocked.has(pattern)) {
        this.reportedBlocked.add(pattern);
        result.unsplittable.push({ pattern, at: v.blocked });
      }
    }
    if (this.config.walk) this.collector(file).add(value, pattern);
  }

  private lines(bytes: Uint8Array, file: number, result: BatchResult): void {
    // The batch is checked for UTF-8 at native speed, then each line decoded on its own: measured
    // faster than decoding blocks and slicing them, and small strings die young.
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const valid = isUtf8(buf);
    let start = 0;
    let line = 0;
    while (start < buf.length) {
      let end = buf.indexOf(0x0a, start);
      const hasNewline = end >= 0;
      if (!hasNewline) end = buf.length;
      line++;
      const bad = valid ? -1 : firstInvalidUtf8(buf, start, end);
      if (bad >= 0) {
        result.records++;
        const pos = positionIn(buf, start, bad, { line, column: 1 });
        this.syntax(result, { line, column: pos.column, record: result.records, reason: 'encoding' });
      } else if (end > start) {
        this.oneLine(buf.toString('utf8', start, end), line, file, result);
      }
      if (hasNewline) result.lines++;
      start = end + 1;
    }
  }

  private oneLine(s: string, line: number, file: number, result: BatchResult): void {
    if (s.length === 0 || (s.length <= 2 && s.trim() === '')) return;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      if (s.trim() === '') return;
      result.records++;
      const e = findJsonError(s);
      this.syntax(result, { line, column: (e?.offset ?? 0) + 1, record: result.records, reason: e?.reason ?? 'unexpected-character' });
      return;
    }
    result.records++;
    this.record(value, file, '', ROOT, { record: result.records, line }, result);
  }

  private units(task: Extract<Task, { kind: 'units' }>, result: BatchResult): void {
    const { bytes, meta, groups } = task;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const valid = isUtf8(buf);
    for (let u = 0; u < task.count; u++) {
      const m = u * UNIT_FIELDS;
      const start = meta[m]!;
      const end = meta[m + 1]!;
      const at = { line: meta[m + 2]!, column: meta[m + 3]! };
      const index = meta[m + 4]!;
      const group = groups[meta[m + 5]!]!;
      result.records++;
      const bad = valid ? -1 : firstInvalidUtf8(buf, start, end);
      if (bad >= 0) {
        const pos = positionIn(buf, start, bad, at);
        this.syntax(result, { ...pos, pointer: unitPointer(group, index), reason: 'encoding' });
        continue;
      }
      const text = buf.toString('utf8', start, end);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        const e = findJsonError(text);
        const pos = positionInText(text, 0, e?.offset ?? 0, at);
        this.syntax(result, { ...pos, pointer: unitPointer(group, index), reason: e?.reason ?? 'unexpected-character' });
        continue;
      }
      this.record(value, task.file, group.pattern, () => unitPointer(group, index), { line: at.line }, result);
    }
  }
}
