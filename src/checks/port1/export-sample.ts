import type { BuiltinFinding } from '../codes.js';

import type { FileAnalysis, ReadProblem } from './analysis/analyse.js';
import { exportEvidence, SIBLING_SCHEMA, type SiblingOptions } from './analysis/slots.js';
import { defineBuiltinCheck } from '../codes.js';
import { PORT1_MESSAGES } from './port1-messages.js';

/** Findings kept per file; the rest are counted. */
const MAX_PER_FILE = 20;

/** The place of a problem, as message parameters. */
function place(p: ReadProblem): Record<string, string | number> {
  const out: Record<string, string | number> = { line: p.line };
  if (p.column !== undefined) out.column = p.column;
  if (p.record !== undefined) out.record = p.record;
  if (p.pointer !== undefined) out.pointer = p.pointer;
  return out;
}

function problemFinding(fa: FileAnalysis, p: ReadProblem, slot: string): BuiltinFinding {
  const at = place(p);
  const file = fa.file.path;
  const where = { slot, file, line: p.line, ...(p.column !== undefined ? { column: p.column } : {}), ...(p.record !== undefined ? { record: p.record } : {}), ...(p.pointer !== undefined ? { pointer: p.pointer } : {}) };
  if (p.reason === 'encoding') return { code: 'export.encoding', severity: 'error', ...where, params: { file, ...at } };
  if (p.reason === 'ragged') return { code: 'export.csv-ragged', severity: 'error', ...where, params: { file, ...at, expected: p.expected ?? 0, got: p.got ?? 0 } };
  if (p.reason === 'no-header') return { code: 'export.csv-no-header', severity: 'error', slot, file, params: { file } };
  const params: Record<string, string | number> = { file, ...at, format: fa.format ?? '', reason: p.reason };
  if (fa.csv) params.delimiter = fa.csv.delimiter;
  return { code: 'export.syntax', severity: 'error', ...where, params };
}

/**
 * PORT 1 export sample: every file is a real export (JSON, NDJSON, CSV, XML, FHIR), readable to its
 * end; database dumps and binary blobs are refused with the FAQ's reason. Reads each file once,
 * streaming, whatever its size; the same pass serves the dictionary and schema checks.
 */
export const exportSample = defineBuiltinCheck<SiblingOptions>({
  name: 'export-sample',
  messages: PORT1_MESSAGES,
  description: 'Export files are JSON, NDJSON, CSV, XML or FHIR, read to their end (streaming); database dumps and binary files are refused.',
  descriptionFr: 'Les fichiers d’export sont en JSON, NDJSON, CSV, XML ou FHIR, lus jusqu’au bout (en flux) ; les extractions brutes de base de données et les fichiers binaires sont refusés.',
  schema: SIBLING_SCHEMA,
  async run(ctx) {
    const { slot } = ctx;
    const { analysis, dictionary } = await exportEvidence(ctx, 'sample');
    const findings: BuiltinFinding[] = [];
    for (const fa of analysis.files) {
      const file = fa.file.path;
      if (fa.refusal) {
        const { code, ...rest } = fa.refusal;
        findings.push({ code, severity: 'error', slot, file, params: { file, ...rest } });
        continue;
      }
      const format = fa.format!;
      const params: Record<string, string | number> = { file, format };
      if (format !== 'json' && format !== 'fhir-json') params.records = fa.records;
      if (fa.csv) params.delimiter = fa.csv.delimiter;
      findings.push({ code: 'export.format', severity: 'info', slot, file, params });
      for (const p of fa.problems.slice(0, MAX_PER_FILE)) findings.push(problemFinding(fa, p, slot));
      const shown = Math.min(fa.problems.length, MAX_PER_FILE);
      if (fa.problemCount > shown) findings.push({ code: 'export.problems-more', severity: 'info', slot, file, params: { file, count: fa.problemCount - shown } });
      for (const column of fa.csv?.duplicateColumns ?? []) {
        findings.push({ code: 'export.csv-duplicate-column', severity: 'warning', slot, file, line: 1, params: { file, column } });
      }
      if (fa.complete && fa.records === 0 && format !== 'json' && format !== 'fhir-json') {
        findings.push({ code: 'export.no-records', severity: 'error', slot, file, params: { file } });
      }
    }
    if (!dictionary) findings.push({ code: 'export.locations-not-verified', severity: 'warning', slot });
    return { findings };
  },
});
