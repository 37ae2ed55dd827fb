import { colon, lineDate } from '../i18n/format.js';
import { say } from '../i18n/text.js';
import { labels } from './labels.js';
import { FORMAT_TEXT } from './messages.js';
import { Chalk } from 'chalk';
import type { Report, Status } from '../report/report.js';
import { groupRequirements, sectionHeading } from './report-helpers.js';
import { dossierOf, nonZeroCounts, placeOf, STATUS_LABELS, summaryCounts, VERDICT_LABELS } from './status-labels.js';
import type { TextFormatter } from './types.js';

const ICONS: Record<Status, string> = { satisfied: '✔', not_applicable: '○', missing: '✖', failed: '✖', error: '!' };

/**
 * Terminal report: one line per requirement (under a heading per section when there are several),
 * then what to provide, then a line per profile and a summary line.
 */
export const textFormatter: TextFormatter = {
  name: 'text',
  description: 'Human-readable terminal report (coloured unless --no-color / NO_COLOR)',
  extension: 'txt',
  format(report: Report, ctx) {
    const c = new Chalk({ level: ctx.color ? 1 : 0 });
    const paint: Record<Status, (s: string) => string> = {
      satisfied: c.green,
      not_applicable: c.cyan,
      missing: c.yellow,
      failed: c.red,
      error: c.magenta,
    };
    const lang = ctx.lang;
    const lab = labels(lang);
    const statusLabels = STATUS_LABELS[lang];
    const lines: string[] = [];
    if (!ctx.quiet) {
      lines.push(c.bold(`${report.product.name} ${report.product.version} — ${report.product.manufacturer}`));
      const run = say(FORMAT_TEXT.runLine, { ruleset: `${report.ruleset.id} ${report.ruleset.version}`, manifest: report.manifest.path, asOf: lineDate(report.asOf, lang) }, lang);
      lines.push(c.dim(`${run}${report.read === false ? ` · ${say(FORMAT_TEXT.notRead, {}, lang)}` : ''}`));
      lines.push('');
    }
    const idWidth = report.requirements.reduce((w, r) => Math.max(w, r.id.length), 4);
    const labelWidth = Math.max(...Object.values(statusLabels).map((l) => l.length));
    const sections = groupRequirements(report, ctx.ruleset, 'section');
    const headed = sections.length > 1;
    for (const section of sections) {
      const shown = section.requirements.filter((r) => !ctx.quiet || !(r.status === 'satisfied' || r.status === 'not_applicable'));
      if (shown.length === 0) continue;
      if (headed) lines.push(`${c.bold(sectionHeading(ctx.ruleset, section.key, ctx.lang))}  ${c.dim(nonZeroCounts(section.counts, ctx.lang))}`);
      for (const r of shown) {
        const ok = r.status === 'satisfied' || r.status === 'not_applicable';
        lines.push(`${paint[r.status](`${ICONS[r.status]} ${r.id.padEnd(idWidth)}  ${statusLabels[r.status].padEnd(labelWidth)}`)}  ${r.title}`);
        if (r.status === 'not_applicable' && r.statement && !ctx.quiet) {
          lines.push(c.dim(`    ${statusLabels.not_applicable}${colon(lang)} ${(r.notApplicableReasons ?? []).join('; ')}`));
          const { name, role } = r.statement.signatory;
          lines.push(c.dim(`    ${say(FORMAT_TEXT.statementBy, { name, role, signedOn: lineDate(r.statement.signedOn, lang) }, lang)}`));
        }
        for (const f of r.findings) {
          if (ok && f.severity === 'info' && ctx.quiet) continue;
          const place = placeOf(f, dossierOf(report));
          const mark = f.severity === 'error' ? '' : f.severity === 'warning' ? c.yellow('⚠ ') : c.dim('ℹ ');
          lines.push(`    ${mark}${place ? `${c.dim(place)}  ` : ''}${f.message}`);
          if (f.hint) lines.push(`      ${c.dim('→')} ${f.hint}`);
        }
      }
      if (headed) lines.push('');
    }
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    const profiles = groupRequirements(report, ctx.ruleset, 'profile').filter((g) => g.key !== '');
    if (profiles.length > 0) {
      const width = Math.max(...profiles.map((g) => g.key.length));
      lines.push(`${lab.byProfile}${colon(lang)}`, ...profiles.map((g) => `  ${g.key.padEnd(width)}  ${nonZeroCounts(g.counts, ctx.lang)}`));
    }
    const verdict = report.verdict === 'pass' ? c.green.bold(VERDICT_LABELS[ctx.lang].pass) : c.red.bold(VERDICT_LABELS[ctx.lang].fail);
    lines.push(`${say(FORMAT_TEXT.tally, {}, lang)}${colon(lang)} ${summaryCounts(report.summary, ctx.lang)} — ${verdict}`);
    return `${lines.join('\n')}\n`;
  },
};
