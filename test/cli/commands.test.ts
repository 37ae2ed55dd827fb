import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { copyDossier, runCli, scratch } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function tmp(): string {
  const s = scratch();
  cleanups.push(s.done);
  return s.dir;
}

describe('init', () => {
  it('writes a commented template that check accepts as it is, reporting everything missing', async () => {
    const d = tmp();
    const init = await runCli(['init'], { cwd: d });
    expect(init.code).toBe(0);
    expect(init.stdout).toBe('Manifest written: dmn-evidence.yaml\nEditor schema written: dmn-evidence.schema.json\n');
    const text = readFileSync(path.join(d, 'dmn-evidence.yaml'), 'utf8');
    // every fact with its question, every slot with what it expects, a statement template
    expect(text).toMatch(/# Do patients \(users, "usagers"\) log in to the DMN themselves\?/);
    expect(text).toMatch(/# patient_access: $/m);
    expect(text).toMatch(/# {3}# creation-flow \(required\): The flow that creates the patient/);
    expect(text).toMatch(/# {3}# non-systematic-responsibility \(required when two_factor_activation = not_systematic\)/);
    expect(text).toMatch(/# {3}justification: /);
    const check = await runCli(['check', '--format', 'json'], { cwd: d });
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as Report;
    expect(report.requirements.map((r) => r.status)).toEqual(['missing', 'missing', 'missing', 'missing', 'missing']);
    expect(report.requirements[0]!.findings.map((f) => f.code)).toEqual(['fact.missing', 'slot.missing']);
  });

  it('in French, and a filled-in template passes', async () => {
    const d = tmp();
    await runCli(['init', '--lang', 'fr', '--out', 'm.yaml'], { cwd: d });
    const text = readFileSync(path.join(d, 'm.yaml'), 'utf8');
    expect(text).toMatch(/# Les patients \(usagers\) se connectent-ils eux-mêmes au DMN \?/);
    // answer: no patient access, so IEU 2/7/8/9 need statements; give them and PORT 1 evidence
    const st = (id: string): string =>
      `  ${id}:\n    justification: "Aucun patient ne se connecte au DMN\u00a0: seuls les professionnels de santé l’utilisent."\n    signatory: { name: Jeanne Martin, role: Présidente }\n    signed_on: 2026-10-02\n`;
    const complete = path.join(process.cwd(), 'fixtures', 'dossiers', 'complete', 'evidence', 'port1');
    mkdirSync(path.join(d, 'port1'));
    for (const f of ['export.json', 'export-documentation.md']) writeFileSync(path.join(d, 'port1', f), readFileSync(path.join(complete, f)));
    const filled = text
      .replace('# patient_access: ', 'patient_access: false')
      .replace(/\nevidence:\n/, '\nevidence:\n  PORT 1:\n    export-documentation: port1/export-documentation.md\n    export-sample: port1/export.json\n')
      .replace(/\nstatements:\n/, `\nstatements:\n${['IEU 2', 'IEU 7', 'IEU 8', 'IEU 9'].map(st).join('')}`);
    writeFileSync(path.join(d, 'm.yaml'), filled);
    const check = await runCli(['check', 'm.yaml', '--as-of', '2026-11-29', '--format', 'json'], { cwd: d });
    expect(check.stderr).toBe('');
    const report = JSON.parse(check.stdout) as Report;
    expect(report.requirements.map((r) => `${r.id}:${r.status}`)).toEqual(['IEU 2:not_applicable', 'IEU 7:not_applicable', 'IEU 8:not_applicable', 'IEU 9:not_applicable', 'PORT 1:satisfied']);
    expect(check.code).toBe(0);
  });

  it('refuses to overwrite an existing manifest unless --force', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'dmn-evidence.yaml'), 'mine');
    const run = await runCli(['init'], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dmn-evidence\.yaml already exists; it was left as it is\. Choose another --out, or pass --force/);
    expect(readFileSync(path.join(d, 'dmn-evidence.yaml'), 'utf8')).toBe('mine');
    expect((await runCli(['init', '--force'], { cwd: d })).code).toBe(0);
  });
});

describe('explain', () => {
  it.each(['IEU 9', 'ieu-9', 'IEU9', 'ieu 9.1', 'IEU 9.1.1'])('matches %s loosely', async (id) => {
    const run = await runCli(['explain', id]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('IEU 9 — Two-factor authentication of users');
  });

  it('prints statement, scenarios, proofs, slots, N/A conditions and clarifications', async () => {
    const run = await runCli(['explain', 'IEU 8']);
    expect(run.stdout).toMatch(/Requirement:\n {2}When electronic identification yields only a private identifier/);
    expect(run.stdout).toMatch(/IEU 8\.1 — Create an account/);
    expect(run.stdout).toMatch(/IEU 8\.1\.1: /);
    expect(run.stdout).toMatch(/ins-association-flow \(required unless slot creation-flow already carries a matricule INS\)/);
    // What the association flow must show: the created patient, associated with its INS.
    expect(run.stdout).toMatch(/at least one patient carrying the\s+matricule INS must be that created patient \(same private identifier, same FHIR Patient id, or the same 5\s+traits\)/);
    const fr = await runCli(['explain', 'IEU 8', '--lang', 'fr']);
    expect(fr.stdout).toMatch(/doit être ce patient créé \(même identifiant privé, même id de ressource Patient FHIR, ou mêmes 5 traits\)/);
    expect(run.stdout).toMatch(/- ins_applicable = false: the INS does not apply to this DMN/);
    expect(run.stdout).toMatch(/\[FAQ ANS\] Do not confuse creating the identity \(in the GAP\)/);
  });

  it('an unknown id gets "did you mean"', async () => {
    const run = await runCli(['explain', 'IEU 3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/IEU 3: no such requirement in ans-dmn 1\.2\.2\. Did you mean "IEU 2"\?/);
  });
});

describe('rules list', () => {
  it('lists the requirements with their N/A conditions and slots', async () => {
    const run = await runCli(['rules', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^PORT 1 {2}Portability of health data and correspondents' information$/m);
    expect(run.stdout).toMatch(/^IEU 2 {3}.*\[N\/A when patient_access = false or identity_source = delegated\]$/m);
  });

  it('--checks lists the check registry', async () => {
    const run = await runCli(['rules', 'list', '--checks']);
    expect(run.stdout).toMatch(/^min-files +The slot holds at least/m);
    expect(run.stdout).toMatch(/^document-mentions /m);
  });
});

describe('reports', () => {
  it('the JSON report follows CONTRACT §7', async () => {
    const run = await runCli(['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json']);
    const r = JSON.parse(run.stdout) as Report;
    expect(r).toMatchObject({
      report: 1,
      tool: { name: 'dmn-check', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
      ruleset: { id: 'ans-dmn', version: '1.2.2', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      manifest: { path: 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      product: { name: 'CardioSuivi', version: '4.2.0', manufacturer: 'Exemple Santé SAS' },
      asOf: '2026-11-29',
      generatedAt: '2026-11-29T10:00:00Z',
      verdict: 'fail',
    });
    const ieu9 = r.requirements.find((x) => x.id === 'IEU 9')!;
    expect(ieu9.slots).toEqual([
      {
        name: 'two-factor-demo',
        required: true,
        status: 'satisfied',
        files: [
          { path: 'evidence/ieu9/two-factor-1.png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: 48627, kind: 'image/png' },
          { path: 'evidence/ieu9/two-factor-2.png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: 42418, kind: 'image/png' },
        ],
      },
      { name: 'non-systematic-responsibility', required: true, status: 'missing', files: [] },
    ]);
    expect(ieu9.findings[0]).toMatchObject({ code: 'slot.missing', severity: 'error', slot: 'non-systematic-responsibility', file: 'dmn-evidence.yaml', line: 22, column: 3 });
    expect(JSON.stringify(r)).not.toContain(process.cwd());
  });

  it('is byte-identical from run to run with the same inputs, --as-of and SOURCE_DATE_EPOCH', async () => {
    const args = ['check', 'fixtures/dossiers/delegated-identity/dmn-evidence.yaml', '--as-of', '2026-11-29'];
    for (const format of ['json', 'text']) {
      const a = await runCli([...args, '--format', format]);
      const b = await runCli([...args, '--format', format], { env: { SOURCE_DATE_EPOCH: '1795946400' } });
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('the text report: a line per requirement, the findings with hints, a summary', async () => {
    const run = await runCli(['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('CardioSuivi 4.2.0 — Exemple Santé SAS');
    expect(run.stdout).toMatch(/^✖ IEU 9 {3}missing +Two-factor authentication of users$/m);
    expect(run.stdout).toMatch(/^ {4}fixtures\/dossiers\/not-systematic-2fa\/dmn-evidence\.yaml:\d+:\d+ {2}No evidence given for "non-systematic-responsibility"/m);
    expect(run.stdout).toMatch(/^ {6}→ Provide: The manufacturer's signed statement/m);
    expect(run.stdout).toMatch(/^Summary: \d satisfied, 0 not applicable, \d missing, 0 failed, 0 errors — FAIL$/m);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('colours only on a terminal, and never with --no-color or NO_COLOR', async () => {
    const args = ['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29'];
    expect((await runCli(args, { tty: true })).stdout).toMatch(/\u001b\[/);
    expect((await runCli([...args, '--no-color'], { tty: true })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('in French from the locale', async () => {
    const run = await runCli(['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(run.stdout).toMatch(/^✖ IEU 9 {3}manquante +Authentification des usagers à deux facteurs$/m);
    expect(run.stdout).toMatch(/Aucune preuve fournie pour « non-systematic-responsibility »/);
    expect(run.stdout).toMatch(/^Bilan\u00a0: /m);
  });

  it('finding files are dossier-relative in the JSON report, and relative to the working folder in CI formats', async () => {
    const args = ['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29'];
    const github = await runCli([...args, '--format', 'github']);
    expect(github.stdout.split('\n')[0]).toMatch(/^::error file=fixtures\/dossiers\/not-systematic-2fa\/dmn-evidence\.yaml,line=22,col=3,/);
    const sarif = JSON.parse((await runCli([...args, '--format', 'sarif'])).stdout);
    const uris = sarif.runs[0].results.flatMap((r: { locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => (r.locations ?? []).map((l) => l.physicalLocation.artifactLocation.uri));
    expect(uris).toContain('fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml');
  });

  it('--quiet prints only what is not satisfied, and the summary', async () => {
    const run = await runCli(['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29', '--quiet']);
    expect(run.stdout).not.toMatch(/IEU 2/);
    expect(run.stdout).toMatch(/IEU 9/);
    expect(run.stdout).toMatch(/Summary/);
  });

  it('several --format/--output pairs in one run; one format may go to stdout', async () => {
    const d = tmp();
    const json = path.join(d, 'r.json');
    const run = await runCli(['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json', '--output', json, '--format', 'text']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Summary:/m);
    expect(JSON.parse(readFileSync(json, 'utf8')).verdict).toBe('fail');
    const two = await runCli(['check', '--format', 'json', '--format', 'text']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/several formats would go to standard output/);
  });

  it('a report that cannot be written is exit 2, and no other file is left half-done', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'no'), 'a file where a folder should be');
    const run = await runCli(['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--format', 'json', '--output', path.join(d, 'a.json'), '--format', 'text', '--output', path.join(d, 'no', 'dir', 'b.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be written \(ENOTDIR\)/);
    expect(existsSync(path.join(d, 'a.json'))).toBe(false);
  });
});

describe('statements', () => {
  it.each([
    ['short justification', (s: string) => s.replace(/justification: ".*"/, 'justification: "Trop court."'), 'statement.justification-short'],
    ['no signatory role', (s: string) => s.replace('{ name: Jeanne Martin, role: Présidente }', '{ name: Jeanne Martin }'), 'statement.signatory-missing'],
    ['signed after --as-of', (s: string) => s.replace('signed_on: 2026-10-02', 'signed_on: 2026-12-25'), 'statement.not-yet-signed'],
    ['expired', (s: string) => s.replace('expires_on: 2027-10-02', 'expires_on: 2026-11-28'), 'statement.expired'],
    ['document not a PDF', (s: string) => s.replace('statements/statement-signed.pdf', 'evidence/port1/export.json'), 'statement.document-kind'],
    ['document missing', (s: string) => s.replace('statements/statement-signed.pdf', 'statements/none.pdf'), 'statement.document-missing'],
  ])('%s → failed', async (_, change, code) => {
    const d = copyDossier('delegated-identity');
    cleanups.push(d.done);
    writeFileSync(d.manifest, change(readFileSync(d.manifest, 'utf8')));
    const run = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json']);
    const ieu2 = (JSON.parse(run.stdout) as Report).requirements[0]!;
    expect(ieu2.status).toBe('failed');
    expect(ieu2.findings.map((f) => f.code)).toEqual([code]);
    expect(ieu2.statement?.valid).toBe(false);
    expect(run.code).toBe(1);
  });

  it('a statement for a requirement that applies is ignored with a warning', async () => {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    writeFileSync(
      d.manifest,
      `${readFileSync(d.manifest, 'utf8')}statements:\n  IEU 2:\n    justification: "Ceci ne devrait pas compter car l’exigence s’applique bien ici."\n    signatory: { name: A, role: B }\n    signed_on: 2026-01-01\n`,
    );
    const run = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json']);
    const ieu2 = (JSON.parse(run.stdout) as Report).requirements[0]!;
    expect(ieu2.status).toBe('satisfied');
    expect(ieu2.findings).toEqual([expect.objectContaining({ code: 'statement.ignored', severity: 'warning' })]);
    expect(ieu2.findings[0]!.message).toMatch(/patient_access = true, identity_source = "own"/);
  });
});

describe('flows in another character set', () => {
  it('an HL7 creation flow in ISO 8859-1 (MSH-18) is read as HL7, not refused as binary', async () => {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    writeFileSync(path.join(d.dir, 'evidence/ieu8/latin1.hl7'), readFileSync(path.join(process.cwd(), 'fixtures/flows/a28-creation-latin1.hl7')));
    writeFileSync(d.manifest, readFileSync(d.manifest, 'utf8').replace('evidence/ieu8/creation-a28.hl7', 'evidence/ieu8/latin1.hl7'));
    const run = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json']);
    const ieu8 = (JSON.parse(run.stdout) as Report).requirements.find((r) => r.id === 'IEU 8')!;
    const creation = ieu8.slots.find((s) => s.name === 'creation-flow')!;
    expect(creation.files[0]!.kind).toBe('x-application/hl7-v2+er7');
    expect(creation.status).toBe('satisfied');
  });
});


describe('--format/--output pairing', () => {
  it('each --output belongs to the --format before it; a lone --output takes its format from its extension', async () => {
    const { pairOutputs } = await import('../../src/cli/outputs.js');
    const f = (value: string) => ({ kind: 'format' as const, value });
    const o = (value: string) => ({ kind: 'output' as const, value });
    expect(pairOutputs([])).toEqual([{ format: 'text' }]);
    expect(pairOutputs([f('json'), o('r.json'), f('text')])).toEqual([{ format: 'json', output: 'r.json' }, { format: 'text' }]);
    expect(pairOutputs([o('r.sarif'), o('r.xml'), o('r.html'), o('r.md')])).toEqual([
      { format: 'sarif', output: 'r.sarif' },
      { format: 'junit', output: 'r.xml' },
      { format: 'html', output: 'r.html' },
      { format: 'markdown', output: 'r.md' },
    ]);
    expect(() => pairOutputs([f('json'), o('a.json'), f('sarif'), o('a.json')])).toThrow(/a\.json is named by two --output options/);
  });
});
