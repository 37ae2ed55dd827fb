import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseYamlText, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { UserInputError, type InputProblem } from '../../../src/diagnostics/user-input-error.js';
import { confinePath } from '../../../src/evidence/evidence-file.js';
import { KINDS } from '../../../src/evidence/kinds.js';
import { sniff } from '../../../src/evidence/sniff.js';
import { FORMATTERS } from '../../../src/formatters/registry.js';
import { checkMatricule, matriculeKey, normaliseMatricule } from '../../../src/checks/ins/nir.js';
import { loadManifest } from '../../../src/manifest/load.js';
import { DEFAULT_RULESET, loadRuleset } from '../../../src/ruleset/load.js';
import { copyDossier, DOSSIERS, runCli, scratch } from '../../support/run-cli.js';
import { maskMatricule } from '../../../src/util/redact.js';

const RUNS = 150;
const work = scratch('dmn-hostile-prop-');
afterAll(work.done);
const ruleset = loadRuleset(DEFAULT_RULESET);

/** The "… and N more problem(s)" line that closes a long list: the one problem without a place. */
const isSummary = (p: InputProblem): boolean => p.message.en.startsWith('… and ');

/**
 * The loaders' contract: a value, or a UserInputError whose every problem names the file, a line
 * and a column (the YAML parsed, or its bytes were looked at), and words it in both languages.
 */
function expectLoadedOrPositioned(load: () => unknown, file: string): void {
  let err: unknown;
  try {
    load();
    return;
  } catch (e) {
    err = e;
  }
  if (!(err instanceof UserInputError)) throw new Error(`not a UserInputError: ${String((err as Error)?.stack ?? err)}`);
  expect(err.problems.length).toBeGreaterThan(0);
  for (const p of err.problems) {
    expect(p.file).toBe(file);
    if (!isSummary(p)) {
      expect(p.line, p.message.en).toBeGreaterThanOrEqual(1);
      expect(p.column, p.message.en).toBeGreaterThanOrEqual(1);
    }
    for (const text of [p.message.en, p.message.fr, p.hint?.en ?? 'x', p.hint?.fr ?? 'x']) {
      expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
      expect(text.length).toBeGreaterThan(0);
    }
  }
}

let counter = 0;
function fileWith(content: string | Uint8Array, ext = 'yaml'): string {
  const name = `case-${++counter}.${ext}`;
  writeFileSync(path.join(work.dir, name), content);
  return name;
}

// ---- arbitraries

const FACTS = ruleset.facts.map((f) => f.name);
const IDS = ruleset.requirements.flatMap((r) => [r.id, r.id.toLowerCase().replace(' ', '-'), ...r.scenarios.map((s) => s.id)]);
const SLOTS = ruleset.requirements.flatMap((r) => r.slots.map((s) => s.name));
const YAML_NOISE = [...'[]{}:,-?|>!&*#%@`\'"\\\n\t ~.', '\u0000', '\ufeff', '\r\n', '---', '...', '<<', '!!str', '!!js/function', '&a', '*a', '__proto__', 'constructor'];

/** Scalars YAML may turn into anything: numbers, dates, nulls, booleans, special floats. */
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom('yes', 'no', 'on', 'null', '~', '.inf', '-.nan', '0x1F', '1e400', '2026-02-30', '2026-10-02', '12:30:00', ''),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...FACTS, ...IDS, ...SLOTS, '__proto__', 'constructor', 'prototype', 'toString', 'path', 'sha256', 'fhir', 'dmn-evidence', 'product'));

/** Any YAML-able structure, a few levels deep. */
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 5 })),
}));

