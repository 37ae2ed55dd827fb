import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DOSSIERS, runCli } from '../support/run-cli.js';

/**
 * A real read failure, whoever runs the tests (root reads a mode-000 file): the file-reading seam
 * (`node:fs` as the YAML reader opens it) fails for files named `unreadable*.yaml` with the errno
 * the system would give.
 */
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  const openSync = ((file: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => {
    const name = path.basename(String(file));
    if (name === 'unreadable.yaml') throw fail('EACCES');
    if (name === 'unreadable-io.yaml') throw fail('EIO');
    return (fs.openSync as (...a: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

describe('a manifest that cannot be read', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-check-unreadable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(path.join(DOSSIERS, 'complete', 'dmn-evidence.yaml'), path.join(dir, 'unreadable.yaml'));
  copyFileSync(path.join(DOSSIERS, 'complete', 'dmn-evidence.yaml'), path.join(dir, 'unreadable-io.yaml'));

  it('permission denied: exit 2, one line naming the file, in English and French', async () => {
    const en = await runCli(['check', 'unreadable.yaml'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toMatch(/^dmn-check: error: unreadable\.yaml permission denied\./);
    const fr = await runCli(['check', 'unreadable.yaml', '--lang', 'fr'], { cwd: dir });
    expect(fr.stderr).toMatch(/^dmn-check: erreur\u00a0?\s?: unreadable\.yaml permission refusée\./);
  });

  it('another errno is named, never a stack trace', async () => {
    const r = await runCli(['check', 'unreadable-io.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unreadable-io\.yaml cannot be read \(EIO\)\./);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
