import type { CheckContext } from '../../types.js';
import type { EvidenceFile } from '../../../evidence/evidence-file.js';
import type { ExportAnalysis } from './analyse.js';

/** Names of the PORT 1 slots a check reads besides its own (defaults: the bundled ruleset's). */
export interface SiblingOptions {
  /** Slot holding the export files (default `export-sample`). */
  sample_slot?: string;
  /** Slot holding the data dictionary (default `export-dictionary`). */
  dictionary_slot?: string;
  /** Slot holding the export's JSON Schema (default `export-schema`). */
  schema_slot?: string;
}

/** The options schema part shared by the three export checks. */
export const SIBLING_PROPERTIES = {
  sample_slot: { type: 'string', minLength: 1, nullable: true },
  dictionary_slot: { type: 'string', minLength: 1, nullable: true },
  schema_slot: { type: 'string', minLength: 1, nullable: true },
} as const;

/** The whole options schema of `export-sample` and `export-schema` (the dictionary check adds one option). */
export const SIBLING_SCHEMA = { type: 'object', additionalProperties: false, properties: SIBLING_PROPERTIES } as const;

export type Role = 'sample' | 'dictionary' | 'schema';

/** The PORT 1 evidence as the three checks see it, and its single shared analysis. */
export interface ExportEvidence {
  sample: readonly EvidenceFile[];
  dictionary: EvidenceFile | undefined;
  schema: EvidenceFile | undefined;
  analysis: ExportAnalysis;
}

/**
 * Gathers the sample, dictionary and schema from the check's own slot and its siblings
 * (`ctx.others`), and returns the analysis that the first of the three checks to run computes.
 */
export async function exportEvidence(ctx: CheckContext<SiblingOptions>, self: Role): Promise<ExportEvidence> {
  const names: Record<Role, string> = {
    sample: ctx.options.sample_slot ?? 'export-sample',
    dictionary: ctx.options.dictionary_slot ?? 'export-dictionary',
    schema: ctx.options.schema_slot ?? 'export-schema',
  };
  const filesOf = (role: Role): readonly EvidenceFile[] => (role === self ? ctx.files : (ctx.others?.get(names[role]) ?? []));
  const sample = filesOf('sample');
  // A sibling slot's file of the wrong kind is that slot's finding (`file.kind`), not a dictionary or schema here.
  const dictionary = filesOf('dictionary').find((f) => f.kind === 'yaml' || f.kind === 'json');
  const schema = filesOf('schema').find((f) => f.kind === 'json');
  // Loaded on first use: commands that run no PORT 1 check do not pay for the export readers.
  const { analyseExport } = await import('./analyse.js');
  const input = { sample, ...(dictionary ? { dictionary } : {}), ...(schema ? { schema } : {}) };
  // One read of the export for the three slots: the engine's per-evaluation memo, keyed by the files.
  const key = ['port1', sample.map((f) => f.path).join('\u0000'), dictionary?.path ?? '', schema?.path ?? ''].join('\u0001');
  const analysis = await ctx.shared(key, () => analyseExport(input));
  return { sample, dictionary, schema, analysis };
}
