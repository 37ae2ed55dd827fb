import type { EvidenceFile } from '../evidence-file.js';
import type { Kind } from '../kinds.js';
import { imageSize } from './image-size.js';
import { OcrPool, OcrTimeoutError, type OcrWord } from './ocr.js';

/**
 * Generic content readers: what a screenshot, a video, a PDF or an office document says, as text
 * with (for OCR) the words' positions and confidence. They decide no status: a check does.
 *
 * The text is health data: it lives in memory for one evaluation and is never printed, logged or
 * written; checks show only masked matches.
 */

/** One readable part of a file: the image, a PDF page, a video frame. */
export interface Segment {
  /** Where in the file: `page`, `frame` (with `at`, seconds) or the whole file. */
  where: { page?: number; at?: number };
  text: string;
  /** OCR words (empty for a text layer). */
  words: OcrWord[];
  /** Mean OCR confidence 0–100, or null for text that was not OCR'd. */
  confidence: number | null;
}

export type ReadProblem =
  /** The image header declares more pixels than the limit (a decompression bomb). */
  | 'too-many-pixels'
  /** The file is bigger than the reader accepts. */
  | 'too-large'
  /** A PDF with more pages than the reader accepts (a page-count bomb). */
  | 'too-many-pages'
  /** A video longer than the reader accepts (its container says so, before any decoding). */
  | 'too-long'
  /** The content could not be decoded (corrupt image, broken document). */
  | 'corrupt'
  /** The reading did not finish in time. */
  | 'timeout'
  /** Encrypted or password-protected. */
  | 'encrypted'
  /** A kind no reader handles. */
  | 'unsupported'
  /** The reader failed for another reason. */
  | 'failed';

export type Reading =
  | { ok: true; via: 'ocr' | 'text'; segments: Segment[] }
  | { ok: false; problem: ReadProblem; params: Record<string, string | number> };

export interface ReaderLimits {
  /** Largest image, in pixels (width × height), read from the header before decoding. */
  maxPixels: number;
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Time allowed for one image's OCR, in milliseconds. */
  ocrTimeoutMs: number;
  /** OCR worker threads at most. */
  ocrWorkers?: number;
  /** PDFs with more pages are refused (a page-count bomb). */
  maxPdfPages: number;
  /** Pages of a scanned PDF (no text layer) rendered and OCR'd, at most. */
  maxScannedPages: number;
  /** Longer side, in pixels, a scanned page is rendered at, and a video frame is scaled to. */
  renderMaxSide: number;
  /** Largest video read, in bytes (it is streamed, never held whole). */
  maxVideoBytes: number;
  /** Longest video read, in seconds (by its container's header; one without a duration is read this far). */
  maxVideoSeconds: number;
  /** Largest video frame, in pixels (by the header, then by the decoder itself). */
  maxVideoPixels: number;
  /** One frame sampled every this many seconds at least; longer videos are sampled more sparsely. */
  frameEverySeconds: number;
  /** Frames OCR'd per video at most (after dropping those identical to the one before). */
  maxFrames: number;
  /** Time allowed for one video, decoding and OCR of its frames, in milliseconds. */
  videoTimeoutMs: number;
  /** The ffmpeg program; by default the one of @ffmpeg-installer/ffmpeg beside dmn-check. */
  ffmpegPath?: string;
}

export const DEFAULT_LIMITS: ReaderLimits = {
  maxPixels: 40_000_000,
  maxBytes: 64 * 1024 * 1024,
  ocrTimeoutMs: 30_000,
  maxPdfPages: 500,
  maxScannedPages: 10,
  renderMaxSide: 2000,
  maxVideoBytes: 256 * 1024 * 1024,
  maxVideoSeconds: 600,
  maxVideoPixels: 16_000_000,
  frameEverySeconds: 2,
  maxFrames: 60,
  videoTimeoutMs: 120_000,
};

export const IMAGE_KINDS: ReadonlySet<Kind> = new Set(['png', 'jpeg', 'gif', 'webp']);
const TEXT_KINDS: ReadonlySet<Kind> = new Set(['text', 'markdown', 'html', 'csv', 'yaml', 'json', 'xml']);
const DOCUMENT_KINDS: ReadonlySet<Kind> = new Set(['pdf', 'docx', 'odt']);
export const VIDEO_KINDS: ReadonlySet<Kind> = new Set(['mp4', 'quicktime', 'webm']);

/** Reads evidence content; owns the OCR workers, which `close` ends. */
export interface EvidenceReader {
  read(file: EvidenceFile): Promise<Reading>;
  /** Whether `kind` has a reader. */
  canRead(kind: Kind): boolean;
  close(): Promise<void>;
  /** OCR workers started so far. */
  readonly ocrWorkersStarted: number;
}

