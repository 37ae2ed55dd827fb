import type { BuiltinFinding } from '../codes.js';
import type { EvidenceFile } from '../../evidence/evidence-file.js';
import type { Reading, Segment } from '../../evidence/read/reader.js';

import { type CheckContext } from '../types.js';
import { defineBuiltinCheck } from '../codes.js';
import { normaliseMatricule } from '../ins/nir.js';
import { readSlotFlows } from '../ins/slot.js';
import { DEFAULT_MAX_FLOW_BYTES } from '../ins/read-flow.js';
import { findMatricules, findPhrase, tokensOf, type MatriculeFound } from './shows-match.js';
import { readProblemFinding } from './read-finding.js';
import { expectsWords, showsMessages, SHOWS_EXPLAIN } from './shows-messages.js';
import { say } from '../../i18n/text.js';
import { readMessages } from './read-messages.js';
import { maskMatricule } from '../../util/redact.js';

/** Built-in recognisers a target may name. */
export type Recogniser = 'matricule-ins';

/** One thing the slot's files must show. */
export interface ShowTarget {
  /** Stable id, used in findings. */
  id: string;
  label_en: string;
  label_fr: string;
  /** Words or phrases, French and English; any one is enough (accent- and case-insensitive, OCR-tolerant). */
  any?: string[];
  /** Built-in recognisers; any one finding its thing is enough. */
  recognise?: Recogniser[];
}

export interface ShowsOptions {
  /** Everything listed must be shown. */
  show: ShowTarget[];
  /** `any` (default): each target is shown by at least one of the slot's files; `all`: by every file. */
  files?: 'any' | 'all';
  /** Below this OCR confidence (0–100) a match is reported as uncertain (a warning). Default 70. */
  min_confidence?: number;
  /**
   * Sibling slots whose flows (HL7 v2, FHIR) carry the INS: a matricule the files show that none of
   * those flows carries is a warning (the screenshot and the flows are not of the same patient).
   */
  matricule_agrees_with?: string[];
}

/** Words read with at least this confidence count towards legibility. */
const LEGIBLE_CONFIDENCE = 60;
/** A file is legible when it gives at least this many such words. */
const LEGIBLE_WORDS = 3;

interface FileSight {
  file: EvidenceFile;
  reading: Reading;
  legible: boolean;
  /** Matricules INS read in the file (masked + value). */
  matricules: MatriculeFound[];
}

/** Reads a file once per evaluation, whichever slot or check asks first. */
export function readShared(ctx: Pick<CheckContext<unknown>, 'shared' | 'reader'>, file: EvidenceFile): Promise<Reading> | undefined {
  const reader = ctx.reader;
  if (!reader) return undefined;
  return ctx.shared(`read:${file.path}`, () => reader.read(file));
}

/** Whether a read segment is legible: a text layer with text, or OCR giving a few confident words. */
export function legible(seg: Segment): boolean {
  if (seg.confidence === null) return seg.text.trim().length > 0;
  return seg.words.filter((w) => w.confidence >= LEGIBLE_CONFIDENCE && /[\p{L}\p{N}]{2,}/u.test(w.text)).length >= LEGIBLE_WORDS;
}

/** Where in the file a segment is, as finding parameters: `where` (a PDF page) or `at` (a video frame's time, m:ss). */
function whereOf(seg: Segment): { where: string; at?: string } {
  if (seg.where.page !== undefined) return { where: `p. ${seg.where.page}` };
  if (seg.where.at !== undefined) return { where: '', at: `${Math.floor(seg.where.at / 60)}:${String(Math.floor(seg.where.at % 60)).padStart(2, '0')}` };
  return { where: '' };
}

interface Sighting {
  file: EvidenceFile;
  place: { where: string; at?: string };
  /** What was matched, as a finding may show it: the ruleset's phrase, or a masked matricule. */
  match: string;
  confidence: number | null;
}

/**
 * Where a target is shown in one file's reading, or undefined. The first segment (page, frame) that
 * shows it with confidence is taken; failing that, the one read with the highest confidence (a video
 * may show a screen blurred in one frame and sharp in the next).
 */
