import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyDossier, runCli } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function dossier(name = 'complete'): ReturnType<typeof copyDossier> {
  const d = copyDossier(name);
  cleanups.push(d.done);
  return d;
}

function edit(manifest: string, f: (s: string) => string): void {
  writeFileSync(manifest, f(readFileSync(manifest, 'utf8')));
}

/** Runs `check` on a modified manifest and expects exit 2 with one positioned message. */
async function expectInputError(manifest: string, pattern: RegExp, extra: string[] = []): Promise<string> {
  const out = path.join(path.dirname(manifest), 'report.json');
  const run = await runCli(['check', manifest, '--as-of', '2026-11-29', '--format', 'json', '--output', out, ...extra], { cwd: path.dirname(manifest) });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(existsSync(out)).toBe(false); // nothing written
  expect(readdirSync(path.dirname(manifest)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  return run.stderr;
}

describe('bad input: exit 2, one positioned message with a hint, nothing written', () => {
  it('malformed YAML', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('facts:\n', 'facts:\n  patient_access: [true\n'));
    await expectInputError(d.manifest, /^dmn-check: error: dmn-evidence\.yaml:\d+:\d+ invalid YAML/m);
  });

  it('duplicate keys', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('  patient_access: true\n', '  patient_access: true\n  patient_access: false\n'));
    await expectInputError(d.manifest, /dmn-evidence\.yaml:\d+:\d+ .*(unique|duplicate|Map keys)/i);
  });

  it('a wrong type', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('  version: "4.2.0"', '  version: [4, 2]'));
    await expectInputError(d.manifest, /dmn-evidence\.yaml:5:12 product\.version: must be of type string/);
  });

  it('a fact value outside its enum, with did-you-mean', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('identity_source: own', 'identity_source: delegate'));
    await expectInputError(d.manifest, /dmn-evidence\.yaml:\d+:\d+ facts\.identity_source: "delegate" is not a possible value\. Did you mean "delegated"\?/);
  });

  it('a boolean fact given as a string', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('patient_access: true', 'patient_access: "yes"'));
    await expectInputError(d.manifest, /facts\.patient_access: "yes" is not a boolean\. Answer true or false\./);
  });

  it('an unknown fact', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('  ins_applicable: true', '  ins_aplicable: true'));
    await expectInputError(d.manifest, /dmn-evidence\.yaml:12:3 facts\.ins_aplicable: unknown fact\. Did you mean "ins_applicable"\?/);
  });

  it('an unknown slot', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('creation-flow:', 'creaton-flow:'));
    await expectInputError(d.manifest, /dmn-evidence\.yaml:\d+:5 evidence\."IEU 8"\.creaton-flow: unknown slot for IEU 8\. Did you mean "creation-flow"\?/);
  });

  it('an unknown requirement', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('  IEU 9:', '  IEU 19:'));
    await expectInputError(d.manifest, /evidence\."IEU 19": unknown requirement in ruleset ans-dmn@1\.2\.2\. Did you mean "IEU 9"\?/);
  });

  it('an unknown top-level key', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('\nevidence:', '\nevidense:'));
    await expectInputError(d.manifest, /dmn-evidence\.yaml:\d+:1 evidense: unknown key "evidense"\. Did you mean "evidence"\?/);
  });

  it('the same requirement named twice in two spellings', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('  PORT 1:', '  ieu-9:\n    two-factor-demo: evidence/ieu9/two-factor-1.png\n  PORT 1:'));
    await expectInputError(d.manifest, /names requirement "IEU 9" again/);
  });

  it('a manifest written for another ruleset', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('ruleset: ans-dmn@1.2.2', 'ruleset: ans-dmn@1.3.0'));
    await expectInputError(d.manifest, /ruleset: was written for "ans-dmn@1\.3\.0"/);
  });

  it.each([
    ['../outside.png', '".." climbing out'],
    ['evidence/../../outside.png', '".." in the middle'],
    ['/etc/passwd', 'an absolute path'],
  ])('a path escaping the dossier: %s (%s)', async (p) => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('ins-login-demo: evidence/ieu7/ins-login.png', `ins-login-demo: "${p}"`));
    await expectInputError(d.manifest, /evidence\."IEU 7"\.ins-login-demo: path .* leaves the dossier folder\. Evidence paths are relative/);
  });

  it('a symlink pointing out of the dossier', async () => {
    const d = dossier();
    symlinkSync('/etc/hostname', path.join(d.dir, 'evidence', 'ieu7', 'link.png'));
    edit(d.manifest, (s) => s.replace('evidence/ieu7/ins-login.png', 'evidence/ieu7/link.png'));
    await expectInputError(d.manifest, /dmn-evidence\.yaml:\d+:\d+ evidence\/ieu7\/link\.png leads out of the dossier folder \(symbolic link\)/);
  });

  it('a manifest that does not exist', async () => {
    const run = await runCli(['check', 'nope/dmn-evidence.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dmn-check: error: nope/dmn-evidence.yaml file not found. Check the path, or run `dmn-check init` to create a manifest.\n');
  });

  it('a ruleset or a report that does not exist gets its own hint', async () => {
    const rules = await runCli(['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--rules', 'nope.yaml']);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toBe('dmn-check: error: nope.yaml file not found. Check the --rules path (or the `extends` of the ruleset); without --rules the bundled ruleset is used.\n');
    const report = await runCli(['replay', 'nope.json']);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/nope\.json file not found\. Give the JSON report written by `dmn-check check --format json --output FILE`/);
  });

  it('a manifest that is a directory', async () => {
    const d = dossier();
    mkdirSync(path.join(d.dir, 'dir.yaml'));
    const run = await runCli(['check', 'dir.yaml'], { cwd: d.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dir\.yaml is a directory, not a file/);
  });

  it('a bad --as-of, a bad --lang, an unknown --format', async () => {
    expect((await runCli(['check', '--as-of', '2026-02-30'])).stderr).toMatch(/--as-of: "2026-02-30" is not a date\. Use YYYY-MM-DD/);
    expect((await runCli(['check', '--lang', 'de'])).stderr).toMatch(/--lang: "de" is not a supported language/);
    const f = await runCli(['check', '--format', 'jsn']);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/--format: unknown format "jsn"\. Did you mean "json"\?/);
  });

  it('an unknown command or option is a usage error (exit 2)', async () => {
    const a = await runCli(['chek']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/unknown command 'chek'/);
    const b = await runCli(['check', '--bogus']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('messages in French with --lang fr', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('creation-flow:', 'creaton-flow:'));
    const stderr = await expectInputError(d.manifest, /erreur: dmn-evidence\.yaml:\d+:5 evidence\."IEU 8"\.creaton-flow: emplacement inconnu pour IEU 8\. Vouliez-vous dire « creation-flow » \?/, ['--lang', 'fr']);
    expect(stderr).not.toMatch(/unknown/);
  });

  it('reports every problem of a manifest at once', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('identity_source: own', 'identity_source: x').replace('creation-flow:', 'creaton-flow:').replace('  IEU 9:', '  IEU 99:'));
    const stderr = await expectInputError(d.manifest, /identity_source/);
    expect(stderr.trim().split('\n')).toHaveLength(3);
  });
});

