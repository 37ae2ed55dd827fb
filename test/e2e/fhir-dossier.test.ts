import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { copyDossier, ROOT, runCli } from '../support/run-cli.js';
import { startFhirServer, type FhirTestServer } from '../support/fhir-server.js';

const readJson = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, unknown>;
const patient = readJson('fixtures/flows/patient-fr-core-ins.json') as unknown as Resource;
const measures = (readJson('fixtures/measures/good/measures.bundle.json').entry as { resource: Resource }[]).map((e) => e.resource);

let server: FhirTestServer;
const dossiers: { done: () => void }[] = [];
beforeAll(async () => {
  server = await startFhirServer({ resources: [patient, ...measures] });
});
afterAll(async () => {
  dossiers.forEach((d) => d.done());
  await server.close();
});

/** The complete dossier plus MES 1, with IEU 8's creation flow and the measures from files or from the server. */
function dossier(source: 'files' | 'server'): { dir: string; manifest: string } {
  const d = copyDossier('complete');
  dossiers.push(d);
  copyFileSync(path.join(ROOT, 'fixtures/flows/patient-fr-core-ins.json'), path.join(d.dir, 'evidence/ieu8/patient.json'));
  copyFileSync(path.join(ROOT, 'fixtures/measures/good/measures.bundle.json'), path.join(d.dir, 'measures.json'));
  const creation = source === 'files' ? 'evidence/ieu8/patient.json' : `{ fhir: "${server.base}/Patient?_id=${patient.id}", token_env: DMN_FHIR_TOKEN }`;
  const sample = source === 'files' ? 'measures.json' : `{ fhir: "${server.base}/Observation?_count=2", token_env: DMN_FHIR_TOKEN }`;
  const text = readFileSync(d.manifest, 'utf8')
    .replace('ruleset: ans-dmn@1.2.2\n', '')
    .replace('  two_factor_activation: systematic\n', '  two_factor_activation: systematic\n  measures_exchange: true\n')
    .replace('creation-flow: evidence/ieu8/creation-a28.hl7', `creation-flow: ${creation}`)
    .concat(`  MES 1:\n    measures-sample: ${sample}\n`);
  writeFileSync(d.manifest, text);
  return { dir: d.dir, manifest: d.manifest };
}

const statuses = (r: Report): string[] => r.requirements.flatMap((q) => [`${q.id}:${q.status}`, ...q.slots.map((s) => `${q.id}/${s.name}:${s.status}`)]);
const args = (manifest: string): string[] => ['check', manifest, '--rules', path.join(ROOT, 'rules/mes-mesures-3.1.0.yaml'), '--as-of', '2026-11-29', '--format', 'json'];

