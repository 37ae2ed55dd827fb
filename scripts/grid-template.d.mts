// Types of scripts/grid-template.mjs, for the tests that import it.
import type { Workbook } from 'exceljs';

/** The official headers of A–R, as the ANS file heads them. */
export const HEADERS: readonly string[];

/** One scenario row of a template. */
export interface TemplateRow {
  profile: string;
  section: string;
  requirementId: string;
  scenarioId: string;
  proofIds: readonly string[];
}

export function buildGridTemplate(ExcelJS: typeof import('exceljs'), rows: readonly TemplateRow[], options?: { sheet?: string }): Workbook;
export function rowsOfRuleset(ruleset: { requirements: readonly unknown[]; sections?: readonly unknown[] }): TemplateRow[];
