import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { confinePath } from '../evidence/evidence-file.js';
import { mapLimit } from '../util/map-limit.js';
import { BAG_INFO_TXT, BAGIT_TXT, listTree, MAX_MANIFEST_LINE_BYTES, MAX_TAG_FILE_BYTES, parseBagInfo, parseManifestLine, PAYLOAD_DIR, PAYLOAD_MANIFEST, TAG_MANIFEST, TAG_SIGNATURE } from './bagit.js';
import { hashFile } from './hash.js';
import { textLines } from './text-lines.js';

/*
 * RFC 8493's "complete" and "valid", on a bag someone else made: manifests are read as streams, a
 * line and a file at a time within bounds, and the problems kept are the first ones, counted past that.
 */

/** A reason a bag is not complete and valid; each is listed to the user. */
export type BagProblem =
  | { code: 'bag.file-missing'; params: { file: string; manifest: string } }
  | { code: 'bag.file-altered'; params: { file: string; manifest: string; expected: string; actual: string } }
  | { code: 'bag.file-unlisted'; params: { file: string; manifest: string } }
  | { code: 'bag.file-not-regular'; params: { file: string } }
  | { code: 'bag.file-too-large'; params: { file: string; max: number } }
  | { code: 'bag.manifest-missing'; params: { file: string } }
  | { code: 'bag.manifest-line'; params: { file: string; line: number; text: string } }
  | { code: 'bag.declaration-invalid'; params: { file: string } }
  | { code: 'bag.oxum-mismatch'; params: { declared: string; actual: string } };

export interface BagVerification {
  /** Why the bag is not complete and valid, the first MAX_BAG_PROBLEMS of them; empty when it is. */
  problems: BagProblem[];
  /** Problems found beyond those listed. */
  problemsNotShown: number;
  /** Files under `data/`, and their total size. */
  payloadFiles: number;
  payloadBytes: number;
  /** SHA-256 of `tagmanifest-sha256.txt`, when it is there. */
  seal: string | null;
}

/** How many problems a verification lists; the rest are counted. */
export const MAX_BAG_PROBLEMS = 100;
/** `bagit.txt` and `bag-info.txt` are a few lines. */
const MAX_SMALL_TAG_BYTES = 1024 * 1024;

/** The first `MAX_BAG_PROBLEMS` items pushed, and how many were pushed. */
class Kept<T> {
  readonly items: T[] = [];
  count = 0;
  push(item: T): void {
    if (this.count++ < MAX_BAG_PROBLEMS) this.items.push(item);
  }
  /** Adds another list's kept items and count, after this one's. */
  add(other: Kept<T>): void {
    for (const item of other.items) if (this.items.length < MAX_BAG_PROBLEMS) this.items.push(item);
    this.count += other.count;
  }
}

/** True when `dir` looks like a bag: it holds a declaration, a payload manifest or a tag manifest. */
export async function looksLikeBag(dir: string): Promise<boolean> {
  for (const name of [BAGIT_TXT, PAYLOAD_MANIFEST, TAG_MANIFEST]) {
    if ((await fsp.lstat(path.join(dir, name)).catch(() => undefined))?.isFile() === true) return true;
  }
  return false;
}

interface Tree {
  dir: string;
  files: Map<string, number>;
  others: Set<string>;
}

/**
 * Checks each file a manifest lists, streaming its lines: malformed lines first, then the files'
 * problems in the manifest's order. Holds only the listed paths that exist (bounded by the tree).
 */
async function checkManifest(tree: Tree, name: string, inPayload: boolean, problems: Kept<BagProblem>): Promise<Set<string>> {
  const syntax = new Kept<BagProblem>();
  const missing = new Kept<{ line: number; problem: BagProblem }>();
  const toHash: { line: number; rel: string; expected: string }[] = [];
  const listed = new Set<string>();
  const badLine = (line: number, text: string): void => syntax.push({ code: 'bag.manifest-line', params: { file: name, line, text: text.slice(0, 120) } });
  for await (const l of textLines(path.join(tree.dir, name), MAX_MANIFEST_LINE_BYTES, MAX_TAG_FILE_BYTES)) {
    if ('overBytes' in l) {
      problems.push({ code: 'bag.file-too-large', params: { file: name, max: MAX_TAG_FILE_BYTES } });
      break;
    }
    const entry = 'text' in l ? parseManifestLine(l.text) : undefined;
    if (!entry) {
      badLine(l.line, 'text' in l ? l.text : l.head);
      continue;
    }
    const rel = confinePath(entry.path);
    const inData = rel !== undefined && rel.startsWith(`${PAYLOAD_DIR}/`);
    if (rel === undefined || rel !== entry.path || inData !== inPayload) {
      missing.push({ line: l.line, problem: { code: 'bag.manifest-line', params: { file: name, line: l.line, text: entry.path.slice(0, 120) } } });
    } else if (tree.files.has(rel)) {
      if (listed.has(rel)) badLine(l.line, 'text' in l ? l.text : '');
      else {
        listed.add(rel);
        toHash.push({ line: l.line, rel, expected: entry.sha256 });
      }
    } else if (!tree.others.has(rel) && rel !== PAYLOAD_MANIFEST) {
      // A listed link is reported as not regular; a missing payload manifest elsewhere, with what it means.
      missing.push({ line: l.line, problem: { code: 'bag.file-missing', params: { file: rel, manifest: name } } });
    }
  }
  const hashed = await mapLimit(toHash, 16, async (h) => ({ ...h, actual: (await hashFile(path.join(tree.dir, ...h.rel.split('/')))).sha256 }));
  const altered = hashed.filter((h) => h.actual !== h.expected);
  const inOrder = new Kept<BagProblem>();
  const merged: { line: number; problem: BagProblem }[] = [
    ...missing.items,
    ...altered.map((h) => ({ line: h.line, problem: { code: 'bag.file-altered' as const, params: { file: h.rel, manifest: name, expected: h.expected, actual: h.actual } } })),
  ];
  for (const m of merged.sort((a, b) => a.line - b.line)) inOrder.push(m.problem);
  inOrder.count = missing.count + altered.length;
  problems.add(syntax);
  problems.add(inOrder);
  return listed;
}

