import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confinePath, openEvidenceFile } from '../../src/evidence/evidence-file.js';
import { sniff } from '../../src/evidence/sniff.js';
import { scratch } from '../support/run-cli.js';
// @ts-expect-error plain JS module shared with the fixture generator
import { pdf, png } from '../../scripts/make-example-media.mjs';

const b = (s: string): Buffer => Buffer.from(s, 'utf8');
const bin = (...bytes: number[]): Buffer => Buffer.from(bytes);

describe('sniff: kind from content, never from the extension', () => {
  it.each<[string, Buffer, string, string]>([
    ['PNG', png(4, 4, [1, 2, 3]), 'x.png', 'png'],
    ['PNG named .txt', png(4, 4, [1, 2, 3]), 'x.txt', 'png'],
    ['JPEG', bin(0xff, 0xd8, 0xff, 0xe0, 0, 16), 'x.jpg', 'jpeg'],
    ['GIF', b('GIF89a\u0001\u0000'), 'x.gif', 'gif'],
    ['WebP', Buffer.concat([b('RIFF'), bin(0, 0, 0, 0), b('WEBPVP8 ')]), 'x.webp', 'webp'],
    ['PDF', pdf(['hello']), 'x.pdf', 'pdf'],
    ['MP4', Buffer.concat([bin(0, 0, 0, 24), b('ftypisom'), bin(0, 0, 2, 0)]), 'x.mp4', 'mp4'],
    ['QuickTime', Buffer.concat([bin(0, 0, 0, 20), b('ftypqt  '), bin(0, 0, 2, 0)]), 'x.mov', 'quicktime'],
    ['WebM', Buffer.concat([bin(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84), b('webm')]), 'x.webm', 'webm'],
    ['SQLite', Buffer.concat([b('SQLite format 3'), bin(0, 16, 0)]), 'export.json', 'sqlite'],
    ['pg_dump custom', Buffer.concat([b('PGDMP'), bin(1, 14, 0)]), 'export.json', 'pg-dump-custom'],
    ['ODT', Buffer.concat([bin(0x50, 0x4b, 3, 4), Buffer.alloc(26), b('mimetypeapplication/vnd.oasis.opendocument.text')]), 'doc.odt', 'odt'],
    ['DOCX', Buffer.concat([bin(0x50, 0x4b, 3, 4), Buffer.alloc(26), b('[Content_Types].xml word/document.xml')]), 'doc.docx', 'docx'],
    ['plain zip', Buffer.concat([bin(0x50, 0x4b, 3, 4), Buffer.alloc(26), b('data.csv')]), 'x.zip', 'zip'],
    ['text named .png', b('Capture à faire\n'), 'shot.png', 'text'],
    ['binary garbage', bin(0, 1, 2, 3, 250, 251), 'x.bin', 'binary'],
    ['invalid UTF-8', bin(0x61, 0xff, 0x62), 'x.txt', 'binary'],
    ['HL7 v2 with \\r', b('MSH|^~\\&|A|B|C|D|20260101||ADT^A28|1|P|2.5\rPID|||1\r'), 'x.hl7', 'hl7v2'],
    ['HL7 v2 in ISO 8859-1 (MSH-18 8859/1)', Buffer.concat([b('MSH|^~\\&|A|B|C|D|20260101||ADT^A28|1|P|2.5|||||FRA|8859/1\rPID|||1||'), bin(0xc9), b('TIENNE^ZO'), bin(0xc9), b('\r')]), 'x.hl7', 'hl7v2'],
    ['HL7 v2 with another field separator', b('MSH#^~\\&#A#B\nPID###1\n'), 'x.txt', 'hl7v2'],
    ['JSON', b('{"patients": [{"id": 1}]}'), 'x.json', 'json'],
    ['FHIR JSON', b('{"resourceType": "Bundle", "type": "collection"}'), 'x.json', 'fhir-json'],
    ['NDJSON', b('{"a":1}\n{"a":2}\n'), 'x.ndjson', 'ndjson'],
    ['FHIR NDJSON', b('{"resourceType":"Patient","id":"1"}\n{"resourceType":"Patient","id":"2"}\n'), 'x.ndjson', 'fhir-ndjson'],
    ['JSON with BOM', b('\ufeff{"a": 1}'), 'x.json', 'json'],
    ['XML', b('<?xml version="1.0"?><export/>'), 'x.xml', 'xml'],
    ['HTML', b('<!DOCTYPE html><html><body>x</body></html>'), 'x.html', 'html'],
    ['CSV by content', b('id;date;value\n1;2026-01-01;70\n2;2026-01-02;71\n'), 'export', 'csv'],
    ['CSV by extension', b('id\n1\n'), 'export.csv', 'csv'],
    ['Markdown', b('# Export\n\nDonnées exportées\n'), 'doc.md', 'markdown'],
    ['Markdown by content', b('# Export\n\nDonnées exportées\n'), 'doc', 'markdown'],
    ['YAML', b('items:\n  - name: x\n'), 'dict.yaml', 'yaml'],
    ['mysqldump', b('-- MySQL dump 10.13  Distrib 8.0.36\n--\nCREATE TABLE `patients` (\n'), 'export.json', 'sql-dump'],
    ['pg_dump plain', b('--\n-- PostgreSQL database dump\n--\nSET statement_timeout = 0;\n'), 'export.sql', 'sql-dump'],
    ['SQL statements', b('CREATE TABLE patients (id int);\nINSERT INTO patients VALUES (1);\n'), 'export.txt', 'sql-dump'],
    ['empty', Buffer.alloc(0), 'x.png', 'empty'],
  ])('%s', (_, head, name, kind) => {
    expect(sniff(head, head.length, name)).toBe(kind);
  });

  it('a head cut inside a multi-byte character is still text', () => {
    const full = b('é'.repeat(100));
    expect(sniff(full.subarray(0, 51), full.length, 'x.txt')).toBe('text');
  });
});

