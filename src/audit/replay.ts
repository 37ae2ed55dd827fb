import { placeOf } from '../formatters/status-labels.js';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { UserInputError, formatProblem } from '../diagnostics/user-input-error.js';
import type { Finding, Report } from '../report/report.js';
import { confinePath, openEvidenceFile } from '../evidence/evidence-file.js';
import { findDossier, invalidPath, notFoundHere, type ReplayPlace } from './locate.js';
import { word, type Catalog } from '../i18n/index.js';

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

/** Evaluates the manifest at `manifestPath` (relative to `cwd`) as `check` would. */
export type Evaluate = (manifestPath: string, cwd: string) => Promise<Report>;

const URL_PATH = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Evidence files a report names, path → SHA-256 (null when it was unreadable at check time); with `urls`, FHIR sources too. */
export function filesOf(report: Report, urls = false): Map<string, string | null> {
  const files = new Map<string, string | null>();
  const add = (f: { path: string; sha256: string | null }): void => {
    if ((urls || !URL_PATH.test(f.path)) && !files.has(f.path)) files.set(f.path, f.sha256);
  };
  for (const r of report.requirements) {
    for (const s of r.slots) for (const f of s.files) add(f);
    if (r.statement?.document) add(r.statement.document);
  }
  return files;
}

/**
 * Replays `report`: finds its dossier (see `findDossier`), re-hashes the manifest and every evidence
 * file it names, re-evaluates the dossier (through `evaluate`, at the report's date, language and
 * timestamp) and lists every difference. `reportName` is only used in messages. No manifest found is
 * exit 2 ("dossier not found here"), except in a bag (`place.bag`), verified already, where it is a difference.
 * `catalog` words the findings that changed in both languages (the checks' own messages included).
 */
