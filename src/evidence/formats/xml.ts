/** Why an XML export is not well-formed; worded by the i18n catalogue. */
export type XmlReason =
  | 'unexpected-end'
  | 'mismatched-tag'
  | 'bad-tag'
  | 'bad-attribute'
  | 'duplicate-attribute'
  | 'bad-entity'
  | 'multiple-roots'
  | 'text-outside-root'
  | 'no-root'
  | 'encoding'
  | 'record-too-large'
  | 'too-deep';

export interface XmlProblem {
  line: number;
  column: number;
  reason: XmlReason;
  /** Path of the element concerned (`/export/patient`), when there is one. */
  element?: string;
}

export interface XmlResult {
  /** Name of the root element. */
  root: string | undefined;
  /** Elements read. */
  elements: number;
  /** Places holding a non-blank text (`/export/patient/name`) or attribute (`/export/patient/@id`). */
  leaves: string[];
  pathsTruncated: boolean;
  problem: XmlProblem | undefined;
}

/** Deepest element nesting read, as for JSON (the `too-deep` wording says 128): exports need a few dozen levels. */
const MAX_DEPTH = 128;
/** Largest single piece of markup (a tag, a comment, a CDATA section) read. */
const MARKUP_CAP = 64 * 1024 * 1024;
const NAME = /^[\p{L}_:][\p{L}\p{N}._:\u00B7-]*$/u;
const BAD_ENTITY = /&(?![A-Za-z_:][-\w.:]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)/;
const END_TAG = /<\/([^\s>]+)\s*>/y;
const ATTRIBUTE = /\s+([^\s=/>"'<]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_CLOSE = /\s*(\/?)>/y;

type Markup = { end: number } | { incomplete: true } | { problem: XmlReason; at: number };

/**
 * Checks that an XML export is well-formed, fed in decoded pieces: one root, matching tags, quoted
 * attributes, valid entity references. Records where non-blank values sit as XPath-like paths, which
 * a data dictionary's `xpath` locations are matched against. No DTD is loaded and no entity expanded.
 */
export class XmlReader {
  private rest = '';
  private line = 1;
  private column = 1;
  /** Paths of the open elements, and their names apart (a closing tag is compared without cutting the path). */
  private readonly stack: string[] = [];
  private readonly names: string[] = [];
  private root: string | undefined;
  private rootClosed = false;
  private elements = 0;
  private readonly leaves = new Set<string>();
  private pathsTruncated = false;
  private problem: XmlProblem | undefined;

  constructor(private readonly maxPaths = 20_000) {}

  push(text: string): void {
    if (this.problem) return;
    if (this.line === 1 && this.column === 1 && this.rest === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.parse(this.rest + text, false);
  }

  /** Stops at an encoding problem found by the decoder. */
  encodingProblem(): void {
    if (this.problem) return;
    this.fail(this.rest, this.rest.length, 'encoding');
  }

  end(): XmlResult {
    if (!this.problem) {
      this.parse(this.rest, true);
      if (!this.problem) {
        if (this.stack.length > 0) this.fail(this.rest, this.rest.length, 'unexpected-end');
        else if (this.root === undefined) this.fail(this.rest, this.rest.length, 'no-root');
      }
    }
    return { root: this.root, elements: this.elements, leaves: [...this.leaves], pathsTruncated: this.pathsTruncated, problem: this.problem };
  }

  private path(): string {
    return this.stack[this.stack.length - 1] ?? '';
  }

  private fail(text: string, at: number, reason: XmlReason): void {
    let line = this.line;
    let column = this.column;
    for (let i = 0; i < at && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        column = 1;
      } else column++;
    }
    // too deep: the element's path would be the whole nesting
    this.problem = { line, column, reason, ...(this.stack.length > 0 && reason !== 'too-deep' ? { element: this.path() } : {}) };
  }

  private leaf(path: string): void {
    if (this.leaves.has(path)) return;
    if (this.leaves.size >= this.maxPaths) {
      this.pathsTruncated = true;
      return;
    }
    this.leaves.add(path);
  }

  /** Moves the position of `rest`'s start past `text[0, to)`. */
  private advance(text: string, to: number): void {
    let lastNewline = -1;
    for (let i = text.indexOf('\n'); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
      this.line++;
      lastNewline = i;
    }
    this.column = lastNewline < 0 ? this.column + to : to - lastNewline;
  }

  private parse(text: string, final: boolean): void {
    let pos = 0;
    while (pos < text.length && !this.problem) {
      const lt = text.indexOf('<', pos);
      let textEnd = lt < 0 ? text.length : lt;
      if (lt < 0 && !final) {
        // Keep a possibly cut entity reference for the next piece.
        const amp = text.lastIndexOf('&');
        if (amp >= pos && text.indexOf(';', amp) < 0) textEnd = amp;
      }
      if (textEnd > pos && !this.charData(text, pos, textEnd)) return;
      if (lt < 0) {
        pos = textEnd;
        break;
      }
      const m = this.markup(text, lt, final);
      if ('incomplete' in m) {
        if (final) {
          this.fail(text, lt, 'unexpected-end');
          return;
        }
        pos = lt;
        break;
      }
      if ('problem' in m) {
        this.fail(text, m.at, m.problem);
        return;
      }
      pos = m.end;
    }
    if (this.problem) return;
    this.advance(text, pos);
    this.rest = text.slice(pos);
    if (this.rest.length > MARKUP_CAP) this.fail(this.rest, 0, 'record-too-large');
  }

  private charData(text: string, from: number, to: number): boolean {
    const piece = text.slice(from, to);
    const bad = BAD_ENTITY.exec(piece);
    if (bad) {
      this.fail(text, from + bad.index, 'bad-entity');
      return false;
    }
    if (piece.trim() === '') return true;
    if (this.stack.length === 0) {
      this.fail(text, from + piece.search(/\S/), 'text-outside-root');
      return false;
    }
    this.leaf(this.path());
    return true;
  }

  private markup(text: string, lt: number, final: boolean): Markup {
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      return end < 0 ? { incomplete: true } : { end: end + 3 };
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) return { incomplete: true };
      if (this.stack.length === 0) return { problem: 'text-outside-root', at: lt };
      if (end > lt + 9) this.leaf(this.path());
      return { end: end + 3 };
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      return end < 0 ? { incomplete: true } : { end: end + 2 };
    }
    if (text.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in brackets; never interpreted.
      const gt = text.indexOf('>', lt);
      const bracket = text.indexOf('[', lt);
      if (bracket >= 0 && (gt < 0 || bracket < gt)) {
        const close = text.indexOf(']', bracket);
        if (close < 0) return { incomplete: true };
        const end = text.indexOf('>', close);
        return end < 0 ? { incomplete: true } : { end: end + 1 };
      }
      return gt < 0 ? { incomplete: true } : { end: gt + 1 };
    }
    if (text.startsWith('</', lt)) {
      END_TAG.lastIndex = lt;
      const m = END_TAG.exec(text);
      if (!m) return text.indexOf('>', lt) < 0 && !final ? { incomplete: true } : { problem: 'bad-tag', at: lt };
      const name = m[1]!;
      if (this.stack.length === 0 || this.names[this.names.length - 1] !== name) return { problem: 'mismatched-tag', at: lt };
      this.stack.pop();
      this.names.pop();
      if (this.stack.length === 0) this.rootClosed = true;
      return { end: END_TAG.lastIndex };
    }
    return this.startTag(text, lt, final);
  }

  private startTag(text: string, lt: number, final: boolean): Markup {
    // Find the end of the tag outside quoted attribute values.
    let quote = 0;
    let gt = -1;
    for (let i = lt + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) {
        gt = i;
        break;
      } else if (c === 0x3c) return { problem: 'bad-tag', at: i };
    }
    if (gt < 0) return final ? { problem: 'unexpected-end', at: text.length } : { incomplete: true };
    const m = /^<([^\s/>"'=<]+)/.exec(text.slice(lt, Math.min(gt + 1, lt + 1024)));
    if (!m || !NAME.test(m[1]!)) return { problem: 'bad-tag', at: lt };
    const name = m[1]!;
    if (this.rootClosed || (this.stack.length === 0 && this.root !== undefined)) return { problem: 'multiple-roots', at: lt };
    const path = `${this.path()}/${name}`;
    let i = lt + 1 + name.length;
    const seen = new Set<string>();
    for (;;) {
      TAG_CLOSE.lastIndex = i;
      const close = TAG_CLOSE.exec(text);
      if (close && TAG_CLOSE.lastIndex === gt + 1) {
        this.elements++;
        this.root ??= name;
        if (close[1] === '/') {
          if (this.stack.length === 0) this.rootClosed = true;
        } else if (this.stack.length >= MAX_DEPTH) return { problem: 'too-deep', at: lt };
        else {
          this.stack.push(path);
          this.names.push(name);
        }
        return { end: gt + 1 };
      }
      ATTRIBUTE.lastIndex = i;
      const a = ATTRIBUTE.exec(text);
      if (!a || ATTRIBUTE.lastIndex > gt) return { problem: 'bad-attribute', at: i };
      const attr = a[1]!;
      if (!NAME.test(attr)) return { problem: 'bad-attribute', at: i };
      if (seen.has(attr)) return { problem: 'duplicate-attribute', at: i };
      seen.add(attr);
      const value = a[2] ?? a[3] ?? '';
      const bad = BAD_ENTITY.exec(value);
      if (bad) return { problem: 'bad-entity', at: i };
      if (attr !== 'xmlns' && !attr.startsWith('xmlns:') && value.trim() !== '') this.leaf(`${path}/@${attr}`);
      i = ATTRIBUTE.lastIndex;
    }
  }
}
