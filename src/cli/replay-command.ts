import { colon, lineDate } from '../i18n/format.js';
import { both, say } from '../i18n/text.js';
import { PACK_TEXT } from './messages-pack.js';
import { REPLAY_TEXT } from './messages-replay.js';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { printableDeep } from '../diagnostics/printable.js';
import { makeTempWorkDir, removeWorkDir } from '../diagnostics/work-dirs.js';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { unreadable } from '../diagnostics/input-file.js';
import type { Report } from '../report/report.js';
import { word, type Lang } from '../i18n/index.js';
import { displayPath } from '../manifest/load.js';
import { PAYLOAD_DIR } from '../audit/bagit.js';
import { looksLikeBag, verifyBag, type BagVerification } from '../audit/bag-verify.js';
import { rulesetForReport } from '../audit/find-ruleset.js';
import { readReport } from '../audit/read-report.js';
import { replayReport, type ReplayOutcome } from '../audit/replay.js';
import { extractBagZip } from '../audit/bag-zip.js';
import { ZipError } from '../audit/zip.js';
import { checkTrust, type TrustOutcome } from '../audit/signature.js';
import { refuseOptions, trustedKeys } from './replay-options.js';
import { runCheck } from './check-command.js';
import { replayCatalog, replayCheckOptions } from '../api/replay.js';
import { SNAPSHOT_DIR } from '../audit/pack.js';
import { langOf, TOOL, useColor, type CommonOptions } from './common.js';
import type { CliIo } from './io.js';

export interface ReplayOptions extends CommonOptions {
  /** Folder the replay may read in, where it looks for the dossier (the folder the check ran in, or the dossier itself). */
  root?: string;
  /** `text` (default) or `json`. */
  format?: string;
  /** Folder of FHIR snapshots (`check --save-evidence`); a bag's default is its `data/fhir-snapshots`. */
  evidence?: string;
  /** A bag's seal must be this SHA-256 (of its tag manifest). */
  expectSeal?: string;
  /** Ed25519 public keys (PEM files): a bag must be signed by one of them. */
  trust?: string[];
}

/** A worded difference or bag problem, as printed and as put in the JSON output. */
interface Worded {
  code: string;
  message: string;
  hint?: string;
  params: Record<string, string | number>;
}

function worded(items: readonly { code: string; params: Record<string, string | number> }[], lang: Lang): Worded[] {
  return items.map((d) => ({ code: d.code, ...word(d.code, d.params, lang), params: d.params }));
}

const isZip = async (file: string): Promise<boolean> => {
  const handle = await fsp.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50;
  } finally {
    await handle.close();
  }
};

function notABag(file: string): UserInputError {
  return new UserInputError({
    code: 'report.invalid',
    file,
    ...both(REPLAY_TEXT.notABag, {}),
  });
}

/** Unpacks a zipped bag into a scratch folder and returns the bag's base folder in it. */
async function unzipBag(abs: string, display: string, scratch: string): Promise<string> {
  try {
    await extractBagZip(abs, scratch);
  } catch (err) {
    const entry = err instanceof ZipError && err.entry ? `${err.entry}: ` : '';
    if (err instanceof ZipError && err.kind === 'limit') {
      // A zip bomb, or a bag larger than it says: refused before (or while) it fills memory or disk.
      throw new UserInputError({
        code: 'file.unreadable',
        file: display,
        ...both(REPLAY_TEXT.zipOverLimit, { entry, reason: err.message, reasonFr: err.fr ?? err.message }),
      });
    }
    const why = err instanceof ZipError ? `${entry}${err.message}` : ((err as NodeJS.ErrnoException).code ?? 'error');
    throw new UserInputError({
      code: 'file.unreadable',
      file: display,
      ...both(REPLAY_TEXT.zipUnreadable, { why }),
    });
  }
  if (await looksLikeBag(scratch)) return scratch;
  const top = await fsp.readdir(scratch, { withFileTypes: true });
  if (top.length === 1 && top[0]!.isDirectory() && (await looksLikeBag(path.join(scratch, top[0]!.name)))) return path.join(scratch, top[0]!.name);
  throw notABag(display);
}

