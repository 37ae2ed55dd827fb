/**
 * What the analysis of an export sample is made of (formats, refusals, per-file results) and the
 * first step of it: which format each file is read as, or why it is refused, from its head alone.
 */
import type { EvidenceFile } from '../../../evidence/evidence-file.js';
import { type CsvReason } from '../../../evidence/formats/csv.js';
import { type DictionaryLoad } from './dictionary.js';
import { type Skeleton } from '../../../evidence/formats/json/splitter.js';
import type { JsonSyntaxReason } from '../../../evidence/formats/json/syntax.js';
import { type LeafPath } from './paths.js';
import { type SchemaLoad } from './schema-load.js';
import { type Violation } from './schema-validators.js';
import { firstInvalidUtf8 } from '../../../diagnostics/utf8.js';
import { type XmlReason } from '../../../evidence/formats/xml.js';

/** Export formats dmn-check reads. */
export type ExportFormat = 'json' | 'fhir-json' | 'ndjson' | 'fhir-ndjson' | 'csv' | 'xml';

/** Why a file of the export sample is not an export at all. */
export type Refusal =
  | { code: 'export.empty' }
  | { code: 'export.database-dump'; dump: 'sql' | 'sqlite' | 'pg-dump' }
  | { code: 'export.binary' }
  | { code: 'export.not-export'; kind: string };

/** A place where a file of the export stops being readable. */
export interface ReadProblem {
  line: number;
  column?: number;
  record?: number;
  /** JSON pointer (documents) or element path (XML), masked. */
  pointer?: string;
  reason: JsonSyntaxReason | CsvReason | XmlReason;
  expected?: number;
  got?: number;
}

/** What one read of one export file found. */
export interface FileAnalysis {
  file: EvidenceFile;
  /** How the file was read; absent when it was refused. */
  format?: ExportFormat;
  refusal?: Refusal;
  /** Records: NDJSON lines, CSV data rows, XML elements, pieces of a JSON document. */
  records: number;
  /** True when the file was read to its end without a problem. */
  complete: boolean;
  /** First read problems, in file order. */
  problems: ReadProblem[];
  problemCount: number;
  /** CSV only: the header and which columns hold a value somewhere. */
  csv?: { delimiter: string; columns: string[]; nonEmpty: boolean[]; duplicateColumns: string[] };
  /** JSON and XML: places found non-empty (collected only when a dictionary is to be checked). */
  leaves: LeafPath[];
  pathsTruncated: boolean;
  /** True when the records were validated against the manufacturer's schema. */
  validated: boolean;
  violations: Violation[];
  violationCount: number;
  invalidRecords: number;
  /** Patterns whose records could not be validated (schema not splittable there), with the schema place. */
  unsplittable: { pattern: string; at: string }[];
  /** Why the outer structure of a large document could not be validated (see Skeleton.truncatedBy); false when it was. */
  skeletonSkipped: false | NonNullable<Skeleton['truncatedBy']>;
  /** Worker threads that processed its records at the end (JSON and NDJSON; 0 on the reading thread alone). */
  workers?: number;
}

export interface ExportAnalysis {
  files: FileAnalysis[];
  dictionary: DictionaryLoad | undefined;
  schema: SchemaLoad | undefined;
}

export interface AnalysisInput {
  /** The export sample's files. */
  sample: readonly EvidenceFile[];
  dictionary?: EvidenceFile;
  schema?: EvidenceFile;
  /** Worker threads for a large JSON file; default: one per core but the reading thread's, at most 4. */
  workers?: number;
  /** Compiled worker module (tests point it at dist/). */
  workerUrl?: URL;
}

/** True when a head that is not valid UTF-8 still looks like text with a few bad bytes (a bad export, not a blob). */
function looksLikeBrokenText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  let bad = 0;
  for (let i = firstInvalidUtf8(head, 0, head.length, true); i >= 0; i = firstInvalidUtf8(head, i + 1, head.length, true)) {
    if (++bad > Math.max(4, head.length / 100)) return false;
  }
  return true;
}

function extension(path: string): string {
  const base = path.split('/').pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** How a file will be read, from its sniffed kind; or why it is not an export. */
export function planFile(file: EvidenceFile): { format: ExportFormat } | { refusal: Refusal } {
  if (file.bytes === 0 || file.kind === 'empty') return { refusal: { code: 'export.empty' } };
  switch (file.kind) {
    case 'json':
    case 'fhir-json':
    case 'ndjson':
    case 'fhir-ndjson':
    case 'csv':
    case 'xml':
      return { format: file.kind };
    case 'sql-dump':
      return { refusal: { code: 'export.database-dump', dump: 'sql' } };
    case 'sqlite':
      return { refusal: { code: 'export.database-dump', dump: 'sqlite' } };
    case 'pg-dump-custom':
      return { refusal: { code: 'export.database-dump', dump: 'pg-dump' } };
    case 'binary': {
      if (!looksLikeBrokenText(file.head)) return { refusal: { code: 'export.binary' } };
      // Text with invalid UTF-8: read it as what it looks like, so the bad byte is named with its line.
      const start = file.head.subarray(file.head[0] === 0xef ? 3 : 0).toString('latin1').trimStart();
      const ext = extension(file.path);
      if (start.startsWith('<')) return { format: 'xml' };
      if (start.startsWith('{') || start.startsWith('[')) return { format: ext === 'ndjson' || ext === 'jsonl' ? 'ndjson' : 'json' };
      if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return { format: 'csv' };
      return { refusal: { code: 'export.binary' } };
    }
    default:
      return { refusal: { code: 'export.not-export', kind: file.mime } };
  }
}

export function emptyAnalysis(file: EvidenceFile): FileAnalysis {
  return {
    file,
    records: 0,
    complete: false,
    problems: [],
    problemCount: 0,
    leaves: [],
    pathsTruncated: false,
    validated: false,
    violations: [],
    violationCount: 0,
    invalidRecords: 0,
    unsplittable: [],
    skeletonSkipped: false,
  };
}
