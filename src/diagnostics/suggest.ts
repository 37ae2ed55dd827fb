import type { Localized } from '../report/report.js';
import { both } from '../i18n/text.js';
import { SUGGESTION_TEXT } from './messages.js';
/** Levenshtein distance, bounded to keep "did you mean" cheap on long inputs. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 8) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest candidate to `input`, if it is close enough to be a likely typo. */
export function closest(input: string, candidates: Iterable<string>, normalise = (s: string) => s.toLowerCase()): string | undefined {
  const needle = normalise(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(needle, normalise(c));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Bilingual "Did you mean …?" hint, or undefined when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): Localized | undefined {
  const list = [...candidates];
  const guess = closest(input, list);
  if (guess !== undefined) return both(SUGGESTION_TEXT.didYouMean, { guess }).message;
  if (list.length > 0 && list.length <= 12) {
    const names = list.map((c) => `"${c}"`).join(', ');
    return both(SUGGESTION_TEXT.expectedOneOf, { names }).message;
  }
  return undefined;
}
