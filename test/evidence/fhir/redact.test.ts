import { describe, expect, it } from 'vitest';
import { tokenForms, tokenRedactor } from '../../../src/evidence/fhir/redact.js';

const TOKEN = 'test-token-0f3a/9c+2e7b=5d41';

describe('tokenRedactor: the bearer token in every form a server could echo it (issue 12, item 7)', () => {
  const { redact, contains } = tokenRedactor(TOKEN);
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  const b64url = (s: string): string => Buffer.from(s).toString('base64url');

  it.each([
    ['verbatim', TOKEN],
    ['percent-encoded', encodeURIComponent(TOKEN)],
    ['percent-encoded, lower-case hex', encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ['every byte percent-encoded', [...Buffer.from(TOKEN)].map((b) => `%${b.toString(16)}`).join('')],
    ['base64', b64(TOKEN)],
    ['base64 of the whole header', b64(`Bearer ${TOKEN}`)],
    ['base64 at the third alignment', b64(`xx${TOKEN}yy`)],
    ['base64url of the whole header', b64url(`Authorization: Bearer ${TOKEN}`)],
    ['hex', Buffer.from(TOKEN).toString('hex')],
    ['reversed', [...TOKEN].reverse().join('')],
    ['JSON-escaped slashes', TOKEN.replace(/\//g, '\\/')],
  ])('%s', (_, echoed) => {
    const text = `Rejected request with header ${echoed} (end)`;
    expect(contains(text)).toBe(true);
    const out = redact(text);
    expect(out).toContain('[redacted]');
    for (const form of tokenForms(TOKEN)) expect(out).not.toContain(form);
    expect(out).toMatch(/^Rejected request with header .*\(end\)$/);
  });

  it('takes the base64 groups on each side of an encoded token too (they carry its first and last bytes)', () => {
    const out = redact(`x ${b64(`Bearer ${TOKEN}`)} y`);
    expect(out).toMatch(/^x QmVhcmVy\[redacted\] y$/); // "Bearer", and nothing of the token
  });

  it('leaves text without the token as it is; a short token is redacted verbatim only', () => {
    expect(redact('an ordinary message, no secret')).toBe('an ordinary message, no secret');
    expect(contains(Buffer.from('{"resourceType":"Patient"}'))).toBe(false);
    expect(tokenForms('abc')).toEqual(['abc']);
    expect(tokenRedactor(undefined).redact(TOKEN)).toBe(TOKEN);
  });
});
