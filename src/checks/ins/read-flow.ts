import { builtinFinding, type BuiltinFinding, type FindingCode, type ParamsOfCode } from '../codes.js';
import { positionInText } from '../../diagnostics/utf8.js';

import type { EvidenceFile } from '../../evidence/evidence-file.js';
import type { Kind } from '../../evidence/kinds.js';
import { parseEr7, type Er7Problem } from '../../evidence/formats/er7.js';
import type { PatientIdentity, Place } from './identity.js';
import { identityFromPatient } from './identity-fhir.js';
import { identitiesFromEr7 } from './identity-hl7.js';
import { codeOf, messageTypeOf, OTHER, RESOURCE_TYPES } from './vocabulary.js';

/** What one flow file gave: its patients, and what is wrong with the file itself. */
export interface FlowReading {
  /** `hl7v2` or `fhir` when the content was recognised. */
  format?: 'hl7v2' | 'fhir';
  /** One identity per PID segment or Patient resource. */
  patients: PatientIdentity[];
  /** Problems of the file itself (not readable, not HL7/FHIR, broken syntax). No `slot` yet. */
  findings: BuiltinFinding[];
}

/** Largest flow read by default; identity flows are a few kilobytes. */
export const DEFAULT_MAX_FLOW_BYTES = 16 * 1024 * 1024;

/**
 * Kinds recognised by their magic numbers: never a flow. (`binary` is not listed: the sniffer gives
 * it to any non-UTF-8 text too, and an ISO-8859-1 HL7 message is a valid flow.)
 */
const BINARY_KINDS: ReadonlySet<Kind> = new Set([
  'png', 'jpeg', 'gif', 'webp', 'pdf', 'mp4', 'quicktime', 'webm', 'odt', 'docx', 'zip', 'sqlite', 'pg-dump-custom', 'empty',
]);

/** Turns a place into the finding fields that locate it. */
export function placeFields(file: string, place: Place | undefined): Pick<BuiltinFinding, 'file' | 'line' | 'record' | 'pointer'> {
  const out: Pick<BuiltinFinding, 'file' | 'line' | 'record' | 'pointer'> = { file };
  if (place?.line !== undefined) out.line = place.line;
  if (place?.record !== undefined) out.record = place.record;
  if (place?.pointer !== undefined) out.pointer = place.pointer;
  return out;
}

/** A place in words, for messages (`message 2, PID-5[1].1` / `record 3, Patient.gender`). */
export function describePlace(place: Place, format: 'hl7v2' | 'fhir' | undefined): string {
  const parts: string[] = [];
  if (place.record !== undefined) parts.push(`${format === 'hl7v2' ? 'message' : 'record'} ${place.record}`);
  parts.push(place.pointer);
  return parts.join(', ');
}

/**
 * Reads one flow file: decodes it, recognises HL7 v2 ER7 or FHIR JSON/NDJSON by content, and extracts
 * one identity per patient. Bad input never throws: it comes back as error findings saying what was
 * expected and where it broke. I/O failures do propagate (the engine reports them as `error`).
 */
export async function readFlow(file: EvidenceFile, maxBytes = DEFAULT_MAX_FLOW_BYTES): Promise<FlowReading> {
  const here = <C extends FindingCode>(code: C, params: ParamsOfCode<C>, place?: Place): BuiltinFinding =>
    builtinFinding({ code, severity: 'error', params, ...placeFields(file.path, place) });
  if (BINARY_KINDS.has(file.kind)) {
    return { patients: [], findings: [here('ins.flow-not-text', { kind: file.mime })] };
  }
  if (file.bytes > maxBytes) {
    return { patients: [], findings: [here('ins.flow-too-large', { bytes: file.bytes, max: maxBytes })] };
  }
  const parts: Buffer[] = [];
  for await (const c of file.chunks()) parts.push(c);
  const bytes = Buffer.concat(parts);
  if (bytes.includes(0)) return { patients: [], findings: [here('ins.flow-not-text', { kind: file.mime })] };

  const decoded = decode(bytes);
  if (!decoded.ok) return { patients: [], findings: [here('ins.flow-encoding', { line: decoded.line }, { line: decoded.line, pointer: `line ${decoded.line}` })] };
  const text = decoded.text;
  // MLLP's end-of-block byte (0x1C) may precede a message.
  // eslint-disable-next-line no-control-regex
  const start = text.replace(/^[\s\u001c]+/, '');
  if (/^(MSH|FHS|BHS)/.test(start) || /^[A-Z][A-Z0-9]{2}\|/.test(start)) return readEr7(text, file.path);
  if (start.startsWith('{') || start.startsWith('[')) return readJson(text, file.path);
  return { patients: [], findings: [here('ins.flow-format', { kind: file.mime }, { line: 1, pointer: 'line 1' })] };
}

/**
 * UTF-8 (with or without BOM); an HL7 message whose MSH-18 declares ISO-8859 is read as Latin-1,
 * the other character set IHE PAM France allows.
 */
function decode(bytes: Buffer): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const latin = bytes.toString('latin1');
    const firstLine = latin.replace(/^\s+/, '').split(/[\r\n]/, 1)[0] ?? '';
    if (firstLine.startsWith('MSH') && /8859/.test(firstLine.split(firstLine.charAt(3))[17] ?? '')) return { ok: true, text: latin };
    // The replacement character marks the first byte that is not UTF-8; count the lines before it.
    const lossy = bytes.toString('utf8');
    const before = lossy.slice(0, Math.max(0, lossy.indexOf('\uFFFD')));
    return { ok: false, line: before.split(/\r\n|\r|\n/).length };
  }
}

