import { plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';
import { DICTIONARY_DOC, place, format, REASON, SKELETON_SKIPPED, keyword, SCHEMA_REASON, ITEM_REASON, CATEGORY } from './message-words.js';

/** Wording of the PORT 1 dictionary and schema checks (export-dictionary, export-schema). */
export const exportDictionaryMessages = {
  'export.dictionary.invalid': msg<'file' | 'subject' | 'what_en' | 'what_fr'>({
    en: (p) => `${s(p.file)}${p.subject ? ` ${s(p.subject)}` : ''}: ${s(p.what_en)}`,
    fr: (p) => `${s(p.file)}${p.subject ? ` ${s(p.subject)}` : ''}\u00a0: ${s(p.what_fr)}`,
    hint: {
      en: () => `The dictionary format is described at ${DICTIONARY_DOC}.`,
      fr: () => `Le format du dictionnaire est décrit à l’adresse ${DICTIONARY_DOC}.`,
    },
  }),
  'export.dictionary.category-missing': msg<'category'>({
    en: (p) => `The data dictionary has no item of category ${s(p.category)} (${CATEGORY[s(p.category)]?.en ?? s(p.category)}); PORT 1 covers all health data and the correspondents' information.`,
    fr: (p) => `Le dictionnaire de données n’a aucun élément de catégorie ${s(p.category)} (${CATEGORY[s(p.category)]?.fr ?? s(p.category)}) ; PORT 1 couvre toutes les données de santé et les informations des correspondants.`,
    hint: {
      en: (p) => `Export the ${CATEGORY[s(p.category)]?.en ?? s(p.category)} too, and document each item with category ${s(p.category)}.`,
      fr: (p) => `Exportez aussi les ${CATEGORY[s(p.category)]?.fr ?? s(p.category)}, et documentez chaque donnée avec la catégorie ${s(p.category)}.`,
    },
  }),
  'export.dictionary.item-not-found': msg<'location' | 'name' | 'reason'>({
    en: (p) => `Dictionary item "${s(p.name)}" (${s(p.location)}) is not found in the export sample: ${ITEM_REASON[s(p.reason)]?.en ?? s(p.reason)}.`,
    fr: (p) => `L’élément « ${s(p.name)} » du dictionnaire (${s(p.location)}) est introuvable dans l’échantillon d’export\u00a0: ${ITEM_REASON[s(p.reason)]?.fr ?? s(p.reason)}.`,
    hint: {
      en: () => 'Fix the location in the dictionary, or give a sample in which the item holds a value at least once.',
      fr: () => "Corrigez l’emplacement dans le dictionnaire, ou fournissez un échantillon où la donnée a une valeur au moins une fois.",
    },
  }),
  'export.dictionary.not-verified': msg<'count' | 'reason'>({
    en: (p) =>
      p.reason === 'no-sample'
        ? 'The data dictionary could not be checked against the export: there is no export sample.'
        : p.reason === 'places-truncated'
          ? `${plural(Number(p.count), 'en', 'dictionary item is', 'dictionary items are')} not found, but the export has more distinct places than dmn-check tracks (20,000): their absence cannot be proved, nor their presence.`
          : `${plural(Number(p.count), 'en', 'dictionary item is', 'dictionary items are')} not found, but the export sample could not be read in full (see the export-sample findings).`,
    fr: (p) =>
      p.reason === 'no-sample'
        ? "Le dictionnaire de données n’a pas pu être confronté à l’export\u00a0: il n’y a pas d’échantillon d’export."
        : p.reason === 'places-truncated'
          ? `${plural(Number(p.count), 'fr', 'élément du dictionnaire est introuvable', 'éléments du dictionnaire sont introuvables')}, mais l’export a plus d’emplacements distincts que dmn-check n’en suit (20 000)\u00a0: ni leur absence ni leur présence ne peut être établie.`
          : `${plural(Number(p.count), 'fr', 'élément du dictionnaire est introuvable', 'éléments du dictionnaire sont introuvables')}, mais l’échantillon d’export n’a pas pu être lu en entier (voir les constats de export-sample).`,
  }),
  'export.dictionary.undocumented': msg<'column' | 'file' | 'path'>({
    en: (p) => `${s(p.file)}: ${p.column !== undefined ? `column "${s(p.column)}"` : s(p.path)} holds data, but no dictionary item locates it.`,
    fr: (p) => `${s(p.file)}\u00a0: ${p.column !== undefined ? `la colonne « ${s(p.column)} »` : s(p.path)} contient des données, mais aucun élément du dictionnaire ne la situe.`,
    hint: {
      en: () => 'Document every exported item in the dictionary (name, description, category, location).',
      fr: () => 'Documentez chaque donnée exportée dans le dictionnaire (nom, description, catégorie, emplacement).',
    },
  }),
  'export.dictionary.undocumented-more': msg<'count'>({
    en: (p) => `${plural(Number(p.count), 'en', 'more undocumented place is', 'more undocumented places are')} not listed.`,
    fr: (p) => `${plural(Number(p.count), 'fr', 'autre emplacement non documenté n’est pas listé', 'autres emplacements non documentés ne sont pas listés')}.`,
  }),
  'export.dictionary.paths-truncated': msg<'file'>({
    en: (p) => `${s(p.file)} has more distinct places than dmn-check tracks; places past the limit were not compared with the dictionary.`,
    fr: (p) => `${s(p.file)} a plus d’emplacements distincts que dmn-check n’en suit ; ceux au-delà de la limite n’ont pas été comparés au dictionnaire.`,
  }),
  'export.schema.invalid': msg<'detail' | 'file' | 'reason'>({
    en: (p) => `${s(p.file)} is not a usable export schema: ${SCHEMA_REASON[s(p.reason)]?.en ?? s(p.reason)}${p.detail ? ` (${REASON[s(p.detail)]?.en ?? s(p.detail)})` : ''}.`,
    fr: (p) => `${s(p.file)} n’est pas un schéma d’export utilisable\u00a0: ${SCHEMA_REASON[s(p.reason)]?.fr ?? s(p.reason)}${p.detail ? ` (${REASON[s(p.detail)]?.fr ?? s(p.detail)})` : ''}.`,
    hint: {
      en: () => 'Provide the JSON Schema (draft-07, 2019-09 or 2020-12) that the export records follow; it must compile on its own (no remote $ref).',
      fr: () => "Fournissez le JSON Schema (draft-07, 2019-09 ou 2020-12) que suivent les enregistrements de l’export ; il doit se compiler seul (pas de $ref distant).",
    },
  }),
  'export.schema.violation': msg<'column' | 'expected' | 'file' | 'keyword' | 'line' | 'pointer' | 'property' | 'record'>({
    en: (p) => `${s(p.file)}, ${place(p, 'en')}: ${keyword(p, 'en')}.`,
    fr: (p) => `${s(p.file)}, ${place(p, 'fr')}\u00a0: ${keyword(p, 'fr')}.`,
    hint: {
      en: () => 'The export must follow the schema the manufacturer publishes for it: fix the export or the schema.',
      fr: () => "L’export doit suivre le schéma que le fabricant publie\u00a0: corrigez l’export ou le schéma.",
    },
  }),
  'export.schema.violations-more': msg<'count' | 'records'>({
    en: (p) => `${plural(Number(p.count), 'en', 'more schema violation is', 'more schema violations are')} not listed (${plural(Number(p.records), 'en', 'invalid record')} in all).`,
    fr: (p) => `${plural(Number(p.count), 'fr', 'autre écart au schéma n’est pas listé', 'autres écarts au schéma ne sont pas listés')} (${plural(Number(p.records), 'fr', 'enregistrement invalide', 'enregistrements invalides')} en tout).`,
  }),
  'export.schema.not-applicable': msg<'delimiter' | 'file' | 'format'>({
    en: (p) => `${s(p.file)} is ${format(p, 'en')}: the JSON Schema applies to JSON and NDJSON records only.`,
    fr: (p) => `${s(p.file)} est ${format(p, 'fr')}\u00a0: le JSON Schema ne s’applique qu’aux enregistrements JSON et NDJSON.`,
  }),
  'export.schema.not-split': msg<'at' | 'file' | 'pattern'>({
    en: (p) => `${s(p.file)}: the values at ${s(p.pattern)} were not validated: the schema shapes them with anyOf/oneOf/if/not (at ${s(p.at) || '#'}), which cannot be applied one record at a time on a document this large.`,
    fr: (p) => `${s(p.file)}\u00a0: les valeurs en ${s(p.pattern)} n’ont pas été validées\u00a0: le schéma les décrit avec anyOf/oneOf/if/not (en ${s(p.at) || '#'}), inapplicable enregistrement par enregistrement sur un document de cette taille.`,
    hint: {
      en: () => 'Describe these records through properties/items in the schema, or export them as NDJSON.',
      fr: () => 'Décrivez ces enregistrements par properties/items dans le schéma, ou exportez-les en NDJSON.',
    },
  }),
  'export.schema.skeleton-skipped': msg<'file' | 'why'>({
    en: (p) => `${s(p.file)}: the outer structure of the document (what is not a record) ${(SKELETON_SKIPPED[s(p.why)] ?? SKELETON_SKIPPED.size!).en} and was not validated against the schema; only its records were.`,
    fr: (p) => `${s(p.file)}\u00a0: la structure englobante du document (ce qui n’est pas un enregistrement) ${(SKELETON_SKIPPED[s(p.why)] ?? SKELETON_SKIPPED.size!).fr} et n’a pas été validée par le schéma ; seuls ses enregistrements l’ont été.`,
    hint: {
      en: () => 'Give a smaller sample, or describe the records in the schema (an array of items) so that they are validated one by one.',
      fr: () => 'Fournissez un échantillon plus petit, ou décrivez les enregistrements dans le schéma (un tableau d’éléments) pour qu’ils soient validés un à un.',
    },
  }),
  'export.schema.format-unknown': msg<'at' | 'file' | 'format'>({
    en: (p) => `${s(p.file)}: the schema asks for format "${s(p.format)}" (at ${s(p.at)}), which dmn-check does not know: values are not checked against it.`,
    fr: (p) => `${s(p.file)}\u00a0: le schéma demande le format « ${s(p.format)} » (en ${s(p.at)}), que dmn-check ne connaît pas\u00a0: les valeurs ne sont pas vérifiées au regard de ce format.`,
    hint: {
      en: () => 'Use a format of JSON Schema (date, date-time, uri, email…) or a pattern, so that the values can be checked.',
      fr: () => 'utilisez un format de JSON Schema (date, date-time, uri, email…) ou un motif (pattern), pour que les valeurs puissent être vérifiées.',
    },
  }),
  'export.schema.not-verified': msg({
    en: () => 'The export schema could not be applied: there is no export sample.',
    fr: () => "Le schéma d’export n’a pas pu être appliqué\u00a0: il n’y a pas d’échantillon d’export.",
  }),
} satisfies TypedCatalog;
