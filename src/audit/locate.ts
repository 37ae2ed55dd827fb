import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';

import { confinePath, openEvidenceFile, type EvidenceFile } from '../evidence/evidence-file.js';
import type { Report } from '../report/report.js';
import { listParam } from '../diagnostics/list-param.js';
import { REPORT_TEXT } from './messages.js';

/*
 * Where a report's dossier is. A report written to a file records the dossier's folder relative to
 * that file (`manifest.dossier`) and the manifest's name in it (`manifest.file`), so `replay` finds
 * the dossier wherever it runs. What it opens stays confined to the folder it may read: the report's
 * own folder, or `--root`.
 */

/** `dir` with its existing part resolved (realpath) and the part not made yet appended. */
function realFolder(dir: string): string {
  const rest: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(dir);
      rest.push(path.basename(at));
      at = up;
    }
  }
}

/**
 * The report as written to the file `reportAbs`: it records where its dossier (`dossierDir`, a real
 * path) is from the report's folder, and the manifest's name in it. Unchanged when no relative path
 * leads there (another drive).
 */
export function locatedReport(report: Report, dossierDir: string, reportAbs: string): Report {
  const rel = path.relative(realFolder(path.dirname(reportAbs)), dossierDir);
  if (path.isAbsolute(rel)) return report;
  const dossier = rel === '' ? '.' : rel.split(path.sep).join('/');
  return { ...report, manifest: { ...report.manifest, dossier, file: path.posix.basename(report.manifest.path.replace(/\\/g, '/')) } };
}

export function invalidPath(file: string, what: string): UserInputError {
  return new UserInputError({
    code: 'report.invalid',
    file,
    message: both(REPORT_TEXT.pathLeavesDossier, { path: JSON.stringify(what) }).message,
    hint: both(REPORT_TEXT.reportAltered, {}).message,
  });
}

/** Where a replay looks for the dossier, and what it may read. */
export interface ReplayPlace {
  /** Folder of the report file: a recorded dossier location is relative to it. */
  reportDir: string;
  /** Folder everything the report names must lie in: `--root`, else the report's folder (a bag: its `data/`). */
  root: string;
  /** Whether `root` was given (`--root`): only said in messages. */
  rootGiven?: boolean;
  /** A bag, verified already: its manifest missing is a difference of the replay, not "dossier not found here". */
  bag?: boolean;
}

/** The manifest a replay found. */
export interface FoundDossier {
  /** The manifest's path relative to the (real) root, POSIX separators. */
  manifest: string;
  /** Real path of the root. */
  root: string;
  /** Real path of the dossier folder (the manifest's). */
  dossierDir: string;
  /** SHA-256 of the manifest now. */
  sha256: string;
}

/** The recorded location, checked: a relative folder and a plain file name, or undefined when the report has none. */
function recorded(report: Report, reportName: string): { dossier: string; file: string } | undefined {
  const { dossier, file } = report.manifest;
  if (dossier === undefined || file === undefined) return undefined;
  const plainName = confinePath(file) === file && !file.includes('/');
  if (!plainName) throw invalidPath(reportName, file);
  if (dossier.includes('\u0000') || path.posix.isAbsolute(dossier) || path.win32.isAbsolute(dossier) || /^[a-zA-Z]:/.test(dossier)) throw invalidPath(reportName, dossier);
  return { dossier, file };
}

const inside = (rel: string): boolean => rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);

/** Where the manifest may be, relative to the real root; `outside` is the recorded location when it lies outside the root. */
function candidatesOf(report: Report, place: ReplayPlace, reportName: string): { root: string; list: string[]; outside?: string } {
  const manifestRel = confinePath(report.manifest.path);
  if (manifestRel === undefined) throw invalidPath(reportName, report.manifest.path);
  const root = realFolder(place.root);
  const list: string[] = [];
  let outside: string | undefined;
  const rec = recorded(report, reportName);
  if (rec) {
    const rel = path.relative(root, path.resolve(realFolder(place.reportDir), ...rec.dossier.split('/'), rec.file));
    if (inside(rel)) list.push(rel.split(path.sep).join('/'));
    else outside = rec.dossier;
  }
  list.push(manifestRel, path.posix.basename(manifestRel));
  return { root, list: [...new Set(list)], ...(outside !== undefined ? { outside } : {}) };
}

/**
 * Finds the manifest a report names, below the root: where the report places its dossier (when that
 * lies below the root), then the report's manifest path from the root (the folder the check ran in),
 * then its base name (the root is the dossier itself). A manifest with the report's hash is preferred;
 * else the first one found. Null when none is there: `notFoundHere` says why.
 */
export async function findDossier(report: Report, place: ReplayPlace, reportName: string): Promise<FoundDossier | null> {
  const { root, list } = candidatesOf(report, place, reportName);
  let first: FoundDossier | null = null;
  for (const rel of list) {
    const opened = await openEvidenceFile(root, rel);
    // A link out of the root is refused, never followed; a missing file is the next candidate.
    if (!opened.ok && opened.reason === 'escape') throw invalidPath(reportName, report.manifest.path);
    if (!opened.ok) continue;
    const found = await describe(opened.file, rel, root);
    if (found?.sha256 === report.manifest.sha256) return found;
    first ??= found;
  }
  return first;
}

async function describe(file: EvidenceFile, rel: string, root: string): Promise<FoundDossier | null> {
  const sha256 = await file.sha256().catch(() => null);
  return sha256 === null ? null : { manifest: rel, root, dossierDir: path.dirname(file.absPath), sha256 };
}

/** Exit 2: no manifest the report names is below the root (or the recorded dossier lies outside it). */
export function notFoundHere(report: Report, place: ReplayPlace, reportName: string): UserInputError {
  // Said from the report and the root only: nothing outside the root is looked at, even to say whether it exists.
  const { list, outside } = candidatesOf(report, place, reportName);
  const scope = place.rootGiven ? 'root' : 'report';
  const hint = outside !== undefined ? both(REPORT_TEXT.dossierOutsideScope, { dossier: outside, scope }) : both(REPORT_TEXT.noManifestInScope, { candidates: listParam(list), scope });
  return new UserInputError({
    code: 'report.invalid',
    file: reportName,
    subject: 'manifest',
    message: both(REPORT_TEXT.dossierNotFound, {}).message,
    hint: hint.message,
  });
}