export async function replayCommand(input: string, opts: ReplayOptions, io: CliIo): Promise<number> {
  const lang = langOf(opts, io);
  const format = opts.format ?? 'text';
  const abs = path.resolve(io.cwd, input);
  const display = displayPath(abs, io.cwd);
  // Usage first: a malformed seal or a bad key file is said before any bag is opened.
  const trusted = trustedKeys(opts, io);
  const st = await fsp.stat(abs).catch((err: unknown) => {
    throw unreadable(display, err, 'report');
  });
  let scratch: string | undefined;
  try {
    let bagDir: string | undefined;
    if (st.isDirectory()) {
      if (!(await looksLikeBag(abs))) throw notABag(display);
      bagDir = abs;
    } else if (!st.isFile()) {
      throw notABag(display);
    } else if (await isZip(abs)) {
      scratch = await makeTempWorkDir('dmn-check-replay-');
      bagDir = await unzipBag(abs, display, scratch);
    }
    refuseOptions(opts, bagDir !== undefined);

    let bag: BagVerification | undefined;
    let trust: TrustOutcome | undefined;
    let reportAbs = abs;
    let reportName = display;
    // An untrusted report's paths are confined to its own folder (or --root), never to wherever replay was run.
    let root = opts.root !== undefined ? path.resolve(io.cwd, opts.root) : path.dirname(abs);
    if (bagDir !== undefined) {
      bag = await verifyBag(bagDir);
      // A bag that is not complete and valid is not checked further; one that is must be the one expected.
      trust = bag.problems.length === 0 ? await checkTrust(bagDir, bag.seal, { ...(opts.expectSeal !== undefined ? { expectSeal: opts.expectSeal } : {}), trusted }) : undefined;
      if (bag.problems.length > 0 || (trust?.problems.length ?? 0) > 0) {
        print(io, opts, lang, format, { input: display, bag, trust, report: undefined, outcome: undefined });
        return 1;
      }
      reportAbs = path.join(bagDir, PAYLOAD_DIR, 'report.json');
      reportName = `${display}/${PAYLOAD_DIR}/report.json`;
      root = path.join(bagDir, PAYLOAD_DIR);
    }

    const snapshots = opts.evidence !== undefined ? path.resolve(io.cwd, opts.evidence) : bagDir !== undefined ? path.join(root, SNAPSHOT_DIR) : undefined;
    const report = await readReport(reportAbs, reportName);
    const found = rulesetForReport(report, reportName, opts.rules, io.cwd);
    const place = { reportDir: path.dirname(reportAbs), root, rootGiven: opts.root !== undefined, bag: bagDir !== undefined };
    const outcome = await replayReport(
      report,
      place,
      reportName,
      (manifestPath, at) => runCheck(manifestPath, found.ruleset, { ...io, cwd: at }, replayCheckOptions(report, snapshots)),
      replayCatalog(),
    );
    print(io, opts, lang, format, { input: display, bag, trust, report: { name: reportName, value: report, rulesFile: found.file }, outcome });
    return outcome.differences.length === 0 ? 0 : 1;
  } finally {
    if (scratch !== undefined) await removeWorkDir(scratch);
  }
}

interface Printable {
  input: string;
  bag: BagVerification | undefined;
  trust: TrustOutcome | undefined;
  report: { name: string; value: Report; rulesFile: string } | undefined;
  outcome: ReplayOutcome | undefined;
}

