import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker as TesseractWorker } from 'tesseract.js';
import { requireNative } from '../../util/native.js';
import { threadsThatFit } from '../../util/memory-room.js';

/** A word the OCR read, with where it sits (pixels) and how sure it is (0–100). */
export interface OcrWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** What one image gave: its words in reading order (lines joined by `\n`) and their positions. */
export interface OcrText {
  text: string;
  words: OcrWord[];
  /** Mean word confidence, 0–100 (0 when nothing was read). */
  confidence: number;
}

/** The OCR did not finish in time; its worker was stopped. */
export class OcrTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`OCR did not finish within ${ms} ms`);
  }
}

/** The worker script: plain CommonJS beside this module (copied to dist/ by the build). */
const WORKER_PATH = fileURLToPath(new URL('./tesseract-worker.cjs', import.meta.url));
/** Virtual folder the worker maps to the @tesseract.js-data packages (see tesseract-worker.cjs). */
const LANG_PATH = '/dmn-check-tessdata';
const LANGS = 'fra+eng';

/** OCR workers worth starting here: one per core, at most 4 (each holds ~100 MB of models). */
export function defaultOcrWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

interface Slot {
  worker: Promise<TesseractWorker>;
  busy: boolean;
}

/**
 * A pool of tesseract.js workers, French and English models, started lazily: no thread and no
 * model load until the first `recognize`, then one more worker only when all are busy. Nothing is
 * fetched (the worker refuses the network) and nothing is written to disk. `close` ends them all.
 */
export class OcrPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(private readonly size: number = defaultOcrWorkers()) {}

  /** Workers started so far (for tests and the bench). */
  get started(): number {
    return this.slots.length;
  }

  async recognize(image: Buffer, timeoutMs: number): Promise<OcrText> {
    const slot = await this.acquire();
    let timer: NodeJS.Timeout | undefined;
    try {
      const worker = await slot.worker;
      const job = worker.recognize(image, {}, { text: true, blocks: true });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OcrTimeoutError(timeoutMs)), timeoutMs);
      });
      const result = await Promise.race([job, timeout]);
      return toOcrText(result.data);
    } catch (err) {
      // A worker that timed out or failed may be stuck or broken: stop it, a fresh one replaces it.
      this.discard(slot);
      throw err instanceof OcrTimeoutError ? err : new Error(describeOcrError(err));
    } finally {
      clearTimeout(timer);
      this.release(slot);
    }
  }

  /** Ends every worker; the pool refuses work afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    const all = this.slots.splice(0);
    await Promise.all(all.map((s) => s.worker.then((w) => w.terminate()).catch(() => undefined)));
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      if (this.closed) throw new Error('the OCR pool is closed');
      const idle = this.slots.find((s) => !s.busy);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      // A thread the address space has no room for (`ulimit -v`) would abort the process as it starts.
      const room = this.slots.length < this.size && threadsThatFit(1) > 0;
      if (!room && this.slots.length === 0) throw new Error('no room in the address space for an OCR thread (ulimit -v)');
      if (room) {
        const slot: Slot = { worker: startWorker(), busy: true };
        slot.worker.catch(() => this.discard(slot));
        this.slots.push(slot);
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  private discard(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.then((w) => w.terminate()).catch(() => undefined);
  }
}

async function startWorker(): Promise<TesseractWorker> {
  const { createWorker, OEM } = requireNative<typeof import('tesseract.js')>('tesseract.js');
  let failure: unknown;
  const worker = await createWorker(LANGS, OEM.LSTM_ONLY, {
    workerPath: WORKER_PATH,
    langPath: LANG_PATH,
    gzip: true,
    cacheMethod: 'none',
    // Without a handler, a failing job would throw from the worker's message handler.
    errorHandler: (err: unknown) => {
      failure = err;
    },
  });
  if (failure !== undefined) {
    await worker.terminate();
    throw new Error(describeOcrError(failure));
  }
  return worker;
}

interface TesseractPage {
  text?: string;
  confidence?: number;
  blocks?: { paragraphs: { lines: { words: { text: string; confidence: number; bbox: OcrWord['bbox'] }[] }[] }[] }[] | null;
}

function toOcrText(page: TesseractPage): OcrText {
  const words: OcrWord[] = [];
  for (const b of page.blocks ?? []) {
    for (const p of b.paragraphs) for (const l of p.lines) for (const w of l.words) words.push({ text: w.text, confidence: w.confidence, bbox: w.bbox });
  }
  const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
  return { text: page.text ?? words.map((w) => w.text).join(' '), words, confidence };
}

/** Tesseract's errors may quote image bytes or paths: keep the first line, short. */
function describeOcrError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 120);
}
