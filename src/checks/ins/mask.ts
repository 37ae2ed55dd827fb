import { maskMatricule } from './nir.js';

/**
 * Masking of identity data for anything dmn-check prints (CONTRACT §8): findings point at a place
 * and, when a value must be shown, show it masked.
 */

/** A name reduced to its first letter: `D***`. The length is not kept, so it cannot be guessed. */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '***' : `${first.toUpperCase()}***`;
}

/**
 * A date reduced to its year: `1979-**-**` (ISO or HL7 `YYYYMMDD…` input). Anything that is not a
 * date is hidden entirely.
 */
export function maskDate(date: string): string {
  const m = /^\s*([0-9]{4})(?:-?[0-9]{2}(?:-?[0-9]{2})?)?/.exec(date);
  return m ? `${m[1]}-**-**` : '****-**-**';
}

/** Matches 15-character matricule-shaped runs inside free text (not inside longer digit runs). */
const MATRICULE_IN_TEXT = /(?<![0-9A-Za-z])[1-478][0-9]{4}(?:[0-9]{2}|2[ABab])[0-9]{8}(?![0-9A-Za-z])/g;

/**
 * Replaces every matricule-shaped run in a text by its mask. For text that may echo evidence
 * (e.g. a parser's error message), as a last line of defence.
 */
export function redactMatricules(text: string): string {
  return text.replace(MATRICULE_IN_TEXT, (m) => maskMatricule(m));
}
