import type { CatalogCode, CoreFinding } from '../../i18n/index.js';
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

import { openEvidenceFile } from '../evidence-file.js';
import { canonicalLine, canonicalNdjson, FhirNdjsonEvidence, JsonTooDeepError, type CanonicalLine } from './ndjson.js';
import { displayUrl, parseFhirUrl, snapshotName } from './url.js';
import { fetchPage, isErrorOutcome, SourceFailure, summariseOutcome, type FetchState } from './fetch-page.js';
import { tokenRedactor } from './redact.js';

export { displayUrl, parseFhirUrl, snapshotName, type FhirUrlProblem, type ParsedFhirUrl } from './url.js';

/** A FHIR search named by the manifest (`{ fhir: URL, token_env: VAR, max_resources: N }`). */
export interface FhirSourceRef {
  /** `<base>/<ResourceType>?<query>`: a FHIR search. */
  url: string;
  /** Name of the environment variable holding the bearer token; never the token itself. */
  tokenEnv?: string;
  /** Most resources kept (default {@link DEFAULT_MAX_RESOURCES}); paging stops there. */
  maxResources?: number;
}

export interface FhirOpenOptions {
  /** Environment the token is read from (the CLI passes `process.env`). */
  env: Readonly<Record<string, string | undefined>>;
  /** `--offline`: no request at all; the source is refused with `fhir.offline`. */
  offline: boolean;
  /** Time allowed to each HTTP request, body included, in milliseconds. */
  timeoutMs: number;
  /** Time allowed to the whole fetch, every page included (default {@link DEFAULT_DEADLINE_MS}). */
  deadlineMs?: number;
  /** `--save-evidence DIR`: also write the canonical NDJSON there, for an offline replay. */
  saveDir?: string;
  /** Largest canonical NDJSON kept, in bytes (default {@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number;
  /** Most pages followed (default {@link DEFAULT_MAX_PAGES}), so an endless paging ends. */
  maxPages?: number;
}

/** What a FHIR source could not deliver: the engine turns it into an `error` or `failed` slot. */
export interface FhirFailure {
  ok: false;
  reason: 'source';
  /** `error`: the check could not be carried out; `failed`: the server answered with bad content. */
  status: 'error' | 'failed';
  /** Finding code (`fhir.*`, worded in src/i18n/messages/fhir.ts). */
  code: CatalogCode;
  /** Finding parameters; never the token, never patient data. */
  params: Record<string, string | number>;
}

export interface FhirSuccess {
  ok: true;
  /** The resources as canonical NDJSON; `path` is the URL, `kind` is `fhir-ndjson`. */
  file: FhirNdjsonEvidence;
  /** Pages fetched. */
  pages: number;
  /** True when `maxResources` cut the result short. */
  truncated: boolean;
  /** Name of the snapshot written in `saveDir`, relative to it. */
  savedAs?: string;
  /** Warnings about the source (`fhir.truncated`, `fhir.unexpected-type`); no `slot` yet. */
  findings: CoreFinding[];
}

export type FhirEvidenceResult = FhirSuccess | FhirFailure;

export const DEFAULT_MAX_RESOURCES = 10_000;
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 1000;
export const DEFAULT_DEADLINE_MS = 120_000;
/** Decoded bytes one response (one page) may have, after Content-Encoding: a gzip bomb stops here. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Runs of 13 digits or more (matricule-shaped) are masked in any text that reaches a finding. */
function maskDigits(text: string): string {
  return text.replace(/\d{13,}/g, (run) => `${run.slice(0, 1)}${'*'.repeat(run.length - 3)}${run.slice(-2)}`);
}

/**
 * Fetches a FHIR search and returns the resources as canonical NDJSON evidence.
 * Follows `next` links on the declared origin only, up to `maxResources`, `maxPages`, the
 * per-request timeout and the overall deadline; TLS is verified. The bearer token comes from
 * `env[ref.tokenEnv]` and appears in no result, finding or error text. Never throws for a network
 * or content problem: it comes back as a {@link FhirFailure}.
 */
