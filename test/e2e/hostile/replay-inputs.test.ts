// Round two of the hostile corpus (issue 12): what `replay` is given — reports, snapshots — comes from
// someone else; it is confined and compared, never trusted.
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/report/report.js';
import { copyDossier, DOSSIERS, ROOT, runCli, scratch } from '../../support/run-cli.js';
import { startFhirServer, type FhirTestServer } from '../../support/fhir-server.js';

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const readJson = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, unknown>;
const patient = readJson('fixtures/flows/patient-fr-core-ins.json') as unknown as Resource;

let server: FhirTestServer;
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  server = await startFhirServer({ resources: [patient] });
});
afterAll(async () => {
  cleanups.forEach((f) => f());
  await server.close();
});

/** The complete dossier with IEU 8's creation flow from the loopback FHIR server, checked with its snapshots saved. */
async function checkedWithSnapshots(): Promise<{ dir: string; report: string; save: string; snapshot: string }> {
  const d = copyDossier('complete');
  cleanups.push(d.done);
  const text = readFileSync(d.manifest, 'utf8')
    .replace('creation-flow: evidence/ieu8/creation-a28.hl7', `creation-flow: { fhir: "${server.base}/Patient?_id=${patient.id}", token_env: DMN_FHIR_TOKEN }`);
  writeFileSync(d.manifest, text);
  const save = path.join(d.dir, 'snapshots');
  const report = path.join(d.dir, 'report.json');
  const check = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json', '--output', report, '--save-evidence', save], {
    cwd: d.dir,
    env: { DMN_FHIR_TOKEN: server.token },
  });
  expect(check.stderr).toBe('');
  expect(check.code).toBe(0);
  const [name] = readdirSync(save);
  return { dir: d.dir, report, save, snapshot: path.join(save, name!) };
}

const replay = (report: string, save: string, cwd: string) => runCli(['replay', report, '--evidence', save], { cwd });

describe('replay --evidence compares FHIR snapshots with the hashes the report holds (item 4)', () => {
  it('as saved: identical', async () => {
    const c = await checkedWithSnapshots();
    const r = await replay(c.report, c.save, c.dir);
    expect(r.stdout).toMatch(/^identical$/m);
    expect(r.code).toBe(0);
  });

  it('a snapshot with altered bytes (still valid, same statuses): differs, naming the source and both hashes', async () => {
    const c = await checkedWithSnapshots();
    const before = sha(readFileSync(c.snapshot));
    appendFileSync(c.snapshot, '\n');
    const r = await replay(c.report, c.save, c.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✖ ${server.base}/Patient?_id=${patient.id} changed: sha256 was ${before}, now ${sha(readFileSync(c.snapshot))}.`);
  });

  it('a snapshot replaced by a link to a file outside the folder (same bytes): not read; differs', async () => {
    const c = await checkedWithSnapshots();
    const outside = path.join(c.dir, 'outside.ndjson');
    renameSync(c.snapshot, outside);
    symlinkSync(outside, c.snapshot);
    const r = await replay(c.report, c.save, c.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/^identical$/m);
    expect(r.stdout).toMatch(/is gone \(sha256 was [0-9a-f]{64}\)\./);
  });
});

describe("replay confines an untrusted report to the report's folder (item 5)", () => {
  it('a report naming `.ssh/id_rsa`, replayed from the folder that holds it: never hashed, never printed', async () => {
    const s = scratch('dmn-home-');
    cleanups.push(s.done);
    const home = s.dir;
    cpSync(path.join(DOSSIERS, 'complete'), home, { recursive: true });
    mkdirSync(path.join(home, '.ssh'));
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\ntest key, not a real one\n-----END OPENSSH PRIVATE KEY-----\n';
    writeFileSync(path.join(home, '.ssh', 'id_rsa'), key);
    // A genuine report of this folder, then altered by its sender to name the key.
    const check = await runCli(['check', 'dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json', '--output', 'report.json'], { cwd: home });
    expect(check.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(home, 'report.json'), 'utf8')) as Report;
    report.requirements[0]!.slots[0]!.files.push({ path: '.ssh/id_rsa', sha256: '0'.repeat(64), bytes: 1, kind: 'text/plain' });
    mkdirSync(path.join(home, 'Downloads'));
    writeFileSync(path.join(home, 'Downloads', 'report.json'), JSON.stringify(report));
    const r = await runCli(['replay', 'Downloads/report.json', '--format', 'json'], { cwd: home });
    // Below Downloads/ there is no manifest: nothing is hashed, and it is said (exit 2).
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^dmn-check: error: Downloads\/report\.json manifest: dossier not found here; give --root DIR\./);
    expect(r.stderr).not.toContain(sha(key));
    // Altered to place its dossier one folder up (the home): not followed without --root.
    report.manifest.dossier = '..';
    report.manifest.file = 'dmn-evidence.yaml';
    writeFileSync(path.join(home, 'Downloads', 'report.json'), JSON.stringify(report));
    const up = await runCli(['replay', 'Downloads/report.json', '--format', 'json'], { cwd: home });
    expect(up.code).toBe(2);
    expect(up.stdout).toBe('');
    expect(up.stderr).toMatch(/The report places its dossier at \.\. from its own folder, outside the report's folder, where replay does not read/);
  });

  it('a report whose manifest is reached through a link out of its folder is refused (exit 2)', async () => {
    const s = scratch('dmn-link-');
    cleanups.push(s.done);
    cpSync(path.join(DOSSIERS, 'complete'), path.join(s.dir, 'dossier'), { recursive: true });
    const check = await runCli(['check', 'dossier/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json', '--output', 'report.json'], { cwd: s.dir });
    expect(check.code).toBe(0);
    mkdirSync(path.join(s.dir, 'inbox'));
    copyFileSync(path.join(s.dir, 'report.json'), path.join(s.dir, 'inbox', 'report.json'));
    symlinkSync(path.join(s.dir, 'dossier'), path.join(s.dir, 'inbox', 'dossier'));
    const r = await runCli(['replay', 'inbox/report.json'], { cwd: s.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dmn-check: error: inbox\/report\.json names "dossier\/dmn-evidence\.yaml", a path that leaves the dossier folder\./);
  });
});
