import type { Localized } from '../report/report.js';
import { both } from '../i18n/text.js';
import { YAML_TEXT } from './messages.js';
import { msg, s, type TypedCatalog } from '../i18n/types.js';
/**
 * The YAML parser's frequent errors as a user reads them, in both languages (FRENCH.md rows 5 and 6):
 * the `yaml` library words its errors in English only, and in its own terms (`compact mappings`,
 * `implicit keys`). Each code it gives maps to what went wrong and what to do; an error without an
 * entry keeps the library's English text, with the generic hint.
 */
export interface YamlWording {
  message: Localized;
  hint: Localized;
}

/** The wording of each YAML error code the library gives (`detail`: its own English sentence). */
export const YAML_ERROR_TEXT = {
  BAD_DQ_ESCAPE: msg<'detail'>({
    en: (p) => `invalid YAML: ${s(p.detail) || 'invalid escape sequence.'} Inside double quotes, "\\" starts a special character.`,
    fr: (p) => `YAML invalide\u00a0: entre guillemets doubles, « \\ » introduit un caractère spécial${escapeOf(s(p.detail))}.`,
    hint: { en: () => "Write paths with \"/\" (evidence/IEU 2 – identity/…), or between single quotes ('…').", fr: () => "Écrivez le chemin avec des « / » (preuves/IEU 2 – modif identité/…), ou entre guillemets simples ('…')." },
  }),
  BLOCK_AS_IMPLICIT_KEY: msg({
    en: () => 'invalid YAML: a second "key:" on the same line (`a: b: c`).',
    fr: () => 'YAML invalide\u00a0: une seconde « clé\u00a0: » sur la même ligne (`a: b: c`).',
    hint: { en: () => 'Put the inner key on its own line, indented by two spaces, or quote the value that holds ": ".', fr: () => 'Mettez la clé intérieure sur sa propre ligne, indentée de deux espaces, ou mettez entre guillemets la valeur qui contient « : ».' },
  }),
  MULTILINE_IMPLICIT_KEY: msg({
    en: () => 'invalid YAML: a key runs over two lines (a line without ":" before this one?).',
    fr: () => 'YAML invalide\u00a0: une clé s’étend sur deux lignes (une ligne sans « : » juste avant ?).',
    hint: { en: () => 'End the line above with ":" and a value, or join it to its key.', fr: () => 'Terminez la ligne précédente par « : » et une valeur, ou rattachez-la à sa clé.' },
  }),
  TAB_AS_INDENT: msg({
    en: () => 'invalid YAML: a tab is used for indentation.',
    fr: () => 'YAML invalide\u00a0: la tabulation n’est pas admise pour indenter.',
    hint: { en: () => 'Indent with spaces, not tabs.', fr: () => 'Indentez avec des espaces, pas des tabulations.' },
  }),
  BAD_INDENT: msg({
    en: () => 'invalid YAML: this line is not indented like the lines of its block.',
    fr: () => 'YAML invalide\u00a0: cette ligne n’est pas indentée comme les autres lignes de son bloc.',
    hint: { en: () => 'Give every key of one block the same indentation (spaces), two more than its parent key.', fr: () => 'Donnez la même indentation (en espaces) à toutes les clés d’un même bloc, deux de plus que la clé parente.' },
  }),
  MISSING_CHAR: msg<'detail'>({
    en: (p) => `invalid YAML: ${s(p.detail) || 'a closing character is missing.'}`,
    fr: (p) => `YAML invalide\u00a0: ${/quote/i.test(s(p.detail)) ? 'un guillemet fermant manque' : /\]/.test(s(p.detail)) ? 'un « ] » fermant manque' : /\}/.test(s(p.detail)) ? 'une « } » fermante manque' : 'un caractère fermant manque'}.`,
    hint: { en: () => 'Close the quotes or brackets opened on this line.', fr: () => 'Fermez les guillemets ou les crochets ouverts sur cette ligne.' },
  }),
  UNEXPECTED_TOKEN: msg({
    en: () => 'invalid YAML: unexpected text here (a list item "- " and a "key:" mixed at one level?).',
    fr: () => 'YAML invalide\u00a0: texte inattendu ici (un élément de liste « - » et une « clé\u00a0: » mélangés au même niveau ?).',
    hint: { en: () => YAML_TEXT.checkIndentation.en({}), fr: () => YAML_TEXT.checkIndentation.fr({}) },
  }),
} satisfies TypedCatalog;

/** `\I` from "Invalid escape sequence \I": the escape a French message names too. */
function escapeOf(detail: string): string {
  const m = /escape sequence (\\\S+)/i.exec(detail);
  return m ? ` (ici « ${m[1]!.replace(/\.$/, '')} »)` : '';
}

/** How a YAML error of `code` is worded, or undefined to keep the library's message. */
export function yamlWording(code: string, libraryMessage: string): YamlWording | undefined {
  const def = Object.hasOwn(YAML_ERROR_TEXT, code) ? YAML_ERROR_TEXT[code as keyof typeof YAML_ERROR_TEXT] : undefined;
  if (!def) return undefined;
  const { message, hint } = both(def, { detail: libraryMessage });
  // every entry has its hint (the generic one is the caller's, for codes without an entry)
  return { message, hint: hint ?? both(YAML_TEXT.checkIndentation, {}).message };
}
