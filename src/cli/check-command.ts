import path from 'node:path';
import { checkDossierDetailed } from '../api/check-dossier.js';
import type { Report } from '../report/report.js';
import { FORMATTERS } from '../formatters/registry.js';
import type { Manifest } from '../manifest/types.js';
import type { Ruleset } from '../ruleset/types.js';
import type { Lang } from '../i18n/index.js';
import type { FormatContext } from '../formatters/types.js';
import type { GridTemplate } from '../formatters/xlsx/grid-template.js';
import { generatedAt, langOf, loadRules, parseAsOf, sourceDateEpoch, useColor, type CommonOptions } from './common.js';
import { loadGridTemplate } from './grid-template.js';
import type { CliIo } from './io.js';
import { pairOutputs, writeAtomically, type OutputRequest, type OutputToken } from './outputs.js';

export interface CheckOptions extends CommonOptions {
  asOf?: string;
  offline?: boolean;
  saveEvidence?: string;
  gridTemplate?: string;
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
    offline: opts.offline,
    ...(opts.saveEvidence ? { saveEvidence: opts.saveEvidence } : {}),
    ...(opts.snapshots ? { snapshots: opts.snapshots } : {}),
  });
}

/** What every format is rendered with besides the report and the ruleset. */
export interface EmitOptions extends CommonOptions {
  lang: Lang;
  sourceDateEpoch?: number;
  gridTemplate?: GridTemplate;
}

/** Renders each requested format and writes it (binary formats only to files). */
export async function emit(report: Report, ruleset: Ruleset, io: CliIo, requests: readonly OutputRequest[], opts: EmitOptions): Promise<void> {
  const files: { path: string; content: string | Uint8Array }[] = [];
  let stdout = '';
  for (const r of requests) {
    const formatter = FORMATTERS.get(r.format)!;
    const ctx: FormatContext = {
      color: useColor(opts, io, r.output === undefined),
      lang: opts.lang,
      ruleset,
      quiet: opts.quiet ?? false,
      ...(opts.sourceDateEpoch !== undefined ? { sourceDateEpoch: opts.sourceDateEpoch } : {}),
      ...(opts.gridTemplate ? { gridTemplate: opts.gridTemplate } : {}),
    };
    const content = formatter.binary ? await formatter.format(report, ctx) : formatter.format(report, ctx);
    if (r.output !== undefined) files.push({ path: path.resolve(io.cwd, r.output), content });
    else if (typeof content === 'string') stdout = content;
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
  const gridTemplate = opts.gridTemplate === undefined ? undefined : await loadGridTemplate(opts.gridTemplate, requests, ruleset, io);
  const report = await runCheck(manifestArg ?? 'dmn-evidence.yaml', ruleset, io, {
    asOf,
    lang,
    offline: opts.offline ?? false,
    generatedAt: stamp,
    ...(opts.saveEvidence ? { saveEvidence: opts.saveEvidence } : {}),
  });
  const epoch = sourceDateEpoch(io);
  await emit(report, ruleset, io, requests, { rules: opts.rules, color: opts.color, quiet: opts.quiet, lang, ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}), ...(gridTemplate ? { gridTemplate } : {}) });
  return report.verdict === 'pass' ? 0 : 1;
}
