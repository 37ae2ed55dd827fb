import type { BuiltinFinding } from '../checks/codes.js';
import type { RawFinding } from '../report/report.js';
import { placeOf } from '../diagnostics/user-input-error.js';
import { createMemo } from '../checks/memo.js';
import { createReader } from '../evidence/read/reader.js';
import { counted, withStreamProgress } from './progress-reader.js';
import { statementDocumentFindings, statementFindings, statementToReport } from './statements.js';
import { evaluate as evalCondition, factsOf } from '../ruleset/condition.js';
import type { RequirementDef } from '../ruleset/types.js';
import { worst, type EvaluatedReport, type EvaluatedRequirement, type SlotReport, type StatementReport, type Status } from '../report/report.js';
import { manifestPos, STATUS_OF_SEVERITY, type EvaluateInput, type Evaluation, type Place } from './evaluation.js';
import { evaluateSlot, openedFilesBySlot } from './slot.js';

/**
 * Evaluates a dossier against a ruleset. The report is in no language yet: findings are data, texts
 * come in every language, and `wordReport` (api/) words it.
 */
export async function evaluateDossier(given: EvaluateInput): Promise<EvaluatedReport> {
  const read = given.read !== false;
  // The reader starts no OCR worker until a file needs reading; those it started end with the evaluation.
  const owned = read && !given.reader ? createReader() : undefined;
  const reader = read ? counted(given.reader ?? owned, given.onProgress) : undefined;
  const opened = withStreamProgress(given.opened, given.onProgress);
  const input: Evaluation = { ...given, opened, shared: createMemo(), reader };
  const requirements: EvaluatedRequirement[] = [];
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
    read,
    verdict: pass ? 'pass' : 'fail',
    summary,
    findings: [],
    requirements,
  };
}

/**
 * Makes a finding's `file` dossier-relative like every evidence path: the manifest is named by its
 * base name (positions in it were recorded with the name shown to the user).
 */
function relative(f: RawFinding, manifestFile: string): RawFinding {
  return f.file === manifestFile ? { ...f, file: manifestFile.slice(manifestFile.lastIndexOf('/') + 1) } : f;
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

async function evaluateRequirement(req: RequirementDef, input: Evaluation): Promise<EvaluatedRequirement> {
  const { manifest } = input;
  const findings: RawFinding[] = [];
  // the requirement's own findings: codes a catalogue words
  const own = (f: BuiltinFinding): void => void findings.push(f);
  const truths = req.notApplicableWhen.map((na) => evalCondition(na.when, { facts: manifest.facts }));
  const naReasons = req.notApplicableWhen.filter((_, i) => truths[i] === true).map((na) => na.reason);
  const statement = manifest.statements.get(req.id);
  const given = manifest.evidence.get(req.id);
  const title = req.title;

  if (naReasons.length > 0) {
    let status: Status;
    let statementReport: StatementReport | null = null;
    if (!statement) {
      own({
        code: 'statement.missing',
        severity: 'error',
        status: 'missing',
        ...(input.manifest.requirementPositions.has(req.id) ? manifestPos(input, req) : decidingFactPos(req, input)),
        params: { requirement: req.id, reasons_en: naReasons.map((r) => r.en).join('; '), reasons_fr: naReasons.map((r) => r.fr).join(' ; ') },
      });
      status = 'missing';
    } else {
      const doc = statement.document ? input.opened.get(statement.document) : undefined;
      const problems: RawFinding[] = statementFindings(statement, input.asOf, doc);
      if (problems.length === 0 && doc?.ok && statement.document) problems.push(...(await statementDocumentFindings(req, statement, doc.file, input)));
      findings.push(...problems);
      status = worst(problems.map(STATUS_OF_SEVERITY).filter((s): s is Status => s !== undefined), 'not_applicable');
      statementReport = await statementToReport(statement, doc, status === 'not_applicable');
    }
    if (given && [...given.values()].some((g) => g.refs.length > 0)) {
      own({ code: 'evidence.ignored', severity: 'info', ...manifestPos(input, req) });
    }
    return {
      id: req.id,
      title,
      status,
      notApplicableReasons: naReasons,
      findings: findings.map((f) => relative(f, manifest.file)),
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
    own({ code: 'fact.missing', severity: 'error', status: 'missing', file: manifest.file, params: { facts: [...missingFacts].join(', ') } });
    floor = 'missing';
  } else if (statement) {
    const why = factSummary(req, input);
    const params = why ? { why_en: why, why_fr: why } : { why_en: 'it always applies', why_fr: "elle s'applique toujours" };
    own({ code: 'statement.ignored', severity: 'warning', ...placeOf(statement.at), params });
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
  return { id: req.id, title, status, findings: findings.map((f) => relative(f, manifest.file)), slots, statement: null };
}

