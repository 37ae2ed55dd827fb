import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestText, parseManifest } from '../../src/audit/bagit.js';
import { sha256 } from './support.js';

/**
 * What someone altering a bag by hand does: changes one byte of a payload file, then recomputes
 * manifest-sha256.txt and tagmanifest-sha256.txt, so that the bag is complete and valid again.
 * Returns the new seal.
 */
export function tamperAndReseal(bag: string, file: string): string {
  const abs = path.join(bag, ...file.split('/'));
  const bytes = readFileSync(abs);
  bytes[0] = bytes[0]! ^ 0x01;
  writeFileSync(abs, bytes);
  return reseal(bag);
}

/** Recomputes a bag's manifests and Payload-Oxum after its payload files were changed in place; returns the seal. */
export function reseal(bag: string): string {
  const rewrite = (manifest: string): void => {
    const { entries } = parseManifest(readFileSync(path.join(bag, manifest), 'utf8'));
    for (const p of entries.keys()) entries.set(p, sha256(readFileSync(path.join(bag, ...p.split('/')))));
    writeFileSync(path.join(bag, manifest), manifestText(entries));
  };
  rewrite('manifest-sha256.txt');
  const payload = [...parseManifest(readFileSync(path.join(bag, 'manifest-sha256.txt'), 'utf8')).entries.keys()];
  const bytes = payload.reduce((n, p) => n + statSync(path.join(bag, ...p.split('/'))).size, 0);
  const info = path.join(bag, 'bag-info.txt');
  writeFileSync(info, readFileSync(info, 'utf8').replace(/^Payload-Oxum: .*$/m, `Payload-Oxum: ${bytes}.${payload.length}`));
  rewrite('tagmanifest-sha256.txt');
  return sha256(readFileSync(path.join(bag, 'tagmanifest-sha256.txt')));
}
