import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEvidenceFile } from '../../../src/evidence/evidence-file.js';
import { copyDossier, DOSSIERS, ROOT, runCli, scratch } from '../../support/run-cli.js';
import { writeHugeExport } from './cases.js';
import { ensureBuilt } from './support.js';

beforeAll(ensureBuilt, 300_000);

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
      const heads: boolean[] = [];
      const hashes: string[] = [];
      const outcomes = new Set<string>();
      // until both outcomes were seen enough (the swapper may hold the link most of the time), at most 20 s
      const deadline = Date.now() + 20_000;
      // half the opens through the folder cache of a dossier pass (its folder resolved once, the file opened O_NOFOLLOW below it)
      const folders = new Map<string, string>();
      for (let i = 0; (heads.length < 50 || outcomes.size < 2) && Date.now() < deadline; i++) {
        const r = await openEvidenceFile(root, 'evidence/ieu7/ins-login.png', i % 2 ? folders : undefined);
        outcomes.add(r.ok ? 'ok' : r.reason);
        if (!r.ok) continue;
        // what was sniffed (the head) and what was hashed are the dossier's bytes, never the outside file's
        heads.push(r.file.head.length > 0 && r.file.head.equals(inside.subarray(0, r.file.head.length)));
        hashes.push(await r.file.sha256().catch(() => 'refused'));
      }
      expect(outcomes.size).toBeGreaterThan(1); // the race did happen
      expect(heads.length).toBeGreaterThan(0);
      expect(heads.filter((same) => !same)).toEqual([]);
      expect(hashes.filter((h) => h !== 'refused' && h !== sha(inside))).toEqual([]);
    } finally {
      swapper.kill('SIGKILL');
      s.done();
    }
  }, 60_000);
});

/** Control characters, line breaks into CI commands, and a right-to-left override, in one value. */
const NASTY = 'Cardio\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u001b]8;;https://evil.example\u0007\n::add-mask::x\n::stop-commands::t\r\u202eSuivi\u009b31m';
const yamlString = (s: string): string => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

/** What a terminal or a CI log must never receive from a value. */
function expectPrintable(out: string): void {
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
  for (const line of out.split('\n')) expect(line).not.toMatch(/^::(add-mask|stop-commands|error::)/);
}

describe('values reach terminals, stderr and CI logs printable (item 8)', () => {
  it('a product name with ESC sequences, CR, LF + `::add-mask::` and U+202E: text and github output escape it', async () => {
    const d = copyDossier('complete');
    try {
      writeFileSync(d.manifest, readFileSync(d.manifest, 'utf8').replace('name: CardioSuivi', `name: ${yamlString(NASTY)}`));
      for (const format of ['text', 'github', 'markdown']) {
        const r = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', format], { cwd: d.dir });
        expect(r.code).toBe(0);
        expectPrintable(r.stdout);
      }
      const text = await runCli(['check', d.manifest, '--as-of', '2026-11-29'], { cwd: d.dir });
      expect(text.stdout).toContain('Cardio\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007');
      // The JSON report keeps the value as it is (JSON escapes it), for replay and diff to compare.
      const json = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'json', '--output', path.join(d.dir, 'report.json')], { cwd: d.dir });
      expect(json.code).toBe(0);
      expect((JSON.parse(readFileSync(path.join(d.dir, 'report.json'), 'utf8')) as { product: { name: string } }).product.name).toBe(NASTY);
      // replay and diff print it from the report, escaped
      const replay = await runCli(['replay', 'report.json'], { cwd: d.dir });
      expect(replay.code).toBe(0);
      expectPrintable(replay.stdout);
      expect(replay.stdout).toContain('Cardio\\u001b[2J');
      const diff = await runCli(['diff', 'report.json', 'report.json'], { cwd: d.dir });
      expectPrintable(diff.stdout);
    } finally {
      d.done();
    }
  });

  it('an unknown fact name with control characters: the exit-2 message on stderr escapes it', async () => {
    const d = copyDossier('complete');
    try {
      writeFileSync(d.manifest, readFileSync(d.manifest, 'utf8').replace('facts:\n', `facts:\n  ${yamlString(NASTY)}: true\n`));
      const r = await runCli(['check', d.manifest, '--as-of', '2026-11-29'], { cwd: d.dir });
      expect(r.code).toBe(2);
      expectPrintable(r.stderr);
      const lines = r.stderr.trimEnd().split('\n');
      for (const l of lines) expect(l).toMatch(/^dmn-check: error: /);
    } finally {
      d.done();
    }
  });
});

describe('a signal never leaves copies of the evidence behind (item 15)', () => {
  it('SIGINT during `pack`: no work folder next to --out nor in TMPDIR, and the run ends by that signal', async () => {
    const s = scratch('dmn-signal-');
    try {
      const dossier = path.join(s.dir, 'dossier');
      cpSync(path.join(DOSSIERS, 'complete'), dossier, { recursive: true });
      // A large export keeps the check busy long enough to be interrupted.
      writeHugeExport(path.join(dossier, 'evidence', 'port1', 'export.json'), 120 * 1024 * 1024);
      const tmp = path.join(s.dir, 'tmp');
      const out = path.join(s.dir, 'out');
      mkdirSync(tmp);
      mkdirSync(out);
      const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'dmn-check.js'), 'pack', path.join(dossier, 'dmn-evidence.yaml'), '--as-of', '2026-11-29', '--out', path.join(out, 'bag')], {
        env: { PATH: process.env.PATH, TMPDIR: tmp, LANG: 'en_US.UTF-8' },
        stdio: 'ignore',
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      // Wait for the work folder, then interrupt.
      const started = Date.now();
      while (readdirSync(tmp).length === 0 && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 10));
      const during = readdirSync(tmp);
      expect(during).toHaveLength(1);
      expect(statSync(path.join(tmp, during[0]!)).mode & 0o777).toBe(0o700);
      child.kill('SIGINT');
      const end = await exited;
      expect(end.signal).toBe('SIGINT');
      expect(readdirSync(tmp)).toEqual([]);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      s.done();
    }
  }, 60_000);
});

describe('the Markdown report links nothing a manifest says (item 9)', () => {
  it('URLs and www. names from the manifest are shown, not autolinked', async () => {
    const d = copyDossier('complete');
    try {
      writeFileSync(d.manifest, readFileSync(d.manifest, 'utf8').replace('name: CardioSuivi', 'name: "CardioSuivi https://evil.example/login www.evil.example"'));
      const r = await runCli(['check', d.manifest, '--as-of', '2026-11-29', '--format', 'markdown'], { cwd: d.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('https\\://evil.example/login www\\.evil.example');
      expect(r.stdout).not.toMatch(/https:\/\/evil|www\.evil/);
    } finally {
      d.done();
    }
  });
});
