import type { BuiltinFinding } from '../checks/codes.js';
import type { RawFinding } from '../report/report.js';
import { placeOf } from '../diagnostics/user-input-error.js';
import type { EvidenceFile, OpenResult } from '../evidence/evidence-file.js';
import type { Kind } from '../evidence/kinds.js';
import type { FileReport, StatementReport } from '../report/report.js';
import type { Statement } from '../manifest/types.js';
import type { RequirementDef } from '../ruleset/types.js';
import { runCheck, type Evaluation } from './evaluation.js';

/** Shortest justification accepted (CONTRACT §5). */
export const MIN_JUSTIFICATION = 40;

const DOCUMENT_KINDS: ReadonlySet<Kind> = new Set(['pdf', 'png', 'jpeg', 'gif', 'webp']);

/**
 * Judges a sworn statement at `asOf`: justification of at least 40 characters, signatory name and
 * role, signed on or before `asOf`, not expired, and its scan (if any) a PDF or an image.
 */
export function statementFindings(st: Statement, asOf: string, document: OpenResult | undefined): BuiltinFinding[] {
  const out: BuiltinFinding[] = [];
  const here = placeOf(st.at);
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
    const at = placeOf(st.document.at);
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

/** The name a statement's document goes by in its checks' context. */
const STATEMENT_SLOT = 'statement-document';

/**
 * Runs the ruleset's statement-document checks on a statement's scanned document (a readable PDF or
 * image, as `statementFindings` accepted it), as a slot's checks run on its files.
 */
export async function statementDocumentFindings(req: RequirementDef, statement: Statement, file: EvidenceFile, input: Evaluation): Promise<RawFinding[]> {
  const out: RawFinding[] = [];
  const at = statement.document!.at;
  const statementOf = { ...(statement.signatory?.name ? { signatory: statement.signatory.name } : {}), ...(statement.signedOn ? { signedOn: statement.signedOn } : {}) };
  for (const use of input.ruleset.statementDocumentChecks) {
    const result = await runCheck(input, use, at, { requirement: req.id, slot: STATEMENT_SLOT, files: [file], provided: new Set(), statement: statementOf });
    for (const f of result.findings) {
      const placed = { ...f };
      delete placed.slot;
      out.push(placed);
    }
  }
  return out;
}

export async function statementToReport(st: Statement, doc: OpenResult | undefined, valid: boolean): Promise<StatementReport> {
  let document: FileReport | null = null;
  if (st.document) {
    document = { path: st.document.path, sha256: null, bytes: null, kind: null };
    if (doc?.ok) {
      document.bytes = doc.file.bytes;
      document.kind = doc.file.mime;
      try {
        document.sha256 = await doc.file.sha256();
      } catch {
        document.sha256 = null;
      }
    }
  }
  return {
    justification: st.justification ?? '',
    signatory: { name: st.signatory?.name ?? '', role: st.signatory?.role ?? '' },
    signedOn: st.signedOn ?? '',
    expiresOn: st.expiresOn ?? null,
    document,
    valid,
  };
}
