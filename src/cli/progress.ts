import { formatNumber } from '../i18n/format.js';
import type { Lang } from '../i18n/index.js';
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
  const state: Partial<Record<ProgressEvent['phase'], ProgressEvent>> = {};
  return {
    onProgress(e) {
      state[e.phase] = e;
      const t = now();
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

/** `Checking… 20,000/20,000 files opened · requirement 3/5 (IEU 8) · 12 files read`. */
export function progressLine(state: Partial<Record<ProgressEvent['phase'], ProgressEvent>>, lang: Lang): string {
  const n = (v: number): string => formatNumber(v, lang);
  const fr = lang === 'fr';
  const parts: string[] = [];
  const open = state.open;
  if (open) parts.push(fr ? `${n(open.done)}/${n(open.total ?? open.done)} fichiers ouverts` : `${n(open.done)}/${n(open.total ?? open.done)} files opened`);
  const ev = state.evaluate;
  if (ev) parts.push(`${fr ? 'exigence' : 'requirement'} ${n(ev.done + 1)}/${n(ev.total ?? ev.done + 1)}${ev.label ? ` (${ev.label})` : ''}`);
  const read = state.read;
  if (read) parts.push(fr ? `${n(read.done)} fichier${read.done > 1 ? 's' : ''} lu${read.done > 1 ? 's' : ''}` : `${n(read.done)} file${read.done === 1 ? '' : 's'} read`);
  return `${fr ? 'Vérification…' : 'Checking…'} ${parts.join(' · ')}`;
}
