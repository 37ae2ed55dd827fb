/**
 * JSON pointers and location patterns. A pattern is a JSON pointer (or an XPath-like path) whose
 * segments may be `*` (any one segment; array items are always written `*`) or `**` (any number of
 * segments). Segments stay in their escaped RFC 6901 form on both sides, so `a/b` is `a~1b`.
 */

/** Escapes one key as a JSON-pointer segment. */
export function escapeSegment(key: string): string {
  if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Decodes one JSON-pointer segment (`~1` → `/`, `~0` → `~`). */
export function decodeSegment(segment: string): string {
  if (segment.indexOf('~') < 0) return segment;
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Splits a pointer or pattern into its (still escaped) segments; `''` is the root. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return (pointer.startsWith('/') ? pointer.slice(1) : pointer).split('/');
}

/**
 * Turns an XPath-like path (`/export/patient/@id`, `//measure/value`) into pattern segments:
 * `//` becomes `**`, everything else is kept as written.
 */
export function splitXPath(xpath: string): string[] {
  const out: string[] = [];
  const body = xpath.startsWith('/') ? xpath.slice(1) : xpath;
  for (const seg of body.split('/')) out.push(seg === '' ? '**' : seg);
  return out.length === 1 && out[0] === '**' ? [] : out;
}

function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === '*' || pattern === segment) return true;
  // A concrete index in a pattern still designates the items of an array.
  return segment === '*' && /^\d+$/.test(pattern);
}

/** True when `pattern` matches `path` or one of its ancestors (a location covers what lies below it). */
export function matchesPrefix(pattern: readonly string[], path: readonly string[]): boolean {
  const go = (p: number, s: number): boolean => {
    if (p === pattern.length) return true;
    const seg = pattern[p]!;
    if (seg === '**') {
      for (let k = s; k <= path.length; k++) if (go(p + 1, k)) return true;
      return false;
    }
    if (s === path.length) return false;
    return segmentMatches(seg, path[s]!) && go(p + 1, s + 1);
  };
  return go(0, 0);
}
