import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RecordProcessor, type BatchResult, type ProcessorConfig, type Task } from './record-processor.js';
import type { SchemaValidators } from './schema-validators.js';

interface Pending {
  resolve(r: BatchResult): void;
  reject(e: Error): void;
  /** Shared slot the batch sits in, freed with the answer. */
  slot: number | undefined;
}

interface Slot {
  worker: Worker;
  busy: number;
  pending: Map<number, Pending>;
}

/** What a worker thread is started with. */
export interface WorkerInit {
  config: ProcessorConfig;
  /** Batch slots shared with the reader, so batches are neither copied nor garbage-collected per batch. */
  shared: SharedArrayBuffer;
  slotBytes: number;
}

/** A task as posted to a worker: its bytes either in a shared slot or transferred. */
export type PostedTask = Omit<Task, 'bytes'> & { bytes?: Uint8Array; slot?: number; length?: number };

/** The compiled worker next to this module; absent when running from the TypeScript sources. */
export const DEFAULT_WORKER_URL = new URL('./record-worker.js', import.meta.url);

/** Size of one shared batch slot; larger batches are transferred instead. */
const SLOT_BYTES = 2 * 1024 * 1024;

/**
 * Worker threads worth starting on this machine: one per core but the reading thread's (which reads,
 * hashes, splits, and takes a batch itself when the workers are full), at most 4; none on one core.
 */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores - 1, 4) : 0;
}

/**
 * Runs record batches on worker threads, or inline when there are none; while every worker has a
 * batch running and one waiting, the reading thread processes the next batch itself. The reader asks the pool
 * for a batch buffer (`buffer`), fills it and submits it (`run`): with workers the buffer is a slot
 * of a fixed SharedArrayBuffer, so memory stays bounded by the number of batches in flight; inline,
 * one scratch buffer is reused since each batch is processed before `run` returns.
 */
export class RecordPool {
  private readonly slots: Slot[] = [];
  private readonly inline: RecordProcessor | undefined;
  /** The reading thread's own processor, for the batches it takes while every worker has two. */
  private helper: RecordProcessor | undefined;
  private readonly shared: SharedArrayBuffer | undefined;
  private readonly free: number[] = [];
  private scratch: Uint8Array | undefined;
  private failure: Error | undefined;

  /**
   * `workers` 0 runs inline; a worker URL that does not exist also falls back to inline.
   * `validators` is the schema compiled on this thread, reused by the inline and helping processors.
   */
  constructor(
    private readonly config: ProcessorConfig,
    workers: number,
    workerUrl: URL = DEFAULT_WORKER_URL,
    private readonly validators?: SchemaValidators,
  ) {
    const usable = workers > 0 && existsSync(fileURLToPath(workerUrl));
    if (!usable) {
      this.inline = new RecordProcessor(config, validators);
      return;
    }
    const slotCount = workers * 2 + 2;
    this.shared = new SharedArrayBuffer(slotCount * SLOT_BYTES);
    for (let i = slotCount - 1; i >= 0; i--) this.free.push(i);
    const init: WorkerInit = { config, shared: this.shared, slotBytes: SLOT_BYTES };
    for (let i = 0; i < workers; i++) {
      const slot: Slot = { worker: new Worker(workerUrl, { workerData: init }), busy: 0, pending: new Map() };
      slot.worker.on('message', (m: { seq: number; result?: BatchResult; error?: string }) => {
        const p = slot.pending.get(m.seq);
        if (!p) return;
        slot.pending.delete(m.seq);
        slot.busy--;
        if (p.slot !== undefined) this.free.push(p.slot);
        if (m.result) p.resolve(m.result);
        else p.reject(new Error(m.error ?? 'worker failed'));
      });
      slot.worker.on('error', (err) => this.fail(slot, err));
      slot.worker.on('exit', (code) => {
        if (slot.pending.size > 0) this.fail(slot, new Error(`worker stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  /** How many batches may wait at once before the reader should pause. */
  get capacity(): number {
    return Math.max(1, this.slots.length * 2);
  }

  /** True when batches run on worker threads. */
  get threaded(): boolean {
    return this.slots.length > 0;
  }

  /** A buffer of `size` bytes to fill with the next batch and pass to `run`. */
  buffer(size: number): Uint8Array {
    if (this.inline) {
      if (!this.scratch || this.scratch.length < size) this.scratch = new Uint8Array(Math.max(size, SLOT_BYTES));
      return this.scratch.subarray(0, size);
    }
    const slot = size <= SLOT_BYTES ? this.free.pop() : undefined;
    return slot === undefined ? new Uint8Array(size) : new Uint8Array(this.shared!, slot * SLOT_BYTES, size);
  }

  private fail(slot: Slot, err: Error): void {
    this.failure ??= err;
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  }

  run(task: Task): Promise<BatchResult> {
    if (this.inline) {
      try {
        return Promise.resolve(this.inline.run(task));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    if (this.failure) return Promise.reject(this.failure);
    let target = this.slots[0]!;
    for (const s of this.slots) if (s.busy < target.busy) target = s;
    if (target.busy >= 2) {
      // Every worker has a batch running and one waiting: the reading thread takes this one itself.
      try {
        this.helper ??= new RecordProcessor(this.config, this.validators);
        return Promise.resolve(this.helper.run(task));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        if (task.bytes.buffer === this.shared) this.free.push(task.bytes.byteOffset / SLOT_BYTES);
      }
    }
    target.busy++;
    return new Promise<BatchResult>((resolve, reject) => {
      const { bytes, ...rest } = task;
      if (bytes.buffer === this.shared) {
        const slot = bytes.byteOffset / SLOT_BYTES;
        target.pending.set(task.seq, { resolve, reject, slot });
        const posted: PostedTask = { ...rest, slot, length: bytes.byteLength };
        target.worker.postMessage(posted);
      } else {
        target.pending.set(task.seq, { resolve, reject, slot: undefined });
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
        target.worker.postMessage(task, whole ? [bytes.buffer] : []);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
