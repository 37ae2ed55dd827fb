/**
 * Personal data never reaches an output (CONTRACT §8): a finding points at a place and, when it
 * must show a value, shows it masked. One rule for each kind of value, used everywhere:
 *
 * - a matricule INS keeps its sex, year, month and key: `1 84 12 ** *** *** 37`;
 * - a name keeps its first letter: `D***`;
 * - a date keeps its year: `1979-**-**`;
 * - a local identifier (a run of 5 digits or more in a path, a key, a resource id, a parser's
 *   message: an IPP, a matricule used as a key) keeps its first two and last two digits:
 *   `27***********89`.
 *
 * `redact` is the last step of every wording (`word`, `both`, `say`): a matricule-shaped run that
 * reached a message by any path is masked there, so no formatter can print one.
 */

/** A matricule as compared: no spaces (ordinary or no-break), upper case (`2A`, `2B`). */
export function normaliseMatricule(value: string): string {
  return value.replace(/[\s\u00a0]+/g, '').toUpperCase();
}

/**
 * A matricule with everything that locates a person hidden: `1 84 12 ** *** *** 37`. A value that
 * is not matricule-shaped is hidden entirely (one `*` per character, at most 20).
 */
export function maskMatricule(raw: string): string {
  const value = normaliseMatricule(raw);
  if (/^[0-9]{5}[0-9AB]{2}[0-9]{8}$/.test(value)) {
    return `${value[0]} ${value.slice(1, 3)} ${value.slice(3, 5)} ** *** *** ${value.slice(13)}`;
  }
  return '*'.repeat(Math.max(1, Math.min(value.length, 20)));
}

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

/** Runs of 5 digits or more (a local identifier, a matricule used as a key): `279035121518989` → `27***********89`. */
export function maskDigits(text: string): string {
  return text.replace(/\d{5,}/g, (run) => `${run.slice(0, 2)}${'*'.repeat(run.length - 4)}${run.slice(-2)}`);
}

/** Matches 15-character matricule-shaped runs inside free text (not inside longer digit runs). */
const MATRICULE_IN_TEXT = /(?<![0-9A-Za-z])[1-478][0-9]{4}(?:[0-9]{2}|2[ABab])[0-9]{8}(?![0-9A-Za-z])/g;

/** A text with every matricule-shaped run masked: the last step of every wording. */
export function redact(text: string): string {
  return text.replace(MATRICULE_IN_TEXT, (m) => maskMatricule(m));
}
