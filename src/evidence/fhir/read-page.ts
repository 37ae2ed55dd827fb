import { JsonSplitter } from '../formats/json/splitter.js';

/*
 * A FHIR response body read as a stream: every decoded byte (after Content-Encoding) counts against
 * a budget before anything is parsed, and the JSON is split so that a Bundle's entries are parsed
 * one at a time. A Bundle of a million entries costs one entry of memory; a gzip bomb stops at the
 * budget.
 */

/** A Bundle entry larger than this is not parsed (the whole body, when smaller, is parsed at once). */
export const ENTRY_CAP = 8 * 1024 * 1024;
/** `issue` items of an OperationOutcome kept for a finding. */
const MAX_ISSUES = 3;

/** What a page says besides its entries. */
export interface PageHead {
  /** The document is a JSON object (a FHIR resource has to be). */
  isObject: boolean;
  resourceType: unknown;
  link: unknown[];
  issue: unknown[];
}

export type PageProblem = 'not-json' | 'too-large' | 'entry-too-large';

/**
 * Reads `body` as one JSON document, handing each `entry` item to `onEntry` in order. `onEntry`
 * returns false when it wants no more: the following entries are skipped unparsed, and when the
 * page is already known to be a Bundle, reading stops (`stopped` true).
 */
export async function readPage(
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
  onEntry: (entry: unknown) => boolean,
): Promise<{ ok: true; head: PageHead; stopped: boolean } | { ok: false; problem: PageProblem }> {
  let wanted = true;
  let problem: PageProblem | undefined;
  let root: { value: unknown } | undefined;
  const link: unknown[] = [];
  const issue: unknown[] = [];
  const parse = (source: Buffer, start: number, end: number): unknown => {
    try {
      return JSON.parse(source.toString('utf8', start, end)) as unknown;
    } catch {
      problem ??= 'not-json';
      return undefined;
    }
  };
  const entry = (value: unknown): void => {
    if (wanted) wanted = onEntry(value);
  };
  const splitter = new JsonSplitter({
    unitCap: ENTRY_CAP,
    onUnit(source, start, end, meta) {
      const pattern = meta.group.pattern;
      if (pattern === '') root = { value: parse(source, start, end) };
      else if (pattern === '/entry/*') {
        if (wanted) entry(parse(source, start, end));
      } else if (pattern === '/entry') {
        const items = parse(source, start, end);
        if (Array.isArray(items)) for (const item of items) entry(item);
      } else if (pattern === '/link' || pattern === '/link/*') {
        const value = parse(source, start, end);
        if (pattern === '/link/*') link.push(value);
        else if (Array.isArray(value)) link.push(...(value as unknown[]));
      } else if (pattern === '/issue' || pattern === '/issue/*') {
        const value = parse(source, start, end);
        if (pattern === '/issue/*') {
          if (issue.length < MAX_ISSUES) issue.push(value);
        } else if (Array.isArray(value)) issue.push(...(value as unknown[]).slice(0, MAX_ISSUES));
      } else if (pattern.startsWith('/entry/*/')) {
        // an entry over the cap was opened: its parts are not a resource to judge
        problem ??= 'entry-too-large';
      }
    },
  });
  let read = 0;
  let stopped = false;
  for await (const chunk of body) {
    read += chunk.byteLength;
    if (read > maxBytes) return { ok: false, problem: 'too-large' };
    splitter.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (problem !== undefined) return { ok: false, problem };
    if (splitter.error) return { ok: false, problem: 'not-json' };
    // No more entries wanted, and the page said it is a Bundle: the rest need not be read.
    if (!wanted && splitter.peekRoot()?.resourceType === 'Bundle') {
      stopped = true;
      break;
    }
  }
  if (stopped) return { ok: true, head: { isObject: true, resourceType: 'Bundle', link, issue }, stopped };
  const { skeleton, error } = splitter.end();
  if (error || problem !== undefined) return { ok: false, problem: problem ?? 'not-json' };
  const value = root ? root.value : skeleton?.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: true, head: { isObject: false, resourceType: undefined, link, issue }, stopped };
  const doc = value as Record<string, unknown>;
  if (root) {
    // Small enough to be parsed whole: its parts come from the document itself.
    if (Array.isArray(doc.entry)) for (const item of doc.entry as unknown[]) entry(item);
    if (Array.isArray(doc.link)) link.push(...(doc.link as unknown[]));
    if (Array.isArray(doc.issue)) issue.push(...(doc.issue as unknown[]).slice(0, MAX_ISSUES));
  }
  return { ok: true, head: { isObject: true, resourceType: doc.resourceType, link, issue }, stopped };
}
