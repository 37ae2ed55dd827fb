import type { CellValue, Worksheet } from 'exceljs';
import { UserInputError, type InputProblem } from '../../diagnostics/user-input-error.js';
import { listParam } from '../../diagnostics/list-param.js';
import { both } from '../../i18n/text.js';
import type { Localized } from '../../report/report.js';
import { normalizeId } from '../../ruleset/ids.js';
import type { Ruleset } from '../../ruleset/types.js';
import { gridRows, GRID_SHEET, OFFICIAL_COLUMNS, SCENARIO_COLUMN } from './grid.js';
import { GRID_TEMPLATE_TEXT } from './grid-template-messages.js';
import { openWorkbook } from './workbook.js';

/** The user's copy of the official grid, read and found to be in the official layout. */
export interface GridTemplate {
  /** The file as the user named it (for messages). */
  file: string;
  /** Its bytes, read again by the formatter (a workbook is mutable; the template is not). */
  bytes: Uint8Array;
  /** 1-based row of the 18 official headers in sheet `Exigences`. */
  headerRow: number;
  /** Scenario id (as the ruleset spells it, or as the sheet does when the ruleset lacks it) → 1-based row. */
  rows: ReadonlyMap<string, number>;
}

/** How far down the header row may sit (a title block above it is allowed). */
const HEADER_SEARCH_ROWS = 10;
/** The V1.2.2 grid has 103 scenario rows; a sheet far longer is not the grid. */
const MAX_ROWS = 2000;

/** The text of a cell as Excel shows it (rich text joined, formulas by their result). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((p) => p.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result);
  }
  return '';
}

/** Header text compared loosely: case, accents, apostrophes and runs of spaces do not count. */
function headerKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function problem(file: string, subject: string | undefined, message: Localized): InputProblem {
  return { code: 'grid-template.invalid', file, ...(subject ? { subject } : {}), message, hint: both(GRID_TEMPLATE_TEXT.useOfficialGrid, {}).message };
}

function findHeaderRow(ws: Worksheet): number | undefined {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
    const row = ws.getRow(r);
    if (headerKey(cellText(row.getCell(1).value)) === headerKey(OFFICIAL_COLUMNS[0]) || headerKey(cellText(row.getCell(SCENARIO_COLUMN).value)) === headerKey(OFFICIAL_COLUMNS[SCENARIO_COLUMN - 1]!)) return r;
  }
  return undefined;
}

/**
 * Reads the user's copy of the official Excel grid and checks that it is the V1.2.2 layout the
 * ruleset speaks of: sheet `Exigences`, the 18 official headers in A–R, and scenario ids in K
 * that are the ruleset's. Throws a {@link UserInputError} naming what differs.
 */
export async function readGridTemplate(bytes: Uint8Array, file: string, ruleset: Ruleset): Promise<GridTemplate> {
  let wb;
  try {
    wb = await openWorkbook(bytes);
  } catch {
    throw new UserInputError(problem(file, undefined, both(GRID_TEMPLATE_TEXT.notAWorkbook, {}).message));
  }
  const ws = wb.getWorksheet(GRID_SHEET);
  if (!ws) {
    throw new UserInputError(problem(file, undefined, both(GRID_TEMPLATE_TEXT.noSheet, { sheet: GRID_SHEET, sheets: listParam(wb.worksheets.map((s) => s.name)) }).message));
  }
  if (ws.rowCount > MAX_ROWS) {
    throw new UserInputError(problem(file, GRID_SHEET, both(GRID_TEMPLATE_TEXT.tooManyRows, { rows: ws.rowCount }).message));
  }
  const headerRow = findHeaderRow(ws);
  if (headerRow === undefined) {
    const headers = { first: OFFICIAL_COLUMNS[0], last: OFFICIAL_COLUMNS[OFFICIAL_COLUMNS.length - 1], rows: HEADER_SEARCH_ROWS };
    throw new UserInputError(problem(file, GRID_SHEET, both(GRID_TEMPLATE_TEXT.noHeaderRow, headers).message));
  }
  const problems: InputProblem[] = [];
  const header = ws.getRow(headerRow);
  OFFICIAL_COLUMNS.forEach((expected, i) => {
    const found = cellText(header.getCell(i + 1).value);
    if (headerKey(found) === headerKey(expected)) return;
    const at = `${GRID_SHEET}!${columnLetter(i + 1)}${headerRow}`;
    problems.push(
      found === ''
        ? problem(file, at, both(GRID_TEMPLATE_TEXT.columnMissing, { column: expected }).message)
        : problem(file, at, both(GRID_TEMPLATE_TEXT.columnDiffers, { column: expected, found }).message),
    );
  });
  if (problems.length > 0) throw new UserInputError(problems);

  const rulesetScenarios = new Map(gridRows(ruleset, 'fr').map((g) => [normalizeId(g.scenarioId), g] as const));
  const rulesetRequirements = new Set(ruleset.requirements.map((r) => normalizeId(r.id)));
  const rows = new Map<string, number>();
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const typed = cellText(ws.getRow(r).getCell(SCENARIO_COLUMN).value).trim();
    if (typed === '') continue;
    const at = `${GRID_SHEET}!${columnLetter(SCENARIO_COLUMN)}${r}`;
    const n = normalizeId(typed);
    const before = seen.get(n);
    if (before !== undefined) {
      problems.push(problem(file, at, both(GRID_TEMPLATE_TEXT.scenarioTwice, { scenario: typed, row: before }).message));
      continue;
    }
    seen.set(n, r);
    const known = rulesetScenarios.get(n);
    const requirement = n.replace(/\.\d+$/, '');
    if (!known && rulesetRequirements.has(requirement)) {
      problems.push(problem(file, at, both(GRID_TEMPLATE_TEXT.scenarioOfOtherVersion, { scenario: typed, ruleset: `${ruleset.id} ${ruleset.version}` }).message));
      continue;
    }
    rows.set(known?.scenarioId ?? typed, r);
  }
  const absent = [...rulesetScenarios.values()].filter((g) => !seen.has(normalizeId(g.scenarioId)));
  if (absent.length > 0) {
    const list = absent.slice(0, 8).map((g) => g.scenarioId).join(', ') + (absent.length > 8 ? ', …' : '');
    problems.push(problem(file, GRID_SHEET, both(GRID_TEMPLATE_TEXT.scenarioRowsMissing, { count: absent.length, ruleset: `${ruleset.id} ${ruleset.version}`, scenarios: list }).message));
  }
  if (problems.length > 0) throw new UserInputError(problems);
  return { file, bytes, headerRow, rows };
}
