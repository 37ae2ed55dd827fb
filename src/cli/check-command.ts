import { createProgress } from './progress.js';
import path from 'node:path';
import { checkDossierDetailed } from '../api/check-dossier.js';
import type { Report } from '../report/report.js';
import { FORMATTERS } from '../formatters/registry.js';
import type { Manifest } from '../manifest/types.js';
import type { Ruleset } from '../ruleset/types.js';
import type { Lang } from '../i18n/index.js';
import type { FormatContext } from '../formatters/types.js';
import type { GridTemplate } from '../formatters/xlsx/grid-template.js';
import { defaultManifest, generatedAt, langOf, warn, loadRules, parseAsOf, sourceDateEpoch, useColor, type CommonOptions } from './common.js';
import { loadGridTemplate } from './grid-template.js';
import type { CliIo } from './io.js';
import { pairOutputs, type OutputRequest, type OutputToken } from './outputs.js';
import { printableDeep } from '../diagnostics/printable.js';
import { identitiesOf, writeOutputs, type InputIdentity } from '../diagnostics/output-file.js';
import { displayPath } from '../manifest/load.js';
import { locatedReport } from '../audit/locate.js';
import { DEFAULT_RULESET } from '../ruleset/load.js';
import { DEFAULT_FAIL_ON, exitCodeFor, type FailOn } from './fail-on.js';
import type { InputProblem } from '../diagnostics/user-input-error.js';

export interface CheckOptions extends CommonOptions {
  asOf?: string;
  offline?: boolean;
  saveEvidence?: string;
  failOn?: FailOn;
  gridTemplate?: string;
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
  /** `--quiet`: no progress line either. */
  quiet?: boolean;
}

/** Loads, opens and evaluates a dossier: the pipeline shared by `check`, `replay` and `pack` (the API's). */
export async function runCheck(manifestFile: string, ruleset: Ruleset, io: CliIo, opts: RunOptions): Promise<Report> {
  return (await checkDossier(manifestFile, ruleset, io, opts)).report;
}

/** {@link runCheck}, also giving the manifest as it was loaded (for `pack`, which seals what was judged). */
export async function checkDossier(manifestFile: string, ruleset: Ruleset, io: CliIo, opts: RunOptions): Promise<{ report: Report; manifest: Manifest; inputs: InputIdentity[] }> {
  // A long run on a terminal shows how far it has got, on stderr (nothing in CI logs or pipes).
  const progress = createProgress(io.stderr, { lang: opts.lang, quiet: opts.quiet ?? false, env: io.env });
  try {
    return await checkDossierDetailed({
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
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    });
  } finally {
    progress.end();
  }
}

/** The ruleset file a run reads (`--rules`, or the bundled one), as an input no output may replace. */
export async function rulesetInput(opts: CommonOptions, io: CliIo): Promise<InputIdentity[]> {
  const abs = path.resolve(io.cwd, opts.rules ?? DEFAULT_RULESET);
  return identitiesOf([{ abs, name: displayPath(abs, io.cwd) }]);
}

/** What every format is rendered with besides the report and the ruleset. */
export interface EmitOptions extends CommonOptions {
  lang: Lang;
  /** The dossier folder (real path): a JSON report written to a file records where it is from there. */
  dossierDir?: string;
  sourceDateEpoch?: number;
  gridTemplate?: GridTemplate;
}

/** Renders each requested format and writes it (binary formats only to files). */
export async function emit(
  report: Report,
  ruleset: Ruleset,
  io: CliIo,
  requests: readonly OutputRequest[],
  opts: EmitOptions,
  inputs: readonly InputIdentity[] = [],
): Promise<void> {
  const files: { path: string; display: string; content: string | Uint8Array }[] = [];
  let stdout = '';
  // Formats read by people or CI logs get every value made printable; JSON and SARIF escape control characters themselves, and keep the data as it is.
  let shown: Report | undefined;
  for (const r of requests) {
    const formatter = FORMATTERS.get(r.format)!;
    const abs = r.output === undefined ? undefined : path.resolve(io.cwd, r.output);
    // A JSON report in a file says where its dossier is from there, so `replay` finds it from anywhere.
    const located = r.format === 'json' && abs !== undefined && opts.dossierDir !== undefined ? locatedReport(report, opts.dossierDir, abs) : report;
    const data = r.format === 'json' || r.format === 'sarif' || formatter.binary ? located : (shown ??= printableDeep(report));
    const ctx: FormatContext = {
      color: useColor(opts, io, r.output === undefined),
      lang: opts.lang,
      ruleset,
      quiet: opts.quiet ?? false,
      ...(opts.sourceDateEpoch !== undefined ? { sourceDateEpoch: opts.sourceDateEpoch } : {}),
      ...(opts.gridTemplate ? { gridTemplate: opts.gridTemplate } : {}),
    };
    const content = formatter.binary ? await formatter.format(data, ctx) : formatter.format(data, ctx);
    if (abs !== undefined) {
      files.push({ path: abs, display: displayPath(abs, io.cwd), content });
    } else if (typeof content === 'string') stdout = content;
  }
  await writeOutputs(files, inputs);
  if (stdout) io.stdout.write(stdout);
}

export async function checkCommand(manifestArg: string | undefined, opts: CheckOptions, io: CliIo): Promise<number> {
  const now = (io.now ?? (() => new Date()))();
  const lang = langOf(opts, io);
  const asOf = parseAsOf(opts.asOf, now);
  const stamp = generatedAt(io, now);
  const warnings: InputProblem[] = [];
  const requests = pairOutputs(opts.outputs, warnings); // usage errors before any work
  for (const w of warnings) warn(io, w, lang);
  const ruleset = loadRules(opts, io);
  const gridTemplate = opts.gridTemplate === undefined ? undefined : await loadGridTemplate(opts.gridTemplate, requests, ruleset, io);
  const { report, manifest, inputs } = await checkDossier(manifestArg ?? defaultManifest(io), ruleset, io, {
    asOf,
    lang,
    offline: opts.offline ?? false,
    generatedAt: stamp,
    read: opts.read !== false,
    quiet: opts.quiet === true,
    ...(opts.saveEvidence ? { saveEvidence: opts.saveEvidence } : {}),
  });
  const epoch = sourceDateEpoch(io);
  await emit(report, ruleset, io, requests, { rules: opts.rules, color: opts.color, quiet: opts.quiet, lang, dossierDir: manifest.dossierDir, ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}), ...(gridTemplate ? { gridTemplate } : {}) }, [...inputs, ...(await rulesetInput(opts, io))]);
  return exitCodeFor(report, opts.failOn ?? DEFAULT_FAIL_ON);
}
