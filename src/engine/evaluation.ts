import type { BuiltinFinding } from '../checks/codes.js';
import type { RawFinding } from '../report/report.js';
import type { CheckContext } from '../checks/types.js';
import type { CheckRegistry } from '../checks/registry.js';
import { placeOf, type SourcePosition } from '../diagnostics/user-input-error.js';
import type { EvidenceReader } from '../evidence/read/reader.js';
import type { OpenResult } from '../evidence/evidence-file.js';
import type { EvidenceRef, Manifest } from '../manifest/types.js';
import type { CheckUse, RequirementDef, Ruleset } from '../ruleset/types.js';
import type { Status } from '../report/report.js';
import type { OnProgress } from '../util/progress.js';

// What one evaluation carries, and the pieces the requirement, slot and statement parts share.

/** Everything the engine needs; it reads no clock, no environment and no console. */
export interface EvaluateInput {
  ruleset: Ruleset;
  manifest: Manifest;
  /** The opened evidence of every reference in the manifest (files and statement documents). */
  opened: ReadonlyMap<EvidenceRef, OpenResult>;
  registry: CheckRegistry;
  /** `YYYY-MM-DD`. */
  asOf: string;
  tool: { name: string; version: string };
  /** ISO timestamp to stamp the report with. */
  generatedAt: string;
  /**
   * Read what evidence shows (OCR of screenshots, document text). Default true; false is the fast
   * structural check (`--no-read`). The report records it.
   */
  read?: boolean;
  /** The reader to use (tests, benches); by default the engine makes one and closes it at the end. */
  reader?: EvidenceReader;
  /** Told as each requirement starts and each file is read. */
  onProgress?: OnProgress;
}

/** One evaluation's state: its inputs and its memo. */
export interface Evaluation extends Omit<EvaluateInput, 'reader'> {
  shared: <T>(key: string, compute: () => T) => T;
  reader: EvidenceReader | undefined;
}

export const STATUS_OF_SEVERITY = (f: RawFinding): Status | undefined => f.status ?? (f.severity === 'error' ? 'failed' : undefined);

/** Where a finding sits in the manifest: file, start and (when known) end. */
export type Place = Pick<RawFinding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>;

/** The place of a requirement's entry in the manifest (its file when the requirement is not there). */
export function manifestPos(input: Evaluation, req: RequirementDef): Place {
  const p = input.manifest.requirementPositions.get(req.id);
  return p ? placeOf(p) : { file: input.manifest.file };
}

/**
 * Runs one check the ruleset names on `files`, with the evaluation's facts, date, product, memo and
 * reader; its findings without a place are placed at `at` (the slot's line in the manifest). A check
 * that throws gives `check.crashed` on its first file: a bug or an I/O fault, never a verdict.
 */
export async function runCheck(input: Evaluation, use: CheckUse, at: SourcePosition, ctx: Pick<CheckContext<unknown>, 'requirement' | 'slot' | 'files' | 'provided' | 'others' | 'statement'>): Promise<{ findings: RawFinding[]; provides: string[]; shows: string[] }> {
  const check = input.registry.get(use.check);
  if (!check) return { findings: [], provides: [], shows: [] }; // the loader guarantees it exists
  try {
    const result = await check.run({
      ...ctx,
      options: use.options,
      facts: input.manifest.facts,
      asOf: input.asOf,
      product: input.manifest.product,
      shared: input.shared,
      ...(input.reader ? { reader: input.reader } : {}),
    });
    return { findings: result.findings.map((f) => placeFinding(f, ctx.slot, at)), provides: result.provides ?? [], shows: result.shows ?? [] };
  } catch (err) {
    const crashed: BuiltinFinding = { code: 'check.crashed', severity: 'error', status: 'error', slot: ctx.slot, file: ctx.files[0]!.path, params: { check: use.check, error: describeError(err) } };
    return { findings: [crashed], provides: [], shows: [] };
  }
}

/** A check's finding without a place is placed at the slot's line in the manifest. */
function placeFinding(f: RawFinding, slot: string, at: SourcePosition): RawFinding {
  const out: RawFinding = { ...f, slot: f.slot ?? slot };
  return out.file === undefined ? { ...out, ...placeOf(at) } : out;
}

/** An error's message without stack or absolute paths. */
export function describeError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  // Only an absolute path (a "/" that starts a word) loses its folders: `evidence/port1/x.ndjson` stays whole.
  return msg
    .split('\n')[0]!
    .slice(0, 1000)
    .replace(/(^|[\s'"(=,])\/(?:[^\s'"]*\/)?([^\s/'"]*)/g, '$1$2')
    .slice(0, 200);
}
