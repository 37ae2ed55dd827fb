import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { confinePath } from '../evidence/evidence-file.js';
import { hashFile, sha256 } from './hash.js';
import { mapLimit } from '../util/map-limit.js';

/*
 * BagIt (RFC 8493, version 1.0) as dmn-check writes and reads it: one payload manifest
 * (`manifest-sha256.txt`), one tag manifest (`tagmanifest-sha256.txt`), UTF-8 tag files with LF
 * line ends, entries sorted so that a bag is byte-identical from run to run.
 */

export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const PAYLOAD_MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const PAYLOAD_DIR = 'data';
/**
 * The detached signature of the tag manifest (`pack --sign`). It cannot be listed in the tag manifest it
 * signs; RFC 8493 lets a bag hold tag files no tag manifest lists, and BagIt tools find manifests by
 * their exact names (`tagmanifest-<algorithm>.txt`, bagit-python, or a `tagmanifest-*.txt` glob), which
 * this name, ending in `.sig`, never matches: they ignore it as an unlisted tag file.
 */
export const TAG_SIGNATURE = 'tagmanifest-sha256.txt.sig';
/** Files up to this size are copied through memory, hashed on the way. */
const IN_MEMORY_COPY = 8 * 1024 * 1024;
/** A manifest or tag file larger than this is not read further (the payload manifest holds a line per file). */
export const MAX_TAG_FILE_BYTES = 64 * 1024 * 1024;
/** A manifest line longer than this is not a path (Linux paths are at most 4,096 bytes). */
export const MAX_MANIFEST_LINE_BYTES = 8 * 1024;
export const BAG_DECLARATION = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** Orders paths by their UTF-8 bytes: the same order on every machine and locale. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** RFC 8493 §2.1.3: in a manifest, only `%`, CR and LF are percent-encoded. */
export function encodeBagPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeBagPath(p: string): string {
  return p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** A manifest's text: `<sha256>  <path>` lines (the layout `sha256sum -c` reads), sorted by path. */
export function manifestText(entries: ReadonlyMap<string, string>): string {
  return [...entries.keys()]
    .sort(byteOrder)
    .map((p) => `${entries.get(p)!}  ${encodeBagPath(p)}\n`)
    .join('');
}

/** One line of a manifest that is not `checksum whitespace path`. */
export interface ManifestSyntaxError {
  line: number;
  text: string;
}

/** One manifest line: `checksum whitespace path`, the checksum lower-cased, the path decoded; undefined if it is not one. */
export function parseManifestLine(line: string): { sha256: string; path: string } | undefined {
  const m = /^([0-9a-fA-F]{64})[ \t]+(.+)$/.exec(line);
  return m ? { sha256: m[1]!.toLowerCase(), path: decodeBagPath(m[2]!) } : undefined;
}

/** Parses a manifest; checksums lower-cased, paths decoded. Malformed lines are returned apart. */
export function parseManifest(text: string): { entries: Map<string, string>; lines: Map<string, number>; errors: ManifestSyntaxError[] } {
  const entries = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const errors: ManifestSyntaxError[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const m = parseManifestLine(line);
    if (!m || entries.has(m.path)) errors.push({ line: i + 1, text: line.slice(0, 120) });
    else {
      entries.set(m.path, m.sha256);
      lineOf.set(m.path, i + 1);
    }
  });
  return { entries, lines: lineOf, errors };
}

/**
 * `bag-info.txt`: `Label: value` lines in the order given. Values never span lines in the data
 * (CR/LF become spaces); long ones are folded at 79 characters with indented continuation lines.
 */
export function bagInfoText(fields: readonly (readonly [string, string])[]): string {
  const out: string[] = [];
  for (const [label, raw] of fields) {
    const value = raw.replace(/[\r\n]+/g, ' ').trim();
    const words = value.split(' ');
    let line = `${label}:`;
    let first = true;
    for (const w of words) {
      if (!first && line.length + 1 + w.length > 79) {
        out.push(line);
        line = `  ${w}`;
      } else {
        line += ` ${w}`;
      }
      first = false;
    }
    out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** Parses `bag-info.txt`, unfolding continuation lines. */
export function parseBagInfo(text: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1]![1] += ` ${line.trim()}`;
      continue;
    }
    const i = line.indexOf(':');
    if (i > 0) fields.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return fields;
}

