// The words the PORT 1 catalogues share: places in an export, formats, reasons, schema keywords.
import { plural } from '../../i18n/format.js';
import { s, type Lang, type ParamsIn } from '../../i18n/types.js';
import type { Localized } from '../../report/report.js';

/**
 * Where the data dictionary's format is described: the page shipped in the package (docs/), served
 * from the npm registry's files, so a hint read in CI logs is a link, not a path in someone's clone.
 */
export const DICTIONARY_DOC = 'https://unpkg.com/dmn-check/docs/data-dictionary.md';

/** `record 12, line 14, /code/coding/0` in the message's language, from whatever place params are set. */
export function place(p: ParamsIn<'record' | 'line' | 'column' | 'pointer'>, lang: Lang): string {
  const parts: string[] = [];
  if (p.record !== undefined) parts.push(`${lang === 'fr' ? 'enregistrement' : 'record'} ${s(p.record)}`);
  if (p.line !== undefined) parts.push(`${lang === 'fr' ? 'ligne' : 'line'} ${s(p.line)}${p.column !== undefined ? `:${s(p.column)}` : ''}`);
  if (p.pointer !== undefined && p.pointer !== '') parts.push(s(p.pointer));
  if (parts.length === 0) return lang === 'fr' ? 'la racine' : 'the root';
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

export function format(p: ParamsIn<'format' | 'delimiter'>, lang: Lang): string {
  const f = FORMAT[s(p.format)]?.[lang] ?? s(p.format);
  if (p.format === 'csv' && p.delimiter !== undefined) {
    const d = p.delimiter === '\t' ? (lang === 'fr' ? 'tabulation' : 'tab') : `"${s(p.delimiter)}"`;
    return lang === 'fr' ? `${f} (séparateur ${d})` : `${f} (delimiter ${d})`;
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

export function keyword(p: ParamsIn<'expected' | 'keyword' | 'property'>, lang: Lang): string {
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
