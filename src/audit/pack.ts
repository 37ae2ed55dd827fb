import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';

import { makeWorkDir, removeWorkDir, trackWorkFile } from '../diagnostics/work-dirs.js';
import type { Report, Localized } from '../report/report.js';
import { openEvidenceFile } from '../evidence/evidence-file.js';
import { allRefs } from '../evidence/open-dossier.js';
import type { FileRef, Manifest } from '../manifest/types.js';
import { BAGIT_TXT, listTree, TAG_MANIFEST, TAG_SIGNATURE, writeBag, type PayloadItem } from './bagit.js';
import { SIGNER_FIELD, signTagManifest, type SigningKey } from './signature.js';
import { hashFile } from './hash.js';
import { mapLimit } from '../util/map-limit.js';
import { filesOf } from './replay.js';
import { writeZip, ZipError } from './zip.js';
import { BAG_TEXT } from './messages.js';

export interface PackInput {
  /** Where to write: a folder, or a `.zip` file. Absolute. */
  target: string;
  /** Replace an existing target (only a previous bag or a file, never a folder holding the dossier). */
  force: boolean;
  /** The manifest as loaded for the check, with the dossier folder as working directory. */
  manifest: Manifest;
  /** The report of that check: what the bag must hold is checked against its hashes. */
  report: Report;
  /** Rendered reports to put at the payload's root: `report.json`, `report.html`. */
  renders: readonly { path: string; content: string }[];
  /** `bag-info.txt` fields, in order (Payload-Oxum is added). */
  info: readonly (readonly [string, string])[];
  /** FHIR snapshots saved during the check, put under `data/fhir-snapshots/` for an offline replay. */
  snapshots?: readonly { name: string; absPath: string }[];
  /** Sign the tag manifest with this key (`--sign`): its fingerprint goes in bag-info.txt, the signature beside the tag manifest. */
  sign?: SigningKey;
}

/** Where a bag keeps the FHIR snapshots (relative to its payload folder). */
export const SNAPSHOT_DIR = 'fhir-snapshots';

export interface PackResult {
  /** Files under `data/`, and their total size (the bag's Payload-Oxum). */
  payloadFiles: number;
  payloadBytes: number;
  /** SHA-256 of `tagmanifest-sha256.txt`. */
  seal: string;
  /** SHA-256 of the zip, when a zip was written. */
  zipSha256?: string;
  /** Fingerprint of the key that signed the bag, when it was signed. */
  signer?: string;
}

export const isZipTarget = (target: string): boolean => path.extname(target).toLowerCase() === '.zip';

function changedWhilePacking(file: string): UserInputError {
  return new UserInputError({
    code: 'file.unreadable',
    file,
    ...both(BAG_TEXT.changedWhilePacking, {}),
  });
}

function refuse(target: string, why: { message: Localized; hint?: Localized }): UserInputError {
  return new UserInputError({ code: 'usage', file: target, ...why });
}

/** Exit-2 reasons not to write at `target`: it exists (without --force), or replacing it would destroy the dossier. */
export async function checkTarget(target: string, display: string, force: boolean, dossierDir: string): Promise<void> {
  const st = await fsp.lstat(target).catch(() => undefined);
  if (!st) return;
  if (!force) {
    throw refuse(display, both(BAG_TEXT.targetExists, {}));
  }
  if (st.isDirectory()) {
    const rel = path.relative(target, dossierDir);
    const holdsDossier = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    const isBag = (await fsp.lstat(path.join(target, BAGIT_TXT)).catch(() => undefined))?.isFile() === true;
    if (holdsDossier || !isBag) {
      throw refuse(display, both(BAG_TEXT.folderNotABag, {}));
    }
  } else if (!st.isFile()) {
    throw refuse(display, { message: both(BAG_TEXT.targetNotRegular, {}).message, hint: both(BAG_TEXT.chooseAnotherOut, {}).message });
  }
}

/**
 * Moves `from` to `to`. What is there is replaced only with `force` (and `checkTarget` said it may
 * be); it is set aside first and removed last, so `to` is never half-written.
 */
async function moveInto(from: string, to: string, force: boolean, display: string): Promise<void> {
  const old = await fsp.lstat(to).catch(() => undefined);
  if (!old) {
    await fsp.rename(from, to);
    return;
  }
  if (!force) {
    throw refuse(display, { message: both(BAG_TEXT.appearedWhileWriting, {}).message, hint: both(BAG_TEXT.chooseAnotherOut, {}).message });
  }
  const aside = path.join(path.dirname(to), `.${path.basename(to)}.${randomBytes(6).toString('hex')}.old`);
  await fsp.rename(to, aside);
  try {
    await fsp.rename(from, to);
  } catch (err) {
    await fsp.rename(aside, to);
    throw err;
  }
  await fsp.rm(aside, { recursive: true, force: true });
}