function sight(target: ShowTarget, fs: FileSight, minConf: number): Sighting | undefined {
  if (!fs.reading.ok) return undefined;
  let best: Sighting | undefined;
  for (const seg of fs.reading.segments) {
    let hit: Sighting | undefined;
    const phrase = target.any?.length ? findPhrase(tokensOf(seg), target.any) : undefined;
    if (phrase) hit = { file: fs.file, place: whereOf(seg), match: `« ${phrase.phrase} »`, confidence: phrase.confidence };
    const found = !hit && target.recognise?.includes('matricule-ins') ? findMatricules(seg.text).find((m) => m.valid) : undefined;
    if (found) hit = { file: fs.file, place: whereOf(seg), match: found.masked, confidence: seg.confidence };
    if (!hit) continue;
    if (hit.confidence === null || hit.confidence >= minConf) return hit;
    if (!best || hit.confidence > (best.confidence ?? 0)) best = hit;
  }
  return best;
}

/**
 * The slot's files must show given things (IEU 7: a login asking for the matricule INS; IEU 9: a
 * second factor): each file is read (OCR for screenshots and video frames, the text of documents)
 * and searched. Legible but not showing: failed, naming what a reviewer expects; nothing legible:
 * failed; a match read with low confidence: a warning; files no reader handles: left to a human.
 */
export const shows = defineBuiltinCheck<ShowsOptions>({
  name: 'shows',
  description: "The slot's files show given words, phrases or recognised values (matricule INS), read by OCR or from the document's text.",
  descriptionFr: 'Les fichiers de l’emplacement montrent les mots, expressions ou valeurs reconnues (matricule INS) attendus, lus par OCR ou dans le texte du document.',
  schema: {
    type: 'object',
    required: ['show'],
    additionalProperties: false,
    properties: {
      show: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['id', 'label_en', 'label_fr'],
          additionalProperties: false,
          anyOf: [{ required: ['any'] }, { required: ['recognise'] }],
          properties: {
            id: { type: 'string', minLength: 1 },
            label_en: { type: 'string', minLength: 1 },
            label_fr: { type: 'string', minLength: 1 },
            any: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, nullable: true },
            recognise: { type: 'array', minItems: 1, items: { type: 'string', enum: ['matricule-ins'] }, nullable: true },
          },
        },
      },
      files: { type: 'string', enum: ['any', 'all'], nullable: true },
      min_confidence: { type: 'number', minimum: 0, maximum: 100, nullable: true },
      matricule_agrees_with: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, nullable: true },
    },
  },
  messages: { ...showsMessages(), ...readMessages },
  explain(options, lang) {
    const eg = (t: ShowTarget): string => expectsWords({ expects: expectsOf(t), matricule: t.recognise?.includes('matricule-ins') ? 'yes' : 'no' }, lang);
    const all = options.files === 'all' ? 'yes' : 'no';
    return options.show.map((t) => say(SHOWS_EXPLAIN, { all, label_en: t.label_en, label_fr: t.label_fr, eg: eg(t) }, lang));
  },
  async run(ctx) {
    const { files, options, slot } = ctx;
    const findings: BuiltinFinding[] = [];
    // Reading off (--no-read): the report says so once (`read: false`), not on every slot.
    if (!ctx.reader) return { findings };
    const sights: FileSight[] = [];
    const unread: EvidenceFile[] = [];
    // All of the slot's files are read at once: the OCR pool runs them on its workers side by side.
    const readings = files.map((file) => (ctx.reader!.canRead(file.kind) ? readShared(ctx, file) : undefined));
    for (const [i, file] of files.entries()) {
      if (readings[i] === undefined) {
        unread.push(file);
        findings.push({ code: 'shows.not-read', severity: 'info', slot, file: file.path, params: { reason: 'kind', kind: file.mime } });
        continue;
      }
      const reading = await readings[i];
      if (!reading) continue;
      if (!reading.ok && reading.problem === 'unsupported') {
        unread.push(file);
        findings.push({ code: 'shows.not-read', severity: 'info', slot, file: file.path, params: { reason: 'kind', kind: file.mime } });
        continue;
      }
      if (!reading.ok) {
        findings.push(readProblemFinding(reading.problem, reading.params, slot, file.path));
        continue;
      }
      const isLegible = reading.segments.some(legible);
      const matricules = reading.segments.flatMap((s) => findMatricules(s.text));
      sights.push({ file, reading, legible: isLegible, matricules });
      if (!isLegible) findings.push({ code: 'shows.illegible', severity: 'error', slot, file: file.path, params: { via: reading.via } });
    }
    const readable = sights.filter((s) => s.legible);
    if (readable.length === 0) return { findings };

    const minConf = options.min_confidence ?? 70;
    const mode = options.files ?? 'any';
    for (const target of options.show) {
      const seen = readable.map((fs) => sight(target, fs, minConf));
      const hits = seen.filter((s): s is Sighting => s !== undefined);
      const missingIn = readable.filter((_, i) => seen[i] === undefined);
      const expected = { target: target.id, label_en: target.label_en, label_fr: target.label_fr, expects: expectsOf(target), matricule: target.recognise?.includes('matricule-ins') ? 'yes' : 'no' };
      const shown = mode === 'all' ? missingIn.length === 0 : hits.length > 0;
      if (!shown) {
        // A file no reader handles may show it: a human has to look, this is no failure.
        const severity = unread.length > 0 && mode === 'any' ? 'warning' : 'error';
        const file = mode === 'all' ? missingIn[0]!.file.path : readable[0]!.file.path;
        findings.push({ code: 'shows.missing', severity, slot, file, params: { ...expected, files: readable.length } });
        // A matricule-shaped number with a wrong key is worth naming: the reviewer checks the key.
        if (target.recognise?.includes('matricule-ins')) {
          const bad = readable.flatMap((s) => s.matricules.filter((m) => !m.valid).map((m) => ({ m, file: s.file })))[0];
          if (bad) findings.push({ code: 'shows.matricule-key', severity: 'error', slot, file: bad.file.path, params: { masked: bad.m.masked } });
        }
        continue;
      }
      for (const h of hits) {
        const params: Record<string, string | number> = { ...expected, match: h.match, ...h.place };
        if (h.confidence !== null && h.confidence < minConf) {
          findings.push({ code: 'shows.uncertain', severity: 'warning', slot, file: h.file.path, params: { ...params, confidence: Math.round(h.confidence) } });
        } else {
          findings.push({ code: 'shows.found', severity: 'info', slot, file: h.file.path, params });
        }
      }
    }
    if (options.matricule_agrees_with) findings.push(...(await agreement(ctx, readable)));
    return { findings };
  },
});

