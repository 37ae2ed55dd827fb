import { ffmpegPath } from '../../util/native.js';
import type { EvidenceFile } from '../evidence-file.js';
import { defaultOcrWorkers, type OcrPool } from './ocr.js';
import { ocrImage, type Reading, type ReaderLimits, type Segment } from './reader.js';
import { videoHeader, type VideoHeader } from './video-header.js';
import { sampleFrames } from './video.js';

/**
 * A video (MP4, QuickTime, WebM), read as the frames it shows: its container's header is read first
 * (a video over the duration or pixel limit is refused before anything is decoded), then ffmpeg
 * samples one frame every `frameEverySeconds` (more sparsely for a long video, `maxFrames` at most,
 * frames that repeat the one before dropped), and each frame is OCR'd as it comes, a segment per
 * frame with its time (`where.at`, seconds). One deadline, `videoTimeoutMs`, covers it all.
 */
export async function readVideo(file: EvidenceFile, l: ReaderLimits, ocr: () => OcrPool): Promise<Reading> {
  if (file.bytes > l.maxVideoBytes) return { ok: false, problem: 'too-large', params: { bytes: file.bytes, limit: l.maxVideoBytes } };
  const header = await videoHeader(file);
  if (!header) return { ok: false, problem: 'corrupt', params: { kind: file.mime } };
  if (header.seconds !== undefined && header.seconds > l.maxVideoSeconds) {
    return { ok: false, problem: 'too-long', params: { seconds: Math.round(header.seconds), limit: l.maxVideoSeconds } };
  }
  if (header.width !== undefined && header.height !== undefined && header.width * header.height > l.maxVideoPixels) {
    return { ok: false, problem: 'too-many-pixels', params: { width: header.width, height: header.height, limit: l.maxVideoPixels, what: 'video' } };
  }
  let ffmpeg: string;
  try {
    ffmpeg = l.ffmpegPath ?? ffmpegPath();
  } catch (err) {
    return { ok: false, problem: 'failed', params: { reason: (err as Error).message } };
  }
  const every = Math.max(l.frameEverySeconds, Math.ceil((header.seconds ?? 0) / l.maxFrames));
  const deadline = Date.now() + l.videoTimeoutMs;
  const ocrs: Promise<Reading>[] = [];
  const limit = semaphore(l.ocrWorkers ?? defaultOcrWorkers());
  let aborted = false;
  const kind = file.kind === 'webm' ? 'webm' : file.kind === 'quicktime' ? 'quicktime' : 'mp4';
  const sampled = await sampleFrames(
    videoBytes(file, header),
    { ffmpeg, kind, every, maxFrames: l.maxFrames, maxSeconds: l.maxVideoSeconds, maxPixels: l.maxVideoPixels, maxSide: l.renderMaxSide, timeoutMs: l.videoTimeoutMs },
    (png) => {
      ocrs.push(
        limit(() => {
          const left = deadline - Date.now();
          if (aborted || left <= 0) return Promise.resolve<Reading>({ ok: false, problem: 'timeout', params: { ms: l.videoTimeoutMs } });
          return ocrImage(png, { ...l, ocrTimeoutMs: Math.min(l.ocrTimeoutMs, left) }, ocr, {});
        }),
      );
    },
  );
  if (!sampled.ok) {
    aborted = true;
    await Promise.allSettled(ocrs);
    return sampled;
  }
  const segments: Segment[] = [];
  for (const [i, job] of ocrs.entries()) {
    const read = await job;
    if (!read.ok) {
      aborted = true;
      await Promise.allSettled(ocrs);
      // A frame's OCR cut short by the video's deadline is the video's timeout.
      return read.problem === 'timeout' ? { ok: false, problem: 'timeout', params: { ms: l.videoTimeoutMs } } : read;
    }
    for (const seg of read.segments) segments.push({ ...seg, where: { at: sampled.times[i] ?? i * every } });
  }
  return { ok: true, via: 'ocr', segments };
}

/**
 * The bytes ffmpeg is given: the file as it is, or, for an MP4/QuickTime file whose index comes
 * after its media, the same boxes with the index moved in front (its chunk offsets already shifted).
 */
export async function* videoBytes(file: EvidenceFile, header: VideoHeader): AsyncGenerator<Buffer> {
  const r = header.relocate;
  if (!r) {
    yield* file.chunks();
    return;
  }
  let pos = 0;
  let injected = false;
  for await (const chunk of file.chunks()) {
    const start = pos;
    pos += chunk.length;
    const part = (a: number, b: number): Buffer[] => (a < b ? [chunk.subarray(a - start, b - start)] : []);
    let from = start;
    if (!injected && r.insertAt < pos) {
      yield* part(from, r.insertAt);
      yield r.moov;
      injected = true;
      from = r.insertAt;
    }
    yield* part(from, Math.min(pos, r.start));
    yield* part(Math.max(from, r.end), pos);
  }
}

/** Runs at most `n` of the given jobs at once, in order. */
function semaphore(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    while (running >= n) await new Promise<void>((wake) => waiting.push(wake));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
