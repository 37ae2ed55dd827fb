/**
 * The matricule INS: a NIR (numéro d'inscription au répertoire) or a NIA (numéro d'identification
 * d'attente), 15 characters: sex (1), year (2), month (2), department (2, `2A`/`2B` for Corsica),
 * commune or country (3), order number (3), key (2).
 *
 * The structure is checked leniently, because real registers hold values a naive reading rejects
 * (months 20–42 and 50–99 for unknown or registered-late births, 97/98 overseas, 99 born abroad).
 * The first digit is checked strictly: a NIR or a NIA starts with 1 (man) or 2 (woman), as the CNAM
 * validator (assurance-maladie-digital/nir-validation, NirValidator) accepts; 7 and 8 start a
 * provisional number (NNP, numéro national provisoire, NnpValidator there), which is neither a NIR
 * nor a NIA and so never a matricule INS. 3 and 4 are refused too: no INS source we could cite gives
 * them as a matricule INS. The key is checked strictly: it is the one thing a typo always breaks.
 */
import { normaliseMatricule } from '../../util/redact.js';

/** Why a value is not a well-formed matricule INS. */
export type MatriculeProblem =
  /** Not 15 characters (after removing spaces). */
  | 'length'
  /** Characters other than digits, or `A`/`B` anywhere but the Corsican department. */
  | 'characters'
  /** First digit is neither 1 nor 2 (and not 7/8, see `provisional`). */
  | 'sex'
  /** First digit is 7 or 8: a provisional number (NNP), neither a NIR nor a NIA. */
  | 'provisional'
  /** Month is 00, 13–19 or 43–49 (no register uses those). */
  | 'month'
  /** Department is 00 (no register uses it). */
  | 'department'
  /** Key is not 97 − (first 13 digits mod 97). */
  | 'key';

export type MatriculeCheck = { ok: true; value: string } | { ok: false; problem: MatriculeProblem; value: string };

const SHAPE = /^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{8}$/;
const SEX_DIGITS = new Set(['1', '2']);
const PROVISIONAL_DIGITS = new Set(['7', '8']);

// A matricule's normal form (no spaces, upper case) and its mask are the redaction rules' (util/redact.ts).
export { normaliseMatricule };

/**
 * The key of the first 13 characters of a matricule, or undefined when they are not 13 digits
 * (with `2A`/`2B` allowed in the department). Corsica counts as 19 (2A) and 18 (2B).
 */
export function matriculeKey(first13: string): number | undefined {
  const s = first13.toUpperCase();
  if (!/^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{6}$/.test(s)) return undefined;
  const dept = s.slice(5, 7);
  const digits = s.slice(0, 5) + (dept === '2A' ? '19' : dept === '2B' ? '18' : dept) + s.slice(7);
  // 13 digits stay below 2^53, so plain numbers are exact.
  return 97 - (Number(digits) % 97);
}

/** Checks a matricule INS: structure leniently, key strictly. The value is normalised first. */
export function checkMatricule(raw: string): MatriculeCheck {
  const value = normaliseMatricule(raw);
  if (value.length !== 15) return { ok: false, problem: 'length', value };
  if (!SHAPE.test(value)) return { ok: false, problem: 'characters', value };
  if (PROVISIONAL_DIGITS.has(value[0]!)) return { ok: false, problem: 'provisional', value };
  if (!SEX_DIGITS.has(value[0]!)) return { ok: false, problem: 'sex', value };
  const month = Number(value.slice(3, 5));
  if (month === 0 || (month >= 13 && month <= 19) || (month >= 43 && month <= 49)) return { ok: false, problem: 'month', value };
  if (value.slice(5, 7) === '00') return { ok: false, problem: 'department', value };
  if (matriculeKey(value.slice(0, 13)) !== Number(value.slice(13))) return { ok: false, problem: 'key', value };
  return { ok: true, value };
}


/** The parts of a matricule that can be compared with the identity traits. */
export interface MatriculeParts {
  /** `1`/`3`/`7` for men, `2`/`4`/`8` for women. */
  sexDigit: string;
  /** Two-digit year. */
  year: string;
  /** Two-digit month (may be a conventional value outside 01–12). */
  month: string;
}

export function matriculeParts(value: string): MatriculeParts {
  const v = normaliseMatricule(value);
  return { sexDigit: v.slice(0, 1), year: v.slice(1, 3), month: v.slice(3, 5) };
}