/** Matricules INS the sibling slots' flows carry (normalised), read once per evaluation. */
async function flowMatricules(ctx: CheckContext<ShowsOptions>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const name of ctx.options.matricule_agrees_with ?? []) {
    for (const f of ctx.others?.get(name) ?? []) {
      const flows = await ctx.shared(`shows:flow:${f.path}`, () => readSlotFlows([f], DEFAULT_MAX_FLOW_BYTES));
      for (const flow of flows) for (const p of flow.patients) for (const c of p.ins) out.add(normaliseMatricule(c.value));
    }
  }
  return out;
}

/** Evidence that agrees with itself: the matricule on screen is one the flows carry. */
async function agreement(ctx: CheckContext<ShowsOptions>, readable: readonly FileSight[]): Promise<BuiltinFinding[]> {
  const shown = readable.flatMap((s) => s.matricules.filter((m) => m.valid).map((m) => ({ m, file: s.file })));
  if (shown.length === 0) return [];
  const carried = await flowMatricules(ctx);
  if (carried.size === 0) return [];
  if (shown.some(({ m }) => carried.has(m.value))) return [];
  const first = shown[0]!;
  return [
    {
      code: 'shows.matricule-differs',
      severity: 'warning',
      slot: ctx.slot,
      file: first.file.path,
      params: { shown: first.m.masked, carried: maskMatricule([...carried][0]!), slots: (ctx.options.matricule_agrees_with ?? []).join(', ') },
    },
  ];
}

/** The target's first words, as a finding names them (the recogniser is worded by the message). */
function expectsOf(t: ShowTarget): string {
  return (t.any ?? []).slice(0, 5).map((p) => `« ${p} »`).join(', ');
}
