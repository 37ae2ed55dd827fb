import type { BuiltinFinding } from '../codes.js';

import type { TraitId } from './identity.js';
import { DEFAULT_MAX_FLOW_BYTES, placeFields } from './read-flow.js';
import { finishFindings, readSlotPatients } from './slot.js';
import { defineBuiltinCheck } from '../codes.js';

interface Options {
  /** Largest identity export read, in bytes. Default 16 MiB. */
  max_bytes?: number;
}

/** Why a stored birth name or first birth given name breaks the RNIV naming rule. */
export type NameProblem = 'lowercase' | 'diacritic' | 'character' | 'separator';

/**
 * RNIV rule 1 (INS 1.2): birth names and birth given names are stored in upper case without
 * diacritics; letters A–Z, space, hyphen and apostrophe only, not starting or ending with a separator.
 */
export function nameProblem(value: string): NameProblem | undefined {
  if (/^[A-Z]+(?:[ '-]+[A-Z]+)*$/.test(value)) return undefined;
  if (/[a-z]/.test(value)) return 'lowercase';
  if (/[\u00C0-\u024F]|\p{M}/u.test(value) || value.normalize('NFD') !== value) return 'diacritic';
  if (/[^A-Z' -]/.test(value)) return 'character';
  return 'separator';
}

const NAME_TRAITS: readonly TraitId[] = ['birth-name', 'first-given-name'];

/**
 * INS 1.2: in an identity export or flow (HL7 v2 PID, FHIR Patient / Bundle / NDJSON), every stored
 * birth name and first birth given name follows the RNIV rule. Findings name the record and the field,
 * never the value (identities are health data).
 */
export const insBirthNames = defineBuiltinCheck<Options>({
  name: 'ins-birth-names',
  description: 'Identity export (HL7 v2 PID, FHIR Patient): birth names and first birth given names in upper case without diacritics (A–Z, space, hyphen, apostrophe).',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: { max_bytes: { type: 'integer', minimum: 1, nullable: true } },
  },
  async run({ files, options, slot }) {
    const { patients, findings, done } = await readSlotPatients(files, options.max_bytes ?? DEFAULT_MAX_FLOW_BYTES, slot);
    if (done) return { findings: done };
    const out: BuiltinFinding[] = [...findings];
    let names = 0;
    for (const { file, patient } of patients) {
      for (const trait of NAME_TRAITS) {
        const found = patient.traits[trait];
        if (!found) continue;
        names++;
        const problem = nameProblem(found.value);
        if (problem) out.push({ code: 'ins.name-format', severity: 'error', params: { trait, problem }, ...placeFields(file, found.place) });
      }
    }
    if (!out.some((f) => f.severity === 'error')) out.push({ code: 'ins.names-ok', severity: 'info', file: files[0]!.path, params: { patients: patients.length, names } });
    return { findings: finishFindings(out, slot) };
  },
});
