import { plural } from '../../util/numbers.js';
import type { CellValue, Worksheet } from 'exceljs';
import { t2, UserInputError, type InputProblem } from '../../diagnostics/user-input-error.js';
import { normalizeId } from '../../ruleset/ids.js';
import type { Ruleset } from '../../ruleset/types.js';
import { gridRows, GRID_SHEET, OFFICIAL_COLUMNS, SCENARIO_COLUMN } from './grid.js';
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
const HINT = t2(
  'Give your own unmodified copy of the ANS file Exigences_referentiel_FR_DMN_V1.2.2.xlsx (sheet "Exigences", columns A–R), or leave --grid-template out to get the project\'s own grid.',
  'Indiquez votre propre copie, non modifiée, du fichier de l’ANS Exigences_referentiel_FR_DMN_V1.2.2.xlsx (onglet « Exigences », colonnes A à R), ou retirez --grid-template pour obtenir la grille du projet.',
);

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

function problem(file: string, subject: string | undefined, en: string, fr: string): InputProblem {
  return { code: 'grid-template.invalid', file, ...(subject ? { subject } : {}), message: t2(en, fr), hint: HINT };
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
    throw new UserInputError(problem(file, undefined, 'is not a readable Excel workbook (.xlsx).', 'n’est pas un classeur Excel (.xlsx) lisible.'));
  }
  const ws = wb.getWorksheet(GRID_SHEET);
  if (!ws) {
    const names = wb.worksheets.map((s) => `"${s.name}"`).join(', ') || '—';
    throw new UserInputError(
      problem(file, undefined, `has no sheet "${GRID_SHEET}" (its sheets: ${names}).`, `n’a pas d’onglet « ${GRID_SHEET} » (ses onglets\u00a0: ${names.replace(/"([^"]*)"/g, '« $1 »')}).`),
    );
  }
  if (ws.rowCount > MAX_ROWS) {
    throw new UserInputError(problem(file, GRID_SHEET, `has ${ws.rowCount} rows; the grid has about a hundred.`, `compte ${ws.rowCount} lignes ; la grille en a une centaine.`));
  }
  const headerRow = findHeaderRow(ws);
  if (headerRow === undefined) {
    throw new UserInputError(
      problem(
        file,
        GRID_SHEET,
        `has no header row "${OFFICIAL_COLUMNS[0]}" … "${OFFICIAL_COLUMNS[OFFICIAL_COLUMNS.length - 1]}" in its first ${HEADER_SEARCH_ROWS} rows.`,
        `n’a pas de ligne d’en-têtes « ${OFFICIAL_COLUMNS[0]} » … « ${OFFICIAL_COLUMNS[OFFICIAL_COLUMNS.length - 1]} » dans ses ${HEADER_SEARCH_ROWS} premières lignes.`,
      ),
    );
  }
  const problems: InputProblem[] = [];
  const header = ws.getRow(headerRow);
  OFFICIAL_COLUMNS.forEach((expected, i) => {
    const found = cellText(header.getCell(i + 1).value);
    if (headerKey(found) === headerKey(expected)) return;
    const at = `${GRID_SHEET}!${columnLetter(i + 1)}${headerRow}`;
    problems.push(
      found === ''
        ? problem(file, at, `column "${expected}" is missing (the cell is empty).`, `la colonne « ${expected} » manque (la cellule est vide).`)
        : problem(file, at, `column "${expected}" expected, found "${found}".`, `colonne « ${expected} » attendue, « ${found} » trouvée.`),
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
      problems.push(problem(file, at, `scenario "${typed}" is already on row ${before}.`, `le scénario « ${typed} » figure déjà ligne ${before}.`));
      continue;
    }
    seen.set(n, r);
    const known = rulesetScenarios.get(n);
    const requirement = n.replace(/\.\d+$/, '');
    if (!known && rulesetRequirements.has(requirement)) {
      problems.push(
        problem(
          file,
          at,
          `scenario "${typed}" is not one of ${ruleset.id} ${ruleset.version}: the grid is another version.`,
          `le scénario « ${typed} » n’existe pas dans ${ruleset.id} ${ruleset.version}\u00a0: la grille est d’une autre version.`,
        ),
      );
      continue;
    }
    rows.set(known?.scenarioId ?? typed, r);
  }
  const absent = [...rulesetScenarios.values()].filter((g) => !seen.has(normalizeId(g.scenarioId)));
  if (absent.length > 0) {
    const list = absent.slice(0, 8).map((g) => g.scenarioId).join(', ') + (absent.length > 8 ? ', …' : '');
    problems.push(
      problem(
        file,
        GRID_SHEET,
        `lacks ${plural(absent.length, 'en', 'scenario row')} of ${ruleset.id} ${ruleset.version} (${list}): the grid is another version.`,
        `n’a pas ${absent.length === 1 ? 'la ligne du scénario' : `les lignes de ${absent.length} scénarios`} de ${ruleset.id} ${ruleset.version} (${list})\u00a0: la grille est d’une autre version.`,
      ),
    );
  }
  if (problems.length > 0) throw new UserInputError(problems);
  return { file, bytes, headerRow, rows };
}
