import { generateKeyPairSync, verify } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/audit/signature.js';
import { runCli } from '../support/run-cli.js';
import { AS_OF, checkReport, dossier, expectInputError, listed, sha256, tmp } from './support.js';
import { tamperAndReseal } from './reseal.js';

/** A fresh Ed25519 key pair in `dir`: NAME.pem (private, PKCS#8) and NAME.pub (SPKI). */
function keyPair(dir: string, name: string): { pem: string; pub: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = path.join(dir, `${name}.pem`);
  const pub = path.join(dir, `${name}.pub`);
  writeFileSync(pem, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(pub, publicKey.export({ type: 'spki', format: 'pem' }));
  return { pem, pub, fingerprint: fingerprint(publicKey) };
}

/** A signed (or unsigned) bag of the complete dossier, in a folder of its own, with keys A and B beside it. */
async function signedBag(opts: { sign?: boolean; zip?: boolean } = {}) {
  const d = dossier();
  const s = tmp();
  const a = keyPair(s, 'a');
  const b = keyPair(s, 'b');
  const bag = path.join(s, opts.zip ? 'bag.zip' : 'bag');
  const run = await runCli(['pack', 'dmn-evidence.yaml', '--as-of', AS_OF, '--out', bag, ...(opts.sign === false ? [] : ['--sign', a.pem])], { cwd: d.dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { dir: s, dossier: d.dir, bag, a, b, pack: run, seal: /seal \(sha256 of tagmanifest-sha256\.txt\): ([0-9a-f]{64})/.exec(run.stdout)![1]! };
}

describe('pack --sign KEY', () => {
  it('signs the tag manifest with Ed25519, beside it, and names the key in bag-info.txt', async () => {
    const b = await signedBag();
    expect(b.pack.stdout).toContain(`\n  signed by key ${b.a.fingerprint} (tagmanifest-sha256.txt.sig)\n`);
    const tagManifest = readFileSync(path.join(b.bag, 'tagmanifest-sha256.txt'));
    const signature = readFileSync(path.join(b.bag, 'tagmanifest-sha256.txt.sig'));
    expect(signature.length).toBe(64);
    expect(verify(null, tagManifest, readFileSync(b.a.pub, 'utf8'), signature)).toBe(true);
    expect(sha256(tagManifest)).toBe(b.seal);
    // The fingerprint is sealed with the bag: bag-info.txt is listed in the tag manifest that is signed.
    expect(readFileSync(path.join(b.bag, 'bag-info.txt'), 'utf8')).toContain(`\nDMN-Signer-Key-SHA256: ${b.a.fingerprint}\n`);
    expect(tagManifest.toString()).toContain(`${sha256(readFileSync(path.join(b.bag, 'bag-info.txt')))}  bag-info.txt\n`);
    // The same inputs and key give the same bag, signature included (Ed25519 is deterministic).
    const again = path.join(b.dir, 'again');
    expect((await runCli(['pack', 'dmn-evidence.yaml', '--as-of', AS_OF, '--out', again, '--sign', b.a.pem], { cwd: b.dossier })).code).toBe(0);
    expect(readFileSync(path.join(again, 'tagmanifest-sha256.txt.sig')).equals(signature)).toBe(true);
  });

  it('in French', async () => {
    const d = dossier();
    const s = tmp();
    const a = keyPair(s, 'a');
    const run = await runCli(['pack', '--as-of', AS_OF, '--out', path.join(s, 'bag'), '--sign', a.pem, '--lang', 'fr'], { cwd: d.dir });
    expect(run.stdout).toContain(`\n  signée par la clé ${a.fingerprint} (tagmanifest-sha256.txt.sig)\n`);
  });

  it('a bad key file is exit 2, naming the file, with a hint; nothing is written', async () => {
    const d = dossier();
    const s = tmp();
    const a = keyPair(s, 'a');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(path.join(s, 'rsa.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(path.join(s, 'notes.txt'), 'not a key\n');
    mkdirSync(path.join(s, 'folder'));
    const pack = (key: string) => runCli(['pack', '--as-of', AS_OF, '--out', path.join(s, 'bag'), '--sign', key], { cwd: s });
    expectInputError(await pack('missing.pem'), /^dmn-check: error: missing\.pem file not found\. Give an Ed25519 private key in PEM, e\.g\. made with `openssl genpkey -algorithm ed25519 -out signer\.pem`\.\n$/);
    expectInputError(await pack('a.pub'), /^dmn-check: error: a\.pub is a public key; --sign takes the signer's private key\. Give an Ed25519/);
    expectInputError(await pack('rsa.pem'), /^dmn-check: error: rsa\.pem holds a RSA key; dmn-check signs bags with Ed25519\./);
    expectInputError(await pack('notes.txt'), /^dmn-check: error: notes\.txt is not a PEM key \(no "-----BEGIN" line\)\./);
    expectInputError(await pack('folder'), /^dmn-check: error: folder is not a regular file\./);
    // Run from the dossier, so the manifest is found: still nothing written.
    const r = await runCli(['pack', '--as-of', AS_OF, '--out', path.join(s, 'bag'), '--sign', path.join(s, 'a.pub')], { cwd: d.dir });
    expect(r.code).toBe(2);
    expect(() => readFileSync(path.join(s, 'bag', 'bagit.txt'))).toThrow();
    void a;
  });

  it('--force never replaces the signing key with the bag', async () => {
    const d = dossier();
    const s = tmp();
    const a = keyPair(s, 'a');
    const run = await runCli(['pack', '--as-of', AS_OF, '--out', a.pem, '--force', '--sign', a.pem], { cwd: d.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is an input of this run; it was left as it is\./);
    expect(readFileSync(a.pem, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });
});

describe('replay --trust PUBKEY', () => {
  it('signed with key A: --trust A says who signed and replays (exit 0); several keys may be trusted', async () => {
    const b = await signedBag();
    const run = await runCli(['replay', b.bag, '--trust', b.a.pub], { cwd: b.dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`\n  ✔ signed by key ${b.a.fingerprint} (a.pub)\nReplay of bag/data/report.json\n`);
    expect(run.stdout).toMatch(/\nidentical\n$/);
    expect(run.code).toBe(0);
    expect((await runCli(['replay', b.bag, '--trust', b.b.pub, '--trust', b.a.pub], { cwd: b.dir })).code).toBe(0);
    const fr = await runCli(['replay', b.bag, '--trust', b.a.pub, '--lang', 'fr'], { cwd: b.dir });
    expect(fr.stdout).toContain(`\n  ✔ signée par la clé ${b.a.fingerprint} (a.pub)\n`);
  });

  it('--trust B: signed by another key, exit 1, nothing replayed', async () => {
    const b = await signedBag();
    const run = await runCli(['replay', b.bag, '--trust', b.b.pub], { cwd: b.dir });
    expect(run.code).toBe(1);
    expect(listed(run)).toEqual([`The bag is signed by key ${b.a.fingerprint}, which is none of the keys given with --trust (b.pub).`]);
    expect(run.stdout).not.toContain('Replay of');
    const fr = await runCli(['replay', b.bag, '--trust', b.b.pub, '--lang', 'fr'], { cwd: b.dir });
    expect(listed(fr)).toEqual([`L’archive est signée par la clé ${b.a.fingerprint}, qui n’est aucune des clés indiquées par --trust (b.pub).`]);
  });

  it('an unsigned bag with --trust: exit 1; without --trust it replays as before', async () => {
    const b = await signedBag({ sign: false });
    const run = await runCli(['replay', b.bag, '--trust', b.a.pub], { cwd: b.dir });
    expect(run.code).toBe(1);
    expect(listed(run)).toEqual(['The bag is not signed (no tagmanifest-sha256.txt.sig); --trust requires a signature by one of its keys.']);
    expect((await runCli(['replay', b.bag], { cwd: b.dir })).code).toBe(0);
  });

  it('a signed bag without --trust replays, saying the signature was not checked', async () => {
    const b = await signedBag();
    const run = await runCli(['replay', b.bag], { cwd: b.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`\n  signed by key ${b.a.fingerprint}; not checked (--trust PUBKEY checks it)\n`);
  });

  it('one evidence byte changed and the bag re-sealed: valid again, but the signature does not verify and the seal differs', async () => {
    const b = await signedBag();
    tamperAndReseal(b.bag, 'data/evidence/port1/export-documentation.md');
    const plain = await runCli(['replay', b.bag], { cwd: b.dir });
    expect(plain.stdout).toMatch(/^Bag bag: complete and valid: /);
    expect(plain.code).toBe(1); // the report in the bag still holds the old hash
    const trusted = await runCli(['replay', b.bag, '--trust', b.a.pub], { cwd: b.dir });
    expect(trusted.code).toBe(1);
    expect(listed(trusted)).toEqual([`The signature tagmanifest-sha256.txt.sig does not verify with key ${b.a.fingerprint}: the bag was altered after it was signed.`]);
    const sealed = await runCli(['replay', b.bag, '--expect-seal', b.seal], { cwd: b.dir });
    expect(sealed.code).toBe(1);
    const now = sha256(readFileSync(path.join(b.bag, 'tagmanifest-sha256.txt')));
    expect(listed(sealed)).toEqual([`The bag's seal is ${now}, not the ${b.seal} given with --expect-seal: this is not the bag that seal was given for.`]);
  });

  it('a zipped signed bag verifies the same way; --format json says who signed', async () => {
    const b = await signedBag({ zip: true });
    const run = await runCli(['replay', b.bag, '--trust', b.a.pub, '--expect-seal', b.seal.toUpperCase(), '--format', 'json'], { cwd: b.dir });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { identical: boolean; bag: Record<string, unknown> };
    expect(out.identical).toBe(true);
    expect(out.bag).toMatchObject({ valid: true, seal: b.seal, expectedSeal: b.seal, signature: { status: 'verified', fingerprint: b.a.fingerprint, file: 'a.pub' }, problems: [] });
  });

  it('bad keys, a malformed seal, or --trust / --expect-seal with a JSON report: exit 2', async () => {
    const b = await signedBag();
    expectInputError(await runCli(['replay', b.bag, '--trust', 'a.pem'], { cwd: b.dir }), /^dmn-check: error: a\.pem is a private key; --trust takes the signer's public key\. Give the signer's Ed25519 public key in PEM/);
    expectInputError(await runCli(['replay', b.bag, '--trust', 'nope.pub'], { cwd: b.dir }), /^dmn-check: error: nope\.pub file not found\. Give the signer's Ed25519 public key/);
    expectInputError(await runCli(['replay', b.bag, '--expect-seal', 'abc'], { cwd: b.dir }), /^dmn-check: error: command line --expect-seal: is not a SHA-256 \(64 hexadecimal digits\)\./);
    const report = await checkReport(b.dossier);
    expectInputError(await runCli(['replay', report, '--trust', b.a.pub], { cwd: b.dir }), /^dmn-check: error: command line --trust: applies to a bag only: a JSON report has no seal and no signature\./);
    expectInputError(await runCli(['replay', report, '--expect-seal', b.seal], { cwd: b.dir }), /^dmn-check: error: command line --expect-seal: applies to a bag only/);
  });
});
