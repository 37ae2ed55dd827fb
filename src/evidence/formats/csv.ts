/** Why a CSV export does not read as a table; worded by the i18n catalogue. */
export type CsvReason = 'ragged' | 'unterminated-quote' | 'bad-quote' | 'encoding' | 'no-header' | 'record-too-large' | 'too-many-columns';

export interface CsvProblem {
  line: number;
  column?: number;
  /** 1-based data row (the header is not counted). */
  record?: number;
  reason: CsvReason;
  /** For `ragged`: the header's column count and the row's; for `too-many-columns`, the limit and the header's. */
  expected?: number;
  got?: number;
}

export interface CsvResult {
  /** The delimiter found in the header: `,`, `;` or a tab. */
  delimiter: string;
  columns: string[];
  /** Per column: whether any row has a non-blank value there. */
  nonEmpty: boolean[];
  /** Data rows read (blank lines are not rows). */
  records: number;
  /** First problems, in file order. */
  problems: CsvProblem[];
  problemCount: number;
  /** Columns named twice in the header. */
  duplicateColumns: string[];
  /** False when reading stopped early (encoding, quoting or size problem). */
  complete: boolean;
}

const MAX_PROBLEMS = 20;
/** Largest row (quoted newlines included) read; a longer one stops the reading. */
const ROW_CAP = 16 * 1024 * 1024;
/** Most columns a header may have (the wording of `too-many-columns` says 10,000); fields past them are counted, not kept. */
export const MAX_COLUMNS = 10_000;

/** How many times `d` occurs in `s`. */
function occurrences(s: string, d: string): number {
  let n = 0;
  for (let i = s.indexOf(d); i >= 0; i = s.indexOf(d, i + 1)) n++;
  return n;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function detectDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let n = 0;
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '"') quoted = !quoted;
      else if (c === d && !quoted) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

type RowParse = { fields: string[]; count: number; end: number; newlines: number } | { incomplete: true } | { problem: CsvReason; at: number; end: number; newlines: number };

/**
 * Reads a CSV export (RFC 4180: a header row, `"` quoting with `""` escapes, CRLF or LF) from
 * decoded text pushed in pieces. Rows without quotes take a fast split; quoted rows are parsed
 * character by character and may span lines.
 */
export class CsvReader {
  private rest = '';
  private line = 1;
  private started = false;
  private stopped = false;
  private delimiter = ',';
  private columns: string[] | undefined;
  private nonEmpty: boolean[] = [];
  private missing = 0;
  private records = 0;
  private readonly problems: CsvProblem[] = [];
  private problemCount = 0;
  private readonly duplicates = new Set<string>();

  push(text: string): void {
    if (this.stopped) return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.parse(this.rest.length > 0 ? this.rest + text : text, false);
  }

  /** Stops reading at an encoding problem found by the decoder. */
  encodingProblem(): void {
    if (this.stopped) return;
    const nl = this.rest.lastIndexOf('\n');
    this.problem({ line: this.line + countNewlines(this.rest, 0, this.rest.length), column: this.rest.length - nl, reason: 'encoding' });
    this.stopped = true;
  }

  end(): CsvResult {
    if (!this.stopped) this.parse(this.rest, true);
    if (!this.columns && !this.stopped) this.problem({ line: 1, reason: 'no-header' });
    return {
      delimiter: this.delimiter,
      columns: this.columns ?? [],
      nonEmpty: this.nonEmpty,
      records: this.records,
      problems: this.problems,
      problemCount: this.problemCount,
      duplicateColumns: [...this.duplicates],
      complete: !this.stopped,
    };
  }