describe('a dossier whose IEU 8 flow and measures come from a FHIR server on loopback', () => {
  it('gives the same statuses as the same evidence in files', async () => {
    const files = await runCli(args(dossier('files').manifest));
    const live = await runCli(args(dossier('server').manifest), { env: { DMN_FHIR_TOKEN: server.token } });
    expect(live.stderr).toBe('');
    const a = JSON.parse(files.stdout) as Report;
    const b = JSON.parse(live.stdout) as Report;
    expect(statuses(b)).toEqual(statuses(a));
    expect(b.verdict).toBe('pass');
    expect(live.code).toBe(0);
    const fetched = b.requirements.find((r) => r.id === 'MES 1')!.slots[0]!.files[0]!;
    expect(fetched).toMatchObject({ path: `${server.base}/Observation?_count=2`, kind: 'application/fhir+ndjson', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(server.requests.filter((r) => r.url.startsWith('/fhir/Observation')).length).toBeGreaterThan(1); // paged
    expect(live.stdout).not.toContain(server.token);
  });

  it('the installed command gives the same statuses: the bundle loads fhirpath and @medplum/core on first use', async () => {
    const d = dossier('server');
    const env = { PATH: process.env.PATH, LANG: 'C', DMN_FHIR_TOKEN: server.token };
    const inProcess = JSON.parse((await runCli(args(d.manifest), { env: { DMN_FHIR_TOKEN: server.token } })).stdout) as Report;
    // asynchronous: the FHIR server answers from this process
    const spawned = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'bin', 'dmn-check.js'), ...args(d.manifest)], { env }, (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }));
    });
    expect(spawned.stderr).toBe('');
    expect(spawned.code).toBe(0);
    expect(statuses(JSON.parse(spawned.stdout) as Report)).toEqual(statuses(inProcess));
    expect(spawned.stdout).not.toContain(server.token);
  });

  it('without the token the slots are `error`, and the token never shows', async () => {
    const run = await runCli(args(dossier('server').manifest), { env: { DMN_FHIR_TOKEN: 'wrong-token-123' } });
    expect(run.code).toBe(1);
    const r = JSON.parse(run.stdout) as Report;
    const ieu8 = r.requirements.find((q) => q.id === 'IEU 8')!;
    expect(ieu8.status).toBe('error');
    expect(ieu8.findings[0]).toMatchObject({ code: 'fhir.unauthorized', slot: 'creation-flow' });
    expect(run.stdout).not.toContain('wrong-token-123');
  });

  it('--offline refuses the network: no request is sent', async () => {
    const before = server.requests.length;
    const run = await runCli([...args(dossier('server').manifest), '--offline'], { env: { DMN_FHIR_TOKEN: server.token } });
    expect(run.code).toBe(1);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.requirements.find((q) => q.id === 'MES 1')!.findings[0]).toMatchObject({ code: 'fhir.offline' });
    expect(server.requests.length).toBe(before);
  });

  it('--save-evidence writes canonical NDJSON snapshots that replay offline to the same hashes', async () => {
    const d = dossier('server');
    const save = path.join(d.dir, 'snapshots');
    const live = await runCli([...args(d.manifest), '--save-evidence', save], { env: { DMN_FHIR_TOKEN: server.token } });
    expect(live.code).toBe(0);
    const names = readdirSync(save).sort();
    expect(names).toHaveLength(2);
    for (const n of names) expect(n).toMatch(/^fhir-127\.0\.0\.1-\d+-(Patient|Observation)-[0-9a-f]{16}\.ndjson$/);
    const { runCheck } = await import('../../src/cli/check-command.js');
    const { loadRuleset } = await import('../../src/ruleset/load.js');
    const before = server.requests.length;
    const offline = await runCheck(d.manifest, loadRuleset(path.join(ROOT, 'rules/mes-mesures-3.1.0.yaml')), { stdout: process.stdout, stderr: process.stderr, env: {}, cwd: ROOT }, {
      asOf: '2026-11-29',
      lang: 'en',
      generatedAt: '2026-11-29T10:00:00Z',
      offline: true,
      snapshots: save,
    });
    expect(server.requests.length).toBe(before);
    const liveReport = JSON.parse(live.stdout) as Report;
    expect(statuses(offline)).toEqual(statuses(liveReport));
    const hashes = (r: Report): (string | null)[] => r.requirements.flatMap((q) => q.slots.flatMap((s) => s.files.map((f) => f.sha256)));
    expect(hashes(offline)).toEqual(hashes(liveReport));
  });

  it('an unusable FHIR URL in the manifest is an input error at its line', async () => {
    const d = dossier('server');
    writeFileSync(d.manifest, readFileSync(d.manifest, 'utf8').replace(`${server.base}/Observation?_count=2`, 'http://example.org/fhir/Observation'));
    const run = await runCli(args(d.manifest));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dmn-evidence\.yaml:\d+:\d+ evidence\."MES 1"\.measures-sample\.fhir: The FHIR source http:\/\/example\.org\/fhir\/Observation cannot be used/);
  });

  it('check --save-evidence, then replay --evidence offline: identical', async () => {
    const d = dossier('server');
    const save = path.join(d.dir, 'snapshots');
    const report = path.join(d.dir, 'report.json');
    const check = await runCli([...args(d.manifest), '--output', report, '--save-evidence', save], { cwd: d.dir, env: { DMN_FHIR_TOKEN: server.token } });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const before = server.requests.length;
    const replay = await runCli(['replay', report, '--rules', path.join(ROOT, 'rules/mes-mesures-3.1.0.yaml'), '--evidence', save], { cwd: d.dir });
    expect(replay.stderr).toBe('');
    expect(replay.stdout).toMatch(/^identical$/m);
    expect(replay.code).toBe(0);
    expect(server.requests.length).toBe(before);
    // without the snapshots, replay cannot reach the server (offline) and says what differs
    const blind = await runCli(['replay', report, '--rules', path.join(ROOT, 'rules/mes-mesures-3.1.0.yaml')], { cwd: d.dir });
    expect(blind.code).toBe(1);
  });

  it('pack puts the FHIR snapshots in the bag, and the bag replays offline: identical', async () => {
    const d = dossier('server');
    const bag = path.join(d.dir, '..', `${path.basename(d.dir)}-bag.zip`);
    dossiers.push({ done: () => rmSync(bag, { force: true }) });
    const pack = await runCli(['pack', d.manifest, '--rules', path.join(ROOT, 'rules/mes-mesures-3.1.0.yaml'), '--as-of', '2026-11-29', '--out', bag], { env: { DMN_FHIR_TOKEN: server.token } });
    expect(pack.stderr).toBe('');
    expect(pack.code).toBe(0);
    const before = server.requests.length;
    const replay = await runCli(['replay', bag, '--rules', path.join(ROOT, 'rules/mes-mesures-3.1.0.yaml')]);
    expect(replay.stdout).toMatch(/^identical$/m);
    expect(replay.code).toBe(0);
    expect(server.requests.length).toBe(before);
  });
});
