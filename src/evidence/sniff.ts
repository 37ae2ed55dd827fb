import { isUtf8 } from 'node:buffer';
import type { Kind } from './kinds.js';

/** How many bytes of a file the sniffer looks at. */
export const HEAD_BYTES = 64 * 1024;

/** Signatures as bytes, made once: 20,000 files are sniffed in a run. */
const SIGNATURES = new Map<string, Buffer>();

/** Whether `buf` has the signature `sig` (bytes as a latin1 string) at `offset`. */
function startsWith(buf: Buffer, sig: string, offset = 0): boolean {
  let bytes = SIGNATURES.get(sig);
  if (bytes === undefined) {
    bytes = Buffer.from(sig, 'latin1');
    SIGNATURES.set(sig, bytes);
  }
  if (buf.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[offset + i] !== bytes[i]) return false;
  return true;
}

function extensionOf(name: string): string {
  const base = name.split('/').pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Binary formats recognised by their magic numbers. */
function sniffBinary(head: Buffer): Kind | undefined {
  if (startsWith(head, '\x89PNG\r\n\x1a\n')) return 'png';
  if (startsWith(head, '\xff\xd8\xff')) return 'jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'webp';
  if (startsWith(head, '%PDF-')) return 'pdf';
  if (startsWith(head, 'ftyp', 4)) return startsWith(head, 'qt  ', 8) ? 'quicktime' : 'mp4';
  if (['moov', 'mdat', 'wide', 'free'].some((a) => startsWith(head, a, 4)) && head.length >= 8) return 'quicktime';
  if (startsWith(head, '\x1a\x45\xdf\xa3')) return head.includes('webm', 0, 'latin1') ? 'webm' : 'binary';
  if (startsWith(head, 'SQLite format 3\u0000')) return 'sqlite';
  if (startsWith(head, 'PGDMP')) return 'pg-dump-custom';
  if (startsWith(head, 'PK\x03\x04')) {
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text', 0, 'latin1')) return 'odt';
    if (head.includes('word/', 0, 'latin1')) return 'docx';
    return 'zip';
  }
  return undefined;
}

/** True when the head is valid UTF-8 (a multi-byte character cut at the end of the head is allowed). */
function isUtf8Text(head: Buffer, complete: boolean): boolean {
  if (head.includes(0)) return false;
  if (complete) return isUtf8(head);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

const SQL_HEADER = /^-- (MySQL dump|MariaDB dump|PostgreSQL database dump|Dumped (from|by))/im;
const SQL_STATEMENT =
  /^(CREATE (TABLE|SEQUENCE|INDEX|UNIQUE INDEX|SCHEMA|DATABASE|EXTENSION)|INSERT INTO|DROP TABLE|LOCK TABLES|UNLOCK TABLES|ALTER TABLE|COPY [\w."]+ .*FROM stdin;|SET [\w.]+ ?=|BEGIN TRANSACTION;|PRAGMA [\w_]+|SELECT pg_catalog\.)/gim;

function looksLikeSqlDump(text: string): boolean {
  if (SQL_HEADER.test(text)) return true;
  const matches = text.match(SQL_STATEMENT);
  return (matches?.length ?? 0) >= 2;
}

function firstLines(text: string, n: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < n && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

function delimiterCount(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

function looksLikeCsv(text: string, complete: boolean): boolean {
  const lines = firstLines(text, 6);
  if (!complete && lines.length > 1) lines.pop(); // the last line of a head may be cut
  if (lines.length < 2) return false;
  return [',', ';', '\t'].some((d) => {
    const n = delimiterCount(lines[0]!, d);
    return n >= 1 && lines.every((l) => delimiterCount(l, d) === n);
  });
}

function sniffJson(text: string, complete: boolean): Kind {
  const lines = firstLines(text, 2);
  const first = lines[0] ?? '';
  let firstValue: unknown;
  let firstLineParses = false;
  // A line starting with `{` or `[` is a whole JSON value only if it ends with `}` or `]`: a
  // pretty-printed document's first line (`{`) is not tried (a thrown SyntaxError per file).
  if (/[}\]]\s*$/.test(first)) {
    try {
      firstValue = JSON.parse(first);
      firstLineParses = true;
    } catch {
      /* not a one-line value */
    }
  }
  const isFhir = (v: unknown): boolean => v !== null && typeof v === 'object' && typeof (v as Record<string, unknown>).resourceType === 'string';
  if (firstLineParses && lines.length > 1 && /^\s*[{[]/.test(lines[1]!)) {
    return isFhir(firstValue) ? 'fhir-ndjson' : 'ndjson';
  }
  if (complete) {
    try {
      return isFhir(JSON.parse(text)) ? 'fhir-json' : 'json';
    } catch {
      return 'json';
    }
  }
  return /^\s*\{\s*"resourceType"\s*:\s*"/.test(text) || /^\s*\{[^{}]{0,4096}?"resourceType"\s*:\s*"(Bundle|Patient)"/.test(text) ? 'fhir-json' : 'json';
}

/**
 * The kind of a file from its first bytes. Content decides; the file name only refines within the
 * text family (Markdown vs plain text, YAML, CSV), so a text file named `.png` is never an image.
 */
export function sniff(head: Buffer, totalBytes: number, name: string): Kind {
  if (totalBytes === 0) return 'empty';
  const binary = sniffBinary(head);
  if (binary) return binary;
  const complete = head.length >= totalBytes;
  // HL7 v2 may be in another character set (MSH-18, e.g. 8859/1): its header is ASCII either way.
  const ascii = head.subarray(0, 8).toString('latin1').replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '');
  if (/^(MSH|FHS|BHS)[^\w\s]/.test(ascii) && !head.includes(0)) return 'hl7v2';
  if (!isUtf8Text(head, complete)) return 'binary';
  let text = head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimStart();
  const ext = extensionOf(name);
  if (/^(MSH|FHS|BHS)[^\w\s]/.test(trimmed)) return 'hl7v2';
  if (looksLikeSqlDump(text)) return 'sql-dump';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return sniffJson(trimmed, complete);
  if (trimmed.startsWith('<')) {
    return /^<(!doctype\s+html|html[\s>])/i.test(trimmed) || /<html[\s>]/i.test(trimmed.slice(0, 2048)) ? 'html' : 'xml';
  }
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (looksLikeCsv(text, complete)) return 'csv';
  if (/^#{1,6} \S/m.test(text.slice(0, 4096))) return 'markdown';
  return 'text';
}
