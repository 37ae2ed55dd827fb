import { builtinFinding, type BuiltinFinding, type FindingCode, type ParamsOfCode } from '../codes.js';
import type { Severity } from '../../report/report.js';
import type { InsClaim, PatientIdentity, Place, TraitId } from './identity.js';
import { TRAITS } from './identity.js';
import { checkMatricule, matriculeKey, matriculeParts, normaliseMatricule } from './nir.js';
import { maskMatricule } from '../../util/redact.js';
import { describePlace, placeFields } from './read-flow.js';
import { FR_CORE_IDENTIFIER_TYPES, FR_CORE_IDENTITY_RELIABILITY, FR_CORE_IDENTITY_STATUS, INS_SYSTEMS, systemByFhirType, systemByOid } from './systems.js';
import { AUTHORITY_NAMES, codeOf, IDENTIFIER_TYPE_CODES, IDENTIFIER_USES, IDENTITY_STATUS_CODES, messageTypeOf } from './vocabulary.js';

/** What is wrong with one trait of one patient. */
export interface TraitProblem {
  /** Which trait. */
  trait: TraitId;
  /** Absent, or present but malformed. */
  kind: 'missing' | 'invalid';
  /** For `invalid`: `date`, `partial-date`, `sex-code`, `insee-code`. */
  reason?: string;
  /** Where the trait is, or where it is expected. */
  place: Place;
}

const HL7_SEX = new Set(['F', 'M', 'U']);
const FHIR_SEX = new Set(['female', 'male', 'unknown']);
/** INSEE commune or country code: 5 digits, or 2A/2B + 3 digits (99999 when unknown). */
const INSEE_CODE = /^(?:[0-9]{5}|2[AB][0-9]{3})$/;

function validCalendarDate(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
}

/** Missing or malformed traits of a patient, in the RNIV order. */
export function traitProblems(p: PatientIdentity): TraitProblem[] {
  const out: TraitProblem[] = [];
  for (const trait of TRAITS) {
    const found = p.traits[trait];
    if (!found) {
      out.push({ trait, kind: 'missing', place: p.expected[trait] });
      continue;
    }
    const reason = invalidReason(trait, found.value, p.format);
    if (reason !== undefined) out.push({ trait, kind: 'invalid', reason, place: found.place });
  }
  return out;
}

function invalidReason(trait: TraitId, value: string, format: 'hl7v2' | 'fhir'): string | undefined {
  switch (trait) {
    case 'birth-date': {
      if (format === 'hl7v2') {
        const m = /^([0-9]{4})([0-9]{2})([0-9]{2})(?:[0-9]{0,6}(?:\.[0-9]{1,4})?)?(?:[+-][0-9]{4})?$/.exec(value);
        if (!m) return /^[0-9]{4}(?:[0-9]{2})?$/.test(value) ? 'partial-date' : 'date';
        return validCalendarDate(m[1]!, m[2]!, m[3]!) ? undefined : 'date';
      }
      const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
      if (!m) return /^[0-9]{4}(?:-[0-9]{2})?$/.test(value) ? 'partial-date' : 'date';
      return validCalendarDate(m[1]!, m[2]!, m[3]!) ? undefined : 'date';
    }
    case 'sex':
      return (format === 'hl7v2' ? HL7_SEX : FHIR_SEX).has(value) ? undefined : 'sex-code';
    case 'birthplace':
      return INSEE_CODE.test(value.toUpperCase()) ? undefined : 'insee-code';
    default:
      return undefined;
  }
}

/** Findings on a patient's traits and private identifier, at the given severity. */
export function creationFindings(p: PatientIdentity, file: string, severity: Severity, requirePrivateId: boolean): BuiltinFinding[] {
  const out: BuiltinFinding[] = [];
  for (const t of traitProblems(p)) {
    const legacy = t.trait === 'birthplace' && t.kind === 'missing' ? p.legacy?.birthplace : undefined;
    if (legacy) {
      // Not absent: where FR Core before 2.0 put it. Say what was found and where FR Core 2.x wants it.
      const params = { trait: t.trait, at: describePlace(legacy, p.format), expected: t.place.pointer, format: p.format };
      out.push({ code: 'ins.trait-legacy', severity, params, ...placeFields(file, legacy) });
      continue;
    }
    const params: Record<string, string | number> = { trait: t.trait, at: describePlace(t.place, p.format), format: p.format };
    if (t.reason !== undefined) params.reason = t.reason;
    out.push({ code: t.kind === 'missing' ? 'ins.trait-missing' : 'ins.trait-invalid', severity, params, ...placeFields(file, t.place) });
  }
  if (requirePrivateId && p.privateIds.length === 0) {
    const place = p.format === 'hl7v2' ? { ...p.place, pointer: 'PID-3' } : { ...p.place, pointer: `${p.place.pointer}.identifier` };
    out.push({ code: 'ins.private-id-missing', severity, params: { at: describePlace(place, p.format), format: p.format }, ...placeFields(file, place) });
  }
  return out;
}

