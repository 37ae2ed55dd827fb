/**
 * Numbers and plurals as a native reader of each language writes them in prose (re-exported by
 * i18n/format.ts; here so that every part, diagnostics included, words counts one way).
 */

/** `35 304` in French (narrow no-break space between thousands), `35,304` in English. */
export function formatNumber(n: number, lang: 'en' | 'fr'): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const sep = lang === 'fr' ? '\u202f' : ',';
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const dec = frac === undefined ? '' : `${lang === 'fr' ? ',' : '.'}${frac}`;
  return `${n < 0 ? '−' : ''}${grouped}${dec}`;
}

/**
 * `1 fichier`, `2 fichiers`, `0 fichier` (French takes the singular for 0 and 1; English the
 * singular for 1 only). `many` defaults to `one` + s.
 */
export function plural(n: number, lang: 'en' | 'fr', one: string, many = `${one}s`): string {
  const singular = lang === 'fr' ? Math.abs(n) < 2 : n === 1;
  return `${formatNumber(n, lang)} ${singular ? one : many}`;
}

