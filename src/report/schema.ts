import type { FileReport, Finding, Report, RequirementReport, SlotReport, StatementReport } from './report.js';

/**
 * The JSON Schema of report format 1, checked against the TypeScript types below (a key the types
 * require, or declare, that the schema does not — or the reverse — does not compile). Unknown keys
 * are allowed (a replay lists them as differences); what a reader relies on is required and typed.
 * `schemas/report-1.schema.json` is this schema as shipped in the package (a test keeps it equal).
 */
export const REPORT_FORMAT = 1;

const STATUSES = ['satisfied', 'not_applicable', 'missing', 'failed', 'error'] as const;
const hex64 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;

const fileReport = {
  type: 'object',
  required: ['path', 'sha256', 'bytes', 'kind'],
  properties: {
    path: { type: 'string', minLength: 1 },
    sha256: { anyOf: [hex64, { type: 'null' }] },
    bytes: { type: ['integer', 'null'], minimum: 0 },
    kind: nullableStr,
    expectedSha256: str,
  },
} as const;

const finding = {
  type: 'object',
  required: ['code', 'severity', 'message'],
  properties: {
    code: { type: 'string', minLength: 1 },
    severity: { enum: ['error', 'warning', 'info'] },
    status: { enum: ['missing', 'failed', 'error'] },
    message: str,
    hint: str,
    params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
    slot: str,
    file: str,
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    record: { type: 'integer', minimum: 1 },
    pointer: str,
  },
} as const;

const slot = {
  type: 'object',
  required: ['name', 'required', 'status', 'files'],
  properties: { name: { type: 'string', minLength: 1 }, required: { type: 'boolean' }, status: { enum: STATUSES }, files: { type: 'array', items: fileReport } },
} as const;

const statement = {
  type: 'object',
  required: ['justification', 'signatory', 'signedOn', 'expiresOn', 'document', 'valid'],
  properties: {
    justification: str,
    signatory: { type: 'object', required: ['name', 'role'], properties: { name: str, role: str } },
    signedOn: str,
    expiresOn: nullableStr,
    document: { anyOf: [{ type: 'null' }, fileReport] },
    valid: { type: 'boolean' },
  },
} as const;

const requirement = {
  type: 'object',
  required: ['id', 'title', 'status', 'findings', 'slots', 'statement'],
  properties: {
    id: { type: 'string', minLength: 1 },
    title: str,
    status: { enum: STATUSES },
    notApplicableReasons: { type: 'array', items: str },
    findings: { type: 'array', items: finding },
    slots: { type: 'array', items: slot },
    statement: { anyOf: [{ type: 'null' }, statement] },
  },
} as const;

export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'dmn-check report, format 1',
  type: 'object',
  required: ['report', 'tool', 'ruleset', 'manifest', 'product', 'facts', 'asOf', 'generatedAt', 'lang', 'verdict', 'summary', 'findings', 'requirements'],
  properties: {
    report: { const: REPORT_FORMAT },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: str, version: str } },
    ruleset: { type: 'object', required: ['id', 'version', 'sha256'], properties: { id: { type: 'string', minLength: 1 }, version: str, sha256: hex64 } },
    manifest: {
      type: 'object',
      required: ['path', 'sha256'],
      properties: { path: { type: 'string', minLength: 1 }, sha256: hex64, dossier: { type: 'string', minLength: 1 }, file: { type: 'string', minLength: 1 } },
      dependencies: { dossier: ['file'], file: ['dossier'] },
    },
    product: { type: 'object', required: ['name', 'version', 'manufacturer'], properties: { name: str, version: str, manufacturer: str } },
    facts: { type: 'object', additionalProperties: { type: ['string', 'boolean', 'number'] } },
    asOf: { type: 'string', format: 'date' },
    generatedAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' },
    lang: { enum: ['en', 'fr'] },
    read: { type: 'boolean', nullable: true },
    verdict: { enum: ['pass', 'fail'] },
    summary: {
      type: 'object',
      required: STATUSES,
      properties: { satisfied: { type: 'integer', minimum: 0 }, not_applicable: { type: 'integer', minimum: 0 }, missing: { type: 'integer', minimum: 0 }, failed: { type: 'integer', minimum: 0 }, error: { type: 'integer', minimum: 0 } },
    },
    findings: { type: 'array', items: finding },
    requirements: { type: 'array', items: requirement },
  },
} as const;

// Compile-time agreement between the schema and the types: required keys and declared keys.
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<T, S extends { required: readonly string[]; properties: object }> = Same<S['required'][number], RequiredKeys<T>> extends true
  ? Same<keyof S['properties'], keyof T>
  : false;
const agreement: [
  Agrees<Report, typeof REPORT_SCHEMA>,
  Agrees<RequirementReport, typeof requirement>,
  Agrees<SlotReport, typeof slot>,
  Agrees<StatementReport, typeof statement>,
  Agrees<FileReport, typeof fileReport>,
  Agrees<Finding, typeof finding>,
] = [true, true, true, true, true, true];
void agreement;
