import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentMentions } from '../../../src/checks/files/document-mentions.js';
import { createMemo } from '../../../src/checks/memo.js';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';
import { createReader } from '../../../src/evidence/read/reader.js';
import { DEFAULT_RULESET, loadRuleset } from '../../../src/ruleset/load.js';
// @ts-expect-error plain JS module shared with the fixture generator
import { pdf } from '../../../scripts/make-example-media.mjs';
import { ROOT, scratch } from '../../support/run-cli.js';

const DOCS = realpathSync(path.join(ROOT, 'fixtures', 'documents'));
const port1 = loadRuleset(DEFAULT_RULESET).requirements.find((r) => r.id === 'PORT 1')!;
const options = port1.slots.find((s) => s.name === 'export-documentation')!.checks.find((c) => c.check === 'document-mentions')!.options as never;

const reader = createReader({ ocrWorkers: 1 });
const s = scratch('dmn-check-docs-');
afterAll(async () => {
  await reader.close();
  s.done();
});

async function open(dir: string, name: string): Promise<EvidenceFile> {
  const r = await openEvidenceFile(dir, name);
  if (!r.ok) throw new Error(r.reason);
  return r.file;
}

async function judge(dir: string, name: string, withReader = true) {
  const file = await open(dir, name);
  const ctx = { requirement: 'PORT 1', slot: 'export-documentation', files: [file], options, facts: {}, asOf: '2026-11-29', provided: new Set<string>(), shared: createMemo() };
  return (await documentMentions.run(withReader ? { ...ctx, reader } : ctx)).findings;
}

describe('PORT 1 documentation in every kind the slot accepts', () => {
  it.each(['export-doc.pdf', 'export-doc.docx', 'export-doc.odt'])('%s: the three topics are read, nothing to say', async (name) => {
    expect(await judge(DOCS, name)).toEqual([]);
  });

  it.each(['export-doc-no-location.pdf', 'export-doc-no-location.docx'])('%s: never says where the data sits → topic missing (failed)', async (name) => {
    const findings = await judge(DOCS, name);
    expect(findings).toMatchObject([{ code: 'document.topic-missing', severity: 'error', params: { topic: 'location' } }]);
  });

  it('a scanned PDF (no text layer) is rendered and OCR\'d', async () => {
    const r = await reader.read(await open(DOCS, 'export-doc-scanned.pdf'));
    expect(r.ok && r.via).toBe('ocr');
    expect(await judge(DOCS, 'export-doc-scanned.pdf')).toEqual([]);
  }, 120_000);

  it('with --no-read, a PDF is left to the reviewer (info), as before', async () => {
    expect(await judge(DOCS, 'export-doc-no-location.pdf', false)).toMatchObject([{ code: 'document.not-read', severity: 'info' }]);
  });

  it('an encrypted PDF is a finding (failed), not a crash', async () => {
    const plain = pdf(['Export documentation']).toString('latin1');
    const encrypted = plain.replace('/Root 1 0 R >>', `/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <${'00'.repeat(32)}> /U <${'11'.repeat(32)}> /P -4 >> /ID [<${'22'.repeat(16)}> <${'22'.repeat(16)}>] >>`);
    writeFileSync(path.join(s.dir, 'locked.pdf'), Buffer.from(encrypted, 'latin1'));
    expect(await judge(realpathSync(s.dir), 'locked.pdf')).toMatchObject([{ code: 'read.encrypted', severity: 'error', status: 'failed' }]);
  });

  it('a corrupt DOCX and a corrupt PDF are findings', async () => {
    writeFileSync(path.join(s.dir, 'broken.docx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('word/document.xml'), Buffer.alloc(200, 7)]));
    writeFileSync(path.join(s.dir, 'broken.pdf'), Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'));
    expect(await judge(realpathSync(s.dir), 'broken.docx')).toMatchObject([{ code: 'read.corrupt', status: 'failed' }]);
    const pdfFindings = await judge(realpathSync(s.dir), 'broken.pdf');
    expect(pdfFindings[0]!.code).toMatch(/^(read\.corrupt|document\.topic-missing)$/);
  });
});
