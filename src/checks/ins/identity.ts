import type { Er7Message, Er7Segment } from '../../evidence/formats/er7.js';
import {
  FR_CORE_IDENTITY_RELIABILITY,
  FR_CORE_INSEE_CODE,
  INS_SYSTEMS,
  LEGACY_IDENTITY_RELIABILITY,
  PATIENT_BIRTH_PLACE,
  stripUrnOid,
  systemByOid,
} from './systems.js';

/** The five INS identity traits (RNIV). */
export type TraitId = 'birth-name' | 'first-given-name' | 'birth-date' | 'sex' | 'birthplace';

export const TRAITS: readonly TraitId[] = ['birth-name', 'first-given-name', 'birth-date', 'sex', 'birthplace'];

/** Where something sits in an evidence file. Never holds evidence content. */
export interface Place {
  /** 1-based line: the HL7 segment's line, or the NDJSON record's line. */
  line?: number;
  /** 1-based HL7 message number, or record number in NDJSON / a JSON array. */
  record?: number;
  /** HL7 field notation (`PID-3[2].4.2`) or FHIR path (`Bundle.entry[1].resource.birthDate`). */
  pointer: string;
}

/** An identifier value found in the flow, with its place. */
export interface FoundValue {
  /** The value as the flow carries it (decoded); never printed. */
  value: string;
  /** Where it sits. */
  place: Place;
}

/** An identifier that presents itself as a matricule INS (or sits under an INS OID). */
export interface InsClaim {
  /** The matricule as sent; never printed unmasked. */
  value: string;
  /** OID of the assigning authority (HL7 CX-4.2; FHIR `system` without `urn:oid:`), if any. */
  oid?: string;
  /** HL7 only: CX-4.1 namespace id. */
  authorityName?: string;
  /** HL7 CX-5, or the FHIR identifier type code. */
  typeCode?: string;
  /** FHIR only: the code system of `typeCode`. */
  typeSystem?: string;
  /** FHIR only: `identifier.use`. */
  use?: string;
  /** Where the identifier sits (PID-3 repetition, `identifier[i]`). */
  place: Place;
}

/** Identity reliability: HL7 PID-32 codes, or the FR Core `identityStatus` coding. */
export interface Reliability {
  /** Status codes (`VALI`, `PROV`…); PID-32 may repeat. */
  codes: string[];
  /** FHIR only: the code system of the status. */
  system?: string;
  /** Where the status sits. */
  place: Place;
}

/** One patient's identity as a flow carries it. */
export interface PatientIdentity {
  /** Which kind of flow it came from. */
  format: 'hl7v2' | 'fhir';
  /** The PID segment, or the Patient resource. */
  place: Place;
  /** HL7 message type (`ADT^A28`), when known. */
  event?: string;
  /** Identifiers that are neither INS nor billing NIR (IPP, local account ids…). */
  privateIds: FoundValue[];
  /** Identifiers typed INS (or under an INS OID). */
  ins: InsClaim[];
  /** Billing NIRs (identifier type `NH`): not INS. */
  billingNirs: InsClaim[];
  /** HL7 PID-32 / FR Core identityStatus, when sent. */
  reliability?: Reliability;
  /** HL7 only: a `VALI` found in PID-31 or PID-33 while PID-32 is empty (a separator too many or too few). */
  misplacedReliability?: Place;
  /** The traits found (absent keys are missing traits). */
  traits: Partial<Record<TraitId, FoundValue>>;
  /** Where each trait is expected, to point at it when it is missing. */
  expected: Record<TraitId, Place>;
}

const INS_FHIR_TYPES = new Set(INS_SYSTEMS.map((s) => s.fhirType));

function isInsOid(oid: string | undefined): boolean {
  return systemByOid(oid) !== undefined;
}

/** HL7: one identity per PID segment of each message (IHE PAM France 2.11 positions). */
export function identitiesFromEr7(messages: readonly Er7Message[]): PatientIdentity[] {
  const out: PatientIdentity[] = [];
  for (const m of messages) {
    for (const pid of m.segments.filter((s) => s.name === 'PID')) out.push(identityFromPid(pid, m));
  }
  return out;
}

