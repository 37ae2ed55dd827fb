import type { Finding, Report, RequirementReport } from '../report/report.js';
import type { FormatContext, TextFormatter } from './types.js';
import { labels, type Labels } from './labels.js';
import { locationText, repoPath, signatureText } from './report-helpers.js';
import { cdata, escapeXmlAttr } from './xml-escape.js';
import { say } from '../i18n/text.js';
import { FORMAT_TEXT } from './messages.js';

/** A finding as a few plain-text lines: severity, code and message, then where, then the hint. */
function findingText(f: Finding, lab: Labels): string {
  const lines = [`[${lab.severity[f.severity]}] ${f.code}${lab.colon}${f.message}`];
  const where = locationText(f, lab);
  if (where !== undefined) lines.push(`  ${say(FORMAT_TEXT.findingPlace, { where }, lab.lang)}`);
  if (f.hint !== undefined) lines.push(`  ${lab.hint}${lab.colon}${f.hint}`);
  return lines.join('\n');
}

function findingsText(findings: readonly Finding[], lab: Labels): string {
  return findings.map((f) => findingText(f, lab)).join('\n');
}

function attrs(pairs: readonly [string, string | number][]): string {
  return pairs.map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`).join('');
}

/** The one-line message of a failure or error: the finding that drove the status, else the first. */
function headline(r: RequirementReport, lab: Labels): string {
  const driver = r.findings.find((f) => f.status === r.status) ?? r.findings.find((f) => f.severity === 'error') ?? r.findings[0];
  return driver?.message ?? lab.status[r.status];
}

/**
 * One requirement. Its name is the official id alone (`IEU 2`): titles change with the language and
 * the ruleset's wording, and CI test histories (GitLab, Jenkins) key on the name. `file` is the
 * manifest, where the requirement's evidence is named.
 */
function testcase(r: RequirementReport, classname: string, file: string, lab: Labels): string {
  const open = `    <testcase${attrs([
    ['classname', classname],
    ['name', r.id],
    ['file', file],
  ])}`;
  const body: string[] = [];
  switch (r.status) {
    case 'missing':
    case 'failed':
      body.push(`      <failure${attrs([['message', headline(r, lab)], ['type', r.status]])}>${cdata(findingsText(r.findings, lab))}</failure>`);
      break;
    case 'error':
      body.push(`      <error${attrs([['message', headline(r, lab)], ['type', r.status]])}>${cdata(findingsText(r.findings, lab))}</error>`);
      break;
    case 'not_applicable': {
      const reasons = r.notApplicableReasons ?? [];
      const message = r.statement?.justification ?? reasons.join('; ');
      const detail: string[] = [];
      if (reasons.length > 0) detail.push(`${lab.notApplicableBecause}${lab.colon}${reasons.join('; ')}`);
      if (r.statement) detail.push(`${lab.signatory}${lab.colon}${signatureText(r.statement, lab)}`);
      if (r.statement?.document) detail.push(`${lab.document}${lab.colon}${r.statement.document.path} (sha256 ${r.statement.document.sha256 ?? lab.unreadable})`);
      body.push(`      <skipped${attrs([['message', message]])}>${cdata(detail.join('\n'))}</skipped>`);
      if (r.findings.length > 0) body.push(`      <system-out>${cdata(findingsText(r.findings, lab))}</system-out>`);
      break;
    }
    case 'satisfied':
      if (r.findings.length > 0) body.push(`      <system-out>${cdata(findingsText(r.findings, lab))}</system-out>`);
      break;
  }
  return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
}

function format(report: Report, ctx: FormatContext): string {
  const lab = labels(ctx.lang);
  const s = report.summary;
  const counts: [string, number][] = [
    ['tests', report.requirements.length],
    ['failures', s.failed + s.missing],
    ['errors', s.error],
  ];
  const manifestFile = repoPath(report, report.manifest.path.replace(/\\/g, '/').split('/').pop() ?? report.manifest.path);
  const properties: [string, string][] = [
    ['ruleset.version', report.ruleset.version],
    ['ruleset.sha256', report.ruleset.sha256],
    ['manifest', report.manifest.path],
    ['manifest.sha256', report.manifest.sha256],
    ['product', `${report.product.name} ${report.product.version}`],
    ['manufacturer', report.product.manufacturer],
    ['asOf', report.asOf],
    ['generatedAt', report.generatedAt],
    ['verdict', report.verdict],
    ['tool', `${report.tool.name} ${report.tool.version}`],
    // Test case names are ids; their titles, in the report's language, are here.
    ...report.requirements.map((r): [string, string] => [`title.${r.id}`, r.title]),
  ];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // The common JUnit XSD (Jenkins, after Ant) has no `skipped` on <testsuites>: only the suite counts it.
    `<testsuites${attrs([['name', report.tool.name], ...counts])}>`,
    `  <testsuite${attrs([['name', report.ruleset.id], ...counts, ['skipped', s.not_applicable], ['file', manifestFile]])}>`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property${attrs([['name', name], ['value', value]])}/>`),
    '    </properties>',
    ...report.requirements.map((r) => testcase(r, report.ruleset.id, manifestFile, lab)),
  ];
  if (report.findings.length > 0) {
    out.push(`    <system-out>${cdata(`${lab.dossierFindings}${lab.colon.trimEnd()}\n${findingsText(report.findings, lab)}`)}</system-out>`);
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}

/** JUnit XML: one testsuite for the ruleset, one testcase per requirement. */
export const junitFormatter: TextFormatter = {
  name: 'junit',
  description: 'JUnit XML for CI test reports (valid against the common JUnit XSD): one test case per requirement named by its id, failed/missing as failures, error as errors, not applicable as skipped',
  extension: 'xml',
  format,
};