/** A small tag file's text; undefined when it is absent, `{ tooLarge }` past 1 MiB. */
async function readSmall(tree: Tree, name: string): Promise<string | undefined | { tooLarge: true }> {
  const size = tree.files.get(name);
  if (size === undefined) return undefined;
  if (size > MAX_SMALL_TAG_BYTES) return { tooLarge: true };
  const handle = await fsp.open(path.join(tree.dir, name), 'r');
  try {
    const buf = Buffer.alloc(MAX_SMALL_TAG_BYTES + 1);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return bytesRead > MAX_SMALL_TAG_BYTES ? { tooLarge: true } : buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Checks a bag against RFC 8493's "complete" and "valid": the tag manifest's files first, then every
 * payload file against `manifest-sha256.txt`, every file listed, nothing unlisted, Payload-Oxum.
 */
export async function verifyBag(dir: string): Promise<BagVerification> {
  const listing = await listTree(dir);
  const tree: Tree = { dir, files: listing.files, others: new Set(listing.others) };
  const problems = new Kept<BagProblem>();
  for (const file of listing.others) problems.push({ code: 'bag.file-not-regular', params: { file } });
  const tooLarge = (file: string): void => problems.push({ code: 'bag.file-too-large', params: { file, max: MAX_SMALL_TAG_BYTES } });

  const hasTagManifest = tree.files.has(TAG_MANIFEST);
  const seal = hasTagManifest ? (await hashFile(path.join(dir, TAG_MANIFEST))).sha256 : null;
  if (!hasTagManifest) {
    problems.push({ code: 'bag.manifest-missing', params: { file: TAG_MANIFEST } });
  } else {
    const listed = await checkManifest(tree, TAG_MANIFEST, false, problems);
    for (const f of tree.files.keys()) {
      if (f.startsWith(`${PAYLOAD_DIR}/`) || /^tagmanifest-[a-z0-9]+\.txt$/.test(f) || f === TAG_SIGNATURE || listed.has(f)) continue;
      problems.push({ code: 'bag.file-unlisted', params: { file: f, manifest: TAG_MANIFEST } });
    }
  }

  const declaration = await readSmall(tree, BAGIT_TXT);
  if (declaration === undefined) {
    if (!problems.items.some((p) => p.code === 'bag.file-missing' && p.params.file === BAGIT_TXT)) problems.push({ code: 'bag.file-missing', params: { file: BAGIT_TXT, manifest: TAG_MANIFEST } });
  } else if (typeof declaration !== 'string') {
    tooLarge(BAGIT_TXT);
  } else if (!/^BagIt-Version: \d+\.\d+\nTag-File-Character-Encoding: UTF-8\n?$/i.test(declaration.replace(/\r\n?/g, '\n'))) {
    problems.push({ code: 'bag.declaration-invalid', params: { file: BAGIT_TXT } });
  }

  let payloadFiles = 0;
  let payloadBytes = 0;
  for (const [f, size] of tree.files) {
    if (!f.startsWith(`${PAYLOAD_DIR}/`)) continue;
    payloadFiles++;
    payloadBytes += size;
  }

  if (!tree.files.has(PAYLOAD_MANIFEST)) {
    problems.push({ code: 'bag.manifest-missing', params: { file: PAYLOAD_MANIFEST } });
  } else {
    const listed = await checkManifest(tree, PAYLOAD_MANIFEST, true, problems);
    for (const f of tree.files.keys()) {
      if (f.startsWith(`${PAYLOAD_DIR}/`) && !listed.has(f)) problems.push({ code: 'bag.file-unlisted', params: { file: f, manifest: PAYLOAD_MANIFEST } });
    }
  }

  const info = await readSmall(tree, BAG_INFO_TXT);
  if (typeof info === 'object') tooLarge(BAG_INFO_TXT);
  const oxum = typeof info !== 'string' ? undefined : parseBagInfo(info).find(([label]) => label.toLowerCase() === 'payload-oxum')?.[1];
  const actualOxum = `${payloadBytes}.${payloadFiles}`;
  if (oxum !== undefined && oxum !== actualOxum) problems.push({ code: 'bag.oxum-mismatch', params: { declared: oxum, actual: actualOxum } });
  return { problems: problems.items, problemsNotShown: problems.count - problems.items.length, payloadFiles, payloadBytes, seal };
}
