import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { openFhirEvidence, openFhirSnapshot, parseFhirUrl, snapshotName, type FhirEvidenceResult, type FhirOpenOptions } from '../../../src/evidence/fhir/source.js';
import { canonicalJson } from '../../../src/evidence/fhir/ndjson.js';
import { startCanary, startFhirServer, syntheticPatients, type FhirTestServer } from '../../support/fhir-server.js';

const fixture = (rel: string): unknown => JSON.parse(readFileSync(path.join('fixtures/measures', rel), 'utf8'));
const goodBundle = fixture('good/measures.bundle.json') as { entry: { resource: Resource }[] };
const goodObservations = goodBundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation');
const ensObservations = readFileSync('fixtures/measures/good/measures.ndjson', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Resource);
const patients = syntheticPatients(45);

let server: FhirTestServer;
let canary: Awaited<ReturnType<typeof startCanary>>;
/** Every result of the suite, checked at the end for the token. */
const seen: FhirEvidenceResult[] = [];
const TOKEN_ENV = 'DMN_TEST_FHIR_TOKEN';

beforeAll(async () => {
  server = await startFhirServer({ resources: [...patients, ...goodObservations, ...ensObservations] });
  canary = await startCanary();
  server.foreignOrigin = canary.origin;
});

afterAll(async () => {
  await server?.close();
  await canary?.close();
});

function options(extra: Partial<FhirOpenOptions> = {}): FhirOpenOptions {
  return { env: { [TOKEN_ENV]: server.token }, offline: false, timeoutMs: 5000, ...extra };
}

async function open(url: string, ref: { tokenEnv?: string; maxResources?: number } = { tokenEnv: TOKEN_ENV }, extra: Partial<FhirOpenOptions> = {}): Promise<FhirEvidenceResult> {
  const result = await openFhirEvidence({ url, ...ref }, options(extra));
  seen.push(result);
  return result;
}

function expectFailure(result: FhirEvidenceResult, status: 'error' | 'failed', code: string): Record<string, string | number> {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect({ status: result.status, code: result.code }).toEqual({ status, code });
  return result.params;
}

async function lines(result: FhirEvidenceResult): Promise<string[]> {
  if (!result.ok) throw new Error(`expected success, got ${result.code}`);
  return (await result.file.text()).split('\n').filter(Boolean);
}

