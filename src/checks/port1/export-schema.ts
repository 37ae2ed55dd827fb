import type { BuiltinFinding } from '../codes.js';

import { exportEvidence, SIBLING_SCHEMA, type SiblingOptions } from './analysis/slots.js';
import { defineBuiltinCheck } from '../codes.js';
import { PORT1_MESSAGES } from './port1-messages.js';

/** Violations listed in detail (the analysis keeps no more); the rest are counted. */
const MAX_LISTED = 20;

/**
 * PORT 1 export schema: the manufacturer's JSON Schema compiles, and every JSON/NDJSON record of
 * the export sample follows it. Findings name the file, record, line and JSON pointer, never the
 * value; the first 20 are listed and the rest counted.
 */
export const exportSchema = defineBuiltinCheck<SiblingOptions>({
  name: 'export-schema',
  messages: PORT1_MESSAGES,
  description: "Every JSON and NDJSON record of the export sample follows the manufacturer's JSON Schema (compiled once; a schema that does not compile fails the slot).",
  descriptionFr: 'Chaque enregistrement JSON et NDJSON de l’échantillon d’export respecte le schéma JSON du fabricant (compilé une fois ; un schéma qui ne compile pas fait échouer l’emplacement).',
  schema: SIBLING_SCHEMA,
  async run(ctx) {
    const { slot } = ctx;
    const { analysis, sample } = await exportEvidence(ctx, 'schema');
    const file = ctx.files[0]!.path;
    const load = analysis.schema!;
    const findings: BuiltinFinding[] = [];
    if (!load.ok) {
      findings.push({
        code: 'export.schema.invalid',
        severity: 'error',
        slot,
        file,
        ...(load.line !== undefined ? { line: load.line } : {}),
        ...(load.column !== undefined ? { column: load.column } : {}),
        params: { file, reason: load.reason, ...(load.detail !== undefined ? { detail: load.detail } : {}) },
      });
      return { findings };
    }
    for (const u of load.validators.unknownFormats()) {
      findings.push({ code: 'export.schema.format-unknown', severity: 'warning', slot, file, pointer: u.at.replace(/^#/, ''), params: { file, format: u.format, at: u.at } });
    }
    if (sample.length === 0) {
      findings.push({ code: 'export.schema.not-verified', severity: 'warning', slot, file });
      return { findings };
    }
    let listed = 0;
    let total = 0;
    let records = 0;
    for (const fa of analysis.files) {
      const path = fa.file.path;
      if (fa.format === 'csv' || fa.format === 'xml') {
        findings.push({ code: 'export.schema.not-applicable', severity: 'info', slot, file: path, params: { file: path, format: fa.format } });
        continue;
      }
      if (!fa.validated) continue;
      for (const u of fa.unsplittable) {
        findings.push({ code: 'export.schema.not-split', severity: 'warning', slot, file: path, pointer: u.pattern, params: { file: path, pattern: u.pattern, at: u.at } });
      }
      // What the schema says of the outer structure was not checked: the export cannot be called conformant.
      if (fa.skeletonSkipped) findings.push({ code: 'export.schema.skeleton-skipped', severity: 'error', status: 'error', slot, file: path, params: { file: path, why: fa.skeletonSkipped } });
      for (const v of fa.violations) {
        if (listed >= MAX_LISTED) break;
        listed++;
        findings.push({
          code: 'export.schema.violation',
          severity: 'error',
          slot,
          file: path,
          pointer: v.pointer,
          ...(v.line !== undefined ? { line: v.line } : {}),
          ...(v.record !== undefined ? { record: v.record } : {}),
          params: {
            file: path,
            pointer: v.pointer,
            keyword: v.keyword,
            ...v.params,
            ...(v.line !== undefined ? { line: v.line } : {}),
            ...(v.record !== undefined ? { record: v.record } : {}),
          },
        });
      }
      total += fa.violationCount;
      records += fa.invalidRecords;
    }
    if (total > listed) findings.push({ code: 'export.schema.violations-more', severity: 'info', slot, params: { count: total - listed, records } });
    return { findings };
  },
});
