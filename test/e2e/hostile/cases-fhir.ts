// Round two of the hostile corpus (issue 12, items 7 and 12): FHIR servers that answer with bombs,
// huge Bundles, or the bearer token echoed in some encoding. Each case starts its server in the test
// process; the CLI fetches from it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HostileCase } from './cases.js';
import { serve, stream } from './hostile-server.js';
import { gzipOf, repeatedDeflate } from './zips.js';

/** IEU 8's creation flow from a FHIR search instead of the HL7 file. */
function fhirFlow(dir: string, source: string): void {
  const manifest = path.join(dir, 'dmn-evidence.yaml');
  const text = readFileSync(manifest, 'utf8');
  const flow = /creation-flow: evidence\/ieu8\/creation-a28\.hl7.*$/m;
  if (!flow.test(text)) throw new Error('the complete dossier no longer names evidence/ieu8/creation-a28.hl7');
  writeFileSync(manifest, text.replace(flow, `creation-flow: ${source}`));
}

/** A Bundle of `count` small Patient entries, in pieces of 10,000. */
function* hugeBundle(count: number): Generator<string> {
  yield '{"resourceType":"Bundle","type":"searchset","entry":[';
  for (let i = 0; i < count; i += 10_000) {
    yield Array.from({ length: Math.min(10_000, count - i) }, (_, k) => `${i + k ? ',' : ''}{"resource":{"resourceType":"Patient","id":"p${i + k}"}}`).join('');
  }
  yield ']}';
}

/** A token with characters that percent-encoding changes. */
export const ECHOED_TOKEN = 'hostile/token+7c1e=9a2b4d';

/** The token as a server might echo it: percent-encoded, base64 and base64url of the header, hex, reversed. */
function echoes(token: string): string[] {
  const header = `Bearer ${token}`;
  return [encodeURIComponent(token), Buffer.from(header).toString('base64'), Buffer.from(header).toString('base64url'), Buffer.from(token).toString('hex'), [...token].reverse().join('')];
}

export const FHIR_CASES: HostileCase[] = [
  // ---- FHIR responses (item 12)
  {
    input: 'a FHIR server answering with 1 MB of gzip that inflates to 1 GiB',
    child: true,
    prepare: async (dir) => {
      const body = gzipOf(repeatedDeflate(1024, 0x20, Buffer.from('{"resourceType":"Bundle","type":"searchset","entry":['), Buffer.from(']}')));
      const server = await serve((_, res) => {
        res.writeHead(200, { 'content-type': 'application/fhir+json', 'content-encoding': 'gzip', 'content-length': body.length });
        res.end(body);
      });
      fhirFlow(dir, `{ fhir: "${server.origin}/fhir/Patient?name=x" }`);
      return { after: () => server.close() };
    },
    exit: 1,
    finding: 'fhir.too-large',
    says: /^IEU 8 creation-flow: error — http:\/\/127\.0\.0\.1:‹port›\/fhir\/Patient\?name=x returned more than 67108864 bytes of resources\.$/,
  },
  {
    input: 'a FHIR Bundle of 1,000,000 entries, `max_resources: 100`: read until the 101st',
    child: true,
    prepare: async (dir) => {
      const server = await serve((_, res) => {
        res.writeHead(200, { 'content-type': 'application/fhir+json' });
        return stream(res, hugeBundle(1_000_000));
      });
      fhirFlow(dir, `{ fhir: "${server.origin}/fhir/Patient?name=x", max_resources: 100 }`);
      return { after: () => server.close() };
    },
    exit: 1,
    finding: 'fhir.truncated',
    says: /^IEU 8 creation-flow: \w+ — http:\/\/127\.0\.0\.1:‹port›\/fhir\/Patient\?name=x has more resources than max_resources \(100\); only the first 100 were judged\.$/,
  },
  {
    input: 'a FHIR server echoing the bearer token percent-encoded, in base64, base64url, hex and reversed',
    prepare: async (dir) => {
      const server = await serve((req, res) => {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const [pct, b64, b64url, hex, reversed] = echoes(token);
        res.writeHead(400, { 'content-type': `application/fhir+json; charset=utf-8; echo=${b64}` });
        res.end(
          JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [
              { severity: 'error', code: 'invalid', diagnostics: `bad token ${pct} (${b64})` },
              { severity: 'error', code: 'invalid', diagnostics: `seen ${b64url} and ${hex}` },
              { severity: 'error', code: reversed, diagnostics: `reversed ${reversed}` },
            ],
          }),
        );
      });
      fhirFlow(dir, `{ fhir: "${server.origin}/fhir/Patient?name=x", token_env: DMN_FHIR_TOKEN }`);
      return { env: { DMN_FHIR_TOKEN: ECHOED_TOKEN }, after: () => server.close() };
    },
    exit: 1,
    finding: 'fhir.http-status',
    // "QmVhcmVy" is base64 of "Bearer": what comes after it, the token, is gone
    says: /^IEU 8 creation-flow: error — The FHIR server answered HTTP 400 for http:\/\/127\.0\.0\.1:‹port›\/fhir\/Patient\?name=x: error\/invalid: bad token \[redacted\] \(QmVhcmVy\[redacted\]\); error\/invalid: seen QmVhcmVy\[redacted\] and \[redacted\]; error\/\[redacted\]: reversed \[redacted\]\.$/,
  },
];
