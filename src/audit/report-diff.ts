import { UserInputError } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';
import { REPORT_TEXT } from './messages.js';
import { STATUS_RANK, type Finding, type Report, type Status } from '../report/report.js';

/** How a requirement moved between two reports. */
export type ChangeKind = 'newly-failing' | 'resolved' | 'changed' | 'added' | 'removed';

export interface RequirementChange {
  /** Requirement id, e.g. `IEU 9`. */
  id: string;
  /** Title in the newer report (the older one's when the requirement was removed). */
  title: string;
  /** How the requirement moved. */
  change: ChangeKind;
  /** Status in the older report, null when added. */
  old: Status | null;
  /** Status in the newer report, null when removed. */
  new: Status | null;
  /** True when this change makes the dossier worse (see `isWorse`). */
  worse: boolean;
  /** Findings of the newer report for this requirement that the older one did not have. */
  newFindings: Finding[];
}

/** One side of a diff, as shown to the user. */
export interface DiffSide {
  /** The report file as the user named it. */
  file: string;
  /** Product, ruleset, dates, verdict and counts, copied from the report. */
  product: Report['product'];
  ruleset: Report['ruleset'];
  asOf: string;
  generatedAt: string;
  verdict: Report['verdict'];
  summary: Report['summary'];
}

/** Something worth knowing that is not a change of status. */
export type DiffNote =
  | { code: 'ruleset-version'; old: string; new: string }
  | { code: 'ruleset-file'; old: string; new: string }
  | { code: 'product'; old: string; new: string };

export interface ReportDiff {
  /** Format of the `--format json` output. */
  diff: 1;
  /** The older report (first argument). */
  old: DiffSide;
  /** The newer report (second argument). */
  new: DiffSide;
  /** True when any requirement got worse: the exit code is then 1. */
  worse: boolean;
  /** Ruleset versions or products that differ between the two reports. */
  notes: DiffNote[];
  /** Changed requirements: in the newer report's order, removed ones last. */
  changes: RequirementChange[];
  /** Requirements present in both with the same status. */
  unchanged: number;
}

const passes = (s: Status): boolean => s === 'satisfied' || s === 'not_applicable';

/**
 * Worse means: a passing status (satisfied, not applicable) became a failing one (missing, failed,
 * error), or a failing one became a worse failing one (missing < failed < error), or a requirement
 * appeared already failing.
 */
export function isWorse(old: Status | null, now: Status | null): boolean {
  if (now === null) return false;
  if (old === null) return !passes(now);
  if (passes(now)) return false;
  return passes(old) || STATUS_RANK[now] > STATUS_RANK[old];
}

function kindOf(old: Status | null, now: Status | null): ChangeKind {
  if (old === null) return 'added';
  if (now === null) return 'removed';
  if (passes(old) && !passes(now)) return 'newly-failing';
  if (!passes(old) && passes(now)) return 'resolved';
  return 'changed';
}

/** A finding's identity across two reports: lines move when a manifest is edited, so they are left out. */
function findingKey(f: Finding): string {
  const params = Object.keys(f.params ?? {})
    .sort()
    .map((k) => `${k}=${String(f.params![k])}`)
    .join('&');
  return [f.code, f.slot ?? '', f.file ?? '', params].join('|');
}

function side(r: Report, file: string): DiffSide {
  return { file, product: r.product, ruleset: r.ruleset, asOf: r.asOf, generatedAt: r.generatedAt, verdict: r.verdict, summary: r.summary };
}

/**
 * Compares two reports of the same ruleset (by id). Reports of different rulesets compare
 * different requirements: a UserInputError (exit 2).
 */
export function diffReports(old: Report, now: Report, oldFile: string, newFile: string): ReportDiff {
  if (old.ruleset.id !== now.ruleset.id) {
    throw new UserInputError({
      code: 'report.invalid',
      file: newFile,
      subject: 'ruleset.id',
      ...both(REPORT_TEXT.otherRuleset, { ruleset: now.ruleset.id, other: oldFile, otherRuleset: old.ruleset.id }),
    });
  }
  const notes: DiffNote[] = [];
  if (old.ruleset.version !== now.ruleset.version) notes.push({ code: 'ruleset-version', old: old.ruleset.version, new: now.ruleset.version });
  else if (old.ruleset.sha256 !== now.ruleset.sha256) notes.push({ code: 'ruleset-file', old: old.ruleset.sha256, new: now.ruleset.sha256 });
  const productOf = (r: Report): string => `${r.product.name} ${r.product.version}`;
  if (old.product.name !== now.product.name) notes.push({ code: 'product', old: productOf(old), new: productOf(now) });

  const oldById = new Map(old.requirements.map((r) => [r.id, r]));
  const newIds = new Set(now.requirements.map((r) => r.id));
  const changes: RequirementChange[] = [];
  let unchanged = 0;
  for (const n of now.requirements) {
    const o = oldById.get(n.id);
    if (o && o.status === n.status) {
      unchanged++;
      continue;
    }
    const known = new Set((o?.findings ?? []).map(findingKey));
    changes.push({
      id: n.id,
      title: n.title,
      change: kindOf(o?.status ?? null, n.status),
      old: o?.status ?? null,
      new: n.status,
      worse: isWorse(o?.status ?? null, n.status),
      newFindings: passes(n.status) ? [] : n.findings.filter((f) => f.severity !== 'info' && !known.has(findingKey(f))),
    });
  }
  for (const o of old.requirements) {
    if (!newIds.has(o.id)) changes.push({ id: o.id, title: o.title, change: 'removed', old: o.status, new: null, worse: false, newFindings: [] });
  }
  return { diff: 1, old: side(old, oldFile), new: side(now, newFile), worse: changes.some((c) => c.worse), notes, changes, unchanged };
}
