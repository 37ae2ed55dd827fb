import { creationFindings, deletionFindings, judgeIns, traitProblems } from './judge.js';
import { DEFAULT_MAX_FLOW_BYTES } from './read-flow.js';
import { finishFindings, readSlotPatients } from './slot.js';
import { defineBuiltinCheck } from '../codes.js';
import { INS_FLOW_CHECK_MESSAGES } from './slot.js';

interface Options {
  /** Whether the created patient must carry a private identifier (IEU 8.1 asks for one). Default true. */
  require_private_identifier?: boolean;
  /** Largest flow file read, in bytes. Default 16 MiB. */
  max_bytes?: number;
}

/**
 * IEU 8 creation flow: the patient is created with its private identifier and the five INS traits
 * (birth name, first birth given name, birth date, sex, INSEE birthplace code), in HL7 v2 (IHE PAM
 * France: A28, A04, A01…) or FHIR (FR Core Patient). When the flow also carries a valid INS, the
 * check provides `ins`, so a separate association flow is not needed. When it carries an INS at all,
 * valid or not, it shows `ins-found`: its findings already say what is wrong with that INS, and the
 * ruleset does not ask for an association flow on top.
 */
export const insCreationFlow = defineBuiltinCheck<Options>({
  name: 'ins-creation-flow',
  messages: INS_FLOW_CHECK_MESSAGES,
  description:
    'HL7 v2 (IHE PAM FR) or FHIR (FR Core) flow creating a patient with a private identifier and the 5 INS traits; provides `ins` when it also carries a valid INS, shows `ins-found` when it carries one at all.',
  descriptionFr:
    'Flux HL7 v2 (IHE PAM FR) ou FHIR (FR Core) créant un patient avec un identifiant local et les 5 traits INS ; fournit `ins` s’il porte aussi un INS valide, montre `ins-found` s’il en porte un.',
  tags: {
    ins: { en: 'already carries a valid matricule INS', fr: 'porte déjà un matricule INS valide' },
    'ins-found': { en: 'already carries a matricule INS', fr: 'porte déjà un matricule INS' },
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [],
    properties: {
      require_private_identifier: { type: 'boolean', nullable: true },
      max_bytes: { type: 'integer', minimum: 1, nullable: true },
    },
  },
  async run({ files, options, slot }) {
    const requirePrivateId = options.require_private_identifier ?? true;
    const { patients, findings, done } = await readSlotPatients(files, options.max_bytes ?? DEFAULT_MAX_FLOW_BYTES, slot);
    if (done) return { findings: done };

    const complete = patients.filter(({ patient }) => traitProblems(patient).length === 0 && (!requirePrivateId || patient.privateIds.length > 0));
    // One complete patient is the proof; the others are only worth a warning then.
    const severity = complete.length > 0 ? 'warning' : 'error';
    for (const { file, patient } of patients) findings.push(...creationFindings(patient, file, severity, requirePrivateId));

    let providesIns = false;
    for (const { file, patient } of patients) {
      findings.push(...deletionFindings(patient, file, 'info'));
      if (patient.ins.length === 0 && patient.billingNirs.length === 0) continue;
      const verdict = judgeIns(patient, file);
      findings.push(...verdict.findings);
      if (verdict.valid && patient.ins.length > 0) providesIns = true;
    }
    const shows = patients.some(({ patient }) => patient.ins.length > 0) ? ['ins-found'] : [];
    const out = { findings: finishFindings(findings, slot), shows };
    return providesIns && !out.findings.some((f) => f.severity === 'error') ? { ...out, provides: ['ins'] } : out;
  },
});