function identityFromPid(pid: Er7Segment, m: Er7Message): PatientIdentity {
  const at = (pointer: string): Place => ({ line: pid.line, record: m.number, pointer });
  const privateIds: FoundValue[] = [];
  const ins: InsClaim[] = [];
  const billingNirs: InsClaim[] = [];
  // PID-3: repeating CX — CX-1 id, CX-4 assigning authority (HD: namespace & OID & type), CX-5 type.
  for (let r = 1; r <= pid.repetitionCount(3); r++) {
    const value = pid.get(3, r, 1);
    if (value === '') continue;
    const claim: InsClaim = { value, place: at(`PID-3[${r}]`) };
    const name = pid.get(3, r, 4, 1);
    const oid = pid.get(3, r, 4, 2);
    const type = pid.get(3, r, 5);
    if (name !== '') claim.authorityName = name;
    if (oid !== '') claim.oid = oid;
    if (type !== '') claim.typeCode = type;
    if (type === 'NH') billingNirs.push(claim);
    else if (type === 'INS' || isInsOid(claim.oid)) ins.push(claim);
    // INS-C (the former computed INS) is neither an INS nor a private identifier.
    else if (type !== 'INS-C') privateIds.push({ value, place: claim.place });
  }

  const identity: PatientIdentity = {
    format: 'hl7v2',
    place: at('PID'),
    privateIds,
    ins,
    billingNirs,
    traits: {},
    expected: {
      'birth-name': at('PID-5 (type L).1'),
      'first-given-name': at('PID-5 (type L).2'),
      'birth-date': at('PID-7'),
      sex: at('PID-8'),
      birthplace: at('PID-11 (type BDL).9'),
    },
  };
  if (m.type !== '') identity.event = m.type;

  // PID-32: repeating identity reliability codes (VALI, PROV, DOUT…).
  const codes: string[] = [];
  for (let r = 1; r <= pid.repetitionCount(32); r++) {
    const c = pid.get(32, r, 1);
    if (c !== '') codes.push(c);
  }
  if (codes.length > 0) identity.reliability = { codes, place: at('PID-32') };
  else {
    const near = [31, 33].find((f) => pid.get(f) === 'VALI');
    if (near !== undefined) identity.misplacedReliability = at(`PID-${near}`);
  }

  // PID-5: the repetition with name type L (XPN-7) carries the birth name and first birth given name.
  for (let r = 1; r <= pid.repetitionCount(5); r++) {
    if (pid.get(5, r, 7) !== 'L') continue;
    identity.expected['birth-name'] = at(`PID-5[${r}].1`);
    identity.expected['first-given-name'] = at(`PID-5[${r}].2`);
    const family = pid.get(5, r, 1, 1).trim();
    const given = pid.get(5, r, 2).trim();
    if (family !== '') identity.traits['birth-name'] = { value: family, place: at(`PID-5[${r}].1`) };
    if (given !== '') identity.traits['first-given-name'] = { value: given, place: at(`PID-5[${r}].2`) };
    break;
  }
  const birthDate = pid.get(7, 1, 1).trim();
  if (birthDate !== '') identity.traits['birth-date'] = { value: birthDate, place: at('PID-7') };
  const sex = pid.get(8).trim();
  if (sex !== '') identity.traits.sex = { value: sex, place: at('PID-8') };
  // PID-11: the repetition with address type BDL (XAD-7) gives the INSEE birthplace code in XAD-9.
  for (let r = 1; r <= pid.repetitionCount(11); r++) {
    if (pid.get(11, r, 7) !== 'BDL') continue;
    identity.expected.birthplace = at(`PID-11[${r}].9`);
    const code = pid.get(11, r, 9).trim();
    if (code !== '') identity.traits.birthplace = { value: code, place: at(`PID-11[${r}].9`) };
    break;
  }
  return identity;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * FHIR: the identity of one Patient resource (FR Core `fr-core-patient-ins` element paths).
 * `base` is the resource's FHIR path (`Patient`, `Bundle.entry[2].resource`).
 */
export function identityFromPatient(resource: Json, base: string, where: Omit<Place, 'pointer'> = {}): PatientIdentity {
  const at = (pointer: string): Place => ({ ...where, pointer });
  const privateIds: FoundValue[] = [];
  const ins: InsClaim[] = [];
  const billingNirs: InsClaim[] = [];
  arrayOf(resource.identifier).forEach((raw, i) => {
    if (!isObject(raw)) return;
    const value = str(raw.value);
    if (value === undefined) return;
    const claim: InsClaim = { value, place: at(`${base}.identifier[${i}]`) };
    const system = str(raw.system);
    if (system !== undefined) claim.oid = stripUrnOid(system);
    const use = str(raw.use);
    if (use !== undefined) claim.use = use;
    const codings = isObject(raw.type) ? arrayOf(raw.type.coding).filter(isObject) : [];
    const insCoding = codings.find((c) => INS_FHIR_TYPES.has(String(c.code)));
    const nh = codings.some((c) => c.code === 'NH');
    const typed = insCoding ?? codings[0];
    if (typed) {
      const code = str(typed.code);
      const sys = str(typed.system);
      if (code !== undefined) claim.typeCode = code;
      if (sys !== undefined) claim.typeSystem = sys;
    }
    if (nh && !insCoding) billingNirs.push(claim);
    else if (insCoding || isInsOid(claim.oid)) ins.push(claim);
    else if (!codings.some((c) => c.code === 'INS-C')) privateIds.push({ value, place: claim.place });
  });

  const identity: PatientIdentity = {
    format: 'fhir',
    place: at(base),
    privateIds,
    ins,
    billingNirs,
    traits: {},
    expected: {
      'birth-name': at(`${base}.name.where(use='official').family`),
      'first-given-name': at(`${base}.name.where(use='official').given[0]`),
      'birth-date': at(`${base}.birthDate`),
      sex: at(`${base}.gender`),
      birthplace: at(`${base}.extension('${PATIENT_BIRTH_PLACE}').valueAddress.extension('${FR_CORE_INSEE_CODE}').valueCoding.code`),
    },
  };

  const extensions = arrayOf(resource.extension);
  extensions.forEach((ext, i) => {
    if (!isObject(ext)) return;
    if (ext.url === FR_CORE_IDENTITY_RELIABILITY || ext.url === LEGACY_IDENTITY_RELIABILITY) {
      arrayOf(ext.extension).forEach((sub, j) => {
        if (!isObject(sub) || sub.url !== 'identityStatus') return;
        const coding = isObject(sub.valueCoding) ? sub.valueCoding : undefined;
        const code = str(coding?.code);
        if (code === undefined) return;
        const r: Reliability = { codes: [code], place: at(`${base}.extension[${i}].extension[${j}].valueCoding`) };
        const sys = str(coding?.system);
        if (sys !== undefined) r.system = sys;
        identity.reliability ??= r;
      });
    }
    if (ext.url === PATIENT_BIRTH_PLACE && identity.traits.birthplace === undefined) {
      const address = isObject(ext.valueAddress) ? ext.valueAddress : undefined;
      identity.expected.birthplace = at(`${base}.extension[${i}].valueAddress.extension('${FR_CORE_INSEE_CODE}').valueCoding.code`);
      arrayOf(address?.extension).forEach((sub, j) => {
        if (!isObject(sub) || sub.url !== FR_CORE_INSEE_CODE || identity.traits.birthplace) return;
        const code = str(isObject(sub.valueCoding) ? sub.valueCoding.code : undefined);
        const pointer = `${base}.extension[${i}].valueAddress.extension[${j}].valueCoding.code`;
        identity.expected.birthplace = at(pointer);
        if (code !== undefined) identity.traits.birthplace = { value: code, place: at(pointer) };
      });
    }
  });

  const names = arrayOf(resource.name);
  const official = names.findIndex((n) => isObject(n) && n.use === 'official');
  if (official >= 0) {
    const n = names[official] as Json;
    identity.expected['birth-name'] = at(`${base}.name[${official}].family`);
    identity.expected['first-given-name'] = at(`${base}.name[${official}].given[0]`);
    const family = str(n.family);
    const given = str(arrayOf(n.given)[0]);
    if (family !== undefined) identity.traits['birth-name'] = { value: family, place: at(`${base}.name[${official}].family`) };
    if (given !== undefined) identity.traits['first-given-name'] = { value: given, place: at(`${base}.name[${official}].given[0]`) };
  }
  const birthDate = str(resource.birthDate);
  if (birthDate !== undefined) identity.traits['birth-date'] = { value: birthDate, place: at(`${base}.birthDate`) };
  const gender = str(resource.gender);
  if (gender !== undefined) identity.traits.sex = { value: gender, place: at(`${base}.gender`) };
  return identity;
}
