import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDossier } from '../../src/api/check-dossier.js';
import { TOOL } from '../../src/api/tool.js';
import { wordReport } from '../../src/api/word-report.js';
import { catalogOf, createRegistry } from '../../src/checks/registry.js';
import { evaluateDossier } from '../../src/engine/evaluate.js';
import { openDossier } from '../../src/evidence/open-dossier.js';
import { loadManifest } from '../../src/manifest/load.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/load.js';
import { DOSSIERS } from '../support/run-cli.js';

const AS_OF = '2026-11-29';
const AT = '2026-11-29T10:00:00Z';

describe('the engine evaluates, the API words', () => {
  it('one evaluation, worded in each language, is exactly the report checkDossier gives in it', async () => {
    const cwd = path.join(DOSSIERS, 'ins-not-applicable');
    const registry = createRegistry();
    const ruleset = loadRuleset(DEFAULT_RULESET, { registry });
    const manifest = loadManifest('dmn-evidence.yaml', ruleset, cwd);
    const evaluated = await evaluateDossier({ ruleset, manifest, opened: await openDossier(manifest), registry, asOf: AS_OF, tool: TOOL, generatedAt: AT, read: false });
    // the engine's result is in no language: titles in both, findings as codes and parameters
    expect(evaluated).not.toHaveProperty('lang');
    expect(evaluated.requirements[0]!.title).toHaveProperty('fr');
    const findings = evaluated.requirements.flatMap((r) => r.findings);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => !('message' in f))).toBe(true);
    expect(evaluated.requirements.some((r) => r.notApplicableReasons?.[0]?.fr)).toBe(true);
    const words = { en: '', fr: '' };
    for (const lang of ['en', 'fr'] as const) {
      const api = await checkDossier({ manifest: 'dmn-evidence.yaml', cwd, asOf: AS_OF, lang, generatedAt: AT, read: false, offline: true, env: {} });
      words[lang] = JSON.stringify(wordReport(evaluated, lang, catalogOf(registry)));
      expect(words[lang]).toBe(JSON.stringify(api));
    }
    const en = JSON.parse(words.en) as { requirements: { status: string; title: string }[] };
    const fr = JSON.parse(words.fr) as { requirements: { status: string; title: string }[] };
    expect(fr.requirements.map((r) => r.status)).toEqual(en.requirements.map((r) => r.status));
    expect(fr.requirements.map((r) => r.title)).not.toEqual(en.requirements.map((r) => r.title));
  });
});
