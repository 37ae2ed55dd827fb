import { colon, lineDate } from '../i18n/format.js';
import { say } from '../i18n/text.js';
import { labels } from '../formatters/labels.js';
import { PACK_TEXT } from './messages-pack.js';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { unreadable } from '../diagnostics/input-file.js';
import type { Report } from '../report/report.js';
import { textFormat } from '../formatters/registry.js';
import { summaryCounts, VERDICT_LABELS } from '../formatters/status-labels.js';
import type { Lang } from '../i18n/index.js';
import { displayPath } from '../manifest/load.js';
import type { Manifest } from '../manifest/types.js';
import { checkTarget, isZipTarget, packDossier } from '../audit/pack.js';
import { locatedReport } from '../audit/locate.js';
import { checkDossier, rulesetInput } from './check-command.js';
import { identitiesOf, refuseInput } from '../diagnostics/output-file.js';
import { TAG_SIGNATURE } from '../audit/bagit.js';
import { readSigningKey } from '../audit/signature.js';
import { makeTempWorkDir, removeWorkDir } from '../diagnostics/work-dirs.js';
import { defaultManifest, generatedAt, langOf, loadRules, parseAsOf, TOOL, type CommonOptions } from './common.js';
import type { CliIo } from './io.js';

export interface PackOptions extends CommonOptions {
  /** A folder, or a `.zip` file. */
  out: string;
  force?: boolean;
  asOf?: string;
  offline?: boolean;
  /** False under `--no-read`. */
  read?: boolean;
  /** Ed25519 private key (PEM file) to sign the bag with. */
  sign?: string;
}

function summaryText(r: Report, lang: Lang): string {
  return summaryCounts(r.summary, lang);
}

/**
 * `pack`: checks the dossier, then seals it as a BagIt bag (folder or zip) holding the manifest,
 * the evidence, the statements' documents and the reports. Exit 0 once written, whatever the
 * verdict (the verdict is printed, and is in the bag); 2 on input errors.
 */
export async function packCommand(manifestArg: string | undefined, opts: PackOptions, io: CliIo): Promise<number> {
  const now = (io.now ?? (() => new Date()))();
  const lang = langOf(opts, io);
  const asOf = parseAsOf(opts.asOf, now);
  const stamp = generatedAt(io, now);
  const target = path.resolve(io.cwd, opts.out);
  const targetName = displayPath(target, io.cwd);
  // A bad key is said before any work, like any other usage error.
  const keyAbs = opts.sign === undefined ? undefined : path.resolve(io.cwd, opts.sign);
  const key = keyAbs === undefined ? undefined : readSigningKey(keyAbs, displayPath(keyAbs, io.cwd));
  const manifestAbs = path.resolve(io.cwd, manifestArg ?? defaultManifest(io));
  const st = await fsp.stat(manifestAbs).catch((err: unknown) => {
    throw unreadable(displayPath(manifestAbs, io.cwd), err);
  });
  if (!st.isFile()) throw unreadable(displayPath(manifestAbs, io.cwd), Object.assign(new Error('directory'), { code: 'EISDIR' }));
  const dossierDir = await fsp.realpath(path.dirname(manifestAbs));
  await checkTarget(target, targetName, opts.force ?? false, dossierDir);
  const ruleset = loadRules(opts, io);

  // The check runs from the dossier folder, so the bag's report names the manifest as it sits in data/.
  const base = path.basename(manifestAbs);
  const inDossier: CliIo = { ...io, cwd: dossierDir };
  // FHIR sources are fetched once and saved, so the bag replays offline exactly what was judged.
  const saveEvidence = await makeTempWorkDir('dmn-check-pack-');
  try {
    const { report, manifest, inputs } = await checkDossier(base, ruleset, inDossier, { asOf, lang, offline: opts.offline ?? false, generatedAt: stamp, saveEvidence, read: opts.read !== false });
    // --force replaces a previous bag or a file, never the manifest, an evidence file or the ruleset.
    // The signing key is an input too: --force never replaces it with the bag.
    const keyInput = keyAbs === undefined ? [] : await identitiesOf([{ abs: keyAbs, name: displayPath(keyAbs, io.cwd) }]);
    refuseInput(await fsp.stat(target).catch(() => undefined), targetName, [...inputs, ...(await rulesetInput(opts, io)), ...keyInput]);
    const snapshots = (await fsp.readdir(saveEvidence)).sort().map((name) => ({ name, absPath: path.join(saveEvidence, name) }));
    return await seal(report, manifest, snapshots);
  } finally {
    await removeWorkDir(saveEvidence);
  }

  async function seal(report: Report, manifest: Manifest, snapshots: { name: string; absPath: string }[]): Promise<number> {
    const ctx = { color: false, lang, ruleset, quiet: false };
    // In the bag, report.json sits at the root of data/, beside the manifest: its dossier is `.`.
    const renders = [
      { path: 'report.json', content: textFormat('json').format(locatedReport(report, manifest.dossierDir, path.join(manifest.dossierDir, 'report.json')), ctx) },
      { path: 'report.html', content: textFormat('html').format(report, ctx) },
    ];
    const summary = summaryText(report, lang);
    const verdict = VERDICT_LABELS[lang][report.verdict];
    const description = say(PACK_TEXT.description, { ruleset: `${report.ruleset.id} ${report.ruleset.version}`, asOf: lineDate(report.asOf, lang), verdict, summary }, lang);
    const info: [string, string][] = [
      ['Source-Organization', report.product.manufacturer],
      ['External-Identifier', `${report.product.name} ${report.product.version}`],
      ['External-Description', description],
      ['Bagging-Date', report.generatedAt.slice(0, 10)],
      ['Bag-Software-Agent', `${TOOL.name} ${TOOL.version}`],
      ['DMN-Ruleset', `${report.ruleset.id} ${report.ruleset.version}`],
      ['DMN-Ruleset-SHA256', report.ruleset.sha256],
      ['DMN-As-Of', report.asOf],
      ['DMN-Verdict', report.verdict],
    ];
    const result = await packDossier({ target, force: opts.force ?? false, manifest, report, renders, info, snapshots, ...(key ? { sign: key } : {}) });

    const c = colon(lang);
    const lines = [
      `${say(isZipTarget(target) ? PACK_TEXT.zipWritten : PACK_TEXT.bagWritten, {}, lang)} ${targetName}`,
      `  ${say(PACK_TEXT.payload, { files: result.payloadFiles, bytes: result.payloadBytes }, lang)}`,
      `  ${say(PACK_TEXT.seal, {}, lang)}${c} ${result.seal}`,
      ...(result.signer ? [`  ${say(PACK_TEXT.signedBy, { key: result.signer, file: TAG_SIGNATURE }, lang)}`] : []),
      ...(result.zipSha256 ? [`  ${say(PACK_TEXT.zipSha256, {}, lang)}${c} ${result.zipSha256}`] : []),
      `${labels(lang).verdictHeading}${c} ${verdict} — ${summary}`,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
}
