import { formatNumber } from '../i18n/format.js';
import type { Lang } from '../i18n/index.js';
import { say } from '../i18n/text.js';
import { PROGRESS_TEXT } from './messages-progress.js';
import type { OnProgress, ProgressEvent } from '../util/progress.js';

/** Nothing is shown for a run shorter than this; then the line is redrawn at most this often. */
const QUIET_MS = 1000;
const REDRAW_MS = 200;

interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

/**
 * The progress line of a long `check` on a terminal's stderr: files opened, the requirement being
 * judged, files read. Nothing when stderr is not a terminal (CI logs, pipes), under `--quiet` or `CI`,
 * nor for a run under a second; the line is erased when the run ends. Counts only, never a name.
 */
export function createProgress(stderr: ProgressStream, o: { lang: Lang; quiet: boolean; env: Readonly<Record<string, string | undefined>>; now?: () => number }): { onProgress?: OnProgress; end(): void } {
  if (!stderr.isTTY || o.quiet || o.env.CI || o.env.DMN_CHECK_NO_PROGRESS) return { end: () => undefined };
  const now = o.now ?? Date.now;
  const start = now();
  let last = 0;
  let shown = false;
  const state: ProgressState = {};
  return {
    onProgress(e) {
      const t = now();
      if (e.phase === 'stream') {
        // A new file starts from its first bytes: the rate (and so the time left) is this file's.
        if (state.stream === undefined || e.done < state.stream.done) state.streamStart = { at: t, done: e.done };
        state.eta = etaSeconds(state.streamStart!, e, t);
      }
      state[e.phase] = e;
      if (t - start < QUIET_MS || t - last < REDRAW_MS) return;
      last = t;
      shown = true;
      stderr.write(`\r\u001b[2K${progressLine(state, o.lang)}`);
    },
    end() {
      if (shown) stderr.write('\r\u001b[2K');
    },
  };
}

/** The last event of each phase, and what the time left of the file being streamed is reckoned from. */
type ProgressState = Partial<Record<ProgressEvent['phase'], ProgressEvent>> & { streamStart?: { at: number; done: number }; eta?: number | undefined };

/** Seconds left to stream the rest of the file at the rate seen since it started; undefined before 2 s of it. */
function etaSeconds(start: { at: number; done: number }, e: ProgressEvent, t: number): number | undefined {
  const elapsed = (t - start.at) / 1000;
  const rate = (e.done - start.done) / elapsed;
  if (elapsed < 2 || !(rate > 0) || e.total === undefined) return undefined;
  return Math.max(0, Math.round((e.total - e.done) / rate));
}

/** `312/1,024 MiB` / `312/1 024 Mio`; in GiB (`0.3/2.5 GiB`) when the whole is 1 GiB or more. */
function sizes(done: number, total: number, lang: Lang): string {
  if (total >= 1024 ** 3) {
    const g = (b: number): string => formatNumber(Math.round((b / 1024 ** 3) * 10) / 10, lang);
    return `${g(done)}/${g(total)} ${say(PROGRESS_TEXT.gibibytes, {}, lang)}`;
  }
  const m = (b: number): string => formatNumber(Math.round(b / 1024 ** 2), lang);
  return `${m(done)}/${m(total)} ${say(PROGRESS_TEXT.mebibytes, {}, lang)}`;
}

/** `1:05`, `12:00`, `1:02:03`. */
function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** `Checking… 20,000/20,000 files opened · requirement 3/5 (IEU 8) · 312/1,024 MiB streamed, about 0:42 left · 12 files read`. */
export function progressLine(state: ProgressState, lang: Lang): string {
  const n = (v: number): string => formatNumber(v, lang);
  const parts: string[] = [];
  const open = state.open;
  if (open) parts.push(say(PROGRESS_TEXT.opened, { done: n(open.done), total: n(open.total ?? open.done) }, lang));
  const ev = state.evaluate;
  if (ev) parts.push(say(PROGRESS_TEXT.requirement, { done: n(ev.done + 1), total: n(ev.total ?? ev.done + 1), id: ev.label || undefined }, lang));
  const st = state.stream;
  if (st && st.total !== undefined && st.done < st.total) {
    parts.push(say(PROGRESS_TEXT.streamed, { sizes: sizes(st.done, st.total, lang), left: state.eta === undefined ? undefined : clock(state.eta) }, lang));
  }
  const read = state.read;
  if (read) parts.push(say(PROGRESS_TEXT.filesRead, { count: read.done }, lang));
  return `${say(PROGRESS_TEXT.checking, {}, lang)} ${parts.join(' · ')}`;
}