function print(io: CliIo, opts: ReplayOptions, lang: Lang, format: string, given: Printable): void {
  // Text goes to a terminal: every value in it (from the report, the bag, a server) made printable.
  const p = format === 'json' ? given : printableDeep(given);
  const bagProblems = p.bag ? worded([...p.bag.problems, ...(p.trust?.problems ?? [])], lang) : [];
  const differences = p.outcome ? worded(p.outcome.differences, lang) : [];
  if (format !== 'json') for (const d of [...bagProblems, ...differences]) Object.assign(d, printableDeep({ message: d.message, ...(d.hint !== undefined ? { hint: d.hint } : {}) }));
  if (format === 'json') {
    const out = {
      replay: 1,
      input: p.input,
      bag: p.bag
        ? {
            valid: p.bag.problems.length === 0,
            payloadFiles: p.bag.payloadFiles,
            payloadBytes: p.bag.payloadBytes,
            seal: p.bag.seal,
            expectedSeal: opts.expectSeal?.toLowerCase() ?? null,
            signature: p.trust?.signature ?? null,
            problems: bagProblems,
            problemsNotShown: p.bag.problemsNotShown,
          }
        : null,
      report: p.report?.name ?? null,
      ruleset: p.report ? { ...p.report.value.ruleset, file: p.report.rulesFile } : null,
      identical: p.outcome !== undefined && differences.length === 0,
      filesChecked: p.outcome?.filesChecked ?? 0,
      differences,
    };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const c = new Chalk({ level: useColor(opts, io, true) ? 1 : 0 });
  const lines: string[] = [];
  const list = (items: Worded[], notShown = 0): void => {
    for (const d of items) lines.push(`  ${c.red('✖')} ${d.message}`);
    if (notShown > 0) lines.push(`  ${say(REPLAY_TEXT.notShown, { count: notShown }, lang)}`);
    const hints = [...new Set(items.map((d) => d.hint).filter((h): h is string => h !== undefined))];
    for (const h of hints) lines.push(`  ${c.dim('→')} ${h}`);
  };
  if (p.bag) {
    const bad = p.bag.problems.length > 0;
    const state = bad
      ? c.red(say(REPLAY_TEXT.bagInvalid, { count: p.bag.problems.length + p.bag.problemsNotShown }, lang))
      : say(REPLAY_TEXT.bagValid, { files: p.bag.payloadFiles, bytes: p.bag.payloadBytes, seal: p.bag.seal ?? '' }, lang);
    lines.push(`${say(REPLAY_TEXT.bag, {}, lang)} ${p.input}${colon(lang)} ${state}`);
    const sig = p.trust?.signature;
    if (!bad && p.trust?.sealChecked && !p.trust.problems.some((d) => d.code === 'bag.seal-mismatch')) lines.push(`  ${c.green(`✔ ${say(REPLAY_TEXT.sealAsExpected, {}, lang)}`)}`);
    if (!bad && sig?.status === 'verified') lines.push(`  ${c.green(`✔ ${say(PACK_TEXT.signedBy, { key: sig.fingerprint, file: sig.file }, lang)}`)}`);
    if (!bad && sig?.status === 'present') lines.push(`  ${say(REPLAY_TEXT.signedUnchecked, { key: sig.fingerprint }, lang)}`);
    if (bagProblems.length > 0) {
      // A hostile bag can hold a million problems; the first ones tell what happened.
      list(bagProblems, p.bag.problemsNotShown);
      io.stdout.write(`${lines.join('\n')}\n`);
      return;
    }
  }
  const r = p.report!.value;
  const outcome = p.outcome!;
  if (!opts.quiet) {
    lines.push(c.bold(`${say(REPLAY_TEXT.replayOf, {}, lang)} ${p.report!.name}`));
    lines.push(`  ${r.product.name} ${r.product.version} — ${r.product.manufacturer}`);
    lines.push(`  ${say(REPLAY_TEXT.rulesetLine, { ruleset: `${r.ruleset.id} ${r.ruleset.version}`, file: p.report!.rulesFile, sha256: r.ruleset.sha256 }, lang)}`);
    lines.push(`  ${say(REPLAY_TEXT.manifestLine, { manifest: r.manifest.path, asOf: lineDate(r.asOf, lang), generated: r.generatedAt }, lang)}`);
    const evaluated = outcome.replayed ? say(REPLAY_TEXT.reevaluated, { count: outcome.replayed.requirements.length }, lang) : say(REPLAY_TEXT.notEvaluated, {}, lang);
    lines.push(`  ${say(REPLAY_TEXT.rehashed, { count: outcome.filesChecked, evaluated }, lang)}`);
    if (r.tool.version !== TOOL.version) lines.push(c.dim(`  ${say(REPLAY_TEXT.otherTool, { was: r.tool.version, now: TOOL.version }, lang)}`));
    lines.push('');
  }
  if (differences.length === 0) {
    lines.push(c.green(say(REPLAY_TEXT.identical, {}, lang)));
  } else {
    list(differences);
    lines.push(c.red(say(REPLAY_TEXT.differs, { count: differences.length }, lang)));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}
