import { listItems } from '../../diagnostics/list-param.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';
import { plural } from '../../util/numbers.js';

/**
 * Wording of the problems of a `--grid-template` (exit 2): the user's copy of the official grid is
 * not in its layout. `sheet` is the grid's sheet; `ruleset` the ruleset in use, `id version`.
 */
export const GRID_TEMPLATE_TEXT = {
  useOfficialGrid: msg({
    en: () =>
      'Give your own unmodified copy of the ANS file Exigences_referentiel_FR_DMN_V1.2.2.xlsx (sheet "Exigences", columns A–R), or leave --grid-template out to get the project\'s own grid.',
    fr: () =>
      'Indiquez votre propre copie, non modifiée, du fichier de l’ANS Exigences_referentiel_FR_DMN_V1.2.2.xlsx (onglet « Exigences », colonnes A à R), ou retirez --grid-template pour obtenir la grille du projet.',
  }),
  notAWorkbook: msg({ en: () => 'is not a readable Excel workbook (.xlsx).', fr: () => 'n’est pas un classeur Excel (.xlsx) lisible.' }),
  /** `sheets`: the names of the workbook's sheets, a `listParam`. */
  noSheet: msg<'sheet' | 'sheets'>({
    en: (p) => `has no sheet "${s(p.sheet)}" (its sheets: ${listItems(p.sheets).map((n) => `"${n}"`).join(', ') || '—'}).`,
    fr: (p) => `n’a pas d’onglet « ${s(p.sheet)} » (ses onglets\u00a0: ${(listItems(p.sheets).map((n) => `"${n}"`).join(', ') || '—').replace(/"([^"]*)"/g, '« $1 »')}).`,
  }),
  tooManyRows: msg<'rows'>({ en: (p) => `has ${s(p.rows)} rows; the grid has about a hundred.`, fr: (p) => `compte ${s(p.rows)} lignes ; la grille en a une centaine.` }),
  /** `first`, `last`: the first and last official headers; `rows`: how many rows were searched. */
  noHeaderRow: msg<'first' | 'last' | 'rows'>({
    en: (p) => `has no header row "${s(p.first)}" … "${s(p.last)}" in its first ${s(p.rows)} rows.`,
    fr: (p) => `n’a pas de ligne d’en-têtes « ${s(p.first)} » … « ${s(p.last)} » dans ses ${s(p.rows)} premières lignes.`,
  }),
  columnMissing: msg<'column'>({ en: (p) => `column "${s(p.column)}" is missing (the cell is empty).`, fr: (p) => `la colonne « ${s(p.column)} » manque (la cellule est vide).` }),
  columnDiffers: msg<'column' | 'found'>({
    en: (p) => `column "${s(p.column)}" expected, found "${s(p.found)}".`,
    fr: (p) => `colonne « ${s(p.column)} » attendue, « ${s(p.found)} » trouvée.`,
  }),
  scenarioTwice: msg<'scenario' | 'row'>({
    en: (p) => `scenario "${s(p.scenario)}" is already on row ${s(p.row)}.`,
    fr: (p) => `le scénario « ${s(p.scenario)} » figure déjà ligne ${s(p.row)}.`,
  }),
  scenarioOfOtherVersion: msg<'scenario' | 'ruleset'>({
    en: (p) => `scenario "${s(p.scenario)}" is not one of ${s(p.ruleset)}: the grid is another version.`,
    fr: (p) => `le scénario « ${s(p.scenario)} » n’existe pas dans ${s(p.ruleset)}\u00a0: la grille est d’une autre version.`,
  }),
  /** `count`: how many scenarios of the ruleset have no row; `scenarios`: the first of them, joined. */
  scenarioRowsMissing: msg<'count' | 'ruleset' | 'scenarios'>({
    en: (p) => `lacks ${plural(Number(p.count), 'en', 'scenario row')} of ${s(p.ruleset)} (${s(p.scenarios)}): the grid is another version.`,
    fr: (p) =>
      `n’a pas ${Number(p.count) === 1 ? 'la ligne du scénario' : `les lignes de ${s(p.count)} scénarios`} de ${s(p.ruleset)} (${s(p.scenarios)})\u00a0: la grille est d’une autre version.`,
  }),
} satisfies TypedCatalog;
