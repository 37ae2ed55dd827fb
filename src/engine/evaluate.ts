import type { OnProgress } from '../util/progress.js';
import { placeOf, type SourcePosition } from '../diagnostics/user-input-error.js';
import { catalogOf, type CheckRegistry } from '../checks/registry.js';
import { createMemo } from '../checks/memo.js';
import { createReader, type EvidenceReader } from '../evidence/read/reader.js';
import { counted, withStreamProgress } from './progress-reader.js';
import type { Catalog } from '../i18n/index.js';
import { statementFindings } from './statements.js';
import type { EvidenceFile, OpenResult } from '../evidence/evidence-file.js';
import { expandAccepts, KINDS } from '../evidence/kinds.js';
import { word, type Lang } from '../i18n/index.js';
import type { EvidenceRef, Manifest, Statement } from '../manifest/types.js';
import { evaluate as evalCondition, factsOf } from '../ruleset/condition.js';
import type { RequirementDef, Ruleset, SlotDef } from '../ruleset/types.js';
import {
  worst,
  type FileReport,
  type Finding,
  type RawFinding,
  type Report,
  type RequirementReport,
  type SlotReport,
  type StatementReport,
  type Status,
} from '../report/report.js';

/** Everything the engine needs; it reads no clock, no environment and no console. */
export interface EvaluateInput {
  ruleset: Ruleset;
  manifest: Manifest;
  /** The opened evidence of every reference in the manifest (files and statement documents). */
  opened: ReadonlyMap<EvidenceRef, OpenResult>;
  registry: CheckRegistry;
  /** `YYYY-MM-DD`. */
  asOf: string;
  lang: Lang;
  tool: { name: string; version: string };
  /** ISO timestamp to stamp the report with. */
  generatedAt: string;
  /**
   * Read what evidence shows (OCR of screenshots, document text). Default true; false is the fast
   * structural check (`--no-read`). The report records it.
   */
  read?: boolean;
  /** The reader to use (tests, benches); by default the engine makes one and closes it at the end. */
  reader?: EvidenceReader;
  /** Told as each requirement starts and each file is read. */
  onProgress?: OnProgress;
}

/** One evaluation's state: its inputs, the catalogue its findings are worded from, and its memo. */
interface Evaluation extends EvaluateInput {
  catalog: Catalog;
  shared: <T>(key: string, compute: () => T) => T;
  reader: EvidenceReader | undefined;
}

interface SlotOutcome {
  report: SlotReport;
  findings: RawFinding[];
  provides: string[];
}

const STATUS_OF_SEVERITY = (f: RawFinding): Status | undefined => f.status ?? (f.severity === 'error' ? 'failed' : undefined);

/** Evaluates a dossier against a ruleset and returns the report (findings worded in `lang`). */
export async function evaluateDossier(given: EvaluateInput): Promise<Report> {
  const read = given.read !== false;
  // The reader starts no OCR worker until a file needs reading; those it started end with the evaluation.
  const owned = read && !given.reader ? createReader() : undefined;
  const reader = read ? counted(given.reader ?? owned, given.onProgress) : undefined;
  const opened = withStreamProgress(given.opened, given.onProgress);
  const input: Evaluation = { ...given, opened, catalog: catalogOf(given.registry), shared: createMemo(), reader };
  const requirements: RequirementReport[] = [];
  const total = input.ruleset.requirements.length;
  try {
    for (const req of input.ruleset.requirements) {
      given.onProgress?.({ phase: 'evaluate', done: requirements.length, total, label: req.id });
      requirements.push(await evaluateRequirement(req, input));
    }
  } finally {
    await owned?.close();
  }
  const summary: Record<Status, number> = { satisfied: 0, not_applicable: 0, missing: 0, failed: 0, error: 0 };
  for (const r of requirements) summary[r.status]++;
  const pass = requirements.every((r) => r.status === 'satisfied' || r.status === 'not_applicable');
  return {
    report: 1,
    tool: input.tool,
    ruleset: { id: input.ruleset.id, version: input.ruleset.version, sha256: input.ruleset.sha256 },
    manifest: { path: input.manifest.file, sha256: input.manifest.sha256 },
    product: input.manifest.product,
    facts: Object.fromEntries(Object.entries(input.manifest.facts)),
    asOf: input.asOf,
    generatedAt: input.generatedAt,
    lang: input.lang,
    read,
    verdict: pass ? 'pass' : 'fail',
    summary,
    findings: [],
    requirements,
  };
}

