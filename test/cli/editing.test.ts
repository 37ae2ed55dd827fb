import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAjv } from '../../src/diagnostics/ajv.js';
import { parse } from 'yaml';
import { copyDossier, runCli, scratch } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('editing help', () => {
  it('schema: facts with their questions, requirement ids, slots with what they expect; the example manifests validate', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.properties.facts.properties.patient_access).toMatchObject({ type: 'boolean', description: expect.stringMatching(/log in/) });
    expect(schema.properties.facts.properties.identity_source.enum).toEqual(['own', 'delegated']);
    expect(Object.keys(schema.properties.evidence.properties)).toEqual(['IEU 2', 'IEU 7', 'IEU 8', 'IEU 9', 'PORT 1']);
    expect(schema.properties.evidence.properties['IEU 8'].properties['creation-flow'].description).toMatch(/flow/i);
    const validate = createAjv().compile(schema);
    for (const d of ['complete', 'delegated-identity', 'not-systematic-2fa']) {
      const manifest = parse(readFileSync(path.join('fixtures/dossiers', d, 'dmn-evidence.yaml'), 'utf8'));
      expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ 'dmn-evidence': 1, product: { name: 'X', version: '1', manufacturer: 'Y' }, evidence: { 'IEU 8': { 'creaton-flow': 'a.hl7' } } })).toBe(false);
    const fr = JSON.parse((await runCli(['schema', '--lang', 'fr'])).stdout);
    expect(fr.properties.facts.properties.patient_access.description).toMatch(/usagers/);
  });

  it('init writes the yaml-language-server line and the schema it names', async () => {
    const s = scratch();
    cleanups.push(s.done);
    await runCli(['init'], { cwd: s.dir });
    const text = readFileSync(path.join(s.dir, 'dmn-evidence.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=dmn-evidence.schema.json');
    expect(JSON.parse(readFileSync(path.join(s.dir, 'dmn-evidence.schema.json'), 'utf8')).title).toBe('dmn-evidence.yaml — ans-dmn 1.2.2');
  });

  it('check without an argument finds dmn-evidence.yaml in a folder above', async () => {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    const sub = path.join(d.dir, 'evidence', 'deep');
    mkdirSync(sub, { recursive: true });
    const run = await runCli(['check', '--as-of', '2026-11-29', '-f', 'json'], { cwd: sub });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).product.name).toBe('CardioSuivi');
    const none = await runCli(['check'], { cwd: scratchDir() });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/dmn-evidence.yaml file not found/);
  });
});

function scratchDir(): string {
  const s = scratch();
  cleanups.push(s.done);
  return s.dir;
}
