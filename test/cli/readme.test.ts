import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { findingCodesTable } from '../support/finding-codes.js';
import { README_URL } from '../../src/formatters/help-links.js';
import ExcelJS from 'exceljs';
import { cellText } from '../../src/formatters/xlsx/grid-template.js';
import { ROOT, runCli, scratch } from '../support/run-cli.js';
import { expectReadmeFenced, expectReadmeTable } from '../support/readme-block.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README shows real output: these checks fail as soon as it drifts from what the tool says. */
describe('README', () => {
  it('starts with the two-line set-up', () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1];
    expect(first).toBe('npm ci && npm start\nnpm test\n');
  });

  it.each([
    ['npm start', ['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color'], {}],
    ['a failing dossier', ['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color'], {}],
    ['a screenshot that shows no second factor', ['check', 'fixtures/dossiers/two-factor-not-shown/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color', '-q'], {}],
    ['French', ['check', 'fixtures/dossiers/renamed-text-screenshot/dmn-evidence.yaml', '--as-of', '2026-11-29', '--no-color', '--lang', 'fr', '-q'], {}],
    ['the checks', ['rules', 'list', '--checks'], {}],
    ['the whole grid', ['check', 'fixtures/dossiers/telemonitoring-complete/dmn-evidence.yaml', '--rules', 'ans-dmn-complete@1.2.2', '--as-of', '2026-11-29', '--no-color'], {}],
    ['GitHub annotations', ['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'github'], {}],
  ])('shows the real output of %s', async (_, args, env) => {
    // The README shows what users get: the screens are read (OCR).
    const run = await runCli(args, { env: env, read: true });
    expectReadmeFenced('```text', run.stdout);
  }, 180_000);

  it('shows the real GitLab Code Quality report', async () => {
    const run = await runCli(['check', 'fixtures/dossiers/not-systematic-2fa/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'gitlab']);
    expectReadmeFenced('```json', run.stdout);
  });

  it('shows the real annotation of an input error', async () => {
    const { scratch } = await import('../support/run-cli.js');
    const s = scratch();
    try {
      writeFileSync(path.join(s.dir, 'dmn-evidence.yaml'), 'dmn-evidence: 1\nproduct: { name: X, version: "1", manufacturer: Y }\nfatcs:\n  patient_access: true\n');
      const run = await runCli(['check', '-f', 'github'], { cwd: s.dir });
      expect(readme).toContain(`\`${run.stdout.trim()}\``);
    } finally {
      s.done();
    }
  });

  it('shows a real row of the filled grid and the real refusal of a template in another layout', async () => {
    const s = scratch();
    try {
      const out = path.join(s.dir, 'grille-dmn.xlsx');
      const run = await runCli(['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '--lang', 'fr', '--format', 'xlsx', '--output', out], { read: true });
      expect(run.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet('Exigences')!;
      let row = 0;
      ws.eachRow((r, n) => {
        if (r.getCell(11).value === 'IEU 8.1') row = n;
      });
      const lines = Array.from({ length: 8 }, (_, i) => {
        const c = 19 + i;
        return `| ${String.fromCharCode(64 + c)} | ${cellText(ws.getRow(1).getCell(c).value)} | ${cellText(ws.getRow(row).getCell(c).value).replace(/\n/g, '<br>')} |`;
      });
      expectReadmeTable('| Column | Header | Value |\n|---|---|---|\n', `${lines.join('\n')}\n`);
    } finally {
      s.done();
    }
    const refused = await runCli(['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'xlsx', '--output', 'grille-dmn.xlsx', '--grid-template', 'fixtures/grid-template/onglet-renomme.xlsx']);
    expect(refused.code).toBe(2);
    expectReadmeFenced('```text', refused.stderr);
  });

  it('shows the real Synthèse of the filled whole grid', async () => {
    const s = scratch();
    try {
      const out = path.join(s.dir, 'grille-telecardio.xlsx');
      const run = await runCli([
        'check', 'fixtures/dossiers/telemonitoring-complete/dmn-evidence.yaml', '--rules', 'ans-dmn-complete@1.2.2', '--as-of', '2026-11-29', '--lang', 'fr',
        '--format', 'xlsx', '--output', out, '--grid-template', 'fixtures/grid-template/exigences-synthetiques-ans-dmn-complete-1.2.2.xlsx',
      ]);
      expect(run.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const rows: string[][] = [];
      let on = false;
      wb.getWorksheet('Synthèse')!.eachRow((r) => {
        const v = (r.values as ExcelJS.CellValue[]).slice(1).map((x) => cellText(x));
        if (v[0] === 'Profil') on = true;
        else if (v[0] === 'Section') on = false;
        if (on && v.length > 1) rows.push(v);
      });
      const table = [rows[0]!, ['---', '---:', '---:', '---:', '---:', '---:', '---:'], ...rows.slice(1)].map((v) => `| ${v.join(' | ')} |`).join('\n').replace('| --- | ---: | ---: | ---: | ---: | ---: | ---: |', '|---|---:|---:|---:|---:|---:|---:|');
      expect(readme).toContain(`${table}\n`);
      // The totals are the grid's own counts of requirements per profile (GRID.md §2.2).
      expect(rows.slice(1).map((v) => [v[0], v[6]])).toEqual([
        ['Général', '16'], ["Référentiel d'identités", '31'], ["Référentiel d'identités en Etablissement de Santé", '1'], ["Référentiel d'identités hors Etablissement de Santé", '1'],
        ["Stockage de copies de titres d'identités", '1'], ['Accès Professionnel', '20'], ['Accès Usager - ApCV', '1'], ['Accès Usager', '12'],
      ]);
    } finally {
      s.done();
    }
  });

  it('lists every finding code with an anchor (UPDATE_README=1 rewrites the table)', () => {
    const block = `<!-- finding-codes -->\n${findingCodesTable()}\n<!-- /finding-codes -->`;
    const now = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    if (process.env.UPDATE_README === '1' && !now.includes(block)) {
      writeFileSync(path.join(ROOT, 'README.md'), now.replace(/<!-- finding-codes -->[\s\S]*?<!-- \/finding-codes -->/, () => block));
      return;
    }
    expect(now).toContain(block);
  });

  it('is the page help links point at (package.json homepage)', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { homepage?: string };
    expect(pkg.homepage).toBe(README_URL);
    expect(readme).toContain('## The bundled ruleset');
  });

  it('carries the bad-input table the hostile tests keep true', () => {
    const table = readFileSync(path.join(ROOT, 'test/e2e/hostile/bad-input-table.md'), 'utf8').split('\n').slice(1).join('\n').trim();
    expect(readme).toContain(table);
  });

  it('documents every command, format and check option that exists', () => {
    for (const command of ['check', 'init', 'schema', 'explain', 'rules list', 'rules lint', 'replay', 'diff', 'pack']) expect(readme).toContain(`dmn-check ${command}`);
    for (const format of ['text', 'json', 'junit', 'sarif', 'github', 'gitlab', 'markdown', 'html']) expect(readme).toContain(`| \`${format}\``);
    for (const option of ['--rules', '--lang', '--no-color', '--quiet', '--as-of', '--format', '--output', '--offline', '--save-evidence', '--no-read', '--root', '--evidence', '--force', '--out', '--fail-on', '--grid-template']) expect(readme).toContain(option);
  });
});