/** The verdict on the INS a patient carries. */
export interface InsJudgement {
  /** At least one INS claim passes every check and the identity's status allows sending it. */
  valid: boolean;
  /** Errors and warnings on the INS claims, status and billing NIRs. */
  findings: BuiltinFinding[];
}

const OID_TOKEN = /^[0-9]+(?:\.[0-9]+){1,30}$/;

function safeOid(oid: string | undefined): string {
  return oid !== undefined && OID_TOKEN.test(oid) ? oid : '(?)';
}

/** The register a claim belongs to, by its OID, else by its FHIR identifier type. */
function claimKind(claim: InsClaim): string | undefined {
  return (systemByOid(claim.oid) ?? systemByFhirType(claim.typeCode))?.kind;
}

/**
 * Judges every INS claim of a patient (15 characters, key, known OID matching the identifier type,
 * HL7 CX-5 `INS`) and the identity status that allows sending it (HL7 PID-32 `VALI`; FHIR
 * `identityStatus` VALI from v2-0445 or QUAL). Production OIDs get a data-protection warning.
 *
 * The INS judged is the one a receiver keeps: when an INS-NIA travels with a valid INS-NIR, the
 * receiver must take the NIR (IHE PAM France §4.4.1), so what is wrong with the NIA is only a warning.
 */
export function judgeIns(p: PatientIdentity, file: string): InsJudgement {
  const findings: BuiltinFinding[] = [];
  const judged = p.ins.map((claim) => {
    const own: BuiltinFinding[] = [];
    judgeClaim(p, claim, (code, severity, params, place) => {
      own.push(builtinFinding({ code, severity, params: { ...params, at: describePlace(place, p.format) }, ...placeFields(file, place) }));
    });
    return { claim, kind: claimKind(claim), findings: own, valid: !own.some((f) => f.severity === 'error') };
  });
  const keptNir = judged.some((j) => j.valid && j.kind !== undefined && j.kind !== 'NIA');
  for (const j of judged) {
    if (keptNir && j.kind === 'NIA' && !j.valid) {
      const place = j.claim.place;
      findings.push({ code: 'ins.nia-superseded', severity: 'warning', params: { ins: maskMatricule(j.claim.value), at: describePlace(place, p.format) }, ...placeFields(file, place) });
      findings.push(...j.findings.map((f) => (f.severity === 'error' ? { ...f, severity: 'warning' as const } : f)));
    } else findings.push(...j.findings);
  }
  const anyValidClaim = judged.some((j) => j.valid);
  const add: Add = (code, severity, params, place) => {
    findings.push(builtinFinding({ code, severity, params: { ...params, at: describePlace(place, p.format) }, ...placeFields(file, place) }));
  };
  for (const b of p.billingNirs) {
    if (systemByOid(b.oid)?.production) add('ins.production-oid', 'warning', { ins: maskMatricule(b.value), oid: safeOid(b.oid), kind: 'billing' }, b.place);
  }
  let statusOk = true;
  if (p.ins.length > 0) statusOk = judgeStatus(p, add);
  return { valid: anyValidClaim && statusOk, findings };
}

/** Adds a finding of the claim (its `at` filled from `place`). */
type Add = <C extends FindingCode>(code: C, severity: Severity, params: ParamsOfCode<C>, place: Place) => void;

function judgeClaim(p: PatientIdentity, claim: InsClaim, add: Add): void {
  const ins = maskMatricule(claim.value);
  const mat = checkMatricule(claim.value);
  if (!mat.ok) {
    if (mat.problem === 'length') add('ins.length', 'error', { ins, length: mat.value.length }, claim.place);
    else if (mat.problem === 'key') add('ins.key', 'error', { ins, expected: String(matriculeKey(mat.value.slice(0, 13))).padStart(2, '0') }, claim.place);
    else add('ins.structure', 'error', { ins, reason: mat.problem }, claim.place);
  }
  const system = systemByOid(claim.oid);
  if (claim.oid === undefined) add('ins.oid-missing', 'error', { ins }, claim.place);
  else if (!system) add('ins.oid-unknown', 'error', { ins, oid: safeOid(claim.oid) }, claim.place);

  if (p.format === 'hl7v2') {
    if (claim.typeCode !== 'INS') add('ins.hl7-type', 'error', { ins, found: codeOf(claim.typeCode, IDENTIFIER_TYPE_CODES) }, claim.place);
    if (system && claim.authorityName !== undefined && !system.authorityNames.includes(claim.authorityName)) {
      // Another register's name (NIA name on a NIR OID…) contradicts the OID; any other name only
      // departs from the usual spelling.
      const otherRegister = INS_SYSTEMS.some((o) => o.authorityNames.includes(claim.authorityName!));
      add('ins.authority-name', otherRegister ? 'error' : 'warning', { ins, found: codeOf(claim.authorityName, AUTHORITY_NAMES), oid: system.oid, expected: system.authorityNames.join(' / ') }, claim.place);
    }
  } else {
    const typed = systemByFhirType(claim.typeCode);
    if (claim.typeCode === undefined) add('ins.type-missing', 'error', { ins, oid: safeOid(claim.oid), expected: system?.fhirType ?? 'INS-NIR / INS-NIA / INS-NIR-TEST / INS-NIR-DEMO' }, claim.place);
    else if (system && typed?.kind !== system.kind) add('ins.type-oid-mismatch', 'error', { ins, type: codeOf(claim.typeCode, IDENTIFIER_TYPE_CODES), oid: system.oid, expected: system.fhirType }, claim.place);
    else if (!system && typed) add('ins.type-oid-mismatch', 'error', { ins, type: typed.fhirType, oid: safeOid(claim.oid), expected: `urn:oid:${typed.oid}` }, claim.place);
    if (typed && claim.typeSystem !== undefined && claim.typeSystem !== FR_CORE_IDENTIFIER_TYPES) {
      add('ins.type-system', 'warning', { ins, expected: FR_CORE_IDENTIFIER_TYPES }, claim.place);
    }
    const kind = system ?? typed;
    if (kind) {
      // FR Core 2.2 (fr-core-patient-ins, INS-NIA.use): "l'INS-NIA est avant tout le numéro officiel"
      // (official | old); FR Core 2.1 and before typed it temp, which stays accepted.
      const expectedUse = kind.kind === 'NIA' ? ['official', 'temp', 'old'] : ['official', 'old'];
      if (!expectedUse.includes(claim.use ?? '')) add('ins.use', 'warning', { ins, found: codeOf(claim.use, IDENTIFIER_USES), expected: expectedUse[0]! }, claim.place);
    }
  }
  if (system?.production) add('ins.production-oid', 'warning', { ins, oid: system.oid, kind: system.kind }, claim.place);
  // The matricule encodes sex, year and month of birth: a contradiction means the INS is not this patient's.
  if (mat.ok) for (const trait of traitMismatches(p, mat.value)) add('ins.trait-mismatch', 'error', { ins, trait }, p.traits[trait]!.place);
}

