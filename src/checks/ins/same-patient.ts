import type { PatientIdentity, TraitId } from './identity.js';
import { TRAITS } from './identity.js';
import { maskDate, maskName } from '../../util/redact.js';
import { describePlace } from './read-flow.js';

/**
 * Whether two identities, read from two flows, are the same patient: they share a private identifier
 * (same value), or are the same FHIR resource (same `Patient.id`), or carry the same five INS traits.
 * A flow that creates a patient and a flow that associates an INS prove IEU 8 together only when
 * they are about the same patient (ANS FAQ: "ce patient est associé à son INS").
 */
export function samePatient(a: PatientIdentity, b: PatientIdentity): boolean {
  if (a.privateIds.some((x) => b.privateIds.some((y) => y.value === x.value))) return true;
  if (a.resourceId !== undefined && a.format === 'fhir' && b.format === 'fhir' && a.resourceId === b.resourceId) return true;
  const ta = traitKey(a);
  return ta !== undefined && ta === traitKey(b);
}

/** The five traits, normalised across HL7 v2 and FHIR; undefined when one is missing. */
function traitKey(p: PatientIdentity): string | undefined {
  const parts: string[] = [];
  for (const trait of TRAITS) {
    const v = p.traits[trait]?.value;
    if (v === undefined) return undefined;
    parts.push(normalise(trait, v));
  }
  return parts.join('|');
}

const SEX: Record<string, string> = { M: 'M', F: 'F', U: 'U', male: 'M', female: 'F', unknown: 'U' };

function normalise(trait: TraitId, value: string): string {
  switch (trait) {
    case 'birth-date':
      return value.replace(/[^0-9]/g, '').slice(0, 8);
    case 'sex':
      return SEX[value] ?? value;
    case 'birthplace':
      return value.toUpperCase();
    default:
      // Names: case, accents and spacing differ between systems, the name does not.
      return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[\s'-]+/g, ' ').trim();
  }
}

/** A patient as a finding may show it: its place and masked traits (`message 1, PID: D*** J***, 1960-**-**`). */
export function describePatientMasked(p: PatientIdentity): string {
  const name = [p.traits['birth-name'], p.traits['first-given-name']].filter((t) => t !== undefined).map((t) => maskName(t.value));
  const date = p.traits['birth-date'] ? maskDate(p.traits['birth-date'].value) : undefined;
  const shown = [name.join(' '), date].filter((x) => x !== undefined && x !== '').join(', ');
  return `${describePlace(p.place, p.format)}${shown ? `: ${shown}` : ''}`;
}
