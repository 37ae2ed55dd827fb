import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/report/report.js';
import { copyDossier, ROOT, runCli } from '../../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const SCREENS = path.join(ROOT, 'fixtures', 'screens');

function dossier(): { dir: string; manifest: string } {
  const d = copyDossier('complete');
  cleanups.push(d.done);
  return d;
}

const findingsOf = (report: Report, id: string) => report.requirements.find((r) => r.id === id)!.findings;

describe('shows, end to end through `check`', () => {
  it('an account screenshot whose matricule the flows do not carry: a warning, masked both ways', async () => {
    const d = dossier();
    // This screen shows the test matricule 1 84 03 75 123 456 90; the dossier's flows carry 2 79 03 51 215 189 89.
    copyFileSync(path.join(SCREENS, 'login-ins-en-desktop.png'), path.join(d.dir, 'evidence', 'ieu8', 'account-ins.png'));
    const run = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json'], { read: true });
    const report = JSON.parse(run.stdout) as Report;
    const ieu8 = report.requirements.find((r) => r.id === 'IEU 8')!;
    expect(ieu8.status).toBe('satisfied');
    const differs = ieu8.findings.find((f) => f.code === 'shows.matricule-differs')!;
    expect(differs).toMatchObject({ severity: 'warning', params: { shown: '1 84 03 ** *** *** 90', carried: '2 79 03 ** *** *** 89' } });
    expect(run.stdout).not.toMatch(/184037512345690|279035121518989|1 84 03 75 123 456 90/);
  }, 180_000);

  it('a blank screenshot fails "must be legible"; a 1×1 placeholder fails too', async () => {
    const d = dossier();
    copyFileSync(path.join(SCREENS, 'blank.png'), path.join(d.dir, 'evidence', 'ieu7', 'ins-login.png'));
    const run = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json'], { read: true });
    const report = JSON.parse(run.stdout) as Report;
    expect(run.code).toBe(1);
    expect(report.requirements.find((r) => r.id === 'IEU 7')!.status).toBe('failed');
    expect(findingsOf(report, 'IEU 7').map((f) => f.code)).toEqual(['shows.illegible']);
    expect(findingsOf(report, 'IEU 7')[0]!.message).toBe('Nothing legible could be read in this file: a screenshot must be legible.');
  }, 180_000);

  it('--no-read: nothing is read, the report says so, and replay re-evaluates the same way', async () => {
    const d = dossier();
    // A screenshot that shows nothing would fail if read.
    copyFileSync(path.join(SCREENS, 'blank.png'), path.join(d.dir, 'evidence', 'ieu7', 'ins-login.png'));
    const run = await runCli(['check', 'dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json', '--no-read'], { cwd: d.dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.read).toBe(false);
    expect(findingsOf(report, 'IEU 7')).toEqual([]);
    writeFileSync(path.join(d.dir, 'report.json'), run.stdout);
    const replay = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(replay.stdout).toContain('identical');
    expect(replay.code).toBe(0);
  }, 180_000);

  it('a report made with reading replays identical, reading again', async () => {
    const d = dossier();
    const run = await runCli(['check', 'dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json'], { cwd: d.dir, read: true });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.read).toBe(true);
    writeFileSync(path.join(d.dir, 'report.json'), run.stdout);
    const replay = await runCli(['replay', 'report.json'], { cwd: d.dir });
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain('identical');
  }, 180_000);
});
