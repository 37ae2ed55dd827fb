import type { FactValue, Localized } from '../report/report.js';

export type { FactValue, Localized };

/** A question the manifest answers; requirement applicability is decided from facts. */
export interface FactDef {
  /** Identifier used in the manifest's `facts:` block. */
  name: string;
  /** `boolean`, `number`, `string`, or `enum` (then `values` lists the allowed answers). */
  type: 'boolean' | 'number' | 'string' | 'enum';
  /** Allowed values of an enum fact, each with a label. */
  values?: readonly { value: string; label: Localized }[];
  /** The question, as `init` writes it above the fact. */
  question: Localized;
}

/**
 * The condition language over facts and slot results. Exactly one form per node:
 * `{ fact, is }`, `{ fact, in }`, `{ all }`, `{ any }`, `{ not }`, `{ slot, provides }`.
 */
export type Condition =
  | { fact: string; is: FactValue }
  | { fact: string; in: readonly FactValue[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { slot: string; provides: string };

/** One use of a check on a slot, with the options its schema accepts. */
export interface CheckUse {
  /** Name in the check registry. */
  check: string;
  /** Options, already validated against the check's schema at load time. */
  options: Readonly<Record<string, unknown>>;
}

/** A place in a requirement where the manifest puts evidence. */
export interface SlotDef {
  name: string;
  title: Localized;
  /** What the reviewer expects to find there, as `init` and `explain` print it. */
  expects: Localized;
  /** `true`, `false`, or a condition (over facts and earlier slots) that makes it required. */
  required: boolean | Condition;
  /** Accepted file kinds or kind groups (see evidence/kinds.ts). */
  accepts: readonly string[];
  /** Whether several files may be given. */
  multiple: boolean;
  /** Content checks run on the slot's files, in order. */
  checks: readonly CheckUse[];
}

export interface ScenarioDef {
  /** Official scenario id, e.g. `IEU 9.1`. */
  id: string;
  title: Localized;
  /** Expected proofs (`IEU 9.1.1` …). */
  proofs: readonly { id: string; text: Localized }[];
}

export interface NotApplicableRule {
  when: Condition;
  reason: Localized;
}

export interface Clarification {
  /** Where it comes from, e.g. `FAQ ANS`. */
  source: string;
  text: Localized;
}

export interface RequirementDef {
  /** Official id, e.g. `IEU 8`. */
  id: string;
  section: string;
  title: Localized;
  /** Our paraphrase of the official requirement. */
  statement: Localized;
  /** Profile the requirement belongs to (`Accès Usager`, …). */
  profile?: string;
  /** Date from which the requirement is enforced, ISO `YYYY-MM-DD`. */
  mandatorySince?: string;
  scenarios: readonly ScenarioDef[];
  /** Any rule that holds makes the requirement not applicable (then a sworn statement is needed). */
  notApplicableWhen: readonly NotApplicableRule[];
  slots: readonly SlotDef[];
  clarifications: readonly Clarification[];
  /** Example evidence shown by `explain`, keyed by a label. */
  examples?: readonly { title: Localized; language: string; text: string }[];
}

/** A resolved, validated, immutable ruleset. */
export interface Ruleset {
  id: string;
  version: string;
  title: Localized;
  /** SHA-256 of the ruleset file's bytes (and of its bases, folded in when it extends one). */
  sha256: string;
  facts: readonly FactDef[];
  requirements: readonly RequirementDef[];
}
