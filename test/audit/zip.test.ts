import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { dosDateTime, extractZip, readZipEntries, writeZip, ZipError } from '../../src/audit/zip.js';
import { ROOT, scratch } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function tmp(): string {
  const s = scratch('dmn-zip-');
  cleanups.push(s.done);
  return s.dir;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const WHEN = new Date('2026-11-29T10:00:00Z');

/** A few files of different shapes: compressible text, incompressible bytes, empty, non-ASCII name. */
function sampleFiles(dir: string): { name: string; absPath: string; bytes: Buffer }[] {
  const files: [string, Buffer][] = [
    ['bag/a.txt', Buffer.from('Synthetic evidence line.\n'.repeat(200))],
    ['bag/data/random.bin', createHash('sha512').update('seed').digest()],
    ['bag/data/empty.txt', Buffer.alloc(0)],
    ['bag/data/déclaration signée.pdf', Buffer.from(`%PDF-1.4\n${'%synthetic line\n'.repeat(20)}`)],
  ];
  return files.map(([name, bytes]) => {
    const absPath = path.join(dir, 'src', ...name.split('/'));
    mkdirSync(path.dirname(absPath), { recursive: true });
    writeFileSync(absPath, bytes);
    return { name, absPath, bytes };
  });
}

describe('zip writer and reader', () => {
  it('round-trips files: names, sizes, contents, CRC checked on the way out', async () => {
    const d = tmp();
    const files = sampleFiles(d);
    const zip = path.join(d, 'out.zip');
    await writeZip(zip, files, WHEN);
    const entries = await readZipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    expect(entries.map((e) => e.size)).toEqual(files.map((f) => f.bytes.length));
    // the text is deflated, the random bytes and the empty file are stored
    expect(entries.map((e) => e.method)).toEqual([8, 0, 0, 8]);
    expect(entries.every((e) => e.mode === 0o100644)).toBe(true);
    const out = path.join(d, 'x');
    mkdirSync(out);
    await extractZip(zip, out);
    for (const f of files) expect(sha(readFileSync(path.join(out, ...f.name.split('/'))))).toBe(sha(f.bytes));
  });

  it('is deterministic: same files and date, same bytes', async () => {
    const d = tmp();
    const files = sampleFiles(d);
    await writeZip(path.join(d, '1.zip'), files, WHEN);
    await writeZip(path.join(d, '2.zip'), files, WHEN);
    expect(readFileSync(path.join(d, '1.zip')).equals(readFileSync(path.join(d, '2.zip')))).toBe(true);
    await writeZip(path.join(d, '3.zip'), files, new Date('2027-01-01T00:00:00Z'));
    expect(readFileSync(path.join(d, '1.zip')).equals(readFileSync(path.join(d, '3.zip')))).toBe(false);
  });

  it('stamps every entry with the given UTC time in MS-DOS form', async () => {
    const d = tmp();
    const zip = path.join(d, 'out.zip');
    await writeZip(zip, sampleFiles(d).slice(0, 1), WHEN);
    const buf = readFileSync(zip);
    const { date, time } = dosDateTime(WHEN);
    expect(buf.readUInt16LE(10)).toBe(time);
    expect(buf.readUInt16LE(12)).toBe(date);
    expect(date >> 9).toBe(2026 - 1980);
    expect((date >> 5) & 0xf).toBe(11);
    expect(date & 0x1f).toBe(29);
    expect(time >> 11).toBe(10);
    // before 1980 is clamped, never negative
    expect(dosDateTime(new Date(0))).toEqual({ date: (1 << 5) | 1, time: 0 });
  });

  it('reads a zip made by Info-ZIP (directory entries, extra fields)', async () => {
    const d = tmp();
    const zip = path.join(ROOT, 'test', 'audit', 'fixtures', 'info-zip.zip');
    const entries = await extractZip(zip, d);
    expect(entries.map((e) => `${e.name}${e.isDirectory ? '/' : ''}`)).toEqual(['hello/', 'hello/sub/', 'hello/sub/b.bin', 'hello/a.txt']);
    expect(sha(readFileSync(path.join(d, 'hello', 'a.txt')))).toBe('e42a648d66d89619c26d3ea8ca59408361ff63c9c6faed7defbc93e41dfcaa22');
    expect(sha(readFileSync(path.join(d, 'hello', 'sub', 'b.bin')))).toBe('40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880');
  });

  it('writes a zip whose structures match APPNOTE: signatures, counts, central directory offset', async () => {
    const d = tmp();
    const zip = path.join(d, 'out.zip');
    const files = sampleFiles(d);
    await writeZip(zip, files, WHEN);
    const buf = readFileSync(zip);
    const end = buf.length - 22;
    expect(buf.readUInt32LE(end)).toBe(0x06054b50);
    expect(buf.readUInt16LE(end + 10)).toBe(files.length);
    const cdOffset = buf.readUInt32LE(end + 16);
    expect(buf.readUInt32LE(cdOffset)).toBe(0x02014b50);
    expect(cdOffset + buf.readUInt32LE(end + 12)).toBe(end);
    // the first entry's data inflates to the file and its CRC is zlib's
    const nameLength = buf.readUInt16LE(26);
    const data = buf.subarray(30 + nameLength, 30 + nameLength + buf.readUInt32LE(18));
    expect(zlib.inflateRawSync(data).equals(files[0]!.bytes)).toBe(true);
    expect(buf.readUInt32LE(14)).toBe(zlib.crc32(files[0]!.bytes) >>> 0);
  });

  it('refuses to overwrite an existing file', async () => {
    const d = tmp();
    const zip = path.join(d, 'out.zip');
    writeFileSync(zip, 'mine');
    await expect(writeZip(zip, sampleFiles(d), WHEN)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(zip, 'utf8')).toBe('mine');
  });
});

describe('zip reader: hostile or broken input', () => {
  /** A one-entry stored zip with any name, built by hand. */
  function handMade(name: string, content: Buffer): Buffer {
    const n = Buffer.from(name);
    const crc = zlib.crc32(content) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(n.length, 28);
    const cdOffset = 30 + n.length + content.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + n.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    return Buffer.concat([local, n, content, central, n, end]);
  }

  it.each([['../evil.txt'], ['/etc/evil'], ['a/../../evil'], ['a\\..\\evil']])('refuses the entry name %s and writes nothing', async (name) => {
    const d = tmp();
    const zip = path.join(d, 'evil.zip');
    writeFileSync(zip, handMade(name, Buffer.from('x')));
    const out = path.join(d, 'out');
    mkdirSync(out);
    await expect(extractZip(zip, out)).rejects.toBeInstanceOf(ZipError);
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(d).sort()).toEqual(['evil.zip', 'out']);
  });

  it('detects a corrupted byte (CRC-32)', async () => {
    const d = tmp();
    const buf = handMade('a.txt', Buffer.from('synthetic content'));
    buf[30 + 5 + 3]! ^= 0xff; // inside the data
    writeFileSync(path.join(d, 'bad.zip'), buf);
    mkdirSync(path.join(d, 'out'));
    await expect(extractZip(path.join(d, 'bad.zip'), path.join(d, 'out'))).rejects.toThrow(/CRC-32/);
  });

  it('detects truncation and non-zips', async () => {
    const d = tmp();
    const good = handMade('a.txt', Buffer.from('synthetic content'));
    writeFileSync(path.join(d, 'cut.zip'), good.subarray(0, good.length - 30));
    writeFileSync(path.join(d, 'text.zip'), 'just text, not a zip at all');
    await expect(readZipEntries(path.join(d, 'cut.zip'))).rejects.toThrow(/no end of central directory/);
    await expect(readZipEntries(path.join(d, 'text.zip'))).rejects.toThrow(/not a zip/);
  });
});
