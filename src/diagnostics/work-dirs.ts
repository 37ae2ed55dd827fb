import { randomBytes } from 'node:crypto';
import { promises as fsp, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Work folders (a bag being built, snapshots being saved, a bag being unzipped) hold copies of
 * evidence, that is health data. They are made with mode 0700, and removed when the work ends —
 * also on SIGINT, SIGTERM or SIGHUP, after which the signal is raised again so the exit status
 * still says what stopped the run.
 */
const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function track(dir: string): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(dir);
}

/** Removes a work folder and forgets it. */
export async function removeWorkDir(dir: string): Promise<void> {
  await fsp.rm(dir, { recursive: true, force: true });
  live.delete(dir);
  if (live.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** A new private folder in the system's temporary folder, mode 0700, removed on a signal. */
export async function makeTempWorkDir(prefix: string): Promise<string> {
  return makeWorkDir(path.join(os.tmpdir(), `${prefix}${randomBytes(6).toString('hex')}`));
}

/** A work folder at `dir` (which must not exist), mode 0700, removed on a signal: known before it exists, so no signal falls between. */
export async function makeWorkDir(dir: string): Promise<string> {
  track(dir);
  try {
    await fsp.mkdir(dir, { mode: 0o700 });
  } catch (err) {
    live.delete(dir);
    throw err;
  }
  return dir;
}

/** Removes a work file (a zip being written) on a signal too. */
export function trackWorkFile(file: string): void {
  track(file);
}
