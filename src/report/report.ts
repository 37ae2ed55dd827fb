/**
 * The languages dmn-check speaks. A third is one more member here: TypeScript then lists every
 * catalogue entry and table of words that lacks it (docs/ARCHITECTURE.md, "Adding a language").
 */
export type Lang = 'en' | 'fr';

/** A text in every user language (ruleset titles, statements, reasons, input problems). */
export type Localized = { [L in Lang]: string };

/** The value of a fact the manifest answers. */
export type FactValue = boolean | string | number;

export type Status = 'satisfied' | 'not_applicable' | 'missing' | 'failed' | 'error';
export type Severity = 'error' | 'warning' | 'info';

/** Ruleset order of badness, worst last; used to fold slot statuses into a requirement status. */
export const STATUS_RANK: Record<Status, number> = {
  not_applicable: 0,
  satisfied: 1,
  missing: 2,
  failed: 3,
  error: 4,
};

export function worst(statuses: Iterable<Status>, start: Status = 'satisfied'): Status {
  let w = start;
  for (const s of statuses) if (STATUS_RANK[s] > STATUS_RANK[w]) w = s;
  return w;
}

/** One thing the checker has to say: data (a code and parameters), worded by the i18n layer. */
export interface Finding {
  /** Stable code, e.g. `slot.missing`, `file.kind`, `ins.key`. */
  code: string;
  severity: Severity;
  /**
   * The status this finding drives its slot (or requirement) to. Defaults: `failed` for severity
   * `error`, none for warnings and infos. A check that could not run says `error`.
   */
  status?: 'missing' | 'failed' | 'error';
  /** Rendered message, in the report's language (filled by `localize`). */
  message: string;
  /** What to provide or change, when there is something to say (filled by `localize`). */
  hint?: string;
  /** Parameters the message is built from; never patient data in clear. */
  params?: Record<string, string | number>;
  /** Evidence slot concerned. */
  slot?: string;
  /** File concerned: the manifest, or an evidence file relative to the dossier. */
  file?: string;
  line?: number;
  column?: number;
  /** Where the manifest value the finding is about ends (for code-scanning highlights). */
  endLine?: number;
  endColumn?: number;
  /** Record number (1-based) or JSON pointer / FHIR path / HL7 segment inside an evidence file. */
  record?: number;
  pointer?: string;
}

/**
 * A finding before wording: what checks and the engine return. `Code` is a string for a check
 * from outside; the built-in checks and the engine narrow it to the codes a catalogue words, each
 * with the parameters its message reads (`BuiltinFinding`, checks/codes.ts), so a code nobody
 * words, or a misspelt parameter, does not compile.
 */
export type RawFinding<Code extends string = string, P extends object = Record<string, string | number>> = Omit<
  Finding,
  'message' | 'hint' | 'code' | 'params'
> & { code: Code; params?: P };

export interface FileReport {
  /** Path relative to the dossier (manifest folder), POSIX separators; or the FHIR URL. */
  path: string;
  sha256: string | null;
  bytes: number | null;
  /** MIME type sniffed from content (`image/png`), or null when unreadable. */
  kind: string | null;
  /** Hash the manifest declared, when it did. */
  expectedSha256?: string;
}

export interface SlotReport {
  name: string;
  required: boolean;
  status: Status;
  files: FileReport[];
}

export interface StatementReport {
  justification: string;
  signatory: { name: string; role: string };
  signedOn: string;
  expiresOn: string | null;
  document: FileReport | null;
  valid: boolean;
}

export interface RequirementReport {
  id: string;
  title: string;
  status: Status;
  /** Why the requirement is not applicable (the N/A rules that held), when it is. */
  notApplicableReasons?: string[];
  findings: Finding[];
  slots: SlotReport[];
  statement: StatementReport | null;
}

export interface Report {
  report: 1;
  tool: { name: string; version: string };
  ruleset: { id: string; version: string; sha256: string };
  manifest: {
    /** The manifest as named where the check ran (relative to that folder, or its base name). */
    path: string;
    sha256: string;
    /**
     * Where the dossier (the manifest's folder) is, relative to the folder of the report file, POSIX
     * separators (`.` when the report is in it). Only in a report written to a file (`--output`, `pack`):
     * `replay` finds the dossier from the report wherever it runs. Absent in a report sent to stdout and
     * in older reports.
     */
    dossier?: string;
    /** The manifest's path inside that dossier (its file name); with `dossier`. */
    file?: string;
  };
  product: { name: string; version: string; manufacturer: string };
  /** Facts as the manifest gave them (so a reader of the report sees what applicability rested on). */
  facts: Record<string, FactValue>;
  asOf: string;
  generatedAt: string;
  lang: 'en' | 'fr';
  /** Whether evidence content was read (OCR, document text); false under `--no-read`. Absent in older reports (read). */
  read?: boolean;
  verdict: 'pass' | 'fail';
  summary: Record<Status, number>;
  /** Findings about the dossier as a whole (e.g. production INS OIDs), not tied to one requirement. */
  findings: Finding[];
  requirements: RequirementReport[];
}

/**
 * A requirement as the engine judged it, before wording: its texts in every language, its
 * findings as data (`wordReport`, api/, words them in the report's language).
 */
export type EvaluatedRequirement = Omit<RequirementReport, 'title' | 'notApplicableReasons' | 'findings'> & {
  title: Localized;
  notApplicableReasons?: Localized[];
  findings: RawFinding[];
};

/** What the engine returns: a report in no language yet (`wordReport` makes it a `Report`). */
export type EvaluatedReport = Omit<Report, 'lang' | 'findings' | 'requirements'> & { findings: RawFinding[]; requirements: EvaluatedRequirement[] };
