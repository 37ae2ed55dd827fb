import type { Finding, FileReport, Report, RequirementReport, StatementReport, Status } from '../report/report.js';
import { normalizeId } from '../ruleset/ids.js';
import type { RequirementDef, Ruleset, SlotDef } from '../ruleset/types.js';
import type { Lang } from '../i18n/types.js';
import type { Labels } from './labels.js';
import { lineDate } from '../i18n/format.js';
import { say } from '../i18n/text.js';
import { FORMAT_TEXT } from './messages.js';

/** Statuses that make the verdict fail. */
export function isNotSatisfied(status: Status): boolean {
  return status === 'missing' || status === 'failed' || status === 'error';
}

/** True for a FHIR URL (or any absolute URL) standing where a dossier path usually stands. */
export function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

/**
 * The manifest's folder as the report names it (`dossier` for `dossier/dmn-evidence.yaml`), or ''
 * when the manifest sits at the top or its path cannot be joined into a relative path (absolute,
 * or climbing out with `..`).
 */
function dossierDir(report: Report): string {
  const segments = report.manifest.path.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  const absolute = report.manifest.path.startsWith('/') || /^[A-Za-z]:/.test(report.manifest.path);
  segments.pop();
  if (absolute || segments.includes('..')) return '';
  return segments.join('/');
}

/**
 * A dossier-relative path (what findings and file reports hold) as a path relative to where the
 * report's manifest path is relative to: in CI that is the repository root, which is what SARIF's
 * `%SRCROOT%` and GitHub's `file=` expect. URLs are returned unchanged.
 */
export function repoPath(report: Report, file: string): string {
  if (isUrl(file)) return file;
  const dir = dossierDir(report);
  const rel = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return dir ? `${dir}/${rel}` : rel;
}

/** The ruleset's definition of a report's requirement, matched as ids are everywhere (loosely). */
export function requirementDef(ruleset: Ruleset, id: string): RequirementDef | undefined {
  const n = normalizeId(id);
  return ruleset.requirements.find((r) => normalizeId(r.id) === n);
}

/** Whether a slot must be filled: always, never, or depending on facts and earlier slots. */
export function slotNeed(slot: SlotDef): 'required' | 'optional' | 'conditional' {
  if (slot.required === true) return 'required';
  if (slot.required === false) return 'optional';
  return 'conditional';
}

/** The word for how much a slot is needed (`required`, `optional`, `required under conditions`). */
export function slotNeedWord(need: ReturnType<typeof slotNeed>, lab: Labels): string {
  return need === 'required' ? lab.required : need === 'optional' ? lab.optional : lab.conditional;
}

/** `IEU 8 — The user's INS is looked up…` */
export function requirementHeading(r: Pick<RequirementReport, 'id' | 'title'>): string {
  return `${r.id} — ${r.title}`;
}

/**
 * `file:line:col, record 3, at /entry/0` — where a finding points, or undefined when nowhere. In
 * French, in words: `dmn-evidence.yaml, ligne 22, colonne 3, enregistrement 3, à /entry/0` (FRENCH.md #30).
 */
export function locationText(f: Finding, lab: Labels): string | undefined {
  const parts: string[] = [];
  if (f.file !== undefined) parts.push(say(FORMAT_TEXT.fileLine, { file: f.file, line: f.line, column: f.column }, lab.lang));
  if (f.record !== undefined) parts.push(`${lab.record} ${f.record}`);
  if (f.pointer !== undefined) parts.push(`${lab.at} ${f.pointer}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * `Jeanne Martin (Présidente), signed on 2026-10-02, expires on 2027-10-02`; in French, dates in
 * words: `Jeanne Martin (Présidente) ; déclaration signée le 2 octobre 2026, expire le 2 octobre 2027`.
 */
export function signatureText(st: StatementReport, lab: Labels): string {
  const lang = lab.lang;
  const expiry = st.expiresOn === null ? lab.noExpiry : say(FORMAT_TEXT.expires, { date: lineDate(st.expiresOn, lang) }, lang);
  return say(FORMAT_TEXT.signature, { name: st.signatory.name, role: st.signatory.role, signedOn: lineDate(st.signedOn, lang), expiry }, lang);
}

/** Every evidence or statement file a report names, once each, in report order (the manifest is not a FileReport). */
export function reportFiles(report: Report): FileReport[] {
  const seen = new Set<string>();
  const out: FileReport[] = [];
  const add = (f: FileReport): void => {
    if (seen.has(f.path)) return;
    seen.add(f.path);
    out.push(f);
  };
  for (const r of report.requirements) {
    for (const s of r.slots) s.files.forEach(add);
    if (r.statement?.document) add(r.statement.document);
  }
  return out;
}

/** Requirements of a report gathered under one section or one profile, with their counts. */
export interface ReportGroup {
  /** Section id (`INS`) or profile name (`Accès Usager`). */
  key: string;
  requirements: RequirementReport[];
  counts: Record<Status, number>;
}

function emptyCounts(): Record<Status, number> {
  return { satisfied: 0, not_applicable: 0, missing: 0, failed: 0, error: 0 };
}

/**
 * The report's requirements by section or by profile, groups in order of first appearance. A
 * requirement that spans several profiles counts in each; one the ruleset gives none is under ''.
 */
export function groupRequirements(report: Report, ruleset: Ruleset, by: 'section' | 'profile'): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const r of report.requirements) {
    const def = requirementDef(ruleset, r.id);
    const keys = by === 'section' ? [def?.section ?? ''] : [...(def?.profiles ?? [])];
    for (const key of keys.length > 0 ? keys : ['']) {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { key, requirements: [], counts: emptyCounts() }));
      g.requirements.push(r);
      g.counts[r.status]++;
    }
  }
  return [...groups.values()];
}

/**
 * `INS — Identification des usagers`: the section's key (the prefix of its requirement ids, `IEPS`
 * rather than the grid's shared `PGSSI-S`) and the ruleset's title; the bare key when the ruleset
 * names no sections.
 */
export function sectionHeading(ruleset: Ruleset, id: string, lang: Lang): string {
  const s = ruleset.sections.find((x) => x.id === id);
  if (!s) return id || '—';
  return `${s.id} — ${s.title[lang]}`;
}
