import { placeOf } from '../formatters/status-labels.js';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { UserInputError, formatProblem, t2 } from '../diagnostics/user-input-error.js';
import type { Finding, Report } from '../report/report.js';
import { confinePath, openEvidenceFile } from '../evidence/evidence-file.js';
import { hashFile } from './hash.js';

/** One way a replay differs from the report; worded by the `replay.*` entries of the audit catalogue. */
export interface ReplayDifference {
  /** Catalogue code (src/i18n/messages/audit.ts). */
  code:
    | 'replay.manifest-changed'
    | 'replay.manifest-gone'
    | 'replay.manifest-invalid'
    | 'replay.file-changed'
    | 'replay.file-gone'
    | 'replay.file-appeared'
    | 'replay.file-new'
    | 'replay.file-unnamed'
    | 'replay.status-changed'
    | 'replay.slot-status-changed'
    | 'replay.finding-added'
    | 'replay.finding-removed'
    | 'replay.requirement-added'
    | 'replay.requirement-removed'
    | 'replay.verdict-changed'
    | 'replay.field-changed';
  /** What the message is built from: paths, hashes, statuses, JSON pointers. */
  params: Record<string, string | number>;
}

export interface ReplayOutcome {
  /** Every difference, in this order: manifest, files, requirements, dossier findings, verdict, other fields. */
  differences: ReplayDifference[];
  /** Evidence files the report names (FHIR URLs aside), each read and hashed again. */
  filesChecked: number;
  /** The report as re-evaluated now, or null when the manifest is gone or no longer loads. */
  replayed: Report | null;
}

/** Evaluates the manifest at `manifestPath` (relative to the replay root) as `check` would. */
export type Evaluate = (manifestPath: string) => Promise<Report>;

const URL_PATH = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Evidence files a report names, path → SHA-256 (null when it was unreadable at check time). */
export function filesOf(report: Report): Map<string, string | null> {
  const files = new Map<string, string | null>();
  const add = (f: { path: string; sha256: string | null }): void => {
    if (!URL_PATH.test(f.path) && !files.has(f.path)) files.set(f.path, f.sha256);
  };
  for (const r of report.requirements) {
    for (const s of r.slots) for (const f of s.files) add(f);
    if (r.statement?.document) add(r.statement.document);
  }
  return files;
}

function invalidPath(file: string, what: string): UserInputError {
  return new UserInputError({
    code: 'report.invalid',
    file,
    message: t2(`names ${JSON.stringify(what)}, a path that leaves the dossier folder.`, `cite ${JSON.stringify(what)}, un chemin qui sort du dossier.`),
    hint: t2('The report was altered: use the file dmn-check wrote.', 'Le rapport a été modifié : utilisez le fichier écrit par dmn-check.'),
  });
}

/**
 * Replays `report`: re-hashes the manifest and every evidence file it names below `root`,
 * re-evaluates the dossier (through `evaluate`, at the report's date, language and timestamp) and
 * lists every difference. `reportName` is only used in messages.
 */
export async function replayReport(report: Report, root: string, reportName: string, evaluate: Evaluate): Promise<ReplayOutcome> {
  const manifestRel = confinePath(report.manifest.path);
  if (manifestRel === undefined) throw invalidPath(reportName, report.manifest.path);
  const differences: ReplayDifference[] = [];
  const manifestAbs = path.join(root, ...manifestRel.split('/'));
  let dossierDir = path.dirname(manifestAbs);
  dossierDir = await fsp.realpath(dossierDir).catch(() => dossierDir);

  let manifestNow: string | null = null;
  try {
    manifestNow = (await hashFile(manifestAbs)).sha256;
  } catch {
    differences.push({ code: 'replay.manifest-gone', params: { file: report.manifest.path, old: report.manifest.sha256 } });
  }
  if (manifestNow !== null && manifestNow !== report.manifest.sha256) {
    differences.push({ code: 'replay.manifest-changed', params: { file: report.manifest.path, old: report.manifest.sha256, new: manifestNow } });
  }

  let replayed: Report | null = null;
  if (manifestNow !== null) {
    try {
      replayed = await evaluate(report.manifest.path);
    } catch (err) {
      if (!(err instanceof UserInputError) || manifestNow === report.manifest.sha256) throw err;
      const first = err.problems[0]!;
      differences.push({
        code: 'replay.manifest-invalid',
        params: { file: report.manifest.path, problem_en: formatProblem(first, 'en'), problem_fr: formatProblem(first, 'fr') },
      });
    }
  }

  // Files: the engine hashed what it evaluated just now; the others are hashed here.
  const before = filesOf(report);
  const now = replayed ? filesOf(replayed) : new Map<string, string | null>();
  for (const [file, old] of before) {
    if (confinePath(file) === undefined) throw invalidPath(reportName, file);
    let current = now.get(file);
    if (current === undefined || current === null) {
      const opened = await openEvidenceFile(dossierDir, file);
      if (!opened.ok && opened.reason === 'escape') throw invalidPath(reportName, file);
      current = opened.ok ? await opened.file.sha256().catch(() => null) : null;
    }
    if (old !== null && current === null) differences.push({ code: 'replay.file-gone', params: { file, old } });
    else if (old !== null && current !== old) differences.push({ code: 'replay.file-changed', params: { file, old, new: current! } });
    else if (old === null && current !== null) differences.push({ code: 'replay.file-appeared', params: { file, new: current } });
    if (replayed && !now.has(file)) differences.push({ code: 'replay.file-unnamed', params: { file } });
  }
  for (const [file, current] of now) {
    if (!before.has(file)) differences.push({ code: 'replay.file-new', params: { file, new: current ?? '' } });
  }

  if (replayed) differences.push(...compareReports(report, replayed));
  return { differences, filesChecked: before.size, replayed };
}