describe('FHIR evidence from a real FHIR server (Medplum router, in memory, loopback)', () => {
  it('follows next links across many pages and returns every resource', async () => {
    const before = server.requests.length;
    const result = await open(`${server.base}/Patient?_count=4`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.resources).toBe(45);
    expect(result.pages).toBe(12);
    expect(result.truncated).toBe(false);
    expect(result.findings).toEqual([]);
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(12);
    expect(sent.every((r) => r.authorized)).toBe(true);
    expect(result.file.kind).toBe('fhir-ndjson');
    expect(result.file.mime).toBe('application/fhir+ndjson');
    expect(result.file.path).toBe(`${server.base}/Patient?_count=4`);
  });

  it('stops at max_resources and says so', async () => {
    const result = await open(`${server.base}/Patient?_count=4`, { tokenEnv: TOKEN_ENV, maxResources: 10 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.resources).toBe(10);
    expect(result.pages).toBe(3);
    expect(result.truncated).toBe(true);
    expect(result.findings).toEqual([{ code: 'fhir.truncated', severity: 'warning', file: `${server.base}/Patient?_count=4`, params: { url: `${server.base}/Patient?_count=4`, max: 10 } }]);
  });

  it('gives canonical NDJSON: sorted by type and id, keys sorted, same bytes whatever the paging', async () => {
    const a = await open(`${server.base}/Observation?_count=5`);
    const b = await open(`${server.base}/Observation?_count=5`);
    const c = await open(`${server.base}/Observation?_count=3`);
    if (!a.ok || !b.ok || !c.ok) throw new Error('fetch failed');
    expect(a.file.resources).toBe(22);
    expect(await a.file.sha256()).toBe(await b.file.sha256());
    expect(await a.file.sha256()).toBe(await c.file.sha256());
    const text = await a.file.text();
    expect(text.endsWith('\n')).toBe(true);
    const ls = await lines(a);
    const ids = ls.map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual([...ids].sort());
    for (const l of ls) {
      expect(l).toBe(canonicalJson(JSON.parse(l)));
      expect(l).not.toMatch(/\s"|":\s/);
    }
    let streamed = Buffer.alloc(0);
    for await (const chunk of a.file.chunks()) streamed = Buffer.concat([streamed, chunk]);
    expect(streamed.toString('utf8')).toBe(text);
    expect(a.file.bytes).toBe(streamed.length);
  });

  it('refuses to fetch without the token the server requires (401), and with a wrong one', async () => {
    const none = await open(`${server.base}/Observation`, {});
    expect(expectFailure(none, 'error', 'fhir.unauthorized')).toMatchObject({ status: 401, env: '' });
    const wrong = await openFhirEvidence({ url: `${server.base}/Observation`, tokenEnv: TOKEN_ENV }, { ...options(), env: { [TOKEN_ENV]: 'not-the-right-token-1234' } });
    seen.push(wrong);
    expect(expectFailure(wrong, 'error', 'fhir.unauthorized')).toMatchObject({ status: 401, env: TOKEN_ENV });
  });

  it.each([
    ['unset', {}],
    ['empty', { DMN_BAD_TOKEN: '  ' }],
    ['not a header value', { DMN_BAD_TOKEN: 'jeton-accentué' }],
    ['two lines', { DMN_BAD_TOKEN: 'abc\ndef' }],
  ])('reads the token only from the named variable, and sends nothing when it is %s', async (_label, env) => {
    const before = server.requests.length;
    const result = await openFhirEvidence({ url: `${server.base}/Observation`, tokenEnv: 'DMN_BAD_TOKEN' }, { ...options(), env });
    seen.push(result);
    expect(expectFailure(result, 'error', 'fhir.token-missing')).toEqual({ url: `${server.base}/Observation`, env: 'DMN_BAD_TOKEN' });
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['unknown resource type', '/fhir/Foo', 'fhir.not-found'],
    ['unknown route', '/nowhere/Observation', 'fhir.not-found'],
  ])('maps a 404 (%s) to an error', async (_label, p, code) => {
    const params = expectFailure(await open(`${server.origin}${p}`), 'error', code);
    expect(params.status).toBe(404);
  });

  it('bounds a server that never answers by the request timeout', async () => {
    const params = expectFailure(await open(`${server.origin}/hang/Observation`, {}, { timeoutMs: 300 }), 'error', 'fhir.timeout');
    expect(params).toMatchObject({ scope: 'request', ms: 300, page: 1 });
  });

  it('bounds slow endless paging by the overall deadline', async () => {
    const params = expectFailure(await open(`${server.origin}/slow/Observation`, {}, { deadlineMs: 400 }), 'error', 'fhir.timeout');
    expect(params).toMatchObject({ scope: 'deadline', ms: 400 });
  });

  it('bounds endless paging by the page limit, or stops at max_resources', async () => {
    expect(expectFailure(await open(`${server.origin}/endless/Observation`, {}, { maxPages: 25 }), 'error', 'fhir.too-many-pages')).toMatchObject({ max: 25 });
    const cut = await open(`${server.origin}/endless/Observation`, { maxResources: 5 });
    expect(cut.ok && cut.truncated && cut.file.resources).toBe(5);
  });

  it('detects a paging loop', async () => {
    expect(expectFailure(await open(`${server.origin}/loop/Observation`, {}), 'error', 'fhir.paging-loop')).toMatchObject({ page: 2 });
  });

  it.each([
    ['an HTML page', '/html/Observation', 'not-json', 'text/html'],
    ['JSON served as text/plain', '/text/Observation', 'content-type', 'text/plain'],
    ['a JSON string', '/scalar/Observation', 'not-resource', ''],
  ])('says "not FHIR" for %s', async (_label, p, what, contentType) => {
    const params = expectFailure(await open(`${server.origin}${p}`, {}), 'failed', 'fhir.not-fhir');
    expect(params.what).toBe(what);
    expect(String(params.contentType)).toContain(contentType);
  });

  it('turns OperationOutcome errors into findings with their issues', async () => {
    expect(expectFailure(await open(`${server.origin}/outcome/Observation`, {}), 'failed', 'fhir.operation-outcome').issues).toBe('error/processing: Search failed on the server');
    expect(expectFailure(await open(`${server.origin}/search-error/Observation`, {}), 'failed', 'fhir.operation-outcome').issues).toBe('error/too-costly: Search too costly');
    expect(expectFailure(await open(`${server.origin}/server-error/Observation`, {}), 'error', 'fhir.http-status')).toMatchObject({ status: 500, issues: 'error/exception: Internal error' });
  });

  it('refuses a next link to another origin without sending anything there', async () => {
    const params = expectFailure(await open(`${server.origin}/foreign/Observation`, {}), 'error', 'fhir.foreign-next-link');
    expect(params).toMatchObject({ target: canary.origin, page: 1 });
    expect(canary.hits()).toBe(0);
  });

  it('refuses a next link to another host name, even one that leads to the same machine', async () => {
    const other = `http://localhost:${new URL(server.origin).port}`;
    server.foreignOrigin = other;
    try {
      const before = server.requests.length;
      expect(expectFailure(await open(`${server.origin}/foreign/Observation`, {}), 'error', 'fhir.foreign-next-link').target).toBe(other);
      expect(server.requests.slice(before).map((r) => r.url)).toEqual(['/foreign/Observation']);
    } finally {
      server.foreignOrigin = canary.origin;
    }
  });

  it('refuses a redirect to another origin, follows one on the same origin', async () => {
    const params = expectFailure(await open(`${server.origin}/redirect/Observation`, { tokenEnv: TOKEN_ENV }), 'error', 'fhir.redirect-refused');
    expect(params).toMatchObject({ target: canary.origin, reason: 'origin' });
    expect(canary.hits()).toBe(0);
    const local = await open(`${server.origin}/redirect-local/Observation?_count=50`, {});
    expect(local.ok && local.file.resources).toBe(22);
  });

  it('keeps included resources, drops informational outcomes, warns about unexpected types', async () => {
    const result = await open(`${server.origin}/mixed/Observation`, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await lines(result)).map((l) => JSON.parse(l).id)).toEqual(['mixed-1', 'mixed-2', 'mixed-3']);
    expect(result.findings).toEqual([
      { code: 'fhir.unexpected-type', severity: 'warning', file: `${server.origin}/mixed/Observation`, params: { url: `${server.origin}/mixed/Observation`, expected: 'Observation', types: 'Patient (1)' } },
    ]);
  });

  it('says when a search returns nothing', async () => {
    expectFailure(await open(`${server.base}/Observation?_id=does-not-exist`), 'failed', 'fhir.empty');
  });

  it('reports an unreachable server', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(expectFailure(await open(`http://127.0.0.1:${port}/fhir/Observation`, {}), 'error', 'fhir.unreachable').reason).toBe('ECONNREFUSED');
  });

  it('refuses network sources when offline, before any request', async () => {
    const before = server.requests.length;
    const result = await openFhirEvidence({ url: `${server.base}/Observation`, tokenEnv: TOKEN_ENV }, options({ offline: true }));
    seen.push(result);
    expect(result).toEqual({ ok: false, reason: 'source', status: 'error', code: 'fhir.offline', params: { url: `${server.base}/Observation` } });
    expect(server.requests.length).toBe(before);
  });

  it('refuses to use content that echoes the token, and redacts it from server messages', async () => {
    expectFailure(await open(`${server.origin}/token-data/Observation`), 'error', 'fhir.token-in-content');
    const echoed = expectFailure(await open(`${server.origin}/echo/Observation`), 'error', 'fhir.http-status');
    expect(echoed.status).toBe(400);
    expect(echoed.issues).toBe('error/invalid: Rejected request with header Bearer [redacted]');
  });

  it('writes nothing about a failed response (which may echo the token), even when DEBUG asks for everything', async () => {
    const written: string[] = [];
    const previous = process.env.DEBUG;
    process.env.DEBUG = '*';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expectFailure(await open(`${server.origin}/echo/Observation`), 'error', 'fhir.http-status');
    } finally {
      spy.mockRestore();
      if (previous === undefined) delete process.env.DEBUG;
      else process.env.DEBUG = previous;
    }
    expect(written.join('')).toBe('');
  });

  it('refuses TLS without certificate checks', async () => {
    const result = await openFhirEvidence({ url: 'https://fhir.example.test/fhir/Observation' }, { ...options(), env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
    expect(expectFailure(result, 'error', 'fhir.tls-unverified')).toEqual({ url: 'https://fhir.example.test/fhir/Observation' });
  });

  it('writes the snapshot atomically under a stable name, and reads it back offline identical', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-fhir-save-'));
    try {
      const url = `${server.base}/Observation?_count=5`;
      const result = await open(url, { tokenEnv: TOKEN_ENV }, { saveDir: path.join(dir, 'evidence') });
      if (!result.ok) throw new Error(result.code);
      expect(result.savedAs).toBe(snapshotName(url));
      expect(result.savedAs).toMatch(/^fhir-127\.0\.0\.1-\d+-Observation-[0-9a-f]{16}\.ndjson$/);
      expect(readdirSync(path.join(dir, 'evidence'))).toEqual([result.savedAs]);
      const saved = readFileSync(path.join(dir, 'evidence', result.savedAs!));
      expect(saved.toString('utf8')).toBe(await result.file.text());
      expect(result.file.absPath).toBe(path.join(dir, 'evidence', result.savedAs!));

      const replay = await openFhirSnapshot(path.join(dir, 'evidence'), result.savedAs!, url);
      if (!replay.ok) throw new Error(replay.code);
      expect({ path: replay.file.path, kind: replay.file.kind, bytes: replay.file.bytes, sha256: await replay.file.sha256() }).toEqual({
        path: result.file.path,
        kind: result.file.kind,
        bytes: result.file.bytes,
        sha256: await result.file.sha256(),
      });
      expect(expectFailure(await openFhirSnapshot(dir, '../../etc/passwd', url), 'error', 'fhir.snapshot-missing').name).toBe('../../etc/passwd');
      expectFailure(await openFhirSnapshot(dir, snapshotName(`${url}&x=1`), url), 'error', 'fhir.snapshot-missing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says when the snapshot cannot be written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-fhir-save-'));
    try {
      writeFileSync(path.join(dir, 'a-file'), 'not a folder');
      const params = expectFailure(await open(`${server.base}/Observation`, { tokenEnv: TOKEN_ENV }, { saveDir: path.join(dir, 'a-file', 'evidence') }), 'error', 'fhir.save-failed');
      expect(params.reason).toBe('ENOTDIR');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never lets the token appear in a result, a finding or an error text', async () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const r of seen) {
      const text = JSON.stringify(r.ok ? { path: r.file.path, findings: r.findings, savedAs: r.savedAs } : r);
      expect(text).not.toContain(server.token);
      if (r.ok) expect((await r.file.text()).includes(server.token)).toBe(false);
    }
  });
});

