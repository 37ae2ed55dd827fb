/**
 * Batch results brought back into file order: the ordered queue the reader waits on, the leaf
 * places collected for the dictionary, and the merge of a batch into its file's analysis.
 */
import type { LeafPath } from './paths.js';
import type { RecordPool } from './pool.js';
import { MAX_VIOLATIONS, type BatchResult } from './record-processor.js';
import { valueText } from '../../../diagnostics/value-text.js';
import type { FileAnalysis } from './export-plan.js';
import { maskDigits } from '../../../util/redact.js';

/** Read problems kept in detail per file (the rest are counted). */
export const MAX_PROBLEMS = 20;

interface QueueEntry {
  settled: boolean;
  result?: BatchResult;
  error?: unknown;
}

/**
 * Merges batch results in file order, as they come, and makes the reader wait only while more
 * batches than the pool's capacity are still running (batches the reading thread took itself are
 * done at once and never make it wait).
 */
export class OrderedQueue {
  private readonly entries: QueueEntry[] = [];
  private unsettled = 0;
  private wake: (() => void) | undefined;

  constructor(
    private readonly pool: RecordPool,
    private readonly merge: (r: BatchResult) => void,
  ) {}

  add(p: Promise<BatchResult>): void {
    const entry: QueueEntry = { settled: false };
    this.entries.push(entry);
    this.unsettled++;
    p.then(
      (r) => {
        entry.result = r;
      },
      (err: unknown) => {
        entry.error = err ?? new Error('batch failed');
      },
    ).finally(() => {
      entry.settled = true;
      this.unsettled--;
      this.wake?.();
    });
  }

  private mergeSettled(): void {
    while (this.entries.length > 0 && this.entries[0]!.settled) {
      const e = this.entries.shift()!;
      if (e.error !== undefined) throw e.error instanceof Error ? e.error : new Error(valueText(e.error));
      this.merge(e.result!);
    }
  }

  private settle(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }

  /** Merges what is done; waits while too many batches are still running. */
  async throttle(): Promise<void> {
    this.mergeSettled();
    while (this.unsettled > this.pool.capacity) {
      await this.settle();
      this.mergeSettled();
    }
  }

  async drain(): Promise<void> {
    while (this.entries.length > 0) {
      if (!this.entries[0]!.settled) await this.settle();
      this.mergeSettled();
    }
  }
}

export class Leaves {
  private readonly map = new Map<string, LeafPath>();

  add(list: readonly LeafPath[]): void {
    for (const l of list) this.map.set(`${l.path}\u0000${l.scoped}`, l);
  }

  values(): LeafPath[] {
    return [...this.map.values()];
  }
}

export function mergeBatch(fa: FileAnalysis, leaves: Leaves, r: BatchResult, base: { line: number; record: number }): void {
  for (const s of r.syntax) {
    if (fa.problems.length >= MAX_PROBLEMS) break;
    fa.problems.push({
      line: base.line + s.line,
      column: s.column,
      ...(s.record !== undefined ? { record: base.record + s.record } : {}),
      ...(s.pointer !== undefined ? { pointer: maskDigits(s.pointer) } : {}),
      reason: s.reason,
    });
  }
  fa.problemCount += r.syntaxCount;
  for (const v of r.violations) {
    if (fa.violations.length >= MAX_VIOLATIONS) break;
    fa.violations.push({
      ...v,
      ...(v.line !== undefined ? { line: base.line + v.line } : {}),
      ...(v.record !== undefined ? { record: base.record + v.record } : {}),
    });
  }
  fa.violationCount += r.violationCount;
  fa.invalidRecords += r.invalidRecords;
  for (const u of r.unsplittable) if (!fa.unsplittable.some((x) => x.pattern === u.pattern)) fa.unsplittable.push(u);
  leaves.add(r.leaves);
  if (r.pathsTruncated) fa.pathsTruncated = true;
  fa.records += r.records;
}

/** Called with the size of each chunk read (the probe that may start workers part-way). */
