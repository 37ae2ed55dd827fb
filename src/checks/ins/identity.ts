import { INS_SYSTEMS, systemByOid } from './systems.js';

// A patient identity as a flow carries it (HL7 v2 PID or FHIR Patient), before any judgement:
// identity-hl7.ts and identity-fhir.ts read it, judge.ts judges it.

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
  /**
   * HL7 only: INS repetitions of PID-3 whose value is `""`, the explicit delete of HL7 v2 (IHE PAM
   * France §4.4.3–4.4.4: an A47 that removes the patient's INS). Not INS claims: they carry no matricule.
   */
  insDeletions: InsClaim[];
  /** Billing NIRs (identifier type `NH`): not INS. */
  billingNirs: InsClaim[];
  /** HL7 PID-32 / FR Core identityStatus, when sent. */
  reliability?: Reliability;
  /** HL7 only: a `VALI` found in PID-31 or PID-33 while PID-32 is empty (a separator too many or too few). */
  misplacedReliability?: Place;
  /** FHIR only: the Patient's logical id (`Patient.id`), which links two flows of one resource. */
  resourceId?: string;
  /**
   * FHIR only: data found where FR Core before 2.0 put it (migration to FR Core 2.x needed):
   * the INSEE birthplace code in `birthPlace.valueAddress.district`, the reliability in extension
   * `fr-core-ident-reliability` with sub-extension `identityReliability`.
   */
  legacy?: { birthplace?: Place; reliability?: Place };
  /** The traits found (absent keys are missing traits). */
  traits: Partial<Record<TraitId, FoundValue>>;
  /** Where each trait is expected, to point at it when it is missing. */
  expected: Record<TraitId, Place>;
}

export const INS_FHIR_TYPES = new Set(INS_SYSTEMS.map((s) => s.fhirType));

export function isInsOid(oid: string | undefined): boolean {
  return systemByOid(oid) !== undefined;
}
