import type { BuiltinFinding } from '../codes.js';
import type { Kind } from '../../evidence/kinds.js';

import { defineBuiltinCheck } from '../codes.js';
import { readShared } from './shows.js';
import { readProblemFinding } from './read-finding.js';
import { findPhrase, tokensOf } from './shows-match.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';
import { readMessages } from './read-messages.js';

interface Topic {
  /** Stable id of the topic, used in the finding. */
  id: string;
  /** What the topic is, for the message (English). */
  label_en: string;
  /** What the topic is, for the message (French). */
  label_fr: string;
  /** Case-insensitive words or phrases; any one of them is enough. */
  any: string[];
}

interface Options {
  topics: Topic[];
  /** Largest document read, in bytes (bigger ones are only checked for kind). */
  max_bytes?: number;
}

const READABLE: ReadonlySet<Kind> = new Set(['text', 'markdown', 'html', 'csv', 'yaml', 'json', 'xml']);

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Its findings' wording. */
const MESSAGES = {
  'document.not-read': msg<'kind'>({
    en: (p) => `The document is ${s(p.kind)}: its content (data list, format and access, item locations) is left to the reviewer.`,
    fr: (p) => `Le document est de type ${s(p.kind)}\u00a0: son contenu (liste des données, format et accès, emplacements) est laissé au relecteur.`,
  }),
  'document.topic-missing': msg<'label_en' | 'label_fr' | 'topic' | 'words'>({
    en: (p) => `The documentation does not seem to cover ${s(p.label_en)} (none of: ${s(p.words)}).`,
    fr: (p) => `La documentation ne semble pas couvrir ${s(p.label_fr)} (aucun de\u00a0: ${s(p.words)}).`,
    hint: {
      en: () => 'PORT 1.1 asks for the list of exported data, the format and means of access, and where each item sits.',
      fr: () => "PORT 1.1 demande la liste des données exportées, le format et les modalités d’accès, et l’emplacement de chaque donnée.",
    },
  }),
} satisfies TypedCatalog;

/** The codes it emits. */
export type DocumentMentionsMessages = typeof MESSAGES;

/**
 * A document must speak of each topic (e.g. PORT 1.1: the list of exported data, the format and
 * means of access, where each item sits). Only text documents are read; a PDF or office file gets
 * an info finding that a reviewer has to read it.
 */
export const documentMentions = defineBuiltinCheck<Options>({
  name: 'document-mentions',
  description: 'Documents (text, Markdown, HTML, PDF text layer or scan, DOCX, ODT) mention each topic (any of its words).',
  descriptionFr: 'Les documents (texte, Markdown, HTML, PDF avec texte ou numérisé, DOCX, ODT) traitent chaque thème (l’un de ses mots au moins).',
  schema: {
    type: 'object',
    required: ['topics'],
    additionalProperties: false,
    properties: {
      topics: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['id', 'label_en', 'label_fr', 'any'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', minLength: 1 },
            label_en: { type: 'string', minLength: 1 },
            label_fr: { type: 'string', minLength: 1 },
            any: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          },
        },
      },
      max_bytes: { type: 'integer', minimum: 1, nullable: true },
    },
  },
  messages: { ...MESSAGES, ...readMessages },
  async run(ctx) {
    const { files, options, slot } = ctx;
    const limit = options.max_bytes ?? 8 * 1024 * 1024;
    const findings: BuiltinFinding[] = [];
    // Text documents are read as they are; PDF, DOCX and ODT through the evidence reader (text
    // layer, or OCR of a scan), unless reading is off (--no-read).
    const readable = files.filter((f) => READABLE.has(f.kind) || ctx.reader?.canRead(f.kind));
    if (readable.length === 0) {
      return { findings: [{ code: 'document.not-read', severity: 'info', slot, file: files[0]!.path, params: { kind: files[0]!.mime } }] };
    }
    let text = '';
    const read: string[] = [];
    const ocrTokens: ReturnType<typeof tokensOf>[] = [];
    for (const f of readable) {
      if (READABLE.has(f.kind)) {
        if (f.bytes <= limit) text += `\n${fold(await f.text(limit))}`;
        read.push(f.path);
        continue;
      }
      const reading = await readShared(ctx, f)!;
      if (!reading.ok && reading.problem === 'unsupported') continue;
      if (!reading.ok) {
        findings.push(readProblemFinding(reading.problem, reading.params, slot, f.path));
        continue;
      }
      for (const seg of reading.segments) {
        if (seg.confidence === null) text += `\n${fold(seg.text)}`;
        else ocrTokens.push(tokensOf(seg));
      }
      read.push(f.path);
    }
    if (read.length === 0) return { findings };
    for (const t of options.topics) {
      const inText = t.any.some((w) => text.includes(fold(w)));
      const inScan = !inText && ocrTokens.some((tokens) => findPhrase(tokens, t.any) !== undefined);
      if (inText || inScan) continue;
      findings.push({
        code: 'document.topic-missing',
        severity: 'error' as const,
        slot,
        file: read[0]!,
        params: { topic: t.id, label_en: t.label_en, label_fr: t.label_fr, words: t.any.slice(0, 4).join(', ') },
      });
    }
    return { findings };
  },
});
