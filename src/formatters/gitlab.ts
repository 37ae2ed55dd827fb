import type { Finding, Report, RequirementReport } from '../report/report.js';
import type { FormatContext, TextFormatter } from './types.js';
import { Fingerprints } from './fingerprint.js';
import { findingHelpUri } from './help-links.js';
import { labels, type Labels } from './labels.js';
import { isNotSatisfied, isUrl, repoPath } from './report-helpers.js';

/** GitLab Code Quality severities, mildest first. */
type Severity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: Severity;
  location: { path: string; lines: { begin: number; end?: number } };
  categories: string[];
  content?: { body: string };
}

/**
 * How bad a finding is for the merge-request widget: what makes the verdict fail is `major`
 * (`critical` when a check could not run at all, as nothing was verified), warnings `minor`,
 * notes `info`.
 */
function severityOf(f: Finding, requirement: RequirementReport | undefined): Severity {
  if (f.severity === 'error') return f.status === 'error' || requirement?.status === 'error' ? 'critical' : 'major';
  return f.severity === 'warning' ? 'minor' : 'info';
}

/** Infos about a requirement that holds are noise in a merge request; everything else is shown. */
function shown(f: Finding, requirement: RequirementReport | undefined): boolean {
  return (requirement !== undefined && isNotSatisfied(requirement.status)) || f.severity !== 'info';
}

interface Ctx {
  report: Report;
  lab: Labels;
  manifestName: string;
  prints: Fingerprints;
}

function issueOf(c: Ctx, f: Finding, requirement: RequirementReport | undefined): Issue {
  // A FHIR URL is no file of the repository: the issue sits on the manifest, which names it.
  const inRepo = f.file !== undefined && !isUrl(f.file);
  const path = repoPath(c.report, inRepo ? f.file! : c.manifestName);
  const begin = inRepo && f.line !== undefined ? f.line : 1;
  const lines: Issue['location']['lines'] = { begin };
  if (inRepo && f.endLine !== undefined && f.endLine !== begin) lines.end = f.endLine;
  const prefix = requirement ? `${requirement.id}${c.lab.colon}` : '';
  const body = [f.hint !== undefined ? `${c.lab.hint}${c.lab.colon}${f.hint}` : undefined, `[${f.code}](${findingHelpUri(f.code)})`].filter((x) => x !== undefined);
  return {
    description: `${prefix}${f.message}`,
    check_name: f.code,
    fingerprint: c.prints.finding(requirement?.id, f, c.manifestName),
    severity: severityOf(f, requirement),
    location: { path, lines },
    categories: ['Compatibility'],
    content: { body: body.join('\n\n') },
  };
}

function requirementIssues(c: Ctx, r: RequirementReport): Issue[] {
  const out = r.findings.filter((f) => shown(f, r)).map((f) => issueOf(c, f, r));
  if (isNotSatisfied(r.status) && r.findings.length === 0) {
    out.push({
      description: `${r.id}${c.lab.colon}${c.lab.status[r.status]}`,
      check_name: `requirement.${r.status}`,
      fingerprint: c.prints.requirement(r.id, r.status),
      severity: r.status === 'error' ? 'critical' : 'major',
      location: { path: repoPath(c.report, c.manifestName), lines: { begin: 1 } },
      categories: ['Compatibility'],
    });
  }
  return out;
}

function format(report: Report, ctx: FormatContext): string {
  const manifestName = report.manifest.path.replace(/\\/g, '/').split('/').pop() ?? report.manifest.path;
  const c: Ctx = { report, lab: labels(ctx.lang), manifestName, prints: new Fingerprints(report) };
  const issues = report.requirements.flatMap((r) => requirementIssues(c, r));
  issues.push(...report.findings.filter((f) => shown(f, undefined)).map((f) => issueOf(c, f, undefined)));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/** GitLab Code Quality report (the merge-request widget): one issue per finding that matters. */
export const gitlabFormatter: TextFormatter = {
  name: 'gitlab',
  description: 'GitLab Code Quality JSON for the merge-request widget: one issue per finding, with a stable fingerprint, severity and manifest line',
  extension: 'json',
  format,
};