export function createReader(limits: Partial<ReaderLimits> = {}): EvidenceReader {
  const l: ReaderLimits = { ...DEFAULT_LIMITS, ...limits };
  let pool: OcrPool | undefined;
  const ocr = (): OcrPool => (pool ??= new OcrPool(l.ocrWorkers));
  return {
    canRead: (kind) => IMAGE_KINDS.has(kind) || TEXT_KINDS.has(kind) || DOCUMENT_KINDS.has(kind) || VIDEO_KINDS.has(kind),
    async read(file) {
      if (VIDEO_KINDS.has(file.kind)) return (await import('./read-video.js')).readVideo(file, l, ocr);
      if (file.bytes > l.maxBytes) return { ok: false, problem: 'too-large', params: { bytes: file.bytes, limit: l.maxBytes } };
      if (IMAGE_KINDS.has(file.kind)) return readImage(file, l, ocr);
      if (file.kind === 'pdf') return readPdfFile(file, l, ocr);
      if (file.kind === 'docx' || file.kind === 'odt') return readOffice(file);
      if (TEXT_KINDS.has(file.kind)) return { ok: true, via: 'text', segments: [{ where: {}, text: await file.text(l.maxBytes), words: [], confidence: null }] };
      return { ok: false, problem: 'unsupported', params: { kind: file.mime } };
    },
    async close() {
      await pool?.close();
      pool = undefined;
    },
    get ocrWorkersStarted() {
      return pool?.started ?? 0;
    },
  };
}

/** The whole content, bounded (the caller checked the size). */
export async function contentOf(file: EvidenceFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of file.chunks()) parts.push(c);
  return Buffer.concat(parts);
}

async function readImage(file: EvidenceFile, l: ReaderLimits, ocr: () => OcrPool): Promise<Reading> {
  const size = await imageSize(file);
  if (!size || size.width === 0 || size.height === 0) return { ok: false, problem: 'corrupt', params: { kind: file.mime } };
  const pixels = size.width * size.height;
  if (pixels > l.maxPixels) return { ok: false, problem: 'too-many-pixels', params: { width: size.width, height: size.height, limit: l.maxPixels } };
  return ocrImage(await contentOf(file), l, ocr, {});
}

/** OCRs one image (already bounded) into a segment; a decoding failure is `corrupt`. */
export async function ocrImage(image: Buffer, l: ReaderLimits, ocr: () => OcrPool, where: Segment['where']): Promise<Reading> {
  try {
    const got = await ocr().recognize(image, l.ocrTimeoutMs);
    return { ok: true, via: 'ocr', segments: [{ where, text: got.text, words: got.words, confidence: got.confidence }] };
  } catch (err) {
    if (err instanceof OcrTimeoutError) return { ok: false, problem: 'timeout', params: { ms: err.ms } };
    const msg = err instanceof Error ? err.message : String(err);
    if (/read image|pix|image/i.test(msg)) return { ok: false, problem: 'corrupt', params: { kind: 'image' } };
    return { ok: false, problem: 'failed', params: { reason: msg.replace(/[0-9]{6,}/g, '…') } };
  }
}

async function readOffice(file: EvidenceFile): Promise<Reading> {
  const data = await contentOf(file);
  const got = file.kind === 'docx' ? await (await import('./docx.js')).readDocx(data) : await (await import('./odt.js')).readOdt(data);
  if (!got.ok) return { ok: false, problem: got.problem, params: { kind: file.mime } };
  return { ok: true, via: 'text', segments: [{ where: {}, text: got.text, words: [], confidence: null }] };
}

/** A PDF's text layer; pages without one (scans) are rendered and OCR'd, a bounded number of them. */
async function readPdfFile(file: EvidenceFile, l: ReaderLimits, ocr: () => OcrPool): Promise<Reading> {
  const { readPdf, renderPdfPage, hasText } = await import('./pdf.js');
  const opened = await readPdf(await contentOf(file), l.maxPdfPages);
  if ('ok' in opened) {
    if (opened.ok) return { ok: false, problem: 'failed', params: { reason: 'no document' } };
    return { ok: false, problem: opened.problem, params: opened.params };
  }
  const { doc, text } = opened;
  try {
    if (!text.ok) return { ok: false, problem: text.problem, params: text.params };
    const segments: Segment[] = [];
    let scanned = 0;
    for (const p of text.pages) {
      if (hasText(p)) {
        segments.push({ where: { page: p.page }, text: p.text, words: [], confidence: null });
        continue;
      }
      if (scanned >= l.maxScannedPages) continue;
      scanned++;
      let image: Buffer;
      try {
        image = await renderPdfPage(doc, p.page, l.renderMaxSide);
      } catch {
        continue;
      }
      const read = await ocrImage(image, l, ocr, { page: p.page });
      if (!read.ok) return read;
      segments.push(...read.segments);
    }
    return { ok: true, via: scanned > 0 ? 'ocr' : 'text', segments };
  } finally {
    await doc.destroy();
  }
}
