import { requireNative } from '../util/native.js';

/**
 * Regular expressions written by someone else (a manufacturer's schema `pattern` and
 * `patternProperties`, a dictionary's `file` glob) run on RE2 (re2-wasm: Google's RE2 compiled to
 * WebAssembly, no native build): time linear in the input, so `^(a+)+$` cannot hang a check.
 * RE2 has no backreferences nor lookaround; such a pattern throws here, like an invalid one.
 */
export interface LinearRegExp {
  test(s: string): boolean;
}

interface Re2Class {
  new (pattern: string, flags: string): LinearRegExp;
}

let RE2: Re2Class | undefined;

/** Compiles `pattern` (ECMAScript syntax, Unicode mode) on RE2; throws when RE2 cannot run it. */
export function linearRegExp(pattern: string, flags = 'u'): LinearRegExp {
  RE2 ??= requireNative<{ RE2: Re2Class }>('re2-wasm').RE2;
  return new RE2(pattern, flags.includes('u') ? flags : `${flags}u`);
}
