import type { Lang } from './types.js';

/**
 * How people name the kinds of evidence files and the groups of kinds a slot accepts (FRENCH.md 10
 * and 26): each group's name (`explain`: « accepte : flux (HL7 v2, …) ») and, with its article, what
 * a slot of that group expects (`file.kind`: « cet emplacement attend un flux (…) »).
 */
export const GROUP_WORDS: Record<string, Record<Lang, { name: string; expected: string }>> = {
  image: { en: { name: 'image', expected: 'an image' }, fr: { name: 'image', expected: 'une image' } },
  video: { en: { name: 'video', expected: 'a video' }, fr: { name: 'vidéo', expected: 'une vidéo' } },
  screenshot: { en: { name: 'screenshot', expected: 'a screenshot, a video or a PDF' }, fr: { name: 'capture d’écran', expected: 'une capture d’écran, une vidéo ou un PDF' } },
  document: { en: { name: 'document', expected: 'a document (PDF, DOCX, ODT, text, Markdown or HTML)' }, fr: { name: 'document', expected: 'un document (PDF, DOCX, ODT, texte, Markdown ou HTML)' } },
  export: { en: { name: 'export', expected: 'an export (JSON, NDJSON, CSV or XML)' }, fr: { name: 'export', expected: 'un export (JSON, NDJSON, CSV ou XML)' } },
  flow: { en: { name: 'flow', expected: 'a flow (HL7 v2 or FHIR JSON)' }, fr: { name: 'flux', expected: 'un flux (HL7 v2 ou JSON FHIR)' } },
  'data-dictionary': { en: { name: 'data dictionary', expected: 'a data dictionary' }, fr: { name: 'dictionnaire de données', expected: 'un dictionnaire de données' } },
  'database-dump': { en: { name: 'database dump', expected: 'a database dump' }, fr: { name: 'extraction brute de base de données', expected: 'une extraction brute de la base de données' } },
};
