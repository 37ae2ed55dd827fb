import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMatricules, findPhrase, fold, tokensOf } from '../../../src/checks/files/shows-match.js';
import { openEvidenceFile, type EvidenceFile } from '../../../src/evidence/evidence-file.js';
import { createReader } from '../../../src/evidence/read/reader.js';
// @ts-expect-error plain JS module shared with the fixture generator
import { png } from '../../../scripts/make-example-media.mjs';
import { ROOT, scratch } from '../../support/run-cli.js';
import { SCREENS } from '../../support/corpus.js';

const text = (t: string) => tokensOf({ where: {}, text: t, words: [], confidence: null });

describe('phrase matching (accent- and case-insensitive, OCR-tolerant)', () => {
  it('folds accents, case and punctuation', () => {
    expect(fold("Pièce d’Identité — VÉRIFIÉE")).toBe('piece d identite verifiee');
  });
  it('finds a phrase despite accents, case, one misread letter, glued or split words', () => {
    expect(findPhrase(text('Saisissez le CODE DE VERIFICATION reçu'), ['code de vérification'])?.phrase).toBe('code de vérification');
    expect(findPhrase(text('code de vérifcation'), ['code de vérification'])).toBeDefined();
    expect(findPhrase(text('double authentifi cation'), ['double authentification'])).toBeDefined();
    expect(findPhrase(text('Matricule INS'), ['matriculeINS'])).toBeDefined();
  });
  it('matches short words exactly and whole: INS is not "insérer", SMS not "SMA"', () => {
    expect(findPhrase(text('Veuillez insérer votre carte'), ['INS'])).toBeUndefined();
    expect(findPhrase(text('envoyé par SMA'), ['SMS'])).toBeUndefined();
    expect(findPhrase(text('reçu par SMS.'), ['SMS'])).toBeDefined();
  });
  it('does not match a different word of the same length', () => {
    expect(findPhrase(text('mot de passe oublié'), ['code de vérification'])).toBeUndefined();
    expect(findPhrase(text('identifiant'), ['justificatif'])).toBeUndefined();
  });
});

describe('matricule-ins recogniser', () => {
  it('finds a matricule with spaces, checks its key, and masks it', () => {
    const [m] = findMatricules('Matricule INS : 2 79 03 51 215 189 89');
    expect(m).toEqual({ masked: '2 79 03 ** *** *** 89', value: '279035121518989', valid: true });
    expect(findMatricules('279035121518988')[0]!.valid).toBe(false);
  });
  it('takes O for 0 and l for 1 as OCR misreads, keeps 2A/2B', () => {
    expect(findMatricules('2 79 O3 51 215 l89 89')[0]?.valid).toBe(true);
    expect(findMatricules('1 55 02 2A 123 456 ')).toEqual([]); // 14 characters
  });
  it('ignores phone numbers, dates and longer digit runs', () => {
    expect(findMatricules('Tél. 06 12 34 56 78 — le 28/03/1979')).toEqual([]);
    expect(findMatricules('2790351215189890')).toEqual([]);
  });
});

function pngHeader(width: number, height: number): Buffer {
  const full = png(8, 8, [0, 0, 0]);
  const out = Buffer.from(full);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  return out; // CRC now wrong: no decoder gets that far
}

describe('reading screenshots (tesseract.js, models from node_modules)', () => {
  const s = scratch('dmn-check-read-');
  const reader = createReader({ ocrWorkers: 1 });
  const open = async (dir: string, name: string): Promise<EvidenceFile> => {
    const r = await openEvidenceFile(realpathSync(dir), name);
    if (!r.ok) throw new Error(r.reason);
    return r.file;
  };
  afterAll(async () => {
    await reader.close();
    s.done();
  });

  it('refuses a 30000×30000 PNG from its header, before decoding and without starting OCR', async () => {
    writeFileSync(path.join(s.dir, 'bomb.png'), pngHeader(30000, 30000));
    const r = await reader.read(await open(s.dir, 'bomb.png'));
    expect(r).toEqual({ ok: false, problem: 'too-many-pixels', params: { width: 30000, height: 30000, limit: 40_000_000 } });
    expect(reader.ocrWorkersStarted).toBe(0);
  });

  it('reads words, their positions and confidence from a screenshot', async () => {
    const r = await reader.read(await open(SCREENS, 'two-factor-sms-desktop.png'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.via).toBe('ocr');
    const seg = r.segments[0]!;
    expect(fold(seg.text)).toContain('double authentification');
    const word = seg.words.find((w) => fold(w.text) === 'authentification')!;
    expect(word.confidence).toBeGreaterThan(70);
    expect(word.bbox.x1).toBeGreaterThan(word.bbox.x0);
    expect(reader.ocrWorkersStarted).toBe(1);
  });

  it('says a corrupt image is corrupt (a finding, not a crash)', async () => {
    const good = png(64, 64, [10, 10, 10]);
    const broken = Buffer.concat([good.subarray(0, 33), deflateSync(Buffer.from('not pixels')), good.subarray(-12)]);
    writeFileSync(path.join(s.dir, 'broken.png'), broken);
    const r = await reader.read(await open(s.dir, 'broken.png'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe('corrupt');
  });

  it('ends its workers on close', async () => {
    await reader.close();
    expect(reader.ocrWorkersStarted).toBe(0);
  });
});

describe('offline: the OCR never touches the network', () => {
  const BIN = path.join(ROOT, 'bin', 'dmn-check.js');
  const PRELOAD = path.join(ROOT, 'test', 'e2e', 'read', 'refuse-network.cjs');
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'evidence', 'read', 'tesseract-worker.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it('the preload does refuse the network', () => {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "fetch('https://cdn.jsdelivr.net/').catch(() => process.exit(3))"], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('NETWORK REFUSED');
  });

  it('reads the example dossier with the network refused, in the main thread and the workers', () => {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, BIN, 'check', 'fixtures/dossiers/complete/dmn-evidence.yaml', '--as-of', '2026-11-29', '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', SOURCE_DATE_EPOCH: '1795946400' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { read: boolean; requirements: { id: string; findings: { code: string }[] }[] };
    expect(report.read).toBe(true);
    for (const id of ['IEU 2', 'IEU 7', 'IEU 8', 'IEU 9']) {
      expect(report.requirements.find((x) => x.id === id)!.findings.map((f) => f.code)).toContain('shows.found');
    }
  }, 120_000);
});
