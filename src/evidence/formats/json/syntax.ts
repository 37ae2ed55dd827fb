/** Why a JSON text does not parse; worded by the i18n catalogue (`export.syntax`). */
export type JsonSyntaxReason =
  | 'unexpected-character'
  | 'unexpected-end'
  | 'trailing-data'
  | 'bad-string'
  | 'bad-escape'
  | 'bad-number'
  | 'record-too-large'
  | 'too-deep';

/** Deepest nesting of arrays and objects read (a FHIR resource needs a few dozen levels); deeper is `too-deep`. */
export const MAX_JSON_DEPTH = 128;

export interface JsonSyntaxError {
  /** Offset in the text (UTF-16 code units) where parsing broke. */
  offset: number;
  reason: JsonSyntaxReason;
}

const VALUE = 0;
const AFTER = 1;
const OBJECT_FIRST = 2;
const OBJECT_KEY = 3;
const COLON = 4;
const ARRAY_FIRST = 5;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** End of the string starting at `i` (the opening quote), or a syntax error. */
function scanString(text: string, i: number, to: number): number | JsonSyntaxError {
  let k = i + 1;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c === 0x22) return k + 1;
    if (c < 0x20) return { offset: k, reason: 'bad-string' };
    if (c === 0x5c) {
      const e = text.charCodeAt(k + 1);
      if (k + 1 >= to) return { offset: to, reason: 'unexpected-end' };
      if (e === 0x75) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) return { offset: k, reason: 'bad-escape' };
        k += 6;
        continue;
      }
      if ('"\\/bfnrt'.indexOf(text[k + 1]!) < 0) return { offset: k, reason: 'bad-escape' };
      k += 2;
      continue;
    }
    k++;
  }
  return { offset: to, reason: 'unexpected-end' };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Finds where a JSON text breaks, strictly per RFC 8259. Only called once `JSON.parse` has failed:
 * engines word their errors differently and may quote the text, which could hold patient data, so
 * findings are built from this offset instead of the engine's message.
 */
export function findJsonError(text: string, from = 0, to = text.length): JsonSyntaxError | undefined {
  const stack: number[] = [];
  let state = VALUE;
  let i = from;
  for (;;) {
    while (i < to && isWs(text.charCodeAt(i))) i++;
    if (i >= to) {
      if (state === AFTER && stack.length === 0) return undefined;
      return { offset: to, reason: 'unexpected-end' };
    }
    const c = text.charCodeAt(i);
    switch (state) {
      case AFTER: {
        if (stack.length === 0) return { offset: i, reason: 'trailing-data' };
        const top = stack[stack.length - 1];
        if (c === 0x2c) {
          state = top === 0 ? OBJECT_KEY : VALUE;
          i++;
        } else if ((c === 0x7d && top === 0) || (c === 0x5d && top === 1)) {
          stack.pop();
          i++;
        } else return { offset: i, reason: 'unexpected-character' };
        break;
      }
      case OBJECT_FIRST:
      case OBJECT_KEY: {
        if (c === 0x7d && state === OBJECT_FIRST) {
          stack.pop();
          state = AFTER;
          i++;
          break;
        }
        if (c !== 0x22) return { offset: i, reason: 'unexpected-character' };
        const end = scanString(text, i, to);
        if (typeof end !== 'number') return end;
        i = end;
        state = COLON;
        break;
      }
      case COLON:
        if (c !== 0x3a) return { offset: i, reason: 'unexpected-character' };
        i++;
        state = VALUE;
        break;
      case ARRAY_FIRST:
      case VALUE: {
        if (state === ARRAY_FIRST && c === 0x5d) {
          stack.pop();
          state = AFTER;
          i++;
        } else if (c === 0x7b) {
          stack.push(0);
          state = OBJECT_FIRST;
          i++;
        } else if (c === 0x5b) {
          stack.push(1);
          state = ARRAY_FIRST;
          i++;
        } else if (c === 0x22) {
          const end = scanString(text, i, to);
          if (typeof end !== 'number') return end;
          i = end;
          state = AFTER;
        } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m || m[0] === '-') return { offset: i, reason: 'bad-number' };
          const end = i + m[0].length;
          const next = end < to ? text.charCodeAt(end) : 0x20;
          if ((next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45) return { offset: end, reason: 'bad-number' };
          i = end;
          state = AFTER;
        } else {
          const ahead = text.slice(i, Math.min(to, i + 5));
          const word = ['true', 'false', 'null'].find((w) => ahead.startsWith(w));
          if (word === undefined) {
            const cut = ['true', 'false', 'null'].some((w) => ahead.length < w.length && i + ahead.length === to && w.startsWith(ahead));
            return { offset: cut ? to : i, reason: cut ? 'unexpected-end' : 'unexpected-character' };
          }
          i += word.length;
          state = AFTER;
        }
        break;
      }
    }
  }
}
