import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nearestName, otherUnicodeForm } from '../../src/evidence/near-names.js';
import { copyDossier, runCli, scratch } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function folder(files: readonly string[]): string {
  const s = scratch();
  cleanups.push(s.done);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(s.dir, f)), { recursive: true });
    writeFileSync(path.join(s.dir, f), 'x');
  }
  return s.dir;
}

describe('names on disk that differ from the manifest’s as people mistype them', () => {
  it('finds the stored Unicode form of a name, folder by folder, and nothing when it exists as given', () => {
    const dir = folder(['évidence/écran.png'.normalize('NFD'), 'plain/a.png']);
    expect(otherUnicodeForm(dir, 'évidence/écran.png'.normalize('NFC'))).toBe('évidence/écran.png'.normalize('NFD'));
    expect(otherUnicodeForm(dir, 'plain/a.png')).toBeUndefined();
    // Case is not a Unicode form: that is a "did you mean", never read in its place.
    expect(otherUnicodeForm(dir, 'Évidence/écran.png'.normalize('NFC'))).toBeUndefined();
  });

  it('suggests the file meant despite case, accents or a small typo; nothing when nothing is close', () => {
    const dir = folder(['evidence/ieu7/INS-Login.png', 'evidence/écrans/identité.png', 'evidence/ieu9/two-factor-2.png']);
    expect(nearestName(dir, 'evidence/ieu7/ins-login.png')).toBe('evidence/ieu7/INS-Login.png');
    expect(nearestName(dir, 'Evidence/ecrans/identite.png')).toBe('evidence/écrans/identité.png');
    expect(nearestName(dir, 'evidence/ieu9/two-factr-2.png')).toBe('evidence/ieu9/two-factor-2.png');
    expect(nearestName(dir, 'evidence/ieu9/export.json')).toBeUndefined();
    expect(nearestName(dir, 'nowhere/ieu7/ins-login.png')).toBeUndefined();
    // A folder is matched to a folder, a file to a file.
    expect(nearestName(dir, 'evidence/ieu7')).toBeUndefined();
  });

  it('lists only the dossier’s own folders: a symbolic link is never followed to suggest a name', () => {
    const outside = folder(['secret/ins-login.png']);
    const dir = folder(['evidence/readme.txt']);
    symlinkSync(path.join(outside, 'secret'), path.join(dir, 'evidence', 'linked'));
    expect(nearestName(dir, 'evidence/Linked/ins-login.png')).toBeUndefined();
    expect(nearestName(dir, 'evidence/linked/Ins-Login.png')).toBeUndefined();
  });
});

describe('check: the missing file gets a "did you mean", the other Unicode form a warning', () => {
  it('in both languages, on the manifest line', async () => {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    renameSync(path.join(d.dir, 'evidence/ieu7/ins-login.png'), path.join(d.dir, 'evidence/ieu7/INS-Login.png'));
    const en = await runCli(['check', '--no-read', '-q'], { cwd: d.dir });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('dmn-evidence.yaml:18:21  File evidence/ieu7/ins-login.png does not exist.\n      → Did you mean evidence/ieu7/INS-Login.png? (Names count case and accents.)\n');
    const fr = await runCli(['check', '--no-read', '-q', '--lang', 'fr'], { cwd: d.dir });
    expect(fr.stdout).toContain('→ vouliez-vous dire evidence/ieu7/INS-Login.png ? (les noms tiennent compte des majuscules et des accents)\n');
    const json = await runCli(['check', '--no-read', '-f', 'json'], { cwd: d.dir });
    const ieu7 = (JSON.parse(json.stdout) as { requirements: { id: string; findings: { code: string; params: Record<string, string> }[] }[] }).requirements.find((r) => r.id === 'IEU 7')!;
    expect(ieu7.findings[0]).toMatchObject({ code: 'file.missing', params: { file: 'evidence/ieu7/ins-login.png', suggestion: 'evidence/ieu7/INS-Login.png' } });
  });

  it('reads a file stored in NFD for a name typed in NFC, and says so (a warning: the requirement holds)', async () => {
    const d = copyDossier('complete');
    cleanups.push(d.done);
    renameSync(path.join(d.dir, 'evidence/ieu7/ins-login.png'), path.join(d.dir, 'evidence/ieu7', 'écran.png'.normalize('NFD')));
    const manifest = path.join(d.dir, 'dmn-evidence.yaml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('evidence/ieu7/ins-login.png', 'evidence/ieu7/écran.png'.normalize('NFC')));
    const run = await runCli(['check', '--no-read', '-f', 'json'], { cwd: d.dir });
    expect(run.code).toBe(0);
    const ieu7 = (JSON.parse(run.stdout) as { requirements: { id: string; status: string; findings: { code: string; severity: string; params: Record<string, string> }[] }[] }).requirements.find((r) => r.id === 'IEU 7')!;
    expect(ieu7.status).toBe('satisfied');
    expect(ieu7.findings).toEqual([expect.objectContaining({ code: 'file.unicode-form', severity: 'warning', params: { file: 'evidence/ieu7/écran.png'.normalize('NFC'), stored: 'evidence/ieu7/écran.png'.normalize('NFD'), form: 'NFD' } })]);
    const gate = await runCli(['check', '--no-read', '--fail-on', 'warning'], { cwd: d.dir });
    expect(gate.code).toBe(1);
  });
});