/** A finding as a stable string: every field, keys sorted. */
function findingKey(f: Finding): string {
  return canonical(f);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}


/** Findings in one list and not the other, as multisets (a finding given twice counts twice). */
function findingChanges(scope: string, old: readonly Finding[], now: readonly Finding[]): ReplayDifference[] {
  const remaining = new Map<string, number>();
  for (const f of now) remaining.set(findingKey(f), (remaining.get(findingKey(f)) ?? 0) + 1);
  const out: ReplayDifference[] = [];
  for (const f of old) {
    const k = findingKey(f);
    const n = remaining.get(k) ?? 0;
    if (n > 0) remaining.set(k, n - 1);
    else out.push({ code: 'replay.finding-removed', params: { requirement: scope, finding: f.code, at: placeOf(f) ?? '', message: f.message } });
  }
  for (const f of now) {
    const k = findingKey(f);
    const n = remaining.get(k) ?? 0;
    if (n === 0) continue;
    remaining.set(k, n - 1);
    out.push({ code: 'replay.finding-added', params: { requirement: scope, finding: f.code, at: placeOf(f) ?? '', message: f.message } });
  }
  return out;
}

function omit<T extends object>(o: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

/** The parts of a report that the specific comparisons above do not cover, keyed by id and name. */
function rest(r: Report, ids: ReadonlySet<string>): Record<string, unknown> {
  return {
    ...omit(r, ['tool', 'verdict', 'summary', 'requirements', 'findings', 'manifest']),
    manifest: omit(r.manifest, ['sha256']),
    requirements: Object.fromEntries(
      r.requirements
        .filter((q) => ids.has(q.id))
        .map((q) => [
          q.id,
          {
            ...omit(q, ['id', 'status', 'findings', 'slots', 'statement']),
            slots: Object.fromEntries(q.slots.map((s) => [s.name, omit(s, ['name', 'status', 'files'])])),
            statement: q.statement === null ? null : { ...omit(q.statement, ['document']), document: q.statement.document === null ? null : q.statement.document.path },
          },
        ]),
    ),
  };
}

function show(v: unknown): string {
  if (v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 100 ? `${s.slice(0, 99)}…` : s;
}

function fieldChanges(old: unknown, now: unknown, pointer: string, out: ReplayDifference[]): void {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(old) && isObj(now)) {
    const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])];
    for (const k of keys) fieldChanges(old[k], now[k], `${pointer}/${k}`, out);
    return;
  }
  if (canonical(old ?? null) === canonical(now ?? null) && (old === undefined) === (now === undefined)) return;
  out.push({ code: 'replay.field-changed', params: { pointer: pointer || '/', old: show(old), new: show(now) } });
}

/** Statuses, findings, verdict and every other field of two reports of the same dossier. */
export function compareReports(old: Report, now: Report): ReplayDifference[] {
  const out: ReplayDifference[] = [];
  const nowById = new Map(now.requirements.map((r) => [r.id, r]));
  const both = new Set<string>();
  for (const r of old.requirements) {
    const n = nowById.get(r.id);
    if (!n) {
      out.push({ code: 'replay.requirement-removed', params: { requirement: r.id, old: r.status } });
      continue;
    }
    both.add(r.id);
    if (r.status !== n.status) out.push({ code: 'replay.status-changed', params: { requirement: r.id, old: r.status, new: n.status } });
    const slotsNow = new Map(n.slots.map((s) => [s.name, s]));
    for (const s of r.slots) {
      const sn = slotsNow.get(s.name);
      if (sn && sn.status !== s.status) out.push({ code: 'replay.slot-status-changed', params: { requirement: r.id, slot: s.name, old: s.status, new: sn.status } });
    }
    out.push(...findingChanges(r.id, r.findings, n.findings));
  }
  const oldIds = new Set(old.requirements.map((r) => r.id));
  for (const n of now.requirements) if (!oldIds.has(n.id)) out.push({ code: 'replay.requirement-added', params: { requirement: n.id, new: n.status } });
  out.push(...findingChanges('', old.findings ?? [], now.findings ?? []));
  if (old.verdict !== now.verdict) out.push({ code: 'replay.verdict-changed', params: { old: old.verdict, new: now.verdict } });

  // The summary follows from the statuses: compared only when no status change already explains it.
  const statusMoved = out.some((d) => d.code === 'replay.status-changed' || d.code === 'replay.requirement-added' || d.code === 'replay.requirement-removed');
  if (!statusMoved) fieldChanges(old.summary, now.summary, '/summary', out);
  fieldChanges(rest(old, both), rest(now, both), '', out);
  return out;
}