const pathish = fc.oneof(
  fc.string(),
  fc.constantFrom('evidence/ieu7/ins-login.png', '..', '../../x', 'a/../../x', '/etc/passwd', 'C:\\x', '\\\\srv\\s', 'a\u0000b', '.', '../../hostile/', 'evidence/', '~/x'),
  fc.array(fc.constantFrom('..', '.', 'evidence', 'ieu7', 'x.png', '', '\\', 'é'), { maxLength: 6 }).map((p) => p.join('/')),
);
const evidenceItem = fc.oneof(pathish, fc.record({ path: pathish, sha256: fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{64}$/)) }, { requiredKeys: ['path'] }), fc.record({ fhir: fc.string(), token_env: fc.string() }, { requiredKeys: [] }));

/** Manifests shaped like the real thing, with values that are often wrong. */
const shapedManifest = fc.record(
  {
    'dmn-evidence': fc.oneof(fc.constant(1), scalar),
    product: fc.oneof(fc.record({ name: scalar, version: scalar, manufacturer: scalar }, { requiredKeys: [] }), tree),
    ruleset: fc.oneof(fc.constant('ans-dmn@1.2.2'), fc.string()),
    facts: fc.dictionary(fc.oneof(fc.constantFrom(...FACTS), key), scalar, { maxKeys: 6 }),
    evidence: fc.dictionary(fc.oneof(fc.constantFrom(...IDS), key), fc.dictionary(fc.oneof(fc.constantFrom(...SLOTS), key), fc.oneof(evidenceItem, fc.array(evidenceItem, { maxLength: 3 }), tree), { maxKeys: 4 }), { maxKeys: 4 }),
    statements: fc.dictionary(fc.oneof(fc.constantFrom(...IDS), key), fc.oneof(fc.record({ justification: scalar, signatory: fc.record({ name: scalar, role: scalar }, { requiredKeys: [] }), signed_on: scalar, expires_on: scalar, document: pathish }, { requiredKeys: [] }), tree), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);

/** Text edits of a real manifest: cut, insert noise, duplicate or swap lines. */
function mutatedText(base: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.tuple(fc.constant('cut' as const), fc.nat(), fc.nat({ max: 40 })),
    fc.tuple(fc.constant('insert' as const), fc.nat(), fc.array(fc.oneof(fc.constantFrom(...YAML_NOISE), fc.string({ maxLength: 3 })), { maxLength: 6 }).map((a) => a.join(''))),
    fc.tuple(fc.constant('line' as const), fc.nat(), fc.nat()),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let s = base;
    for (const e of edits) {
      if (e[0] === 'cut') {
        const at = e[1] % (s.length + 1);
        s = s.slice(0, at) + s.slice(at + e[2]);
      } else if (e[0] === 'insert') {
        const at = e[1] % (s.length + 1);
        s = s.slice(0, at) + e[2] + s.slice(at);
      } else {
        const lines = s.split('\n');
        const a = e[1] % lines.length;
        const b = e[2] % lines.length;
        lines.splice(b, 0, lines[a]!);
        s = lines.join('\n');
      }
    }
    return s;
  });
}

const COMPLETE = readFileSync(path.join(DOSSIERS, 'complete', 'dmn-evidence.yaml'), 'utf8');
const RULES_TEXT = readFileSync(DEFAULT_RULESET, 'utf8');

function yamlText(v: unknown): string {
  try {
    return stringify(v, { aliasDuplicateObjects: false });
  } catch {
    return String(v);
  }
}

