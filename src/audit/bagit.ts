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

/** Parses a manifest; checksums lower-cased, paths decoded. Malformed lines are returned apart. */
export function parseManifest(text: string): { entries: Map<string, string>; lines: Map<string, number>; errors: ManifestSyntaxError[] } {
  const entries = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const errors: ManifestSyntaxError[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const m = /^([0-9a-fA-F]{64})[ \t]+(.+)$/.exec(line);
    const p = m ? decodeBagPath(m[2]!) : undefined;
    if (!m || p === undefined || entries.has(p)) errors.push({ line: i + 1, text: line.slice(0, 120) });
    else {
      entries.set(p, m[1]!.toLowerCase());
      lineOf.set(p, i + 1);
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

/** A reason a bag is not complete and valid; each is listed to the user. */
export type BagProblem =
  | { code: 'bag.file-missing'; params: { file: string; manifest: string } }
  | { code: 'bag.file-altered'; params: { file: string; manifest: string; expected: string; actual: string } }
  | { code: 'bag.file-unlisted'; params: { file: string; manifest: string } }
  | { code: 'bag.file-not-regular'; params: { file: string } }
  | { code: 'bag.manifest-missing'; params: { file: string } }
  | { code: 'bag.manifest-line'; params: { file: string; line: number; text: string } }
  | { code: 'bag.declaration-invalid'; params: { file: string } }
  | { code: 'bag.oxum-mismatch'; params: { declared: string; actual: string } };

export interface BagVerification {
  /** Why the bag is not complete and valid; empty when it is. */
  problems: BagProblem[];
  /** Files under `data/`, and their total size. */
  payloadFiles: number;
  payloadBytes: number;
  /** SHA-256 of `tagmanifest-sha256.txt`, when it is there. */
  seal: string | null;
}

/** True when `dir` looks like a bag: it holds a declaration, a payload manifest or a tag manifest. */
export async function looksLikeBag(dir: string): Promise<boolean> {
  for (const name of [BAGIT_TXT, PAYLOAD_MANIFEST, TAG_MANIFEST]) {
    if ((await fsp.lstat(path.join(dir, name)).catch(() => undefined))?.isFile()) return true;
  }
  return false;
}

/**
 * Checks a bag against RFC 8493's "complete" and "valid": the tag manifest's files first, then every
 * payload file against `manifest-sha256.txt`, every file listed, nothing unlisted, Payload-Oxum.
 */
export async function verifyBag(dir: string): Promise<BagVerification> {
  const { files, others } = await listTree(dir);
  const problems: BagProblem[] = others.map((file) => ({ code: 'bag.file-not-regular', params: { file } }));
  const read = async (name: string): Promise<string | undefined> => (files.has(name) ? fsp.readFile(path.join(dir, name), 'utf8') : undefined);

  /** Checks each file a manifest lists; problems come out in the manifest's order. */
  const checkListed = async (manifestName: string, { entries, lines }: { entries: Map<string, string>; lines: Map<string, number> }, inPayload: boolean): Promise<void> => {
    const listedFiles = [...entries];
    const found = await mapLimit(listedFiles, 16, async ([p, expected]): Promise<BagProblem | undefined> => {
      const rel = confinePath(p);
      const inData = rel !== undefined && rel.startsWith(`${PAYLOAD_DIR}/`);
      if (rel === undefined || rel !== p || inData !== inPayload) return { code: 'bag.manifest-line', params: { file: manifestName, line: lines.get(p) ?? 0, text: p.slice(0, 120) } };
      if (!files.has(rel)) {
        // A listed link is reported as not regular; a missing payload manifest below, with what it means.
        return others.includes(rel) || rel === PAYLOAD_MANIFEST ? undefined : { code: 'bag.file-missing', params: { file: rel, manifest: manifestName } };
      }
      const actual = (await hashFile(path.join(dir, ...rel.split('/')))).sha256;
      return actual === expected ? undefined : { code: 'bag.file-altered', params: { file: rel, manifest: manifestName, expected, actual } };
    });
    for (const p of found) if (p) problems.push(p);
  };

  const tagText = await read(TAG_MANIFEST);
  const seal = tagText === undefined ? null : sha256(await fsp.readFile(path.join(dir, TAG_MANIFEST)));
  if (tagText === undefined) {
    problems.push({ code: 'bag.manifest-missing', params: { file: TAG_MANIFEST } });
  } else {
    const parsed = parseManifest(tagText);
    const { entries } = parsed;
    for (const e of parsed.errors) problems.push({ code: 'bag.manifest-line', params: { file: TAG_MANIFEST, line: e.line, text: e.text } });
    await checkListed(TAG_MANIFEST, parsed, false);
    for (const f of files.keys()) {
      if (f.startsWith(`${PAYLOAD_DIR}/`) || /^tagmanifest-[a-z0-9]+\.txt$/.test(f) || f === TAG_SIGNATURE || entries.has(f)) continue;
      problems.push({ code: 'bag.file-unlisted', params: { file: f, manifest: TAG_MANIFEST } });
    }
  }

  const declaration = await read(BAGIT_TXT);
  if (declaration === undefined) {
    if (!problems.some((p) => p.code === 'bag.file-missing' && p.params.file === BAGIT_TXT)) problems.push({ code: 'bag.file-missing', params: { file: BAGIT_TXT, manifest: TAG_MANIFEST } });
  } else if (!/^BagIt-Version: \d+\.\d+\nTag-File-Character-Encoding: UTF-8\n?$/i.test(declaration.replace(/\r\n?/g, '\n'))) {
    problems.push({ code: 'bag.declaration-invalid', params: { file: BAGIT_TXT } });
  }

  let payloadFiles = 0;
  let payloadBytes = 0;
  for (const [f, size] of files) {
    if (!f.startsWith(`${PAYLOAD_DIR}/`)) continue;
    payloadFiles++;
    payloadBytes += size;
  }

  const manifest = await read(PAYLOAD_MANIFEST);
  if (manifest === undefined) {
    problems.push({ code: 'bag.manifest-missing', params: { file: PAYLOAD_MANIFEST } });
  } else {
    const parsed = parseManifest(manifest);
    const { entries } = parsed;
    for (const e of parsed.errors) problems.push({ code: 'bag.manifest-line', params: { file: PAYLOAD_MANIFEST, line: e.line, text: e.text } });
    await checkListed(PAYLOAD_MANIFEST, parsed, true);
    for (const f of files.keys()) {
      if (f.startsWith(`${PAYLOAD_DIR}/`) && !entries.has(f)) problems.push({ code: 'bag.file-unlisted', params: { file: f, manifest: PAYLOAD_MANIFEST } });
    }
  }

  const info = await read(BAG_INFO_TXT);
  const oxum = info === undefined ? undefined : parseBagInfo(info).find(([label]) => label.toLowerCase() === 'payload-oxum')?.[1];
  const actualOxum = `${payloadBytes}.${payloadFiles}`;
  if (oxum !== undefined && oxum !== actualOxum) problems.push({ code: 'bag.oxum-mismatch', params: { declared: oxum, actual: actualOxum } });
  return { problems, payloadFiles, payloadBytes, seal };
}
