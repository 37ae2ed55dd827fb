import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { OFFICIAL_COLUMNS, gridRows } from '../../src/formatters/xlsx/grid.js';
import { cellText } from '../../src/formatters/xlsx/grid-template.js';
import { workbookBytes } from '../../src/formatters/xlsx/workbook.js';
import { xlsxFormatter } from '../../src/formatters/xlsx/xlsx.js';
import { buildGridTemplate, HEADERS, rowsOfRuleset } from '../../scripts/grid-template.mjs';
import { loadRuleset } from '../../src/ruleset/load.js';
import { ROOT, runCli, scratch } from '../support/run-cli.js';
import { canonicalContext, canonicalReport, RULESET } from './canonical-report.js';

const TEMPLATE = path.join(ROOT, 'fixtures/grid-template/exigences-synthetiques-ans-dmn-1.2.2.xlsx');
const COMPLETE_TEMPLATE = path.join(ROOT, 'fixtures/grid-template/exigences-synthetiques-ans-dmn-complete-1.2.2.xlsx');
const COMPLETE = loadRuleset('ans-dmn-complete@1.2.2');
const EPOCH = '1795946400';

async function readWorkbook(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function rowTexts(ws: ExcelJS.Worksheet, row: number, from: number, to: number): string[] {
  const r = ws.getRow(row);
  return Array.from({ length: to - from + 1 }, (_, i) => cellText(r.getCell(from + i).value));
}

/** Runs `check` writing both the JSON report and the workbook; returns both. */
async function checkBoth(dossier: string, extra: string[] = [], env: Record<string, string> = {}): Promise<{ code: number; stderr: string; report: Report; bytes: Buffer }> {
  const s = scratch();
  try {
    const xlsx = path.join(s.dir, 'grille.xlsx');
    const run = await runCli(
      ['check', `fixtures/dossiers/${dossier}/dmn-evidence.yaml`, '--as-of', '2026-11-29', '--lang', 'fr', '-f', 'json', '-f', 'xlsx', '-o', xlsx, ...extra],
      { env },
    );
    return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout) as Report, bytes: readFileSync(xlsx) };
  } finally {
    s.done();
  }
}

