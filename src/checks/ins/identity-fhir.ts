import { FR_CORE_IDENTITY_RELIABILITY, FR_CORE_INSEE_CODE, FR_CORE_LEGACY_IDENT_RELIABILITY, LEGACY_IDENTITY_RELIABILITY, PATIENT_BIRTH_PLACE, stripUrnOid } from './systems.js';
import { INS_FHIR_TYPES, isInsOid, type Place, type FoundValue, type InsClaim, type Reliability, type PatientIdentity } from './identity.js';

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
    insDeletions: [],
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

  const id = str(resource.id);
  if (id !== undefined) identity.resourceId = id;
  const legacy: NonNullable<PatientIdentity['legacy']> = {};

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
    // FR Core before 2.0: extension fr-core-ident-reliability, sub-extension identityReliability.
    if (ext.url === FR_CORE_LEGACY_IDENT_RELIABILITY) {
      arrayOf(ext.extension).forEach((sub, j) => {
        if (isObject(sub) && sub.url === 'identityReliability') legacy.reliability ??= at(`${base}.extension[${i}].extension[${j}]`);
      });
      legacy.reliability ??= at(`${base}.extension[${i}]`);
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
      // FR Core before 2.0 put the INSEE code in the Address's district.
      if (identity.traits.birthplace === undefined && str(address?.district) !== undefined) legacy.birthplace = at(`${base}.extension[${i}].valueAddress.district`);
    }
  });
  if (identity.traits.birthplace !== undefined) delete legacy.birthplace;
  if (legacy.birthplace !== undefined || (legacy.reliability !== undefined && identity.reliability === undefined)) {
    identity.legacy = {};
    if (legacy.birthplace) identity.legacy.birthplace = legacy.birthplace;
    if (legacy.reliability && identity.reliability === undefined) identity.legacy.reliability = legacy.reliability;
  }

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