describe('evidence problems are statuses, not input errors', () => {
  it('a missing evidence file makes its slot missing (exit 1)', async () => {
    const d = dossier();
    edit(d.manifest, (s) => s.replace('evidence/ieu7/ins-login.png', 'evidence/ieu7/gone.png'));
    const run = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json']);
    expect(run.code).toBe(1);
    const r = JSON.parse(run.stdout).requirements.find((x: { id: string }) => x.id === 'IEU 7');
    expect(r.status).toBe('missing');
    expect(r.findings[0]).toMatchObject({ code: 'file.missing', slot: 'ins-login-demo', file: 'dmn-evidence.yaml' });
    expect(r.findings[0].line).toBeGreaterThan(0);
  });

  it('an empty file, a directory and a hash mismatch fail their slot', async () => {
    const d = dossier();
    writeFileSync(path.join(d.dir, 'evidence', 'ieu7', 'empty.png'), '');
    mkdirSync(path.join(d.dir, 'evidence', 'ieu2', 'folder.png'));
    edit(d.manifest, (s) =>
      s
        .replace('evidence/ieu7/ins-login.png', 'evidence/ieu7/empty.png')
        .replace('[evidence/ieu2/identity-change-1.png, evidence/ieu2/identity-change-2.png]', '[evidence/ieu2/folder.png]')
        .replace('account-screenshot: evidence/ieu8/account-ins.png', `account-screenshot: { path: evidence/ieu8/account-ins.png, sha256: "${'0'.repeat(64)}" }`),
    );
    const run = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json']);
    expect(run.code).toBe(1);
    const byId = Object.fromEntries(JSON.parse(run.stdout).requirements.map((r: { id: string }) => [r.id, r]));
    expect(byId['IEU 7'].status).toBe('failed');
    expect(byId['IEU 7'].findings.map((f: { code: string }) => f.code)).toEqual(['file.empty']);
    expect(byId['IEU 2'].status).toBe('failed');
    expect(byId['IEU 2'].findings[0]).toMatchObject({ code: 'file.not-regular', params: { what: 'directory' } });
    const hash = byId['IEU 8'].findings.find((f: { code: string }) => f.code === 'file.hash-mismatch');
    expect(hash.params.expected).toBe('0'.repeat(64));
    expect(hash.params.actual).toMatch(/^[0-9a-f]{64}$/);
  });
});
