import type { OnProgress } from '../util/progress.js';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { catalogOf, createRegistry, type CheckRegistry } from '../checks/registry.js';
import { evaluateDossier } from '../engine/evaluate.js';
import { wordReport } from './word-report.js';
import { openDossier, type FhirOpener } from '../evidence/open-dossier.js';
import type { Lang } from '../i18n/index.js';
import { identitiesOf, type InputIdentity } from '../diagnostics/output-file.js';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';

import { displayPath, loadManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/types.js';
import type { Report } from '../report/report.js';
import { DEFAULT_RULESET, loadRuleset } from '../ruleset/load.js';
import type { Ruleset } from '../ruleset/types.js';
import { API_TEXT } from './messages.js';
import { TOOL } from './tool.js';

/** What {@link checkDossier} needs; only `manifest` is required. */
export interface CheckDossierOptions {
  /** Path of the evidence manifest (`dmn-evidence.yaml`), absolute or relative to `cwd`. */
  manifest: string;
  /**
   * The ruleset: a loaded one, a bundled reference (`ans-dmn@1.2.2`) or a file path.
   * Default: the bundled `ans-dmn@1.2.2`.
   */
  rules?: Ruleset | string;
  /** The date statements are judged against, `YYYY-MM-DD`. Default: today, local time. */
  asOf?: string;
  /** Language of the findings' wording. Default `en`. */
  lang?: Lang;
  /** Refuse network evidence sources (FHIR servers): they are reported as `error`. */
  offline?: boolean;
  /** Folder to save what FHIR servers returned into (canonical NDJSON), for an offline replay. */
  saveEvidence?: string;
  /** Folder of FHIR snapshots read instead of the network (replay). */
  snapshots?: string;
  /** Folder relative paths are resolved against, and names are shown relative to. Default: `process.cwd()`. */
  cwd?: string;
  /** Environment FHIR bearer tokens are read from (`token_env`). Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Timestamp the report is stamped with (ISO 8601, seconds). Default: now. */
  generatedAt?: string;
  /** Checks a ruleset may name. Default: the built-in ones. */
  registry?: CheckRegistry;
  /**
   * Read what evidence shows (OCR of screenshots, PDF/DOCX/ODT text). Default true; false is the
   * fast structural check (`--no-read`), recorded in the report.
   */
  read?: boolean;
  /** Told how far the run has got (files opened, requirements judged, files read): counts only. */
  onProgress?: OnProgress;
}

/** A dossier's report, and the manifest it was judged from (for `pack`, which seals what was judged). */
export interface CheckedDossier {
  report: Report;
  manifest: Manifest;
  ruleset: Ruleset;
  /** The manifest and every evidence file as opened (device and inode): what no output of the run may replace. */
  inputs: InputIdentity[];
}

const FHIR_TIMEOUT_MS = 30_000;

/** FHIR sources, loaded only when a manifest names one (the HTTP client costs start-up time). */
function fhirOpener(env: Readonly<Record<string, string | undefined>>, opts: { offline: boolean; saveEvidence?: string; snapshots?: string }): FhirOpener {
  return async (ref) => {
    const fhir = await import('../evidence/fhir/source.js');
    const result = opts.snapshots
      ? await fhir.openFhirSnapshot(opts.snapshots, fhir.snapshotName(ref.url), ref.url)
      : await fhir.openFhirEvidence(
          { url: ref.url, ...(ref.tokenEnv ? { tokenEnv: ref.tokenEnv } : {}), ...(ref.maxResources ? { maxResources: ref.maxResources } : {}) },
          { env, offline: opts.offline, timeoutMs: FHIR_TIMEOUT_MS, ...(opts.saveEvidence ? { saveDir: opts.saveEvidence } : {}) },
        );
    return result.ok ? { ok: true, file: result.file, findings: result.findings } : result;
  };
}

function localToday(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Loads a manifest, opens every evidence file and source it names, and evaluates the dossier
 * against the ruleset. Input errors (bad manifest, bad ruleset, evidence outside the dossier) are
 * thrown as `UserInputError`; everything about the evidence itself is in the report.
 */
export async function checkDossierDetailed(options: CheckDossierOptions): Promise<CheckedDossier> {
  const cwd = options.cwd ?? process.cwd();
  const registry = options.registry ?? createRegistry();
  const rules = options.rules ?? DEFAULT_RULESET;
  const ruleset = typeof rules === 'string' ? loadRuleset(rules, { cwd, registry }) : rules;
  const now = new Date();
  const manifest = loadManifest(options.manifest, ruleset, cwd);
  const saveEvidence = options.saveEvidence === undefined ? undefined : path.resolve(cwd, options.saveEvidence);
  if (saveEvidence) await makeSaveDir(saveEvidence, cwd);
  const snapshots = options.snapshots === undefined ? undefined : path.resolve(cwd, options.snapshots);
  const opened = await openDossier(manifest, {
    openFhir: fhirOpener(options.env ?? process.env, {
      offline: options.offline ?? false,
      ...(saveEvidence ? { saveEvidence } : {}),
      ...(snapshots ? { snapshots } : {}),
    }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const evaluated = await evaluateDossier({
    ruleset,
    manifest,
    opened,
    registry,
    asOf: options.asOf ?? localToday(now),
    tool: TOOL,
    generatedAt: options.generatedAt ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    read: options.read !== false,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const report = wordReport(evaluated, options.lang ?? 'en', catalogOf(registry));
  const inputs = await identitiesOf([{ abs: path.join(manifest.dossierDir, manifest.file), name: manifest.file }]);
  for (const o of opened.values()) if (o.ok && o.file.identity) inputs.push({ ...o.file.identity, name: o.file.path });
  return { report, manifest, ruleset, inputs };
}

/** Creates the `saveEvidence` folder (mode 0700: it holds health data); exit 2 when the path is a file, or cannot be made. */
async function makeSaveDir(abs: string, cwd: string): Promise<void> {
  try {
    await mkdir(abs, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UserInputError({
      code: 'usage',
      file: displayPath(abs, cwd),
      subject: '--save-evidence',
      message: (code === 'EEXIST' || code === 'ENOTDIR' ? both(API_TEXT.saveDirIsAFile, {}) : both(API_TEXT.saveDirNotCreated, { code })).message,
      hint: both(API_TEXT.giveSaveDir, {}).message,
    });
  }
}

/** {@link checkDossierDetailed}, giving the report only. */
export async function checkDossier(options: CheckDossierOptions): Promise<Report> {
  return (await checkDossierDetailed(options)).report;
}