describe('confinePath', () => {
  it.each([
    ['evidence/a.png', 'evidence/a.png'],
    ['./evidence//a.png', 'evidence/a.png'],
    ['evidence\\a.png', 'evidence/a.png'],
    ['../a.png', undefined],
    ['a/../../b', undefined],
    ['a/..', undefined],
    ['/etc/passwd', undefined],
    ['C:\\x', undefined],
    ['a\u0000b', undefined],
    ['.', undefined],
  ])('%j → %j', (input, expected) => {
    expect(confinePath(input)).toBe(expected);
  });
});

describe('openEvidenceFile', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));
  const dir = (): string => {
    const s = scratch();
    cleanups.push(s.done);
    return s.dir;
  };

  it('opens, sniffs, and hashes in the same pass as a full read', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'a.txt'), 'x'.repeat(3 * 1024 * 1024 + 7));
    const r = await openEvidenceFile(d, 'a.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    let total = 0;
    for await (const c of r.file.chunks()) total += c.length;
    expect(total).toBe(3 * 1024 * 1024 + 7);
    const expected = execFileSync('sha256sum', [path.join(d, 'a.txt')]).toString().split(' ')[0];
    expect(await r.file.sha256()).toBe(expected);
  });

  it('missing, directory, FIFO, symlink loop, symlink out, dangling symlink out', async () => {
    const d = dir();
    mkdirSync(path.join(d, 'folder'));
    execFileSync('mkfifo', [path.join(d, 'fifo')]);
    symlinkSync('loop2', path.join(d, 'loop1'));
    symlinkSync('loop1', path.join(d, 'loop2'));
    symlinkSync('/etc/hostname', path.join(d, 'out'));
    symlinkSync('/nonexistent/x', path.join(d, 'dangling'));
    writeFileSync(path.join(d, 'in.txt'), 'ok');
    symlinkSync('in.txt', path.join(d, 'inside-link'));
    const reason = async (p: string): Promise<string> => {
      const r = await openEvidenceFile(d, p);
      return r.ok ? `ok:${r.file.kind}` : r.reason === 'not-regular' ? `not-regular:${r.what}` : r.reason;
    };
    expect(await reason('nope.png')).toBe('missing');
    expect(await reason('folder')).toBe('not-regular:directory');
    expect(await reason('fifo')).toBe('not-regular:fifo');
    expect(await reason('loop1')).toBe('loop');
    expect(await reason('out')).toBe('escape');
    expect(await reason('dangling')).toBe('escape');
    expect(await reason('inside-link')).toBe('ok:text');
    expect(await reason('../x')).toBe('escape');
  });

  it('a character device (or, where mknod is not allowed, a socket) is never read', async () => {
    const d = dir();
    let expected = 'device';
    try {
      execFileSync('mknod', [path.join(d, 'special'), 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      expected = 'socket';
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(path.join(d, 'special'), resolve));
      cleanups.push(() => server.close());
    }
    const r = await openEvidenceFile(d, 'special');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason === 'not-regular' ? r.what : r.reason).toBe(expected);
  });
});
