import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../support/run-cli.js';

export const HOSTILE = path.join(ROOT, 'fixtures', 'hostile');
const MEASURED_CLI = path.join(ROOT, 'test', 'e2e', 'hostile', 'measured-cli.mjs');

function newestMtime(dir: string, ext: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, ext));
    else if (entry.name.endsWith(ext)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Makes dist/ and its bundle current when a source file is newer than the build (`npm test` builds first; a bare
 * `vitest run` may not have). The type check may fail on someone's work in progress: tsc still
 * emits, and only the emitted JavaScript matters here.
 */
export function ensureBuilt(): void {
  const outputs = [path.join(ROOT, 'dist', 'cli', 'main.js'), path.join(ROOT, 'dist', 'generated', 'validate-manifest.cjs'), path.join(ROOT, 'dist', 'bundle', 'dmn-check.cjs')];
  const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  if (built >= newestMtime(path.join(ROOT, 'src'), '.ts')) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ROOT], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    /* type errors elsewhere: the JavaScript was emitted all the same */
  }
  for (const step of ['build-validators.mjs', 'copy-assets.mjs', 'bundle.mjs']) execFileSync(process.execPath, [path.join(ROOT, 'scripts', step)], { cwd: ROOT, stdio: 'ignore' });
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the CLI process, in bytes. */
  peakRss: number;
}

/**
 * Runs the built CLI in a child process and measures its peak RSS. `maxOpenFiles` runs it under
 * `ulimit -n`; `timeoutMs` kills it (a hang is a failure, not a stuck test run). `check` and `pack`
 * run the structural check (`--no-read`): hostile *reading* inputs are tested in test/e2e/read/.
 */
export function runMeasured(argv: string[], opts: { cwd: string; maxOpenFiles?: number; timeoutMs?: number; env?: Record<string, string> }): Promise<MeasuredRun> {
  if ((argv[0] === 'check' || argv[0] === 'pack') && !argv.includes('--no-read')) argv = [...argv, '--no-read'];
  const node = [process.execPath, MEASURED_CLI, ...argv];
  const [cmd, args] =
    opts.maxOpenFiles === undefined ? [node[0]!, node.slice(1)] : ['bash', ['-c', `ulimit -n ${opts.maxOpenFiles} && exec "$@"`, 'bash', ...node]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', SOURCE_DATE_EPOCH: '1795946400', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 120_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    let measure = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => (measure += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal) return reject(new Error(`dmn-check was killed by ${signal} (timeout?); stderr: ${stderr.slice(0, 2000)}`));
      const m = measure ? (JSON.parse(measure) as { maxRssKiB: number }) : { maxRssKiB: Number.NaN };
      resolve({ code, stdout, stderr, peakRss: m.maxRssKiB * 1024 });
    });
  });
}
