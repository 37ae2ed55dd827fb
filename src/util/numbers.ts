/**
 * Numbers and plurals as a native reader of each language writes them in prose (re-exported by
 * i18n/format.ts; here so that every part, diagnostics included, words counts one way).
 */

/** How each language writes a number: its thousands separator and decimal mark, and when it takes the singular. */
const NUMBERS: Record<'en' | 'fr', { thousands: string; decimal: string; singular: (n: number) => boolean }> = {
  en: { thousands: ',', decimal: '.', singular: (n) => n === 1 },
  fr: { thousands: '\u202f', decimal: ',', singular: (n) => Math.abs(n) < 2 },
};

/** `35 304` in French (narrow no-break space between thousands), `35,304` in English. */
export function formatNumber(n: number, lang: 'en' | 'fr'): string {
  if (!Number.isFinite(n)) return String(n);
  const w = NUMBERS[lang];
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, w.thousands);
  const dec = frac === undefined ? '' : `${w.decimal}${frac}`;
  return `${n < 0 ? '−' : ''}${grouped}${dec}`;
}

/**
 * `1 fichier`, `2 fichiers`, `0 fichier` (French takes the singular for 0 and 1; English the
 * singular for 1 only). `many` defaults to `one` + s.
 */
export function plural(n: number, lang: 'en' | 'fr', one: string, many = `${one}s`): string {
  return `${formatNumber(n, lang)} ${isSingular(n, lang) ? one : many}`;
}

/** Whether a count takes the singular: 1 in English, 0 and 1 in French. */
export function isSingular(n: number, lang: 'en' | 'fr'): boolean {
  return NUMBERS[lang].singular(n);
}

