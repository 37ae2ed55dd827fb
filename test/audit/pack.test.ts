import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/registry.js';
import { listTree, manifestText, parseManifest } from '../../src/audit/bagit.js';
import { extractZip, readZipEntries, writeZip } from '../../src/audit/zip.js';
import { DOSSIERS, runCli } from '../support/run-cli.js';
import { AS_OF, checkReport, dossier, editReport, editText, expectInputError, listed, readJson, sha256, shaOf, tmp } from './support.js';

const REPORT_VIEW = FORMATTERS.has('html') ? 'report.html' : 'report.txt';

const COMPLETE_EVIDENCE = [
  'evidence/ieu2/identity-change-1.png',
  'evidence/ieu2/identity-change-2.png',
  'evidence/ieu7/ins-login.png',
  'evidence/ieu8/account-ins.png',
  'evidence/ieu8/creation-a28.hl7',
  'evidence/ieu9/two-factor-1.png',
  'evidence/ieu9/two-factor-2.png',
  'evidence/port1/dictionary.yaml',
  'evidence/port1/export-documentation.md',
  'evidence/port1/export.json',
  'evidence/port1/schema.json',
];

async function pack(cwd: string, out: string, extra: string[] = [], env: Record<string, string> = {}): Promise<Awaited<ReturnType<typeof runCli>>> {
  return runCli(['pack', 'dmn-evidence.yaml', '--as-of', AS_OF, '--out', out, ...extra], { cwd, env });
}

/** Every file of a folder, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Rewrites a bag's manifests after an edit, as someone covering their tracks would. */
function reseal(bag: string): void {
  const files = tree(path.join(bag, 'data'));
  writeFileSync(path.join(bag, 'manifest-sha256.txt'), manifestText(new Map([...files].map(([p, b]) => [`data/${p}`, sha256(b)]))));
  const bytes = [...files.values()].reduce((n, b) => n + b.length, 0);
  editText(path.join(bag, 'bag-info.txt'), (s) => s.replace(/Payload-Oxum: .*/, `Payload-Oxum: ${bytes}.${files.size}`));
  const tags = ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt'];
  writeFileSync(path.join(bag, 'tagmanifest-sha256.txt'), manifestText(new Map(tags.map((t) => [t, shaOf(path.join(bag, t))]))));
}

