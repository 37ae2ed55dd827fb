import { formatNumber, plural } from '../format.js';
import { s, type Catalog, type Lang, type Params } from '../types.js';

/**
 * Where the data dictionary's format is described: the page shipped in the package (docs/), served
 * from the npm registry's files, so a hint read in CI logs is a link, not a path in someone's clone.
 */
const DICTIONARY_DOC = 'https://unpkg.com/dmn-check/docs/data-dictionary.md';

/** `record 12, line 14, /code/coding/0` in the message's language, from whatever place params are set. */
function place(p: Params, lang: Lang): string {
  const parts: string[] = [];
  if (p.record !== undefined) parts.push(`${lang === 'fr' ? 'enregistrement' : 'record'} ${s(p.record)}`);
  if (p.line !== undefined) parts.push(`${lang === 'fr' ? 'ligne' : 'line'} ${s(p.line)}${p.column !== undefined ? `:${s(p.column)}` : ''}`);
  if (p.pointer !== undefined && p.pointer !== '') parts.push(s(p.pointer));
  if (parts.length === 0) return lang === 'fr' ? 'la racine' : 'the root';
  return parts.join(', ');
}

const FORMAT: Record<string, { en: string; fr: string }> = {
  json: { en: 'a JSON document', fr: 'un document JSON' },
  'fhir-json': { en: 'a FHIR JSON document (Bundle or resource)', fr: 'un document JSON FHIR (Bundle ou ressource)' },
  ndjson: { en: 'NDJSON (one JSON record per line)', fr: 'du NDJSON (un enregistrement JSON par ligne)' },
  'fhir-ndjson': { en: 'FHIR NDJSON (one resource per line)', fr: 'du NDJSON FHIR (une ressource par ligne)' },
  csv: { en: 'CSV', fr: 'du CSV' },
  xml: { en: 'XML', fr: 'du XML' },
};

function format(p: Params, lang: Lang): string {
  const f = FORMAT[s(p.format)]?.[lang] ?? s(p.format);
  if (p.format === 'csv' && p.delimiter !== undefined) {
    const d = p.delimiter === '\t' ? (lang === 'fr' ? 'tabulation' : 'tab') : `"${s(p.delimiter)}"`;
    return lang === 'fr' ? `${f} (séparateur ${d})` : `${f} (delimiter ${d})`;
  }
  return f;
}

const REASON: Record<string, { en: string; fr: string }> = {
  'unexpected-character': { en: 'unexpected character', fr: 'caractère inattendu' },
  'unexpected-end': { en: 'the file ends in the middle of a value (truncated?)', fr: 'le fichier s’arrête au milieu d’une valeur (tronqué ?)' },
  'trailing-data': { en: 'data after the end of the document', fr: 'des données après la fin du document' },
  'bad-string': { en: 'control character inside a string', fr: 'caractère de contrôle dans une chaîne' },
  'bad-escape': { en: 'invalid escape in a string', fr: 'séquence d’échappement invalide dans une chaîne' },
  'bad-number': { en: 'invalid number', fr: 'nombre invalide' },
  'record-too-large': { en: 'a single record is larger than dmn-check reads (64 MiB)', fr: 'un enregistrement dépasse à lui seul la taille lue par dmn-check (64 Mio)' },
  'too-deep': { en: 'nested more than 128 levels deep', fr: 'imbrication sur plus de 128 niveaux' },
  'too-many-columns': { en: 'more than 10,000 columns', fr: 'plus de 10 000 colonnes' },
  'unterminated-quote': { en: 'a quoted field is never closed', fr: 'un champ entre guillemets n’est jamais fermé' },
  'bad-quote': { en: 'characters after a closing quote', fr: 'des caractères après un guillemet fermant' },
  'mismatched-tag': { en: 'closing tag does not match the open element', fr: 'la balise fermante ne correspond pas à l’élément ouvert' },
  'bad-tag': { en: 'malformed tag', fr: 'balise mal formée' },
  'bad-attribute': { en: 'malformed attribute', fr: 'attribut mal formé' },
  'duplicate-attribute': { en: 'attribute given twice', fr: 'attribut répété' },
  'bad-entity': { en: 'invalid entity reference (a lone "&"?)', fr: 'référence d’entité invalide (un « & » isolé ?)' },
  'multiple-roots': { en: 'a second root element', fr: 'un second élément racine' },
  'text-outside-root': { en: 'text outside the root element', fr: 'du texte hors de l’élément racine' },
  'no-root': { en: 'no root element', fr: 'aucun élément racine' },
};

