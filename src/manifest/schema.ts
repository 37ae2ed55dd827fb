/**
 * JSON Schema of the evidence manifest (`dmn-evidence.yaml`, format 1). Structure only: what the
 * ruleset allows (facts, requirement ids, slot names) is checked afterwards, with "did you mean".
 * Statement fields are optional here on purpose: an incomplete statement is a `failed` finding,
 * not an unusable manifest.
 */
const fileRef = {
  type: 'object',
  required: ['path'],
  additionalProperties: false,
  properties: {
    path: { type: 'string', minLength: 1 },
    sha256: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' },
  },
} as const;

const fhirRef = {
  type: 'object',
  required: ['fhir'],
  additionalProperties: false,
  properties: {
    fhir: { type: 'string', minLength: 1 },
    token_env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    max_resources: { type: 'integer', minimum: 1, maximum: 1000000 },
  },
} as const;

const evidenceItem = { 'x-kind': 'evidenceRef', oneOf: [{ type: 'string', minLength: 1 }, fileRef, fhirRef] } as const;

export const manifestSchema = {
  $id: 'https://dmn-check.invalid/schemas/manifest-1.json',
  type: 'object',
  required: ['dmn-evidence', 'product'],
  additionalProperties: false,
  $defs: {
    evidenceItem,
    evidenceRef: {
      'x-kind': 'evidenceRef',
      oneOf: [
        { type: 'string', minLength: 1 },
        fileRef,
        fhirRef,
        // Written out, not a $ref: ajv inlines a ref-free definition, and a called one merges its
        // errors by copying the whole error list each time (quadratic on 20,000 bad entries).
        { type: 'array', minItems: 1, items: evidenceItem },
      ],
    },
  },
  properties: {
    'dmn-evidence': { const: 1 },
    product: {
      type: 'object',
      required: ['name', 'version', 'manufacturer'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1 },
        version: { type: 'string', minLength: 1 },
        manufacturer: { type: 'string', minLength: 1 },
      },
    },
    ruleset: { type: 'string', pattern: '^[a-z][a-z0-9-]*@[\\w.-]+$' },
    facts: { type: ['object', 'null'], additionalProperties: { type: ['boolean', 'string', 'number'] } },
    evidence: {
      type: ['object', 'null'],
      additionalProperties: { type: 'object', additionalProperties: { $ref: '#/$defs/evidenceRef' } },
    },
    statements: {
      type: ['object', 'null'],
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          justification: { type: 'string' },
          signatory: {
            type: 'object',
            additionalProperties: false,
            properties: { name: { type: 'string' }, role: { type: 'string' } },
          },
          signed_on: { type: 'string', format: 'date' },
          expires_on: { type: 'string', format: 'date' },
          document: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;
