import type { Segment } from '../../evidence/read/reader.js';
import { checkMatricule } from '../ins/nir.js';
import { maskMatricule } from '../../util/redact.js';

/**
 * What a read segment shows: phrases found accent- and case-insensitively, tolerating the small
 * errors OCR makes (a letter dropped, swapped or doubled; words glued or split), and built-in
 * recognisers. Matches are returned masked: never the text around them.
 */

/** One token of read text, with the confidence of the OCR word it came from (null: not OCR). */
interface Token {
  t: string;
  confidence: number | null;
}

/** Case, accents, apostrophes and punctuation folded away: `Sécurité sociale` → `securite sociale`. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function tokensOf(seg: Segment): Token[] {
  if (seg.words.length > 0) {
    return seg.words.flatMap((w) => fold(w.text).split(' ').filter(Boolean).map((t) => ({ t, confidence: w.confidence })));
  }
  return fold(seg.text)
    .split(' ')
    .filter(Boolean)
    .map((t) => ({ t, confidence: null }));
}

/** Edits allowed between a phrase and what was read, by the phrase's length (letters, no spaces). */
function tolerance(length: number): number {
  if (length < 5) return 0;
  if (length < 10) return 1;
  return 2;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export interface PhraseMatch {
  /** The phrase as the ruleset spells it (what a finding may show). */
  phrase: string;
  /** Lowest OCR confidence of the words matched, or null for a text layer. */
  confidence: number | null;
}

/** The first phrase of `phrases` found in the tokens, or undefined. */
export function findPhrase(tokens: readonly Token[], phrases: readonly string[]): PhraseMatch | undefined {
  for (const phrase of phrases) {
    const want = fold(phrase).split(' ').filter(Boolean);
    if (want.length === 0) continue;
    const joined = want.join('');
    const max = tolerance(joined.length);
    for (let i = 0; i < tokens.length; i++) {
      // OCR glues or splits words: windows of one token fewer or more than the phrase.
      for (let k = Math.max(1, want.length - 1); k <= want.length + 1 && i + k <= tokens.length; k++) {
        const window = tokens.slice(i, i + k);
        const got = window.map((x) => x.t).join('');
        // Short phrases (INS, SMS, OTP) match whole words only, exactly.
        const hit = max === 0 ? k === want.length && window.every((x, n) => x.t === want[n]) : distance(got, joined, max) <= max;
        if (hit) {
          const confs = window.map((x) => x.confidence).filter((c): c is number => c !== null);
          return { phrase, confidence: confs.length ? Math.min(...confs) : null };
        }
      }
    }
  }
  return undefined;
}

export interface MatriculeFound {
  /** Masked: `2 79 03 ** *** *** **` style, never in full. */
  masked: string;
  /** Normalised value, for comparisons with the flows (never printed). */
  value: string;
  valid: boolean;
}

/** Digits OCR reads as letters inside a number. */
const OCR_DIGIT: Record<string, string> = { O: '0', o: '0', D: '0', I: '1', l: '1', '|': '1', S: '5', B: '8' };

/** Runs that could be a matricule INS: a sex digit then 14 more characters, spaces and dots allowed between. */
const CANDIDATE = /(?<![0-9A-Za-z])[1-478Il|](?:[ \u00a0.]?[0-9OoDIl|SAB]){14}(?![0-9A-Za-z])/g;

/**
 * Matricules INS in a text (NIR or NIA: 15 characters, spaces allowed, department `2A`/`2B`),
 * valid key or not. A letter OCR often reads for a digit is taken as that digit, except `A`/`B`
 * in the Corsican department.
 */
export function findMatricules(text: string): MatriculeFound[] {
  const out: MatriculeFound[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const chars = m[0].replace(/[ \u00a0.]/g, '');
    let fixed = '';
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const corsican = (i === 6 && chars[5] === '2' && (c === 'A' || c === 'B'));
      fixed += corsican ? c : (OCR_DIGIT[c] ?? c);
    }
    // Letters in more than two places are a word, not a misread number.
    if ([...chars].filter((c) => /[A-Za-z|]/.test(c)).length > 2) continue;
    const checked = checkMatricule(fixed);
    const shaped = checked.ok || checked.problem === 'key';
    if (!shaped) continue;
    out.push({ masked: maskMatricule(fixed), value: checked.value, valid: checked.ok });
  }
  return out;
}
