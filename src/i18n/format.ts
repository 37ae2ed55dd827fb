import type { Lang } from './types.js';

/**
 * Numbers, plurals and dates as a native reader of each language writes them in prose. Machine
 * outputs (JSON, SARIF, JUnit properties) keep ISO dates and plain digits.
 */

export { formatNumber, isSingular, plural } from '../util/numbers.js';

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** A day of the month as written in a date: French writes the first `1er`. */
const DAY: Record<Lang, (day: number) => string> = { en: String, fr: (day) => (day === 1 ? '1er' : String(day)) };

/**
 * `29 novembre 2026` (`1er` for the first of the month) in French, `29 November 2026` in English,
 * from `YYYY-MM-DD`; anything else is returned as it is. No clock, no time zone: the date is read
 * as written.
 */
export function proseDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[lang][Number(m[2]) - 1];
  if (month === undefined) return iso;
  return `${DAY[lang](Number(m[3]))} ${month} ${m[1]}`;
}

/**
 * A date in a terminal line: in prose in French (`29 novembre 2026`, FRENCH.md 28), as written
 * (`2026-11-29`) in English, where the ISO form is what CI logs and reviewers compare.
 */
export function lineDate(iso: string, lang: Lang): string {
  return LINE_DATE[lang](iso);
}

const LINE_DATE: Record<Lang, (iso: string) => string> = { en: (iso) => iso, fr: (iso) => proseDate(iso, 'fr') };

/** A colon as each language sets it: French puts a no-break space before it (`Exigence :`). */
export function colon(lang: Lang): string {
  return COLON[lang];
}

const COLON: Record<Lang, string> = { en: ':', fr: '\u00a0:' };