/** Why the outer structure of a document was not validated (`export.schema.skeleton-skipped`). */
const SKELETON_SKIPPED: Record<string, { en: string; fr: string }> = {
  size: { en: 'is over 32 MiB', fr: 'dépasse 32 Mio' },
  wide: { en: 'has an object of more than 10,000 members', fr: 'contient un objet de plus de 10 000 membres' },
  mixed: { en: 'mixes plain values with records in one array', fr: 'mêle des valeurs simples et des enregistrements dans un même tableau' },
  'long-value': { en: 'holds a value over 8 MiB', fr: 'contient une valeur de plus de 8 Mio' },
};

const DUMP: Record<string, { en: string; fr: string }> = {
  sql: { en: 'an SQL database dump (mysqldump, pg_dump)', fr: 'une extraction brute (« dump ») SQL de la base de données (mysqldump, pg_dump)' },
  sqlite: { en: 'a SQLite database file', fr: 'un fichier de base de données SQLite' },
  'pg-dump': { en: 'a pg_dump custom-format archive', fr: 'une archive au format personnalisé (custom) de pg_dump' },
};

const EXPORT_HINT = {
  en: () => 'Provide the export the product gives patients: JSON, NDJSON, CSV or XML (FHIR welcome), documented item by item.',
  fr: () => 'Fournissez l’export que le produit met à disposition\u00a0: JSON, NDJSON, CSV ou XML (FHIR bienvenu), documenté donnée par donnée.',
};

function keyword(p: Params, lang: Lang): string {
  const fr = lang === 'fr';
  const e = s(p.expected);
  switch (p.keyword) {
    case 'required':
      return fr ? `la propriété obligatoire « ${s(p.property)} » manque` : `required property "${s(p.property)}" is missing`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return fr ? `la propriété « ${s(p.property)} » n’est pas prévue par le schéma` : `property "${s(p.property)}" is not allowed by the schema`;
    case 'type':
      return fr ? `doit être de type ${e}` : `must be of type ${e}`;
    case 'enum':
    case 'const':
      return fr ? `doit valoir ${e}` : `must be ${p.keyword === 'enum' ? 'one of ' : ''}${e}`;
    case 'pattern':
      return fr ? `ne respecte pas le motif ${e}` : `does not match pattern ${e}`;
    case 'format':
      return fr ? `doit être au format ${e}` : `must be a valid ${e}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return fr ? `doit être ${e}` : `must be ${e}`;
    case 'minLength':
      return fr ? `doit compter au moins ${e} caractères` : `must have at least ${e} characters`;
    case 'maxLength':
      return fr ? `doit compter au plus ${e} caractères` : `must have at most ${e} characters`;
    case 'minItems':
      return fr ? `doit contenir au moins ${plural(Number(e), 'fr', 'élément')}` : `must have at least ${plural(Number(e), 'en', 'item')}`;
    case 'maxItems':
      return fr ? `doit contenir au plus ${plural(Number(e), 'fr', 'élément')}` : `must have at most ${plural(Number(e), 'en', 'item')}`;
    default:
      return fr ? `ne respecte pas la règle « ${s(p.keyword)} » du schéma` : `fails the schema's "${s(p.keyword)}" rule`;
  }
}

