import type { Workbook } from 'exceljs';

/*
 * exceljs writes the workbook; it is loaded only when a workbook is asked for (it costs about a
 * quarter of a second to import). Its zip writer (JSZip) stamps every entry with the current
 * time, so the finished zip is rewritten once with one fixed date: the same inputs then give the
 * same bytes.
 */

type ExcelJs = typeof import('exceljs');

let excel: Promise<ExcelJs> | undefined;

/** The exceljs module (CommonJS, so its exports sit on `default` when imported from ESM). */
export function loadExcelJs(): Promise<ExcelJs> {
  excel ??= import('exceljs').then((m) => (m as { default?: ExcelJs }).default ?? m);
  return excel;
}

/** A fresh workbook, or the template's bytes read into one. */
export async function openWorkbook(template?: Uint8Array): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  if (template) await wb.xlsx.load(Buffer.from(template.buffer, template.byteOffset, template.byteLength) as unknown as ArrayBuffer);
  return wb;
}

/** The workbook's bytes, every zip entry dated `when` (UTC), entries in exceljs's order. */
export async function workbookBytes(wb: Workbook, when: Date): Promise<Uint8Array> {
  const raw = await wb.xlsx.writeBuffer();
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(raw);
  zip.forEach((_name, entry) => {
    entry.date = when;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
