import type { Er7Message, Er7Segment } from '../../evidence/formats/er7.js';
import { isInsOid, type Place, type FoundValue, type InsClaim, type PatientIdentity } from './identity.js';

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
  const insDeletions: InsClaim[] = [];
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
    const insTyped = type === 'INS' || isInsOid(claim.oid);
    // `""` is HL7 v2's explicit null: in an INS repetition, the flow deletes the INS (PAM FR §4.4.3).
    if (value === '""') {
      if (insTyped) insDeletions.push(claim);
      continue;
    }
    if (type === 'NH') billingNirs.push(claim);
    else if (insTyped) ins.push(claim);
    // INS-C (the former computed INS) is neither an INS nor a private identifier.
    else if (type !== 'INS-C') privateIds.push({ value, place: claim.place });
  }

  const identity: PatientIdentity = {
    format: 'hl7v2',
    place: at('PID'),
    privateIds,
    ins,
    insDeletions,
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
