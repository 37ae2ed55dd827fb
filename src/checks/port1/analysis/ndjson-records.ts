import type { EvidenceFile } from '../../../evidence/evidence-file.js';
import { RecordPool } from './pool.js';
import { emptyBatch } from './record-processor.js';
import { type FileAnalysis } from './export-plan.js';
import { Leaves, mergeBatch, OrderedQueue } from './batch-merge.js';


// The records of an NDJSON export, line by line, to the record pool.

/** Longest NDJSON line read. */
const LINE_CAP = 64 * 1024 * 1024;
export type OnRead = ((bytes: number) => void) | undefined;

export async function readLines(file: EvidenceFile, index: number, pool: RecordPool, fa: FileAnalysis, leaves: Leaves, onRead: OnRead): Promise<void> {
  const base = { line: 0, record: 0 };
  const queue = new OrderedQueue(pool, (r) => {
    mergeBatch(fa, leaves, r, base);
    base.line += r.lines;
    base.record += r.records;
  });
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let skipping = false;
  let first = true;
  let seq = 0;
  for await (const raw of file.chunks()) {
    onRead?.(raw.length);
    let chunk = raw;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (skipping) {
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) continue;
      chunk = chunk.subarray(nl + 1);
      skipping = false;
    }
    const last = chunk.lastIndexOf(0x0a);
    if (last < 0) {
      carry.push(Buffer.from(chunk));
      carryBytes += chunk.length;
      if (carryBytes > LINE_CAP) {
        // One record longer than the cap: named as too large, skipped up to its newline.
        queue.add(
          Promise.resolve({ ...emptyBatch(seq++), lines: 1, records: 1, syntax: [{ line: 1, column: 1, record: 1, reason: 'record-too-large' }], syntaxCount: 1 }),
        );
        carry = [];
        carryBytes = 0;
        skipping = true;
      }
      continue;
    }
    const bytes = pool.buffer(carryBytes + last + 1);
    let at = 0;
    for (const c of carry) {
      bytes.set(c, at);
      at += c.length;
    }
    bytes.set(chunk.subarray(0, last + 1), at);
    carry = last + 1 < chunk.length ? [Buffer.from(chunk.subarray(last + 1))] : [];
    carryBytes = chunk.length - last - 1;
    queue.add(pool.run({ kind: 'lines', seq: seq++, file: index, bytes }));
    await queue.throttle();
  }
  if (carryBytes > 0 && !skipping) {
    const bytes = pool.buffer(carryBytes);
    let at = 0;
    for (const c of carry) {
      bytes.set(c, at);
      at += c.length;
    }
    queue.add(pool.run({ kind: 'lines', seq, file: index, bytes }));
  }
  await queue.drain();
  fa.complete = fa.problemCount === 0;
}

/** Keeps an ajv error of the skeleton unless it is about a unit (judged on its own) or a count it cannot know. */
