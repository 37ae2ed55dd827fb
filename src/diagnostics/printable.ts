/**
 * The one escaping every text gets before it reaches a terminal, stderr or a CI log (issue 12):
 * values come from manifests, reports, bags and FHIR servers that someone else wrote. Control
 * characters (ESC sequences that clear the screen, recolour FAIL as PASS, set the clipboard or hide
 * a link; CR that overwrites a line; LF that starts a line GitHub Actions reads as `::error` or
 * `::add-mask::`), C1 controls, line and paragraph separators and bidirectional overrides
 * (U+202E) are shown as `\uXXXX`; so a value never starts a line, and what is printed is what the
 * value holds. Tabs are kept.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const ANY_UNSAFE = new RegExp(UNSAFE.source);

export function printable(s: string): string {
  if (!ANY_UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of `value` (plain objects, arrays, strings) with every string, keys included, made {@link printable}. */
export function printableDeep<T>(value: T): T {
  return deep(value, 0) as T;
}

function deep(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return printable(v);
  // Reports are shallow; a hostile one nested deeper is shown as it is rather than recursed into.
  if (v === null || typeof v !== 'object' || depth > 64) return v;
  if (Array.isArray(v)) return v.map((x) => deep(x, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const key = printable(k);
    const x = deep((v as Record<string, unknown>)[k], depth + 1);
    // `__proto__` is an own key of parsed JSON: kept as data, never as the copy's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: x, enumerable: true, writable: true, configurable: true });
    else out[key] = x;
  }
  return out;
}
