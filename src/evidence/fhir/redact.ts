/*
 * The bearer token, in every form a server could echo it: as it is, percent-encoded (partly or
 * wholly, either hex case), in base64 and base64url at any alignment (the token inside a longer
 * encoded string, such as the whole `Authorization` header), in hex, JSON-escaped, and reversed.
 * Whatever server text reaches a finding goes through `redact`; the resources are refused when
 * `contains` finds one of the forms in them.
 */

const REDACTED = '[redacted]';
/** Shorter tokens are redacted as they are only: their encodings would match ordinary text. */
const MIN_DERIVED = 8;

/** The base64 characters that depend on the token's bytes only, for the token at offset 0, 1 and 2 of a 3-byte group. */
function base64Cores(token: Buffer): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), token]).toString('base64').replace(/=+$/, '');
    // the first group holds k bytes before the token; the last one, when partial, bytes after it
    const start = k === 0 ? 0 : 4;
    const whole = Math.floor((k + token.length) / 3) * 4;
    if (whole - start >= MIN_DERIVED) out.push(b64.slice(start, whole));
  }
  return out;
}

const percentAll = (s: string): string => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
const lowerHex = (s: string): string => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());

/** Every form of `token` to redact, longest first; `base64` are those whose neighbours also carry token bits. */
function forms(token: string): { all: string[]; base64: string[] } {
  if (token.length < MIN_DERIVED) return { all: [token], base64: [] };
  const bytes = Buffer.from(token);
  const set = new Set<string>([token, [...token].reverse().join(''), JSON.stringify(token).slice(1, -1), token.replace(/\//g, '\\/')]);
  for (const p of [encodeURIComponent(token), encodeURI(token), percentAll(token)]) set.add(p).add(lowerHex(p));
  set.add(bytes.toString('hex')).add(bytes.toString('hex').toUpperCase());
  const base64 = base64Cores(bytes).flatMap((core) => [core, core.replace(/\+/g, '-').replace(/\//g, '_')]);
  for (const b of base64) set.add(b);
  return { all: [...set].sort((a, b) => b.length - a.length), base64 };
}

/** Every form of `token` that `redact` removes and `contains` looks for. */
export function tokenForms(token: string): string[] {
  return forms(token).all;
}

export interface TokenRedactor {
  /** `s` with every form of the token replaced by `[redacted]`. */
  redact: (s: string) => string;
  /** True when `s` holds one of the forms. */
  contains: (s: string | Buffer) => boolean;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export function tokenRedactor(token: string | undefined): TokenRedactor {
  if (token === undefined || token === '') return { redact: (s) => s, contains: () => false };
  const { all, base64 } = forms(token);
  // A base64 form goes with the group on each side: they hold the token's first and last bits too.
  const groups = base64.map((core) => new RegExp(`[A-Za-z0-9+/_-]{0,4}${escapeRegExp(core)}[A-Za-z0-9+/_-]{0,4}={0,2}`, 'g'));
  return {
    redact: (s) => all.reduce((text, form) => text.split(form).join(REDACTED), groups.reduce((text, re) => text.replace(re, REDACTED), s)),
    contains: (s) => all.some((form) => s.includes(form)),
  };
}
