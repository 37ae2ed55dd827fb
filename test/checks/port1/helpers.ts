import { createMemo } from '../../../src/checks/memo.js';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportDictionary } from '../../../src/checks/port1/export-dictionary.js';
import { exportSample } from '../../../src/checks/port1/export-sample.js';
import { exportSchema } from '../../../src/checks/port1/export-schema.js';
import type { CheckContext, CheckResult } from '../../../src/checks/types.js';
import type { RawFinding } from '../../../src/report/report.js';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';
import { word } from '../../support/word.js';

export const FIXTURES = realpathSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/exports'));

export async function open(rel: string, root = FIXTURES): Promise<EvidenceFile> {
  const r = await openEvidenceFile(root, rel);
  if (!r.ok) throw new Error(`cannot open ${rel}: ${r.reason}`);
  return r.file;
}

export interface Port1Files {
  sample: string[];
  dictionary?: string;
  schema?: string;
}

export interface Port1Results {
  sample: CheckResult;
  dictionary: CheckResult | undefined;
  schema: CheckResult | undefined;
  files: Record<'sample' | 'dictionary' | 'schema', EvidenceFile[]>;
}

function context<O>(slot: string, files: EvidenceFile[], others: Map<string, EvidenceFile[]>, options: O, shared = createMemo()): CheckContext<O> {
  const siblings = new Map([...others].filter(([name, f]) => name !== slot && f.length > 0));
  return { requirement: 'PORT 1', slot, files, options, facts: {}, asOf: '2026-11-29', provided: new Set(), others: siblings, shared };
}

/** Runs the three PORT 1 export checks as the engine does: one per slot that holds files, siblings in `others`. */
export async function runPort1(set: Port1Files, root = FIXTURES): Promise<Port1Results> {
  const files = {
    sample: await Promise.all(set.sample.map((f) => open(f, root))),
    dictionary: set.dictionary ? [await open(set.dictionary, root)] : [],
    schema: set.schema ? [await open(set.schema, root)] : [],
  };
  const others = new Map([
    ['export-sample', files.sample],
    ['export-dictionary', files.dictionary],
    ['export-schema', files.schema],
  ]);
  const shared = createMemo(); // one evaluation: the three checks share one read of the export
  const sample = files.sample.length ? await exportSample.run(context('export-sample', files.sample, others, {}, shared)) : { findings: [] };
  const dictionary = files.dictionary.length ? await exportDictionary.run(context('export-dictionary', files.dictionary, others, {}, shared)) : undefined;
  const schema = files.schema.length ? await exportSchema.run(context('export-schema', files.schema, others, {}, shared)) : undefined;
  return { sample, dictionary, schema, files };
}

/** The status a slot gets from its findings (the engine's rule: any error-severity finding fails it). */
export function status(r: CheckResult | undefined): 'satisfied' | 'failed' | 'absent' {
  if (!r) return 'absent';
  return r.findings.some((f) => f.severity === 'error') ? 'failed' : 'satisfied';
}

export function codes(r: CheckResult | undefined, severity?: RawFinding['severity']): string[] {
  return (r?.findings ?? []).filter((f) => !severity || f.severity === severity).map((f) => f.code);
}

/** Every finding worded in both languages (fails on an unknown code); the messages, for privacy checks. */
export function messages(r: CheckResult | undefined): string[] {
  const out: string[] = [];
  for (const f of r?.findings ?? []) {
    for (const lang of ['en', 'fr'] as const) {
      const params = { ...f.params, slot: f.slot, file: f.file ?? (f.params?.file as string | undefined) };
      const w = word(f.code, params, lang);
      if (w.message.startsWith(f.code)) throw new Error(`no wording for ${f.code}`);
      out.push(w.message, w.hint ?? '');
    }
  }
  return out;
}
