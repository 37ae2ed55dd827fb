import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselinePeakRss, CASES, cleanupCases, HUGE_EXPORT_BYTES, makeDevice, makeSocket, runCase, type HostileCase, type Outcome } from './cases.js';
import type { Report } from '../../../src/report/report.js';
import { scratch } from '../../support/run-cli.js';
// @ts-expect-error plain JS module: the scale bench's dossier builder
import { buildScaleDossier } from '../../../bench/scale-dossier.mjs';
import { ensureBuilt, runMeasured } from './support.js';
import { ECHOED_TOKEN } from './cases-fhir.js';
import { tokenForms } from '../../../src/evidence/fhir/redact.js';

beforeAll(ensureBuilt, 300_000);
afterAll(cleanupCases);

function expectInputError(c: HostileCase, o: Outcome): void {
  expect(o.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(o.stdout).toBe('');
  expect(o.written).toEqual([]); // nothing written, not even a temporary file
  for (const line of o.stderr.trimEnd().split('\n')) expect(line).toMatch(/^dmn-check: error: /);
  if (c.positioned !== false) expect(o.says).toMatch(/^[^\s:]+:\d+:\d+ /);
  // a hint follows the message: a second sentence
  expect(o.says).toMatch(/[.)"?»]\s+[A-Z"]/);
}

describe('hostile input: one clear outcome per case, never a crash', () => {
  it.each(CASES.map((c) => [c.input, c] as const))('%s', async (_, c) => {
    const o = await runCase(c);
    expect({ code: o.code, says: o.says }).toEqual({ code: c.exit, says: expect.stringMatching(c.says) });
    // Every input built to exhaust memory stays within 256 MiB (the 200 MB export, against its size, below).
    if (o.peakRss !== undefined && c.input !== 'a 200 MB single-line JSON export') expect(o.peakRss).toBeLessThan(256 * 1024 * 1024);
    if (c.exit === 2) expectInputError(c, o);
    else {
      expect(o.stderr).toBe('');
      if (!o.custom) expect(o.report).toBeDefined();
    }
  }, 120_000);
});

const byInput = (input: string): HostileCase => {
  const c = CASES.find((x) => x.input === input);
  if (!c) throw new Error(`no case "${input}"`);
  return c;
};

