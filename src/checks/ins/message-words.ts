// The words the INS catalogues share: traits, where each goes in a flow, reasons, formats.
import { s, type Lang, type ParamValue, type ParamsIn } from '../../i18n/types.js';
import type { Localized } from '../../report/report.js';

/** The five INS traits, named as users know them. */
export const TRAIT: Record<string, Localized> = {
  'birth-name': { en: 'birth name', fr: 'nom de naissance' },
  'first-given-name': { en: 'first birth given name', fr: 'premier prénom de naissance' },
  'birth-date': { en: 'birth date', fr: 'date de naissance' },
  sex: { en: 'sex', fr: 'sexe' },
  birthplace: { en: 'INSEE code of the birthplace', fr: 'code INSEE du lieu de naissance' },
};

export const trait = (p: ParamsIn<'trait'>, lang: 'en' | 'fr'): string => TRAIT[s(p.trait)]?.[lang] ?? s(p.trait);

/** Where each trait goes, per format (IHE PAM France / FR Core). */
export const TRAIT_HOME: Record<string, { hl7: string; fhir: string }> = {
  'birth-name': { hl7: 'PID-5, repetition with name type L, component 1', fhir: "Patient.name with use 'official', family" },
  'first-given-name': { hl7: 'PID-5, repetition with name type L, component 2', fhir: "Patient.name with use 'official', given[0]" },
  'birth-date': { hl7: 'PID-7 (YYYYMMDD)', fhir: 'Patient.birthDate (YYYY-MM-DD)' },
  sex: { hl7: 'PID-8 (M, F or U)', fhir: 'Patient.gender (male, female or unknown)' },
  birthplace: {
    hl7: 'PID-11, repetition with address type BDL, component 9',
    fhir: 'Patient.extension patient-birthPlace, valueAddress.extension fr-core-address-insee-code, valueCoding.code',
  },
};

export const home = (p: ParamsIn<'trait' | 'format'>): string => {
  const h = TRAIT_HOME[s(p.trait)];
  if (!h) return '';
  return s(p.format) === 'hl7v2' ? h.hl7 : h.fhir;
};

export const REASON: Record<string, Localized> = {
  date: { en: 'not a valid date', fr: "n’est pas une date valide" },
  'partial-date': { en: 'a partial date (the INS trait needs day, month and year)', fr: 'est une date incomplète (le trait INS exige jour, mois et année)' },
  'sex-code': { en: 'not an INS sex code', fr: "n’est pas un code de sexe INS" },
  'insee-code': {
    en: 'not an INSEE code (5 digits, or 2A/2B and 3 digits; 99999 when unknown)',
    fr: "n’est pas un code INSEE (5 chiffres, ou 2A/2B et 3 chiffres ; 99999 si inconnu)",
  },
};

export const reason = (p: ParamsIn<'reason'>, lang: 'en' | 'fr'): string => REASON[s(p.reason)]?.[lang] ?? s(p.reason);

export const STRUCTURE: Record<string, Localized> = {
  characters: { en: 'it must be digits only (2A or 2B allowed as the department)', fr: 'seuls des chiffres sont admis (2A ou 2B pour le département)' },
  sex: {
    en: 'its first digit is neither 1 nor 2, the digits a NIR or a NIA starts with (1 for a man, 2 for a woman)',
    fr: "son premier chiffre n’est ni 1 ni 2, les chiffres par lesquels commence un NIR ou un NIA (1 pour un homme, 2 pour une femme)",
  },
  provisional: {
    en: 'it starts with 7 or 8, so it is a provisional number (NNP, numéro national provisoire), neither a NIR nor a NIA: it cannot be a matricule INS',
    fr: "il commence par 7 ou 8\u00a0: c’est un numéro provisoire (NNP, numéro national provisoire), ni NIR ni NIA, qui ne peut pas être un matricule INS",
  },
  month: { en: 'its month (characters 4–5) is 00, 13–19 or 43–49, which no register uses', fr: "son mois (caractères 4 et 5) vaut 00, 13 à 19 ou 43 à 49, ce qu’aucun registre n’utilise" },
  department: { en: 'its department (characters 6–7) is 00', fr: 'son département (caractères 6 et 7) vaut 00' },
};

export const FORMAT: Record<string, Localized> = {
  hl7v2: { en: 'HL7 v2', fr: 'HL7 v2' },
  fhir: { en: 'FHIR', fr: 'FHIR' },
};

export const fmt = (p: ParamsIn<'format'>, lang: 'en' | 'fr'): string => FORMAT[s(p.format)]?.[lang] ?? s(p.format);
const EMPTY: Record<Lang, string> = { en: '(empty)', fr: '(vide)' };
export const empty = (v: ParamValue, lang: Lang): string => (s(v) === '' ? EMPTY[lang] : s(v));
