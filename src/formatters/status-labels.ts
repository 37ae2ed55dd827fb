import type { Status } from '../report/report.js';
import type { Lang } from '../i18n/types.js';
import { isSingular } from '../i18n/format.js';

/** Status words as users read them, per language. */
export const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  en: { satisfied: 'satisfied', not_applicable: 'not applicable', missing: 'missing', failed: 'failed', error: 'error' },
  fr: { satisfied: 'satisfaite', not_applicable: 'non applicable', missing: 'manquante', failed: 'en échec', error: 'erreur' },
};

/** Status words after a count other than one (`3 satisfied`, `3 satisfaites`). */
const PLURAL_LABELS: Record<Lang, Record<Status, string>> = {
  en: { satisfied: 'satisfied', not_applicable: 'not applicable', missing: 'missing', failed: 'failed', error: 'errors' },
  fr: { satisfied: 'satisfaites', not_applicable: 'non applicables', missing: 'manquantes', failed: 'en échec', error: 'erreurs' },
};

/** `5 satisfied, 0 not applicable, 1 missing, 0 failed, 0 errors`, in report order of statuses. */
export function summaryCounts(summary: Record<Status, number>, lang: Lang): string {
  return (Object.keys(STATUS_LABELS[lang]) as Status[])
    .map((k) => statusCount(summary[k], k, lang))
    .join(', ');
}

export const VERDICT_LABELS: Record<Lang, Record<'pass' | 'fail', string>> = {
  en: { pass: 'PASS', fail: 'FAIL' },
  fr: { pass: 'CONFORME', fail: 'NON CONFORME' },
};

/** The manifest's folder as the report names it, with a trailing `/` (or '' at the top). */
export function dossierOf(report: { manifest: { path: string } }): string {
  const p = report.manifest.path;
  return p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '';
}

/**
 * `file:line:col` of a finding, or undefined when it has no place. Finding files are relative to
 * the dossier; `base` (see {@link dossierOf}) makes them relative to where the check ran.
 */
export function placeOf(f: { file?: string; line?: number; column?: number; record?: number; pointer?: string }, base = ''): string | undefined {
  if (f.file === undefined) return undefined;
  let s = /^[a-z]+:\/\//i.test(f.file) ? f.file : `${base}${f.file}`;
  if (f.line !== undefined) s += `:${f.line}`;
  if (f.line !== undefined && f.column !== undefined) s += `:${f.column}`;
  if (f.record !== undefined) s += ` #${f.record}`;
  if (f.pointer !== undefined) s += ` ${f.pointer}`;
  return s;
}

/** `1 satisfaite`, `5 satisfaites`, `0 manquante`: a count and its status word, agreeing in number. */
export function statusCount(n: number, status: Status, lang: Lang): string {
  return `${n} ${isSingular(n, lang) ? STATUS_LABELS[lang][status] : PLURAL_LABELS[lang][status]}`;
}

/** Only the statuses that occur, `4 satisfied · 1 missing` (for per-section and per-profile lines). */
export function nonZeroCounts(counts: Record<Status, number>, lang: Lang, sep = ' · '): string {
  return (Object.keys(STATUS_LABELS[lang]) as Status[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${counts[k] === 1 ? STATUS_LABELS[lang][k] : PLURAL_LABELS[lang][k]}`)
    .join(sep);
}
