import { appendFileSync, copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOSSIERS, ROOT, runCli } from '../support/run-cli.js';
import { checkReport, dossier, editReport, editText, expectInputError, listed, readJson, shaOf, tmp } from './support.js';

describe('replay: identical', () => {
  it('says "identical" and exits 0 when nothing changed', async () => {
    const d = dossier();
    await checkReport(d.dir);
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Replay of report\.json\n {2}CardioSuivi 4\.2\.0 — Exemple Santé SAS\n {2}ruleset ans-dmn 1\.2\.2 \(rules\/ans-dmn-1\.2\.2\.yaml, sha256 [0-9a-f]{64}\)\n/);
    expect(run.stdout).toMatch(/\n {2}11 evidence files re-hashed; 5 requirements re-evaluated\n\nidentical\n$/);
  });

  it('in French: "identique"', async () => {
    const d = dossier('delegated-identity');
    await checkReport(d.dir, 'r.json', ['--lang', 'fr']);
    const run = await runCli(['replay', 'r.json', '--lang', 'fr'], { cwd: d.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Rejeu de r\.json\n/);
    expect(run.stdout).toMatch(/\nRésultat\u00a0: identique au rapport\n$/);
  });

  it('evaluates again in the report language and timestamp, whatever the environment says', async () => {
    const d = dossier();
    await checkReport(d.dir, 'report.json', ['--lang', 'fr']);
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir, env: { LANG: 'en_US.UTF-8', SOURCE_DATE_EPOCH: '1800000000' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nidentical\n$/);
  });

  it("resolves the report's paths against the report's folder, wherever replay runs, or against --root", async () => {
    const s = tmp();
    cpSync(path.join(DOSSIERS, 'complete'), path.join(s, 'dossier'), { recursive: true });
    await checkReport(s, 'report.json', [], 'dossier/dmn-evidence.yaml');
    expect(readJson(path.join(s, 'report.json')).manifest.path).toBe('dossier/dmn-evidence.yaml');
    const fromElsewhere = await runCli(['replay', path.join(s, 'report.json')], { cwd: ROOT });
    expect(fromElsewhere.code).toBe(0);
    const withRoot = await runCli(['replay', path.join(s, 'report.json'), '--root', s], { cwd: ROOT });
    expect(withRoot.code).toBe(0);
    // A --root that holds neither the dossier nor the folder the check ran in: said, not listed as gone.
    expectInputError(await runCli(['replay', path.join(s, 'report.json'), '--root', ROOT], { cwd: s }), /manifest: dossier not found here; give --root DIR\./);
  });

  it('--format json gives the outcome as data', async () => {
    const d = dossier();
    await checkReport(d.dir);
    rmSync(path.join(d.dir, 'evidence/ieu7/ins-login.png'));
    const run = await runCli(['replay', 'report.json', '--format', 'json'], { cwd: d.dir });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { identical: boolean; filesChecked: number; differences: { code: string; message: string; params: Record<string, unknown> }[] };
    expect(out.identical).toBe(false);
    expect(out.filesChecked).toBe(11);
    expect(out.differences[0]).toEqual({
      code: 'replay.file-gone',
      message: expect.stringMatching(/^evidence\/ieu7\/ins-login\.png is gone/),
      params: { file: 'evidence/ieu7/ins-login.png', old: shaOf(path.join(DOSSIERS, 'complete/evidence/ieu7/ins-login.png')) },
    });
  });
});

describe('replay in another language (FRENCH.md 32)', () => {
  it('words the findings that changed in --lang, whatever the language of the report', async () => {
    const d = dossier();
    await checkReport(d.dir);
    rmSync(path.join(d.dir, 'evidence/ieu7/ins-login.png'));
    const run = await runCli(['replay', 'report.json', '--lang', 'fr'], { cwd: d.dir });
    expect(run.code).toBe(1);
    expect(listed(run)).toContain('IEU 7\u00a0: nouveau constat file.missing (dmn-evidence.yaml:18:21)\u00a0: Le fichier evidence/ieu7/ins-login.png n’existe pas.');
    expect(run.stdout).not.toMatch(/does not exist/);
    expect(run.stdout).toMatch(/ · au 29 novembre 2026 · /);
  });

  it('compares findings by code, parameters and place, not by their words', async () => {
    const d = dossier('not-systematic-2fa');
    const file = await checkReport(d.dir);
    // As a version of dmn-check that worded its messages otherwise would have written them.
    editReport(file, (r) => {
      for (const q of r.requirements) for (const f of q.findings) Object.assign(f, { message: `(old words) ${f.message}` });
    });
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.stdout).toMatch(/\nidentical\n$/);
    expect(run.code).toBe(0);
  });
});

