/**
 * HL7 v2 ER7 reading for identity flows.
 *
 * Each message is split as HL7 v2 defines it, with the delimiters its MSH declares (MSH-1 the field
 * separator, MSH-2 the component, repetition, escape and subcomponent characters, in that order):
 * segments into fields, fields into repetitions, repetitions into components, components into
 * subcomponents; values are decoded after splitting, as HL7 requires (`\F\ \S\ \T\ \R\ \E\ \Xhh\ \.br\`).
 * (The split is the one of Medplum's `Hl7Message.parse`, which this module used until its 1.2 MB
 * load became most of a cold start; `test/evidence/formats/er7.test.ts` keeps the two equal.)
 * What a bare split does not do, and this module does:
 * - several messages in one file: the file is cut at each MSH (batch FHS/BHS/BTS/FTS lines and MLLP
 *   framing bytes are dropped);
 * - positions: each segment keeps its line, blank lines included in the count;
 * - bad input: a file not starting with `MSH`, an MSH-2 shorter than four characters, lines that are
 *   not segments, unclosed escapes are reported as problems with their line, never thrown.
 */

/** The delimiters an MSH declares. */
export interface Er7Delimiters {
  fieldSeparator: string;
  componentSeparator: string;
  repetitionSeparator: string;
  escapeCharacter: string;
  subcomponentSeparator: string;
}

/** Something wrong with the ER7 text itself, with its place. Never carries evidence content. */
export interface Er7Problem {
  /** What kind of problem. */
  code:
    | 'no-msh' /* no MSH segment at all, or segments before the first MSH */
    | 'bad-msh' /* MSH too short to declare its delimiters, or missing required fields */
    | 'bad-segment' /* a line that is not a segment (no valid 3-character segment id) */
    | 'truncated' /* the file ends inside a segment that cannot be complete */
    | 'bad-escape'; /* an escape sequence that is not closed */
  /** 1-based line in the file. */
  line: number;
  /** 1-based message number, when the problem is inside a message. */
  message?: number;
  /** Segment id, when known. */
  segment?: string;
  /** A short, content-free detail: a reason code or a field count. */
  detail?: string;
}

/** One segment with its place; values come back decoded. */
export class Er7Segment {
  constructor(
    /** Segment id (`PID`). */
    readonly name: string,
    /** 1-based line in the file. */
    readonly line: number,
    /** 1-based position of the segment in its message. */
    readonly index: number,
    /** The segment's text split at the field separator (the segment id first): each field's repetitions, each repetition's components. */
    private readonly fields: readonly string[][][],
    private readonly ctx: Er7Delimiters,
  ) {}

  /** Number of fields after the segment id (for MSH, MSH-1 counts: the text after `MSH` starts with MSH-2). */
  get fieldCount(): number {
    return this.name === 'MSH' ? this.fields.length : this.fields.length - 1;
  }

  /** Number of repetitions of a field (0 when the field is absent or empty). */
  repetitionCount(field: number): number {
    const f = this.rawField(field);
    if (f === undefined) return 0;
    if (f.length === 1 && f[0]!.every((c) => c === '')) return 0;
    return f.length;
  }

  /**
   * The decoded value at field, repetition, component and subcomponent (all 1-based), or `''`.
   * A component asked without subcomponent comes back whole only when it has none.
   */
  get(field: number, rep = 1, comp = 1, sub = 1): string {
    const f = this.rawField(field);
    const component = f?.[rep - 1]?.[comp - 1];
    if (component === undefined) return '';
    const part = component.split(this.ctx.subcomponentSeparator)[sub - 1] ?? '';
    return unescapeEr7(part, this.ctx).text;
  }

  /** True when some value of the field holds an escape sequence that is never closed. */
  hasBadEscape(field: number): boolean {
    const f = this.rawField(field);
    if (!f) return false;
    return f.some((rep) => rep.some((c) => c.split(this.ctx.subcomponentSeparator).some((s) => !unescapeEr7(s, this.ctx).ok)));
  }

  /** A field's repetitions and their components; MSH-1 and MSH-2 (the delimiters themselves) have none. */
  private rawField(field: number): readonly string[][] | undefined {
    if (this.name === 'MSH' && field <= 2) return undefined;
    if (field < 1 || field > this.fieldCount) return undefined;
    return this.fields[this.name === 'MSH' ? field - 1 : field];
  }
}

