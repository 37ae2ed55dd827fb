import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearOnBacktracking, schemaRegExp } from '../../../src/checks/port1/analysis/schema-regexp.js';
import { linearRegExp } from '../../../src/diagnostics/linear-regexp.js';

// Patterns of real export schemas: Node's own engine runs them (no RE2 to instantiate).
const NATIVE = [
  '^pat-[0-9]{4,}$',
  '^[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}[0-9]{2}$',
  '^[0-9][0-9AB][0-9]{3}$',
  '^[0-9]{1,7}-[0-9]$',
  '^[0-9]{11}$',
  '^[A-Z]{2}\\d+$',
  '^\\w+@[a-z]+\\.fr$',
  '^[^/]+/[^/]+$',
  '^(?:urn|URN):oid:[0-9]+$',
  '^v?[0-9]+$',
  '^[a-z]',
  '^$',
];

// Patterns that backtrack (exponentially or polynomially), or that the subset leaves out: RE2 runs them.
const RE2_ONLY = [
  '^(a+)+$',
  '(a|a)*b',
  '^(\\w+\\s?)+$',
  '^(a|a)(a|a)(a|a)b$',
  '^(a|ab)c$',
  '^a*a*b$',
  '^\\d+\\d$',
  '^[0-9]*[0-9]?x$',
  '^a?(ab)?b$',
  '^[0-9]+(2A|2B)$',
  '[0-9]+$', // not anchored: tried at every position
  '^a|b$',
  '^.*$',
  '^\\s+$',
  '^(?=a)a$',
  '^(a)\\1$',
  '^(?<n>a)$',
  '^a+?$',
  '^a{1001}$',
  '^a{3,1}$',
  '^[a-z]{500}[a-z]{501}$',
  '^[]$',
  '^[[:digit:]]$',
  '^[a-b-c]$',
  '^\\uD83D$',
  '^\ud83d$',
];

describe('schemaRegExp: which engine runs a schema pattern', () => {
  it.each(NATIVE)('%s runs on Node’s engine', (p) => {
    expect(linearOnBacktracking(p)).toBe(true);
    expect(schemaRegExp(p)).toBeInstanceOf(RegExp);
  });

  it.each(RE2_ONLY)('%s is left to RE2', (p) => {
    expect(linearOnBacktracking(p)).toBe(false);
    let engine: unknown;
    try {
      engine = schemaRegExp(p);
    } catch {
      // RE2 cannot run it either: an invalid pattern, as before
    }
    expect(engine instanceof RegExp).toBe(false);
  });

  it('still answers at once on the inputs that make a backtracking engine hang', () => {
    expect(schemaRegExp('^(a+)+$').test(`${'a'.repeat(40)}b`)).toBe(false);
    expect(schemaRegExp('(a|a)*b').test('a'.repeat(40))).toBe(false);
    expect(schemaRegExp('^(\\w+\\s?)+$').test(`${'ab '.repeat(30)}!`)).toBe(false);
  });

  it('keeps RE2’s verdict on patterns it cannot run (an error, as before)', () => {
    expect(() => schemaRegExp('^(a)\\1$')).toThrow();
    expect(() => schemaRegExp('^(?=a)a$')).toThrow();
  });

  // Pieces of patterns, in and out of the subset, put together at random: every pattern accepted must
  // compile on RE2 too and give the same answers as on RE2, also on long inputs.
  const piece = fc.constantFrom(
    'a', 'b', 'A', '2', '-', '/', ' ', 'é', '😀',
    '\\d', '\\D', '\\w', '\\W', '\\.', '\\-', '\\/', '\\t', '\\n', '\\v', '\\f', '\\$', '\\^', '\\(', '\\[', '\\{', '\\|',
    '[a-c]', '[^a]', '[0-9AB]', '[\\d-]', '[-a]', '[a-]', '[^/]', '[\\w.]', '[😀-😂]', '[\\^]', '[\\]]', '[^\\d\\s]',
    '.', '\\s', '\\b', '\\u0041', '(a|b)', '(2A|2B|[0-9]{2})', '(a|a)', '(a+)', '(?:ab|cd)', '(?:a|bc)', '(?=a)', '(a)\\1',
    '(x|y){2}', '(x|y)?', '(ab|cd)*',
  );
  const quantifier = fc.constantFrom('', '', '', '*', '+', '?', '{2}', '{1,3}', '{2,}', '{0}', '{0,2}', '*?', '{3,1}', '{,2}');
  const patternArb = fc
    .tuple(fc.boolean(), fc.array(fc.tuple(piece, quantifier), { maxLength: 6 }), fc.boolean())
    .map(([start, parts, end]) => `${start ? '^' : ''}${parts.map(([p, q]) => p + q).join('')}${end ? '$' : ''}`);
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '2', '0', '9', '-', '/', ' ', '.', '_', 'x', 'y', 'c', 'd', 'é', '😀', '\t', '\n', '\v', '\f', '$', '^', '(', '[', '{', '|'), maxLength: 12 });

  it('agrees with RE2 on every pattern it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(patternArb, fc.array(text, { minLength: 1, maxLength: 8 }), (pattern, inputs) => {
        if (!linearOnBacktracking(pattern)) return;
        accepted++;
        const native = new RegExp(pattern, 'u');
        const re2 = linearRegExp(pattern);
        for (const s of inputs) expect(native.test(s), `${pattern} on ${JSON.stringify(s)}`).toBe(re2.test(s));
        // a long input of what the pattern's pieces match, then a character that breaks it
        const long = `${inputs.join('').repeat(2000).slice(0, 20_000)}!`;
        expect(native.test(long), `${pattern} on a long input`).toBe(re2.test(long));
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
