/** JSON Schema of a ruleset YAML file (format 1). Kept in one place: the loader and `rules lint` use it. */
const localized = {
  type: 'object',
  required: ['en', 'fr'],
  additionalProperties: false,
  properties: { en: { type: 'string', minLength: 1 }, fr: { type: 'string', minLength: 1 } },
} as const;

const scalar = { type: ['string', 'number', 'boolean'] } as const;

export const rulesetSchema = {
  $id: 'https://dmn-check.invalid/schemas/ruleset-1.json',
  type: 'object',
  required: ['dmn-ruleset', 'id', 'version', 'title'],
  additionalProperties: false,
  $defs: {
    localized,
    condition: {
      'x-kind': 'condition',
      type: 'object',
      minProperties: 1,
      oneOf: [
        { required: ['fact', 'is'], properties: { fact: { type: 'string' }, is: scalar }, additionalProperties: false },
        { required: ['fact', 'in'], properties: { fact: { type: 'string' }, in: { type: 'array', items: scalar, minItems: 1 } }, additionalProperties: false },
        { required: ['all'], properties: { all: { type: 'array', items: { $ref: '#/$defs/condition' }, minItems: 1 } }, additionalProperties: false },
        { required: ['any'], properties: { any: { type: 'array', items: { $ref: '#/$defs/condition' }, minItems: 1 } }, additionalProperties: false },
        { required: ['not'], properties: { not: { $ref: '#/$defs/condition' } }, additionalProperties: false },
        { required: ['slot', 'provides'], properties: { slot: { type: 'string' }, provides: { type: 'string' } }, additionalProperties: false },
      ],
    },
    checkUse: {
      'x-kind': 'checkUse',
      oneOf: [
        { type: 'string', minLength: 1 },
        {
          type: 'object',
          required: ['check'],
          additionalProperties: false,
          properties: { check: { type: 'string', minLength: 1 }, options: { type: 'object' } },
        },
      ],
    },
    slot: {
      type: 'object',
      required: ['name', 'title', 'expects', 'accepts'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
        title: { $ref: '#/$defs/localized' },
        expects: { $ref: '#/$defs/localized' },
        required: { oneOf: [{ type: 'boolean' }, { $ref: '#/$defs/condition' }] },
        accepts: { type: 'array', items: { type: 'string' }, minItems: 1 },
        multiple: { type: 'boolean' },
        checks: { type: 'array', items: { $ref: '#/$defs/checkUse' } },
        looks_for: { $ref: '#/$defs/localized' },
        proofs: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      },
    },
    inherited: {
      type: 'object',
      required: ['id', 'inherit'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z]+ ?[0-9]+$' },
        inherit: { const: true },
      },
    },
    requirement: {
      type: 'object',
      required: ['id', 'section', 'title', 'statement'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z]+ ?[0-9]+$' },
        section: { type: 'string', minLength: 1 },
        profile: { type: 'string' },
        mandatory_since: { type: 'string', format: 'date' },
        title: { $ref: '#/$defs/localized' },
        statement: { $ref: '#/$defs/localized' },
        scenarios: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'title'],
            additionalProperties: false,
            properties: {
              id: { type: 'string', pattern: '^[A-Za-z]+ ?[0-9]+\\.[0-9]+$' },
              title: { $ref: '#/$defs/localized' },
              profile: { type: 'string', minLength: 1 },
              statement: { $ref: '#/$defs/localized' },
              applies_when: { $ref: '#/$defs/condition' },
              proofs: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'text'],
                  additionalProperties: false,
                  properties: { id: { type: 'string' }, text: { $ref: '#/$defs/localized' } },
                },
              },
            },
          },
        },
        not_applicable_when: {
          type: 'array',
          items: {
            type: 'object',
            required: ['when', 'reason'],
            additionalProperties: false,
            properties: { when: { $ref: '#/$defs/condition' }, reason: { $ref: '#/$defs/localized' } },
          },
        },
        slots: { type: 'array', items: { $ref: '#/$defs/slot' } },
        clarifications: {
          type: 'array',
          items: {
            type: 'object',
            required: ['source', 'text'],
            additionalProperties: false,
            properties: { source: { type: 'string' }, text: { $ref: '#/$defs/localized' } },
          },
        },
        examples: {
          type: 'array',
          items: {
            type: 'object',
            required: ['title', 'language', 'text'],
            additionalProperties: false,
            properties: { title: { $ref: '#/$defs/localized' }, language: { type: 'string' }, text: { type: 'string' } },
          },
        },
      },
    },
  },
  properties: {
    'dmn-ruleset': { const: 1 },
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', minLength: 1 },
    title: { $ref: '#/$defs/localized' },
    extends: { type: 'string', minLength: 1 },
    sections: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9-]*$' },
      additionalProperties: {
        type: 'object',
        required: ['title'],
        additionalProperties: false,
        properties: { grid_id: { type: 'string', minLength: 1 }, title: { $ref: '#/$defs/localized' } },
      },
    },
    facts: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
      additionalProperties: {
        type: 'object',
        required: ['type', 'question'],
        additionalProperties: false,
        properties: {
          type: { enum: ['boolean', 'number', 'string', 'enum'] },
          question: { $ref: '#/$defs/localized' },
          values: {
            type: 'object',
            minProperties: 1,
            additionalProperties: { $ref: '#/$defs/localized' },
          },
        },
      },
    },
    requirements: {
      type: 'array',
      items: { if: { type: 'object', required: ['inherit'] }, then: { $ref: '#/$defs/inherited' }, else: { $ref: '#/$defs/requirement' } },
    },
  },
} as const;
