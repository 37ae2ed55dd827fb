import { createHash } from 'node:crypto';
import type { EvidenceFile } from '../evidence-file.js';
import { FileTooLargeError } from '../local-file.js';
import { KINDS } from '../kinds.js';
import { HEAD_BYTES } from '../sniff.js';
import { MAX_JSON_DEPTH } from '../formats/json/syntax.js';

const CHUNK_BYTES = 1024 * 1024;

/** Deepest nesting a canonical JSON value may have (the JSON splitter's): FHIR resources stay far below it. */
export { MAX_JSON_DEPTH };

export class JsonTooDeepError extends Error {
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * Canonical JSON of a parsed value: object keys sorted recursively (UTF-16 code unit order, as in
 * RFC 8785), no whitespace, strings and numbers as `JSON.stringify` writes them. Built as a string
 * directly so that no key (not even `__proto__`) goes through an intermediate object.
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_JSON_DEPTH) throw new JsonTooDeepError();
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k], depth + 1)}`).join(',')}}`;
}

/** One resource as a canonical NDJSON line (without its newline), with its sort keys. */
export interface CanonicalLine {
  /** `resourceType`, `''` when missing (first sort key). */
  resourceType: string;
  /** Logical id, `''` when the resource has none (second sort key). */
  id: string;
  /** The canonical JSON of the resource. */
  line: string;
}

export function canonicalLine(resource: Record<string, unknown>): CanonicalLine {
  return {
    resourceType: typeof resource.resourceType === 'string' ? resource.resourceType : '',
    id: typeof resource.id === 'string' ? resource.id : '',
    line: canonicalJson(resource),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical NDJSON: one canonical resource per line, each line ending with `\n`, sorted by
 * resourceType, then id, then the line itself (so two copies of one id still sort stably);
 * identical lines (a resource a server repeated on two pages) are kept once.
 */
export function canonicalNdjson(lines: readonly CanonicalLine[]): Buffer {
  const sorted = [...lines].sort((a, b) => compare(a.resourceType, b.resourceType) || compare(a.id, b.id) || compare(a.line, b.line));
  const out: string[] = [];
  let previous: string | undefined;
  for (const l of sorted) {
    if (l.line === previous) continue;
    out.push(l.line, '\n');
    previous = l.line;
  }
  return Buffer.from(out.join(''), 'utf8');
}

/** How many resources (lines) a canonical NDJSON buffer holds. */
export function countLines(ndjson: Buffer): number {
  let n = 0;
  for (let i = ndjson.indexOf(10); i >= 0; i = ndjson.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Evidence held in memory as canonical FHIR NDJSON: what a FHIR server returned, or its saved
 * snapshot read back for a replay. Same interface as a file, so every check reads it unchanged.
 */
export class FhirNdjsonEvidence implements EvidenceFile {
  readonly kind = 'fhir-ndjson' as const;
  readonly mime = KINDS['fhir-ndjson'];
  readonly bytes: number;
  readonly head: Buffer;
  /** How many resources the content holds. */
  readonly resources: number;
  private readonly digest: string;

  /**
   * @param path the source URL as reports show it (never with credentials or token)
   * @param absPath the saved snapshot on this machine, or `''` when the content was not saved
   * @param content canonical NDJSON
   */
  constructor(
    readonly path: string,
    readonly absPath: string,
    private readonly content: Buffer,
  ) {
    this.bytes = content.length;
    this.head = content.subarray(0, HEAD_BYTES);
    this.resources = countLines(content);
    this.digest = createHash('sha256').update(content).digest('hex');
  }

  // The EvidenceFile interface streams asynchronously; this in-memory file has nothing to await.
  // eslint-disable-next-line @typescript-eslint/require-await
  async *chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < this.content.length; i += CHUNK_BYTES) yield this.content.subarray(i, i + CHUNK_BYTES);
  }

  sha256(): Promise<string> {
    return Promise.resolve(this.digest);
  }

  text(maxBytes = 64 * 1024 * 1024): Promise<string> {
    if (this.bytes > maxBytes) return Promise.reject(new FileTooLargeError(this.path, this.bytes, maxBytes));
    return Promise.resolve(this.content.toString('utf8'));
  }
}