export async function openFhirEvidence(ref: FhirSourceRef, opts: FhirOpenOptions): Promise<FhirEvidenceResult> {
  const shown = displayUrl(ref.url);
  if (opts.offline) return failure('error', 'fhir.offline', { url: shown });
  const parsedUrl = parseFhirUrl(ref.url);
  if (!parsedUrl.ok) return failure('error', 'fhir.url-invalid', { url: parsedUrl.problem === 'credentials' ? '' : shown, problem: parsedUrl.problem });
  const parsed = parsedUrl.value;
  let token: string | undefined;
  if (ref.tokenEnv !== undefined) {
    token = opts.env[ref.tokenEnv];
    if (token === undefined || token.trim() === '') return failure('error', 'fhir.token-missing', { url: shown, env: ref.tokenEnv });
    token = token.trim();
    // A header value must be visible ASCII; anything else would fail deep in fetch.
    if (!/^[\x21-\x7e]+$/.test(token)) return failure('error', 'fhir.token-missing', { url: shown, env: ref.tokenEnv });
  }
  if (parsed.origin.startsWith('https:') && opts.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    return failure('error', 'fhir.tls-unverified', { url: shown });
  }
  const secret = token;
  // Server text that reaches a finding: the token in any form it could be echoed in, and matricule-shaped digits, masked.
  const tokenForms = tokenRedactor(secret);
  const redact = (s: string): string => maskDigits(tokenForms.redact(s));
  const maxResources = Math.max(1, ref.maxResources ?? DEFAULT_MAX_RESOURCES);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  const deadlineMs = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), deadlineMs);
  timer.unref();
  const headers: Record<string, string> = { accept: 'application/fhir+json, application/json;q=0.9', ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) };
  const state: FetchState = { parsed, shown, headers, timeoutMs: opts.timeoutMs, deadline: deadline.signal, deadlineMs, maxBytes: Math.min(maxBytes, MAX_RESPONSE_BYTES), redact, tokenEnv: ref.tokenEnv };
  try {
    const lines: CanonicalLine[] = [];
    const unexpected = new Map<string, number>();
    let bytes = 0;
    let pages = 0;
    let truncated = false;
    const requested = new Set<string>();
    let url: string | undefined = parsed.href;
    while (url !== undefined) {
      if (pages >= maxPages) throw new SourceFailure('error', 'fhir.too-many-pages', { url: shown, max: maxPages });
      if (requested.has(url)) throw new SourceFailure('error', 'fhir.paging-loop', { url: shown, page: pages + 1 });
      requested.add(url);
      pages++;
      // Entries are judged as they are read; a bad one stops the page, and is reported once the page says what it is.
      let pending: SourceFailure | undefined;
      const page = pages;
      const fail = (f: SourceFailure): false => {
        pending ??= f;
        return false;
      };
      const bundle = await fetchPage(state, url, page, (entry) => {
        const e = entry as { resource?: unknown; search?: { mode?: unknown } } | null;
        const resource = e?.resource;
        if (resource === undefined) return true;
        if (resource === null || typeof resource !== 'object' || typeof (resource as { resourceType?: unknown }).resourceType !== 'string') {
          return fail(new SourceFailure('failed', 'fhir.not-fhir', { url: shown, page, contentType: 'application/fhir+json', what: 'entry-not-resource' }));
        }
        const r = resource as Record<string, unknown>;
        if (e?.search?.mode === 'outcome') {
          return isErrorOutcome(r) ? fail(new SourceFailure('failed', 'fhir.operation-outcome', { url: shown, page, issues: summariseOutcome(r, redact) })) : true;
        }
        if (lines.length >= maxResources) {
          truncated = true;
          return false;
        }
        if (r.resourceType !== parsed.resourceType && e?.search?.mode !== 'include') {
          unexpected.set(r.resourceType as string, (unexpected.get(r.resourceType as string) ?? 0) + 1);
        }
        let line: CanonicalLine;
        try {
          line = canonicalLine(r);
        } catch (err) {
          if (err instanceof JsonTooDeepError) return fail(new SourceFailure('failed', 'fhir.not-fhir', { url: shown, page: 0, contentType: 'application/fhir+json', what: 'too-deep' }));
          throw err;
        }
        bytes += Buffer.byteLength(line.line) + 1;
        if (bytes > maxBytes) return fail(new SourceFailure('error', 'fhir.too-large', { url: shown, max: maxBytes }));
        lines.push(line);
        return true;
      });
      if (bundle.resourceType === 'OperationOutcome') {
        throw new SourceFailure('failed', 'fhir.operation-outcome', { url: shown, page, issues: summariseOutcome(bundle, redact) });
      }
      if (bundle.resourceType !== 'Bundle') {
        throw new SourceFailure('failed', 'fhir.not-fhir', { url: shown, page, contentType: 'application/fhir+json', what: typeof bundle.resourceType === 'string' ? `resource:${redact(bundle.resourceType).slice(0, 100)}` : 'not-resource' });
      }
      if (pending) throw pending;
      const next = nextLink(bundle);
      if (next === undefined || truncated) {
        if (next !== undefined) truncated = true;
        break;
      }
      if (lines.length >= maxResources) {
        truncated = true;
        break;
      }
      let nextUrl: URL;
      try {
        nextUrl = new URL(next, url);
      } catch {
        throw new SourceFailure('failed', 'fhir.not-fhir', { url: shown, page: pages, contentType: 'application/fhir+json', what: 'bad-next-link' });
      }
      if (nextUrl.origin !== parsed.origin) {
        throw new SourceFailure('error', 'fhir.foreign-next-link', { url: shown, target: redact(nextUrl.origin), page: pages });
      }
      url = nextUrl.href;
    }
    if (lines.length === 0) return failure('failed', 'fhir.empty', { url: shown });
    const content = canonicalNdjson(lines);
    if (secret !== undefined && secret.length >= 8 && tokenForms.contains(content)) {
      return failure('error', 'fhir.token-in-content', { url: shown, env: ref.tokenEnv ?? '' });
    }
    const findings: CoreFinding[] = [];
    if (truncated) findings.push({ code: 'fhir.truncated', severity: 'warning', file: shown, params: { url: shown, max: maxResources } });
    if (unexpected.size > 0) {
      const types = [...unexpected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, n]) => `${t} (${n})`).join(', ');
      findings.push({ code: 'fhir.unexpected-type', severity: 'warning', file: shown, params: { url: shown, expected: parsed.resourceType, types } });
    }
    let savedAs: string | undefined;
    let absPath = '';
    if (opts.saveDir !== undefined) {
      savedAs = snapshotName(shown);
      absPath = path.resolve(opts.saveDir, savedAs);
      try {
        await writeAtomically(absPath, content);
      } catch (err) {
        return failure('error', 'fhir.save-failed', { url: shown, reason: String((err as NodeJS.ErrnoException).code ?? 'EIO') });
      }
    }
    const file = new FhirNdjsonEvidence(shown, absPath, content);
    const out: FhirSuccess = { ok: true, file, pages, truncated, findings };
    if (savedAs !== undefined) out.savedAs = savedAs;
    return out;
  } catch (err) {
    if (err instanceof SourceFailure) return failure(err.status, err.code, err.params);
    if (err instanceof JsonTooDeepError) return failure('failed', 'fhir.not-fhir', { url: shown, page: 0, contentType: 'application/fhir+json', what: 'too-deep' });
    throw err;
  } finally {
    clearTimeout(timer);
    deadline.abort();
  }
}

