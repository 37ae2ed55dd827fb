import type { AnyCheck } from './types.js';

/**
 * A check's one-line description in `lang`, for `rules list --checks` (FRENCH.md row 33): each
 * check carries its own French beside its English (`descriptionFr`); a check from outside that
 * has none is described in English. `test/checks/descriptions.test.ts` requires one per built-in check.
 */
export function checkDescription(check: AnyCheck, lang: 'en' | 'fr'): string {
  return lang === 'fr' ? (check.descriptionFr ?? check.description) : check.description;
}
