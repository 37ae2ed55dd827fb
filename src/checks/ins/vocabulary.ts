/**
 * Codes a finding may quote from a flow. A code is echoed only when it belongs to its vocabulary:
 * a field that holds something else (a name pasted in the wrong place, say) is shown as `(other)`,
 * so no finding can carry patient data by way of a misplaced value.
 */

/** HL7 table 0445 as extended by IHE PAM France and FR Core (identity reliability / status). */
export const IDENTITY_STATUS_CODES: ReadonlySet<string> = new Set([
  'VIDE', 'PROV', 'VALI', 'DOUB', 'DESA', 'DPOT', 'DOUA', 'COLP', 'COLV', 'FILI', 'CACH', 'ANOM', 'IDVER', 'RECD', 'IDRA', 'USUR',
  'HOMD', 'HOMA', 'INVA', 'FICT', 'DOUT', 'RECUP', 'QUAL',
]);

/** Identifier type codes (HL7 table 0203 and the FR Core additions) seen in patient identifiers. */
export const IDENTIFIER_TYPE_CODES: ReadonlySet<string> = new Set([
  'INS', 'INS-C', 'INS-NIR', 'INS-NIA', 'INS-NIR-TEST', 'INS-NIR-DEMO', 'NH', 'PI', 'PN', 'PT', 'MR', 'AN', 'VN', 'RRI', 'NDP', 'NNFRA',
  'PPN', 'DL', 'SS', 'NI', 'BC', 'HC', 'JHN', 'U', 'XX', 'EI',
]);

/** CX-4.1 namespace ids of the INS and NIR assigning authorities. */
export const AUTHORITY_NAMES: ReadonlySet<string> = new Set([
  'ASIP-SANTE-INS-NIR', 'ASIP-SANTE-INS-NIA', 'ASIP-SANTE-INS-NIR-TEST', 'ASIP-SANTE-INS-NIR-DEMO', 'ASIP-SANTE-INS-C', 'ASIP-SANTE-NIR',
]);

/** FHIR `Identifier.use`. */
export const IDENTIFIER_USES: ReadonlySet<string> = new Set(['usual', 'official', 'temp', 'secondary', 'old']);

/** FHIR resource types a flow export may plausibly contain instead of a Patient. */
export const RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'Patient', 'Bundle', 'Observation', 'Practitioner', 'PractitionerRole', 'Organization', 'Encounter', 'RelatedPerson', 'Person', 'Group',
  'Condition', 'Composition', 'DocumentReference', 'MedicationRequest', 'MedicationStatement', 'Medication', 'Appointment', 'Location',
  'Device', 'Questionnaire', 'QuestionnaireResponse', 'Consent', 'Coverage', 'CarePlan', 'CareTeam', 'Communication', 'OperationOutcome',
  'Parameters', 'List', 'Binary', 'Provenance', 'AuditEvent', 'Task', 'ServiceRequest', 'DiagnosticReport', 'Procedure', 'Immunization',
  'AllergyIntolerance', 'Goal', 'Flag', 'Schedule', 'Slot', 'EpisodeOfCare', 'HealthcareService', 'Endpoint', 'Subscription',
  'CapabilityStatement', 'StructureDefinition', 'ValueSet', 'CodeSystem', 'MessageHeader',
]);

/** HL7 v2 message codes (MSH-9.1) of the flows a DMN may receive or send. */
const MESSAGE_CODES: ReadonlySet<string> = new Set(['ADT', 'ACK', 'ORM', 'ORU', 'OML', 'ORL', 'SIU', 'MDM', 'MFN', 'QBP', 'RSP', 'BAR', 'DFT', 'ZAM']);

export const OTHER = '(other)';

/** The value when it is in the vocabulary, `''` when empty, else `(other)`. */
export function codeOf(value: string | undefined, vocabulary: ReadonlySet<string>): string {
  if (value === undefined || value === '') return '';
  return vocabulary.has(value) ? value : OTHER;
}

/** An HL7 message type (`ADT^A28`) when it looks like one, else `(other)`. */
export function messageTypeOf(value: string): string {
  if (value === '') return '';
  const [code, event] = value.split('^');
  return MESSAGE_CODES.has(code ?? '') && (event === undefined || /^[A-Z][0-9]{2}$/.test(event)) ? value : OTHER;
}
