import type { BuiltinFinding } from '../codes.js';

import type { TraitId } from './identity.js';
import { DEFAULT_MAX_FLOW_BYTES, placeFields } from './read-flow.js';
import { finishFindings, readSlotPatients } from './slot.js';
import { defineBuiltinCheck } from '../codes.js';
import { formatNumber, plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

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

/** Wording of the birth-names check. */
const MESSAGES = {
  'ins.name-format': msg<'problem' | 'trait'>({
    en: (p) => `The stored ${p.trait === 'birth-name' ? 'birth name' : 'first birth given name'} ${({ lowercase: 'has lower-case letters', diacritic: 'has accents or other diacritics', character: 'has a character other than A–Z, space, hyphen and apostrophe', separator: 'starts or ends with a separator' } as Record<string, string>)[s(p.problem)] ?? 'breaks the naming rule'} (RNIV rule 1).`,
    fr: (p) => `Le ${p.trait === 'birth-name' ? 'nom de naissance' : 'premier prénom de naissance'} enregistré ${({ lowercase: 'contient des minuscules', diacritic: 'contient des accents ou d’autres signes diacritiques', character: 'contient un caractère autre que A–Z, espace, tiret et apostrophe', separator: 'commence ou finit par un séparateur' } as Record<string, string>)[s(p.problem)] ?? 'enfreint la règle de saisie'} (règle 1 du RNIV).`,
    hint: {
      en: () => 'Birth names and birth given names are stored in upper case without diacritics (ÉLODIE → ELODIE), keeping spaces, hyphens and apostrophes.',
      fr: () => 'Les noms et prénoms de naissance sont enregistrés en majuscules sans signe diacritique (ÉLODIE → ELODIE), en gardant espaces, tirets et apostrophes.',
    },
  }),
  'ins.names-ok': msg<'names' | 'patients'>({
    en: (p) => `${plural(Number(p.names), 'en', 'birth name or first given name', 'birth names and first given names')} of ${plural(Number(p.patients), 'en', 'patient')} follow the RNIV naming rule.`,
    fr: (p) => `Noms et premiers prénoms de naissance (${formatNumber(Number(p.names), 'fr')}) de ${plural(Number(p.patients), 'fr', 'patient')}\u00a0: conformes à la règle de saisie du RNIV.`,
  }),
} satisfies TypedCatalog;

/** Its messages (their codes join `FindingCode`). */
export type InsBirthNamesMessages = typeof MESSAGES;

/**
 * INS 1.2: in an identity export or flow (HL7 v2 PID, FHIR Patient / Bundle / NDJSON), every stored
 * birth name and first birth given name follows the RNIV rule. Findings name the record and the field,
 * never the value (identities are health data).
 */
export const insBirthNames = defineBuiltinCheck<Options>({
  name: 'ins-birth-names',
  messages: MESSAGES,
  description: 'Identity export (HL7 v2 PID, FHIR Patient): birth names and first birth given names in upper case without diacritics (A–Z, space, hyphen, apostrophe).',
  descriptionFr: 'Export d’identités (PID HL7 v2, Patient FHIR)\u00a0: noms de naissance et premiers prénoms de naissance en majuscules sans diacritiques (A–Z, espace, trait d’union, apostrophe).',
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
