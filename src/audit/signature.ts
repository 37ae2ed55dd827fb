import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';
import type { MessageDef, ParamsIn } from '../i18n/types.js';
import { unreadable } from '../diagnostics/input-file.js';
import { BAG_INFO_TXT, parseBagInfo, TAG_MANIFEST, TAG_SIGNATURE } from './bagit.js';
import type { Localized } from '../report/report.js';
import { BAG_TEXT } from './messages.js';

/*
 * Signed bags. `pack --sign KEY` signs the bag's tag manifest (which hashes the payload manifest,
 * which hashes every payload file: one signature covers the whole bag) with Ed25519, and writes the
 * 64-byte signature to `tagmanifest-sha256.txt.sig`, the layout OpenSSL verifies:
 *
 *   openssl pkeyutl -verify -pubin -inkey signer.pub -rawin -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig
 *
 * The signer's key fingerprint is in bag-info.txt (`DMN-Signer-Key-SHA256`), so it is itself sealed
 * and signed. `replay --trust PUBKEY` verifies the signature with the trusted key of that fingerprint.
 */

/** The bag-info.txt field naming the signer's key. */
export const SIGNER_FIELD = 'DMN-Signer-Key-SHA256';

/** Larger than any PEM key file: what is bigger is not a key, and is not read. */
const MAX_KEY_BYTES = 64 * 1024;

/** SHA-256 of the public key's DER SubjectPublicKeyInfo: `openssl pkey -pubin -in KEY.pub -outform DER | sha256sum`. */
export function fingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex');
}

export interface SigningKey {
  privateKey: KeyObject;
  fingerprint: string;
}

export interface TrustedKey {
  publicKey: KeyObject;
  fingerprint: string;
  /** The key file as the user named it. */
  file: string;
}

type Role = 'sign' | 'trust';

const HINTS: Record<Role, MessageDef<never>> = { sign: BAG_TEXT.signingKeyHint, trust: BAG_TEXT.trustedKeyHint };
const hintFor = (role: Role): Localized => both(HINTS[role], {}).message;

/** Exit 2: the key file `file` is not what `role` takes, as `wording` says. */
function badKey<K extends string>(file: string, role: Role, wording: MessageDef<K>, params: ParamsIn<K>): UserInputError {
  return new UserInputError({ code: 'usage', file, message: both(wording, params).message, hint: hintFor(role) });
}

/** The text of a key file: a regular file of at most 64 KiB (a FIFO or a device is never waited on). */
function readKeyFile(abs: string, file: string, role: Role): string {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new UserInputError(unreadable(file, err).problems.map((p) => ({ ...p, hint: hintFor(role) })));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw badKey(file, role, BAG_TEXT.keyNotRegular, {});
    if (st.size > MAX_KEY_BYTES) throw badKey(file, role, BAG_TEXT.keyTooLarge, { bytes: st.size });
    const buf = Buffer.alloc(st.size);
    let got = 0;
    for (let n = -1; n !== 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, null);
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** What a PEM file holds, from its first `-----BEGIN …-----` line. */
function pemLabel(text: string): string | undefined {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
}

function notEd25519(file: string, role: Role, key: KeyObject): UserInputError {
  const type = key.asymmetricKeyType ?? 'unknown';
  return badKey(file, role, BAG_TEXT.notEd25519, { type: type.toUpperCase() });
}

/** The private key of `pack --sign`; exit 2 with the file and a hint when it is not an unencrypted Ed25519 private key. */
export function readSigningKey(abs: string, file: string): SigningKey {
  const text = readKeyFile(abs, file, 'sign');
  const label = pemLabel(text);
  if (label === undefined) throw badKey(file, 'sign', BAG_TEXT.notPem, {});
  if (label.includes('PUBLIC')) throw badKey(file, 'sign', BAG_TEXT.publicKeyToSign, {});
  if (label.includes('ENCRYPTED')) throw badKey(file, 'sign', BAG_TEXT.encryptedKey, {});
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw badKey(file, 'sign', BAG_TEXT.unreadablePrivateKey, {});
  }
  if (key.asymmetricKeyType !== 'ed25519') throw notEd25519(file, 'sign', key);
  return { privateKey: key, fingerprint: fingerprint(key) };
}

/** A public key of `replay --trust`; exit 2 with the file and a hint when it is not an Ed25519 public key. */
export function readTrustedKey(abs: string, file: string): TrustedKey {
  const text = readKeyFile(abs, file, 'trust');
  const label = pemLabel(text);
  if (label === undefined) throw badKey(file, 'trust', BAG_TEXT.notPem, {});
  // A private key would do, but whoever holds it can sign: it is not what an auditor should keep.
  if (label.includes('PRIVATE')) throw badKey(file, 'trust', BAG_TEXT.privateKeyToTrust, {});
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    throw badKey(file, 'trust', BAG_TEXT.unreadablePublicKey, {});
  }
  if (key.asymmetricKeyType !== 'ed25519') throw notEd25519(file, 'trust', key);
  return { publicKey: key, fingerprint: fingerprint(key), file };
}