const ER7_PROBLEM_CODES = {
  'no-msh': 'ins.hl7-no-msh',
  'bad-msh': 'ins.hl7-bad-msh',
  'bad-segment': 'ins.hl7-bad-segment',
  truncated: 'ins.hl7-truncated',
  'bad-escape': 'ins.hl7-bad-escape',
} as const satisfies Record<Er7Problem['code'], FindingCode>;

function readEr7(text: string, path: string): FlowReading {
  const doc = parseEr7(text);
  const findings: BuiltinFinding[] = doc.problems.map((p) => {
    const place: Place = { line: p.line, pointer: p.segment ?? `line ${p.line}` };
    if (p.message !== undefined) place.record = p.message;
    const params = {
      line: p.line,
      ...(p.segment !== undefined ? { segment: p.segment } : {}),
      ...(p.detail !== undefined ? { detail: p.detail } : {}),
      ...(p.message !== undefined ? { message: p.message } : {}),
    };
    return builtinFinding({ code: ER7_PROBLEM_CODES[p.code], severity: p.code === 'bad-escape' ? 'warning' : 'error', params, ...placeFields(path, place) });
  });
  for (const m of doc.messages) {
    if (!m.segments.some((s) => s.name === 'PID')) {
      findings.push({
        code: 'ins.hl7-no-pid',
        severity: 'warning',
        params: { message: m.number, event: messageTypeOf(m.type) },
        ...placeFields(path, { line: m.line, record: m.number, pointer: 'MSH' }),
      });
    }
  }
  return { format: 'hl7v2', patients: identitiesFromEr7(doc.messages), findings };
}

/** Where JSON.parse stopped, from its message (V8 gives "position N"); the message itself may quote evidence, so only the number is kept. */
function jsonErrorOffset(err: unknown, text: string): number {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  return m ? Number(m[1]) : text.length;
}

function readJson(text: string, path: string): FlowReading {
  try {
    return fromJsonValue(JSON.parse(text), path, undefined);
  } catch (err) {
    const lines = text.split(/\r?\n/);
    const nonEmpty = lines.filter((l) => l.trim() !== '');
    if (nonEmpty.length > 1 && isJson(nonEmpty[0]!)) return readNdjson(lines, path);
    const offset = jsonErrorOffset(err, text);
    const { line, column } = positionInText(text, 0, offset, { line: 1, column: 1 });
    return {
      patients: [],
      findings: [{ code: 'ins.json-invalid', severity: 'error', params: { line, column }, file: path, line, column, pointer: `line ${line}` }],
    };
  }
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function readNdjson(lines: string[], path: string): FlowReading {
  const out: FlowReading = { format: 'fhir', patients: [], findings: [] };
  let record = 0;
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    record++;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(l);
    } catch (err) {
      const column = Math.min(jsonErrorOffset(err, l) + 1, l.length + 1);
      out.findings.push({ code: 'ins.json-invalid', severity: 'error', params: { line, column }, file: path, line, column, record, pointer: `line ${line}` });
      return;
    }
    const r = fromJsonValue(value, path, { line, record });
    out.patients.push(...r.patients);
    out.findings.push(...r.findings);
  });
  return out;
}

/** Patients of a parsed JSON value: a Patient, a Bundle, or (at the top only) an array of those. */
function fromJsonValue(value: unknown, path: string, where: { line?: number; record?: number } | undefined, top = true): FlowReading {
  const out: FlowReading = { format: 'fhir', patients: [], findings: [] };
  const wrong = <C extends FindingCode>(code: C, params: ParamsOfCode<C>, pointer: string): void => {
    out.findings.push(builtinFinding({ code, severity: 'error', params, ...placeFields(path, { ...where, pointer }) }));
  };
  if (Array.isArray(value) && top) {
    value.forEach((v, i) => {
      const r = fromJsonValue(v, path, { record: i + 1 }, false);
      out.patients.push(...r.patients);
      out.findings.push(...r.findings);
    });
    if (value.length === 0) wrong('ins.fhir-wrong-type', { found: '[]' }, '$');
    return out;
  }
  if (typeof value !== 'object' || value === null || typeof (value as Record<string, unknown>).resourceType !== 'string') {
    wrong('ins.fhir-not-resource', {}, '$');
    return out;
  }
  const res = value as Record<string, unknown>;
  if (res.resourceType === 'Patient') {
    out.patients.push(identityFromPatient(res, 'Patient', where));
    return out;
  }
  if (res.resourceType === 'Bundle') {
    const entries = Array.isArray(res.entry) ? res.entry : [];
    const found = new Set<string>();
    entries.forEach((e, i) => {
      const r = typeof e === 'object' && e !== null ? (e as Record<string, unknown>).resource : undefined;
      if (typeof r !== 'object' || r === null) return;
      const type = (r as Record<string, unknown>).resourceType;
      found.add(codeOf(typeof type === 'string' ? type : undefined, RESOURCE_TYPES) || OTHER);
      if (type === 'Patient') out.patients.push(identityFromPatient(r as Record<string, unknown>, `Bundle.entry[${i}].resource`, where));
    });
    if (out.patients.length === 0) wrong('ins.fhir-no-patient', { found: [...found].sort().join(', ') || '(none)', entries: entries.length }, 'Bundle.entry');
    return out;
  }
  const type = codeOf(typeof res.resourceType === 'string' ? res.resourceType : undefined, RESOURCE_TYPES);
  wrong('ins.fhir-wrong-type', { found: type }, type === OTHER ? 'resourceType' : type);
  return out;
}
