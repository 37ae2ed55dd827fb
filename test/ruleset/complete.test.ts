import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledRulesetFile, DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/load.js';
import { factsByProfile } from '../../src/cli/init-command.js';
import { runCli, scratch } from '../support/run-cli.js';

interface GridRow {
  row: number;
  profile: string;
  section_id: string;
  requirement_id: string;
  scenario_id: string;
  conditional: boolean;
  proofs: string[];
}
const grid = (JSON.parse(readFileSync(new URL('./ans-dmn-grid-v1.2.2.structure.json', import.meta.url), 'utf8')) as { rows: GridRow[] }).rows;
const complete = loadRuleset(bundledRulesetFile('ans-dmn-complete@1.2.2'));
const five = loadRuleset(DEFAULT_RULESET);

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('ans-dmn-complete@1.2.2 against the grid', () => {
  it('the grid extract has the counts GRID.md gives (81 requirements, 103 scenarios, 116 proofs)', () => {
    expect(new Set(grid.map((r) => r.requirement_id)).size).toBe(81);
    expect(grid).toHaveLength(103);
    expect(grid.flatMap((r) => r.proofs)).toHaveLength(116);
    expect(grid.map((r) => r.row)).toEqual(grid.map((_, i) => i + 1));
  });

  it('holds the 81 requirement ids in grid order', () => {
    expect(complete.requirements.map((r) => r.id)).toEqual([...new Set(grid.map((r) => r.requirement_id))]);
  });

  it('holds the 103 scenario ids and the 116 proof ids in grid order', () => {
    const scenarios = complete.requirements.flatMap((r) => r.scenarios);
    expect(scenarios.map((s) => s.id)).toEqual(grid.map((r) => r.scenario_id));
    expect(scenarios.map((s) => s.proofs.map((p) => p.id))).toEqual(grid.map((r) => r.proofs));
  });

  it('gives every scenario the profile of its grid row, on the scenario where the requirement spans several', () => {
    const scenarios = complete.requirements.flatMap((r) => r.scenarios.map((s) => ({ s, r })));
    scenarios.forEach(({ s, r }, i) => expect(`${s.id}: ${s.profile ?? r.profile}`).toBe(`${grid[i]!.scenario_id}: ${grid[i]!.profile}`));
    const ins1 = complete.requirements.find((r) => r.id === 'INS 1')!;
    expect(ins1.profiles).toEqual(['Général', "Référentiel d'identités"]);
    const ins39 = complete.requirements.find((r) => r.id === 'INS 39')!;
    expect(ins39.profile).toBeUndefined();
    expect(ins39.scenarios.map((s) => s.profile)).toEqual(['Référentiel d\'identités en Etablissement de Santé', "Référentiel d'identités hors Etablissement de Santé"]);
    expect(ins39.scenarios[0]!.statement!.en).toMatch(/CPx card or an IGC-Santé organisation software certificate/);
    expect(ins39.scenarios[1]!.statement!.en).not.toMatch(/certificate/);
  });

  it('maps every section to the grid\'s section id', () => {
    const byId = new Map(complete.sections.map((s) => [s.id, s] as const));
    for (const row of grid) {
      const req = complete.requirements.find((r) => r.id === row.requirement_id)!;
      expect(`${row.requirement_id}: ${byId.get(req.section)?.gridId}`).toBe(`${row.requirement_id}: ${row.section_id}`);
    }
  });

  it('has a slot for every official proof, and every slot names proofs of its requirement', () => {
    for (const r of complete.requirements) {
      const proofs = r.scenarios.flatMap((s) => s.proofs.map((p) => p.id));
      const carried = new Set(r.slots.flatMap((s) => s.proofs ?? []));
      expect(`${r.id}: ${proofs.filter((p) => !carried.has(p)).join(', ')}`).toBe(`${r.id}: `);
    }
  });

  it('every slot that only takes screenshots or videos says what the reviewer looks for', () => {
    for (const r of complete.requirements) {
      for (const s of r.slots) {
        const shown = s.accepts.includes('screenshot') || s.accepts.includes('video') || /screenshot|video/i.test(s.expects.en);
        if (shown && s.checks.length === 0) expect(`${r.id}/${s.name}: ${s.looksFor?.en ? 'says' : 'silent'}`).toBe(`${r.id}/${s.name}: says`);
      }
    }
  });

  it('keeps ONE definition of the five judged requirements: the very objects of ans-dmn@1.2.2', () => {
    for (const id of ['IEU 2', 'IEU 7', 'IEU 8', 'IEU 9', 'PORT 1']) {
      const mine = complete.requirements.find((r) => r.id === id)!;
      const base = five.requirements.find((r) => r.id === id)!;
      expect(mine).toStrictEqual(base);
    }
    const text = readFileSync(bundledRulesetFile('ans-dmn-complete@1.2.2'), 'utf8');
    expect(text).not.toMatch(/check: ins-creation-flow|check: export-sample/);
  });

  it('every requirement the grid marks conditional can be not applicable', () => {
    const conditional = new Set(grid.filter((r) => r.conditional).map((r) => r.requirement_id));
    for (const id of conditional) {
      const r = complete.requirements.find((x) => x.id === id)!;
      // INS 1 is conditional only on its scenario 1.4 (a slot required under a condition).
      if (id === 'INS 1') continue;
      expect(`${id}: ${r.notApplicableWhen.length > 0}`).toBe(`${id}: true`);
    }
  });

  it('declares the facts of GRID.md §5.2, each with a French and an English question, and every fact decides something', () => {
    const names = complete.facts.map((f) => f.name);
    for (const f of ['patient_access', 'professional_access', 'identity_source', 'ins_applicable', 'calls_insi', 'used_in_health_establishment', 'used_outside_health_establishment', 'collects_billing_nir', 'auto_validation_on_high_trust_document', 'identity_attributes_doubtful_fictitious', 'paper_output', 'ins_in_other_barcode', 'receives_identity_flows', 'shares_health_data', 'stores_id_document_copies', 'uses_apcv', 'patient_password_factor', 'patient_contact_in_auth', 'pro_password_factor', 'pro_contact_in_auth', 'pro_auth_psc_only', 'annuaire_mode', 'has_correspondents']) {
      expect(names).toContain(f);
    }
    for (const f of complete.facts) expect(f.question.fr).not.toBe(f.question.en);
    const groups = factsByProfile(complete);
    expect(groups.has(undefined)).toBe(false);
    expect(groups.get('Accès Professionnel')!.map((f) => f.name)).toContain('professional_access');
    expect(groups.get('Accès Usager')!.map((f) => f.name)).toContain('patient_access');
  });

  it('the default ruleset is still the five requirements', () => {
    expect(five.id).toBe('ans-dmn');
    expect(five.requirements).toHaveLength(5);
  });
});