/** One file to put in a bag's payload, from disk or from memory. */
export type PayloadItem = { path: string; absPath: string } | { path: string; content: string | Buffer };

export interface WrittenBag {
  /** Payload path (below `data/`) → SHA-256 of the copy in the bag. */
  payload: Map<string, string>;
  /** Total size of the payload. */
  payloadBytes: number;
  /** SHA-256 of `tagmanifest-sha256.txt`: the one value that seals the whole bag. */
  seal: string;
}

/**
 * Writes a complete bag into `dir` (an empty folder): the payload under `data/`, then
 * `manifest-sha256.txt`, `bag-info.txt` (the given fields plus Payload-Oxum), `bagit.txt` and
 * `tagmanifest-sha256.txt`. Hashes are computed on the copies, so the manifest vouches for what
 * the bag holds.
 */
export async function writeBag(dir: string, items: readonly PayloadItem[], info: readonly (readonly [string, string])[]): Promise<WrittenBag> {
  const sorted = [...items].sort((a, b) => byteOrder(a.path, b.path));
  const seen = new Set<string>();
  for (const item of sorted) {
    const rel = confinePath(item.path);
    if (rel === undefined || rel !== item.path || seen.has(rel)) throw new Error(`invalid or duplicate payload path ${JSON.stringify(item.path)}`);
    seen.add(rel);
  }
  // Folders first, then files copied and hashed a few at a time (I/O bound).
  for (const dirName of new Set(sorted.map((i) => path.posix.dirname(i.path)))) await fsp.mkdir(path.join(dir, PAYLOAD_DIR, ...dirName.split('/')), { recursive: true });
  const hashes = await mapLimit(sorted, 16, async (item) => {
    const dest = path.join(dir, PAYLOAD_DIR, ...item.path.split('/'));
    let content: string | Buffer;
    if ('absPath' in item) {
      if ((await fsp.stat(item.absPath)).size > IN_MEMORY_COPY) {
        // Large files (videos) are copied by the system and hashed from the copy, 1 MiB at a time.
        await fsp.copyFile(item.absPath, dest, constants.COPYFILE_EXCL);
        return hashFile(dest);
      }
      content = await fsp.readFile(item.absPath);
    } else {
      content = item.content;
    }
    // The bytes hashed are the bytes written.
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await fsp.writeFile(dest, bytes, { flag: 'wx', mode: 0o644 });
    return { sha256: sha256(bytes), bytes: bytes.length };
  });
  const payload = new Map(sorted.map((item, i) => [item.path, hashes[i]!.sha256]));
  const payloadBytes = hashes.reduce((n, h) => n + h.bytes, 0);
  const prefixed = new Map([...payload].map(([p, h]) => [`${PAYLOAD_DIR}/${p}`, h]));
  const tagFiles = new Map<string, string>([
    [PAYLOAD_MANIFEST, manifestText(prefixed)],
    [BAG_INFO_TXT, bagInfoText([...info, ['Payload-Oxum', `${payloadBytes}.${payload.size}`]])],
    [BAGIT_TXT, BAG_DECLARATION],
  ]);
  for (const [name, text] of tagFiles) await fsp.writeFile(path.join(dir, name), text, { flag: 'wx', mode: 0o644 });
  const tagManifest = manifestText(new Map([...tagFiles].map(([name, text]) => [name, sha256(text)])));
  await fsp.writeFile(path.join(dir, TAG_MANIFEST), tagManifest, { flag: 'wx', mode: 0o644 });
  return { payload, payloadBytes, seal: sha256(tagManifest) };
}

/** Every file of a folder tree, relative POSIX paths in byte order (symbolic links are not followed). */
export async function listTree(dir: string): Promise<{ files: Map<string, number>; others: string[] }> {
  const files = new Map<string, number>();
  const others: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await fsp.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) files.set(r, (await fsp.lstat(path.join(dir, r))).size);
      else others.push(r);
    }
  };
  await walk('');
  return { files: new Map([...files].sort(([a], [b]) => byteOrder(a, b))), others: others.sort(byteOrder) };
}