/** The detached Ed25519 signature of a tag manifest (deterministic: the same bytes and key give the same signature). */
export function signTagManifest(tagManifest: Buffer, key: SigningKey): Buffer {
  return sign(null, tagManifest, key.privateKey);
}

/** What `replay` found about a bag's signature. */
export type SignatureCheck =
  /** Signed by a trusted key, and the signature verifies. */
  | { status: 'verified'; fingerprint: string; file: string }
  /** No signature file. */
  | { status: 'unsigned' }
  /** Signed, by a key none of the trusted keys is. */
  | { status: 'untrusted'; fingerprint: string }
  /** Signed, but the signature does not verify with the trusted key it names (or with any, when it names none). */
  | { status: 'invalid'; fingerprint: string }
  /** Signed; no key was given to check it with. */
  | { status: 'present'; fingerprint: string };

/** Checks the signature of the (verified) bag in `bagDir` against the trusted keys. */
export async function checkSignature(bagDir: string, trusted: readonly TrustedKey[]): Promise<SignatureCheck> {
  const sigPath = path.join(bagDir, TAG_SIGNATURE);
  const st = await fsp.lstat(sigPath).catch(() => undefined);
  if (!st) return { status: 'unsigned' };
  const info = await fsp.readFile(path.join(bagDir, BAG_INFO_TXT), 'utf8').catch(() => '');
  const declared = parseBagInfo(info).find(([label]) => label.toLowerCase() === SIGNER_FIELD.toLowerCase())?.[1]?.toLowerCase() ?? '';
  const shown = declared || '?';
  if (trusted.length === 0) return { status: 'present', fingerprint: shown };
  // verifyBag has already refused a signature that is not a regular file; 64 bytes is an Ed25519 signature.
  const signature = st.isFile() && st.size === 64 ? await fsp.readFile(sigPath) : undefined;
  const candidates = declared ? trusted.filter((k) => k.fingerprint === declared) : trusted;
  if (declared && candidates.length === 0) return { status: 'untrusted', fingerprint: declared };
  if (signature) {
    const tagManifest = await fsp.readFile(path.join(bagDir, TAG_MANIFEST));
    const by = candidates.find((k) => verify(null, tagManifest, k.publicKey, signature));
    if (by) return { status: 'verified', fingerprint: by.fingerprint, file: by.file };
  }
  return { status: 'invalid', fingerprint: shown };
}

/** Why a complete and valid bag is still not the one the auditor was told to expect. */
export type TrustProblem =
  | { code: 'bag.seal-mismatch'; params: { expected: string; actual: string } }
  | { code: 'bag.unsigned'; params: { file: string } }
  | { code: 'bag.signer-untrusted'; params: { fingerprint: string; trusted: string } }
  | { code: 'bag.signature-invalid'; params: { file: string; fingerprint: string } };

export interface TrustOutcome {
  problems: TrustProblem[];
  /** Whether the seal was compared with `--expect-seal` (and matched, when no problem says otherwise). */
  sealChecked: boolean;
  signature: SignatureCheck;
}

/**
 * What `--expect-seal` and `--trust` say of a bag that verified complete and valid: its seal must be
 * the expected one, and with trusted keys it must be signed by one of them, the signature verifying.
 */
export async function checkTrust(bagDir: string, seal: string | null, opts: { expectSeal?: string; trusted: readonly TrustedKey[] }): Promise<TrustOutcome> {
  const problems: TrustProblem[] = [];
  const expected = opts.expectSeal?.toLowerCase();
  if (expected !== undefined && expected !== seal) problems.push({ code: 'bag.seal-mismatch', params: { expected, actual: seal ?? '' } });
  const signature = await checkSignature(bagDir, opts.trusted);
  if (opts.trusted.length > 0) {
    if (signature.status === 'unsigned') problems.push({ code: 'bag.unsigned', params: { file: TAG_SIGNATURE } });
    if (signature.status === 'untrusted') problems.push({ code: 'bag.signer-untrusted', params: { fingerprint: signature.fingerprint, trusted: opts.trusted.map((k) => k.file).join(', ') } });
    if (signature.status === 'invalid') problems.push({ code: 'bag.signature-invalid', params: { file: TAG_SIGNATURE, fingerprint: signature.fingerprint } });
  }
  return { problems, sealChecked: expected !== undefined, signature };
}