describe('pack: a BagIt bag (RFC 8493)', () => {
  it('holds the manifest, the evidence and the reports, with hashes that match', async () => {
    const d = dossier();
    const out = path.join(tmp(), 'bag');
    const run = await pack(d.dir, out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const t = tree(out);
    expect([...t.keys()]).toEqual(
      ['bag-info.txt', 'bagit.txt', ...['dmn-evidence.yaml', ...COMPLETE_EVIDENCE, 'report.html', 'report.json', 'report.txt'].filter((f) => f !== (REPORT_VIEW === 'report.html' ? 'report.txt' : 'report.html')).map((f) => `data/${f}`), 'manifest-sha256.txt', 'tagmanifest-sha256.txt'].sort(),
    );
    // payload = the dossier's files, byte for byte
    for (const f of ['dmn-evidence.yaml', ...COMPLETE_EVIDENCE]) expect(sha256(t.get(`data/${f}`)!)).toBe(shaOf(path.join(DOSSIERS, 'complete', f)));
    // manifests, recomputed here
    const payload = parseManifest(t.get('manifest-sha256.txt')!.toString()).entries;
    expect([...payload.keys()]).toEqual([...t.keys()].filter((k) => k.startsWith('data/')));
    for (const [f, h] of payload) expect(sha256(t.get(f)!)).toBe(h);
    const tags = parseManifest(t.get('tagmanifest-sha256.txt')!.toString()).entries;
    expect([...tags.keys()]).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
    for (const [f, h] of tags) expect(sha256(t.get(f)!)).toBe(h);
    expect(t.get('bagit.txt')!.toString()).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    // bag-info
    const payloadFiles = [...t.keys()].filter((k) => k.startsWith('data/'));
    const bytes = payloadFiles.reduce((n, k) => n + t.get(k)!.length, 0);
    const report = JSON.parse(t.get('data/report.json')!.toString()) as { ruleset: { sha256: string } };
    expect(t.get('bag-info.txt')!.toString()).toBe(
      [
        'Source-Organization: Exemple Santé SAS',
        'External-Identifier: CardioSuivi 4.2.0',
        'External-Description: dmn-check conformity dossier: ruleset ans-dmn 1.2.2, as',
        '  of 2026-11-29, verdict PASS (5 satisfied, 0 not applicable, 0 missing, 0',
        '  failed, 0 errors)',
        'Bagging-Date: 2026-11-29',
        'Bag-Software-Agent: dmn-check 0.1.0',
        'DMN-Ruleset: ans-dmn 1.2.2',
        `DMN-Ruleset-SHA256: ${report.ruleset.sha256}`,
        'DMN-As-Of: 2026-11-29',
        'DMN-Verdict: pass',
        `Payload-Oxum: ${bytes}.${payloadFiles.length}`,
        '',
      ].join('\n'),
    );
    expect(run.stdout).toBe(
      [
        `Bag written: ${path.basename(out)}`,
        `  payload: ${payloadFiles.length} files, ${bytes} bytes`,
        `  seal (sha256 of tagmanifest-sha256.txt): ${sha256(t.get('tagmanifest-sha256.txt')!)}`,
        'Verdict: PASS — 5 satisfied, 0 not applicable, 0 missing, 0 failed, 0 errors',
        '',
      ].join('\n'),
    );
  });

  it("holds the very report `check --format json` writes from the dossier folder, and the report view", async () => {
    const d = dossier('delegated-identity');
    const out = path.join(tmp(), 'bag');
    expect((await pack(d.dir, out)).code).toBe(0);
    const report = await checkReport(d.dir, 'report.json');
    expect(readFileSync(path.join(out, 'data/report.json')).equals(readFileSync(report))).toBe(true);
    expect(readFileSync(path.join(out, 'data/statements/statement-signed.pdf')).equals(readFileSync(path.join(DOSSIERS, 'delegated-identity/statements/statement-signed.pdf')))).toBe(true);
    const view = readFileSync(path.join(out, 'data', REPORT_VIEW), 'utf8');
    expect(view).toContain('CardioSuivi');
    expect(view).toContain('Jeanne Martin');
  });

  it('names the manifest as it sits in data/, wherever pack runs from', async () => {
    const d = dossier();
    const out = path.join(tmp(), 'bag');
    const run = await runCli(['pack', path.join(d.dir, 'dmn-evidence.yaml'), '--as-of', AS_OF, '--out', out], { cwd: path.dirname(d.dir) });
    expect(run.code).toBe(0);
    expect(readJson(path.join(out, 'data/report.json')).manifest.path).toBe('dmn-evidence.yaml');
  });

  it('packs a failing dossier (exit 0, verdict printed); missing evidence stays out, and the bag replays identical', async () => {
    const d = dossier();
    rmSync(path.join(d.dir, 'evidence/ieu7/ins-login.png'));
    const out = path.join(tmp(), 'bag');
    const run = await pack(d.dir, out, ['--lang', 'fr']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Archive scellée \(BagIt\) écrite\u00a0: bag\n/);
    expect(run.stdout).toMatch(/\nVerdict\u00a0: NON CONFORME — 4 satisfaites, 0 non applicable, 1 manquante, 0 en échec, 0 erreur\n$/);
    expect(existsSync(path.join(out, 'data/evidence/ieu7'))).toBe(false);
    const replay = await runCli(['replay', out, '--lang', 'fr']);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/\nRésultat\u00a0: identique au rapport\n$/);
  });
});

describe('pack: deterministic', () => {
  it('same inputs, --as-of and SOURCE_DATE_EPOCH: byte-identical folders and zips', async () => {
    const d = dossier();
    const [a, b] = [tmp(), tmp()];
    for (const where of [a, b]) {
      expect((await pack(d.dir, path.join(where, 'cardio'))).code).toBe(0);
      expect((await pack(d.dir, path.join(where, 'cardio.zip'))).code).toBe(0);
    }
    const [ta, tb] = [tree(path.join(a, 'cardio')), tree(path.join(b, 'cardio'))];
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [k, v] of ta) expect(v.equals(tb.get(k)!), k).toBe(true);
    expect(readFileSync(path.join(a, 'cardio.zip')).equals(readFileSync(path.join(b, 'cardio.zip')))).toBe(true);
    // another SOURCE_DATE_EPOCH: another date in the report, bag-info and zip
    expect((await pack(d.dir, path.join(a, 'later.zip'), [], { SOURCE_DATE_EPOCH: '1798000000' })).code).toBe(0);
    expect((await readZipEntries(path.join(a, 'later.zip'))).length).toBe((await readZipEntries(path.join(a, 'cardio.zip'))).length);
  });

  it('zip round trip: one top folder named after the zip, sorted entries, the same files as the folder bag', async () => {
    const d = dossier();
    const w = tmp();
    expect((await pack(d.dir, path.join(w, 'cardio'))).code).toBe(0);
    const run = await pack(d.dir, path.join(w, 'cardio.zip'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`\\n {2}sha256 of the zip: ${shaOf(path.join(w, 'cardio.zip'))}\\n`));
    const entries = await readZipEntries(path.join(w, 'cardio.zip'));
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...tree(path.join(w, 'cardio')).keys()].map((k) => `cardio/${k}`));
    expect([...names].sort()).toEqual(names);
    const x = path.join(w, 'x');
    mkdirSync(x);
    await extractZip(path.join(w, 'cardio.zip'), x);
    const [fromZip, fromDir] = [tree(path.join(x, 'cardio')), tree(path.join(w, 'cardio'))];
    for (const [k, v] of fromDir) expect(fromZip.get(k)?.equals(v), k).toBe(true);
  });
});

