import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/report/report.js';
import { copyDossier, ROOT, runCli } from '../../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const DOCUMENTS = path.join(ROOT, 'fixtures', 'documents');

/** IEU 2 of the delegated-identity dossier (N/A, with a sworn statement), its signed document replaced by `fixture`. */
async function ieu2(fixture: string | undefined, args: string[] = [], read = true) {
  const d = copyDossier('delegated-identity');
  cleanups.push(d.done);
  if (fixture) copyFileSync(path.join(DOCUMENTS, fixture), path.join(d.dir, 'statements', 'statement-signed.pdf'));
  const run = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json', ...args], { read });
  const report = JSON.parse(run.stdout) as Report;
  return { run, req: report.requirements.find((r) => r.id === 'IEU 2')! };
}

describe('a sworn statement’s signed document is read (statement-document, bundled rulesets)', () => {
  it('names the requirement, the signatory and the date: still not applicable, with what was read', async () => {
    const { run, req } = await ieu2(undefined);
    expect(run.code).toBe(0);
    expect(req.status).toBe('not_applicable');
    expect(req.findings.map((f) => [f.code, f.severity, f.file])).toEqual([['statement-document.read', 'info', 'statements/statement-signed.pdf']]);
    expect(req.statement?.valid).toBe(true);
  }, 120_000);

  it('names another requirement: the statement fails, saying what a reviewer misses', async () => {
    const { run, req } = await ieu2('statement-other-requirement.pdf');
    expect(run.code).toBe(1);
    expect(req.status).toBe('failed');
    expect(req.statement?.valid).toBe(false);
    expect(req.findings.map((f) => f.code)).toEqual(['statement-document.requirement-not-named']);
    expect(req.findings[0]!.message).toBe('The signed statement does not name IEU 2: a reviewer cannot tell it is the statement filed for this requirement.');
  }, 120_000);

  it('unsigned and undated: warnings only (a scan may carry them in handwriting), in French too', async () => {
    const { req } = await ieu2('statement-unsigned-undated.pdf', ['--lang', 'fr']);
    expect(req.status).toBe('not_applicable');
    expect(req.findings.map((f) => [f.code, f.severity])).toEqual([
      ['statement-document.signatory-not-named', 'warning'],
      ['statement-document.date-not-found', 'warning'],
    ]);
    expect(req.findings[0]!.message).toBe('La déclaration signée ne porte pas le nom du signataire indiqué dans le manifeste (Jeanne Martin).');
  }, 120_000);

  it('a scan with no text layer is read by OCR', async () => {
    const { req } = await ieu2('statement-scanned.pdf');
    expect(req.status).toBe('not_applicable');
    expect(req.findings.map((f) => f.code)).toEqual(['statement-document.read']);
  }, 180_000);

  it('with --no-read the document is not read, and nothing is said of it', async () => {
    const { req } = await ieu2('statement-other-requirement.pdf', [], false);
    expect(req.status).toBe('not_applicable');
    expect(req.findings).toEqual([]);
  }, 60_000);
});
