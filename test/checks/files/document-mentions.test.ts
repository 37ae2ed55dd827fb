import { describe, expect, it } from 'vitest';
import { runCheckCase, testCheck } from '../../../src/api/check-tester.js';
import { documentMentions } from '../../../src/checks/files/document-mentions.js';

const topics = [
  { id: 'data-list', label_en: 'the list of exported data', label_fr: 'la liste des données exportées', any: ['données exportées', 'exported data'] },
  { id: 'format', label_en: 'the format', label_fr: 'le format', any: ['format'] },
];
// @ts-expect-error plain JS module shared with the fixture generator
import { pdf as makePdf } from '../../../scripts/make-example-media.mjs';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const textPdf = (makePdf as (lines: string[]) => Buffer)(['Les donnees exportees sont au format JSON.']);

testCheck(
  documentMentions,
  {
    valid: [
      { name: 'a Markdown document that covers every topic', files: { 'doc.md': '# Export\n\nLes **données exportées** sont au format JSON.\n' }, options: { topics } },
      { name: 'accents and case do not matter', files: { 'doc.txt': 'DONNEES EXPORTEES, FORMAT FHIR' }, options: { topics } },
      { name: 'topics spread over two documents', files: { 'a.md': 'exported data: everything', 'b.html': '<p>Format: CSV</p>' }, options: { topics } },
      { name: 'a PDF is read through its text layer', files: { 'doc.pdf': textPdf }, options: { topics } },
    ],
    invalid: [
      { name: 'a PDF that does not open is no usable document', files: { 'doc.pdf': pdf }, options: { topics }, status: 'failed', codes: ['read.corrupt'] },
      { name: 'a topic nobody mentions', files: { 'doc.md': 'Les données exportées sont listées ci-dessous.' }, options: { topics }, status: 'failed', codes: ['document.topic-missing'] },
      { name: 'an empty-looking document', files: { 'doc.txt': 'rien' }, options: { topics }, status: 'failed', codes: ['document.topic-missing', 'document.topic-missing'] },
    ],
    badOptions: [
      { name: 'no topics', options: {} },
      { name: 'a topic without words', options: { topics: [{ id: 'x', label_en: 'x', label_fr: 'x', any: [] }] } },
      { name: 'a max_bytes of zero', options: { topics, max_bytes: 0 } },
    ],
  },
  { describe, it, expect },
);

describe('document-mentions', () => {
  it('names the missing topic and the words it looked for', async () => {
    const out = await runCheckCase(documentMentions, { name: 'fr', files: { 'doc.md': 'format JSON' }, options: { topics }, lang: 'fr' });
    expect(out.findings.map((f) => f.message)).toEqual(['La documentation ne semble pas couvrir la liste des données exportées (aucun de\u00a0: données exportées, exported data).']);
  });

  it('does not read a document over max_bytes', async () => {
    const out = await runCheckCase(documentMentions, { name: 'big', files: { 'doc.md': `exported data, format ${'x'.repeat(100)}` }, options: { topics, max_bytes: 10 } });
    expect(out.findings.map((f) => f.code)).toEqual(['document.topic-missing', 'document.topic-missing']);
  });
});
