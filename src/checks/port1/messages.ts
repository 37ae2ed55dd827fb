import { formatNumber, plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';
import { DICTIONARY_DOC, place, format, REASON, DUMP, EXPORT_HINT } from './message-words.js';

/** Wording of the PORT 1 export-sample check: reading an export (format, encoding, syntax, records). */
export const exportMessages = {
  'export.format': msg<'delimiter' | 'file' | 'format' | 'records'>({
    en: (p) => `${s(p.file)} is read as ${format(p, 'en')}${p.records !== undefined ? `: ${plural(Number(p.records), 'en', 'record')}` : ''}.`,
    fr: (p) => `${s(p.file)} est lu comme ${format(p, 'fr')}${p.records !== undefined ? `\u00a0: ${plural(Number(p.records), 'fr', 'enregistrement')}` : ''}.`,
  }),
  'export.database-dump': msg<'dump' | 'file'>({
    en: (p) => `${s(p.file)} is ${DUMP[s(p.dump)]?.en ?? s(p.dump)}. The ANS FAQ is clear: a database dump is not what PORT 1 asks for, but an export of the data, available at any time, readable and documented.`,
    fr: (p) => `${s(p.file)} est ${DUMP[s(p.dump)]?.fr ?? s(p.dump)}. La FAQ de l’ANS est claire\u00a0: PORT 1 n’attend pas une extraction brute de la base, mais un export des données, disponible à tout moment, lisible et documenté.`,
    hint: EXPORT_HINT,
  }),
  'export.binary': msg<'file'>({
    en: (p) => `${s(p.file)} is a binary file, not a readable export.`,
    fr: (p) => `${s(p.file)} est un fichier binaire, pas un export lisible.`,
    hint: EXPORT_HINT,
  }),
  'export.not-export': msg<'file' | 'kind'>({
    en: (p) => `${s(p.file)} is ${s(p.kind)}, which is not an export format.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)}, qui n’est pas un format d’export.`,
    hint: EXPORT_HINT,
  }),
  'export.empty': msg<'file'>({
    en: (p) => `${s(p.file)} is empty (0 bytes): an export sample must hold data.`,
    fr: (p) => `${s(p.file)} est vide (0 octet)\u00a0: un échantillon d’export doit contenir des données.`,
    hint: EXPORT_HINT,
  }),
  'export.encoding': msg<'column' | 'file' | 'line' | 'pointer' | 'record'>({
    en: (p) => `${s(p.file)} is not valid UTF-8 at ${place(p, 'en')}.`,
    fr: (p) => `${s(p.file)} n’est pas de l’UTF-8 valide à ${place(p, 'fr')}.`,
    hint: { en: () => 'Export the file as UTF-8.', fr: () => 'Exportez le fichier en UTF-8.' },
  }),
  'export.syntax': msg<'column' | 'delimiter' | 'file' | 'format' | 'line' | 'pointer' | 'reason' | 'record'>({
    en: (p) => `${s(p.file)} does not read as ${format(p, 'en')} at ${place(p, 'en')}: ${REASON[s(p.reason)]?.en ?? s(p.reason)}.`,
    fr: (p) => `${s(p.file)} ne se lit pas comme ${format(p, 'fr')} à ${place(p, 'fr')}\u00a0: ${REASON[s(p.reason)]?.fr ?? s(p.reason)}.`,
    hint: {
      en: () => 'An export must be complete and parse as a whole: produce it again and check it was not cut.',
      fr: () => "Un export doit être complet et se lire entièrement\u00a0: régénérez-le et vérifiez qu’il n’a pas été coupé.",
    },
  }),
  'export.csv-ragged': msg<'column' | 'expected' | 'file' | 'got' | 'line' | 'pointer' | 'record'>({
    en: (p) => `${s(p.file)}: ${place(p, 'en')} has ${plural(Number(p.got), 'en', 'field')}; the header has ${formatNumber(Number(p.expected), 'en')}.`,
    fr: (p) => `${s(p.file)}\u00a0: ${place(p, 'fr')} compte ${plural(Number(p.got), 'fr', 'champ')} ; l’en-tête en a ${formatNumber(Number(p.expected), 'fr')}.`,
    hint: {
      en: () => 'Every row needs one value per header column; quote values that hold the delimiter.',
      fr: () => "Chaque ligne doit avoir une valeur par colonne de l’en-tête ; mettez entre guillemets les valeurs contenant le séparateur.",
    },
  }),
  'export.csv-no-header': msg<'file'>({
    en: (p) => `${s(p.file)} has no header row.`,
    fr: (p) => `${s(p.file)} n’a pas de ligne d’en-tête.`,
    hint: { en: () => 'Start the CSV with a row naming the columns.', fr: () => 'Commencez le CSV par une ligne nommant les colonnes.' },
  }),
  'export.csv-duplicate-column': msg<'column' | 'file'>({
    en: (p) => `${s(p.file)}: column "${s(p.column)}" is named more than once in the header.`,
    fr: (p) => `${s(p.file)}\u00a0: la colonne « ${s(p.column)} » apparaît plusieurs fois dans l’en-tête.`,
  }),
  'export.problems-more': msg<'count' | 'file'>({
    en: (p) => `${s(p.file)}: ${plural(Number(p.count), 'en', 'more problem is', 'more problems are')} not listed.`,
    fr: (p) => `${s(p.file)}\u00a0: ${plural(Number(p.count), 'fr', 'autre problème n’est pas listé', 'autres problèmes ne sont pas listés')}.`,
  }),
  'export.no-records': msg<'file'>({
    en: (p) => `${s(p.file)} holds no record.`,
    fr: (p) => `${s(p.file)} ne contient aucun enregistrement.`,
    hint: {
      en: () => 'Provide a sample export with the data of at least one synthetic patient.',
      fr: () => "Fournissez un échantillon d’export avec les données d’au moins un patient fictif.",
    },
  }),
  'export.locations-not-verified': msg({
    en: () => 'No data dictionary is given: where each data item sits in the export was not verified by machine, only from the documentation.',
    fr: () => "Aucun dictionnaire de données fourni\u00a0: la position de chaque donnée dans l’export n’a pas été vérifiée automatiquement ; seule la documentation en atteste.",
    hint: {
      en: () => `Add a machine-readable data dictionary to the export-dictionary slot (format: ${DICTIONARY_DOC}).`,
      fr: () => `Ajoutez un dictionnaire de données lisible par machine dans l’emplacement export-dictionary (format\u00a0: ${DICTIONARY_DOC}).`,
    },
  }),
} satisfies TypedCatalog;
