import type { OpenResult } from '../evidence/evidence-file.js';
import type { Kind } from '../evidence/kinds.js';
import type { RawFinding } from '../report/report.js';
import type { Statement } from '../manifest/types.js';

/** Shortest justification accepted (CONTRACT §5). */
export const MIN_JUSTIFICATION = 40;

const DOCUMENT_KINDS: ReadonlySet<Kind> = new Set(['pdf', 'png', 'jpeg', 'gif', 'webp']);

/**
 * Judges a sworn statement at `asOf`: justification of at least 40 characters, signatory name and
 * role, signed on or before `asOf`, not expired, and its scan (if any) a PDF or an image.
 */
export function statementFindings(st: Statement, asOf: string, document: OpenResult | undefined): RawFinding[] {
  const out: RawFinding[] = [];
  const here = { file: st.at.file, line: st.at.line, column: st.at.column };
  const length = (st.justification ?? '').trim().length;
  if (length < MIN_JUSTIFICATION) {
    out.push({ code: 'statement.justification-short', severity: 'error', ...here, params: { length, min: MIN_JUSTIFICATION } });
  }
  for (const field of ['name', 'role'] as const) {
    if (!st.signatory?.[field]?.trim()) out.push({ code: 'statement.signatory-missing', severity: 'error', ...here, params: { field } });
  }
  if (st.signedOn === undefined) out.push({ code: 'statement.signed-on-missing', severity: 'error', ...here });
  else if (st.signedOn > asOf) out.push({ code: 'statement.not-yet-signed', severity: 'error', ...here, params: { signedOn: st.signedOn, asOf } });
  if (st.expiresOn !== undefined && st.expiresOn < asOf) {
    out.push({ code: 'statement.expired', severity: 'error', ...here, params: { expiresOn: st.expiresOn, asOf } });
  }
  if (st.document && document) {
    const at = { file: st.document.at.file, line: st.document.at.line, column: st.document.at.column };
    if (!document.ok) {
      if (document.reason === 'missing') out.push({ code: 'statement.document-missing', severity: 'error', ...at, params: { file: st.document.path } });
      else {
        const reason = document.reason === 'not-regular' ? document.what : document.reason === 'unreadable' ? document.code : document.reason;
        out.push({
          code: 'statement.document-unreadable',
          severity: 'error',
          status: document.reason === 'unreadable' ? 'error' : 'failed',
          ...at,
          params: { file: st.document.path, reason },
        });
      }
    } else if (!DOCUMENT_KINDS.has(document.file.kind)) {
      out.push({ code: 'statement.document-kind', severity: 'error', ...at, params: { file: st.document.path, kind: document.file.mime } });
    }
  }
  return out;
}
