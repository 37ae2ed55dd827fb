import { describe, expect, it } from 'vitest';
import { testCheck, type TestApi } from '../../src/api/check-tester.js';
import { defineCheck } from '../../src/checks/types.js';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a80000000049454e44ae426082', 'hex');

/** A check from outside that words `x.worded` but also emits `x.forgotten`, which nobody words. */
const leaky = defineCheck<Record<string, never>>({
  name: 'leaky',
  description: 'emits one worded and one unworded code',
  schema: { type: 'object', additionalProperties: false, properties: {}, required: [] },
  messages: { 'x.worded': { en: () => 'worded', fr: () => 'formulé' } },
  run: ({ slot }) => ({
    findings: [
      { code: 'x.worded', severity: 'error', slot },
      { code: 'x.forgotten', severity: 'error', slot },
    ],
  }),
});

/** Runs the tester's cases here and collects what each `expect(…).toEqual(…)` compared. */
async function collect(cases: Parameters<typeof testCheck>[1]): Promise<{ actual: unknown; expected: unknown }[]> {
  const bodies: (() => Promise<void> | void)[] = [];
  const seen: { actual: unknown; expected: unknown }[] = [];
  const api: TestApi = {
    describe: (_name, body) => body(),
    it: (_name, body) => void bodies.push(body),
    expect: (actual) => ({ toEqual: (expected) => void seen.push({ actual, expected }) }),
  };
  testCheck(leaky, cases, api);
  for (const b of bodies) await b();
  return seen;
}

describe('the check tester', () => {
  it('fails a case whose finding code nobody words, even when its codes are the ones expected', async () => {
    const [seen] = await collect({ invalid: [{ name: 'both codes', files: { 'a.png': png }, status: 'failed', codes: ['x.worded', 'x.forgotten'] }] });
    expect(seen!.actual).toEqual({ status: 'failed', codes: ['x.worded', 'x.forgotten'], unworded: ['x.forgotten'] });
    expect(seen!.actual).not.toEqual(seen!.expected);
  });
});
