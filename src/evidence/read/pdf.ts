/**
 * The text of a PDF: its text layer, page by page (unpdf, a serverless build of PDF.js that runs no
 * script the PDF carries). A page without text (a scan) is rendered (bounded size) for OCR by the caller.
 */
import { requireNative } from '../../util/native.js';

export interface PdfPage {
  page: number;
  text: string;
}

export type PdfText =
  | { ok: true; pages: PdfPage[]; totalPages: number }
  | { ok: false; problem: 'encrypted' | 'corrupt' | 'too-many-pages'; params: Record<string, string | number> };

/** Characters a page's text layer must have to count as text (a scan often carries a stray glyph or two). */
const TEXT_PAGE_CHARS = 16;

export function hasText(p: PdfPage): boolean {
  return p.text.replace(/\s+/g, '').length >= TEXT_PAGE_CHARS;
}

/** What unpdf takes as `canvasImport` (it unwraps a CommonJS module itself). */
type CanvasModule = Awaited<ReturnType<NonNullable<NonNullable<Parameters<typeof import('unpdf').renderPageAsImage>[2]>['canvasImport']>>>;

type PdfDocument = Awaited<ReturnType<typeof import('unpdf').getDocumentProxy>>;

export interface OpenedPdf {
  doc: PdfDocument;
  text: PdfText;
}

/** Opens a PDF and extracts its text layer; `maxPages` bounds a page-count bomb. */
export async function readPdf(data: Buffer, maxPages: number): Promise<OpenedPdf | PdfText> {
  const { getDocumentProxy, extractText } = await import('unpdf');
  let doc: PdfDocument;
  try {
    doc = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  } catch (err) {
    const name = (err as { name?: string }).name ?? '';
    if (name === 'PasswordException') return { ok: false, problem: 'encrypted', params: {} };
    return { ok: false, problem: 'corrupt', params: { kind: 'application/pdf' } };
  }
  if (doc.numPages > maxPages) {
    await doc.destroy();
    return { ok: false, problem: 'too-many-pages', params: { pages: doc.numPages, limit: maxPages } };
  }
  try {
    const { text, totalPages } = await extractText(doc, { mergePages: false });
    return { doc, text: { ok: true, pages: text.map((t, i) => ({ page: i + 1, text: t })), totalPages } };
  } catch {
    await doc.destroy();
    return { ok: false, problem: 'corrupt', params: { kind: 'application/pdf' } };
  }
}

/** Renders one page as a PNG at most `maxSide` pixels on its longer side, for OCR. */
export async function renderPdfPage(doc: PdfDocument, page: number, maxSide: number): Promise<Buffer> {
  const { renderPageAsImage } = await import('unpdf');
  const p = await doc.getPage(page);
  const vp = p.getViewport({ scale: 1 });
  // About 150 dpi for an A4 page (595 pt wide), never more than maxSide.
  const scale = Math.min(2, maxSide / Math.max(vp.width, vp.height));
  const png = await renderPageAsImage(doc, page, { canvasImport: () => Promise.resolve(requireNative<CanvasModule>('@napi-rs/canvas')), scale });
  return Buffer.from(png);
}