describe('inherit', () => {
  const L = (t: string): string => `{ en: "${t}", fr: "${t}" }`;
  const req = (id: string): string => `  - id: ${id}\n    section: ABC\n    title: ${L(id)}\n    statement: ${L(id)}\n`;
  const head = (ext: string): string => `dmn-ruleset: 1\nid: child\nversion: "1"\ntitle: ${L('c')}\n${ext}`;

  it('places the base definition where the entry stands', () => {
    const s = scratch();
    cleanups.push(s.done);
    writeFileSync(path.join(s.dir, 'base.yaml'), `dmn-ruleset: 1\nid: base\nversion: "1"\ntitle: ${L('b')}\nrequirements:\n${req('ABC 1')}${req('ABC 2')}`);
    writeFileSync(path.join(s.dir, 'child.yaml'), `${head('extends: ./base.yaml\n')}requirements:\n${req('ABC 0')}  - { id: ABC 2, inherit: true }\n${req('ABC 3')}  - { id: ABC 1, inherit: true }\n`);
    expect(loadRuleset(path.join(s.dir, 'child.yaml')).requirements.map((r) => r.id)).toEqual(['ABC 0', 'ABC 2', 'ABC 3', 'ABC 1']);
  });

  it('an inherit without a base, or of an id the base lacks, is an error at its line', async () => {
    const s = scratch();
    cleanups.push(s.done);
    writeFileSync(path.join(s.dir, 'a.yaml'), `${head('')}requirements:\n  - { id: ABC 1, inherit: true }\n`);
    let run = await runCli(['rules', 'lint', 'a.yaml'], { cwd: s.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a\.yaml:6:\d+ requirements\[0\]\.inherit: `inherit` needs a base ruleset \(`extends`\)\./);
    writeFileSync(path.join(s.dir, 'b.yaml'), `${head('extends: ans-dmn@1.2.2\n')}requirements:\n  - { id: IEU 22, inherit: true }\n`);
    run = await runCli(['rules', 'lint', 'b.yaml'], { cwd: s.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/b\.yaml:7:\d+ requirements\[0\]\.inherit: the base ruleset ans-dmn@1\.2\.2 has no requirement "IEU 22"\. Did you mean "IEU 2"\?/);
  });

  it('an undeclared section, a slot naming a foreign proof and a scenario condition on an unknown fact are reported', async () => {
    const s = scratch();
    cleanups.push(s.done);
    writeFileSync(
      path.join(s.dir, 'a.yaml'),
      `${head('')}sections:\n  ABC: { title: ${L('abc')} }\nrequirements:\n  - id: ABD 1\n    section: ABD\n    title: ${L('x')}\n    statement: ${L('x')}\n    scenarios:\n      - id: ABD 1.1\n        title: ${L('s')}\n        applies_when: { fact: nope, is: true }\n        proofs: [{ id: ABD 1.1.1, text: ${L('p')} }]\n    slots:\n      - { name: demo, title: ${L('d')}, expects: ${L('d')}, accepts: [screenshot], proofs: [ABD 1.1.2] }\n`,
    );
    const run = await runCli(['rules', 'lint', 'a.yaml'], { cwd: s.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/requirements\[0\]\.section: undeclared section "ABD"\. Did you mean "ABC"\?/);
    expect(run.stderr).toMatch(/requirements\[0\]\.scenarios\[0\]\.applies_when\.fact: condition on undeclared fact "nope"/);
    expect(run.stderr).toMatch(/requirements\[0\]\.slots\[0\]\.proofs\[0\]: "ABD 1\.1\.2" is not a proof of requirement "ABD 1"\. Did you mean "ABD 1\.1\.1"\?/);
  });
});

describe('the CLI at 81 requirements', () => {
  it('rules lint is clean', async () => {
    const run = await runCli(['rules', 'lint', 'rules/ans-dmn-complete-1.2.2.yaml']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/valid — ans-dmn-complete 1\.2\.2, 81 requirements, \d+ slots, 25 facts\./);
  });

  it('rules list --rules ans-dmn-complete@1.2.2 lists the 81 ids in grid order', async () => {
    const run = await runCli(['rules', 'list', '--rules', 'ans-dmn-complete@1.2.2']);
    expect(run.code).toBe(0);
    const ids = run.stdout.split('\n').flatMap((l) => /^((?:INS|PSC|ANN|PORT|ApCV|IEPS|IEU|ADM|RGPD) \d+) /.exec(l)?.[1] ?? []);
    expect(ids).toEqual([...new Set(grid.map((r) => r.requirement_id))]);
  });

  it('rules list filters by section (own id or grid id) and by profile, loosely', async () => {
    const ids = async (...args: string[]): Promise<string[]> => {
      const run = await runCli(['rules', 'list', '--rules', 'ans-dmn-complete@1.2.2', ...args]);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout.split('\n').flatMap((l) => /^([A-Za-z]+ \d+) /.exec(l)?.[1] ?? []);
    };
    expect(await ids('--section', 'psc')).toEqual(['PSC 1', 'PSC 2', 'PSC 3', 'PSC 4', 'PSC 5', 'PSC 6']);
    expect((await ids('--section', 'PGSSI-S')).length).toBe(21);
    expect(await ids('--profile', 'acces usager - apcv')).toEqual(['ApCV 1']);
    expect(await ids('--profile', "Référentiel d'identités hors Etablissement de Santé")).toEqual(['INS 39']);
    const ref = await ids('--profile', "référentiel d'identités");
    expect(ref).toHaveLength(31);
    expect(ref[0]).toBe('INS 1');
    expect(await ids('--section', 'INS', '--profile', 'Général')).toEqual(['INS 1', 'INS 2', 'INS 3', 'INS 5', 'INS 7', 'INS 8', 'INS 9', 'INS 10', 'INS 41', 'INS 42', 'INS 43', 'INS 44', 'INS 45']);
  });

  it('an unknown section or profile is a usage error with a suggestion', async () => {
    const run = await runCli(['rules', 'list', '--rules', 'ans-dmn-complete@1.2.2', '--profile', 'Acces Profesionnel']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--profile: "Acces Profesionnel" is not one of this ruleset's values\. Did you mean "Accès Professionnel"\?/);
  });

  it('explain "INS 39" shows both scenarios with their profile, condition and statement', async () => {
    const run = await runCli(['explain', 'INS 39', '--rules', 'ans-dmn-complete@1.2.2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/profiles « Référentiel d'identités en Etablissement de Santé », « Référentiel d'identités hors Etablissement de Santé »/);
    expect(run.stdout).toMatch(/INS 39\.1 — In a health establishment[^\n]*\n {4}profile: « Référentiel d'identités en Etablissement de Santé »\n {4}applies when: used_in_health_establishment = true\n {4}statement for this scenario: A system that calls INSi in a health establishment/);
    expect(run.stdout).toMatch(/INS 39\.2 — Outside a health establishment[^\n]*\n {4}profile: « Référentiel d'identités hors Etablissement de Santé »\n {4}applies when: used_outside_health_establishment = true\n {4}statement for this scenario: A system that calls INSi outside a health establishment authenticates with a CPx card/);
    expect(run.stdout).toMatch(/INS 39\.2\.1: A PDF or scan of the CNDA authorisation/);
  });

  it('explain says what the reviewer looks for in a screenshot-only slot', async () => {
    const run = await runCli(['explain', 'IEPS 12', '--rules', 'ans-dmn-complete@1.2.2', '--lang', 'fr']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ {2}demo \(obligatoire\)\n {4}Captures d’écran [^\n]*\n {4}accepte\u00a0: [^\n]*\n {4}l’examinateur recherche\u00a0: La déconnexion du compte\.\n {4}preuves\u00a0: IEPS 12\.1\.1/);
  });

  it('init writes the questions grouped by profile, and the manifest it writes loads', async () => {
    const s = scratch();
    cleanups.push(s.done);
    const run = await runCli(['init', '--rules', 'ans-dmn-complete@1.2.2', '--lang', 'fr'], { cwd: s.dir });
    expect(run.code).toBe(0);
    const text = readFileSync(path.join(s.dir, 'dmn-evidence.yaml'), 'utf8');
    expect(text).toMatch(/ruleset: ans-dmn-complete@1\.2\.2/);
    const heads = [...text.matchAll(/^ {2}# ── Profil « (.+) » ──$/gm)].map((m) => m[1]);
    expect(heads).toEqual(['Général', "Référentiel d'identités", "Référentiel d'identités en Etablissement de Santé", "Référentiel d'identités hors Etablissement de Santé", "Stockage de copies de titres d'identités", 'Accès Professionnel', 'Accès Usager - ApCV', 'Accès Usager']);
    expect(text).toMatch(/# ── Profil « Accès Professionnel » ──\n {2}# Des professionnels \(PS et autres acteurs ASPP\) se connectent-ils au DMN \?/);
    const check = await runCli(['check', '--rules', 'ans-dmn-complete@1.2.2'], { cwd: s.dir });
    expect(check.code, check.stderr).toBe(1);
  });

  it('a manifest with the complete ruleset\'s facts checked against the five-requirement ruleset gets "did you mean"', async () => {
    const s = scratch();
    cleanups.push(s.done);
    writeFileSync(path.join(s.dir, 'dmn-evidence.yaml'), 'dmn-evidence: 1\nproduct: { name: X, version: "1", manufacturer: Y }\nfacts:\n  patient_access: true\n  professional_access: true\n');
    const run = await runCli(['check'], { cwd: s.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dmn-evidence\.yaml:5:3 facts\.professional_access: unknown fact\. It is a fact of ans-dmn-complete@1\.2\.2: did you mean `--rules ans-dmn-complete@1\.2\.2`\?/);
  });

  it('a manifest written for the complete ruleset, checked without --rules, is told which --rules to pass', async () => {
    const s = scratch();
    cleanups.push(s.done);
    writeFileSync(path.join(s.dir, 'dmn-evidence.yaml'), 'dmn-evidence: 1\nproduct: { name: X, version: "1", manufacturer: Y }\nruleset: ans-dmn-complete@1.2.2\n');
    const run = await runCli(['check'], { cwd: s.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ruleset: was written for "ans-dmn-complete@1\.2\.2".*Did you mean `--rules ans-dmn-complete@1\.2\.2`\?/s);
  });
});
