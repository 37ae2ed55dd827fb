import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { BUILTIN_CHECKS, catalogOf, createRegistry } from '../checks/registry.js';
import type { AnyCheck } from '../checks/types.js';
import { KINDS } from '../evidence/kinds.js';
import type { FactValue, Finding, Report, Status, Localized } from '../report/report.js';
import { loadRuleset } from '../ruleset/load.js';
import type { Ruleset } from '../ruleset/types.js';
import { checkDossier } from './check-dossier.js';

/** One case for a check: a slot's files and the check's options, run as a one-requirement dossier. */
export interface CheckCase {
  /** What the case shows, for the test's title. */
  name: string;
  /** The slot's evidence files: file name → content. */
  files: Readonly<Record<string, string | Uint8Array>>;
  /** The check's `options` in the ruleset (omitted: none). */
  options?: unknown;
  /** Kinds or groups the slot accepts (default: every kind, so the check sees the file). */
  accepts?: readonly string[];
  /** Facts of the dossier (the ruleset declares them as strings, booleans or numbers). */
  facts?: Readonly<Record<string, FactValue>>;
  /** `--as-of` (default 2026-11-29). */
  asOf?: string;
  lang?: 'en' | 'fr';
}

/** A case whose slot passes; `codes` lists the warnings and infos expected (default: none). */
export interface ValidCase extends CheckCase {
  codes?: readonly string[];
}

/** A case whose slot does not pass: the status and every finding code expected, in order. */
export interface InvalidCase extends CheckCase {
  status: Exclude<Status, 'satisfied' | 'not_applicable'>;
  codes: readonly string[];
}

/** The outcome of one case. */
export interface CaseOutcome {
  status: Status;
  /** The requirement's findings, worded. */
  findings: readonly Finding[];
  report: Report;
}

const REQUIREMENT = 'TEST 1';
const SLOT = 'evidence';
const ALL_KINDS = Object.keys(KINDS);

function rulesetYaml(check: AnyCheck, c: Pick<CheckCase, 'options' | 'accepts' | 'facts'>): string {
  const L = (t: string): Localized => ({ en: t, fr: t });
  const facts = Object.fromEntries(Object.entries(c.facts ?? {}).map(([name, v]) => [name, { type: typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : 'string', question: L(name) }]));
  return stringify({
    'dmn-ruleset': 1,
    id: 'check-tester',
    version: '1',
    title: L(`check ${check.name}`),
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
    requirements: [
      {
        id: REQUIREMENT,
        section: 'TEST',
        title: L('the check under test'),
        statement: L('the check under test'),
        slots: [
          {
            name: SLOT,
            title: L('evidence'),
            expects: L('evidence'),
            accepts: [...(c.accepts ?? ALL_KINDS)],
            checks: [c.options === undefined ? { check: check.name } : { check: check.name, options: c.options }],
          },
        ],
      },
    ],
  });
}

function registryWith(check: AnyCheck): ReturnType<typeof createRegistry> {
  return createRegistry(BUILTIN_CHECKS.some((c) => c === check) ? BUILTIN_CHECKS : [...BUILTIN_CHECKS, check]);
}

/**
 * Loads a one-requirement ruleset that uses `check` with `options`, through the real ruleset
 * loader: bad options are refused there, with their YAML position (a `UserInputError`).
 */
export function loadCheckRuleset(check: AnyCheck, options?: unknown): Ruleset {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-check-tester-'));
  try {
    const file = path.join(dir, 'rules.yaml');
    writeFileSync(file, rulesetYaml(check, { options }));
    return loadRuleset(file, { cwd: dir, registry: registryWith(check) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs one case as the CLI would: a ruleset and a manifest written to a scratch folder, the files
 * beside them, loaded, opened and evaluated by the real pipeline.
 */
export async function runCheckCase(check: AnyCheck, c: CheckCase): Promise<CaseOutcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dmn-check-tester-'));
  try {
    writeFileSync(path.join(dir, 'rules.yaml'), rulesetYaml(check, c));
    const names = Object.keys(c.files);
    for (const [name, content] of Object.entries(c.files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    writeFileSync(
      path.join(dir, 'dmn-evidence.yaml'),
      stringify({
        'dmn-evidence': 1,
        product: { name: 'Tester', version: '1', manufacturer: 'Tester' },
        ...(c.facts ? { facts: c.facts } : {}),
        evidence: { [REQUIREMENT]: { [SLOT]: names } },
      }),
    );
    const registry = registryWith(check);
    const ruleset = loadRuleset('rules.yaml', { cwd: dir, registry });
    const report = await checkDossier({
      manifest: 'dmn-evidence.yaml',
      rules: ruleset,
      registry,
      cwd: dir,
      env: {},
      offline: true,
      asOf: c.asOf ?? '2026-11-29',
      lang: c.lang ?? 'en',
      generatedAt: '2026-11-29T00:00:00Z',
    });
    const req = report.requirements[0]!;
    return { status: req.status, findings: req.findings, report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The test functions the tester needs (vitest's, or any runner's with the same shape). */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void, timeout?: number): void;
  expect: (value: unknown) => { toEqual(expected: unknown): void };
}

/**
 * ESLint's RuleTester, for dmn-check checks: every `valid` case must pass with exactly its expected
 * warning/info codes, every `invalid` case must end in its status with exactly its codes, every
 * code a case emits must be worded (by the check's `messages` or the core catalogue: an unworded
 * one would print as a bare code), and every `badOptions` entry must be refused by the ruleset loader.
 */
export function testCheck(
  check: AnyCheck,
  cases: { valid?: readonly ValidCase[]; invalid?: readonly InvalidCase[]; badOptions?: readonly { name: string; options: unknown }[] },
  t: TestApi,
): void {
  const catalog = catalogOf(registryWith(check));
  const unworded = (out: CaseOutcome): string[] => out.findings.map((f) => f.code).filter((code) => !Object.hasOwn(catalog, code));
  t.describe(`check ${check.name}`, () => {
    for (const c of cases.valid ?? []) {
      t.it(`valid: ${c.name}`, async () => {
        const out = await runCheckCase(check, c);
        t.expect({ status: out.status, codes: out.findings.map((f) => f.code), unworded: unworded(out) }).toEqual({ status: 'satisfied', codes: [...(c.codes ?? [])], unworded: [] });
      }, 60_000);
    }
    for (const c of cases.invalid ?? []) {
      t.it(`invalid: ${c.name}`, async () => {
        const out = await runCheckCase(check, c);
        t.expect({ status: out.status, codes: out.findings.map((f) => f.code), unworded: unworded(out) }).toEqual({ status: c.status, codes: [...c.codes], unworded: [] });
      }, 60_000);
    }
    for (const b of cases.badOptions ?? []) {
      t.it(`bad options: ${b.name}`, () => {
        let refused: unknown;
        try {
          loadCheckRuleset(check, b.options);
        } catch (err) {
          refused = err;
        }
        t.expect((refused as { name?: string } | undefined)?.name).toEqual('UserInputError');
      });
    }
  });
}
