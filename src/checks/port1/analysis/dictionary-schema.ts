/** Data categories a dictionary item may belong to. PORT 1 asks for `health_data` and `correspondents`. */
export const CATEGORIES = ['health_data', 'correspondents', 'identity', 'administrative', 'documents', 'technical'] as const;

export type Category = (typeof CATEGORIES)[number];

/** Where a data item sits in the export: exactly one of `pointer`, `column`, `xpath`. */
export interface DictionaryLocation {
  /** Export file the item is in: its path in the dossier, its name, or a name with `*` / `?`. Any file when absent. */
  file?: string;
  /** JSON pointer pattern from the document root, or from each record for NDJSON (`/patients/*\/measures/*\/value`). */
  pointer?: string;
  /** With `pointer`: the pointer is relative to each FHIR resource of this type (`Observation`). */
  resource_type?: string;
  /** CSV column name, as written in the header row. */
  column?: string;
  /** XPath-like path of an element or attribute (`/export/patient/@id`, `//measure/value`). */
  xpath?: string;
}

/** One data item of the export. */
export interface DictionaryItem {
  /** Unique name of the item. */
  name: string;
  /** What the item holds, for a third party reusing the export. */
  description: string;
  category: Category;
  /** Where it sits; a list when the item appears in several places or files. */
  location: DictionaryLocation | DictionaryLocation[];
  /** Value type, free text (`decimal`, `date`, `code`…). */
  type?: string;
  /** Unit of measure (UCUM). */
  unit?: string;
  /** Terminology code of the item (`LOINC 29463-7`). */
  code?: string;
}

/** A machine-readable data dictionary of a portability export (format 1). */
export interface DataDictionary {
  'dmn-data-dictionary': 1;
  /** Name of the export it documents. */
  title?: string;
  items: DictionaryItem[];
}

const locationProperties = {
  file: { type: 'string', minLength: 1 },
  pointer: { type: 'string', pattern: '^(/.*)?$' },
  resource_type: { type: 'string', pattern: '^[A-Z][A-Za-z]+$' },
  column: { type: 'string', minLength: 1 },
  xpath: { type: 'string', pattern: '^/' },
} as const;

/**
 * JSON Schema (draft-07) of a data dictionary, format 1. Also published in docs/data-dictionary.md.
 * Keys starting with `x-` are free for the manufacturer's own annotations.
 */
export const DICTIONARY_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:dmn-check:data-dictionary:1',
  title: 'dmn-check data dictionary of a portability export (PORT 1)',
  type: 'object',
  required: ['dmn-data-dictionary', 'items'],
  additionalProperties: false,
  patternProperties: { '^x-': {} },
  properties: {
    'dmn-data-dictionary': { const: 1 },
    title: { type: 'string' },
    items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'description', 'category', 'location'],
        additionalProperties: false,
        patternProperties: { '^x-': {} },
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          description: { type: 'string', minLength: 3 },
          category: { enum: [...CATEGORIES] },
          location: {
            // One location, or a list of them: object keywords apply to the first form, array keywords to the second.
            type: ['object', 'array'],
            minItems: 1,
            items: { $ref: '#/definitions/location' },
            minProperties: 1,
            additionalProperties: false,
            properties: locationProperties,
          },
          type: { type: 'string' },
          unit: { type: 'string' },
          code: { type: 'string' },
        },
      },
    },
  },
  definitions: {
    location: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: locationProperties,
    },
  },
} as const;
