import { creationFindings, deletionFindings, judgeIns } from './judge.js';
import { DEFAULT_MAX_FLOW_BYTES, placeFields } from './read-flow.js';
import { describePatientMasked, samePatient } from './same-patient.js';
import { finishFindings, readSlotFlows, readSlotPatients, slotPatients } from './slot.js';
import { defineBuiltinCheck } from '../codes.js';
import { INS_FLOW_CHECK_MESSAGES } from './slot.js';

interface Options {
  /** Largest flow file read, in bytes. Default 16 MiB. */
  max_bytes?: number;
  /**
   * Sibling slot holding the creation flow (default `creation-flow`): when it has files, a patient
   * carrying the INS must be a patient created there (same private identifier, same FHIR resource id,
   * or same five traits).
   */
  creation_slot?: string;
}

/** Patients named per side in the finding that says the flows are about different patients. */
const MAX_LISTED = 3;

/**
 * IEU 8 association flow: a patient's matricule INS is sent with its OID (HL7 v2 IHE PAM France, e.g.
 * ADT A31; or FHIR FR Core `fr-core-patient-ins`). Every INS must have 15 characters, a valid key, a
 * known OID that matches its identifier type, and an identity status that allows sending it (HL7
 * PID-32 `VALI`). A billing NIR (type `NH`) is not an INS; an INS repetition holding `""` deletes
 * the INS (IHE PAM France §4.4.3) and proves no association. Missing traits and private identifier
 * next to the INS are warnings here (the creation flow is where they are required). When the
 * creation flow is given too, the INS must go to the patient it created (ANS FAQ on IEU 8).
 */
export const insAssociationFlow = defineBuiltinCheck<Options>({
  name: 'ins-association-flow',
  messages: INS_FLOW_CHECK_MESSAGES,
  description:
    'HL7 v2 (IHE PAM FR) or FHIR (FR Core) flow carrying a valid matricule INS (15 characters, key, OID matching its type, PID-32 VALI / qualified status) for the patient the creation flow created.',
  descriptionFr:
    'Flux HL7 v2 (IHE PAM FR) ou FHIR (FR Core) portant un matricule INS valide (15 caractères, clé, OID conforme à son type, statut qualifié PID-32 VALI) pour le patient créé par le flux de création.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [],
    properties: {
      max_bytes: { type: 'integer', minimum: 1, nullable: true },
      creation_slot: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', nullable: true },
    },
  },
  async run({ files, options, slot, others }) {
    const maxBytes = options.max_bytes ?? DEFAULT_MAX_FLOW_BYTES;
    const { patients, findings, done } = await readSlotPatients(files, maxBytes, slot);
    if (done) return { findings: done };
    const withIns = patients.filter(({ patient }) => patient.ins.length > 0);
    if (withIns.length === 0) {
      const billing = patients.find(({ patient }) => patient.billingNirs.length > 0);
      const deleting = patients.filter(({ patient }) => patient.insDeletions.length > 0);
      if (deleting.length > 0) {
        // The flow removes the INS: it is not what an association flow must show.
        for (const { file, patient } of deleting) findings.push(...deletionFindings(patient, file, 'error'));
      } else if (billing) {
        const b = billing.patient.billingNirs[0]!;
        findings.push({ code: 'ins.billing-nir-only', severity: 'error', params: { format: billing.patient.format }, ...placeFields(billing.file, b.place) });
      } else {
        const first = patients[0]!;
        findings.push({ code: 'ins.missing', severity: 'error', params: { format: first.patient.format, patients: patients.length }, ...placeFields(first.file, first.patient.place) });
      }
    }
    for (const { file, patient } of patients) {
      if (withIns.length > 0) findings.push(...deletionFindings(patient, file, 'warning'));
      if (patient.ins.length === 0 && patient.billingNirs.length === 0) continue;
      findings.push(...judgeIns(patient, file).findings);
      if (patient.ins.length > 0) findings.push(...creationFindings(patient, file, 'warning', true));
    }

    // The FAQ asks to see that the created patient is the one associated with the INS.
    const creationSlot = options.creation_slot ?? 'creation-flow';
    const creationFiles = others?.get(creationSlot) ?? [];
    if (withIns.length > 0 && creationFiles.length > 0) {
      const created = slotPatients(await readSlotFlows(creationFiles, maxBytes));
      const linked = withIns.some(({ patient }) => created.some((c) => samePatient(patient, c.patient)));
      if (created.length > 0 && !linked) {
        const first = withIns[0]!;
        const list = (ps: typeof created): string => {
          const shown = ps.slice(0, MAX_LISTED).map((x) => `${x.file}, ${describePatientMasked(x.patient)}`);
          return ps.length > MAX_LISTED ? `${shown.join('; ')}; … (${ps.length})` : shown.join('; ');
        };
        findings.push({
          code: 'ins.association-other-patient',
          severity: 'error',
          params: { creation_slot: creationSlot, associated: list(withIns), created: list(created) },
          ...placeFields(first.file, first.patient.place),
        });
      }
    }
    return { findings: finishFindings(findings, slot) };
  },
});
