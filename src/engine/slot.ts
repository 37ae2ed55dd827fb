import { builtinFinding, type BuiltinFinding } from '../checks/codes.js';
import type { RawFinding } from '../report/report.js';
import { placeOf } from '../diagnostics/user-input-error.js';
import type { EvidenceFile, OpenResult } from '../evidence/evidence-file.js';
import { expandAccepts, KINDS } from '../evidence/kinds.js';
import type { EvidenceRef } from '../manifest/types.js';
import { evaluate as evalCondition, factsOf } from '../ruleset/condition.js';
import type { RequirementDef, SlotDef } from '../ruleset/types.js';
import { worst, type FileReport, type SlotReport, type Status } from '../report/report.js';
import { describeError, manifestPos, runCheck, STATUS_OF_SEVERITY, type Evaluation, type Place } from './evaluation.js';

// One slot of a requirement: its files opened, of an accepted kind, checked, hashed.

export interface SlotOutcome {
  report: SlotReport;
  findings: RawFinding[];
  provides: string[];
}

/** The readable, non-empty files of each slot of a requirement, for checks that judge one slot against another. */
export function openedFilesBySlot(req: RequirementDef, input: Evaluation): Map<string, EvidenceFile[]> {
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

export async function evaluateSlot(
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
  // the slot's own findings: codes a catalogue words
  const own = (f: BuiltinFinding): void => void findings.push(f);
  const requiredTruth = typeof slot.required === 'boolean' ? slot.required : evalCondition(slot.required, { facts: manifest.facts, provided });
  const required = requiredTruth !== false;

  if (refs.length === 0) {
    if (!required) return { report: { name: slot.name, required: false, status: 'not_applicable', files: [] }, findings, provides: [] };
    own({
      code: 'slot.missing',
      severity: 'error',
      status: 'missing',
      slot: slot.name,
      ...manifestPos(input, req),
      params: { title_en: slot.title.en, title_fr: slot.title.fr, expects_en: slot.expects.en, expects_fr: slot.expects.fr },
    });
    if (requiredTruth === 'unknown' && typeof slot.required !== 'boolean') {
      const missing = [...factsOf(slot.required)].filter((f) => !(f in manifest.facts));
      if (missing.length) own({ code: 'fact.missing', severity: 'error', status: 'missing', slot: slot.name, file: manifest.file, params: { facts: missing.join(', ') } });
    }
    return { report: { name: slot.name, required, status: 'missing', files: [] }, findings, provides: [] };
  }

  const at = (ref: EvidenceRef): Place => placeOf(ref.at);
  if (!slot.multiple && refs.length > 1) {
    own({ code: 'slot.too-many-files', severity: 'error', slot: slot.name, ...at(refs[1]!), params: { count: refs.length } });
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
      own(openFailureFinding(opened, display, slot.name, at(ref)));
      continue;
    }
    const file = opened.file;
    for (const f of opened.findings ?? []) findings.push({ ...f, slot: slot.name, ...at(ref) });
    report.bytes = file.bytes;
    report.kind = file.mime;
    pairs.push({ ref, file, report });
    if (file.kind === 'empty') {
      own({ code: 'file.empty', severity: 'error', slot: slot.name, ...at(ref), params: { file: display } });
    } else if (!accepted.has(file.kind)) {
      own({ code: 'file.kind', severity: 'error', slot: slot.name, ...at(ref), params: { file: display, kind: file.mime, accepted: acceptedMimes, expects: slot.accepts.join(', ') } });
    } else {
      good.push(file);
    }
  }

  const provides: string[] = [];
  const shows: string[] = [];
  if (good.length > 0) {
    for (const use of slot.checks) {
      const result = await runCheck(input, use, given!.at, { requirement: req.id, slot: slot.name, files: good, provided, others });
      findings.push(...result.findings);
      provides.push(...result.provides);
      shows.push(...result.shows);
    }
  }

  // Hash after the content checks: a check that streamed the whole file already paid for it.
  for (const { ref, file, report } of pairs) {
    try {
      report.sha256 = await file.sha256();
    } catch (err) {
      own({ code: 'file.unreadable', severity: 'error', status: 'error', slot: slot.name, ...at(ref), params: { file: report.path, reason: describeError(err) } });
      continue;
    }
    if (ref.type === 'file' && ref.sha256 && ref.sha256 !== report.sha256) {
      own({ code: 'file.hash-mismatch', severity: 'error', slot: slot.name, ...at(ref), params: { file: report.path, expected: ref.sha256, actual: report.sha256 } });
    }
  }

  const status = worst(findings.map(STATUS_OF_SEVERITY).filter((s): s is Status => s !== undefined), 'satisfied');
  // `provides` holds only when the slot is satisfied; `shows` (what the evidence carries) whatever its verdict.
  return { report: { name: slot.name, required, status, files: reports }, findings, provides: [...(status === 'satisfied' ? provides : []), ...shows] };
}

function openFailureFinding(opened: OpenResult | undefined, file: string, slot: string, at: Place): BuiltinFinding {
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
      return builtinFinding({ code: opened.code, severity: 'error', status: opened.status, slot, ...at, params: { ...opened.params, file } });
  }
}
