// The words the PORT 1 catalogues share: places in an export, formats, reasons, schema keywords.
import { plural } from '../../i18n/format.js';
import { s, type Lang, type ParamsIn } from '../../i18n/types.js';
import type { Localized } from '../../report/report.js';

/**
 * Where the data dictionary's format is described: the page shipped in the package (docs/), served
 * from the npm registry's files, so a hint read in CI logs is a link, not a path in someone's clone.
 */
export const DICTIONARY_DOC = 'https://unpkg.com/dmn-check/docs/data-dictionary.md';

const PLACE_WORDS: Record<Lang, { record: string; line: string; root: string }> = {
  en: { record: 'record', line: 'line', root: 'the root' },
  fr: { record: 'enregistrement', line: 'ligne', root: 'la racine' },
};

/** `record 12, line 14, /code/coding/0` in the message's language, from whatever place params are set. */
export function place(p: ParamsIn<'record' | 'line' | 'column' | 'pointer'>, lang: Lang): string {
  const w = PLACE_WORDS[lang];
  const parts: string[] = [];
  if (p.record !== undefined) parts.push(`${w.record} ${s(p.record)}`);
  if (p.line !== undefined) parts.push(`${w.line} ${s(p.line)}${p.column !== undefined ? `:${s(p.column)}` : ''}`);
  if (p.pointer !== undefined && p.pointer !== '') parts.push(s(p.pointer));
  if (parts.length === 0) return w.root;
  return parts.join(', ');
}

export const FORMAT: Record<string, Localized> = {
  json: { en: 'a JSON document', fr: 'un document JSON' },
  'fhir-json': { en: 'a FHIR JSON document (Bundle or resource)', fr: 'un document JSON FHIR (Bundle ou ressource)' },
  ndjson: { en: 'NDJSON (one JSON record per line)', fr: 'du NDJSON (un enregistrement JSON par ligne)' },
  'fhir-ndjson': { en: 'FHIR NDJSON (one resource per line)', fr: 'du NDJSON FHIR (une ressource par ligne)' },
  csv: { en: 'CSV', fr: 'du CSV' },
  xml: { en: 'XML', fr: 'du XML' },
};

const DELIMITER_WORDS: Record<Lang, { tab: string; delimited: (format: string, delimiter: string) => string }> = {
  en: { tab: 'tab', delimited: (f, d) => `${f} (delimiter ${d})` },
  fr: { tab: 'tabulation', delimited: (f, d) => `${f} (séparateur ${d})` },
};

export function format(p: ParamsIn<'format' | 'delimiter'>, lang: Lang): string {
  const f = FORMAT[s(p.format)]?.[lang] ?? s(p.format);
  if (p.format === 'csv' && p.delimiter !== undefined) {
    const w = DELIMITER_WORDS[lang];
    return w.delimited(f, p.delimiter === '\t' ? w.tab : `"${s(p.delimiter)}"`);
  }
  return f;
}

