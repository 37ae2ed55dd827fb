import { lineDate } from '../i18n/format.js';
import { Chalk } from 'chalk';
import type { Report, Status } from '../report/report.js';
import { groupRequirements, sectionHeading } from './report-helpers.js';
import { dossierOf, nonZeroCounts, placeOf, STATUS_LABELS, summaryCounts, VERDICT_LABELS } from './status-labels.js';
import type { TextFormatter } from './types.js';

const ICONS: Record<Status, string> = { satisfied: '✔', not_applicable: '○', missing: '✖', failed: '✖', error: '!' };

const WORDS = {
  en: { ruleset: 'ruleset', manifest: 'manifest', asOf: 'as of', summary: 'Summary:', byProfile: 'By profile:', statement: 'sworn statement by', signedOn: 'signed on', na: 'not applicable:', noRead: 'content not read (--no-read)' },
  fr: { ruleset: 'référentiel', manifest: 'manifeste', asOf: 'au', summary: 'Bilan\u00a0:', byProfile: 'Par profil\u00a0:', statement: 'déclaration sur l’honneur de', signedOn: 'signée le', na: 'non applicable\u00a0:', noRead: 'contenu non lu (--no-read)' },
} as const;

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
    const w = WORDS[ctx.lang];
    const labels = STATUS_LABELS[ctx.lang];
    const lines: string[] = [];
    if (!ctx.quiet) {
      lines.push(c.bold(`${report.product.name} ${report.product.version} — ${report.product.manufacturer}`));
      lines.push(c.dim(`${w.ruleset} ${report.ruleset.id} ${report.ruleset.version} · ${w.manifest} ${report.manifest.path} · ${w.asOf} ${lineDate(report.asOf, ctx.lang)}${report.read === false ? ` · ${w.noRead}` : ''}`));
      lines.push('');
    }
    const idWidth = report.requirements.reduce((w, r) => Math.max(w, r.id.length), 4);
    const labelWidth = Math.max(...Object.values(labels).map((l) => l.length));
    const sections = groupRequirements(report, ctx.ruleset, 'section');
    const headed = sections.length > 1;
    for (const section of sections) {
      const shown = section.requirements.filter((r) => !ctx.quiet || !(r.status === 'satisfied' || r.status === 'not_applicable'));
      if (shown.length === 0) continue;
      if (headed) lines.push(`${c.bold(sectionHeading(ctx.ruleset, section.key, ctx.lang))}  ${c.dim(nonZeroCounts(section.counts, ctx.lang))}`);
      for (const r of shown) {
        const ok = r.status === 'satisfied' || r.status === 'not_applicable';
        lines.push(`${paint[r.status](`${ICONS[r.status]} ${r.id.padEnd(idWidth)}  ${labels[r.status].padEnd(labelWidth)}`)}  ${r.title}`);
        if (r.status === 'not_applicable' && r.statement && !ctx.quiet) {
          lines.push(c.dim(`    ${w.na} ${(r.notApplicableReasons ?? []).join('; ')}`));
          lines.push(c.dim(`    ${w.statement} ${r.statement.signatory.name} (${r.statement.signatory.role}), ${w.signedOn} ${lineDate(r.statement.signedOn, ctx.lang)}`));
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
      lines.push(w.byProfile, ...profiles.map((g) => `  ${g.key.padEnd(width)}  ${nonZeroCounts(g.counts, ctx.lang)}`));
    }
    const verdict = report.verdict === 'pass' ? c.green.bold(VERDICT_LABELS[ctx.lang].pass) : c.red.bold(VERDICT_LABELS[ctx.lang].fail);
    lines.push(`${w.summary} ${summaryCounts(report.summary, ctx.lang)} — ${verdict}`);
    return `${lines.join('\n')}\n`;
  },
};