describe('FHIR source URLs', () => {
  it.each([
    ['not a url', 'syntax'],
    ['ftp://fhir.example.test/fhir/Observation', 'scheme'],
    ['http://fhir.example.test/fhir/Observation', 'insecure'],
    ['https://user:secret@fhir.example.test/fhir/Observation', 'credentials'],
    ['https://fhir.example.test/fhir/Observation?access_token=abc', 'credentials'],
    ['https://fhir.example.test/fhir/', 'resource-type'],
    ['https://fhir.example.test/fhir/observation', 'resource-type'],
  ])('%s is refused (%s), without any request', async (url, problem) => {
    expect(parseFhirUrl(url)).toEqual({ ok: false, problem });
    const result = await openFhirEvidence({ url }, { env: {}, offline: false, timeoutMs: 1000 });
    expect(result).toMatchObject({ ok: false, status: 'error', code: 'fhir.url-invalid', params: { problem } });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it.each([
    ['https://fhir.example.test/fhir/Observation?code=http://loinc.org|29463-7', 'https://fhir.example.test/fhir', 'Observation'],
    ['http://localhost:8080/Patient', 'http://localhost:8080', 'Patient'],
    ['http://127.0.0.1:8080/r4/Observation#frag', 'http://127.0.0.1:8080/r4', 'Observation'],
    ['http://[::1]:8080/fhir/Observation', 'http://[::1]:8080/fhir', 'Observation'],
  ])('%s is a search on %s for %s', (url, base, resourceType) => {
    const parsed = parseFhirUrl(url);
    expect(parsed.ok && { base: parsed.value.base, resourceType: parsed.value.resourceType, hash: parsed.value.href.includes('#') }).toEqual({ base, resourceType, hash: false });
  });
});
