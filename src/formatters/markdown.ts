import type { Finding, Report, RequirementReport, Status } from '../report/report.js';
import type { FormatContext, TextFormatter } from './types.js';
import { labels, type Labels } from './labels.js';
import { codeSpan, escapeMarkdown as md } from './markdown-escape.js';
import { groupRequirements, isNotSatisfied, locationText, sectionHeading, signatureText, type ReportGroup } from './report-helpers.js';
import { statusCount } from './status-labels.js';

/** The emoji is decoration: the status word always follows it, for readers and screen readers alike. */
const EMOJI: Record<Status, string> = {
  satisfied: '✅',
  not_applicable: '⚪',
  missing: '⚠️',
  failed: '❌',
  error: '⛔',
};

const STATUSES: readonly Status[] = ['satisfied', 'not_applicable', 'missing', 'failed', 'error'];

function statusText(status: Status, lab: Labels): string {
  return `${EMOJI[status]} ${md(lab.status[status])}`;
}

function findingLines(f: Finding, lab: Labels): string[] {
  const lines = [`- **${md(lab.severity[f.severity])}** ${md(f.message)}`];
  if (f.hint !== undefined) lines.push(`  - ${md(lab.hint)}${lab.colon}${md(f.hint)}`);
  const where = locationText(f, lab);
  if (where !== undefined) lines.push(`  - ${codeSpan(where)}`);
  return lines;
}

function details(r: RequirementReport, lab: Labels): string[] {
  const out = ['', `#### ${EMOJI[r.status]} ${md(r.id)} — ${md(r.title)}`, '', `${md(lab.statusHeading)}${lab.colon}**${md(lab.status[r.status])}**`];
  if (r.status === 'not_applicable') {
    const reasons = r.notApplicableReasons ?? [];
    if (reasons.length > 0) out.push('', `${md(lab.notApplicableBecause)}${lab.colon}${reasons.map(md).join('; ')}`);
    if (r.statement) {
      out.push('', `> ${md(r.statement.justification)}`, '', `— ${md(signatureText(r.statement, lab))}`);
      if (r.statement.document) out.push('', `${md(lab.document)}${lab.colon}${codeSpan(r.statement.document.path)}`);
    }
  }
  if (r.findings.length > 0) out.push('', ...r.findings.flatMap((f) => findingLines(f, lab)));
  return out;
}

/** `| Section | satisfied | … |`: one row per group, the statuses as columns. */
function countsTable(heading: string, groups: readonly ReportGroup[], name: (g: ReportGroup) => string, lab: Labels): string[] {
  return [
    '',
    `| ${md(heading)} | ${STATUSES.map((k) => `${EMOJI[k]} ${md(lab.status[k])}`).join(' | ')} |`,
    `| --- |${STATUSES.map(() => ' ---: |').join('')}`,
    ...groups.map((g) => `| ${md(name(g))} | ${STATUSES.map((k) => String(g.counts[k])).join(' | ')} |`),
  ];
}

function format(report: Report, ctx: FormatContext): string {
  const lab = labels(ctx.lang);
  const s = report.summary;
  const verdictEmoji = report.verdict === 'pass' ? '✅' : '❌';
  const counts = STATUSES.filter((k) => s[k] > 0)
    .map((k) => md(statusCount(s[k], k, ctx.lang)))
    .join(' · ');
  const out = [
    `## ${md(report.tool.name)}${lab.colon}${md(`${report.product.name} ${report.product.version}`)} — ${verdictEmoji} ${md(lab.verdict[report.verdict])}`,
    '',
    `**${md(lab.verdictHeading)}${lab.colon}${verdictEmoji} ${md(lab.verdict[report.verdict])}**${counts ? ` · ${counts}` : ''}`,
    '',
    `${md(lab.ruleset)} ${codeSpan(report.ruleset.id)} ${md(report.ruleset.version)} · ${md(lab.asOf)} ${md(report.asOf)} · ${md(lab.manufacturer)}${lab.colon}${md(report.product.manufacturer)}`,
  ];
  const sections = groupRequirements(report, ctx.ruleset, 'section');
  if (sections.length > 1) out.push(...countsTable(lab.section, sections, (g) => sectionHeading(ctx.ruleset, g.key, ctx.lang), lab));
  const profiles = groupRequirements(report, ctx.ruleset, 'profile').filter((g) => g.key !== '');
  if (profiles.length > 0) out.push(...countsTable(lab.profile, profiles, (g) => g.key, lab));
  const listed = report.requirements.filter((r) => !ctx.quiet || isNotSatisfied(r.status));
  if (listed.length > 0) {
    out.push('', `| ${md(lab.requirement)} | ${md(lab.statusHeading)} | ${md(lab.title)} |`, '| --- | --- | --- |');
    for (const r of listed) out.push(`| ${md(r.id)} | ${statusText(r.status, lab)} | ${md(r.title)} |`);
  }
  const detailed = listed.filter((r) => r.status !== 'satisfied' || r.findings.length > 0);
  if (detailed.length > 0) out.push('', `### ${md(lab.details)}`, ...detailed.flatMap((r) => details(r, lab)));
  if (report.findings.length > 0) {
    out.push('', `### ${md(lab.dossierFindings)}`, '', ...report.findings.flatMap((f) => findingLines(f, lab)));
  }
  out.push(
    '',
    `<sub>${md(`${report.tool.name} ${report.tool.version}`)} · ${md(lab.ruleset)} sha256 ${codeSpan(report.ruleset.sha256)} · ${md(lab.manifest)} ${codeSpan(report.manifest.path)} sha256 ${codeSpan(report.manifest.sha256)} · ${md(lab.generatedAt)} ${md(report.generatedAt)}</sub>`,
    '',
  );
  return out.join('\n');
}

/** Markdown summary of the dossier, fit for a pull-request comment. */
export const markdownFormatter: TextFormatter = {
  name: 'markdown',
  description: 'Markdown summary for a pull-request comment: verdict, a table of requirements, details of what is not satisfied',
  extension: 'md',
  format,
};
