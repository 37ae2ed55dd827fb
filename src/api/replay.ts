import path from 'node:path';
import { rulesetForReport } from '../audit/find-ruleset.js';
import { readReport } from '../audit/read-report.js';
import { replayReport, type ReplayOutcome } from '../audit/replay.js';
import type { Report } from '../report/report.js';
import type { Ruleset } from '../ruleset/types.js';
import { catalogOf, createRegistry } from '../checks/registry.js';
import { checkDossier } from './check-dossier.js';

/**
 * How a replay re-evaluates a report's dossier: offline, at the report's date, language and
 * timestamp, reading content unless the report says it was not read.
 */
export function replayCheckOptions(report: Report, snapshots: string | undefined) {
  return {
    asOf: report.asOf,
    lang: report.lang,
    offline: true,
    read: report.read !== false,
    generatedAt: report.generatedAt,
    ...(snapshots !== undefined ? { snapshots } : {}),
  } as const;
}

/** Every finding code's words, the checks' own included: what replay words changed findings with. */
export function replayCatalog() {
  return catalogOf(createRegistry());
}

/** What {@link replay} needs; only `report` is required. */
export interface ReplayOptions {
  /** Path of a JSON report written by `check --format json`. */
  report: string;
  /**
   * Folder the replay may read in, and where it looks for the dossier: the folder the check ran in, or
   * the dossier itself. Default: the report's own folder (a report written to a file also records where
   * its dossier is from there).
   */
  root?: string;
  /** The ruleset file the check used, when it is not a bundled one. Its SHA-256 must match the report's. */
  rules?: string;
  /** Folder of FHIR snapshots (`check --save-evidence`), read instead of the network. */
  evidence?: string;
  /** Folder relative paths are resolved against. Default: `process.cwd()`. */
  cwd?: string;
}

/** A replay's outcome, with the report replayed and the ruleset it was replayed with. */
export interface Replayed extends ReplayOutcome {
  report: Report;
  ruleset: Ruleset;
  /** The ruleset file, as the user would name it (`rules/ans-dmn-1.2.2.yaml`). */
  rulesFile: string;
}

/**
 * Replays a JSON report: re-hashes the manifest and every evidence file it names, re-evaluates the
 * dossier offline at the report's date, language and timestamp, and lists every difference.
 * (Bags, folder or zip, are opened by the CLI's `replay`, which then calls the same steps.)
 */
export async function replay(options: ReplayOptions): Promise<Replayed> {
  const cwd = options.cwd ?? process.cwd();
  const reportAbs = path.resolve(cwd, options.report);
  const reportName = options.report;
  // An untrusted report's paths are confined to its own folder (or `root`), never to wherever replay runs.
  const root = options.root !== undefined ? path.resolve(cwd, options.root) : path.dirname(reportAbs);
  const report = await readReport(reportAbs, reportName);
  const found = rulesetForReport(report, reportName, options.rules, cwd);
  const snapshots = options.evidence === undefined ? undefined : path.resolve(cwd, options.evidence);
  const place = { reportDir: path.dirname(reportAbs), root, rootGiven: options.root !== undefined };
  const outcome = await replayReport(
    report,
    place,
    reportName,
    (manifestPath, at) => checkDossier({ manifest: manifestPath, rules: found.ruleset, cwd: at, env: {}, ...replayCheckOptions(report, snapshots) }),
    replayCatalog(),
  );
  return { ...outcome, report, ruleset: found.ruleset, rulesFile: found.file };
}
