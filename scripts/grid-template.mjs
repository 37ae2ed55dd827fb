#!/usr/bin/env node
/*
 * Writes a synthetic stand-in for the ANS grid Exigences_referentiel_FR_DMN_V1.2.2.xlsx: the
 * official layout (sheet "Exigences", the 18 headers of columns A–R, one row per scenario, a title
 * row above the headers, a second sheet) with made-up texts. It never carries the ANS's texts:
 * every statement, scenario and proof reads "[Texte de test]"; ids, profiles and sections come from
 * the ruleset. Tests use it to check that --grid-template keeps a template's texts and layout.
 *
 *   npm run build && node scripts/grid-template.mjs [--rules ans-dmn@1.2.2] [--out FILE] [--sheet NAME]
 *
 * --sheet names the grid's sheet otherwise (a template that is not the official layout, for the
 * README's example of the error).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The official headers of A–R, as the ANS file heads them (kept in step with src/formatters/xlsx/grid.ts by a test). */
export const HEADERS = [
  'PROFIL',
  'N°',
  'ID Section',
  'Section',
  'Bloc',
  'Fonction',
  "Nature de l'exigence",
  'N° exigence',
  "Enoncé de l'exigence (DOIT) ou de la préconisation (DEVRAIT) ",
  'Version',
  'N° scénario',
  'Scénario de conformité',
  'N° preuve 1',
  'Preuve 1',
  'N° preuve 2',
  'Preuve 2',
  'N° preuve 3',
  'Preuve 3',
];

/**
 * The template as an exceljs workbook. `rows`: one per scenario, `{ profile, section, requirementId,
 * scenarioId, proofIds }`. The text of every cell but ids, profiles and sections is synthetic.
 */
export function buildGridTemplate(ExcelJS, rows, { sheet = 'Exigences' } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dmn-check test fixture';
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell('A1').value = '[Modèle de test] Grille des exigences — textes synthétiques, pas ceux de l’ANS';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A1:L1');
  const header = ws.getRow(2);
  HEADERS.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  [22, 6, 10, 24, 22, 24, 14, 12, 50, 9, 12, 50, 12, 36, 12, 36, 12, 36].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  rows.forEach((r, i) => {
    const proofs = [0, 1, 2].flatMap((k) => (r.proofIds[k] ? [r.proofIds[k], `[Texte de test] Preuve attendue ${r.proofIds[k]}.`] : ['', '']));
    const row = ws.getRow(3 + i);
    row.values = [
      r.profile,
      i + 1,
      r.section,
      `[Texte de test] Section ${r.section}`,
      `[Texte de test] Bloc ${r.section}`,
      `[Texte de test] Fonction ${r.section}`,
      'EXIGENCE',
      r.requirementId,
      `[Texte de test] Énoncé de l’exigence ${r.requirementId}.`,
      'V1',
      r.scenarioId,
      `[Texte de test] Scénario ${r.scenarioId}.`,
      ...proofs,
    ];
    row.alignment = { vertical: 'top', wrapText: true };
  });
  const notes = wb.addWorksheet('Lisez-moi');
  notes.getCell('A1').value = '[Modèle de test] Onglet d’explications : dmn-check doit le garder tel quel.';
  return wb;
}

/** The scenario rows of a loaded ruleset (dist/ or src/ RequirementDef), in ruleset order. */
export function rowsOfRuleset(ruleset) {
  return ruleset.requirements.flatMap((req) =>
    req.scenarios.map((s) => ({
      profile: s.profile ?? req.profile ?? '',
      section: ruleset.sections?.find((x) => x.id === req.section)?.gridId ?? req.section,
      requirementId: req.id,
      scenarioId: s.id,
      proofIds: s.proofs.map((p) => p.id),
    })),
  );
}

async function main(argv) {
  const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const { loadRuleset, DEFAULT_RULESET } = await import('../dist/ruleset/load.js');
  const { loadExcelJs, workbookBytes } = await import('../dist/formatters/xlsx/workbook.js');
  const ruleset = loadRuleset(arg('--rules', DEFAULT_RULESET), { cwd: root });
  const out = path.resolve(root, arg('--out', `fixtures/grid-template/exigences-synthetiques-${ruleset.id}-${ruleset.version}.xlsx`));
  const wb = buildGridTemplate(await loadExcelJs(), rowsOfRuleset(ruleset), { sheet: arg('--sheet', 'Exigences') });
  writeFileSync(out, await workbookBytes(wb, new Date(Date.UTC(2026, 0, 1))));
  process.stdout.write(`${path.relative(root, out)}: ${rowsOfRuleset(ruleset).length} scenario rows of ${ruleset.id} ${ruleset.version}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
