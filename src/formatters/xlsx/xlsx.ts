import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { Report, Status } from '../../report/report.js';
import { labels } from '../labels.js';
import { groupRequirements, requirementDef } from '../report-helpers.js';
import { STATUS_LABELS, VERDICT_LABELS } from '../status-labels.js';
import type { BinaryFormatter, FormatContext } from '../types.js';
import { assess, gridRows, GRID_SHEET, machineVerified, slotChecked, OFFICIAL_COLUMNS, requirementOf, xlsxWords, type Assessment } from './grid.js';
import { openWorkbook, workbookBytes } from './workbook.js';

const ASSESSMENT_KEYS: readonly (keyof Assessment)[] = ['applicable', 'conforme', 'justification', 'files', 'status', 'machine', 'ruleset', 'asOf'];
const STATUSES: readonly Status[] = ['satisfied', 'not_applicable', 'missing', 'failed', 'error'];

/** Widths (in characters) of A–R, then of the added columns. */
const WIDTHS = [18, 5, 9, 20, 18, 20, 12, 11, 60, 8, 11, 60, 11, 40, 11, 40, 11, 40, 14, 16, 60, 60, 16, 20, 20, 14];

/** Fills that repeat what the Conforme word says (green, red, amber), so a reviewer scans the column. */
const FILLS: Record<string, string> = { yes: 'FFD8F0DD', no: 'FFF8D7DA', toComplete: 'FFFFF1C2' };

const HEADER_FILL = 'FFE7ECF2';

/** The date the workbook carries: SOURCE_DATE_EPOCH when given, else the report's own timestamp. */
function stampOf(report: Report, ctx: FormatContext): Date {
  return ctx.sourceDateEpoch !== undefined ? new Date(ctx.sourceDateEpoch * 1000) : new Date(report.generatedAt);
}

function styleHeader(cell: Cell): void {
  cell.font = { bold: true };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  cell.alignment = { vertical: 'top', wrapText: true };
}

function fillConforme(cell: Cell, value: string, lang: Report['lang']): void {
  const w = xlsxWords(lang);
  const key = value === w.yes ? 'yes' : value === w.no ? 'no' : value === w.toComplete ? 'toComplete' : undefined;
  if (key) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[key]! } };
}

function writeAssessment(ws: Worksheet, rowNumber: number, a: Assessment, lang: Report['lang']): void {
  const row = ws.getRow(rowNumber);
  ASSESSMENT_KEYS.forEach((k, i) => {
    const cell = row.getCell(OFFICIAL_COLUMNS.length + 1 + i);
    cell.value = a[k];
    cell.alignment = { vertical: 'top', wrapText: true };
    if (k === 'conforme') fillConforme(cell, a[k], lang);
  });
}

/** The project's own grid: the 18 columns in the ruleset's words, one row per scenario. */
function ownGrid(wb: Workbook, report: Report, ctx: FormatContext): void {
  const w = xlsxWords(ctx.lang);
  const ws = wb.addWorksheet(GRID_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = [...OFFICIAL_COLUMNS, ...ASSESSMENT_KEYS.map((k) => w.headers[k])];
  ws.columns = headers.map((header, i) => ({ header, width: WIDTHS[i] ?? 14 }));
  ws.getRow(1).eachCell((c) => styleHeader(c));
  const find = requirementOf(report);
  let n = 2;
  for (const g of gridRows(ctx.ruleset, ctx.lang)) {
    const row = ws.getRow(n);
    g.cells.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    writeAssessment(ws, n, assess(report, find(g.requirementId), ctx.ruleset, STATUS_LABELS[ctx.lang], g.scenario), ctx.lang);
    n++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, n - 1), column: headers.length } };
}

/** The user's copy of the official grid: its texts and layout kept, the added columns filled. */
function filledTemplate(wb: Workbook, report: Report, ctx: FormatContext): void {
  const t = ctx.gridTemplate!;
  const w = xlsxWords(ctx.lang);
  const ws = wb.getWorksheet(GRID_SHEET)!;
  const header = ws.getRow(t.headerRow);
  const model = header.getCell(OFFICIAL_COLUMNS.length);
  ASSESSMENT_KEYS.forEach((k, i) => {
    const cell = header.getCell(OFFICIAL_COLUMNS.length + 1 + i);
    cell.value = w.headers[k];
    cell.style = { ...model.style };
    ws.getColumn(OFFICIAL_COLUMNS.length + 1 + i).width = WIDTHS[OFFICIAL_COLUMNS.length + i] ?? 14;
  });
  const find = requirementOf(report);
  const byScenario = new Map(gridRows(ctx.ruleset, ctx.lang).map((g) => [g.scenarioId, g] as const));
  for (const [scenarioId, rowNumber] of t.rows) {
    const g = byScenario.get(scenarioId);
    writeAssessment(ws, rowNumber, assess(report, g ? find(g.requirementId) : undefined, ctx.ruleset, STATUS_LABELS[ctx.lang], g?.scenario), ctx.lang);
  }
}