/**
 * Words a finding, and makes its `file` dossier-relative like every evidence path: the manifest is
 * named by its base name (positions in it were recorded with the name shown to the user).
 */
function localize(f: RawFinding, lang: Lang, manifestFile: string, catalog: Catalog): Finding {
  if (f.file === manifestFile) f = { ...f, file: manifestFile.slice(manifestFile.lastIndexOf('/') + 1) };
  const params = { ...(f.params ?? {}), slot: f.slot };
  const { message, hint } = word(f.code, params, lang, catalog);
  const out: Finding = { code: f.code, severity: f.severity, message };
  if (hint !== undefined) out.hint = hint;
  if (f.status !== undefined) out.status = f.status;
  if (f.params !== undefined) out.params = f.params;
  for (const k of ['slot', 'file', 'line', 'column', 'endLine', 'endColumn', 'record', 'pointer'] as const) {
    if (f[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = f[k];
  }
  return out;
}

function manifestPos(input: Evaluation, req: RequirementDef): Place {
  const p = input.manifest.requirementPositions.get(req.id);
  return p ? placeOf(p) : { file: input.manifest.file };
}

/** Where the manifest answers the fact that made a requirement not applicable. */
function decidingFactPos(req: RequirementDef, input: Evaluation): Place {
  for (const na of req.notApplicableWhen) {
    if (evalCondition(na.when, { facts: input.manifest.facts }) !== true) continue;
    for (const f of factsOf(na.when)) {
      const p = input.manifest.factPositions[f];
      if (p) return placeOf(p);
    }
  }
  return { file: input.manifest.file };
}

function factSummary(req: RequirementDef, input: Evaluation): string {
  const names = new Set<string>();
  for (const na of req.notApplicableWhen) factsOf(na.when, names);
  return [...names].map((n) => `${n} = ${JSON.stringify(input.manifest.facts[n])}`).join(', ');
}

async function evaluateRequirement(req: RequirementDef, input: Evaluation): Promise<RequirementReport> {
  const { manifest, lang } = input;
  const findings: RawFinding[] = [];
  const truths = req.notApplicableWhen.map((na) => evalCondition(na.when, { facts: manifest.facts }));
  const naReasons = req.notApplicableWhen.filter((_, i) => truths[i] === true).map((na) => na.reason);
  const statement = manifest.statements.get(req.id);
  const given = manifest.evidence.get(req.id);
  const title = req.title[lang];

  if (naReasons.length > 0) {
    let status: Status;
    let statementReport: StatementReport | null = null;
    if (!statement) {
      findings.push({
        code: 'statement.missing',
        severity: 'error',
        status: 'missing',
        ...(input.manifest.requirementPositions.has(req.id) ? manifestPos(input, req) : decidingFactPos(req, input)),
        params: { requirement: req.id, reasons_en: naReasons.map((r) => r.en).join('; '), reasons_fr: naReasons.map((r) => r.fr).join(' ; ') },
      });
      status = 'missing';
    } else {
      const doc = statement.document ? input.opened.get(statement.document) : undefined;
      const problems = statementFindings(statement, input.asOf, doc);
      if (problems.length === 0 && doc?.ok && statement.document) problems.push(...(await statementDocumentFindings(req, statement, doc.file, input)));
      findings.push(...problems);
      status = worst(problems.map(STATUS_OF_SEVERITY).filter((s): s is Status => s !== undefined), 'not_applicable');
      statementReport = await statementToReport(statement, doc, status === 'not_applicable');
    }
    if (given && [...given.values()].some((g) => g.refs.length > 0)) {
      findings.push({ code: 'evidence.ignored', severity: 'info', ...manifestPos(input, req) });
    }
    return {
      id: req.id,
      title,
      status,
      notApplicableReasons: naReasons.map((r) => r[lang]),
      findings: findings.map((f) => localize(f, lang, manifest.file, input.catalog)),
      slots: [],
      statement: statementReport,
    };
  }

  let floor: Status = 'satisfied';
  if (truths.includes('unknown')) {
    const missingFacts = new Set<string>();
    req.notApplicableWhen.forEach((na, i) => {
      if (truths[i] === 'unknown') for (const f of factsOf(na.when)) if (!(f in manifest.facts)) missingFacts.add(f);
    });
    findings.push({ code: 'fact.missing', severity: 'error', status: 'missing', file: manifest.file, params: { facts: [...missingFacts].join(', ') } });
    floor = 'missing';
  } else if (statement) {
    const why = factSummary(req, input);
    const params = why ? { why_en: why, why_fr: why } : { why_en: 'it always applies', why_fr: "elle s'applique toujours" };
    findings.push({ code: 'statement.ignored', severity: 'warning', ...placeOf(statement.at), params });
  }

  const slots: SlotReport[] = [];
  const provided = new Set<string>();
  const filesBySlot = openedFilesBySlot(req, input);
  for (const slot of req.slots) {
    const others = new Map([...filesBySlot].filter(([name]) => name !== slot.name));
    const outcome = await evaluateSlot(req, slot, input, provided, others);
    for (const tag of outcome.provides) provided.add(`${slot.name}:${tag}`);
    slots.push(outcome.report);
    findings.push(...outcome.findings);
  }
  const status = worst(
    slots.map((s) => s.status).filter((s) => s !== 'not_applicable'),
    floor,
  );
  return { id: req.id, title, status, findings: findings.map((f) => localize(f, lang, manifest.file, input.catalog)), slots, statement: null };
}

/** The readable, non-empty files of each slot of a requirement, for checks that judge one slot against another. */
function openedFilesBySlot(req: RequirementDef, input: Evaluation): Map<string, EvidenceFile[]> {
  const out = new Map<string, EvidenceFile[]>();
  for (const [name, { refs }] of input.manifest.evidence.get(req.id) ?? []) {
    const files: EvidenceFile[] = [];
    for (const ref of refs) {
      const opened = input.opened.get(ref);
      if (opened?.ok && opened.file.kind !== 'empty') files.push(opened.file);
    }
    if (files.length > 0) out.set(name, files);
  }
  return out;
}

async function evaluateSlot(
  req: RequirementDef,
  slot: SlotDef,
  input: Evaluation,
  provided: ReadonlySet<string>,
  others: ReadonlyMap<string, readonly EvidenceFile[]>,
): Promise<SlotOutcome> {
  const { manifest } = input;
  const given = manifest.evidence.get(req.id)?.get(slot.name);
  const refs = given?.refs ?? [];
  const findings: RawFinding[] = [];
  const requiredTruth = typeof slot.required === 'boolean' ? slot.required : evalCondition(slot.required, { facts: manifest.facts, provided });
  const required = requiredTruth !== false;

  if (refs.length === 0) {
    if (!required) return { report: { name: slot.name, required: false, status: 'not_applicable', files: [] }, findings, provides: [] };
    findings.push({
      code: 'slot.missing',
      severity: 'error',
      status: 'missing',
      slot: slot.name,
      ...manifestPos(input, req),
      params: { title_en: slot.title.en, title_fr: slot.title.fr, expects_en: slot.expects.en, expects_fr: slot.expects.fr },
    });
    if (requiredTruth === 'unknown' && typeof slot.required !== 'boolean') {
      const missing = [...factsOf(slot.required)].filter((f) => !(f in manifest.facts));
      if (missing.length) findings.push({ code: 'fact.missing', severity: 'error', status: 'missing', slot: slot.name, file: manifest.file, params: { facts: missing.join(', ') } });
    }
    return { report: { name: slot.name, required, status: 'missing', files: [] }, findings, provides: [] };
  }

  const at = (ref: EvidenceRef): Place => placeOf(ref.at);
  if (!slot.multiple && refs.length > 1) {
    findings.push({ code: 'slot.too-many-files', severity: 'error', slot: slot.name, ...at(refs[1]!), params: { count: refs.length } });
  }
  const accepted = expandAccepts(slot.accepts);
  const acceptedMimes = [...accepted].map((k) => KINDS[k]).join(', ');
  const good: EvidenceFile[] = [];
  const reports: FileReport[] = [];
  const pairs: { ref: EvidenceRef; file: EvidenceFile; report: FileReport }[] = [];
  for (const ref of refs) {
    const display = ref.type === 'file' ? ref.path : ref.url;
    const opened = input.opened.get(ref);
    const report: FileReport = { path: display, sha256: null, bytes: null, kind: null };
    if (ref.type === 'file' && ref.sha256) report.expectedSha256 = ref.sha256;
    reports.push(report);
    if (!opened || !opened.ok) {
      findings.push(openFailureFinding(opened, display, slot.name, at(ref)));
      continue;
    }
    const file = opened.file;
    for (const f of opened.findings ?? []) findings.push({ ...f, slot: slot.name, ...at(ref) });
    report.bytes = file.bytes;
    report.kind = file.mime;
    pairs.push({ ref, file, report });
    if (file.kind === 'empty') {
      findings.push({ code: 'file.empty', severity: 'error', slot: slot.name, ...at(ref), params: { file: display } });
    } else if (!accepted.has(file.kind)) {
      findings.push({ code: 'file.kind', severity: 'error', slot: slot.name, ...at(ref), params: { file: display, kind: file.mime, accepted: acceptedMimes, expects: slot.accepts.join(', ') } });
    } else {
      good.push(file);
    }
  }

  const provides: string[] = [];
  const shows: string[] = [];
  if (good.length > 0) {
    for (const use of slot.checks) {
      const check = input.registry.get(use.check);
      if (!check) continue; // the loader guarantees it exists
      try {
        const result = await check.run({
          requirement: req.id,
          slot: slot.name,
          files: good,
          options: use.options,
          facts: manifest.facts,
          asOf: input.asOf,
          product: manifest.product,
          provided,
          others,
          shared: input.shared,
          ...(input.reader ? { reader: input.reader } : {}),
        });
        for (const f of result.findings) findings.push(placeFinding(f, slot.name, given!.at));
        provides.push(...(result.provides ?? []));
        shows.push(...(result.shows ?? []));
      } catch (err) {
        findings.push({
          code: 'check.crashed',
          severity: 'error',
          status: 'error',
          slot: slot.name,
          file: good[0]!.path,
          params: { check: use.check, error: describeError(err) },
        });
      }
    }
  }

  // Hash after the content checks: a check that streamed the whole file already paid for it.
  for (const { ref, file, report } of pairs) {
    try {
      report.sha256 = await file.sha256();
    } catch (err) {
      findings.push({ code: 'file.unreadable', severity: 'error', status: 'error', slot: slot.name, ...at(ref), params: { file: report.path, reason: describeError(err) } });
      continue;
    }
    if (ref.type === 'file' && ref.sha256 && ref.sha256 !== report.sha256) {
      findings.push({ code: 'file.hash-mismatch', severity: 'error', slot: slot.name, ...at(ref), params: { file: report.path, expected: ref.sha256, actual: report.sha256 } });
    }
  }

  const status = worst(findings.map(STATUS_OF_SEVERITY).filter((s): s is Status => s !== undefined), 'satisfied');
  // `provides` holds only when the slot is satisfied; `shows` (what the evidence carries) whatever its verdict.
  return { report: { name: slot.name, required, status, files: reports }, findings, provides: [...(status === 'satisfied' ? provides : []), ...shows] };
}

/** A check's finding without a place is placed at the slot's line in the manifest. */
/**
 * Runs the ruleset's statement-document checks on a statement's scanned document (a readable PDF or
 * image, as `statementFindings` accepted it), as a slot's checks run on its files.
 */
async function statementDocumentFindings(req: RequirementDef, statement: Statement, file: EvidenceFile, input: Evaluation): Promise<RawFinding[]> {
  const out: RawFinding[] = [];
  const at = statement.document!.at;
  for (const use of input.ruleset.statementDocumentChecks) {
    const check = input.registry.get(use.check);
    if (!check) continue; // the loader guarantees it exists
    try {
      const result = await check.run({
        requirement: req.id,
        slot: STATEMENT_SLOT,
        files: [file],
        options: use.options,
        facts: input.manifest.facts,
        asOf: input.asOf,
        product: input.manifest.product,
        provided: new Set(),
        shared: input.shared,
        ...(input.reader ? { reader: input.reader } : {}),
        statement: { ...(statement.signatory?.name ? { signatory: statement.signatory.name } : {}), ...(statement.signedOn ? { signedOn: statement.signedOn } : {}) },
      });
      for (const f of result.findings) {
        const placed = placeFinding(f, STATEMENT_SLOT, at);
        delete placed.slot;
        out.push(placed);
      }
    } catch (err) {
      out.push({ code: 'check.crashed', severity: 'error', status: 'error', file: file.path, params: { check: use.check, error: describeError(err) } });
    }
  }
  return out;
}

/** The name a statement's document goes by in its checks' context. */
const STATEMENT_SLOT = 'statement-document';

function placeFinding(f: RawFinding, slot: string, at: SourcePosition): RawFinding {
  const out: RawFinding = { ...f, slot: f.slot ?? slot };
  return out.file === undefined ? { ...out, ...placeOf(at) } : out;
}

function openFailureFinding(opened: OpenResult | undefined, file: string, slot: string, at: Place): RawFinding {
  if (!opened || opened.ok) return { code: 'file.unreadable', severity: 'error', status: 'error', slot, ...at, params: { file, reason: 'not opened' } };
  switch (opened.reason) {
    case 'missing':
      return { code: 'file.missing', severity: 'error', status: 'missing', slot, ...at, params: opened.suggestion === undefined ? { file } : { file, suggestion: opened.suggestion } };
    case 'not-regular':
      return { code: 'file.not-regular', severity: 'error', slot, ...at, params: { file, what: opened.what } };
    case 'loop':
      return { code: 'file.loop', severity: 'error', slot, ...at, params: { file } };
    case 'name-too-long':
      return { code: 'file.name-too-long', severity: 'error', slot, ...at, params: { file, bytes: Buffer.byteLength(file), limit: opened.limit } };
    case 'escape':
      // The CLI refuses escapes before evaluation; kept for library callers.
      return { code: 'file.unreadable', severity: 'error', slot, ...at, params: { file, reason: 'outside the dossier' } };
    case 'unreadable':
      return { code: 'file.unreadable', severity: 'error', status: 'error', slot, ...at, params: { file, reason: opened.code } };
    case 'source':
      return { code: opened.code, severity: 'error', status: opened.status, slot, ...at, params: { ...opened.params, file } };
  }
}

async function statementToReport(st: Statement, doc: OpenResult | undefined, valid: boolean): Promise<StatementReport> {
  let document: FileReport | null = null;
  if (st.document) {
    document = { path: st.document.path, sha256: null, bytes: null, kind: null };
    if (doc?.ok) {
      document.bytes = doc.file.bytes;
      document.kind = doc.file.mime;
      try {
        document.sha256 = await doc.file.sha256();
      } catch {
        document.sha256 = null;
      }
    }
  }
  return {
    justification: st.justification ?? '',
    signatory: { name: st.signatory?.name ?? '', role: st.signatory?.role ?? '' },
    signedOn: st.signedOn ?? '',
    expiresOn: st.expiresOn ?? null,
    document,
    valid,
  };
}

/** An error's message without stack or absolute paths. */
export function describeError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  // Only an absolute path (a "/" that starts a word) loses its folders: `evidence/port1/x.ndjson` stays whole.
  return msg
    .split('\n')[0]!
    .slice(0, 1000)
    .replace(/(^|[\s'"(=,])\/(?:[^\s'"]*\/)?([^\s/'"]*)/g, '$1$2')
    .slice(0, 200);
}

/** Where a finding sits in the manifest: file, start and (when known) end. */
type Place = Pick<RawFinding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>;
