import type { ErrorObject } from 'ajv';
import type { EvidenceFile } from '../../../evidence/evidence-file.js';
import { JsonSplitter, type Skeleton, type UnitGroup, type UnitMeta } from '../../../evidence/formats/json/splitter.js';
import { PathCollector } from './paths.js';
import { decodeSegment, splitPointer } from '../../../diagnostics/json-pointer.js';
import { RecordPool } from './pool.js';
import { MAX_VIOLATIONS, UNIT_FIELDS, type Task } from './record-processor.js';
import { toViolation, type SchemaValidators } from './schema-validators.js';
import { type FileAnalysis } from './export-plan.js';
import { Leaves, MAX_PROBLEMS, mergeBatch, OrderedQueue } from './batch-merge.js';

import type { OnRead } from './ndjson-records.js';
import { maskDigits } from '../../../util/redact.js';

// One JSON document, cut into units by the splitter and validated piece by piece.

/** Containers up to this size are parsed whole; larger ones are opened (see JsonSplitter). */
const UNIT_CAP = 4 * 1024 * 1024;
/** Bytes of units gathered into one batch for a worker. */
const BATCH_BYTES = 1024 * 1024;
/** Room asked of the pool for a batch of units (a shared slot's size). */
const BATCH_ROOM = 2 * 1024 * 1024;
/** Array keywords that a skeleton cannot judge where the items were handed out as units. */
const ARRAY_KEYWORDS = new Set(['minItems', 'maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains']);

function keepSkeletonError(e: ErrorObject, sk: Skeleton): boolean {
  let node: unknown = sk.value;
  for (const raw of splitPointer(e.instancePath)) {
    if (node !== null && typeof node === 'object' && sk.placeholders.has(node)) return false;
    if (node === null || typeof node !== 'object') return true;
    const seg = decodeSegment(raw);
    if (!Object.prototype.hasOwnProperty.call(node, seg)) return false;
    node = (node as Record<string, unknown>)[seg];
  }
  if (node !== null && typeof node === 'object') {
    if (sk.placeholders.has(node)) return false;
    if (sk.openedArrays.has(node) && ARRAY_KEYWORDS.has(e.keyword)) return false;
  }
  return true;
}

/**
 * Gathers document units into batches: bytes copied straight from the read chunks into the pool's
 * buffer, places as numbers, so a unit allocates nothing on the reading thread.
 */
class UnitBatcher {
  private bytes: Uint8Array | undefined;
  private used = 0;
  // Grown by doubling: a small file (most of a 20,000-file dossier) must not zero 96 KiB for six numbers.
  private meta = new Float64Array(UNIT_FIELDS * 8);
  private count = 0;
  private groups: UnitGroup[] = [];
  private readonly groupIndex = new Map<UnitGroup, number>();
  private seq = 0;

  constructor(
    private readonly pool: RecordPool,
    private readonly file: number,
    private readonly queue: OrderedQueue,
  ) {}

  add(source: Buffer, start: number, end: number, m: UnitMeta): void {
    const size = end - start;
    if (this.bytes && this.used + size > this.bytes.length) this.flush();
    if (!this.bytes) this.bytes = this.pool.buffer(Math.max(BATCH_ROOM, size));
    source.copy(this.bytes, this.used, start, end);
    let g = this.groupIndex.get(m.group);
    if (g === undefined) {
      g = this.groups.length;
      this.groups.push(m.group);
      this.groupIndex.set(m.group, g);
    }
    if ((this.count + 1) * UNIT_FIELDS > this.meta.length) {
      const grown = new Float64Array(this.meta.length * 2);
      grown.set(this.meta);
      this.meta = grown;
    }
    const at = this.count * UNIT_FIELDS;
    this.meta[at] = this.used;
    this.meta[at + 1] = this.used + size;
    this.meta[at + 2] = m.line;
    this.meta[at + 3] = m.column;
    this.meta[at + 4] = m.index;
    this.meta[at + 5] = g;
    this.count++;
    this.used += size;
    if (this.used >= BATCH_BYTES) this.flush();
  }

  flush(): void {
    if (!this.bytes || this.count === 0) return;
    const task: Task = {
      kind: 'units',
      seq: this.seq++,
      file: this.file,
      bytes: this.bytes.subarray(0, this.used),
      meta: this.meta.slice(0, this.count * UNIT_FIELDS),
      count: this.count,
      groups: this.groups,
    };
    this.bytes = undefined;
    this.used = 0;
    this.count = 0;
    this.groups = [];
    this.groupIndex.clear();
    this.queue.add(this.pool.run(task));
  }
}

export async function readDocument(
  file: EvidenceFile,
  index: number,
  pool: RecordPool,
  fa: FileAnalysis,
  leaves: Leaves,
  validators: SchemaValidators | undefined,
  walk: boolean,
  onRead: OnRead,
): Promise<void> {
  const queue = new OrderedQueue(pool, (r) => mergeBatch(fa, leaves, r, { line: 0, record: 0 }));
  const batcher = new UnitBatcher(pool, index, queue);
  const splitter = new JsonSplitter({ unitCap: UNIT_CAP, onUnit: (source, start, end, meta) => batcher.add(source, start, end, meta) });
  for await (const chunk of file.chunks()) {
    onRead?.(chunk.length);
    // After a syntax error the rest is still read, so the file is hashed in this same pass.
    if (splitter.error) continue;
    splitter.push(chunk);
    await queue.throttle();
  }
  const { skeleton, error } = splitter.end();
  batcher.flush();
  await queue.drain();
  if (error) {
    fa.problemCount++;
    fa.problems.push({ line: error.line, column: error.column, pointer: maskDigits(error.pointer), reason: error.reason === 'encoding' ? 'encoding' : error.reason });
    fa.problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    if (fa.problems.length > MAX_PROBLEMS) fa.problems.length = MAX_PROBLEMS;
  }
  if (skeleton) {
    if (walk) {
      const c = new PathCollector();
      c.add(skeleton.value, '');
      for (const p of skeleton.droppedLeaves) c.addLeaf(p);
      leaves.add(c.take());
      if (c.truncated || skeleton.droppedLeavesTruncated) fa.pathsTruncated = true;
    }
    if (validators) {
      if (skeleton.truncated) fa.skeletonSkipped = skeleton.truncatedBy ?? 'size';
      else if (!validators.root(skeleton.value)) {
        const kept = (validators.root.errors ?? []).filter((e) => keepSkeletonError(e, skeleton));
        if (kept.length > 0) fa.invalidRecords++;
        fa.violationCount += kept.length;
        for (const e of kept) if (fa.violations.length < MAX_VIOLATIONS) fa.violations.push(toViolation(e, ''));
      }
    }
  }
  fa.complete = fa.problemCount === 0;
}

/**
 * Reads every file of an export sample once (hashing it in the same pass), with the dictionary and
 * schema loaded first so that one pass serves all three PORT 1 checks: format and syntax, schema
 * validation of each JSON record, and the places where values sit for the dictionary.
 */
