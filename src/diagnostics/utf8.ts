import { UserInputError } from './user-input-error.js';
import { both } from '../i18n/text.js';
import { FILE_TEXT } from './messages.js';

/**
 * Offset of the first byte of `buf[from, to)` that breaks UTF-8 (overlong forms, surrogates and code
 * points above U+10FFFF included), or -1. A sequence cut by `to` is accepted when `cutOk` is true.
 */
export function firstInvalidUtf8(buf: Uint8Array, from = 0, to = buf.length, cutOk = false): number {
  let i = from;
  while (i < to) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= to) return cutOk ? -1 : i;
      const c = buf[i + k]!;
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** A 1-based place in a text file. Columns count characters, not bytes. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * The position of `buf[offset]`, counting from `buf[from]` which sits at `start`. Lines end at
 * `\n`; the column counts UTF-8 characters (continuation bytes are skipped).
 */
export function positionIn(buf: Uint8Array, from: number, offset: number, start: TextPosition): TextPosition {
  let line = start.line;
  let column = start.column;
  for (let i = from; i < offset && i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/** Same as `positionIn`, on a decoded string (columns count UTF-16 code units). */
export function positionInText(text: string, from: number, offset: number, start: TextPosition): TextPosition {
  let line = start.line;
  let column = start.column;
  for (let i = from; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a byte stream chunk by chunk, strictly. A character cut by a chunk edge is carried to the
 * next chunk; invalid UTF-8 stops the text just before the offending byte.
 */
export class StrictUtf8Decoder {
  private carry: Buffer | undefined;

  /** Text of the chunk; `bad` is true when the chunk holds invalid UTF-8 (the text stops before it). */
  decode(chunk: Buffer, last: boolean): { text: string; bad: boolean } {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    let cut = buf.length;
    if (!last) {
      let k = buf.length - 1;
      while (k >= 0 && buf.length - k <= 3 && (buf[k]! & 0xc0) === 0x80) k--;
      if (k >= 0 && buf[k]! >= 0xc0) {
        const need = buf[k]! >= 0xf0 ? 4 : buf[k]! >= 0xe0 ? 3 : 2;
        if (k + need > buf.length) cut = k;
      }
    }
    try {
      const text = strict.decode(buf.subarray(0, cut));
      if (cut < buf.length) this.carry = Buffer.from(buf.subarray(cut));
      return { text, bad: false };
    } catch {
      const bad = firstInvalidUtf8(buf, 0, cut);
      return { text: buf.toString('utf8', 0, Math.max(bad, 0)), bad: true };
    }
  }
}

/** Strict UTF-8 decoding (BOM allowed and removed); invalid bytes are an input error with a position. */
export function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.includes('\u0000')) {
      const offset = text.indexOf('\u0000');
      const { line, column } = positionInText(text, 0, offset, { line: 1, column: 1 });
      throw new UserInputError({
        code: 'yaml.syntax',
        file,
        line,
        column,
        ...both(FILE_TEXT.nulByte, {}),
      });
    }
    return text;
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    const bad = firstInvalidUtf8(bytes);
    const prefix = bytes.subarray(0, bad).toString('utf8');
    const { line, column } = positionInText(prefix, 0, prefix.length, { line: 1, column: 1 });
    throw new UserInputError({
      code: 'yaml.syntax',
      file,
      line,
      column,
      ...both(FILE_TEXT.notUtf8, { offset: bad }),
    });
  }
}