describe('replay: each kind of tampering is listed, exit 1', () => {
  it('an evidence file edited: old and new hash', async () => {
    const d = dossier();
    await checkReport(d.dir);
    const file = path.join(d.dir, 'evidence/port1/export-documentation.md');
    const old = shaOf(file);
    appendFileSync(file, '\nOne more synthetic line.\n');
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.code).toBe(1);
    expect(listed(run)).toEqual([`evidence/port1/export-documentation.md changed: sha256 was ${old}, now ${shaOf(file)}.`]);
    expect(run.stdout).toMatch(/\ndiffers \(1 difference\)\n$/);
  });

  it('an evidence file deleted: gone, and the statuses and findings that follow', async () => {
    const d = dossier();
    await checkReport(d.dir);
    const old = shaOf(path.join(d.dir, 'evidence/ieu7/ins-login.png'));
    rmSync(path.join(d.dir, 'evidence/ieu7/ins-login.png'));
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.code).toBe(1);
    expect(listed(run)).toEqual([
      `evidence/ieu7/ins-login.png is gone (sha256 was ${old}).`,
      'IEU 7: status was satisfied, now missing.',
      'IEU 7 / ins-login-demo: status was satisfied, now missing.',
      'IEU 7: new finding file.missing (dmn-evidence.yaml:18:21): File evidence/ieu7/ins-login.png does not exist.',
      'Verdict was pass, now fail.',
    ]);
  });

  it('the manifest edited: its hash, then what the edit changed', async () => {
    const d = dossier();
    await checkReport(d.dir);
    const old = shaOf(d.manifest);
    editText(d.manifest, (s) => s.replace('two_factor_activation: systematic', 'two_factor_activation: not_systematic'));
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.code).toBe(1);
    const lines = listed(run);
    expect(lines[0]).toBe(`Manifest dmn-evidence.yaml changed: sha256 was ${old}, now ${shaOf(d.manifest)}.`);
    expect(lines).toContain('IEU 9: status was satisfied, now missing.');
    expect(lines).toContain('/facts/two_factor_activation: was "systematic", now "not_systematic".');
  });

  it('the manifest edited to drop a file: the file is no longer evaluated', async () => {
    const d = dossier();
    await checkReport(d.dir);
    editText(d.manifest, (s) => s.replace('[evidence/ieu9/two-factor-1.png, evidence/ieu9/two-factor-2.png]', 'evidence/ieu9/two-factor-1.png'));
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.code).toBe(1);
    expect(listed(run).slice(1)).toEqual([expect.stringMatching(/^evidence\/ieu9\/two-factor-2\.png is in the report but no longer evaluated/)]);
  });

  it('the manifest edited to name a new file: the file is listed as new, with its hash', async () => {
    const d = dossier();
    await checkReport(d.dir);
    copyFileSync(path.join(d.dir, 'evidence/ieu2/identity-change-1.png'), path.join(d.dir, 'evidence/ieu2/identity-change-3.png'));
    editText(d.manifest, (s) => s.replace('evidence/ieu2/identity-change-2.png]', 'evidence/ieu2/identity-change-2.png, evidence/ieu2/identity-change-3.png]'));
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.code).toBe(1);
    expect(listed(run).slice(1)).toEqual([
      `evidence/ieu2/identity-change-3.png is new: the manifest names it now (sha256 ${shaOf(path.join(d.dir, 'evidence/ieu2/identity-change-3.png'))}).`,
    ]);
  });

  it('the manifest made invalid: it no longer loads', async () => {
    const d = dossier();
    await checkReport(d.dir);
    editText(d.manifest, (s) => s.replace('patient_access: true', 'patient_acess: true'));
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.code).toBe(1);
    expect(listed(run)[1]).toMatch(/^Manifest dmn-evidence\.yaml no longer loads: dmn-evidence\.yaml:\d+:\d+ facts\.patient_acess: unknown fact\./);
  });

  it('a statement document edited', async () => {
    const d = dossier('delegated-identity');
    await checkReport(d.dir);
    const doc = path.join(d.dir, 'statements/statement-signed.pdf');
    const old = shaOf(doc);
    appendFileSync(doc, '%synthetic trailer\n');
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.code).toBe(1);
    expect(listed(run)).toEqual([`statements/statement-signed.pdf changed: sha256 was ${old}, now ${shaOf(doc)}.`]);
  });

  it.each([
    [
      'a requirement status',
      (r: Parameters<Parameters<typeof editReport>[1]>[0]) => {
        r.requirements[1]!.status = 'failed';
      },
      ['IEU 7: status was failed, now satisfied.'],
    ],
    [
      'a slot status and the summary',
      (r: Parameters<Parameters<typeof editReport>[1]>[0]) => {
        r.requirements[0]!.slots[0]!.status = 'missing';
        r.summary.satisfied = 4;
        r.summary.missing = 1;
      },
      ['IEU 2 / identity-change-demo: status was missing, now satisfied.', '/summary/satisfied: was 4, now 5.', '/summary/missing: was 1, now 0.'],
    ],
    [
      'the verdict',
      (r: Parameters<Parameters<typeof editReport>[1]>[0]) => {
        r.verdict = 'fail';
      },
      ['Verdict was fail, now pass.'],
    ],
    [
      'a file hash',
      (r: Parameters<Parameters<typeof editReport>[1]>[0]) => {
        r.requirements[4]!.slots[1]!.files[0]!.sha256 = '0'.repeat(64);
      },
      [expect.stringMatching(new RegExp(`^evidence/port1/export\\.json changed: sha256 was ${'0'.repeat(64)}, now [0-9a-f]{64}\\.$`))],
    ],
    [
      'a finding removed, a title and a fact',
      (r: Parameters<Parameters<typeof editReport>[1]>[0]) => {
        r.requirements[2]!.title = 'Something else';
        r.facts.two_factor_activation = 'not_systematic';
        r.requirements[2]!.findings.push({ code: 'file.kind', severity: 'error', message: 'Invented.', slot: 'creation-flow' });
      },
      [
        'IEU 8: finding file.kind is no longer given: Invented.',
        '/facts/two_factor_activation: was "not_systematic", now "systematic".',
        '/requirements/IEU 8/title: was "Something else", now "The user\'s INS is looked up when identification yields only a private identifier".',
      ],
    ],
    [
      'an added key',
      (r: Parameters<Parameters<typeof editReport>[1]>[0]) => {
        r.approvedBy = 'someone';
      },
      ['/approvedBy: was "someone", now (absent).'],
    ],
  ])('a report edited by hand: %s', async (_, tamper, expected) => {
    const d = dossier();
    await checkReport(d.dir);
    editReport(path.join(d.dir, 'report.json'), tamper);
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(listed(run)).toEqual(expected);
  });
});

