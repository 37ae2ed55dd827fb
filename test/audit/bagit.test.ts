import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bagInfoText, decodeBagPath, encodeBagPath, manifestText, parseBagInfo, parseManifest, writeBag } from '../../src/audit/bagit.js';
import { verifyBag } from '../../src/audit/bag-verify.js';
import { scratch } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function tmp(): string {
  const s = scratch('dmn-bag-');
  cleanups.push(s.done);
  return s.dir;
}
const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

describe('BagIt text files', () => {
  it.each([
    ['plain/path.png', 'plain/path.png'],
    ['100% sure.txt', '100%25 sure.txt'],
    ['two\nlines.txt', 'two%0Alines.txt'],
    ['cr\r.txt', 'cr%0D.txt'],
    ['%0A literal.txt', '%250A literal.txt'],
  ])('percent-encodes only percent, CR and LF in manifest paths: %j', (raw, encoded) => {
    expect(encodeBagPath(raw)).toBe(encoded);
    expect(decodeBagPath(encoded)).toBe(raw);
  });

  it('writes manifests sorted by UTF-8 bytes, in the `sha256sum` layout, and reads them back', () => {
    const h = 'a'.repeat(64);
    const text = manifestText(new Map([['data/é.txt', h], ['data/Z.txt', h], ['data/a b.txt', h]]));
    expect(text).toBe(`${h}  data/Z.txt\n${h}  data/a b.txt\n${h}  data/é.txt\n`);
    const parsed = parseManifest(`${text}not a line\n${h.toUpperCase()}\tdata/tab.txt\n`);
    expect([...parsed.entries.keys()]).toEqual(['data/Z.txt', 'data/a b.txt', 'data/é.txt', 'data/tab.txt']);
    expect(parsed.entries.get('data/tab.txt')).toBe(h);
    expect(parsed.errors).toEqual([{ line: 4, text: 'not a line' }]);
  });

  it('folds long bag-info values at 79 characters and unfolds them on reading', () => {
    const long = 'dmn-check conformity dossier: ruleset ans-dmn 1.2.2, as of 2026-11-29, verdict PASS (5 satisfied, 0 not applicable)';
    const text = bagInfoText([
      ['Source-Organization', 'Exemple Santé SAS'],
      ['External-Description', long],
      ['Multi', 'line one\nline two'],
    ]);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(79);
    expect(text.split('\n')[2]).toMatch(/^ {2}\S/);
    expect(parseBagInfo(text)).toEqual([
      ['Source-Organization', 'Exemple Santé SAS'],
      ['External-Description', long],
      ['Multi', 'line one line two'],
    ]);
  });
});

describe('writeBag and verifyBag', () => {
  async function bag(): Promise<string> {
    const d = tmp();
    const src = path.join(d, 'src');
    mkdirSync(path.join(src, 'evidence'), { recursive: true });
    writeFileSync(path.join(src, 'evidence', 'a.txt'), 'synthetic A\n');
    writeFileSync(path.join(src, 'evidence', 'b 100%.txt'), 'synthetic B\n');
    const dir = path.join(d, 'bag');
    mkdirSync(dir);
    await writeBag(
      dir,
      [
        { path: 'evidence/b 100%.txt', absPath: path.join(src, 'evidence', 'b 100%.txt') },
        { path: 'evidence/a.txt', absPath: path.join(src, 'evidence', 'a.txt') },
        { path: 'report.json', content: '{}\n' },
      ],
      [['Source-Organization', 'Exemple Santé SAS']],
    );
    return dir;
  }

  it('writes the RFC 8493 layout with hashes of the copies, and the bag verifies', async () => {
    const dir = await bag();
    expect(readFileSync(path.join(dir, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const manifest = readFileSync(path.join(dir, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toBe(
      [`${sha('synthetic A\n')}  data/evidence/a.txt`, `${sha('synthetic B\n')}  data/evidence/b 100%25.txt`, `${sha('{}\n')}  data/report.json`, ''].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'bag-info.txt'), 'utf8')).toBe(`Source-Organization: Exemple Santé SAS\nPayload-Oxum: ${12 + 12 + 3}.3\n`);
    const tags = parseManifest(readFileSync(path.join(dir, 'tagmanifest-sha256.txt'), 'utf8')).entries;
    expect([...tags.keys()]).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
    for (const [f, h] of tags) expect(sha(readFileSync(path.join(dir, f)))).toBe(h);
    const v = await verifyBag(dir);
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ payloadFiles: 3, payloadBytes: 27, seal: sha(readFileSync(path.join(dir, 'tagmanifest-sha256.txt'))) });
  });

  it.each([
    ['a payload file removed', (d: string) => rmSync(path.join(d, 'data/evidence/a.txt')), [{ code: 'bag.file-missing', params: { file: 'data/evidence/a.txt', manifest: 'manifest-sha256.txt' } }]],
    ['a payload file altered', (d: string) => appendFileSync(path.join(d, 'data/report.json'), ' '), ['bag.file-altered']],
    ['a payload file added', (d: string) => writeFileSync(path.join(d, 'data/extra.txt'), 'x'), [{ code: 'bag.file-unlisted', params: { file: 'data/extra.txt', manifest: 'manifest-sha256.txt' } }]],
    ['a tag file altered', (d: string) => appendFileSync(path.join(d, 'bag-info.txt'), 'Contact-Name: Someone\n'), [{ code: 'bag.file-altered', params: { file: 'bag-info.txt' } }]],
    ['a tag file added', (d: string) => writeFileSync(path.join(d, 'notes.txt'), 'x'), [{ code: 'bag.file-unlisted', params: { file: 'notes.txt', manifest: 'tagmanifest-sha256.txt' } }]],
    ['the payload manifest removed', (d: string) => rmSync(path.join(d, 'manifest-sha256.txt')), [{ code: 'bag.manifest-missing', params: { file: 'manifest-sha256.txt' } }]],
    ['the tag manifest removed', (d: string) => rmSync(path.join(d, 'tagmanifest-sha256.txt')), [{ code: 'bag.manifest-missing', params: { file: 'tagmanifest-sha256.txt' } }]],
    ['a link instead of a file', (d: string) => (rmSync(path.join(d, 'data/evidence/a.txt')), symlinkSync('/etc/hostname', path.join(d, 'data/evidence/a.txt'))), [{ code: 'bag.file-not-regular', params: { file: 'data/evidence/a.txt' } }]],
  ] as const)('finds %s', async (_, tamper, expected) => {
    const dir = await bag();
    tamper(dir);
    const v = await verifyBag(dir);
    const want = expected.map((e) => (typeof e === 'string' ? expect.objectContaining({ code: e }) : expect.objectContaining({ code: e.code, params: expect.objectContaining(e.params) })));
    expect(v.problems.filter((p) => p.code !== 'bag.oxum-mismatch')).toEqual(want);
  });

  it('checks Payload-Oxum and refuses manifest lines that leave the payload', async () => {
    const dir = await bag();
    writeFileSync(path.join(dir, 'data/evidence/a.txt'), 'synthetic A, longer now\n');
    const h = sha('x');
    appendFileSync(path.join(dir, 'manifest-sha256.txt'), `${h}  data/../../etc/passwd\n${h}  bag-info.txt\n`);
    const v = await verifyBag(dir);
    expect(v.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['bag.file-altered', 'bag.manifest-line', 'bag.oxum-mismatch']));
    expect(v.problems.filter((p) => p.code === 'bag.manifest-line').map((p) => (p.params as { line: number }).line)).toEqual([4, 5]);
  });
});
