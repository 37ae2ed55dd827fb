import { describe, expect, it } from 'vitest';
import { runCheckCase, testCheck } from '../../../src/api/check-tester.js';
import { minFiles } from '../../../src/checks/files/min-files.js';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a80000000049454e44ae426082', 'hex');

testCheck(
  minFiles,
  {
    valid: [
      { name: 'as many files as asked', files: { 'a.png': png, 'b.png': Buffer.concat([png, Buffer.from([0])]) }, options: { count: 2 } },
      { name: 'more files than asked', files: { 'a.png': png, 'b.png': png, 'c.png': png }, options: { count: 1 } },
    ],
    invalid: [{ name: 'fewer files than asked', files: { 'a.png': png }, options: { count: 2 }, status: 'missing', codes: ['slot.too-few-files'] }],
    badOptions: [
      { name: 'no count', options: {} },
      { name: 'a count of zero', options: { count: 0 } },
      { name: 'an unknown option', options: { count: 1, max: 3 } },
    ],
  },
  { describe, it, expect },
);

describe('min-files wording', () => {
  it('says how many files were given and how many are needed, in both languages', async () => {
    const en = await runCheckCase(minFiles, { name: 'en', files: { 'a.png': png }, options: { count: 3 } });
    expect(en.findings[0]!.message).toBe('"evidence" needs at least 3 files; 1 given.');
    const fr = await runCheckCase(minFiles, { name: 'fr', files: { 'a.png': png }, options: { count: 3 }, lang: 'fr' });
    expect(fr.findings[0]!.message).toBe('« evidence » demande au moins 3 fichiers ; 1 fourni.');
  });
});
