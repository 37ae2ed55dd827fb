import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/diagnostics/ajv.js';
import { REPORT_SCHEMA } from '../../src/report/schema.js';
import { DOSSIERS, ROOT, runCli } from '../support/run-cli.js';

describe('the report schema', () => {
  it('is shipped as schemas/report-1.schema.json, equal to the TypeScript-checked one (npm run schemas rewrites it)', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'report-1.schema.json'), 'utf8'))).toEqual(REPORT_SCHEMA);
  });

  const validate = createAjv().compile(REPORT_SCHEMA);
  it.each(readdirSync(DOSSIERS))('accepts the JSON report of fixture dossier %s', async (name) => {
    const r = await runCli(['check', path.join(DOSSIERS, name, 'dmn-evidence.yaml'), '--as-of', '2026-11-29', '--format', 'json']);
    expect(r.stderr).toBe('');
    const ok = validate(JSON.parse(r.stdout));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('refuses a report that lost a required field', async () => {
    const r = await runCli(['check', path.join(DOSSIERS, 'complete', 'dmn-evidence.yaml'), '--as-of', '2026-11-29', '--format', 'json']);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    delete report.verdict;
    expect(validate(report)).toBe(false);
  });
});
