import path from 'node:path';
import { Chalk } from 'chalk';
import type { Status } from '../report/report.js';
import { printableDeep } from '../diagnostics/printable.js';
import { placeOf, STATUS_LABELS, VERDICT_LABELS } from '../formatters/status-labels.js';
import type { Lang } from '../i18n/index.js';
import { lineDate } from '../i18n/format.js';
import { displayPath } from '../manifest/load.js';
import { readReport } from '../audit/read-report.js';
import { diffReports, type ChangeKind, type DiffNote, type DiffSide, type ReportDiff } from '../audit/report-diff.js';
import { langOf, useColor, type CommonOptions } from './common.js';
import { say } from '../i18n/text.js';
import type { MessageDef } from '../i18n/types.js';
import { DIFF_TEXT } from './messages-diff.js';
import type { CliIo } from './io.js';

export interface DiffOptions extends CommonOptions {
  /** `text` (default) or `json`. */
  format?: string;
}

/** The sections of the output, in order, and their headings. */
const SECTIONS: readonly [ChangeKind, MessageDef<never>][] = [
  ['newly-failing', DIFF_TEXT.newlyFailing],
  ['resolved', DIFF_TEXT.resolved],
  ['changed', DIFF_TEXT.changed],
  ['added', DIFF_TEXT.added],
  ['removed', DIFF_TEXT.removed],
];

const NOTES: Record<DiffNote['code'], MessageDef<'old' | 'new'>> = {
  'ruleset-version': DIFF_TEXT.rulesetVersion,
  'ruleset-file': DIFF_TEXT.rulesetFile,
  product: DIFF_TEXT.products,
};

export async function diffCommand(oldArg: string, newArg: string, opts: DiffOptions, io: CliIo): Promise<number> {
  const lang = langOf(opts, io);
  const oldAbs = path.resolve(io.cwd, oldArg);
  const newAbs = path.resolve(io.cwd, newArg);
  const oldName = displayPath(oldAbs, io.cwd);
  const newName = displayPath(newAbs, io.cwd);
  const old = await readReport(oldAbs, oldName);
  const now = await readReport(newAbs, newName);
  const diff = diffReports(old, now, oldName, newName);
  if ((opts.format ?? 'text') === 'json') io.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
  else io.stdout.write(renderText(printableDeep(diff), lang, useColor(opts, io, true), opts.quiet ?? false));
  return diff.worse ? 1 : 0;
}

function renderText(d: ReportDiff, lang: Lang, color: boolean, quiet: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const label = (s: Status | null): string => (s === null ? say(DIFF_TEXT.absent, {}, lang) : STATUS_LABELS[lang][s]);
  const sideLine = (side: MessageDef<never>, s: DiffSide): string =>
    say(DIFF_TEXT.side, { side: say(side, {}, lang), product: `${s.product.name} ${s.product.version}`, ruleset: `${s.ruleset.id} ${s.ruleset.version}`, asOf: lineDate(s.asOf, lang), verdict: VERDICT_LABELS[lang][s.verdict], file: s.file }, lang);
  const lines: string[] = [];
  if (!quiet) {
    lines.push(sideLine(DIFF_TEXT.old, d.old), sideLine(DIFF_TEXT.new, d.new));
    for (const n of d.notes) lines.push(c.dim(say(NOTES[n.code], { old: n.old, new: n.new }, lang)));
    lines.push('');
  }
  const idWidth = d.changes.reduce((w, ch) => Math.max(w, ch.id.length), 4);
  for (const [kind, heading] of SECTIONS) {
    const items = d.changes.filter((ch) => ch.change === kind);
    if (items.length === 0) continue;
    lines.push(c.bold(`${say(heading, {}, lang)} (${items.length})`));
    for (const ch of items) {
      const mark = ch.worse ? c.red('✖') : ch.change === 'resolved' ? c.green('✔') : c.dim('~');
      lines.push(`  ${mark} ${ch.id.padEnd(idWidth)}  ${label(ch.old)} → ${label(ch.new)}  ${ch.title}`);
      if (quiet) continue;
      for (const f of ch.newFindings) {
        const place = placeOf(f);
        lines.push(`      ${place ? `${c.dim(place)}  ` : ''}${f.message}`);
      }
    }
  }
  if (d.changes.length > 0) lines.push('');
  const worse = d.changes.filter((ch) => ch.worse).length;
  const unchanged = { unchanged: d.unchanged };
  lines.push(worse > 0 ? c.red(say(DIFF_TEXT.worse, { count: worse }, lang)) : c.green(say(d.changes.length === 0 ? DIFF_TEXT.noChange : DIFF_TEXT.notWorse, unchanged, lang)));
  return `${lines.join('\n')}\n`;
}