function nextLink(bundle: { link: unknown[] }): string | undefined {
  const next = (bundle.link as ({ relation?: unknown; url?: unknown } | null)[]).find((l) => l?.relation === 'next');
  return typeof next?.url === 'string' && next.url !== '' ? next.url : undefined;
}

function failure(status: 'error' | 'failed', code: CatalogCode, params: Record<string, string | number>): FhirFailure {
  return { ok: false, reason: 'source', status, code, params };
}

/** Writes through a temporary file in the same folder and a rename, so a reader never sees half a snapshot. */
async function writeAtomically(absPath: string, content: Buffer): Promise<void> {
  await fsp.mkdir(path.dirname(absPath), { recursive: true });
  const tmp = path.join(path.dirname(absPath), `.${path.basename(absPath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(tmp, content, { flag: 'wx' });
    await fsp.rename(tmp, absPath);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

/** A snapshot name as {@link snapshotName} makes them: a plain file name, never a path. */
const SNAPSHOT_NAME = /^fhir-[A-Za-z0-9.-]+-[0-9a-f]{16}\.ndjson$/;

/**
 * Reads back a snapshot written with `saveDir`, for an offline replay: the same evidence (path =
 * URL, kind `fhir-ndjson`, same bytes and hash) as the live fetch gave, without any request.
 */
export async function openFhirSnapshot(dir: string, name: string, url: string, maxBytes = DEFAULT_MAX_BYTES): Promise<FhirEvidenceResult> {
  const shown = displayUrl(url);
  if (!SNAPSHOT_NAME.test(name)) return failure('error', 'fhir.snapshot-missing', { url: shown, name: name.slice(0, 200) });
  // Opened like a dossier's evidence: a link leading out of the snapshot folder is not a snapshot.
  const root = await fsp.realpath(dir).catch(() => path.resolve(dir));
  const opened = await openEvidenceFile(root, name);
  if (!opened.ok) return failure('error', 'fhir.snapshot-missing', { url: shown, name });
  if (opened.file.bytes > maxBytes) return failure('error', 'fhir.too-large', { url: shown, max: maxBytes });
  let content: Buffer;
  try {
    const parts: Buffer[] = [];
    for await (const chunk of opened.file.chunks()) parts.push(chunk);
    content = Buffer.concat(parts);
  } catch {
    return failure('error', 'fhir.snapshot-missing', { url: shown, name });
  }
  const absPath = opened.file.absPath;
  return { ok: true, file: new FhirNdjsonEvidence(shown, absPath, content), pages: 0, truncated: false, findings: [] };
}