export interface Er7Message {
  /** 1-based number of the message in the file. */
  number: number;
  /** Line of its MSH. */
  line: number;
  /** MSH-9.1^MSH-9.2 (`ADT^A28`), or `''`. */
  type: string;
  /** Its segments in order, MSH first. */
  segments: Er7Segment[];
}

export interface Er7Document {
  /** The messages that could be read, in file order. */
  messages: Er7Message[];
  /** What is wrong with the text, in file order. */
  problems: Er7Problem[];
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;
const ENVELOPE = new Set(['FHS', 'FTS', 'BHS', 'BTS']);

interface Line {
  /** The line without its separator. */
  text: string;
  /** 1-based line number. */
  no: number;
}

/** Splits on `\r\n`, `\r` or `\n`, keeping line numbers; MLLP framing bytes are removed first. */
function splitLines(text: string): { lines: Line[]; endsWithSeparator: boolean } {
  // eslint-disable-next-line no-control-regex -- MLLP framing bytes (0x0B, 0x1C) are removed on purpose
  const clean = text.replace(/^\uFEFF/, '').replace(/[\u000b\u001c]/g, '');
  const parts = clean.split(/\r\n|\r|\n/);
  const endsWithSeparator = parts.length > 1 && parts[parts.length - 1] === '';
  return { lines: parts.map((t, i) => ({ text: t, no: i + 1 })), endsWithSeparator };
}

/** Delimiters declared by an MSH line, or why they cannot be read. */
function mshDelimiters(line: string): { ok: true; field: string; encoding: string } | { ok: false; detail: string } {
  if (line.length < 8) return { ok: false, detail: 'encoding-characters' };
  const field = line.charAt(3);
  const end = line.indexOf(field, 4);
  const encoding = end < 0 ? line.slice(4) : line.slice(4, end);
  // MSH-2 is 4 characters (5 from HL7 2.7 with the truncation character).
  if (encoding.length < 4 || encoding.length > 5) return { ok: false, detail: 'encoding-characters' };
  const all = field + encoding;
  if (new Set(all).size !== all.length || /[A-Za-z0-9\s]/.test(all)) return { ok: false, detail: 'encoding-characters' };
  return { ok: true, field, encoding };
}

/** The delimiters of a valid MSH-1 and MSH-2. */
function delimitersOf(d: { field: string; encoding: string }): Er7Delimiters {
  const at = (i: number): string => d.encoding.charAt(i);
  return { fieldSeparator: d.field, componentSeparator: at(0), repetitionSeparator: at(1), escapeCharacter: at(2), subcomponentSeparator: at(3) };
}

/** One segment's text split into fields, repetitions and components (subcomponents stay joined). */
function splitSegment(text: string, ctx: Er7Delimiters): string[][][] {
  return text.split(ctx.fieldSeparator).map((field) => field.split(ctx.repetitionSeparator).map((rep) => rep.split(ctx.componentSeparator)));
}

/** Parses every message of an ER7 text. Never throws: problems are returned with their line. */
export function parseEr7(text: string): Er7Document {
  const { lines, endsWithSeparator } = splitLines(text);
  const problems: Er7Problem[] = [];
  const groups: { msh: Line; body: Line[] }[] = [];
  for (const line of lines) {
    const t = line.text.replace(/^\s+/, '');
    if (t.trim() === '') continue;
    if (t.startsWith('MSH')) {
      groups.push({ msh: { text: t, no: line.no }, body: [] });
      continue;
    }
    if (ENVELOPE.has(t.slice(0, 3)) && (t.length === 3 || !/[A-Za-z0-9]/.test(t.charAt(3)))) continue;
    const current = groups[groups.length - 1];
    if (!current) {
      // One problem for the run of lines before the first MSH: they all have the same cause.
      if (!problems.some((p) => p.code === 'no-msh')) {
        const problem: Er7Problem = { code: 'no-msh', line: line.no };
        if (SEGMENT_ID.test(t.slice(0, 3))) problem.segment = t.slice(0, 3);
        problems.push(problem);
      }
      continue;
    }
    current.body.push({ text: t, no: line.no });
  }
  if (groups.length === 0 && problems.length === 0) problems.push({ code: 'no-msh', line: 1 });

  const lastLineNo = [...lines].reverse().find((l) => l.text.trim() !== '')?.no;
  const messages: Er7Message[] = [];
  groups.forEach((g, gi) => {
    const number = gi + 1;
    const delims = mshDelimiters(g.msh.text);
    if (!delims.ok) {
      problems.push({ code: 'bad-msh', line: g.msh.no, message: number, segment: 'MSH', detail: delims.detail });
      return;
    }
    const kept: Line[] = [g.msh];
    for (const l of g.body) {
      const id = l.text.slice(0, 3);
      if (!SEGMENT_ID.test(id) || (l.text.length > 3 && l.text.charAt(3) !== delims.field)) {
        problems.push({ code: 'bad-segment', line: l.no, message: number });
        continue;
      }
      kept.push(l);
    }
    const ctx = delimitersOf(delims);
    const segments = kept.map((l, i) => new Er7Segment(l.text.slice(0, 3), l.no, i + 1, splitSegment(l.text, ctx), ctx));
    const msh = segments[0]!;
    // MSH-9 (message type) to MSH-12 (version) are required.
    if (msh.fieldCount < 12) {
      const cut = !endsWithSeparator && msh.line === lastLineNo;
      problems.push({ code: cut ? 'truncated' : 'bad-msh', line: msh.line, message: number, segment: 'MSH', detail: `fields:${msh.fieldCount}` });
    }
    const last = segments[segments.length - 1]!;
    if (!endsWithSeparator && last.line === lastLineNo && last.name === 'PID' && last.fieldCount < 8) {
      problems.push({ code: 'truncated', line: last.line, message: number, segment: 'PID', detail: `fields:${last.fieldCount}` });
    }
    // No escape character after MSH-2 (which declares it): no value can hold a bad escape.
    const esc = ctx.escapeCharacter;
    const escapes = !!esc && (g.msh.text.slice(4 + delims.encoding.length).includes(esc) || kept.some((l, i) => i > 0 && l.text.includes(esc)));
    for (const s of escapes ? segments : []) {
      for (let f = 1; f <= s.fieldCount; f++) {
        if (s.hasBadEscape(f)) {
          problems.push({ code: 'bad-escape', line: s.line, message: number, segment: s.name, detail: `${s.name}-${f}` });
          break;
        }
      }
    }
    const type = [msh.get(9, 1, 1), msh.get(9, 1, 2)].filter((x) => x !== '').join('^');
    messages.push({ number, line: g.msh.no, type, segments });
  });
  return { messages, problems };
}

/**
 * Decodes HL7 escape sequences in one leaf value. `ok` is false when an escape character is left
 * unclosed (the rest is then kept as it is). Formatting (`\H\`, `\N\`) and character-set switches
 * (`\Cxxyy\`, `\Mxxyyzz\`) carry no text and are dropped.
 */
export function unescapeEr7(value: string, ctx: Er7Delimiters): { text: string; ok: boolean } {
  const esc = ctx.escapeCharacter;
  if (!esc || !value.includes(esc)) return { text: value, ok: true };
  let out = '';
  let i = 0;
  while (i < value.length) {
    const ch = value.charAt(i);
    if (ch !== esc) {
      out += ch;
      i++;
      continue;
    }
    const end = value.indexOf(esc, i + 1);
    if (end < 0) return { text: out + value.slice(i), ok: false };
    const seq = value.slice(i + 1, end);
    i = end + 1;
    if (seq === 'F') out += ctx.fieldSeparator;
    else if (seq === 'S') out += ctx.componentSeparator;
    else if (seq === 'T') out += ctx.subcomponentSeparator;
    else if (seq === 'R') out += ctx.repetitionSeparator;
    else if (seq === 'E') out += esc;
    else if (seq === '.br') out += '\n';
    else if (/^X(?:[0-9A-Fa-f]{2})+$/.test(seq)) out += decodeHexBytes(seq.slice(1));
    else if (seq === 'H' || seq === 'N' || /^[CM][0-9A-Fa-f]+$/.test(seq) || seq.startsWith('.') || seq.startsWith('Z')) continue;
    else return { text: out + esc + seq + esc + value.slice(i), ok: false };
  }
  return { text: out, ok: true };
}

/** Bytes of an `Xhh…` escape: UTF-8 when they form valid UTF-8, else ISO-8859-1 (the two charsets PAM FR flows use). */
function decodeHexBytes(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}
