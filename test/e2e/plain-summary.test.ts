import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

/** The closing line CI reads counts a test file that fails on its own as a failure. */
describe('the plain closing line', () => {
  it('counts a file that does not import, a crashed hook and a crashed suite as failures', () => {
    const config = path.join(ROOT, 'test', 'support', 'reporter-cases', 'vitest.config.ts');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(1);
    // passes.case.ts: 1 passed, 1 skipped; hook-crash.case.ts: its 2 tests are skipped by vitest,
    // the file is 1 failure; import-error.case.ts and top-level-throw.case.ts: 1 failure each
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 passed, 3 failed, 3 skipped');
  }, 60_000);
});
