import type { Localized } from '../report/report.js';
import { both } from '../i18n/text.js';
import { YAML_TEXT } from './messages.js';
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

const T = (en: string, fr: string): Localized => ({ en, fr });

const BY_CODE: Readonly<Record<string, (detail: string) => YamlWording>> = {
  BAD_DQ_ESCAPE: (detail) => ({
    message: T(
      `invalid YAML: ${detail || 'invalid escape sequence.'} Inside double quotes, "\\" starts a special character.`,
      `YAML invalide\u00a0: entre guillemets doubles, « \\ » introduit un caractère spécial${escapeOf(detail)}.`,
    ),
    hint: T(
      "Write paths with \"/\" (evidence/IEU 2 – identity/…), or between single quotes ('…').",
      "Écrivez le chemin avec des « / » (preuves/IEU 2 – modif identité/…), ou entre guillemets simples ('…').",
    ),
  }),
  BLOCK_AS_IMPLICIT_KEY: () => ({
    message: T('invalid YAML: a second "key:" on the same line (`a: b: c`).', 'YAML invalide\u00a0: une seconde « clé\u00a0: » sur la même ligne (`a: b: c`).'),
    hint: T('Put the inner key on its own line, indented by two spaces, or quote the value that holds ": ".', 'Mettez la clé intérieure sur sa propre ligne, indentée de deux espaces, ou mettez entre guillemets la valeur qui contient « : ».'),
  }),
  MULTILINE_IMPLICIT_KEY: () => ({
    message: T('invalid YAML: a key runs over two lines (a line without ":" before this one?).', 'YAML invalide\u00a0: une clé s’étend sur deux lignes (une ligne sans « : » juste avant ?).'),
    hint: T('End the line above with ":" and a value, or join it to its key.', 'Terminez la ligne précédente par « : » et une valeur, ou rattachez-la à sa clé.'),
  }),
  TAB_AS_INDENT: () => ({
    message: T('invalid YAML: a tab is used for indentation.', 'YAML invalide\u00a0: la tabulation n’est pas admise pour indenter.'),
    hint: T('Indent with spaces, not tabs.', 'Indentez avec des espaces, pas des tabulations.'),
  }),
  BAD_INDENT: () => ({
    message: T('invalid YAML: this line is not indented like the lines of its block.', 'YAML invalide\u00a0: cette ligne n’est pas indentée comme les autres lignes de son bloc.'),
    hint: T('Give every key of one block the same indentation (spaces), two more than its parent key.', 'Donnez la même indentation (en espaces) à toutes les clés d’un même bloc, deux de plus que la clé parente.'),
  }),
  MISSING_CHAR: (detail) => ({
    message: T(`invalid YAML: ${detail || 'a closing character is missing.'}`, `YAML invalide : ${/quote/i.test(detail) ? 'un guillemet fermant manque' : /\]/.test(detail) ? 'un « ] » fermant manque' : /\}/.test(detail) ? 'une « } » fermante manque' : 'un caractère fermant manque'}.`),
    hint: T('Close the quotes or brackets opened on this line.', 'Fermez les guillemets ou les crochets ouverts sur cette ligne.'),
  }),
  UNEXPECTED_TOKEN: () => ({
    message: T('invalid YAML: unexpected text here (a list item "- " and a "key:" mixed at one level?).', 'YAML invalide\u00a0: texte inattendu ici (un élément de liste « - » et une « clé\u00a0: » mélangés au même niveau ?).'),
    hint: both(YAML_TEXT.checkIndentation, {}).message,
  }),
};

/** `\I` from "Invalid escape sequence \I": the escape a French message names too. */
function escapeOf(detail: string): string {
  const m = /escape sequence (\\\S+)/i.exec(detail);
  return m ? ` (ici « ${m[1]!.replace(/\.$/, '')} »)` : '';
}

/** How a YAML error of `code` is worded, or undefined to keep the library's message. */
export function yamlWording(code: string, libraryMessage: string): YamlWording | undefined {
  return BY_CODE[code]?.(libraryMessage);
}
