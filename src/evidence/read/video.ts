import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadProblem } from './reader.js';

/** How frames are sampled from one video. */
export interface SampleOptions {
  /** The ffmpeg program. */
  ffmpeg: string;
  /** The container, as sniffed (the demuxer is forced: nothing else is probed). */
  kind: 'mp4' | 'quicktime' | 'webm';
  /** One frame every this many seconds. */
  every: number;
  /** Frames given at most. */
  maxFrames: number;
  /** Seconds of video read at most (a video whose container states no duration). */
  maxSeconds: number;
  /** Larger frames are refused by the decoder itself (ffmpeg's `max_pixels`). */
  maxPixels: number;
  /** Frames are scaled down to this longer side, in pixels. */
  maxSide: number;
  /** ffmpeg is killed after this long. */
  timeoutMs: number;
}

export type Sampled = { ok: true; times: number[] } | { ok: false; problem: ReadProblem; params: Record<string, string | number> };

/**
 * Samples frames of a video with ffmpeg, the video's bytes piped in on its standard input and the
 * frames piped out as PNG on its standard output (image2pipe): nothing touches the disk. ffmpeg runs
 * without a shell and with an empty environment, may open no protocol but the pipe (no network, no
 * other file), decodes one thread, and is killed on timeout. Frames nearly identical to the one
 * before (a screen that did not change) are dropped (`mpdecimate`); each kept frame's time comes
 * from `showinfo` on ffmpeg's standard error, which is parsed here and never printed (a video's
 * metadata may name a patient).
 */
export function sampleFrames(input: AsyncIterable<Buffer>, o: SampleOptions, onFrame: (png: Buffer) => void): Promise<Sampled> {
  const scale = `scale=w='min(${o.maxSide},iw)':h='min(${o.maxSide},ih)':force_original_aspect_ratio=decrease`;
  const args = [
    ...['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info'],
    ...['-threads', '1', '-max_pixels', String(o.maxPixels), '-protocol_whitelist', 'pipe'],
    ...['-f', o.kind === 'webm' ? 'matroska' : 'mov', '-t', String(o.maxSeconds), '-i', 'pipe:0'],
    ...['-map', '0:v:0', '-an', '-sn', '-dn', '-threads', '1'],
    // Grey frames (what the OCR binarises anyway): a third of the bytes. `passthrough`: no frame duplicated for those dropped.
    ...['-vf', `fps=1/${o.every},${scale},mpdecimate,format=gray,showinfo`, '-vsync', 'passthrough'],
    ...['-frames:v', String(o.maxFrames), '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
  ];
  return new Promise((resolve) => {
    const env: Record<string, string> = process.platform === 'win32' && process.env.SystemRoot ? { SystemRoot: process.env.SystemRoot } : {};
    const child = spawn(o.ffmpeg, args, { stdio: ['pipe', 'pipe', 'pipe'], env, windowsHide: true });
    let outcome: Sampled | undefined;
    const stop = (why: Sampled): void => {
      outcome ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop({ ok: false, problem: 'timeout', params: { ms: o.timeoutMs } }), o.timeoutMs);
    const times: number[] = [];
    let frames = 0;
    const pngs = new PngStream(o.maxSide * o.maxSide + (1 << 20));
    child.stdout.on('data', (chunk: Buffer) => {
      let got: Buffer[];
      try {
        got = pngs.push(chunk);
      } catch (err) {
        stop({ ok: false, problem: 'failed', params: { reason: (err as Error).message } });
        return;
      }
      for (const png of got) {
        if (++frames > o.maxFrames) return stop({ ok: true, times });
        onFrame(png);
      }
    });
    const lines = new Lines((line) => {
      const problem = stderrLine(line, o, times);
      if (problem) stop(problem);
    });
    child.stderr.on('data', (chunk: Buffer) => lines.push(chunk));
    child.on('error', (err: NodeJS.ErrnoException) => stop({ ok: false, problem: 'failed', params: { reason: `ffmpeg could not be started (${err.code ?? err.message})` } }));
    // The video's bytes; ffmpeg may stop reading early (enough frames, -t reached): a broken pipe then is no fault.
    const source = (async function* () {
      try {
        yield* input;
      } catch (err) {
        // Readable.from hands the pipe's own error to its source: ffmpeg closing its input early is no fault.
        if (PIPE_CLOSED.has((err as NodeJS.ErrnoException).code ?? '')) return;
        stop({ ok: false, problem: 'failed', params: { reason: (err as Error).message } });
      }
    })();
    pipeline(Readable.from(source), child.stdin).catch(() => undefined);
    child.on('close', () => {
      clearTimeout(timer);
      lines.end();
      const kept = Math.min(frames, o.maxFrames);
      if (outcome) return resolve(outcome.ok ? { ok: true, times: times.slice(0, kept) } : outcome);
      if (frames === 0) return resolve({ ok: false, problem: 'corrupt', params: { kind: o.kind === 'webm' ? 'video/webm' : o.kind === 'mp4' ? 'video/mp4' : 'video/quicktime' } });
      resolve({ ok: true, times: times.slice(0, kept) });
    });
  });
}

/** Errors of a pipe whose reader went away. */
const PIPE_CLOSED: ReadonlySet<string> = new Set(['EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED']);

const DURATION = /^\s*Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/;
const STREAM_SIZE = /^\s*Stream #0:\d+.*: Video: .*?, (\d{1,6})x(\d{1,6})[ ,]/;
const MAX_PIXELS = /Picture size (\d+)x(\d+) exceeds specified max pixel count/;
const SHOWINFO = /\[Parsed_showinfo_\d+ @ [^\]]*\] n: *\d+ .*?pts_time:(-?[\d.]+)/;

