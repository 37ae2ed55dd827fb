import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DOSSIERS = path.join(ROOT, 'fixtures', 'dossiers');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process, with a fixed clock, no colour, English unless env says otherwise.
 * `check` and `pack` run as the structural check (`--no-read`) unless `read: true`: reading what
 * screenshots show (OCR, seconds a dossier) is tested where it matters (test/read/, the scenario
 * dossiers, the README), not in every test of the CLI's other features.
 */
export async function runCli(argv: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean; read?: boolean } = {}): Promise<CliRun> {
  if (!opts.read && (argv[0] === 'check' || argv[0] === 'pack') && !argv.includes('--no-read')) argv = [...argv, '--no-read'];
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    env: { LANG: 'en_US.UTF-8', SOURCE_DATE_EPOCH: '1795946400', ...opts.env },
    cwd: opts.cwd ?? ROOT,
    now: () => new Date('2026-11-29T10:00:00Z'),
  });
  return { code, stdout, stderr };
}

/** A scratch folder, removed by the returned function. */
export function scratch(prefix = 'dmn-check-'): { dir: string; done: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of a fixture dossier in a scratch folder, to modify freely. */
export function copyDossier(name: string): { dir: string; manifest: string; done: () => void } {
  const s = scratch();
  cpSync(path.join(DOSSIERS, name), s.dir, { recursive: true });
  return { dir: s.dir, manifest: path.join(s.dir, 'dmn-evidence.yaml'), done: s.done };
}