const SCHEMA_REASON: Record<string, { en: string; fr: string }> = {
  'too-large': { en: 'it is too large to be a schema (16 MiB at most)', fr: 'il est trop gros pour un schéma (16 Mio au plus)' },
  encoding: { en: 'it is not valid UTF-8', fr: 'ce n’est pas de l’UTF-8 valide' },
  'not-json': { en: 'it is not valid JSON', fr: 'ce n’est pas du JSON valide' },
  'unsupported-dialect': { en: 'its $schema is a dialect dmn-check cannot run (use draft-07, 2019-09 or 2020-12)', fr: 'son $schema désigne une version que dmn-check ne sait pas appliquer (utilisez draft-07, 2019-09 ou 2020-12)' },
  invalid: { en: 'it is not a valid JSON Schema', fr: 'ce n’est pas un JSON Schema valide' },
};

const ITEM_REASON: Record<string, { en: string; fr: string }> = {
  'no-file': { en: 'no export file matches its "file"', fr: 'aucun fichier d’export ne correspond à son « file »' },
  format: { en: 'no export file of the right format for this kind of location', fr: 'aucun fichier d’export du bon format pour ce type d’emplacement' },
  empty: { en: 'never present with a value', fr: 'jamais présent avec une valeur' },
};

const CATEGORY: Record<string, { en: string; fr: string }> = {
  health_data: { en: 'health data', fr: 'données de santé' },
  correspondents: { en: "correspondents' information", fr: 'informations des correspondants' },
};

