import { afterAll, describe, expect, it } from 'vitest';
import { createReader } from '../../../src/evidence/read/reader.js';
import { corpus, judgeCorpus, tally } from '../../support/corpus.js';

/*
 * The precision of the bundled `shows` rules on the synthetic screen corpus (fixtures/screens,
 * made by scripts/make-screens.mjs). The default run judges one screen of each kind per rule; with
 * DMN_CORPUS=1 every screen is judged and the table the README quotes is printed.
 */
const ALL = process.env.DMN_CORPUS === '1';
const SAMPLE = ['login-ins-phone.jpg', 'login-email-desktop.png', 'account-ins-desktop.png', 'account-bad-key-desktop.png', 'two-factor-sms-phone.jpg', 'password-only-desktop.png', 'identity-change-check-desktop.png', 'identity-change-request-desktop.png', 'thumbnail.png'];

const reader = createReader();
afterAll(() => reader.close());

describe('shows: the screen corpus', () => {
  it(`judges ${ALL ? 'every' : 'a sample of the'} screen(s) as a reviewer would`, async () => {
    const screens = corpus().filter((s) => ALL || SAMPLE.includes(s.file));
    expect(screens.length).toBe(ALL ? corpus().length : SAMPLE.length);
    const verdicts = await judgeCorpus(reader, screens);
    const t = tally(verdicts);
    if (ALL) console.log(`corpus: ${screens.length} screens, ${verdicts.length} verdicts`, t);
    // Precision first: a legible screen that shows the thing is never failed...
    expect(verdicts.filter((v) => v.expected && !v.passed).map((v) => `${v.requirement} ${v.file}`)).toEqual([]);
    // ...and a screen that does not show it is not passed.
    expect(verdicts.filter((v) => !v.expected && v.passed).map((v) => `${v.requirement} ${v.file}`)).toEqual([]);
    expect(t.truePass).toBeGreaterThan(0);
    expect(t.trueFail).toBeGreaterThan(0);
    // What a failure says: the thing missing, or that nothing is legible.
    const thumb = verdicts.find((v) => v.file === 'thumbnail.png')!;
    expect(thumb.findings.map((f) => f.code)).toEqual(['shows.illegible']);
    const badKey = verdicts.find((v) => v.file === 'account-bad-key-desktop.png')!;
    expect(badKey.findings.map((f) => f.code)).toEqual(['shows.missing', 'shows.matricule-key']);
    expect(badKey.findings[1]!.params!.masked).toBe('2 79 03 ** *** *** 88');
    const found = verdicts.find((v) => v.file === 'account-ins-desktop.png')!.findings;
    expect(found).toMatchObject([{ code: 'shows.found', severity: 'info', params: { match: '2 79 03 ** *** *** 89' } }]);
  }, 300_000);
});
