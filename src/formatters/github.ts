import { summaryCounts } from './status-labels.js';
import type { Finding, Report, RequirementReport } from '../report/report.js';
import type { FormatContext, TextFormatter } from './types.js';
import { labels, type Labels } from './labels.js';
import { isNotSatisfied, repoPath } from './report-helpers.js';
import { stripInvalidXmlChars } from './xml-escape.js';
import { colon } from '../i18n/format.js';
import { say } from '../i18n/text.js';
import { FORMAT_TEXT } from './messages.js';

/** A workflow command's message: `%`, CR and LF are encoded (GitHub decodes them; a raw LF would end the command). */
export function escapeData(s: string): string {
  return stripInvalidXmlChars(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as data, plus `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Command = 'error' | 'warning' | 'notice';

function command(name: Command, props: readonly [string, string | number | undefined][], message: string): string {
  const p = props
    .filter((kv): kv is [string, string | number] => kv[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

function commandOf(f: Finding): Command {
  return f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
}

function annotation(report: Report, f: Finding, title: string, lab: Labels): string {
  // Without a file, the annotation is pinned to the manifest, which is where the dossier is described.
  const file = repoPath(report, f.file ?? report.manifest.path.replace(/\\/g, '/').split('/').pop() ?? report.manifest.path);
  const line = f.file !== undefined ? f.line : undefined;
  const col = line !== undefined ? f.column : undefined;
  const message = f.hint === undefined ? f.message : `${f.message}\n${lab.hint}${lab.colon}${f.hint}`;
  return command(
    commandOf(f),
    [
      ['file', file],
      ['line', line],
      ['col', col],
      ['title', title],
    ],
    message,
  );
}

/**
 * Which findings become annotations: errors and warnings. Infos are left out, those of failing
 * requirements too: GitHub shows 10 notices per step, and the summary notice must be one of them.
 */
function shown(f: Finding): boolean {
  return f.severity !== 'info';
}

function requirementLines(report: Report, r: RequirementReport, lab: Labels): string[] {
  const title = `${r.id} (${lab.status[r.status]})${lab.colon}${r.title}`;
  const lines = r.findings.filter(shown).map((f) => annotation(report, f, title, lab));
  if (isNotSatisfied(r.status) && r.findings.length === 0) {
    lines.push(command('error', [['title', title]], lab.status[r.status]));
  }
  return lines;
}

function format(report: Report, ctx: FormatContext): string {
  const lab = labels(ctx.lang);
  const lines = report.requirements.flatMap((r) => requirementLines(report, r, lab));
  lines.push(...report.findings.filter(shown).map((f) => annotation(report, f, lab.dossierFindings, lab)));
  const counts = summaryCounts(report.summary, ctx.lang);
  lines.push(
    command(
      'notice',
      [['title', `${report.tool.name} — ${report.product.name} ${report.product.version}`]],
      `${lab.verdictHeading}${lab.colon}${lab.verdict[report.verdict]} — ${counts} (${report.ruleset.id} ${report.ruleset.version}, ${lab.asOf.toLowerCase()} ${report.asOf})`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** GitHub Actions workflow commands: annotations on the manifest lines and evidence files. */
export const githubFormatter: TextFormatter = {
  name: 'github',
  description: 'GitHub Actions annotations (::error, ::warning) at the manifest lines, and a ::notice summary',
  extension: 'txt',
  format,
};

/**
 * An input error (exit 2) as an annotation, so the commonest first failure in CI (a typo in the
 * manifest) shows on the line to fix, like findings do.
 */
export function inputErrorAnnotation(p: { file: string; line?: number; column?: number; subject?: string | undefined; message: string; hint?: string }, lang: 'en' | 'fr'): string {
  const title = say(FORMAT_TEXT.invalidInput, {}, lang);
  const where: [string, string | number | undefined][] =
    p.file === 'command line' ? [] : [['file', p.file.replace(/\\/g, '/')], ['line', p.line], ['col', p.line !== undefined ? p.column : undefined]];
  const text = `${p.subject ? `${p.subject}${colon(lang)} ` : ''}${p.message}${p.hint ? `\n${p.hint}` : ''}`;
  return command('error', [...where, ['title', title]], text);
}