function judgeStatus(p: PatientIdentity, add: Add): boolean {
  const r = p.reliability;
  if (p.format === 'hl7v2') {
    if (r?.codes.includes('VALI')) return true;
    const place = r?.place ?? { ...p.place, pointer: 'PID-32' };
    const params: Record<string, string | number> = { found: r ? r.codes.map((c) => codeOf(c, IDENTITY_STATUS_CODES)).join('~') : '', expected: 'VALI', format: 'hl7v2' };
    if (p.misplacedReliability) params.near = p.misplacedReliability.pointer;
    add('ins.not-qualified', 'error', params, place);
    return false;
  }
  if (!r) {
    const expected = `${p.place.pointer}.extension('${FR_CORE_IDENTITY_RELIABILITY}')`;
    if (p.legacy?.reliability) add('ins.reliability-legacy', 'error', { expected }, p.legacy.reliability);
    else add('ins.reliability-missing', 'error', {}, { ...p.place, pointer: expected });
    return false;
  }
  const code = r.codes[0];
  // FR Core 2.2's RNIV code system says QUAL; the v2-0445 codes of FR Core 2.1 and PAM FR say VALI.
  if (code === 'QUAL' || (code === 'VALI' && r.system !== FR_CORE_IDENTITY_STATUS)) return true;
  add('ins.not-qualified', 'error', { found: codeOf(code, IDENTITY_STATUS_CODES), expected: r.system === FR_CORE_IDENTITY_STATUS ? 'QUAL' : 'VALI', format: 'fhir' }, r.place);
  return false;
}

/** Traits that contradict the matricule (sex digit, year and month of birth). */
export function traitMismatches(p: PatientIdentity, matricule: string): TraitId[] {
  const out: TraitId[] = [];
  const parts = matriculeParts(normaliseMatricule(matricule));
  const sex = p.traits.sex?.value;
  if (sex !== undefined) {
    const male = ['1', '3', '7'].includes(parts.sexDigit);
    const said = p.format === 'hl7v2' ? { M: 'm', F: 'f' }[sex] : { male: 'm', female: 'f' }[sex];
    if (said !== undefined && (said === 'm') !== male) out.push('sex');
  }
  const date = p.traits['birth-date']?.value;
  if (date !== undefined) {
    const m = /^[0-9]{2}([0-9]{2})-?([0-9]{2})/.exec(date);
    const month = Number(parts.month);
    if (m && (m[1] !== parts.year || (month >= 1 && month <= 12 && m[2] !== parts.month))) out.push('birth-date');
  }
  return out;
}

/**
 * HL7 v2 INS deletions (`""` in an INS repetition of PID-3, IHE PAM France §4.4.3–4.4.4): the flow
 * removes the patient's INS. Said once per repetition, at the given severity.
 */
export function deletionFindings(p: PatientIdentity, file: string, severity: Severity): BuiltinFinding[] {
  return p.insDeletions.map((d) => {
    const params: Record<string, string | number> = { oid: safeOid(d.oid), at: describePlace(d.place, p.format) };
    if (p.event !== undefined) params.event = messageTypeOf(p.event);
    if (p.reliability) params.status = p.reliability.codes.map((c) => codeOf(c, IDENTITY_STATUS_CODES)).join('~');
    return { code: 'ins.deleted', severity, params, ...placeFields(file, d.place) };
  });
}