export const REASON: Record<string, Localized> = {
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
export const SKELETON_SKIPPED: Record<string, Localized> = {
  size: { en: 'is over 32 MiB', fr: 'dépasse 32 Mio' },
  wide: { en: 'has an object of more than 10,000 members', fr: 'contient un objet de plus de 10 000 membres' },
  mixed: { en: 'mixes plain values with records in one array', fr: 'mêle des valeurs simples et des enregistrements dans un même tableau' },
  'long-value': { en: 'holds a value over 8 MiB', fr: 'contient une valeur de plus de 8 Mio' },
};

export const DUMP: Record<string, Localized> = {
  sql: { en: 'an SQL database dump (mysqldump, pg_dump)', fr: 'une extraction brute (« dump ») SQL de la base de données (mysqldump, pg_dump)' },
  sqlite: { en: 'a SQLite database file', fr: 'un fichier de base de données SQLite' },
  'pg-dump': { en: 'a pg_dump custom-format archive', fr: 'une archive au format personnalisé (custom) de pg_dump' },
};

export const EXPORT_HINT = {
  en: () => 'Provide the export the product gives patients: JSON, NDJSON, CSV or XML (FHIR welcome), documented item by item.',
  fr: () => 'Fournissez l’export que le produit met à disposition\u00a0: JSON, NDJSON, CSV ou XML (FHIR bienvenu), documenté donnée par donnée.',
};

type KeywordParams = ParamsIn<'expected' | 'keyword' | 'property'>;
type Wording = Record<Lang, (p: KeywordParams, e: string) => string>;

/** What a schema keyword says a value fails, by keyword (`expected` is the keyword's own value, shown). */
const NOT_ALLOWED: Wording = { en: (p) => `property "${s(p.property)}" is not allowed by the schema`, fr: (p) => `la propriété « ${s(p.property)} » n’est pas prévue par le schéma` };
const BOUND: Wording = { en: (_, e) => `must be ${e}`, fr: (_, e) => `doit être ${e}` };

const KEYWORD: Record<string, Wording> = {
  required: { en: (p) => `required property "${s(p.property)}" is missing`, fr: (p) => `la propriété obligatoire « ${s(p.property)} » manque` },
  additionalProperties: NOT_ALLOWED,
  unevaluatedProperties: NOT_ALLOWED,
  type: { en: (_, e) => `must be of type ${e}`, fr: (_, e) => `doit être de type ${e}` },
  enum: { en: (_, e) => `must be one of ${e}`, fr: (_, e) => `doit valoir ${e}` },
  const: { en: (_, e) => `must be ${e}`, fr: (_, e) => `doit valoir ${e}` },
  pattern: { en: (_, e) => `does not match pattern ${e}`, fr: (_, e) => `ne respecte pas le motif ${e}` },
  format: { en: (_, e) => `must be a valid ${e}`, fr: (_, e) => `doit être au format ${e}` },
  minimum: BOUND,
  maximum: BOUND,
  exclusiveMinimum: BOUND,
  exclusiveMaximum: BOUND,
  minLength: { en: (_, e) => `must have at least ${e} characters`, fr: (_, e) => `doit compter au moins ${e} caractères` },
  maxLength: { en: (_, e) => `must have at most ${e} characters`, fr: (_, e) => `doit compter au plus ${e} caractères` },
  minItems: { en: (_, e) => `must have at least ${plural(Number(e), 'en', 'item')}`, fr: (_, e) => `doit contenir au moins ${plural(Number(e), 'fr', 'élément')}` },
  maxItems: { en: (_, e) => `must have at most ${plural(Number(e), 'en', 'item')}`, fr: (_, e) => `doit contenir au plus ${plural(Number(e), 'fr', 'élément')}` },
};

const OTHER_KEYWORD: Wording = { en: (p) => `fails the schema's "${s(p.keyword)}" rule`, fr: (p) => `ne respecte pas la règle « ${s(p.keyword)} » du schéma` };

export function keyword(p: KeywordParams, lang: Lang): string {
  const w = (Object.hasOwn(KEYWORD, s(p.keyword)) ? KEYWORD[s(p.keyword)] : undefined) ?? OTHER_KEYWORD;
  return w[lang](p, s(p.expected));
}

export const SCHEMA_REASON: Record<string, Localized> = {
  'too-large': { en: 'it is too large to be a schema (16 MiB at most)', fr: 'il est trop gros pour un schéma (16 Mio au plus)' },
  encoding: { en: 'it is not valid UTF-8', fr: 'ce n’est pas de l’UTF-8 valide' },
  'not-json': { en: 'it is not valid JSON', fr: 'ce n’est pas du JSON valide' },
  'unsupported-dialect': { en: 'its $schema is a dialect dmn-check cannot run (use draft-07, 2019-09 or 2020-12)', fr: 'son $schema désigne une version que dmn-check ne sait pas appliquer (utilisez draft-07, 2019-09 ou 2020-12)' },
  invalid: { en: 'it is not a valid JSON Schema', fr: 'ce n’est pas un JSON Schema valide' },
};

export const ITEM_REASON: Record<string, Localized> = {
  'no-file': { en: 'no export file matches its "file"', fr: 'aucun fichier d’export ne correspond à son « file »' },
  format: { en: 'no export file of the right format for this kind of location', fr: 'aucun fichier d’export du bon format pour ce type d’emplacement' },
  empty: { en: 'never present with a value', fr: 'jamais présent avec une valeur' },
};

export const CATEGORY: Record<string, Localized> = {
  health_data: { en: 'health data', fr: 'données de santé' },
  correspondents: { en: "correspondents' information", fr: 'informations des correspondants' },
};