describe('what the cases must also show', () => {
  it('__proto__, constructor and prototype are reported as unknown keys at every level, and pollute nothing', async () => {
    const structure = await runCase(byInput('`__proto__`, `constructor`, `prototype` keys where the schema is closed'));
    const names = await runCase(byInput('`__proto__`, `constructor`, `prototype` as fact, requirement or slot names'));
    expect(structure.stderr.trim().split('\n').map((l) => l.replace(/^dmn-check: error: \S+ /, ''))).toEqual([
      expect.stringMatching(/^__proto__: unknown key "__proto__"\./),
      expect.stringMatching(/^constructor: unknown key "constructor"\./),
      expect.stringMatching(/^prototype: unknown key "prototype"\./),
      expect.stringMatching(/^product\.__proto__: unknown key "__proto__"\./),
      // {path, __proto__}: no branch of "a path, a list, {path, sha256}, {fhir}" fits
      expect.stringMatching(/^evidence\."IEU 7"\.ins-login-demo: is not a valid evidence entry/),
      expect.stringMatching(/^statements\."IEU 2"\.__proto__: unknown key "__proto__"\./),
      expect.stringMatching(/^statements\."IEU 2"\.constructor: unknown key "constructor"\./),
      expect.stringMatching(/^statements\."IEU 2"\.signatory\.__proto__: unknown key "__proto__"\./),
    ]);
    expect(names.stderr.trim().split('\n').map((l) => l.replace(/^dmn-check: error: \S+ /, '').replace(/\. .*$/, '.'))).toEqual([
      'facts.__proto__: unknown fact.',
      'facts.constructor: unknown fact.',
      'facts.prototype: unknown fact.',
      'evidence.__proto__: unknown requirement in ruleset ans-dmn@1.2.2.',
      'evidence.constructor: unknown requirement in ruleset ans-dmn@1.2.2.',
      'evidence."IEU 7".__proto__: unknown slot for IEU 7.',
      'evidence."IEU 7".constructor: unknown slot for IEU 7.',
      'evidence."IEU 7".prototype: unknown slot for IEU 7.',
      'statements.__proto__: unknown requirement in ruleset ans-dmn@1.2.2.',
      'statements.hasOwnProperty: unknown requirement in ruleset ans-dmn@1.2.2.',
    ]);
    // Both ran in this very process: nothing reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(Object.prototype.constructor).toBe(Object);
  });

  it('a huge manifest is answered quickly, with the first 100 problems and a count of the rest', async () => {
    const o = await runCase(byInput('a huge manifest (2 MB, 150,000 unknown facts)'));
    const lines = o.stderr.trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[100]).toBe('dmn-check: error: huge.yaml … and 149,900 more problems, not shown. Fix the problems above and run again.');
  }, 60_000);

  it('CRLF and a BOM leave every position as it is with LF', async () => {
    const crlf = await runCase(byInput('CRLF line endings, and a mistake: its position is the one with LF'));
    const bom = await runCase(byInput('a BOM, and a mistake: its position is unchanged'));
    const lf = await runCase({ input: 'LF, and a mistake', prepare: byInput('a BOM, and a mistake: its position is unchanged').prepare!, exit: 2, says: /^/ });
    expect(lf.says).toMatch(/^dmn-evidence\.yaml:\d+:\d+ /);
    expect(crlf.says).toBe(lf.says.replace('\ufeff', ''));
    expect(bom.says).toBe(crlf.says);
  });

  it(`a ${HUGE_EXPORT_BYTES / 1024 / 1024} MB single-line export is streamed: bounded memory, hashed, no slot in error`, async () => {
    const o = await runCase(byInput('a 200 MB single-line JSON export'));
    const baseline = await baselinePeakRss();
    // Holding the file whole even once would cost its full size; streaming costs chunks and worker threads.
    expect(o.peakRss! - baseline).toBeLessThan(0.75 * HUGE_EXPORT_BYTES);
    const files = o.report!.requirements.flatMap((r) => r.slots.flatMap((s) => s.files.map((f) => ({ ...f, status: s.status }))));
    const huge = files.filter((f) => path.basename(f.path) === 'huge.json');
    expect(huge).toHaveLength(2);
    for (const f of huge) {
      expect(f.bytes).toBeGreaterThanOrEqual(HUGE_EXPORT_BYTES);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.status).not.toBe('error');
    }
  }, 180_000);

  it('a limit reached is never a pass, and the run that reaches it stays within 256 MiB', async () => {
    const big = await runCase(byInput('an export whose outer structure is over 32 MiB (a 34 MiB note), breaking the schema there'));
    expect(big.peakRss!).toBeLessThan(256 * 1024 * 1024);
    const many = await runCase(byInput('a report with 200,000 requirements, given to replay or diff'));
    expect(many.peakRss!).toBeLessThan(256 * 1024 * 1024);
    const padded = await runCase(byInput('an export padded past the cap on distinct places (a 25,000-key object), its correspondents gone'));
    for (const o of [big, padded]) {
      expect(o.report!.verdict).toBe('fail');
      expect(o.report!.requirements.find((r) => r.id === 'PORT 1')!.status).toBe('error');
    }
  }, 120_000);

  it('a bag manifest of 500,000 missing files prints 100 of them and a count, not half a million lines', async () => {
    const o = await runCase(byInput('a bag manifest of 500,000 lines, each a missing file: the first 100 problems, and a count'));
    const lines = o.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Bag bag: not valid: 500002 problems');
    expect(lines.filter((l) => l.startsWith('  ✖ '))).toHaveLength(100);
    expect(lines.length).toBeLessThan(110);
  }, 60_000);

  it('the bearer token a server echoes, in any encoding, reaches neither the output nor report.json', async () => {
    const o = await runCase(byInput('a FHIR server echoing the bearer token percent-encoded, in base64, base64url, hex and reversed'));
    const everything = `${o.stdout}${o.stderr}${JSON.stringify(o.report)}`;
    expect(everything).toContain('[redacted]');
    for (const form of tokenForms(ECHOED_TOKEN)) expect(everything).not.toContain(form);
  });

  it('a file gone between listing and reading makes its slot `error`, never a pass', async () => {
    const o = await runCase(byInput('an evidence file that disappears between listing and reading'));
    const port1 = o.report!.requirements.find((r) => r.id === 'PORT 1')!;
    expect(port1.status).toBe('error');
    expect(port1.slots.find((s) => s.name === 'export-sample')!.status).toBe('error');
    expect(o.report!.verdict).toBe('fail');
  });
});

describe('special files as evidence are never read', () => {
  it('a device file (a socket when this user may not create devices)', async () => {
    const o = await runCase({
      input: 'a device file as evidence',
      prepare: async (dir) => {
        const file = path.join(dir, 'evidence', 'ieu7', 'device.png');
        if (!makeDevice(file)) (await makeSocket(file)).unref();
        writeFileSync(path.join(dir, 'dmn-evidence.yaml'), readFileSync(path.join(dir, 'dmn-evidence.yaml'), 'utf8').replace('evidence/ieu7/ins-login.png', 'evidence/ieu7/device.png'));
      },
      exit: 1,
      finding: 'file.not-regular',
      says: /^/,
    });
    expect(o.code).toBe(1);
    expect(o.says).toMatch(process.getuid?.() === 0 ? /^IEU 7 ins-login-demo: failed — evidence\/ieu7\/device\.png is a device, not a regular file\.$/ : /is a (device|socket), not a regular file\.$/);
  });
});

