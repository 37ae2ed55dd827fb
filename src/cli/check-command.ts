import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createRegistry } from '../checks/registry.js';
import { evaluateDossier } from '../engine/evaluate.js';
import type { Report } from '../report/report.js';
import { openDossier, type FhirOpener } from '../evidence/open-dossier.js';
import { FORMATTERS } from '../formatters/registry.js';
import { loadManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/types.js';
import type { Ruleset } from '../ruleset/types.js';
import type { Lang } from '../i18n/index.js';
import { generatedAt, langOf, loadRules, parseAsOf, TOOL, useColor, type CommonOptions } from './common.js';
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

/** FHIR sources, loaded only when a manifest names one (the HTTP client costs start-up time). */
function fhirOpener(io: CliIo, opts: RunOptions): FhirOpener {
  return async (ref) => {
    const fhir = await import('../evidence/fhir/source.js');
    const result = opts.snapshots
      ? await fhir.openFhirSnapshot(opts.snapshots, fhir.snapshotName(ref.url), ref.url)
      : await fhir.openFhirEvidence(
          { url: ref.url, ...(ref.tokenEnv ? { tokenEnv: ref.tokenEnv } : {}), ...(ref.maxResources ? { maxResources: ref.maxResources } : {}) },
          { env: io.env, offline: opts.offline, timeoutMs: FHIR_TIMEOUT_MS, ...(opts.saveEvidence ? { saveDir: opts.saveEvidence } : {}) },
        );
    return result.ok ? { ok: true, file: result.file, findings: result.findings } : result;
  };
}

const FHIR_TIMEOUT_MS = 30_000;

/** Loads, opens and evaluates a dossier: the pipeline shared by `check`, `replay` and `pack`. */
export async function runCheck(manifestFile: string, ruleset: Ruleset, io: CliIo, opts: RunOptions): Promise<Report> {
  return (await checkDossier(manifestFile, ruleset, io, opts)).report;
}

/** {@link runCheck}, also giving the manifest as it was loaded (for `pack`, which seals what was judged). */
export async function checkDossier(manifestFile: string, ruleset: Ruleset, io: CliIo, opts: RunOptions): Promise<{ report: Report; manifest: Manifest }> {
  const manifest = loadManifest(manifestFile, ruleset, io.cwd);
  if (opts.saveEvidence) await mkdir(path.resolve(io.cwd, opts.saveEvidence), { recursive: true });
  const resolved = { ...opts, ...(opts.saveEvidence ? { saveEvidence: path.resolve(io.cwd, opts.saveEvidence) } : {}), ...(opts.snapshots ? { snapshots: path.resolve(io.cwd, opts.snapshots) } : {}) };
  const opened = await openDossier(manifest, { openFhir: fhirOpener(io, resolved) });
  const report = await evaluateDossier({
    ruleset,
    manifest,
    opened,
    registry: createRegistry(),
    asOf: opts.asOf,
    lang: opts.lang,
    tool: TOOL,
    generatedAt: opts.generatedAt,
    read: opts.read !== false,
  });
  return { report, manifest };
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
