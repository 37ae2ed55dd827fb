import { msg, s, type TypedCatalog } from '../i18n/types.js';

/**
 * The formatters' sentences: what is built differently in each language, worded whole with its
 * parameters. Single words and headings are in labels.ts (`labels(lang)`).
 */
export const FORMAT_TEXT = {
  /** The text report's second line: `ruleset ans-dmn 1.2.2 · manifest dmn-evidence.yaml · as of 2026-11-29`. */
  runLine: msg<'ruleset' | 'manifest' | 'asOf'>({
    en: (p) => `ruleset ${s(p.ruleset)} · manifest ${s(p.manifest)} · as of ${s(p.asOf)}`,
    fr: (p) => `référentiel ${s(p.ruleset)} · manifeste ${s(p.manifest)} · au ${s(p.asOf)}`,
  }),
  notRead: msg({ en: () => 'content not read (--no-read)', fr: () => 'contenu non lu (--no-read)' }),
  statementBy: msg<'name' | 'role' | 'signedOn'>({
    en: (p) => `sworn statement by ${s(p.name)} (${s(p.role)}), signed on ${s(p.signedOn)}`,
    fr: (p) => `déclaration sur l’honneur de ${s(p.name)} (${s(p.role)}), signée le ${s(p.signedOn)}`,
  }),
  /** The heading of the text report's last line (`Summary: 5 satisfied, …`). */
  tally: msg({ en: () => 'Summary', fr: () => 'Bilan' }),
  /** A file and a line and column in it: `dmn-evidence.yaml:22:3` / `dmn-evidence.yaml, ligne 22, colonne 3` (FRENCH.md #30). */
  fileLine: msg<'file' | 'line' | 'column'>({
    en: (p) => `${s(p.file)}${p.line === undefined ? '' : `:${s(p.line)}${p.column === undefined ? '' : `:${s(p.column)}`}`}`,
    fr: (p) => `${s(p.file)}${p.line === undefined ? '' : `, ligne ${s(p.line)}${p.column === undefined ? '' : `, colonne ${s(p.column)}`}`}`,
  }),
  /** Where a finding points, on a line of its own under it (JUnit). */
  findingPlace: msg<'where'>({ en: (p) => `at ${s(p.where)}`, fr: (p) => `emplacement\u00a0: ${s(p.where)}` }),
  /** `Jeanne Martin (Présidente), signed on 2026-10-02, expires on 2027-10-02`. */
  signature: msg<'name' | 'role' | 'signedOn' | 'expiry'>({
    en: (p) => `${s(p.name)} (${s(p.role)}), signed on ${s(p.signedOn)}, ${s(p.expiry)}`,
    fr: (p) => `${s(p.name)} (${s(p.role)}) ; déclaration signée le ${s(p.signedOn)}, ${s(p.expiry)}`,
  }),
  expires: msg<'date'>({ en: (p) => `expires on ${s(p.date)}`, fr: (p) => `expire le ${s(p.date)}` }),
  /** The title of an input error's GitHub annotation. */
  invalidInput: msg({ en: () => 'dmn-check: invalid input', fr: () => 'dmn-check\u00a0: entrée invalide' }),
} satisfies TypedCatalog;