/**
 * Writes the sealed dossier: a BagIt bag holding the manifest, every evidence file and statement
 * document the manifest names (at their paths), and the rendered reports. Built in a temporary
 * folder next to the target and renamed into place, so a failure never leaves half a bag.
 */
export async function packDossier(input: PackInput): Promise<PackResult> {
  const { target, manifest, report } = input;
  const parent = path.dirname(target);
  await fsp.mkdir(parent, { recursive: true });
  const tag = randomBytes(6).toString('hex');
  const work = path.join(parent, `.${path.basename(target)}.${tag}.tmp`);
  const zipTemp = path.join(parent, `.${path.basename(target)}.${tag}.zip.tmp`);
  const zip = isZipTarget(target);
  const bagName = zip ? path.basename(target, path.extname(target)) || 'bag' : path.basename(target);
  const bagDir = zip ? path.join(work, bagName) : work;
  try {
    // Private while it is built (it holds copies of the evidence), and removed if a signal stops the run.
    await makeWorkDir(work);
    trackWorkFile(zipTemp);
    if (zip) await fsp.mkdir(bagDir);
    const items: PayloadItem[] = [];
    const reserved = new Set(input.renders.map((r) => r.path));
    const added = new Set<string>();
    const add = (rel: string, absPath: string): void => {
      if (reserved.has(rel)) {
        throw new UserInputError({
          code: 'usage',
          file: rel,
          ...both(BAG_TEXT.reservedName, { name: rel }),
        });
      }
      if (added.has(rel)) return;
      added.add(rel);
      items.push({ path: rel, absPath });
    };
    add(manifest.file, path.join(manifest.dossierDir, manifest.file));
    const refs = allRefs(manifest).filter((r): r is FileRef => r.type === 'file');
    const opened = await mapLimit(refs, 16, (ref) => openEvidenceFile(manifest.dossierDir, ref.path));
    refs.forEach((ref, i) => {
      const o = opened[i]!;
      // Missing or non-regular evidence stays out of the bag; the report already says why.
      if (o.ok) add(ref.path, o.file.absPath);
    });
    for (const s of input.snapshots ?? []) add(`${SNAPSHOT_DIR}/${s.name}`, s.absPath);
    for (const r of input.renders) items.push({ path: r.path, content: r.content });
    const info = input.sign ? [...input.info, [SIGNER_FIELD, input.sign.fingerprint] as const] : input.info;
    const bag = await writeBag(bagDir, items, info);
    if (input.sign) {
      const signature = signTagManifest(await fsp.readFile(path.join(bagDir, TAG_MANIFEST)), input.sign);
      await fsp.writeFile(path.join(bagDir, TAG_SIGNATURE), signature, { flag: 'wx', mode: 0o644 });
    }

    // The bag must hold exactly what was evaluated.
    if (bag.payload.get(manifest.file) !== report.manifest.sha256) throw changedWhilePacking(manifest.file);
    for (const [file, sha] of filesOf(report)) {
      if (sha !== null && bag.payload.has(file) && bag.payload.get(file) !== sha) throw changedWhilePacking(file);
    }

    const result: PackResult = { payloadFiles: bag.payload.size, payloadBytes: bag.payloadBytes, seal: bag.seal, ...(input.sign ? { signer: input.sign.fingerprint } : {}) };
    if (zip) {
      const { files } = await listTree(bagDir);
      const sources = [...files.keys()].map((rel) => ({ name: `${bagName}/${rel}`, absPath: path.join(bagDir, ...rel.split('/')) }));
      await writeZip(zipTemp, sources, new Date(report.generatedAt));
      result.zipSha256 = (await hashFile(zipTemp)).sha256;
      await moveInto(zipTemp, target, input.force, path.basename(target));
    } else {
      await moveInto(work, target, input.force, path.basename(target));
      // The bag is the user's now: the folder mode a plain mkdir would have given it.
      await fsp.chmod(target, 0o755);
    }
    await removeWorkDir(work);
    await removeWorkDir(zipTemp);
    return result;
  } catch (err) {
    await removeWorkDir(work);
    await removeWorkDir(zipTemp);
    if (err instanceof ZipError) {
      throw new UserInputError({
        code: 'usage',
        file: path.basename(target),
        subject: '--out',
        ...both(BAG_TEXT.notAZip, { reason: err.message }),
      });
    }
    throw err;
  }
}