/** `Preuves`: every evidence and statement file, with its hash, slot and what was verified. */
function proofSheet(wb: Workbook, report: Report, ctx: FormatContext): void {
  const w = xlsxWords(ctx.lang);
  const lab = labels(ctx.lang);
  const ws = wb.addWorksheet(w.proofSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = w.proofHeaders.map((header, i) => ({ header, width: [12, 24, 48, 26, 10, 66, 66, 16, 16][i] ?? 14 }));
  ws.getRow(1).eachCell((c) => styleHeader(c));
  for (const r of report.requirements) {
    const def = requirementDef(ctx.ruleset, r.id);
    for (const s of r.slots) {
      const checked = slotChecked(report, def, s.name);
      for (const f of s.files) {
        ws.addRow([r.id, s.name, f.path, f.kind ?? lab.unreadable, f.bytes ?? '', f.sha256 ?? lab.unreadable, f.expectedSha256 ?? '', STATUS_LABELS[ctx.lang][s.status], checked && s.status === 'satisfied' ? w.yes : w.no]);
      }
    }
    const d = r.statement?.document;
    if (d) ws.addRow([r.id, lab.statement, d.path, d.kind ?? lab.unreadable, d.bytes ?? '', d.sha256 ?? lab.unreadable, d.expectedSha256 ?? '', r.statement!.valid ? lab.statementValid : lab.statementInvalid, w.no]);
  }
}

/** `Synthèse`: the dossier, the verdict, and counts by status, profile and section. */
function summarySheet(wb: Workbook, report: Report, ctx: FormatContext): void {
  const w = xlsxWords(ctx.lang);
  const lab = labels(ctx.lang);
  const status = STATUS_LABELS[ctx.lang];
  const ws = wb.addWorksheet(w.summarySheet);
  ws.columns = [{ width: 34 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }];
  const facts: [string, string | number][] = [
    [w.product, `${report.product.name} ${report.product.version}`],
    [lab.manufacturer, report.product.manufacturer],
    [lab.ruleset, `${report.ruleset.id} ${report.ruleset.version} — ${ctx.ruleset.title[ctx.lang]}`],
    [`${lab.ruleset} SHA-256`, report.ruleset.sha256],
    [lab.manifest, report.manifest.path],
    [`${lab.manifest} SHA-256`, report.manifest.sha256],
    [lab.asOf, report.asOf],
    [lab.generatedAt, report.generatedAt],
    [lab.generatedBy, `${report.tool.name} ${report.tool.version}`],
    [lab.verdictHeading, VERDICT_LABELS[ctx.lang][report.verdict]],
    [w.headers.machine, report.requirements.filter((r) => machineVerified(report, r, requirementDef(ctx.ruleset, r.id))).length],
  ];
  for (const [k, v] of facts) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
  }
  const table = (title: string, groups: { key: string; counts: Record<Status, number>; total: number }[]): void => {
    ws.addRow([]);
    const head = ws.addRow([title, ...STATUSES.map((s) => status[s]), w.total]);
    head.eachCell((c) => styleHeader(c));
    for (const g of groups) ws.addRow([g.key || '—', ...STATUSES.map((s) => g.counts[s]), g.total]);
  };
  table(lab.summary, [{ key: lab.requirement, counts: report.summary, total: report.requirements.length }]);
  const withTotal = (by: 'profile' | 'section') => groupRequirements(report, ctx.ruleset, by).map((g) => ({ ...g, total: g.requirements.length }));
  table(w.profile, withTotal('profile'));
  table(w.section, withTotal('section'));
  if (report.findings.length > 0) {
    ws.addRow([]);
    styleHeader(ws.addRow([lab.dossierFindings]).getCell(1));
    for (const f of report.findings) ws.addRow([`${f.message}${f.hint ? ` ${lab.hint}${lab.colon}${f.hint}` : ''}`]);
  }
}

async function format(report: Report, ctx: FormatContext): Promise<Uint8Array> {
  const when = stampOf(report, ctx);
  const wb = await openWorkbook(ctx.gridTemplate?.bytes);
  wb.creator = `${report.tool.name} ${report.tool.version}`;
  wb.lastModifiedBy = wb.creator;
  wb.created = when;
  wb.modified = when;
  if (ctx.gridTemplate) {
    for (const name of [xlsxWords(ctx.lang).proofSheet, xlsxWords(ctx.lang).summarySheet]) {
      const old = wb.getWorksheet(name);
      if (old) wb.removeWorksheet(old.id);
    }
    filledTemplate(wb, report, ctx);
  } else {
    ownGrid(wb, report, ctx);
  }
  proofSheet(wb, report, ctx);
  summarySheet(wb, report, ctx);
  return workbookBytes(wb, when);
}

/** The filled ANS grid as an Excel workbook: one row per scenario, then the `Preuves` and `Synthèse` sheets. */
export const xlsxFormatter: BinaryFormatter = {
  name: 'xlsx',
  description: 'The filled ANS grid as an Excel workbook: one row per scenario with applicability, conformity, findings and hashed evidence; sheets Preuves and Synthèse',
  extension: 'xlsx',
  binary: true,
  format,
};
