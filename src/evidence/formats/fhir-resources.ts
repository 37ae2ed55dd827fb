import type { EvidenceFile } from '../evidence-file.js';
import type { Kind } from '../kinds.js';

/** Kinds read as one JSON document (a resource, a Bundle, or an array of resources). */
const JSON_KINDS: ReadonlySet<Kind> = new Set(['fhir-json', 'json']);
/** Kinds read line by line, streamed. */
const NDJSON_KINDS: ReadonlySet<Kind> = new Set(['fhir-ndjson', 'ndjson']);

/** Bundles inside Bundles are opened this deep, no deeper. */
const MAX_BUNDLE_DEPTH = 4;

export const DEFAULT_MAX_JSON_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** One FHIR resource found in an evidence file, with where it sits. */
export interface FoundResource {
  type: 'resource';
  /** The resource as parsed (a Bundle keeps its entries). */
  resource: Record<string, unknown>;
  /** A Bundle: its entries are yielded after it; it is judged only when Bundles are asked for. */
  container: boolean;
  /** NDJSON: 1-based line number; JSON array: 1-based item number. */
  record?: number;
  /** NDJSON: 1-based line number. */
  line?: number;
  /** JSON pointer inside the document or the NDJSON line (`/entry/3/resource`; `` for the root). */
  pointer: string;
}

/** Something that kept a part of the file from being read. */
export interface ReadProblem {
  type: 'problem';
  /** What went wrong: bad JSON, an NDJSON line over the limit, a JSON document over the limit, a file that is not JSON at all. */
  problem: 'invalid-json' | 'line-too-long' | 'too-large' | 'not-fhir-kind';
  /** NDJSON: 1-based line number of the problem. */
  line?: number;
  /** Same as `line`, as a record number. */
  record?: number;
  /** Byte limit that was hit. */
  limit?: number;
}

export type FhirReadItem = FoundResource | ReadProblem;

export interface ReadOptions {
  /** Largest JSON (not NDJSON) document parsed whole. */
  maxJsonBytes?: number;
  /** Longest NDJSON line. */
  maxLineBytes?: number;
}

function isResource(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { resourceType?: unknown }).resourceType === 'string';
}

function* expand(resource: Record<string, unknown>, pointer: string, where: { record?: number; line?: number }, depth: number): Generator<FoundResource> {
  const isBundle = resource.resourceType === 'Bundle';
  const entries = isBundle && Array.isArray(resource.entry) ? (resource.entry as unknown[]) : undefined;
  yield { type: 'resource', resource, container: isBundle, pointer, ...where };
  if (!entries || depth >= MAX_BUNDLE_DEPTH) return;
  for (let i = 0; i < entries.length; i++) {
    const r = (entries[i] as { resource?: unknown } | null)?.resource;
    if (isResource(r)) yield* expand(r, `${pointer}/entry/${i}/resource`, where, depth + 1);
  }
}

function* fromValue(value: unknown, where: { record?: number; line?: number }): Generator<FoundResource> {
  if (isResource(value)) yield* expand(value, '', where, 0);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Every FHIR resource of an evidence file: a resource, a Bundle (then its entries, recursively), a
 * JSON array of resources, or NDJSON (streamed through `chunks()`, one record per line). Objects
 * without `resourceType` are not resources and are passed over. Problems come back as items, so one
 * broken NDJSON line does not hide the others.
 */
export async function* readFhirResources(file: EvidenceFile, options: ReadOptions = {}): AsyncGenerator<FhirReadItem> {
  if (file.kind === 'empty') return;
  if (JSON_KINDS.has(file.kind)) {
    const limit = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
    if (file.bytes > limit) {
      yield { type: 'problem', problem: 'too-large', limit };
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse((await file.text(limit)).replace(/^\uFEFF/, ''));
    } catch (err) {
      if (err instanceof SyntaxError) {
        yield { type: 'problem', problem: 'invalid-json' };
        return;
      }
      throw err;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) yield* fromValue(value[i], { record: i + 1 });
    } else yield* fromValue(value, {});
    return;
  }
  if (!NDJSON_KINDS.has(file.kind)) {
    yield { type: 'problem', problem: 'not-fhir-kind' };
    return;
  }
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  let skipping = false;
  const parseLine = function* (bytes: Buffer, n: number): Generator<FhirReadItem> {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      yield { type: 'problem', problem: 'invalid-json', line: n, record: n };
      return;
    }
    if (n === 1) text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { type: 'problem', problem: 'invalid-json', line: n, record: n };
      return;
    }
    yield* fromValue(value, { record: n, line: n });
  };
  for await (const chunk of file.chunks()) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      lineNo++;
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (skipping) {
        skipping = false;
        pending = [];
        pendingBytes = 0;
        continue;
      }
      if (pendingBytes + piece.length > maxLine) {
        yield { type: 'problem', problem: 'line-too-long', line: lineNo, record: lineNo, limit: maxLine };
        pending = [];
        pendingBytes = 0;
        continue;
      }
      const line = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      yield* parseLine(line, lineNo);
    }
    const rest = chunk.subarray(start);
    if (rest.length === 0 || skipping) continue;
    if (pendingBytes + rest.length > maxLine) {
      // The line is already too long: report it once and drop its bytes until its end.
      yield { type: 'problem', problem: 'line-too-long', line: lineNo + 1, record: lineNo + 1, limit: maxLine };
      skipping = true;
      pending = [];
      pendingBytes = 0;
      continue;
    }
    // Copy: a chunk's buffer may be reused by the reader once we move on.
    pending.push(Buffer.from(rest));
    pendingBytes += rest.length;
  }
  if (pending.length > 0) yield* parseLine(Buffer.concat(pending), lineNo + 1);
}
