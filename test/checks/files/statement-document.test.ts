import { describe, expect, it } from 'vitest';
import { dateForms, namedNumbers } from '../../../src/checks/files/statement-document.js';
import { fold } from '../../../src/checks/files/shows-match.js';

const named = (text: string, prefix: string): number[] => [...namedNumbers(text, prefix)].sort((a, b) => a - b);

describe('statement-document: which requirements a document names', () => {
  it('reads single ids however they are typed, and never a longer number', () => {
    expect(named("l'exigence IEU 2 ne s'applique pas", 'IEU')).toEqual([2]);
    expect(named('IEU2, IEU-7 et IEU n° 9.1', 'IEU')).toEqual([2, 7, 9]);
    expect(named('IEU 21', 'IEU')).toEqual([21]);
    expect(named('MIEU 2', 'IEU')).toEqual([]);
    expect(named('ApCV 1', 'ApCV')).toEqual([1]);
  });

  it('reads lists and ranges, in French and English', () => {
    expect(named('INS 4, INS 6, INS 11 à INS 14 et 37 à 40', 'INS')).toEqual([4, 6, 11, 12, 13, 14, 37, 38, 39, 40]);
    expect(named('requirements INS 3 to 5 and INS 9', 'INS')).toEqual([3, 4, 5, 9]);
    expect(named('IEPS 2, IEPS 5 et IEPS 9', 'IEPS')).toEqual([2, 5, 9]);
  });

  it('stops a list at the next word: a year or a count is not a requirement', () => {
    expect(named('IEU 2 le 2 octobre 2026', 'IEU')).toEqual([2]);
    expect(named('INS 4 patients 12', 'INS')).toEqual([4]);
    // a backwards or absurd range names only its start
    expect(named('INS 30 à 3', 'INS')).toEqual([30]);
  });
});

describe('statement-document: the ways a date is written', () => {
  const has = (text: string, iso: string): boolean => dateForms(iso).some((f) => ` ${fold(text)} `.includes(` ${f} `));
  it('finds 2026-10-02 written in French, English or digits', () => {
    for (const t of ['Fait à Paris, le 2 octobre 2026.', 'le 02/10/2026', 'Signed on October 2, 2026', '2 Oct. 2026', 'date : 2026-10-02']) expect(has(t, '2026-10-02'), t).toBe(true);
    expect(has('le 1er décembre 2026', '2026-12-01')).toBe(true);
  });
  it('does not take another day or year for it', () => {
    for (const t of ['le 12 octobre 2026', 'le 2 octobre 2025', '20/10/2026', '10/02/2026']) expect(has(t, '2026-10-02'), t).toBe(false);
  });
});
