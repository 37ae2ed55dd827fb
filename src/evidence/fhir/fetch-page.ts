import { valueText } from '../../diagnostics/value-text.js';
import { readPage, type PageHead } from './read-page.js';
import type { ParsedFhirUrl } from './url.js';
import type { CatalogCode } from '../../i18n/index.js';

/*
 * One page of a FHIR search, fetched with Node's own fetch: redirects followed by hand on the same
 * origin only, the body read as a stream within a byte budget (see read-page.ts), every failure a
 * finding code. Nothing is logged; server text reaches a finding only bounded and redacted.
 */

/** A failure of the source, carried up to become a finding. */
export class SourceFailure extends Error {
  constructor(readonly status: 'error' | 'failed', readonly code: CatalogCode, readonly params: Record<string, string | number>) {
    super(code);
  }
}

export interface FetchState {
  parsed: ParsedFhirUrl;
  shown: string;
  headers: Record<string, string>;
  timeoutMs: number;
  deadline: AbortSignal;
  deadlineMs: number;
  /** Decoded bytes one response may have. */
  maxBytes: number;
  redact: (s: string) => string;
  tokenEnv: string | undefined;
}

const MAX_REDIRECTS = 5;
/** Error bodies and bodies that are not JSON are read this far, for a summary, never further. */
const MAX_SMALL_BODY = 1024 * 1024;
const TLS_CODES = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_SSL_|HOSTNAME_MISMATCH)/;

/** Up to three issues of an OperationOutcome, as `severity/code: text`, bounded and masked. */
export function summariseOutcome(data: unknown, redact: (s: string) => string): string {
  const issues = (data as { issue?: unknown })?.issue;
  if (!Array.isArray(issues)) return '';
  return issues
    .slice(0, 3)
    .map((i: { severity?: unknown; code?: unknown; diagnostics?: unknown; details?: { text?: unknown } } | null) => {
      const text = typeof i?.diagnostics === 'string' ? i.diagnostics : typeof i?.details?.text === 'string' ? i.details.text : '';
      const head = redact(`${valueText(i?.severity ?? '?')}/${valueText(i?.code ?? '?')}`);
      return text ? `${head}: ${redact(text).slice(0, 200)}` : head;
    })
    .join('; ');
}

export function isErrorOutcome(data: unknown): boolean {
  const issues = (data as { issue?: unknown })?.issue;
  return Array.isArray(issues) && issues.some((i: { severity?: unknown } | null) => i?.severity === 'error' || i?.severity === 'fatal');
}

/** The body parsed as JSON when it is at most 1 MiB and JSON; undefined otherwise. */
async function smallJson(response: Response): Promise<unknown> {
  const parts: Uint8Array[] = [];
  let read = 0;
  const body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = response.body ?? [];
  for await (const chunk of body) {
    read += chunk.byteLength;
    if (read > MAX_SMALL_BODY) return undefined;
    parts.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Fetches `url` and reads it as a page, each entry handed to `onEntry` as it is read (see
 * `readPage`). Throws a {@link SourceFailure} for every way a server can fail.
 */
export async function fetchPage(state: FetchState, url: string, page: number, onEntry: (entry: unknown) => boolean): Promise<PageHead> {
  const { shown, redact } = state;
  let target = url;
  for (let hop = 0; ; hop++) {
    const requestTimeout = AbortSignal.timeout(state.timeoutMs);
    // Ends the request once what is wanted of the body was read.
    const done = new AbortController();
    const signal = AbortSignal.any([requestTimeout, state.deadline, done.signal]);
    try {
      const response = await fetch(target, { headers: state.headers, signal, redirect: 'manual' });
      const { status } = response;
      if (status >= 300 && status < 400) {
        done.abort();
        const location = response.headers.get('location');
        let next: URL | undefined;
        try {
          next = location ? new URL(location, target) : undefined;
        } catch {
          next = undefined;
        }
        if (!next) throw new SourceFailure('error', 'fhir.http-status', { url: shown, status, page, issues: '' });
        if (next.origin !== state.parsed.origin) throw new SourceFailure('error', 'fhir.redirect-refused', { url: shown, target: redact(next.origin), reason: 'origin', page });
        if (hop >= MAX_REDIRECTS) throw new SourceFailure('error', 'fhir.redirect-refused', { url: shown, target: redact(next.origin), reason: 'too-many', page });
        target = next.href;
        continue;
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (status < 200 || status >= 300) {
        const body = await smallJson(response);
        done.abort();
        const issues = body && typeof body === 'object' ? summariseOutcome(body, redact) : '';
        if (status === 401 || status === 403) throw new SourceFailure('error', 'fhir.unauthorized', { url: shown, status, env: state.tokenEnv ?? '', page });
        if (status === 404 || status === 410) throw new SourceFailure('error', 'fhir.not-found', { url: shown, status, page, issues });
        throw new SourceFailure('error', 'fhir.http-status', { url: shown, status, page, issues });
      }
      if (!/json/i.test(contentType)) {
        // JSON under another name, or a web page (a login portal): said apart.
        const body = await smallJson(response);
        done.abort();
        throw new SourceFailure('failed', 'fhir.not-fhir', { url: shown, page, contentType: redact(contentType), what: body === undefined ? 'not-json' : 'content-type' });
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > state.maxBytes) {
        done.abort();
        throw new SourceFailure('error', 'fhir.too-large', { url: shown, max: state.maxBytes });
      }
      const read = await readPage(response.body ?? [], state.maxBytes, onEntry);
      done.abort();
      if (!read.ok) {
        if (read.problem === 'too-large') throw new SourceFailure('error', 'fhir.too-large', { url: shown, max: state.maxBytes });
        throw new SourceFailure('failed', 'fhir.not-fhir', { url: shown, page, contentType: redact(contentType), what: read.problem });
      }
      if (!read.head.isObject) throw new SourceFailure('failed', 'fhir.not-fhir', { url: shown, page, contentType: redact(contentType), what: 'not-resource' });
      return read.head;
    } catch (err) {
      if (!(err instanceof Error) || err instanceof SourceFailure || (err.name !== 'AbortError' && err.name !== 'TimeoutError' && !(err instanceof TypeError))) throw err;
      if (state.deadline.aborted) throw new SourceFailure('error', 'fhir.timeout', { url: shown, ms: state.deadlineMs, scope: 'deadline', page });
      if (requestTimeout.aborted) throw new SourceFailure('error', 'fhir.timeout', { url: shown, ms: state.timeoutMs, scope: 'request', page });
      const e = err as { cause?: { code?: unknown; name?: unknown }; code?: unknown };
      const code = valueText(e.cause?.code ?? e.code ?? e.cause?.name ?? err.name);
      throw new SourceFailure('error', TLS_CODES.test(code) ? 'fhir.tls-failed' : 'fhir.unreachable', { url: shown, reason: redact(code), page });
    }
  }
}
