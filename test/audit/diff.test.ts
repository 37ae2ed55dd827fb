import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWorse } from '../../src/audit/report-diff.js';
import type { ReportDiff } from '../../src/audit/report-diff.js';
import { DOSSIERS, runCli } from '../support/run-cli.js';
import { checkReport, dossier, editReport, editText, expectInputError } from './support.js';

/** Two reports of one dossier: before and after `change`. */
async function before(change: (dir: string) => void, extra: string[] = []): Promise<{ dir: string }> {
  const d = dossier();
  await checkReport(d.dir, 'old.json', extra);
  change(d.dir);
  await checkReport(d.dir, 'new.json', extra);
  return d;
}

const deleteLogin = (dir: string): void => rmSync(path.join(dir, 'evidence/ieu7/ins-login.png'));
/** A text file where a screenshot should be: the slot fails. */
const textScreenshot = (dir: string): void => writeFileSync(path.join(dir, 'evidence/ieu7/ins-login.png'), 'not an image, synthetic text\n');

describe('diff', () => {
  it('a requirement newly failing: listed with the findings that say why, exit 1', async () => {
    const d = await before(deleteLogin);
    const run = await runCli(['diff', 'old.json', 'new.json'], { cwd: d.dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'Old: CardioSuivi 4.2.0 · ans-dmn 1.2.2 · as of 2026-11-29 · PASS (old.json)',
        'New: CardioSuivi 4.2.0 · ans-dmn 1.2.2 · as of 2026-11-29 · FAIL (new.json)',
        '',
        'Newly failing (1)',
        "  ✖ IEU 7  satisfied → missing  The matricule INS is supported as the user's identifier",
        '      dmn-evidence.yaml:18:21  File evidence/ieu7/ins-login.png does not exist.',
        '',
        'Worse: 1 requirement got worse.',
        '',
      ].join('\n'),
    );
  });

  it('resolved: exit 0; in French', async () => {
    const d = await before(deleteLogin);
    const run = await runCli(['diff', 'new.json', 'old.json', '--lang', 'fr'], { cwd: d.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Avant\u00a0: CardioSuivi 4\.2\.0 · ans-dmn 1\.2\.2 · au 29 novembre 2026 · NON CONFORME \(new\.json\)\nAprès\u00a0: /);
    expect(run.stdout).toMatch(/\nRésolues \(1\)\n {2}✔ IEU 7 {2}manquante → satisfaite {2}/);
    expect(run.stdout).toMatch(/\nAucune régression \(4 inchangées\)\.\n$/);
  });

  it.each([
    ['missing → failed is worse', deleteLogin, textScreenshot, 1, /Changed \(1\)\n {2}✖ IEU 7 {2}missing → failed/],
    ['failed → missing is better', textScreenshot, deleteLogin, 0, /Changed \(1\)\n {2}~ IEU 7 {2}failed → missing/],
  ])('changed between failing statuses: %s', async (_, first, second, code, pattern) => {
    const d = dossier();
    first(d.dir);
    await checkReport(d.dir, 'old.json');
    copyFileSync(path.join(DOSSIERS, 'complete/evidence/ieu7/ins-login.png'), path.join(d.dir, 'evidence/ieu7/ins-login.png'));
    second(d.dir);
    await checkReport(d.dir, 'new.json');
    const run = await runCli(['diff', 'old.json', 'new.json'], { cwd: d.dir });
    expect(run.code).toBe(code);
    expect(run.stdout).toMatch(pattern);
  });

  it('no change: exit 0', async () => {
    const d = await before(() => undefined);
    const run = await runCli(['diff', 'old.json', 'new.json'], { cwd: d.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n\nNo change: 5 requirements with the same status\.\n$/);
  });

  it('requirements added and removed, across two versions of the ruleset (with a note); --format json', async () => {
    const d = dossier();
    const rules = (version: string): string => {
      const file = path.join(d.dir, `ans-${version}.yaml`);
      writeFileSync(file, `dmn-ruleset: 1\nid: ans-dmn\nversion: ${version}\ntitle: { en: Next, fr: Suivant }\nextends: ans-dmn@1.2.2\n`);
      return file;
    };
    editText(d.manifest, (s) => s.replace('ruleset: ans-dmn@1.2.2\n', ''));
    await checkReport(d.dir, 'old.json', ['--rules', rules('1.2.2-a')]);
    await checkReport(d.dir, 'new.json', ['--rules', rules('1.3.0')]);
    // The newer version drops PORT 1 and adds a requirement that is not met yet.
    editReport(path.join(d.dir, 'new.json'), (r) => {
      r.requirements.pop();
      r.requirements.push({ id: 'PORT 2', title: 'A new requirement', status: 'missing', findings: [{ code: 'slot.missing', severity: 'error', message: 'Nothing given.' }], slots: [], statement: null });
    });
    const text = await runCli(['diff', 'old.json', 'new.json'], { cwd: d.dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/\nnote: different versions of the ruleset \(1\.2\.2-a → 1\.3\.0\); requirements are matched by id\.\n/);
    expect(text.stdout).toMatch(/\nAdded \(1\)\n {2}✖ PORT 2 {2}absent → missing {2}A new requirement\n {6}Nothing given\.\nRemoved \(1\)\n {2}~ PORT 1 {2}satisfied → absent {2}/);
    const json = await runCli(['diff', 'old.json', 'new.json', '--format', 'json'], { cwd: d.dir });
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as ReportDiff;
    expect(out).toMatchObject({ diff: 1, worse: true, unchanged: 4, notes: [{ code: 'ruleset-version', old: '1.2.2-a', new: '1.3.0' }] });
    expect(out.changes.map((c) => [c.id, c.change, c.old, c.new, c.worse])).toEqual([
      ['PORT 2', 'added', null, 'missing', true],
      ['PORT 1', 'removed', 'satisfied', null, false],
    ]);
  });

  it('satisfied ↔ not applicable is a change, not a regression', async () => {
    const d = await before((dir) => {
      editText(path.join(dir, 'dmn-evidence.yaml'), (s) =>
        s
          .replace('identity_source: own', 'identity_source: delegated')
          .replace(
            /\nevidence:\n/,
            "\nstatements:\n  IEU 2:\n    justification: \"Les identités sont créées et modifiées dans la GAP de l'établissement ; le DMN les reçoit.\"\n    signatory: { name: Jeanne Martin, role: Présidente }\n    signed_on: 2026-10-02\nevidence:\n",
          ),
      );
    });
    const run = await runCli(['diff', 'old.json', 'new.json'], { cwd: d.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Changed \(1\)\n {2}~ IEU 2 {2}satisfied → not applicable/);
  });

  it('reports of different rulesets: exit 2', async () => {
    const d = dossier();
    const rules = path.join(d.dir, 'other.yaml');
    writeFileSync(rules, `dmn-ruleset: 1\nid: other-dmn\nversion: 1.0.0\ntitle: { en: Other, fr: Autre }\nextends: ans-dmn@1.2.2\n`);
    await checkReport(d.dir, 'old.json');
    editText(d.manifest, (s) => s.replace('ruleset: ans-dmn@1.2.2\n', ''));
    await checkReport(d.dir, 'new.json', ['--rules', 'other.yaml']);
    expectInputError(
      await runCli(['diff', 'old.json', 'new.json'], { cwd: d.dir }),
      /new\.json ruleset\.id: was made with ruleset "other-dmn", old\.json with "ans-dmn": their requirements cannot be compared\./,
    );
  });

  it('unusable reports: exit 2', async () => {
    const d = await before(() => undefined);
    editReport(path.join(d.dir, 'new.json'), (r) => {
      (r as { report: number }).report = 3;
    });
    expectInputError(await runCli(['diff', 'old.json', 'new.json'], { cwd: d.dir }), /new\.json is a report of format 3; this dmn-check reads format 1/);
    writeFileSync(path.join(d.dir, 'new.json'), 'report: 1\n');
    expectInputError(await runCli(['diff', 'old.json', 'new.json'], { cwd: d.dir }), /new\.json:1:1 is not JSON/);
    expectInputError(await runCli(['diff', 'old.json', 'missing.json'], { cwd: d.dir }), /missing\.json file not found/);
  });
});

describe('isWorse', () => {
  it.each([
    ['satisfied', 'missing', true],
    ['not_applicable', 'error', true],
    ['missing', 'failed', true],
    ['failed', 'error', true],
    ['error', 'failed', false],
    ['failed', 'missing', false],
    ['missing', 'satisfied', false],
    ['satisfied', 'not_applicable', false],
    ['not_applicable', 'satisfied', false],
    [null, 'failed', true],
    [null, 'satisfied', false],
    ['failed', null, false],
  ] as const)('%s → %s: %s', (old, now, worse) => {
    expect(isWorse(old, now)).toBe(worse);
  });
});
