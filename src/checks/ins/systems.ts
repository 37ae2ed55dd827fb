/**
 * Identifier systems of the INS, as the sources define them:
 * - OIDs: ANS assigning authorities of the matricule INS (NIR .4.8, NIA .4.9, test .4.10, demo .4.11).
 * - FHIR: FR Core `fr-core-patient-ins` profile, identifier slices INS-NIR / INS-NIA / INS-NIR-TEST /
 *   INS-NIR-DEMO, typed from `https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203`.
 * - HL7 v2: IHE PAM France, PID-3 repetition with CX-5 `INS` and CX-4 `namespace&OID&ISO`.
 */

/** Which register a matricule INS comes from. */
export type InsKind = 'NIR' | 'NIA' | 'NIR-TEST' | 'NIR-DEMO';

export interface InsSystem {
  /** Register. */
  kind: InsKind;
  /** ANS assigning authority OID. */
  oid: string;
  /** FR Core identifier type code (`fr-core-cs-v2-0203`). */
  fhirType: string;
  /**
   * CX-4.1 namespace ids seen with this OID. The OID decides; the name is informative. ANS's own
   * published HL7 v2 examples (CI-SIS, Gazelle PAM FR test data) send test identities as
   * `ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO`, so the NIR name is accepted for test and demo.
   */
  authorityNames: readonly string[];
  /** A real person's identifier: evidence should not carry it (CONTRACT §8). */
  production: boolean;
}

export const INS_SYSTEMS: readonly InsSystem[] = [
  { kind: 'NIR', oid: '1.2.250.1.213.1.4.8', fhirType: 'INS-NIR', authorityNames: ['ASIP-SANTE-INS-NIR'], production: true },
  { kind: 'NIA', oid: '1.2.250.1.213.1.4.9', fhirType: 'INS-NIA', authorityNames: ['ASIP-SANTE-INS-NIA'], production: true },
  { kind: 'NIR-TEST', oid: '1.2.250.1.213.1.4.10', fhirType: 'INS-NIR-TEST', authorityNames: ['ASIP-SANTE-INS-NIR', 'ASIP-SANTE-INS-NIR-TEST'], production: false },
  { kind: 'NIR-DEMO', oid: '1.2.250.1.213.1.4.11', fhirType: 'INS-NIR-DEMO', authorityNames: ['ASIP-SANTE-INS-NIR', 'ASIP-SANTE-INS-NIR-DEMO'], production: false },
];

/** FR Core code system of French identifier types. */
export const FR_CORE_IDENTIFIER_TYPES = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203';

/** FR Core identity reliability extension (sub-extension `identityStatus`). */
export const FR_CORE_IDENTITY_RELIABILITY = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability';
/** The same extension in the Interop'Santé FrPatient profiles that preceded FR Core. */
export const LEGACY_IDENTITY_RELIABILITY = 'http://interopsante.org/fhir/StructureDefinition/FrPatientIdentReliability';
/**
 * FR Core 2.2 code system of the four RNIV statuses (PROV, RECUP, VALI, QUAL). There, VALI means
 * "validated but not retrieved from INSi" and only QUAL may carry the INS; in the v2-0445 codes
 * used by FR Core 2.1 and IHE PAM FR, VALI is the status that may carry the INS.
 */
export const FR_CORE_IDENTITY_STATUS = 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status';

/** Core FHIR birth place extension (an Address). */
export const PATIENT_BIRTH_PLACE = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';
/** FR Core extension carrying the INSEE code on an Address. */
export const FR_CORE_INSEE_CODE = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code';

export function systemByOid(oid: string | undefined): InsSystem | undefined {
  return oid === undefined ? undefined : INS_SYSTEMS.find((s) => s.oid === oid);
}

export function systemByFhirType(code: string | undefined): InsSystem | undefined {
  return code === undefined ? undefined : INS_SYSTEMS.find((s) => s.fhirType === code);
}

/** `urn:oid:1.2.3` → `1.2.3`; anything else unchanged. */
export function stripUrnOid(system: string): string {
  return system.startsWith('urn:oid:') ? system.slice('urn:oid:'.length) : system;
}