describe('pack: never half, never over', () => {
  it('refuses an existing target (exit 2, left as it is) unless --force; --force replaces a previous bag', async () => {
    const d = dossier();
    const w = tmp();
    writeFileSync(path.join(w, 'cardio.zip'), 'mine');
    expectInputError(await pack(d.dir, path.join(w, 'cardio.zip')), /cardio\.zip already exists; it was left as it is\. Choose another --out, or pass --force to replace it\./);
    expect(readFileSync(path.join(w, 'cardio.zip'), 'utf8')).toBe('mine');
    expect((await pack(d.dir, path.join(w, 'cardio.zip'), ['--force'])).code).toBe(0);
    expect((await readZipEntries(path.join(w, 'cardio.zip'))).length).toBeGreaterThan(10);

    expect((await pack(d.dir, path.join(w, 'bag'))).code).toBe(0);
    writeFileSync(path.join(w, 'bag', 'data', 'stray.txt'), 'x');
    expect((await pack(d.dir, path.join(w, 'bag'), ['--force'])).code).toBe(0);
    expect(existsSync(path.join(w, 'bag', 'data', 'stray.txt'))).toBe(false);
    expect(readdirSync(w).sort()).toEqual(['bag', 'cardio.zip']);
  });

  it('--force never replaces a folder that is not a bag, nor the dossier itself', async () => {
    const d = dossier();
    const w = tmp();
    mkdirSync(path.join(w, 'docs'));
    expectInputError(await pack(d.dir, path.join(w, 'docs'), ['--force']), /docs is a folder that is not a previous bag; --force replaces only a bag or a file\./);
    writeFileSync(path.join(d.dir, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expectInputError(await pack(d.dir, '.', ['--force']), /is a folder that is not a previous bag/);
    expect(existsSync(d.manifest)).toBe(true);
  });

  it('an input error leaves nothing behind', async () => {
    const d = dossier();
    const w = tmp();
    editText(d.manifest, (s) => s.replace('patient_access: true', 'patient_access: maybe'));
    expectInputError(await pack(d.dir, path.join(w, 'bag.zip')), /dmn-evidence\.yaml:\d+:\d+ facts\.patient_access: "maybe" is not a boolean/);
    expectInputError(await runCli(['pack', 'nope.yaml', '--out', path.join(w, 'bag')], { cwd: d.dir }), /nope\.yaml file not found/);
    expect(readdirSync(w)).toEqual([]);
  });

  it('an evidence file named like the bag report is refused', async () => {
    const d = dossier();
    renameSync(path.join(d.dir, 'evidence/port1/export.json'), path.join(d.dir, 'report.json'));
    editText(d.manifest, (s) => s.replace('export-sample: evidence/port1/export.json', 'export-sample: report.json'));
    const w = tmp();
    expectInputError(await pack(d.dir, path.join(w, 'bag')), /report\.json has the name of the bag's own report\.json\. Rename that file/);
    expect(readdirSync(w)).toEqual([]);
  });

  it('--out is required', async () => {
    const run = await runCli(['pack'], { cwd: dossier().dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/required option '--out <path>' not specified/);
  });
});

describe('replay of a bag: verified first, then replayed from data/', () => {
  it('a folder bag and a zip bag replay identical', async () => {
    const d = dossier();
    const w = tmp();
    await pack(d.dir, path.join(w, 'bag'));
    await pack(d.dir, path.join(w, 'bag.zip'));
    for (const bag of ['bag', 'bag.zip']) {
      const run = await runCli(['replay', bag], { cwd: w });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Bag ${bag.replace('.', '\\.')}: complete and valid: ${COMPLETE_EVIDENCE.length + 3} payload files, \\d+ bytes; seal \\(sha256 of tagmanifest-sha256\\.txt\\) [0-9a-f]{64}\\nReplay of ${bag.replace('.', '\\.')}/data/report\\.json\\n`));
      expect(run.stdout).toMatch(/\nidentical\n$/);
    }
  });

  it('a bag with a missing file: exit 1, listed', async () => {
    const d = dossier();
    const bag = path.join(tmp(), 'bag');
    await pack(d.dir, bag);
    rmSync(path.join(bag, 'data/evidence/ieu8/account-ins.png'));
    const run = await runCli(['replay', bag]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Bag .*bag: not valid: 2 problems\n/);
    expect(listed(run)).toEqual([
      'data/evidence/ieu8/account-ins.png is listed in manifest-sha256.txt but missing from the bag.',
      expect.stringMatching(/^bag-info\.txt says Payload-Oxum \d+\.14, the payload has \d+\.13 \(bytes\.files\)\.$/),
    ]);
    expect(run.stdout).toMatch(/→ Get the bag again from its sender, or pack the dossier again from the original evidence\.\n$/);
    const json = await runCli(['replay', bag, '--format', 'json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { identical: boolean; bag: { valid: boolean; problems: { code: string; params: { file?: string } }[] } };
    expect(out.identical).toBe(false);
    expect(out.bag.valid).toBe(false);
    expect(out.bag.problems.map((p) => [p.code, p.params.file])).toEqual([
      ['bag.file-missing', 'data/evidence/ieu8/account-ins.png'],
      ['bag.oxum-mismatch', undefined],
    ]);
  });

  it('a bag with an altered file: exit 1, both hashes', async () => {
    const d = dossier();
    const bag = path.join(tmp(), 'bag');
    await pack(d.dir, bag);
    const file = path.join(bag, 'data/evidence/port1/export.json');
    const before = shaOf(file);
    const bytes = readFileSync(file);
    bytes[bytes.length - 2]! ^= 0x01; // same size: only the hash can tell
    writeFileSync(file, bytes);
    const run = await runCli(['replay', bag]);
    expect(run.code).toBe(1);
    expect(listed(run)).toEqual([`data/evidence/port1/export.json was altered: manifest-sha256.txt says sha256 ${before}, the file has ${shaOf(file)}.`]);
  });

  it('a zip bag with an altered tag file: exit 1', async () => {
    const d = dossier();
    const w = tmp();
    await pack(d.dir, path.join(w, 'bag.zip'));
    const x = path.join(w, 'x');
    mkdirSync(x);
    await extractZip(path.join(w, 'bag.zip'), x);
    appendFileSync(path.join(x, 'bag', 'bag-info.txt'), 'Contact-Name: Someone Else\n');
    const sources = [...(await listTree(x)).files.keys()].map((name) => ({ name, absPath: path.join(x, ...name.split('/')) }));
    await writeZip(path.join(w, 'tampered.zip'), sources, new Date('2026-11-29T10:00:00Z'));
    const run = await runCli(['replay', 'tampered.zip'], { cwd: w });
    expect(run.code).toBe(1);
    expect(listed(run)).toEqual([expect.stringMatching(/^bag-info\.txt was altered: tagmanifest-sha256\.txt says sha256 [0-9a-f]{64}, the file has [0-9a-f]{64}\.$/)]);
  });

  it('a bag whose report was edited and resealed: the bag verifies, the replay differs', async () => {
    const d = dossier();
    const bag = path.join(tmp(), 'bag');
    await pack(d.dir, bag);
    editReport(path.join(bag, 'data/report.json'), (r) => {
      r.requirements[3]!.status = 'not_applicable';
    });
    reseal(bag);
    const run = await runCli(['replay', bag]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/: complete and valid: /);
    expect(listed(run)).toEqual(['IEU 9: status was not applicable, now satisfied.']);
  });

  it('a corrupt zip or a zip that is not a bag: exit 2', async () => {
    const d = dossier();
    const w = tmp();
    await pack(d.dir, path.join(w, 'bag.zip'));
    const buf = readFileSync(path.join(w, 'bag.zip'));
    writeFileSync(path.join(w, 'cut.zip'), buf.subarray(0, buf.length - 100));
    expectInputError(await runCli(['replay', 'cut.zip'], { cwd: w }), /cut\.zip is not a readable zip \(/);
    writeFileSync(path.join(w, 'a.txt'), 'synthetic');
    await writeZip(path.join(w, 'other.zip'), [{ name: 'a.txt', absPath: path.join(w, 'a.txt') }], new Date());
    expectInputError(await runCli(['replay', 'other.zip'], { cwd: w }), /other\.zip is neither a JSON report nor a BagIt bag/);
  });
});
