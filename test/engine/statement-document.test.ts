import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDossier } from '../../src/api/check-dossier.js';
import { BUILTIN_CHECKS, createRegistry } from '../../src/checks/registry.js';
import { defineCheck } from '../../src/checks/types.js';
import { loadCheckRuleset } from '../../src/api/check-tester.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/load.js';
import { DOSSIERS } from '../support/run-cli.js';

/** A check that says what it saw: a statement's document names its requirement, or it fails. */
const namesRequirement = defineCheck<{ words: string[] }>({
  name: 'test-names-requirement',
  description: 'test only',
  schema: { type: 'object', required: ['words'], additionalProperties: false, properties: { words: { type: 'array', items: { type: 'string' } } } },
  messages: { 'test.document-silent': { en: (p) => `silent on ${String(p.requirement)}`, fr: (p) => `muet sur ${String(p.requirement)}` } },
  async run({ files, options, requirement, slot }) {
    const text = await files[0]!.text(1 << 20);
    return { findings: options.words.some((w) => text.includes(w)) ? [] : [{ code: 'test.document-silent', severity: 'error', slot, file: files[0]!.path, params: { requirement } }] };
  },
});

describe('checks on a sworn statement’s document', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-check-statement-doc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(DOSSIERS, 'delegated-identity'), dir, { recursive: true });
  // The manifest names the ruleset it was written for; this one extends it.
  const manifest = path.join(dir, 'dmn-evidence.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^ruleset: .*$/m, 'ruleset: statement-docs@1'));
  const registry = createRegistry([...BUILTIN_CHECKS, namesRequirement]);
  const rules = (words: string[]): string => {
    const file = path.join(dir, `rules-${words.join('-') || 'none'}.yaml`);
    writeFileSync(
      file,
      `dmn-ruleset: 1\nid: statement-docs\nversion: "1"\ntitle: { en: t, fr: t }\nextends: ans-dmn@1.2.2\nstatement_document:\n  checks:\n    - check: test-names-requirement\n      options: { words: ${JSON.stringify(words)} }\n`,
    );
    return file;
  };
  const run = async (words: string[]) => {
    const report = await checkDossier({ manifest, rules: loadRuleset(rules(words), { registry }), registry, asOf: '2026-11-29', cwd: dir, env: {} });
    return report.requirements.find((r) => r.id === 'IEU 2')!;
  };

  it('keeps the requirement not applicable when the document passes its checks', async () => {
    const r = await run(['%PDF']);
    expect(r.status).toBe('not_applicable');
    expect(r.findings.map((f) => f.code)).toEqual([]);
    expect(r.statement?.valid).toBe(true);
  });

  it('fails the statement, at the document’s manifest line, when a check fails', async () => {
    const r = await run(['IEU 2 — déclaration']);
    expect(r.status).toBe('failed');
    expect(r.findings.map((f) => [f.code, f.message, f.file, f.line])).toEqual([['test.document-silent', 'silent on IEU 2', 'statements/statement-signed.pdf', undefined]]);
    expect(r.statement?.valid).toBe(false);
  });

  it('refuses, at load time, a statement-document check with bad options', () => {
    expect(() => loadCheckRuleset(namesRequirement, { words: 'not a list' })).toThrow(/bad options for check "test-names-requirement"/);
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, `dmn-ruleset: 1\nid: bad\nversion: "1"\ntitle: { en: t, fr: t }\nextends: ans-dmn@1.2.2\nstatement_document:\n  checks:\n    - check: test-names-requirment\n`);
    expect(() => loadRuleset(bad, { registry })).toThrow(/bad\.yaml:8:14 statement_document\.checks\[0\]\.check: unknown check "test-names-requirment"\. Did you mean "test-names-requirement"\?/);
  });

  it('replaces the base ruleset’s own, which the bundled rulesets inherit (statement-document)', () => {
    expect(loadRuleset(rules(['x']), { registry }).statementDocumentChecks.map((c) => c.check)).toEqual(['test-names-requirement']);
    expect(loadRuleset(DEFAULT_RULESET).statementDocumentChecks.map((c) => c.check)).toEqual(['statement-document']);
    expect(loadRuleset('ans-dmn-complete@1.2.2').statementDocumentChecks.map((c) => c.check)).toEqual(['statement-document']);
  });
});