/** Wording of the PORT 1 export checks (export-sample, export-dictionary, export-schema). */
export const exportMessages: Catalog = {
  'export.format': {
    en: (p) => `${s(p.file)} is read as ${format(p, 'en')}${p.records !== undefined ? `: ${plural(Number(p.records), 'en', 'record')}` : ''}.`,
    fr: (p) => `${s(p.file)} est lu comme ${format(p, 'fr')}${p.records !== undefined ? `\u00a0: ${plural(Number(p.records), 'fr', 'enregistrement')}` : ''}.`,
  },
  'export.database-dump': {
    en: (p) => `${s(p.file)} is ${DUMP[s(p.dump)]?.en ?? s(p.dump)}. The ANS FAQ is clear: a database dump is not what PORT 1 asks for, but an export of the data, available at any time, readable and documented.`,
    fr: (p) => `${s(p.file)} est ${DUMP[s(p.dump)]?.fr ?? s(p.dump)}. La FAQ de l’ANS est claire\u00a0: PORT 1 n’attend pas une extraction brute de la base, mais un export des données, disponible à tout moment, lisible et documenté.`,
    hint: EXPORT_HINT,
  },
  'export.binary': {
    en: (p) => `${s(p.file)} is a binary file, not a readable export.`,
    fr: (p) => `${s(p.file)} est un fichier binaire, pas un export lisible.`,
    hint: EXPORT_HINT,
  },
  'export.not-export': {
    en: (p) => `${s(p.file)} is ${s(p.kind)}, which is not an export format.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)}, qui n’est pas un format d’export.`,
    hint: EXPORT_HINT,
  },
  'export.empty': {
    en: (p) => `${s(p.file)} is empty (0 bytes): an export sample must hold data.`,
    fr: (p) => `${s(p.file)} est vide (0 octet)\u00a0: un échantillon d’export doit contenir des données.`,
    hint: EXPORT_HINT,
  },
  'export.encoding': {
    en: (p) => `${s(p.file)} is not valid UTF-8 at ${place(p, 'en')}.`,
    fr: (p) => `${s(p.file)} n’est pas de l’UTF-8 valide à ${place(p, 'fr')}.`,
    hint: { en: () => 'Export the file as UTF-8.', fr: () => 'Exportez le fichier en UTF-8.' },
  },
  'export.syntax': {
    en: (p) => `${s(p.file)} does not read as ${format(p, 'en')} at ${place(p, 'en')}: ${REASON[s(p.reason)]?.en ?? s(p.reason)}.`,
    fr: (p) => `${s(p.file)} ne se lit pas comme ${format(p, 'fr')} à ${place(p, 'fr')}\u00a0: ${REASON[s(p.reason)]?.fr ?? s(p.reason)}.`,
    hint: {
      en: () => 'An export must be complete and parse as a whole: produce it again and check it was not cut.',
      fr: () => "Un export doit être complet et se lire entièrement\u00a0: régénérez-le et vérifiez qu’il n’a pas été coupé.",
    },
  },
  'export.csv-ragged': {
    en: (p) => `${s(p.file)}: ${place(p, 'en')} has ${plural(Number(p.got), 'en', 'field')}; the header has ${formatNumber(Number(p.expected), 'en')}.`,
    fr: (p) => `${s(p.file)}\u00a0: ${place(p, 'fr')} compte ${plural(Number(p.got), 'fr', 'champ')} ; l’en-tête en a ${formatNumber(Number(p.expected), 'fr')}.`,
    hint: {
      en: () => 'Every row needs one value per header column; quote values that hold the delimiter.',
      fr: () => "Chaque ligne doit avoir une valeur par colonne de l’en-tête ; mettez entre guillemets les valeurs contenant le séparateur.",
    },
  },
  'export.csv-no-header': {
    en: (p) => `${s(p.file)} has no header row.`,
    fr: (p) => `${s(p.file)} n’a pas de ligne d’en-tête.`,
    hint: { en: () => 'Start the CSV with a row naming the columns.', fr: () => 'Commencez le CSV par une ligne nommant les colonnes.' },
  },
  'export.csv-duplicate-column': {
    en: (p) => `${s(p.file)}: column "${s(p.column)}" is named more than once in the header.`,
    fr: (p) => `${s(p.file)}\u00a0: la colonne « ${s(p.column)} » apparaît plusieurs fois dans l’en-tête.`,
  },
  'export.problems-more': {
    en: (p) => `${s(p.file)}: ${plural(Number(p.count), 'en', 'more problem is', 'more problems are')} not listed.`,
    fr: (p) => `${s(p.file)}\u00a0: ${plural(Number(p.count), 'fr', 'autre problème n’est pas listé', 'autres problèmes ne sont pas listés')}.`,
  },
  'export.no-records': {
    en: (p) => `${s(p.file)} holds no record.`,
    fr: (p) => `${s(p.file)} ne contient aucun enregistrement.`,
    hint: {
      en: () => 'Provide a sample export with the data of at least one synthetic patient.',
      fr: () => "Fournissez un échantillon d’export avec les données d’au moins un patient fictif.",
    },
  },
  'export.locations-not-verified': {
    en: () => 'No data dictionary is given: where each data item sits in the export was not verified by machine, only from the documentation.',
    fr: () => "Aucun dictionnaire de données fourni\u00a0: la position de chaque donnée dans l’export n’a pas été vérifiée automatiquement ; seule la documentation en atteste.",
    hint: {
      en: () => `Add a machine-readable data dictionary to the export-dictionary slot (format: ${DICTIONARY_DOC}).`,
      fr: () => `Ajoutez un dictionnaire de données lisible par machine dans l’emplacement export-dictionary (format\u00a0: ${DICTIONARY_DOC}).`,
    },
  },
  'export.dictionary.invalid': {
    en: (p) => `${s(p.file)}${p.subject ? ` ${s(p.subject)}` : ''}: ${s(p.what_en)}`,
    fr: (p) => `${s(p.file)}${p.subject ? ` ${s(p.subject)}` : ''}\u00a0: ${s(p.what_fr)}`,
    hint: {
      en: () => `The dictionary format is described at ${DICTIONARY_DOC}.`,
      fr: () => `Le format du dictionnaire est décrit à l’adresse ${DICTIONARY_DOC}.`,
    },
  },
  'export.dictionary.category-missing': {
    en: (p) => `The data dictionary has no item of category ${s(p.category)} (${CATEGORY[s(p.category)]?.en ?? s(p.category)}); PORT 1 covers all health data and the correspondents' information.`,
    fr: (p) => `Le dictionnaire de données n’a aucun élément de catégorie ${s(p.category)} (${CATEGORY[s(p.category)]?.fr ?? s(p.category)}) ; PORT 1 couvre toutes les données de santé et les informations des correspondants.`,
    hint: {
      en: (p) => `Export the ${CATEGORY[s(p.category)]?.en ?? s(p.category)} too, and document each item with category ${s(p.category)}.`,
      fr: (p) => `Exportez aussi les ${CATEGORY[s(p.category)]?.fr ?? s(p.category)}, et documentez chaque donnée avec la catégorie ${s(p.category)}.`,
    },
  },
  'export.dictionary.item-not-found': {
    en: (p) => `Dictionary item "${s(p.name)}" (${s(p.location)}) is not found in the export sample: ${ITEM_REASON[s(p.reason)]?.en ?? s(p.reason)}.`,
    fr: (p) => `L’élément « ${s(p.name)} » du dictionnaire (${s(p.location)}) est introuvable dans l’échantillon d’export\u00a0: ${ITEM_REASON[s(p.reason)]?.fr ?? s(p.reason)}.`,
    hint: {
      en: () => 'Fix the location in the dictionary, or give a sample in which the item holds a value at least once.',
      fr: () => "Corrigez l’emplacement dans le dictionnaire, ou fournissez un échantillon où la donnée a une valeur au moins une fois.",
    },
  },
  'export.dictionary.not-verified': {
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
  },
  'export.dictionary.undocumented': {
    en: (p) => `${s(p.file)}: ${p.column !== undefined ? `column "${s(p.column)}"` : s(p.path)} holds data, but no dictionary item locates it.`,
    fr: (p) => `${s(p.file)}\u00a0: ${p.column !== undefined ? `la colonne « ${s(p.column)} »` : s(p.path)} contient des données, mais aucun élément du dictionnaire ne la situe.`,
    hint: {
      en: () => 'Document every exported item in the dictionary (name, description, category, location).',
      fr: () => 'Documentez chaque donnée exportée dans le dictionnaire (nom, description, catégorie, emplacement).',
    },
  },
  'export.dictionary.undocumented-more': {
    en: (p) => `${plural(Number(p.count), 'en', 'more undocumented place is', 'more undocumented places are')} not listed.`,
    fr: (p) => `${plural(Number(p.count), 'fr', 'autre emplacement non documenté n’est pas listé', 'autres emplacements non documentés ne sont pas listés')}.`,
  },
  'export.dictionary.paths-truncated': {
    en: (p) => `${s(p.file)} has more distinct places than dmn-check tracks; places past the limit were not compared with the dictionary.`,
    fr: (p) => `${s(p.file)} a plus d’emplacements distincts que dmn-check n’en suit ; ceux au-delà de la limite n’ont pas été comparés au dictionnaire.`,
  },
  'export.schema.invalid': {
    en: (p) => `${s(p.file)} is not a usable export schema: ${SCHEMA_REASON[s(p.reason)]?.en ?? s(p.reason)}${p.detail ? ` (${REASON[s(p.detail)]?.en ?? s(p.detail)})` : ''}.`,
    fr: (p) => `${s(p.file)} n’est pas un schéma d’export utilisable\u00a0: ${SCHEMA_REASON[s(p.reason)]?.fr ?? s(p.reason)}${p.detail ? ` (${REASON[s(p.detail)]?.fr ?? s(p.detail)})` : ''}.`,
    hint: {
      en: () => 'Provide the JSON Schema (draft-07, 2019-09 or 2020-12) that the export records follow; it must compile on its own (no remote $ref).',
      fr: () => "Fournissez le JSON Schema (draft-07, 2019-09 ou 2020-12) que suivent les enregistrements de l’export ; il doit se compiler seul (pas de $ref distant).",
    },
  },
  'export.schema.violation': {
    en: (p) => `${s(p.file)}, ${place(p, 'en')}: ${keyword(p, 'en')}.`,
    fr: (p) => `${s(p.file)}, ${place(p, 'fr')}\u00a0: ${keyword(p, 'fr')}.`,
    hint: {
      en: () => 'The export must follow the schema the manufacturer publishes for it: fix the export or the schema.',
      fr: () => "L’export doit suivre le schéma que le fabricant publie\u00a0: corrigez l’export ou le schéma.",
    },
  },
  'export.schema.violations-more': {
    en: (p) => `${plural(Number(p.count), 'en', 'more schema violation is', 'more schema violations are')} not listed (${plural(Number(p.records), 'en', 'invalid record')} in all).`,
    fr: (p) => `${plural(Number(p.count), 'fr', 'autre écart au schéma n’est pas listé', 'autres écarts au schéma ne sont pas listés')} (${plural(Number(p.records), 'fr', 'enregistrement invalide', 'enregistrements invalides')} en tout).`,
  },
  'export.schema.not-applicable': {
    en: (p) => `${s(p.file)} is ${format(p, 'en')}: the JSON Schema applies to JSON and NDJSON records only.`,
    fr: (p) => `${s(p.file)} est ${format(p, 'fr')}\u00a0: le JSON Schema ne s’applique qu’aux enregistrements JSON et NDJSON.`,
  },
  'export.schema.not-split': {
    en: (p) => `${s(p.file)}: the values at ${s(p.pattern)} were not validated: the schema shapes them with anyOf/oneOf/if/not (at ${s(p.at) || '#'}), which cannot be applied one record at a time on a document this large.`,
    fr: (p) => `${s(p.file)}\u00a0: les valeurs en ${s(p.pattern)} n’ont pas été validées\u00a0: le schéma les décrit avec anyOf/oneOf/if/not (en ${s(p.at) || '#'}), inapplicable enregistrement par enregistrement sur un document de cette taille.`,
    hint: {
      en: () => 'Describe these records through properties/items in the schema, or export them as NDJSON.',
      fr: () => 'Décrivez ces enregistrements par properties/items dans le schéma, ou exportez-les en NDJSON.',
    },
  },
  'export.schema.skeleton-skipped': {
    en: (p) => `${s(p.file)}: the outer structure of the document (what is not a record) ${(SKELETON_SKIPPED[s(p.why)] ?? SKELETON_SKIPPED.size!).en} and was not validated against the schema; only its records were.`,
    fr: (p) => `${s(p.file)}\u00a0: la structure englobante du document (ce qui n’est pas un enregistrement) ${(SKELETON_SKIPPED[s(p.why)] ?? SKELETON_SKIPPED.size!).fr} et n’a pas été validée par le schéma ; seuls ses enregistrements l’ont été.`,
    hint: {
      en: () => 'Give a smaller sample, or describe the records in the schema (an array of items) so that they are validated one by one.',
      fr: () => 'Fournissez un échantillon plus petit, ou décrivez les enregistrements dans le schéma (un tableau d’éléments) pour qu’ils soient validés un à un.',
    },
  },
  'export.schema.format-unknown': {
    en: (p) => `${s(p.file)}: the schema asks for format "${s(p.format)}" (at ${s(p.at)}), which dmn-check does not know: values are not checked against it.`,
    fr: (p) => `${s(p.file)}\u00a0: le schéma demande le format « ${s(p.format)} » (en ${s(p.at)}), que dmn-check ne connaît pas\u00a0: les valeurs ne sont pas vérifiées au regard de ce format.`,
    hint: {
      en: () => 'Use a format of JSON Schema (date, date-time, uri, email…) or a pattern, so that the values can be checked.',
      fr: () => 'utilisez un format de JSON Schema (date, date-time, uri, email…) ou un motif (pattern), pour que les valeurs puissent être vérifiées.',
    },
  },
  'export.schema.not-verified': {
    en: () => 'The export schema could not be applied: there is no export sample.',
    fr: () => "Le schéma d’export n’a pas pu être appliqué\u00a0: il n’y a pas d’échantillon d’export.",
  },
};