describe('--format xlsx', () => {
  it('writes one row per scenario, in ruleset order, whose self-assessment matches the report', async () => {
    const { code, report, bytes } = await checkBoth('ins-not-applicable');
    expect(code).toBe(1);
    const wb = await readWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Exigences', 'Preuves', 'Synthèse']);
    const ws = wb.getWorksheet('Exigences')!;
    expect(rowTexts(ws, 1, 1, 18)).toEqual([...OFFICIAL_COLUMNS]);
    expect(rowTexts(ws, 1, 19, 26)).toEqual([
      'Applicable ? (Oui/Non)',
      'Conforme ? (Oui/Non/À compléter)',
      'Justification ou constats',
      'Fichiers de preuve (SHA-256)',
      'Statut dmn-check',
      'Vérifié par machine',
      'Référentiel dmn-check',
      'Date d’évaluation',
    ]);
    const scenarios = gridRows(RULESET, 'fr');
    expect(ws.actualRowCount).toBe(1 + scenarios.length);
    const expected: Record<string, [string, string, string]> = {
      satisfied: ['Oui', 'Oui', 'satisfaite'],
      not_applicable: ['Non', '', 'non applicable'],
      missing: ['Oui', 'À compléter', 'manquante'],
      failed: ['Oui', 'Non', 'en échec'],
      error: ['Oui', 'À compléter', 'erreur'],
    };
    scenarios.forEach((g, i) => {
      const row = 2 + i;
      const r = report.requirements.find((x) => x.id === g.requirementId)!;
      expect(cellText(ws.getRow(row).getCell(11).value)).toBe(g.scenarioId);
      expect(cellText(ws.getRow(row).getCell(8).value)).toBe(r.id);
      const [applicable, conforme, status] = rowTexts(ws, row, 19, 23).filter((_, k) => k === 0 || k === 1 || k === 4);
      expect([applicable, conforme, status]).toEqual(expected[r.status]);
      const files = cellText(ws.getRow(row).getCell(22).value);
      for (const s of r.slots) for (const f of s.files) expect(files).toContain(`${f.path} — ${f.sha256}`);
      const justification = cellText(ws.getRow(row).getCell(21).value);
      for (const f of r.findings) expect(justification).toContain(f.message);
      if (r.status === 'not_applicable') expect(justification).toContain(r.statement!.justification);
      expect(rowTexts(ws, row, 25, 26)).toEqual(['ans-dmn 1.2.2', '2026-11-29']);
    });
  });

  it('lists every evidence file with its SHA-256 on Preuves, and the verdict and counts on Synthèse', async () => {
    const { report, bytes } = await checkBoth('complete');
    const wb = await readWorkbook(bytes);
    const proofs = wb.getWorksheet('Preuves')!;
    const listed = Array.from({ length: proofs.actualRowCount - 1 }, (_, i) => rowTexts(proofs, 2 + i, 1, 9));
    const files = report.requirements.flatMap((r) => r.slots.flatMap((s) => s.files.map((f) => [r.id, s.name, f.path, f.sha256])));
    expect(listed.map((l) => [l[0], l[1], l[2], l[5]])).toEqual(files);
    // IEU 8's creation flow and PORT 1's export are judged by content checks; screenshots are not under --no-read (runCli's default).
    expect(listed.find((l) => l[1] === 'creation-flow')![8]).toBe('Oui');
    expect(listed.find((l) => l[1] === 'identity-change-demo')![8]).toBe('Non');
    const summary = wb.getWorksheet('Synthèse')!;
    const pairs = new Map(Array.from({ length: summary.actualRowCount }, (_, i) => rowTexts(summary, 1 + i, 1, 7)).map((r) => [r[0], r.slice(1)]));
    expect(pairs.get('Verdict')![0]).toBe('CONFORME');
    expect(pairs.get('Référentiel SHA-256')![0]).toBe(report.ruleset.sha256);
    expect(pairs.get('Accès Usager')).toEqual(['4', '0', '0', '0', '0', '4']);
    expect(pairs.get('Général')).toEqual(['1', '0', '0', '0', '0', '1']);
    expect(pairs.get('Vérifié par machine')![0]).toBe('2');
  });

  it('is byte-identical for the same inputs and SOURCE_DATE_EPOCH, and dates the zip and the workbook with it', async () => {
    const first = await checkBoth('delegated-identity', [], { SOURCE_DATE_EPOCH: EPOCH });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
    const second = await checkBoth('delegated-identity', [], { SOURCE_DATE_EPOCH: EPOCH, TZ: 'Pacific/Kiritimati' });
    vi.useRealTimers();
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const other = await checkBoth('delegated-identity', [], { SOURCE_DATE_EPOCH: String(Number(EPOCH) + 86_400) });
    expect(other.bytes.equals(first.bytes)).toBe(false);
    const zip = await JSZip.loadAsync(first.bytes);
    const stamp = new Date(Number(EPOCH) * 1000);
    zip.forEach((_name, entry) => expect(Math.abs(entry.date.getTime() - stamp.getTime())).toBeLessThan(2000));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T10:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-29T10:00:00Z</dcterms:modified>');
  });

  it('refuses standard output (exit 2) and is chosen by a .xlsx --output', async () => {
    const run = await runCli(['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '-f', 'xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('xlsx is a binary format and does not go to standard output. Add --output FILE.xlsx');
    const s = scratch();
    try {
      const out = path.join(s.dir, 'g.xlsx');
      const ok = await runCli(['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '-o', out]);
      expect(ok.code).toBe(0);
      expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    } finally {
      s.done();
    }
  });
});

describe('the xlsx formatter', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('is pure: the same report and context give the same bytes whatever the clock and environment', async () => {
    const first = await xlsxFormatter.format(canonicalReport('en'), { ...canonicalContext('en'), sourceDateEpoch: 1 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
    vi.stubEnv('SOURCE_DATE_EPOCH', '99');
    vi.stubEnv('TZ', 'Asia/Kathmandu');
    const second = await xlsxFormatter.format(canonicalReport('en'), { ...canonicalContext('en'), sourceDateEpoch: 1 });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('without SOURCE_DATE_EPOCH dates the workbook with the report', async () => {
    const report = canonicalReport('en');
    const zip = await JSZip.loadAsync(await xlsxFormatter.format(report, canonicalContext('en')));
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain(`>${report.generatedAt}</dcterms:created>`);
  });

  it('words the added columns in English for an English report', async () => {
    const wb = await readWorkbook(await xlsxFormatter.format(canonicalReport('en'), canonicalContext('en')));
    const ws = wb.getWorksheet('Exigences')!;
    expect(rowTexts(ws, 1, 19, 20)).toEqual(['Applicable? (Yes/No)', 'Compliant? (Yes/No/To complete)']);
    // IEU 8 failed (hash mismatch): applicable, not compliant, and the finding is in the row.
    const ieu8 = gridRows(RULESET, 'en').findIndex((g) => g.requirementId === 'IEU 8') + 2;
    expect(rowTexts(ws, ieu8, 19, 20)).toEqual(['Yes', 'No']);
    expect(cellText(ws.getRow(ieu8).getCell(21).value)).toContain('SHA-256');
  });
});

describe('--grid-template', () => {
  beforeAll(() => {
    expect(HEADERS.map((h: string) => h.trim())).toEqual([...OFFICIAL_COLUMNS]);
  });

  it('fills the user’s copy: its texts, title row, other sheets and styles kept, the added columns filled', async () => {
    const { code, report, bytes } = await checkBoth('ins-not-applicable', ['--grid-template', TEMPLATE]);
    expect(code).toBe(1);
    const template = await readWorkbook(readFileSync(TEMPLATE));
    const wb = await readWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Exigences', 'Lisez-moi', 'Preuves', 'Synthèse']);
    const tws = template.getWorksheet('Exigences')!;
    const ws = wb.getWorksheet('Exigences')!;
    expect(cellText(ws.getCell('A1').value)).toBe(cellText(tws.getCell('A1').value));
    expect(ws.getCell('C2').fill).toEqual(tws.getCell('C2').fill);
    for (let row = 2; row <= tws.actualRowCount; row++) expect(rowTexts(ws, row, 1, 18)).toEqual(rowTexts(tws, row, 1, 18));
    expect(rowTexts(ws, 2, 19, 20)).toEqual(['Applicable ? (Oui/Non)', 'Conforme ? (Oui/Non/À compléter)']);
    for (let row = 3; row <= tws.actualRowCount; row++) {
      const r = report.requirements.find((x) => x.id === cellText(ws.getRow(row).getCell(8).value))!;
      expect(cellText(ws.getRow(row).getCell(19).value)).toBe(r.status === 'not_applicable' ? 'Non' : 'Oui');
      expect(cellText(ws.getRow(row).getCell(23).value)).toBe({ satisfied: 'satisfaite', not_applicable: 'non applicable', missing: 'manquante', failed: 'en échec', error: 'erreur' }[r.status]);
      expect(cellText(ws.getRow(row).getCell(12).value)).toMatch(/^\[Texte de test\]/);
    }
    expect(cellText(wb.getWorksheet('Lisez-moi')!.getCell('A1').value)).toContain('garder tel quel');
  });

  it('fills the same template into the same bytes', async () => {
    const a = await checkBoth('complete', ['--grid-template', TEMPLATE]);
    const b = await checkBoth('complete', ['--grid-template', TEMPLATE]);
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });

  it.each([
    ['bundled', RULESET, TEMPLATE],
    ['complete', COMPLETE, COMPLETE_TEMPLATE],
  ] as const)('the committed fixture is what the script makes from the %s ruleset', async (_name, ruleset, file) => {
    const wb = buildGridTemplate(ExcelJS, rowsOfRuleset(ruleset));
    const bytes = await workbookBytes(wb, new Date(Date.UTC(2026, 0, 1)));
    expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
  });

  it('fills the whole grid for the complete example dossier: 103 scenario rows in grid order, each matching the report', async () => {
    const rules = ['--rules', 'ans-dmn-complete@1.2.2'];
    const { code, report, bytes } = await checkBoth('telemonitoring-complete', [...rules, '--grid-template', COMPLETE_TEMPLATE]);
    expect(code).toBe(0);
    const ws = (await readWorkbook(bytes)).getWorksheet('Exigences')!;
    const scenarios = gridRows(COMPLETE, 'fr');
    expect(scenarios).toHaveLength(103);
    const words = { satisfied: 'satisfaite', not_applicable: 'non applicable', missing: 'manquante', failed: 'en échec', error: 'erreur' };
    scenarios.forEach((g, i) => {
      const row = 3 + i;
      expect(cellText(ws.getRow(row).getCell(11).value)).toBe(g.scenarioId);
      const r = report.requirements.find((x) => x.id === g.requirementId)!;
      const [applicable, , , , status] = rowTexts(ws, row, 19, 23);
      const ruledOut = applicable === 'Non' && r.status !== 'not_applicable';
      // A scenario is not applicable on its own only through its applies_when (INS 1.4, INS 39.x).
      if (ruledOut) expect(g.scenario.appliesWhen).toBeDefined();
      expect(status).toBe(ruledOut ? words.not_applicable : words[r.status]);
      expect(applicable).toBe(r.status === 'not_applicable' || ruledOut ? 'Non' : 'Oui');
    });
    const ins14 = scenarios.findIndex((g) => g.scenarioId === 'INS 1.4') + 3;
    expect(cellText(ws.getRow(ins14).getCell(21).value)).toContain('identity_source = delegated');
  });
});

describe('--grid-template that is not the official layout (exit 2, names what differs)', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((done) => done()));

  async function variant(change: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = buildGridTemplate(ExcelJS, rowsOfRuleset(RULESET));
    change(wb);
    const s = scratch();
    cleanups.push(s.done);
    const file = path.join(s.dir, 'ma-grille.xlsx');
    writeFileSync(file, await workbookBytes(wb, new Date(0)));
    return file;
  }

  async function refused(file: string, extra: string[] = []): Promise<string> {
    const s = scratch();
    try {
      const out = path.join(s.dir, 'out.xlsx');
      const run = await runCli(['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '-f', 'xlsx', '-o', out, '--grid-template', file, ...extra]);
      expect(run.code).toBe(2);
      expect(() => readFileSync(out)).toThrow();
      return run.stderr;
    } finally {
      s.done();
    }
  }

  it.each<[string, (wb: ExcelJS.Workbook) => void, RegExp]>([
    ['a renamed sheet', (wb) => (wb.getWorksheet('Exigences')!.name = 'Feuil1'), /ma-grille\.xlsx has no sheet "Exigences" \(its sheets: "Feuil1", "Lisez-moi"\)\. Give your own unmodified copy/],
    ['a missing column', (wb) => (wb.getWorksheet('Exigences')!.getCell('H2').value = null), /ma-grille\.xlsx Exigences!H2: column "N° exigence" is missing \(the cell is empty\)\./],
    ['a renamed column', (wb) => (wb.getWorksheet('Exigences')!.getCell('L2').value = 'Scénario'), /Exigences!L2: column "Scénario de conformité" expected, found "Scénario"\./],
    ['no header row', (wb) => wb.getWorksheet('Exigences')!.spliceRows(1, 2), /Exigences: has no header row "PROFIL" … "Preuve 3" in its first 10 rows\./],
    ['a scenario of another version', (wb) => (wb.getWorksheet('Exigences')!.getCell('K6').value = 'IEU 9.2'), /Exigences!K6: scenario "IEU 9\.2" is not one of ans-dmn 1\.2\.2: the grid is another version\./],
    ['a scenario row missing', (wb) => wb.getWorksheet('Exigences')!.spliceRows(4, 1), /Exigences: lacks 1 scenario row of ans-dmn 1\.2\.2 \(IEU 7\.1\): the grid is another version\./],
    ['a scenario twice', (wb) => (wb.getWorksheet('Exigences')!.getCell('K4').value = 'IEU 2.1'), /Exigences!K4: scenario "IEU 2\.1" is already on row 3\./],
  ])('%s', async (_name, change, message) => {
    expect(await refused(await variant(change))).toMatch(message);
  });

  it('in French too', async () => {
    const file = await variant((wb) => (wb.getWorksheet('Exigences')!.getCell('H2').value = null));
    expect(await refused(file, ['--lang', 'fr'])).toContain('Exigences!H2\u00a0: la colonne « N° exigence » manque (la cellule est vide). Indiquez votre propre copie');
  });

  it('a file that is not a workbook, a missing file, and a template without --format xlsx', async () => {
    expect(await refused(path.join(ROOT, 'README.md'))).toMatch(/README\.md is not an Excel workbook \(\.xlsx\): it is not a zip archive\./);
    expect(await refused('nowhere/grille.xlsx')).toMatch(/nowhere\/grille\.xlsx file not found\. Check the --grid-template path/);
    const run = await runCli(['check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--grid-template', TEMPLATE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--grid-template: fills the workbook of --format xlsx, which is not asked for.');
  });

  it('a zip whose entries would inflate past the bound, or that holds too many entries, is refused before it is read', async () => {
    const s = scratch();
    cleanups.push(s.done);
    // A zip bomb as its central directory declares it: one entry said to inflate to 210 MiB.
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', 'small');
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const cd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(210 * 1024 * 1024, cd + 24);
    const bomb = path.join(s.dir, 'bombe.xlsx');
    writeFileSync(bomb, bytes);
    expect(await refused(bomb)).toMatch(/bombe\.xlsx would inflate to 220200960 bytes in 3 entries; the official grid is a small workbook\./);
    const many = new JSZip();
    for (let i = 0; i < 1001; i++) many.file(`f${i}.xml`, '');
    const crowd = path.join(s.dir, 'foule.xlsx');
    writeFileSync(crowd, await many.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
    expect(await refused(crowd)).toMatch(/foule\.xlsx would inflate to 0 bytes in 1001 entries/);
  });
});

describe('scenario rows of a ruleset with per-scenario profiles, conditions and proofs', () => {
  const RULES = `dmn-ruleset: 1
id: grille-test
version: 0.1.0
title: { en: Grid test ruleset, fr: Référentiel de test de la grille }
sections:
  INS: { grid_id: INS, title: { en: Patient identification, fr: Identification des usagers } }
facts:
  used_in_health_establishment: { type: boolean, question: { en: Used in a health establishment?, fr: Utilisé en établissement de santé ? } }
  used_outside_health_establishment: { type: boolean, question: { en: Used outside one?, fr: Utilisé hors établissement ? } }
requirements:
  - id: INS 39
    section: INS
    title: { en: INSi authentication, fr: Authentification à l'INSi }
    statement: { en: The system authenticates to INSi., fr: Le système s'authentifie à l'INSi. }
    scenarios:
      - id: INS 39.1
        profile: Référentiel d'identités en Etablissement de Santé
        statement: { en: With a CPx or an organisation certificate., fr: Avec une CPx ou un certificat d'organisation. }
        applies_when: { fact: used_in_health_establishment, is: true }
        title: { en: In a health establishment, fr: En établissement de santé }
        proofs: [{ id: INS 39.1.1, text: { en: CNDA approval (ES)., fr: Agrément CNDA (ES). } }]
      - id: INS 39.2
        profile: Référentiel d'identités hors Etablissement de Santé
        applies_when: { fact: used_outside_health_establishment, is: true }
        title: { en: Outside one, fr: Hors établissement de santé }
        proofs: [{ id: INS 39.2.1, text: { en: CNDA approval (outside ES)., fr: Agrément CNDA (hors ES). } }]
    slots:
      - name: approval-es
        title: { en: Approval (ES), fr: Agrément (ES) }
        expects: { en: The approval., fr: L'agrément. }
        accepts: [pdf]
        required: false
        proofs: [INS 39.1.1]
      - name: approval-outside
        title: { en: Approval (outside ES), fr: Agrément (hors ES) }
        expects: { en: The approval., fr: L'agrément. }
        accepts: [pdf]
        proofs: [INS 39.2.1]
`;
  const MANIFEST = `dmn-evidence: 1
product: { name: Essai, version: "1.0", manufacturer: Exemple Santé SAS }
ruleset: grille-test@0.1.0
facts:
  used_in_health_establishment: false
  used_outside_health_establishment: true
evidence:
  INS 39:
    approval-outside: agrement.pdf
`;

  it('takes profile, statement and section from the scenario and the ruleset, and judges a scenario its facts rule out as not applicable', async () => {
    const s = scratch();
    try {
      writeFileSync(path.join(s.dir, 'rules.yaml'), RULES);
      writeFileSync(path.join(s.dir, 'dmn-evidence.yaml'), MANIFEST);
      writeFileSync(path.join(s.dir, 'agrement.pdf'), '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
      const out = path.join(s.dir, 'g.xlsx');
      const run = await runCli(['check', 'dmn-evidence.yaml', '--rules', 'rules.yaml', '--as-of', '2026-11-29', '--lang', 'fr', '-f', 'json', '-f', 'xlsx', '-o', out], { cwd: s.dir });
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as Report;
      const ws = (await readWorkbook(readFileSync(out))).getWorksheet('Exigences')!;
      expect(rowTexts(ws, 2, 1, 12)).toEqual([
        "Référentiel d'identités en Etablissement de Santé", '1', 'INS', 'Identification des usagers', '', '', 'EXIGENCE', 'INS 39',
        "Avec une CPx ou un certificat d'organisation.", '', 'INS 39.1', 'En établissement de santé',
      ]);
      expect(rowTexts(ws, 3, 1, 1)).toEqual(["Référentiel d'identités hors Etablissement de Santé"]);
      expect(cellText(ws.getRow(3).getCell(9).value)).toBe("Le système s'authentifie à l'INSi.");
      expect(rowTexts(ws, 2, 19, 23)).toEqual(['Non', '', 'Ce scénario ne s’applique pas d’après les réponses du manifeste\u00a0: used_in_health_establishment = false', '', 'non applicable']);
      const sha = report.requirements[0]!.slots.find((x) => x.name === 'approval-outside')!.files[0]!.sha256;
      expect(report.requirements[0]!.status).toBe('satisfied');
      expect(rowTexts(ws, 3, 19, 20)).toEqual(['Oui', 'Oui']);
      expect(cellText(ws.getRow(3).getCell(22).value)).toBe(`agrement.pdf — ${sha}`);
    } finally {
      s.done();
    }
  });
});
