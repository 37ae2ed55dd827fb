import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { threadsThatFit } from '../../../util/memory-room.js';
import { RecordProcessor, type BatchResult, type ProcessorConfig, type Task } from './record-processor.js';
import { builtin } from '../../../util/builtin.js';
import type { SchemaValidators } from './schema-validators.js';

interface Pending {
  /** The batch, kept to be run on the reading thread should its worker die. */
  task: Task;
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
 * Worker threads worth starting now: one per core that is actually idle, after the reading thread's
 * (which reads, hashes, splits, and takes a batch itself when the workers are full), at most 4.
 * Idle is what the load average (threads wanting a core over the last minute) leaves of the cores
 * this process may use. On a shared CI runner whose cores are taken, a worker would only compete
 * with the reading thread for the same core, which is slower than one thread (issue 17: 17.3 s
 * against 12.1 s for 1 GB at load 2.3 on two cores): then there is none. Where the platform has no
 * load average (Windows reports 0) every core counts as idle.
 */
export function defaultWorkerCount(cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  const spare = Math.round(cores - Math.max(0, load) - 1);
  return Math.max(0, Math.min(cores - 1, 4, spare));
}

/** Idle time of every core since boot, in milliseconds (the kernel's counters), and how many cores. */
function idleMilliseconds(): { idle: number; cores: number } {
  const all = cpus();
  let idle = 0;
  for (const c of all) idle += c.times.idle;
  return { idle, cores: all.length };
}

/**
 * The cores actually idle while a large file is being read, measured instead of inferred from the
 * load average, which lags by a minute and counts the processes that just ended (a bench's, a
 * build's) as if they still ran. Started with the file; asked once enough of it is read.
 */
export class IdleProbe {
  private readonly start = idleMilliseconds();
  private readonly at = performance.now();

  /**
   * Workers the cores left idle since the probe started would run: idle core-time over the time
   * gone by, rounded (the reading thread's own core is busy meanwhile, and the file reads and the
   * garbage collector take a quarter of another: 150 ms idle in 200 ms on a quiet two-core
   * machine), within the same limits as defaultWorkerCount; none over too short a time for the
   * counters (they tick every 10 ms).
   */
  workers(cores = availableParallelism()): number {
    const window = performance.now() - this.at;
    const now = idleMilliseconds();
    // Cores this process may not use (an affinity mask) would count as idle ones: then no measure.
    if (window < 50 || now.cores !== cores || this.start.cores !== cores) return 0;
    const idleCores = (now.idle - this.start.idle) / window;
    return Math.max(0, Math.min(cores - 1, 4, Math.round(idleCores)));
  }
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
  private inline: RecordProcessor | undefined;
  /** The reading thread's own processor, for the batches it takes while every worker has two. */
  private helper: RecordProcessor | undefined;
  private shared: SharedArrayBuffer | undefined;
  private readonly free: number[] = [];
  private scratch: Uint8Array | undefined;

  /**
   * `workers` 0 runs inline; a worker URL that does not exist also falls back to inline, and so do
   * workers the address space has no room for (`ulimit -v`: a thread that cannot start aborts the
   * process). `validators` is the schema compiled on this thread, reused by the inline and helping processors.
   */
  constructor(
    private readonly config: ProcessorConfig,
    workers: number,
    workerUrl: URL = DEFAULT_WORKER_URL,
    private readonly validators?: SchemaValidators,
  ) {
    const count = workers > 0 && existsSync(fileURLToPath(workerUrl)) ? threadsThatFit(workers) : 0;
    if (count === 0) {
      this.inline = new RecordProcessor(config, validators);
      return;
    }
    this.start(count, workerUrl);
  }

  /**
   * Starts workers in a pool that ran inline so far (a large file, once the cores were found idle):
   * the batches already done stay merged in file order, the inline processor becomes the reading
   * thread's helper, so the findings are the ones a single-thread run gives.
   */
  grow(workers: number, workerUrl: URL = DEFAULT_WORKER_URL): void {
    if (!this.inline || workers <= 0 || !existsSync(fileURLToPath(workerUrl))) return;
    const count = threadsThatFit(workers);
    if (count === 0) return;
    this.helper = this.inline;
    this.inline = undefined;
    this.scratch = undefined;
    this.start(count, workerUrl);
  }

  private start(count: number, workerUrl: URL): void {
    const slotCount = count * 2 + 2;
    this.shared = new SharedArrayBuffer(slotCount * SLOT_BYTES);
    for (let i = slotCount - 1; i >= 0; i--) this.free.push(i);
    const init: WorkerInit = { config: this.config, shared: this.shared, slotBytes: SLOT_BYTES };
    for (let i = 0; i < count; i++) {
      let worker: Worker;
      try {
        worker = new (builtin('node:worker_threads').Worker)(workerUrl, { workerData: init });
      } catch {
        break; // the reading thread does the work of those that did not start
      }
      const slot: Slot = { worker, busy: 0, pending: new Map() };
      slot.worker.on('message', (m: { seq: number; result?: BatchResult; error?: string }) => {
        const p = slot.pending.get(m.seq);
        if (!p) return;
        slot.pending.delete(m.seq);
        slot.busy--;
        if (p.slot !== undefined) this.free.push(p.slot);
        if (m.result) p.resolve(m.result);
        else p.reject(new Error(m.error ?? 'worker failed'));
      });
      slot.worker.on('error', () => this.retire(slot));
      slot.worker.on('exit', () => this.retire(slot));
      this.slots.push(slot);
    }
  }

  /** How many batches may wait at once before the reader should pause. */
  get capacity(): number {
    return Math.max(1, this.slots.length * 2);
  }

  /** Worker threads running now. */
  get workers(): number {
    return this.slots.length;
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

  /**
   * A worker that failed (it could not start, or died) leaves the pool; the batches it held run on
   * the reading thread, so the result is the one a single-thread run gives.
   */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    void slot.worker.terminate().catch(() => undefined);
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    for (const p of pending) {
      try {
        p.resolve(this.runHere(p.task));
      } catch (err) {
        p.reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        if (p.slot !== undefined) this.free.push(p.slot);
      }
    }
  }

  private runHere(task: Task): BatchResult {
    this.helper ??= new RecordProcessor(this.config, this.validators);
    return this.helper.run(task);
  }

  run(task: Task): Promise<BatchResult> {
    if (this.inline) {
      try {
        return Promise.resolve(this.inline.run(task));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    let target = this.slots[0];
    for (const s of this.slots) if (s.busy < target!.busy) target = s;
    if (target === undefined || target.busy >= 2) {
      // Every worker has a batch running and one waiting (or none is left): the reading thread takes this one itself.
      try {
        return Promise.resolve(this.runHere(task));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        if (task.bytes.buffer === this.shared) this.free.push(task.bytes.byteOffset / SLOT_BYTES);
      }
    }
    const worker = target;
    worker.busy++;
    return new Promise<BatchResult>((resolve, reject) => {
      const { bytes, ...rest } = task;
      if (bytes.buffer === this.shared) {
        const slot = bytes.byteOffset / SLOT_BYTES;
        worker.pending.set(task.seq, { task, resolve, reject, slot });
        const posted: PostedTask = { ...rest, slot, length: bytes.byteLength };
        worker.worker.postMessage(posted);
      } else {
        // Copied, not transferred: the batch stays here, to be run again should the worker die.
        worker.pending.set(task.seq, { task, resolve, reject, slot: undefined });
        worker.worker.postMessage(task);
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