/** What one line of ffmpeg's standard error says: a frame's time (pushed on `times`), or a reason to stop. */
function stderrLine(line: string, o: SampleOptions, times: number[]): Sampled | undefined {
  const shown = SHOWINFO.exec(line);
  if (shown) {
    times.push(Math.max(0, Number(shown[1])));
    return undefined;
  }
  const d = DURATION.exec(line);
  if (d) {
    const seconds = Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]);
    if (seconds > o.maxSeconds) return { ok: false, problem: 'too-long', params: { seconds: Math.round(seconds), limit: o.maxSeconds } };
  }
  const size = STREAM_SIZE.exec(line) ?? MAX_PIXELS.exec(line);
  if (size && Number(size[1]) * Number(size[2]) > o.maxPixels) {
    return { ok: false, problem: 'too-many-pixels', params: { width: Number(size[1]), height: Number(size[2]), limit: o.maxPixels, what: 'video' } };
  }
  return undefined;
}

/** Splits a byte stream into lines (at most 64 KiB each: a longer one is dropped). */
class Lines {
  private part = '';
  constructor(private readonly each: (line: string) => void) {}
  push(chunk: Buffer): void {
    const text = this.part + chunk.toString('latin1');
    const all = text.split(/\r?\n|\r/);
    this.part = all.pop() ?? '';
    if (this.part.length > 65_536) this.part = '';
    for (const l of all) this.each(l);
  }
  end(): void {
    if (this.part) this.each(this.part);
    this.part = '';
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Cuts a stream of concatenated PNG files (ffmpeg's image2pipe) into whole files, each at most `maxBytes`. */
export class PngStream {
  private buf = Buffer.alloc(0);
  private len = 0;
  /** Offset of the next chunk header in the current file. */
  private scan = 8;
  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): Buffer[] {
    if (this.len + chunk.length > this.buf.length) {
      const bigger = Buffer.alloc(Math.max(this.len + chunk.length, 2 * this.buf.length, 1 << 16));
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    chunk.copy(this.buf, this.len);
    this.len += chunk.length;
    const out: Buffer[] = [];
    while (this.len >= 8) {
      if (this.scan === 8 && !this.buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('ffmpeg gave something other than PNG frames');
      if (this.scan + 8 > this.len) break;
      const next = this.scan + 12 + this.buf.readUInt32BE(this.scan);
      if (next > this.maxBytes) throw new Error(`a frame is over ${this.maxBytes} bytes`);
      if (this.buf.toString('latin1', this.scan + 4, this.scan + 8) !== 'IEND') {
        this.scan = next;
        continue;
      }
      if (next > this.len) break;
      out.push(Buffer.from(this.buf.subarray(0, next)));
      this.buf.copyWithin(0, next, this.len);
      this.len -= next;
      this.scan = 8;
    }
    return out;
  }
}