describe('loadManifest: a manifest, or a UserInputError with positions — never another exception', () => {
  it.each([
    ['shaped like a manifest', shapedManifest.map(yamlText)],
    ['any YAML structure', tree.map(yamlText)],
    ['YAML-looking noise', fc.array(fc.oneof(fc.constantFrom(...YAML_NOISE), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((a) => a.join(''))],
    ['the example manifest, edited at random', mutatedText(COMPLETE)],
  ] as const)('%s', (_, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const file = fileWith(text);
        expectLoadedOrPositioned(() => loadManifest(file, ruleset, work.dir), file);
      }),
      { numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const file = fileWith(bytes);
        expectLoadedOrPositioned(() => loadManifest(file, ruleset, work.dir), file);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('loadRuleset: a ruleset, or a UserInputError with positions — never another exception', () => {
  const base = parseYamlText(RULES_TEXT) as Record<string, unknown>;

  /** The bundled ruleset with one value somewhere replaced, removed, or given a sibling key. */
  const mutatedRuleset = fc
    .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), fc.constantFrom('replace', 'delete', 'add'), tree, key)
    .map(([steps, op, value, name]) => {
      const copy = structuredClone(base);
      let parent: Record<string, unknown> | unknown[] = copy;
      let k: string | number = Object.keys(copy)[0]!;
      for (const step of steps) {
        const child = (parent as Record<string | number, unknown>)[k];
        if (child === null || typeof child !== 'object') break;
        const keys: (string | number)[] = Array.isArray(child) ? child.map((_, i) => i) : Object.keys(child);
        if (keys.length === 0) break;
        parent = child as Record<string, unknown>;
        k = keys[step % keys.length]!;
      }
      const target = parent as Record<string | number, unknown>;
      if (op === 'replace') target[k] = value;
      else if (op === 'delete' && Array.isArray(parent)) parent.splice(Number(k), 1);
      else if (op === 'delete') delete target[k];
      else if (!Array.isArray(parent)) target[name] = value;
      return yamlText(copy);
    });

  it.each([
    ['the bundled ruleset, one value changed', mutatedRuleset],
    ['the bundled ruleset, edited as text', mutatedText(RULES_TEXT)],
    ['any YAML structure', tree.map(yamlText)],
  ] as const)('%s', (_, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const file = fileWith(text);
        expectLoadedOrPositioned(() => loadRuleset(file, { cwd: work.dir }), file);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('evidence paths and content', () => {
  it('confinePath never gives a path that leaves the folder', () => {
    const root = '/dossier';
    fc.assert(
      fc.property(pathish, (p) => {
        const r = confinePath(p);
        if (r === undefined) return;
        expect(r).not.toMatch(/\u0000/);
        expect(path.posix.isAbsolute(r)).toBe(false);
        const abs = path.posix.resolve(root, r);
        expect(abs === root || abs.startsWith(`${root}/`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('sniff gives a known kind for any bytes and name, and never throws', () => {
    const prefixes = fc.constantFrom('', '{', '[', '<', 'MSH|', '%PDF-', '\ufeff', '-- MySQL dump', 'PK\u0003\u0004', '\u0089PNG\r\n\u001a\n', 'RIFF');
    fc.assert(
      fc.property(prefixes, fc.uint8Array({ maxLength: 2000 }), fc.string(), fc.nat({ max: 1_000_000 }), (prefix, bytes, name, extra) => {
        const head = Buffer.concat([Buffer.from(prefix, 'latin1'), bytes]);
        expect(Object.keys(KINDS)).toContain(sniff(head, head.length + (extra % 2 ? extra : 0), name));
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- matricules INS

const DIGITS = (n: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** The first 13 characters of a matricule: first digit, year, month, department (with 2A/2B), commune, order. */
const first13With = (firstDigits: string[]): fc.Arbitrary<string> => fc
  .tuple(
    fc.constantFrom(...firstDigits),
    DIGITS(2),
    fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 20, max: 42 }), fc.integer({ min: 50, max: 99 })).map((m) => String(m).padStart(2, '0')),
    fc.oneof(fc.integer({ min: 1, max: 99 }).map((d) => String(d).padStart(2, '0')), fc.constantFrom('2A', '2B')),
    DIGITS(6),
  )
  .map((parts) => parts.join(''));
/** A NIR or NIA starts with 1 or 2 (CNAM NirValidator). */
const first13 = first13With(['1', '2']);

describe('NIR key', () => {
  it('round-trips: the computed key is accepted, any other key is refused as a key error', () => {
    fc.assert(
      fc.property(first13, fc.integer({ min: 0, max: 99 }), (head, other) => {
        const key = matriculeKey(head)!;
        expect(key).toBeGreaterThanOrEqual(1);
        expect(key).toBeLessThanOrEqual(97);
        const good = `${head}${String(key).padStart(2, '0')}`;
        expect(checkMatricule(good)).toEqual({ ok: true, value: good });
        // spaces as people type them do not change the verdict
        expect(checkMatricule(good.replace(/^(.)(..)(..)(..)(...)(...)(..)$/, '$1 $2 $3 $4 $5 $6 $7')).ok).toBe(true);
        expect(normaliseMatricule(` ${good.slice(0, 7)} ${good.slice(7)} `)).toBe(good.toUpperCase());
        if (other !== key) {
          const bad = `${head}${String(other).padStart(2, '0')}`;
          expect(checkMatricule(bad)).toMatchObject({ ok: false, problem: 'key' });
        }
        const masked = maskMatricule(good);
        expect(masked.replace(/\s/g, '')).not.toContain(good);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses 7/8 (provisional numbers, NNP) and 3/4 whatever the key', () => {
    fc.assert(
      fc.property(first13With(['3', '4', '7', '8']), (head) => {
        const good = `${head}${String(matriculeKey(head)!).padStart(2, '0')}`;
        expect(checkMatricule(good)).toMatchObject({ ok: false, problem: '78'.includes(head[0]!) ? 'provisional' : 'sex' });
      }),
      { numRuns: 500 },
    );
  });
});

/** A 15-digit matricule (key right or wrong), never one the fixtures hold. */
const matricule = fc.tuple(first13.filter((h) => /^\d+$/.test(h)), fc.integer({ min: 0, max: 99 }), fc.boolean()).map(([head, other, right]) => `${head}${String(right ? matriculeKey(head)! : other).padStart(2, '0')}`);

/** Every registered format of a `check` run, rendered to files in one go, plus what went to the terminal. */
async function allFormats(dir: string, manifest: string, lang: 'en' | 'fr'): Promise<Map<string, string>> {
  const outDir = path.join(dir, `out-${lang}`);
  mkdirSync(outDir, { recursive: true });
  const names = [...FORMATTERS.keys()];
  const args = names.flatMap((n) => ['--format', n, '--output', path.join(outDir, `report.${n}`)]);
  const run = await runCli(['check', manifest, '--as-of', '2026-11-29', '--lang', lang, ...args], { cwd: dir });
  expect(run.code, run.stderr).not.toBe(2);
  const out = new Map<string, string>([['terminal', run.stdout + run.stderr]]);
  for (const n of names) out.set(n, readFileSync(path.join(outDir, `report.${n}`), 'utf8'));
  return out;
}

describe('masking: no 15-digit matricule from the evidence survives any formatter', () => {
  it('a random matricule in the creation flow (PID-3) and in the export is in no output, in either language', async () => {
    const d = copyDossier('complete');
    try {
      const flowFile = path.join(d.dir, 'evidence', 'ieu8', 'creation-a28.hl7');
      const exportFile = path.join(d.dir, 'evidence', 'port1', 'export.json');
      const flow = readFileSync(flowFile, 'latin1');
      const exported = readFileSync(exportFile, 'utf8');
      const fixtureMatricule = /~(\d{15})\^\^\^ASIP-SANTE-INS-NIR/.exec(flow)![1]!;
      await fc.assert(
        fc.asyncProperty(matricule, fc.constantFrom('en' as const, 'fr' as const), async (m, lang) => {
          writeFileSync(flowFile, flow.replaceAll(fixtureMatricule, m), 'latin1');
          writeFileSync(exportFile, exported.replace('"insOid"', `"matriculeIns": "${m}", "nir": "${m.slice(0, 13)} ${m.slice(13)}", "insOid"`));
          for (const [format, text] of await allFormats(d.dir, 'dmn-evidence.yaml', lang)) {
            expect(text, `${format} shows ${m}`).not.toContain(m);
            expect(text.replace(/[\s\u00a0]/g, ''), `${format} shows ${m} with spaces`).not.toContain(m);
          }
        }),
        { numRuns: 20 },
      );
    } finally {
      d.done();
    }
  }, 120_000);
});
