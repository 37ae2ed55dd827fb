import type { JSONSchemaType } from 'ajv';
import type { EvidenceFile } from '../evidence/evidence-file.js';
import type { FactValue } from '../ruleset/types.js';
import type { RawFinding, Localized } from '../report/report.js';
import type { Catalog } from '../i18n/types.js';
import type { EvidenceReader } from '../evidence/read/reader.js';

/** A problem in a check's options that a JSON schema cannot see (e.g. a FHIRPath syntax error). */
export interface OptionProblem {
  /** Where, relative to the check's `options` (`['rules', 2, 'expression']`). */
  path: (string | number)[];
  /** What is wrong, in both user languages. */
  message: Localized;
}

/** What a check sees: one slot's files, its options, and the dossier's facts. */
export interface CheckContext<Options> {
  /** Requirement id (`IEU 8`). */
  requirement: string;
  /** Slot name (`creation-flow`). */
  slot: string;
  /** The slot's files, already confined, opened and sniffed; never empty. */
  files: readonly EvidenceFile[];
  options: Options;
  facts: Readonly<Record<string, FactValue>>;
  /** The date statements are judged against, `YYYY-MM-DD`. */
  asOf: string;
  /** The product the manifest names (a check may look for it in a document); absent when a check runs on its own. */
  product?: { name: string; version: string; manufacturer: string };
  /** Tags that earlier slots of the same requirement provided (see `CheckResult.provides`). */
  provided: ReadonlySet<string>;
  /**
   * The files of the requirement's other slots that hold evidence, by slot name, so a check can
   * judge its slot against its siblings (PORT 1: the dictionary and the schema against the export
   * sample). Filled by the engine; absent when a check runs on its own.
   */
  others?: ReadonlyMap<string, readonly EvidenceFile[]>;
  /**
   * Work shared by the checks of one evaluation, owned by the engine: the first call with a key
   * computes the value, later calls with the same key get the same value (PORT 1: one read of the
   * export for its three slots). Keys are namespaced by the caller (`port1:…`). Never module state.
   */
  shared: <T>(key: string, compute: () => T) => T;
  /**
   * Reads what files show (OCR, document text), owned by the engine; absent when content reading
   * is off (`--no-read`). Go through `ctx.shared` so a file is read once per evaluation.
   */
  reader?: EvidenceReader;
  /** The sworn statement whose signed document a statement-document check reads (absent for a slot). */
  statement?: { signatory?: string; signedOn?: string };
}

export interface CheckResult<F extends RawFinding = RawFinding> {
  /** Findings; only those of severity `error` make the slot fail. */
  findings: F[];
  /**
   * Capabilities the evidence showed (e.g. `ins` when a flow carries a valid INS); later slots
   * of the requirement can be required only `{ not: { slot, provides } }`.
   */
  provides?: string[];
  /**
   * What the evidence carries, whatever the slot's verdict (e.g. `ins-found` when a flow carries an
   * INS, valid or not): a later slot can be spared when an earlier one already showed what it would
   * have shown, and its failure already said what is wrong. Read like `provides` in conditions.
   */
  shows?: string[];
}

/**
 * A check: a named, configurable test of a slot's evidence. Its options schema lives beside it and
 * is validated when the ruleset loads, so `run` can trust its options.
 */
export interface Check<Options = Record<string, never>, F extends RawFinding = RawFinding> {
  name: string;
  /** One line for `rules lint` and the README (English). */
  description: string;
  /** The same line in French (a check without one is described in English). */
  descriptionFr?: string;
  /** JSON Schema of the options, typed so that schema and type cannot drift. */
  schema: JSONSchemaType<Options>;
  /**
   * Optional semantic validation, called at ruleset load once `schema` accepted the options; every
   * problem returned is a load error (exit 2) at the YAML position of `options` + `path`.
   */
  validateOptions?(options: Options): OptionProblem[];
  /**
   * The wording of the finding codes this check emits (en, fr, hint), declared beside the check;
   * the registry merges them into the catalogue, and a code two checks both declare is refused.
   */
  messages?: Catalog;
  /** What the check asks of a slot with these options, in words, for `explain` (one line each). */
  explain?(options: Options, lang: 'en' | 'fr'): string[];
  /**
   * What each tag the check provides (or shows) says of its slot, as the end of a sentence about it
   * (`ins-found` → "already carries a matricule INS"), so that `init` and `explain` put a condition
   * `{ slot, provides }` in words (FRENCH.md 1).
   */
  tags?: Record<string, Localized>;
  run(ctx: CheckContext<Options>): Promise<CheckResult<F>> | CheckResult<F>;
}

/** A check of any options type, as the registry holds them. */
export interface AnyCheck {
  name: string;
  description: string;
  descriptionFr?: string;
  schema: object;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  validateOptions?(options: any): OptionProblem[];
  messages?: Catalog;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  explain?(options: any, lang: 'en' | 'fr'): string[];
  tags?: Record<string, Localized>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run(ctx: CheckContext<any>): Promise<CheckResult> | CheckResult;
}

/** Helper that keeps the options type when declaring a check. */
export function defineCheck<Options>(check: Check<Options>): Check<Options> {
  return check;
}
