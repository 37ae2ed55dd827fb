import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEvidenceFile } from '../../src/evidence/evidence-file.js';
import { DOSSIERS, scratch } from '../support/run-cli.js';

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

describe('evidence is judged through what was opened (issue 12, item 3)', () => {
  it('a folder swapped for a link outside while files are opened: never read, judged or hashed outside the dossier', async () => {
    const s = scratch('dmn-race-');
    const root = path.join(s.dir, 'dossier');
    cpSync(path.join(DOSSIERS, 'complete'), root, { recursive: true });
    const outside = path.join(s.dir, 'outside');
    mkdirSync(outside);
    // Same name and same size as the dossier's file, other bytes.
    const inside = readFileSync(path.join(root, 'evidence', 'ieu7', 'ins-login.png'));
    const secret = Buffer.from(inside.map((b) => b ^ 0x5a));
    writeFileSync(path.join(outside, 'ins-login.png'), secret);
    // Another process swaps evidence/ieu7 for a link to `outside` and back, as fast as it can.
    const swapper = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const [dir, parked, out] = process.argv.slice(1);
         process.stdout.write('go\\n');
         for (;;) { fs.renameSync(dir, parked); fs.symlinkSync(out, dir); fs.unlinkSync(dir); fs.renameSync(parked, dir); }`,
        path.join(root, 'evidence', 'ieu7'),
        path.join(root, 'evidence', 'ieu7-parked'),
        outside,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    await new Promise((resolve) => swapper.stdout.once('data', resolve));
    try {
      const hashes: string[] = [];
      const outcomes = new Set<string>();
      for (let i = 0; i < 1000; i++) {
        const r = await openEvidenceFile(root, 'evidence/ieu7/ins-login.png');
        outcomes.add(r.ok ? 'ok' : r.reason);
        if (!r.ok) continue;
        hashes.push(sha(r.file.head));
        const whole = await r.file.sha256().catch(() => 'refused');
        hashes.push(whole);
      }
      expect(outcomes.size).toBeGreaterThan(1); // the race did happen
      // The file is 186 bytes: its head is all of it. Every hash is of the dossier's file, or the read was refused.
      expect(inside.length).toBeLessThan(4096);
      expect(hashes.filter((h) => h !== 'refused' && h !== sha(inside))).toEqual([]);
    } finally {
      swapper.kill('SIGKILL');
      s.done();
    }
  }, 60_000);
});
