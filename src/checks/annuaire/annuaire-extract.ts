import type { BuiltinFinding } from '../codes.js';

import { defineBuiltinCheck } from '../codes.js';
import { plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

interface Options {
  /** Oldest extract accepted, in months before --as-of (ANN 1: one month). */
  max_age_months: number;
}

/** `PS_LibreAcces_Personne_activite_202611250200.txt` → `2026-11-25`; also `…_20261125.csv`. */
export function extractDate(fileName: string): string | undefined {
  const m = /_(\d{4})(\d{2})(\d{2})(?:\d{4})?\.(?:txt|csv|zip)$/i.exec(fileName);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** The date `months` calendar months before `iso` (clamped to the month's last day). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Luhn key of an RPPS number (11 digits). */
export function rppsValid(id: string): boolean {
  if (!/^\d{11}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    let n = id.charCodeAt(10 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const MAX_REPORTED = 5;

/** Wording of the Annuaire Santé extract check. */
const MESSAGES = {
  'annuaire.no-date': msg<'file'>({
    en: (p) => `${s(p.file)}: no extraction date in the file name (expected …_YYYYMMDDhhmm.txt, as annuaire.sante.fr names its extracts).`,
    fr: (p) => `${s(p.file)}\u00a0: pas de date d’extraction dans le nom du fichier (attendu …_AAAAMMJJhhmm.txt, comme annuaire.sante.fr nomme ses extractions).`,
    hint: { en: () => 'Give the extract under the name it was downloaded with.', fr: () => 'Fournissez l’extraction sous le nom avec lequel elle a été téléchargée.' },
  }),
  'annuaire.future': msg<'asOf' | 'date' | 'file'>({
    en: (p) => `${s(p.file)} is dated ${s(p.date)}, after the as-of date ${s(p.asOf)}.`,
    fr: (p) => `${s(p.file)} est daté du ${s(p.date)}, après la date d’évaluation ${s(p.asOf)}.`,
  }),
  'annuaire.stale': msg<'asOf' | 'date' | 'file' | 'months' | 'oldest'>({
    en: (p) => `${s(p.file)} is dated ${s(p.date)}: older than ${plural(Number(p.months), 'en', 'month')} at ${s(p.asOf)} (oldest accepted: ${s(p.oldest)}).`,
    fr: (p) => `${s(p.file)} est daté du ${s(p.date)}\u00a0: plus de ${s(p.months)} mois avant le ${s(p.asOf)} (date la plus ancienne admise\u00a0: ${s(p.oldest)}).`,
    hint: { en: () => 'ANN 1: the copy of the Annuaire Santé in use must be less than one month old. Give a recent extract.', fr: () => 'ANN 1\u00a0: la copie de l’Annuaire Santé utilisée doit dater de moins d’un mois. Fournissez une extraction récente.' },
  }),
  'annuaire.not-text': msg<'file' | 'kind'>({
    en: (p) => `${s(p.file)} is ${s(p.kind)}, not the pipe-separated text extract of the Annuaire Santé.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)}, et non l’extraction texte (séparée par des « | ») de l’Annuaire Santé.`,
  }),
  'annuaire.no-identifier-column': msg<'file'>({
    en: (p) => `${s(p.file)} has no "Identifiant PP" nor "Identification nationale PP" column in its header.`,
    fr: (p) => `${s(p.file)} n’a ni colonne « Identifiant PP » ni colonne « Identification nationale PP » dans son en-tête.`,
  }),
  'annuaire.bad-rpps': msg<'file' | 'record'>({
    en: (p) => `${s(p.file)}, row ${s(p.record)}: the RPPS identifier has an invalid key (Luhn).`,
    fr: (p) => `${s(p.file)}, ligne ${s(p.record)}\u00a0: la clé de l’identifiant RPPS est invalide (Luhn).`,
  }),
  'annuaire.more-bad-rpps': msg<'count'>({
    en: (p) => `${s(p.count)} more rows with an invalid RPPS key.`,
    fr: (p) => `${s(p.count)} autres lignes avec une clé RPPS invalide.`,
  }),
  'annuaire.fresh': msg<'date' | 'rows' | 'rpps'>({
    en: (p) => `Annuaire Santé extract dated ${s(p.date)}: ${s(p.rows)} rows, ${s(p.rpps)} RPPS identifiers, all keys valid.`,
    fr: (p) => `Extraction de l’Annuaire Santé datée du ${s(p.date)}\u00a0: ${s(p.rows)} lignes, ${s(p.rpps)} identifiants RPPS, toutes les clés valides.`,
  }),
} satisfies TypedCatalog;

/** Its messages (their codes join `FindingCode`). */
export type AnnuaireExtractMessages = typeof MESSAGES;

/**
 * ANN 1: an Annuaire Santé extraction file (pipe-separated, as annuaire.sante.fr publishes it, its
 * date in its name) is no older than `max_age_months` at --as-of and not dated after it, and every
 * RPPS identifier it holds (type 8, 11 digits; or the national id `8` + RPPS) has a valid Luhn key.
 * Read in streaming, so a full national extract is fine; at most five bad rows are listed.
 */
export const annuaireExtract = defineBuiltinCheck<Options>({
  name: 'annuaire-extract',
  messages: MESSAGES,
  description: 'Annuaire Santé extraction file (PS_LibreAcces_…_YYYYMMDDhhmm.txt): no older than max_age_months at --as-of, RPPS identifiers with valid keys.',
  descriptionFr: 'Fichier d’extraction de l’Annuaire Santé (PS_LibreAcces_…_AAAAMMJJhhmm.txt)\u00a0: pas plus ancien que max_age_months à la date --as-of, identifiants RPPS à clé valide.',
  schema: {
    type: 'object',
    required: ['max_age_months'],
    additionalProperties: false,
    properties: { max_age_months: { type: 'integer', minimum: 1, maximum: 24 } },
  },
  async run({ files, options, slot, asOf }) {
    const findings: BuiltinFinding[] = [];
    for (const f of files) {
      const name = f.path.split('/').pop() ?? f.path;
      const date = extractDate(name);
      if (!date) findings.push({ code: 'annuaire.no-date', severity: 'error', slot, file: f.path });
      else if (date > asOf) findings.push({ code: 'annuaire.future', severity: 'error', slot, file: f.path, params: { date, asOf } });
      else if (date < monthsBefore(asOf, options.max_age_months)) findings.push({ code: 'annuaire.stale', severity: 'error', slot, file: f.path, params: { date, asOf, months: options.max_age_months, oldest: monthsBefore(asOf, options.max_age_months) } });
      if (f.kind !== 'text' && f.kind !== 'csv') {
        findings.push({ code: 'annuaire.not-text', severity: 'error', slot, file: f.path, params: { kind: f.mime } });
        continue;
      }
      const stats = await scanExtract(f.chunks());
      if (stats.header === undefined) {
        findings.push({ code: 'annuaire.no-identifier-column', severity: 'error', slot, file: f.path });
        continue;
      }
      for (const row of stats.bad.slice(0, MAX_REPORTED)) findings.push({ code: 'annuaire.bad-rpps', severity: 'error', slot, file: f.path, record: row });
      if (stats.bad.length > MAX_REPORTED) findings.push({ code: 'annuaire.more-bad-rpps', severity: 'error', slot, file: f.path, params: { count: stats.bad.length - MAX_REPORTED } });
      if (stats.bad.length === 0 && date && date <= asOf) findings.push({ code: 'annuaire.fresh', severity: 'info', slot, file: f.path, params: { date, rows: stats.rows, rpps: stats.rpps } });
    }
    return { findings };
  },
});

/** Streams the extract: finds the identifier columns in the header, counts rows and RPPS, and keeps the record numbers of bad keys. */
async function scanExtract(chunks: AsyncGenerator<Buffer>): Promise<{ header: { type: number; id: number; national: number } | undefined; rows: number; rpps: number; bad: number[] }> {
  let rest = '';
  let header: { type: number; id: number; national: number } | undefined;
  let seenHeader = false;
  let rows = 0;
  let rpps = 0;
  const bad: number[] = [];
  const decoder = new TextDecoder('utf-8');
  const line = (l: string): void => {
    const cells = l.replace(/\r$/, '').split('|');
    if (!seenHeader) {
      seenHeader = true;
      const norm = cells.map((c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase());
      const type = norm.indexOf("type d'identifiant pp");
      const id = norm.indexOf('identifiant pp');
      const national = norm.indexOf('identification nationale pp');
      if (id >= 0 || national >= 0) header = { type, id, national };
      return;
    }
    if (!header || l.trim() === '') return;
    rows++;
    const type = header.type >= 0 ? cells[header.type]?.trim() : undefined;
    const id = header.id >= 0 ? cells[header.id]?.trim() ?? '' : '';
    const national = header.national >= 0 ? cells[header.national]?.trim() ?? '' : '';
    const candidate = type === '8' || /^\d{11}$/.test(id) ? id : national.startsWith('8') && national.length === 12 ? national.slice(1) : undefined;
    if (candidate === undefined) return;
    rpps++;
    if (!rppsValid(candidate)) bad.push(rows);
  };
  for await (const chunk of chunks) {
    rest += decoder.decode(chunk, { stream: true });
    let start = 0;
    let i: number;
    while ((i = rest.indexOf('\n', start)) >= 0) {
      line(rest.slice(start, i));
      start = i + 1;
    }
    rest = rest.slice(start);
    if (!seenHeader && rest.length > 1024 * 1024) break;
  }
  rest += decoder.decode();
  if (rest) line(rest);
  return { header, rows, rpps, bad };
}