  private problem(p: CsvProblem): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  private parse(text: string, final: boolean): void {
    let pos = 0;
    // Position of the next quote, kept across rows so that quote-free text is searched only once.
    let quote = text.indexOf('"');
    while (pos < text.length && !this.stopped) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0 && !final) break;
      const lineEnd = nl < 0 ? text.length : nl;
      if (!this.columns) {
        const first = text.slice(pos, lineEnd).replace(/\r$/, '');
        if (first.trim() === '') {
          pos = lineEnd + 1;
          this.line++;
          continue;
        }
        this.delimiter = detectDelimiter(first);
      }
      if (quote >= 0 && quote < pos) quote = text.indexOf('"', pos);
      let fields: string[];
      let count: number;
      let next: number;
      let newlines: number;
      if (quote < 0 || quote > lineEnd) {
        let raw = text.slice(pos, lineEnd);
        if (raw.endsWith('\r')) raw = raw.slice(0, -1);
        fields = raw.split(this.delimiter, MAX_COLUMNS + 1);
        count = fields.length > MAX_COLUMNS ? occurrences(raw, this.delimiter) + 1 : fields.length;
        next = lineEnd + 1;
        newlines = nl < 0 ? 0 : 1;
      } else {
        const r = this.parseQuoted(text, pos, final);
        if ('incomplete' in r) break;
        if ('problem' in r) {
          const col = r.at - Math.max(text.lastIndexOf('\n', r.at - 1), pos - 1);
          this.problem({ line: this.line + countNewlines(text, pos, r.at), column: col, ...(this.columns ? { record: this.records + 1 } : {}), reason: r.problem });
          if (r.problem === 'unterminated-quote') {
            this.stopped = true;
            return;
          }
          if (this.columns) this.records++;
          this.line += r.newlines;
          pos = r.end;
          continue;
        }
        ({ fields, count, end: next, newlines } = r);
      }
      this.row(fields, count);
      this.line += newlines;
      pos = next;
    }
    this.rest = pos >= text.length ? '' : text.slice(pos);
    if (this.rest.length > ROW_CAP) {
      this.problem({ line: this.line, record: this.records + 1, reason: 'record-too-large' });
      this.stopped = true;
      this.rest = '';
    }
  }

  private parseQuoted(text: string, pos: number, final: boolean): RowParse {
    const d = this.delimiter;
    const fields: string[] = [];
    // fields past MAX_COLUMNS are counted, not kept
    let count = 0;
    const add = (field: string): void => {
      if (count++ <= MAX_COLUMNS) fields.push(field);
    };
    let i = pos;
    for (;;) {
      if (text[i] === '"') {
        let j = i + 1;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) return final ? { problem: 'unterminated-quote', at: i, end: text.length, newlines: 0 } : { incomplete: true };
          if (q + 1 >= text.length && !final) return { incomplete: true };
          if (text[q + 1] === '"') {
            value += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += text.slice(j, q);
          j = q + 1;
          break;
        }
        add(value);
        const c = text[j];
        if (c === d) {
          i = j + 1;
          continue;
        }
        if (j >= text.length) return { fields, count, end: j, newlines: countNewlines(text, pos, j) };
        if (c === '\n' || (c === '\r' && text[j + 1] === '\n')) {
          const end = c === '\n' ? j + 1 : j + 2;
          return { fields, count, end, newlines: countNewlines(text, pos, end) };
        }
        if (c === '\r' && j + 1 >= text.length && !final) return { incomplete: true };
        // Something after a closing quote: skip to the end of the line to carry on with the next row.
        const nl = text.indexOf('\n', j);
        if (nl < 0 && !final) return { incomplete: true };
        const end = nl < 0 ? text.length : nl + 1;
        return { problem: 'bad-quote', at: j, end, newlines: countNewlines(text, pos, end) };
      }
      let k = i;
      while (k < text.length && text[k] !== d && text[k] !== '\n') k++;
      if (k >= text.length && !final) return { incomplete: true };
      const raw = text.slice(i, k);
      if (text[k] === d) {
        add(raw);
        i = k + 1;
        continue;
      }
      add(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
      const end = k >= text.length ? k : k + 1;
      return { fields, count, end, newlines: countNewlines(text, pos, end) };
    }
  }

  /** One row: its first fields (at most MAX_COLUMNS + 1) and how many it has. */
  private row(fields: string[], count: number): void {
    if (count === 1 && fields[0]!.trim() === '') return;
    if (!this.columns) {
      if (count > MAX_COLUMNS) {
        // Not a table a person reads: the header alone would cost hundreds of MB to hold.
        this.problem({ line: this.line, reason: 'too-many-columns', expected: MAX_COLUMNS, got: count });
        this.stopped = true;
        return;
      }
      this.columns = fields.map((f) => f.trim());
      this.nonEmpty = this.columns.map(() => false);
      this.missing = this.columns.length;
      const seen = new Set<string>();
      for (const c of this.columns) {
        if (seen.has(c)) this.duplicates.add(c);
        seen.add(c);
      }
      return;
    }
    this.records++;
    if (count !== this.columns.length) {
      this.problem({ line: this.line, record: this.records, reason: 'ragged', expected: this.columns.length, got: count });
    }
    if (this.missing === 0) return;
    const n = Math.min(fields.length, this.columns.length);
    for (let c = 0; c < n; c++) {
      if (!this.nonEmpty[c] && fields[c]!.trim() !== '') {
        this.nonEmpty[c] = true;
        this.missing--;
      }
    }
  }
}
