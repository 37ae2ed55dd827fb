import { cpSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOSSIERS, ROOT, runCli } from '../support/run-cli.js';
import { AS_OF, checkReport, dossier, editReport, expectInputError, listed, readJson, tmp } from './support.js';
import { reseal } from './reseal.js';

/** A scratch folder holding a copy of the complete dossier in `dossier/`. */
function workspace(): string {
  const s = tmp();
  cpSync(path.join(DOSSIERS, 'complete'), path.join(s, 'dossier'), { recursive: true });
  return s;
}

describe('a report written to a file records where its dossier is', () => {
  it('relative to the report file, with the manifest name inside the dossier', async () => {
    const s = workspace();
    await checkReport(s, 'reports/report.json', [], 'dossier/dmn-evidence.yaml');
    await checkReport(s, 'dossier/report.json', [], 'dossier/dmn-evidence.yaml');
    expect(readJson(path.join(s, 'reports/report.json')).manifest).toEqual({ path: 'dossier/dmn-evidence.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), dossier: '../dossier', file: 'dmn-evidence.yaml' });
    expect(readJson(path.join(s, 'dossier/report.json')).manifest).toMatchObject({ dossier: '.', file: 'dmn-evidence.yaml' });
  });

  it('even when the manifest is outside the working folder (the report then names it by its base name)', async () => {
    const s = workspace();
    mkdirSync(path.join(s, 'elsewhere'));
    await checkReport(path.join(s, 'elsewhere'), path.join(s, 'out', 'report.json'), [], path.join(s, 'dossier', 'dmn-evidence.yaml'));
    expect(readJson(path.join(s, 'out/report.json')).manifest).toMatchObject({ path: 'dmn-evidence.yaml', dossier: '../dossier', file: 'dmn-evidence.yaml' });
    // Replayed from a third folder, with a --root that holds both: identical.
    const run = await runCli(['replay', path.join(s, 'out', 'report.json'), '--root', s], { cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\nidentical\n$/);
    expect(run.code).toBe(0);
  });

  it('a report on stdout says nothing of where it lands, and replays as before', async () => {
    const s = workspace();
    const run = await runCli(['check', 'dossier/dmn-evidence.yaml', '--as-of', AS_OF, '--format', 'json'], { cwd: s });
    expect(JSON.parse(run.stdout)).not.toHaveProperty('manifest.dossier');
    writeFileSync(path.join(s, 'report.json'), run.stdout);
    // Next to the folder the check ran in (its manifest path from there), or inside the dossier (its base name).
    writeFileSync(path.join(s, 'dossier', 'copy.json'), run.stdout);
    expect((await runCli(['replay', path.join(s, 'report.json')], { cwd: ROOT })).code).toBe(0);
    expect((await runCli(['replay', path.join(s, 'dossier', 'copy.json')], { cwd: ROOT })).code).toBe(0);
  });
});

describe('replay finds the dossier from the report, wherever it runs', () => {
  it('a dossier moved elsewhere with its report: identical, replayed from another folder', async () => {
    const s = workspace();
    await checkReport(s, 'dossier/report.json', [], 'dossier/dmn-evidence.yaml');
    const moved = path.join(tmp(), 'archive', 'cardiosuivi');
    mkdirSync(path.dirname(moved));
    renameSync(path.join(s, 'dossier'), moved);
    const run = await runCli(['replay', path.join(moved, 'report.json')], { cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/\n {2}11 evidence files re-hashed; 5 requirements re-evaluated\n\nidentical\n$/);
    expect(run.code).toBe(0);
  });

  it('a report beside its dossier (reports/, dossier/): found through --root, whatever the working folder', async () => {
    const s = workspace();
    await checkReport(s, 'reports/report.json', [], 'dossier/dmn-evidence.yaml');
    const moved = path.join(tmp(), 'audit');
    renameSync(s, moved);
    for (const cwd of [ROOT, path.join(moved, 'reports')]) {
      const run = await runCli(['replay', path.join(moved, 'reports', 'report.json'), '--root', moved], { cwd });
      expect(run.stdout).toMatch(/\nidentical\n$/);
      expect(run.code).toBe(0);
    }
  });

  it('a recorded dossier outside the report folder is not read without --root: exit 2, saying where it is', async () => {
    const s = workspace();
    await checkReport(s, 'reports/report.json', [], 'dossier/dmn-evidence.yaml');
    const run = await runCli(['replay', 'reports/report.json'], { cwd: s });
    expectInputError(run, /^dmn-check: error: reports\/report\.json manifest: dossier not found here; give --root DIR\. The report places its dossier at \.\.\/dossier from its own folder, outside the report's folder, where replay does not read: --root must name a folder that holds it\.\n$/);
    const fr = await runCli(['replay', 'reports/report.json', '--lang', 'fr'], { cwd: s });
    expectInputError(fr, /^dmn-check\u00a0: erreur\u00a0: reports\/report\.json manifest\u00a0: dossier introuvable ici ; indiquez --root DOSSIER\. Le rapport situe son dossier en \.\.\/dossier depuis son propre dossier, hors du dossier du rapport, où le rejeu ne lit pas\u00a0: --root doit désigner un dossier qui le contient\.\n$/);
  });

  it('no dossier below the report folder or --root: exit 2 "dossier not found here", not every file listed as gone', async () => {
    const s = workspace();
    await checkReport(s, 'report.json', [], 'dossier/dmn-evidence.yaml');
    const other = tmp();
    renameSync(path.join(s, 'report.json'), path.join(other, 'report.json'));
    expectInputError(
      await runCli(['replay', 'report.json'], { cwd: other }),
      /^dmn-check: error: report\.json manifest: dossier not found here; give --root DIR\. No dossier\/dmn-evidence\.yaml or dmn-evidence\.yaml below the report's folder: --root is the folder the check ran in, or the dossier itself\.\n$/,
    );
    // With a --root that does not hold where the report places its dossier, that is what is said.
    expectInputError(await runCli(['replay', 'report.json', '--root', ROOT, '--lang', 'fr'], { cwd: other }), /manifest\u00a0: dossier introuvable ici ; indiquez --root DOSSIER\. Le rapport situe son dossier en dossier depuis son propre dossier, hors de --root, /);
    // Given the dossier itself, or the folder the check ran in: identical.
    expect((await runCli(['replay', 'report.json', '--root', path.join(s, 'dossier')], { cwd: other })).code).toBe(0);
    expect((await runCli(['replay', 'report.json', '--root', s], { cwd: other })).code).toBe(0);
  });

  it('a recorded location that is not a relative folder and a plain name is refused (exit 2)', async () => {
    const s = workspace();
    const report = await checkReport(s, 'dossier/report.json', [], 'dossier/dmn-evidence.yaml');
    editReport(report, (r) => void (r.manifest.dossier = '/etc'));
    expectInputError(await runCli(['replay', report], { cwd: s }), /names "\/etc", a path that leaves the dossier folder\./);
    editReport(report, (r) => void Object.assign(r.manifest, { dossier: '.', file: '../dmn-evidence.yaml' }));
    expectInputError(await runCli(['replay', report], { cwd: s }), /names "\.\.\/dmn-evidence\.yaml", a path that leaves the dossier folder\./);
    editReport(report, (r) => void delete r.manifest.file);
    expectInputError(await runCli(['replay', report], { cwd: s }), /report\.json:\d+:\d+ manifest: must have property file when property dossier is present/);
  });
});

describe('in a bag', () => {
  it('the report of a bag replays from data/, wherever the bag is; a manifest the bag lacks is a difference (exit 1)', async () => {
    const d = dossier();
    const bag = path.join(tmp(), 'bag');
    expect((await runCli(['pack', '--as-of', AS_OF, '--out', bag], { cwd: d.dir })).code).toBe(0);
    expect(readJson(path.join(bag, 'data/report.json')).manifest).toMatchObject({ path: 'dmn-evidence.yaml', dossier: '.', file: 'dmn-evidence.yaml' });
    expect((await runCli(['replay', bag], { cwd: ROOT })).code).toBe(0);
    // The bag's report altered to name another manifest, and the bag sealed again: verified, then replayed.
    editReport(path.join(bag, 'data/report.json'), (r) => void Object.assign(r.manifest, { path: 'other.yaml', dossier: '.', file: 'other.yaml' }));
    reseal(bag);
    const run = await runCli(['replay', bag], { cwd: ROOT });
    expect(run.code).toBe(1);
    expect(listed(run)[0]).toMatch(/^Manifest other\.yaml is gone \(sha256 was [0-9a-f]{64}\); the dossier cannot be re-evaluated\.$/);
  });
});
