import { createHash } from 'node:crypto';

// Kept apart from fhir-source.ts so that the manifest loader can vet FHIR URLs without loading
// the HTTP client.

/** A FHIR search URL taken apart. */
export interface ParsedFhirUrl {
  /** Base URL, without a trailing slash. */
  base: string;
  /** `scheme://host:port` the whole fetch must stay on. */
  origin: string;
  resourceType: string;
  /** The URL to request first (the one given, without any fragment). */
  href: string;
}

/** Why a URL is not an acceptable FHIR source (worded by the catalogue under `fhir.url-invalid`). */
export type FhirUrlProblem = 'syntax' | 'scheme' | 'insecure' | 'credentials' | 'resource-type';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Takes a FHIR search URL apart, or says why it cannot be used: HTTPS only (plain HTTP is allowed
 * on loopback, for test servers), no user or password and no `access_token` in it (secrets come
 * from the environment), and the last path segment must be a resource type.
 */
export function parseFhirUrl(url: string): { ok: true; value: ParsedFhirUrl } | { ok: false; problem: FhirUrlProblem } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, problem: 'syntax' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (u.protocol === 'http:' && !LOOPBACK.test(u.hostname)) return { ok: false, problem: 'insecure' };
  if (u.username !== '' || u.password !== '' || u.searchParams.has('access_token')) return { ok: false, problem: 'credentials' };
  const segments = u.pathname.split('/');
  const resourceType = segments.pop() ?? '';
  if (!/^[A-Z][A-Za-z]{1,63}$/.test(resourceType)) return { ok: false, problem: 'resource-type' };
  u.hash = '';
  return { ok: true, value: { base: `${u.origin}${segments.join('/')}`, origin: u.origin, resourceType, href: u.href } };
}

/** The URL as reports show it: as the manifest gave it, without a fragment. */
export function displayUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

/** Stable file name of a source's snapshot: readable, and unique per URL. */
export function snapshotName(url: string): string {
  const shown = displayUrl(url);
  const digest = createHash('sha256').update(shown).digest('hex').slice(0, 16);
  const parsed = parseFhirUrl(shown);
  const label = parsed.ok ? `${new URL(parsed.value.href).host}-${parsed.value.resourceType}` : 'source';
  return `fhir-${label.replace(/[^A-Za-z0-9.-]+/g, '-')}-${digest}.ndjson`;
}

