import { catalogOf, createRegistry } from '../../src/checks/registry.js';
import { word as wordWith, type Lang, type Params } from '../../src/i18n/index.js';

/** Every wording dmn-check has: the core's and the built-in checks' own (what the CLI words with). */
export const FULL_CATALOG = catalogOf(createRegistry());

/** `word()` over {@link FULL_CATALOG}: a test words a check's finding as a user would read it. */
export function word(code: string, params: Params, lang: Lang): { message: string; hint?: string } {
  return wordWith(code, params, lang, FULL_CATALOG);
}
