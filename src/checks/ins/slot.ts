import type { BuiltinFinding } from '../codes.js';

import type { EvidenceFile } from '../../evidence/evidence-file.js';
import type { PatientIdentity } from './identity.js';
import { readFlow, type FlowReading } from './read-flow.js';
import { insMessages } from './messages.js';
import { insFlowMessages } from './flow-messages.js';

/** One file of a slot, read. */
export interface SlotFlow extends FlowReading {
  /** The file's path relative to the dossier. */
  file: string;
}

/** A patient and the file it came from. */
export interface SlotPatient {
  /** The file's path relative to the dossier. */
  file: string;
  /** The identity read from it. */
  patient: PatientIdentity;
}

/** Reads every file of a slot, in order. */
export async function readSlotFlows(files: readonly EvidenceFile[], maxBytes: number): Promise<SlotFlow[]> {
  const out: SlotFlow[] = [];
  for (const f of files) out.push({ file: f.path, ...(await readFlow(f, maxBytes)) });
  return out;
}

/**
 * Reads a slot's flows and their patients. When no patient could be read, `done` holds the slot's
 * final findings (structural problems, or `ins.no-patient`), and the check returns them as they are.
 */
export async function readSlotPatients(
  files: readonly EvidenceFile[],
  maxBytes: number,
  slot: string,
): Promise<{ flows: SlotFlow[]; patients: SlotPatient[]; findings: BuiltinFinding[]; done?: BuiltinFinding[] }> {
  const flows = await readSlotFlows(files, maxBytes);
  const findings: BuiltinFinding[] = flows.flatMap((f) => f.findings);
  const patients = slotPatients(flows);
  if (patients.length > 0) return { flows, patients, findings };
  const structural = findings.some((f) => f.severity === 'error');
  if (!structural) findings.push({ code: 'ins.no-patient', severity: 'error', file: files[0]!.path, params: { files: files.length } });
  return { flows, patients, findings, done: finishFindings(findings, slot) };
}

export function slotPatients(flows: readonly SlotFlow[]): SlotPatient[] {
  return flows.flatMap((f) => f.patients.map((patient) => ({ file: f.file, patient })));
}

/** Most findings kept per slot; a flow with thousands of broken patients needs no more to be fixed. */
export const MAX_FINDINGS = 200;

/**
 * Keeps the first `max` findings (errors first, then warnings, then infos, each in reading order),
 * adds the slot name, and says how many were left out.
 */
export function finishFindings(findings: readonly BuiltinFinding[], slot: string, max = MAX_FINDINGS): BuiltinFinding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i).map((x) => x.f);
  const kept = sorted.slice(0, max).map((f) => ({ ...f, slot }));
  if (sorted.length > max) kept.push({ code: 'ins.findings-truncated', severity: 'info', slot, params: { shown: max, total: sorted.length } });
  return kept;
}

/** What the two INS flow checks say (both declare it: the registry takes the same wording twice). */
export const INS_FLOW_CHECK_MESSAGES = { ...insFlowMessages, ...insMessages };

/** Their messages (their codes join `FindingCode`). */
export type InsFlowMessages = typeof INS_FLOW_CHECK_MESSAGES;