describe('replay: unusable input, exit 2', () => {
  it("the report's ruleset hash edited: no ruleset has it, both hashes named", async () => {
    const d = dossier();
    const report = await checkReport(d.dir);
    const real = readJson(report).ruleset.sha256;
    editReport(report, (r) => {
      r.ruleset.sha256 = 'f'.repeat(64);
    });
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expectInputError(run, new RegExp(`report\\.json ruleset\\.sha256: was made with ruleset ans-dmn 1\\.2\\.2 of sha256 ${'f'.repeat(64)}; no bundled ruleset has that hash: (.*; )?rules/ans-dmn-1\\.2\\.2\\.yaml \\(ans-dmn 1\\.2\\.2, sha256 ${real}\\)[;.] .*Pass the ruleset file`));
  });

  it('another ruleset given with --rules is refused, naming both hashes', async () => {
    const d = dossier();
    const report = await checkReport(d.dir);
    const rules = path.join(d.dir, 'other.yaml');
    writeFileSync(rules, `dmn-ruleset: 1\nid: ans-dmn\nversion: 1.2.2\ntitle: { en: Variant, fr: Variante }\nextends: ans-dmn@1.2.2\n`);
    const run = await runCli(['replay', 'report.json', '--rules', 'other.yaml'], { cwd: d.dir });
    expectInputError(run, new RegExp(`was made with ruleset ans-dmn 1\\.2\\.2 of sha256 ${readJson(report).ruleset.sha256}, but other\\.yaml \\(ans-dmn 1\\.2\\.2\\) has sha256 [0-9a-f]{64}\\.`));
  });

  it('a report made with a ruleset file replays with that file', async () => {
    const d = dossier();
    const rules = path.join(d.dir, 'custom.yaml');
    writeFileSync(rules, `dmn-ruleset: 1\nid: custom-dmn\nversion: 0.1.0\ntitle: { en: Custom, fr: Personnalisé }\nextends: ans-dmn@1.2.2\n`);
    editText(d.manifest, (s) => s.replace('ruleset: ans-dmn@1.2.2\n', ''));
    await checkReport(d.dir, 'report.json', ['--rules', 'custom.yaml']);
    expect((await runCli(['replay', 'report.json', '--rules', 'custom.yaml'], { cwd: d.dir })).code).toBe(0);
    expectInputError(await runCli(['replay', 'report.json'], { cwd: d.dir }), /no bundled ruleset has that hash/);
  });

  it('a report of a newer format', async () => {
    const d = dossier();
    await checkReport(d.dir);
    editReport(path.join(d.dir, 'report.json'), (r) => {
      (r as { report: number }).report = 2;
    });
    expectInputError(
      await runCli(['replay', 'report.json'], { cwd: d.dir }),
      /report\.json is a report of format 2; this dmn-check reads format 1\. Replay it with the dmn-check version that wrote it/,
    );
  });

  it('not JSON, with the place of the syntax error', async () => {
    const d = dossier();
    writeFileSync(path.join(d.dir, 'report.json'), '{\n  "report": 1,\n  "tool": oops\n}\n');
    expectInputError(await runCli(['replay', 'report.json'], { cwd: d.dir }), /^dmn-check: error: report\.json:3:11 is not JSON \(unexpected character\)\. Give the JSON report/);
    writeFileSync(path.join(d.dir, 'list.json'), '[1, 2]\n');
    expectInputError(await runCli(['replay', 'list.json'], { cwd: d.dir }), /list\.json is not a dmn-check JSON report/);
  });

  it('a report altered beyond its shape, with positions', async () => {
    const d = dossier();
    await checkReport(d.dir);
    editReport(path.join(d.dir, 'report.json'), (r) => {
      (r.requirements[3] as unknown as Record<string, unknown>).status = 'great';
      delete (r as Partial<typeof r>).asOf;
    });
    const run = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expectInputError(run, /report\.json:1:1 missing required key "asOf"\./);
    expect(run.stderr).toMatch(/report\.json:\d+:\d+ requirements\[3\]\.status: must be one of "satisfied", "not_applicable", "missing", "failed", "error"\. The report was altered/);
  });

  it('a report whose paths leave the dossier', async () => {
    const d = dossier();
    await checkReport(d.dir);
    editReport(path.join(d.dir, 'report.json'), (r) => {
      r.requirements[1]!.slots[0]!.files[0]!.path = '../../etc/hostname';
    });
    expectInputError(await runCli(['replay', 'report.json'], { cwd: d.dir }), /report\.json names "\.\.\/\.\.\/etc\/hostname", a path that leaves the dossier folder\./);
    editReport(path.join(d.dir, 'report.json'), (r) => {
      r.manifest.path = '/etc/hostname';
    });
    expectInputError(await runCli(['replay', 'report.json'], { cwd: d.dir }), /names "\/etc\/hostname", a path that leaves/);
  });

  it('a missing report, a folder that is not a bag, --root with a bag', async () => {
    const d = dossier();
    expectInputError(await runCli(['replay', 'nope.json'], { cwd: d.dir }), /nope\.json file not found\./);
    expectInputError(await runCli(['replay', 'evidence'], { cwd: d.dir }), /evidence is neither a JSON report nor a BagIt bag/);
    mkdirSync(path.join(d.dir, 'bag'));
    writeFileSync(path.join(d.dir, 'bag', 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expectInputError(await runCli(['replay', 'bag', '--root', '.'], { cwd: d.dir }), /--root: does not apply to a bag/);
  });

  it('an unknown --format', async () => {
    const run = await runCli(['replay', 'report.json', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are text, json/);
  });
});
