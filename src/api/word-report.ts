import { word, type Catalog, type Lang } from '../i18n/index.js';
import type { EvaluatedReport, EvaluatedRequirement, Finding, RawFinding, Report, RequirementReport } from '../report/report.js';

/**
 * Words what the engine evaluated in one language: each finding from the catalogue (its message and
 * hint), each requirement's title and reasons from the ruleset's text in that language. The same
 * evaluation words the same way in any language; nothing else changes.
 */
export function wordReport(evaluated: EvaluatedReport, lang: Lang, catalog: Catalog): Report {
  const { report, tool, ruleset, manifest, product, facts, asOf, generatedAt, read, verdict, summary } = evaluated;
  return {
    report,
    tool,
    ruleset,
    manifest,
    product,
    facts,
    asOf,
    generatedAt,
    lang,
    ...(read !== undefined ? { read } : {}),
    verdict,
    summary,
    findings: evaluated.findings.map((f) => wordFinding(f, lang, catalog)),
    requirements: evaluated.requirements.map((r) => wordRequirement(r, lang, catalog)),
  };
}

function wordRequirement(r: EvaluatedRequirement, lang: Lang, catalog: Catalog): RequirementReport {
  // in the engine's key order: the JSON report stays byte-stable
  return {
    id: r.id,
    title: r.title[lang],
    status: r.status,
    ...(r.notApplicableReasons !== undefined ? { notApplicableReasons: r.notApplicableReasons.map((reason) => reason[lang]) } : {}),
    findings: r.findings.map((f) => wordFinding(f, lang, catalog)),
    slots: r.slots,
    statement: r.statement,
  };
}

/** A finding worded: its message and hint, then its data as the engine gave it. */
function wordFinding(f: RawFinding, lang: Lang, catalog: Catalog): Finding {
  const { message, hint } = word(f.code, { ...(f.params ?? {}), slot: f.slot }, lang, catalog);
  const out: Finding = { code: f.code, severity: f.severity, message };
  if (hint !== undefined) out.hint = hint;
  if (f.status !== undefined) out.status = f.status;
  if (f.params !== undefined) out.params = f.params;
  for (const k of ['slot', 'file', 'line', 'column', 'endLine', 'endColumn', 'record', 'pointer'] as const) {
    if (f[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = f[k];
  }
  return out;
}
