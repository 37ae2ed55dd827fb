import path from 'node:path';
import { checkDossierDetailed } from '../api/check-dossier.js';
import type { Report } from '../report/report.js';
import { FORMATTERS } from '../formatters/registry.js';
import type { Manifest } from '../manifest/types.js';
import type { Ruleset } from '../ruleset/types.js';
import type { Lang } from '../i18n/index.js';
import { generatedAt, langOf, loadRules, parseAsOf, useColor, type CommonOptions } from './common.js';
import type { CliIo } from './io.js';
import { pairOutputs, writeAtomically, type OutputRequest, type OutputToken } from './outputs.js';

export interface CheckOptions extends CommonOptions {
  asOf?: string;
  offline?: boolean;
  saveEvidence?: string;
  /** False under `--no-read`. */
  read?: boolean;
  outputs: OutputToken[];
}

export interface RunOptions {
  asOf: string;
  lang: Lang;
  generatedAt: string;
  /** Refuse network sources. */
  offline: boolean;
  /** Write what FHIR servers returned here (canonical NDJSON), for an offline replay. */
  saveEvidence?: string;
  /** Read FHIR sources from snapshots in this folder instead of the network (replay). */
  snapshots?: string;
  /** Read what evidence shows (OCR, document text); false for `--no-read`. Default true. */
  read?: boolean;
}

/** Loads, opens and evaluates a dossier: the pipeline shared by `check`, `replay` and `pack` (the API's). */
export async function runCheck(manifestFile: string, ruleset: Ruleset, io: CliIo, opts: RunOptions): Promise<Report> {
  return (await checkDossier(manifestFile, ruleset, io, opts)).report;
}

/** {@link runCheck}, also giving the manifest as it was loaded (for `pack`, which seals what was judged). */
export async function checkDossier(manifestFile: string, ruleset: Ruleset, io: CliIo, opts: RunOptions): Promise<{ report: Report; manifest: Manifest }> {
  return checkDossierDetailed({
    manifest: manifestFile,
    rules: ruleset,
    cwd: io.cwd,
    env: io.env,
    asOf: opts.asOf,
    lang: opts.lang,
    generatedAt: opts.generatedAt,
    read: opts.read !== false,
    offline: opts.offline,
    ...(opts.saveEvidence ? { saveEvidence: opts.saveEvidence } : {}),
    ...(opts.snapshots ? { snapshots: opts.snapshots } : {}),
  });
}

/** Renders each requested format and writes it; returns the report's exit code (0 pass, 1 fail). */
export async function emit(report: Report, ruleset: Ruleset, io: CliIo, requests: readonly OutputRequest[], opts: CommonOptions & { lang: Lang }): Promise<void> {
  const files: { path: string; content: string }[] = [];
  let stdout = '';
  for (const r of requests) {
    const formatter = FORMATTERS.get(r.format)!;
    const content = formatter.format(report, { color: useColor(opts, io, r.output === undefined), lang: opts.lang, ruleset, quiet: opts.quiet ?? false });
    if (r.output === undefined) stdout = content;
    else files.push({ path: path.resolve(io.cwd, r.output), content });
  }
  await writeAtomically(files);
  if (stdout) io.stdout.write(stdout);
}

export async function checkCommand(manifestArg: string | undefined, opts: CheckOptions, io: CliIo): Promise<number> {
  const now = (io.now ?? (() => new Date()))();
  const lang = langOf(opts, io);
  const asOf = parseAsOf(opts.asOf, now);
  const stamp = generatedAt(io, now);
  const requests = pairOutputs(opts.outputs); // usage errors before any work
  const ruleset = loadRules(opts, io);
  const report = await runCheck(manifestArg ?? 'dmn-evidence.yaml', ruleset, io, {
    asOf,
    lang,
    offline: opts.offline ?? false,
    generatedAt: stamp,
    read: opts.read !== false,
    ...(opts.saveEvidence ? { saveEvidence: opts.saveEvidence } : {}),
  });
  await emit(report, ruleset, io, requests, { ...opts, lang });
  return report.verdict === 'pass' ? 0 : 1;
}