export async function replayReport(report: Report, place: ReplayPlace, reportName: string, evaluate: Evaluate, catalog: Catalog): Promise<ReplayOutcome> {
  const differences: ReplayDifference[] = [];
  // Everything the report names is opened below the root, as a manifest's evidence is below its folder:
  // the manifest itself too, so a link in the way cannot lead the replay elsewhere.
  const found = await findDossier(report, place, reportName);
  if (found === null && !place.bag) throw notFoundHere(report, place, reportName);
  const rootReal = found?.root ?? (await fsp.realpath(place.root).catch(() => path.resolve(place.root)));
  const lexical = path.join(rootReal, ...path.posix.dirname(confinePath(report.manifest.path) ?? '.').split('/'));
  const dossierDir = found?.dossierDir ?? (await fsp.realpath(lexical).catch(() => lexical));
  const fromRoot = path.relative(rootReal, dossierDir);
  if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) throw invalidPath(reportName, report.manifest.path);

  const manifestNow = found?.sha256 ?? null;
  if (manifestNow === null) differences.push({ code: 'replay.manifest-gone', params: { file: report.manifest.path, old: report.manifest.sha256 } });
  if (manifestNow !== null && manifestNow !== report.manifest.sha256) {
    differences.push({ code: 'replay.manifest-changed', params: { file: report.manifest.path, old: report.manifest.sha256, new: manifestNow } });
  }

  let replayed: Report | null = null;
  if (manifestNow !== null) {
    try {
      replayed = await evaluate(found!.manifest, rootReal);
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
  // FHIR sources: what was judged now (from the snapshots) must be the bytes the report hashed.
  const before = filesOf(report, true);
  const now = replayed ? filesOf(replayed, true) : new Map<string, string | null>();
  for (const [file, old] of before) {
    const url = URL_PATH.test(file);
    if (!url && confinePath(file) === undefined) throw invalidPath(reportName, file);
    let current = now.get(file);
    if (!url && (current === undefined || current === null)) {
      const opened = await openEvidenceFile(dossierDir, file);
      if (!opened.ok && opened.reason === 'escape') throw invalidPath(reportName, file);
      current = opened.ok ? await opened.file.sha256().catch(() => null) : null;
    }
    current ??= null;
    if (old !== null && current === null) differences.push({ code: 'replay.file-gone', params: { file, old } });
    else if (old !== null && current !== old) differences.push({ code: 'replay.file-changed', params: { file, old, new: current! } });
    else if (old === null && current !== null) differences.push({ code: 'replay.file-appeared', params: { file, new: current } });
    if (replayed && !now.has(file)) differences.push({ code: 'replay.file-unnamed', params: { file } });
  }
  for (const [file, current] of now) {
    if (!before.has(file)) differences.push({ code: 'replay.file-new', params: { file, new: current ?? '' } });
  }

  if (replayed) for (const d of compareReports(report, replayed, catalog)) differences.push(d);
  return { differences, filesChecked: [...before.keys()].filter((f) => !URL_PATH.test(f)).length, replayed };
}

/**
 * A finding as a stable string: every field but its words, keys sorted. Findings are compared by
 * code, parameters and place (FRENCH.md 32): a report made in English, or by a version of dmn-check
 * that worded a message otherwise, replays identical when the same things are found.
 */
function findingKey(f: Finding): string {
  return canonical(omit(f, ['message', 'hint']));
}

/** A finding's message in both languages, worded again from its code and parameters when they are known. */
function findingWords(f: Finding, catalog: Catalog): { message_en: string; message_fr: string } {
  if (f.params === undefined || !Object.hasOwn(catalog, f.code)) return { message_en: f.message, message_fr: f.message };
  return { message_en: word(f.code, f.params, 'en', catalog).message, message_fr: word(f.code, f.params, 'fr', catalog).message };
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
function findingChanges(scope: string, old: readonly Finding[], now: readonly Finding[], catalog: Catalog): ReplayDifference[] {
  const remaining = new Map<string, number>();
  for (const f of now) remaining.set(findingKey(f), (remaining.get(findingKey(f)) ?? 0) + 1);
  const out: ReplayDifference[] = [];
  for (const f of old) {
    const k = findingKey(f);
    const n = remaining.get(k) ?? 0;
    if (n > 0) remaining.set(k, n - 1);
    else out.push({ code: 'replay.finding-removed', params: { requirement: scope, finding: f.code, at: placeOf(f) ?? '', message: f.message, ...findingWords(f, catalog) } });
  }
  for (const f of now) {
    const k = findingKey(f);
    const n = remaining.get(k) ?? 0;
    if (n === 0) continue;
    remaining.set(k, n - 1);
    out.push({ code: 'replay.finding-added', params: { requirement: scope, finding: f.code, at: placeOf(f) ?? '', message: f.message, ...findingWords(f, catalog) } });
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
    // Where the check ran and where the report was written say nothing of the dossier: its hash is compared above.
    manifest: omit(r.manifest, ['sha256', 'path', 'dossier', 'file']),
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
  // A function-valued key of a hostile report has no JSON form: shown by its type.
  const s = JSON.stringify(v) ?? typeof v;
  return s.length > 100 ? `${s.slice(0, 99)}…` : s;
}

function fieldChanges(old: unknown, now: unknown, pointer: string, out: ReplayDifference[]): void {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(old) && isObj(now)) {
    const keys = new Set(Object.keys(old));
    for (const k of Object.keys(now)) keys.add(k);
    // Own keys only: a report may name a key `toString` or `constructor`.
    for (const k of keys) fieldChanges(Object.hasOwn(old, k) ? old[k] : undefined, Object.hasOwn(now, k) ? now[k] : undefined, `${pointer}/${k}`, out);
    return;
  }
  if (canonical(old ?? null) === canonical(now ?? null) && (old === undefined) === (now === undefined)) return;
  out.push({ code: 'replay.field-changed', params: { pointer: pointer || '/', old: show(old), new: show(now) } });
}

/** Statuses, findings, verdict and every other field of two reports of the same dossier. */
export function compareReports(old: Report, now: Report, catalog: Catalog): ReplayDifference[] {
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
    for (const d of findingChanges(r.id, r.findings, n.findings, catalog)) out.push(d);
  }
  const oldIds = new Set(old.requirements.map((r) => r.id));
  for (const n of now.requirements) if (!oldIds.has(n.id)) out.push({ code: 'replay.requirement-added', params: { requirement: n.id, new: n.status } });
  for (const d of findingChanges('', old.findings ?? [], now.findings ?? [], catalog)) out.push(d);
  if (old.verdict !== now.verdict) out.push({ code: 'replay.verdict-changed', params: { old: old.verdict, new: now.verdict } });

  // The summary follows from the statuses: compared only when no status change already explains it.
  const statusMoved = out.some((d) => d.code === 'replay.status-changed' || d.code === 'replay.requirement-added' || d.code === 'replay.requirement-removed');
  if (!statusMoved) fieldChanges(old.summary, now.summary, '/summary', out);
  fieldChanges(rest(old, both), rest(now, both), '', out);
  return out;
}
