import path from 'node:path';
import { Chalk } from 'chalk';
import type { Status } from '../report/report.js';
import { printableDeep } from '../diagnostics/printable.js';
import { placeOf, STATUS_LABELS, VERDICT_LABELS } from '../formatters/status-labels.js';
import type { Lang } from '../i18n/index.js';
import { displayPath } from '../manifest/load.js';
import { readReport } from '../audit/read-report.js';
import { diffReports, type ChangeKind, type DiffNote, type DiffSide, type ReportDiff } from '../audit/report-diff.js';
import { langOf, useColor, type CommonOptions } from './common.js';
import type { CliIo } from './io.js';

export interface DiffOptions extends CommonOptions {
  /** `text` (default) or `json`. */
  format?: string;
}

const WORDS = {
  en: {
    old: 'Old',
    new: 'New',
    asOf: 'as of',
    sections: { 'newly-failing': 'Newly failing', resolved: 'Resolved', changed: 'Changed', added: 'Added', removed: 'Removed' } as Record<ChangeKind, string>,
    none: 'absent',
    note: (n: DiffNote) =>
      n.code === 'ruleset-version'
        ? `note: different versions of the ruleset (${n.old} → ${n.new}); requirements are matched by id.`
        : n.code === 'ruleset-file'
          ? `note: same ruleset version, but a different file (sha256 ${n.old} → ${n.new}).`
          : `note: different products (${n.old} → ${n.new}).`,
    worse: (n: number) => `Worse: ${n} requirement${n === 1 ? '' : 's'} got worse.`,
    notWorse: (d: ReportDiff) => (d.changes.length === 0 ? `No change: ${d.unchanged} requirements with the same status.` : `Nothing got worse (${d.unchanged} unchanged).`),
  },
  fr: {
    old: 'Avant',
    new: 'Après',
    asOf: 'au',
    sections: { 'newly-failing': 'Nouvellement en défaut', resolved: 'Résolues', changed: 'Modifiées', added: 'Ajoutées', removed: 'Retirées' } as Record<ChangeKind, string>,
    none: 'absente',
    note: (n: DiffNote) =>
      n.code === 'ruleset-version'
        ? `remarque\u00a0: versions différentes du référentiel (${n.old} → ${n.new}) ; les exigences sont appariées par identifiant.`
        : n.code === 'ruleset-file'
          ? `remarque\u00a0: même version du référentiel, mais un fichier différent (sha256 ${n.old} → ${n.new}).`
          : `remarque\u00a0: produits différents (${n.old} → ${n.new}).`,
    worse: (n: number) => `Régression\u00a0: ${n} exigence${n > 1 ? 's' : ''} en recul.`,
    notWorse: (d: ReportDiff) => (d.changes.length === 0 ? `Aucun changement\u00a0: ${d.unchanged} exigences au même statut.` : `Aucune régression (${d.unchanged} inchangée${d.unchanged > 1 ? 's' : ''}).`),
  },
} as const;

const ORDER: readonly ChangeKind[] = ['newly-failing', 'resolved', 'changed', 'added', 'removed'];

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
  const w = WORDS[lang];
  const label = (s: Status | null): string => (s === null ? w.none : STATUS_LABELS[lang][s]);
  const sideLine = (name: string, s: DiffSide): string =>
    `${name}: ${s.product.name} ${s.product.version} · ${s.ruleset.id} ${s.ruleset.version} · ${w.asOf} ${s.asOf} · ${VERDICT_LABELS[lang][s.verdict]} (${s.file})`;
  const lines: string[] = [];
  if (!quiet) {
    lines.push(sideLine(w.old, d.old), sideLine(w.new, d.new));
    for (const n of d.notes) lines.push(c.dim(w.note(n)));
    lines.push('');
  }
  const idWidth = d.changes.reduce((w, ch) => Math.max(w, ch.id.length), 4);
  for (const kind of ORDER) {
    const items = d.changes.filter((ch) => ch.change === kind);
    if (items.length === 0) continue;
    lines.push(c.bold(`${w.sections[kind]} (${items.length})`));
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
  lines.push(worse > 0 ? c.red(w.worse(worse)) : c.green(w.notWorse(d)));
  return `${lines.join('\n')}\n`;
}