describe('the new messages exist in French', () => {
  it.each([
    ['YAML alias bomb ("billion laughs")', /^dmn-check\u00a0: erreur\u00a0: alias-bomb\.yaml:5:8 YAML invalide\u00a0: .* Les alias ne peuvent pas produire plus de 100 nœuds\.$/],
    ['10,000-deep flow nesting (`a: [[[[…]]]]`)', /^dmn-check\u00a0: erreur\u00a0: deep-flow\.yaml:1:67 est imbriqué sur plus de 64 niveaux\. Manifestes et référentiels n’ont besoin que de quelques niveaux/],
    ['duplicate keys', /^dmn-check\u00a0: erreur\u00a0: duplicate-keys\.yaml:9:3 YAML invalide\u00a0: clé "patient_access" en double \(déjà ligne 8\)/],
    ['a PDF given as the manifest', /^dmn-check\u00a0: erreur\u00a0: statement\.pdf:1:1 est un document PDF, pas un fichier YAML\. Est-ce le bon fichier \?/],
    ['a FIFO given as the manifest (nobody writes to it)', /^dmn-check\u00a0: erreur\u00a0: pipe\.yaml est un tube nommé \(FIFO\), pas un fichier ordinaire\./],
    ['a manifest over 8 MiB', /^dmn-check\u00a0: erreur\u00a0: too-big\.yaml fait 8388609 octets ; un fichier YAML ne peut dépasser 8388608 octets\. Un manifeste désigne les preuves par leur chemin/],
    ['a NUL byte in an evidence path', /chemin "evidence\/ieu7\/ins-login\.png\\u0000\.txt" contient un caractère NUL\. Un nom de fichier ne peut contenir NUL/],
    ['several YAML documents (`---`)', /YAML invalide\u00a0: un second document commence ici/],
  ] as const)('%s', async (input, french) => {
    const c = byInput(input);
    const o = await runCase({ ...c, input: `${input} (fr)`, prepare: async (dir) => ({ ...((await c.prepare!(dir)) ?? {}), args: ['--lang', 'fr'] }) });
    expect(o.code).toBe(2);
    expect(o.stderr.split('\n')[0]).toMatch(french);
  });

  it('so does the count of problems not shown', async () => {
    const o = await runCase({
      input: '250 unknown facts (fr)',
      prepare: (dir) => {
        const manifest = path.join(dir, 'dmn-evidence.yaml');
        writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('facts:\n', `facts:\n${Array.from({ length: 250 }, (_, i) => `  fait_inconnu_${i}: true\n`).join('')}`));
        return { args: ['--lang', 'fr'] };
      },
      exit: 2,
      says: /^/,
    });
    expect(o.stderr.trim().split('\n').pop()).toBe('dmn-check\u00a0: erreur\u00a0: dmn-evidence.yaml … et 150 autres problèmes, non affichés. Corrigez les problèmes ci-dessus et relancez.');
  });
});

describe('many files under a low limit of open files', () => {
  it('3,000 evidence files are opened and hashed under `ulimit -n 64`: no EMFILE, nothing in error', async () => {
    const s = scratch('dmn-hostile-fd-');
    try {
      const built = buildScaleDossier(s.dir, 3000) as { manifest: string; files: number };
      const out = path.join(s.dir, 'report.json');
      const r = await runMeasured(['check', built.manifest, '--as-of', '2026-11-29', '--format', 'json', '--output', out], { cwd: s.dir, maxOpenFiles: 64 });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      const files = report.requirements.flatMap((q) => q.slots.flatMap((sl) => sl.files));
      expect(files).toHaveLength(built.files);
      expect(files.filter((f) => !/^[0-9a-f]{64}$/.test(f.sha256 ?? ''))).toEqual([]);
      expect(JSON.stringify(report)).not.toMatch(/EMFILE/);
      expect(report.summary.error).toBe(0);
    } finally {
      s.done();
    }
  }, 120_000);
});

/** One table row per case that is not a variant, from the real run. */
async function table(): Promise<string> {
  const code = (s: string): string => `\`\` ${s.replace(/\|/g, '\\|')} \`\``;
  const rows: string[] = [];
  for (const c of CASES.filter((x) => !x.variant)) {
    const o = await runCase(c);
    rows.push(`| ${c.input.replace(/\|/g, '\\|')} | ${o.code} | ${code(o.says)} |`);
  }
  return [
    '<!-- Kept true by test/e2e/hostile/bad-input.test.ts, which runs every row; `npx vitest run test/e2e/hostile -u` rewrites it. -->',
    '| Input | Exit code | What dmn-check says (`--lang en`; French with `--lang fr`) |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

describe('the README table "What dmn-check does with bad input"', () => {
  it('matches what real runs say (test/e2e/hostile/bad-input-table.md)', async () => {
    await expect(await table()).toMatchFileSnapshot('./bad-input-table.md');
  }, 300_000);
});
