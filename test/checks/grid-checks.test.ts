import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { durationSeconds } from '../../src/checks/auth/config.js';
import { idleTimeout } from '../../src/checks/auth/idle-timeout.js';
import { authorizationRequests, oidcAcrValues } from '../../src/checks/auth/oidc-acr-values.js';
import { passwordPolicy, policyBits, readPolicy } from '../../src/checks/auth/password-policy.js';
import { gazelleReport } from '../../src/checks/ins/gazelle-report.js';
import { createRegistry } from '../../src/checks/registry.js';
import type { AnyCheck, CheckResult } from '../../src/checks/types.js';
import { createAjv } from '../../src/diagnostics/ajv.js';
import { openEvidenceFile, type EvidenceFile } from '../../src/evidence/evidence-file.js';
import { CATALOG, word } from '../../src/i18n/index.js';
import { runCli, scratch } from '../support/run-cli.js';

const GRID = realpathSync(new URL('../../fixtures/grid', import.meta.url).pathname);

async function open(name: string, root = GRID): Promise<EvidenceFile> {
  const r = await openEvidenceFile(root, name);
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r.file;
}
async function run(check: AnyCheck, names: string[], options: Record<string, unknown>, root = GRID): Promise<CheckResult> {
  const files = await Promise.all(names.map((n) => open(n, root)));
  return check.run({ requirement: 'X 1', slot: 'slot', files, options, facts: {}, asOf: '2026-11-29', provided: new Set() });
}
const errors = (r: CheckResult): string[] => r.findings.filter((f) => f.severity === 'error').map((f) => f.code);
const infos = (r: CheckResult): string[] => r.findings.filter((f) => f.severity === 'info').map((f) => f.code);

type Row = [file: string, errors: string[], info?: string];

const INS_45_1 = { tests: ['CI-SIS-HL7V2-Cons_identite_INS', 'CI-SIS-HL7V2-Cons_id_INS_manuel'] };
const INS_45_2 = { tests: ['CI-SIS-HL7V2-Cons_identite', 'CI-SIS-HL7V2-Cons_identit_manuel'] };

describe('gazelle-report (INS 45)', () => {
  it.each<Row>([
    ['gazelle/cons-identite-ins-passed.xml', [], 'gazelle.passed'],
    ['gazelle/cons-identite-ins-failed.xml', ['gazelle.not-passed']],
    ['gazelle/passed-with-errors.xml', ['gazelle.errors']],
    ['gazelle/cons-del-ins-passed.xml', ['gazelle.wrong-test']],
    ['gazelle/cons-identite-passed.xml', ['gazelle.wrong-test']],
    ['gazelle/no-namespace.xml', ['gazelle.not-a-report']],
    ['gazelle/malformed.xml', ['gazelle.malformed']],
    ['gazelle/permalink.txt', ['gazelle.not-xml']],
  ])('45.1: %s → %j', async (file, expected, info) => {
    const r = await run(gazelleReport, [file], INS_45_1);
    expect(errors(r)).toEqual(expected);
    if (info) expect(infos(r)).toEqual([info]);
  });

  it('a test name is matched whole: a Cons_identite_INS report is not a Cons_identite report', async () => {
    expect(errors(await run(gazelleReport, ['gazelle/cons-identite-ins-passed.xml'], INS_45_2))).toEqual(['gazelle.wrong-test']);
    expect(errors(await run(gazelleReport, ['gazelle/cons-identite-passed.xml'], INS_45_2))).toEqual([]);
  });

  it('the passed finding names the test and the validator, in both languages', async () => {
    const f = (await run(gazelleReport, ['gazelle/cons-identite-ins-passed.xml'], INS_45_1)).findings[0]!;
    expect(word(f.code, f.params ?? {}, 'en').message).toBe('Gazelle validation report: PASSED, no error, test CI-SIS-HL7V2-Cons_identite_INS (validator 2.16.840.1.113883.2.8.3.1.1).');
    expect(word(f.code, f.params ?? {}, 'fr').message).toMatch(/^Rapport de validation Gazelle : PASSED, sans erreur/);
  });
});

describe('oidc-acr-values (PSC 6)', () => {
  const PSC = { accept: ['eidas1'] };
  it.each<Row>([
    ['acr/psc-login.har', [], 'acr.found'],
    ['acr/authorize-url.txt', [], 'acr.found'],
    ['acr/oidc-client.json', [], 'acr.found'],
    ['acr/psc-login-no-acr.har', ['acr.absent']],
    ['acr/psc-login-eidas2.har', ['acr.wrong']],
    ['acr/no-acr-config.json', ['acr.none-found']],
  ])('%s → %j', async (file, expected, info) => {
    const r = await run(oidcAcrValues, [file], PSC);
    expect(errors(r)).toEqual(expected);
    if (info) expect(infos(r)).toEqual([info]);
  });

  it('finds authorize URLs by response_type and client_id, and reports the host, not the query', async () => {
    expect(authorizationRequests('see https://idp.test/auth?response_type=code&client_id=a&acr_values=eidas1%20eidas2 and https://idp.test/other?x=1')).toEqual([{ from: 'request', where: 'idp.test', values: ['eidas1', 'eidas2'] }]);
    const f = (await run(oidcAcrValues, ['acr/psc-login-eidas2.har'], PSC)).findings[0]!;
    const m = word(f.code, f.params ?? {}, 'en').message;
    expect(m).toBe('wallet.bas.psc.esante.gouv.fr: acr_values is "eidas2", expected eidas1.');
    expect(m).not.toMatch(/state|nonce|client_id/);
  });

  it('a HAR with thousands of bad requests gives at most five findings', async () => {
    const s = scratch();
    try {
      const entries = Array.from({ length: 2000 }, (_, i) => ({ request: { method: 'GET', url: `https://idp.test/auth?response_type=code&client_id=c&state=${i}` } }));
      writeFileSync(path.join(s.dir, 'big.har'), JSON.stringify({ log: { entries } }));
      expect(errors(await run(oidcAcrValues, ['big.har'], PSC, realpathSync(s.dir)))).toHaveLength(5);
    } finally {
      s.done();
    }
  });
});

describe('password-policy (IEU 10 / IEPS 9)', () => {
  const IEPS = { min_length: 8, min_classes: 3 };
  const IEU = { min_length: 8, min_classes: 1 };
  it.each<[string, Record<string, unknown>, string[]]>([
    ['password/keycloak-realm-pro.json', IEPS, []],
    ['password/keycloak-weak.json', IEPS, ['password.too-short', 'password.few-classes', 'password.no-lockout']],
    ['password/patients.yaml', IEU, []],
    ['password/patients.yaml', IEPS, ['password.few-classes']],
    ['password/cognito-patients.json', IEU, ['password.no-lockout']],
    ['password/cognito-patients.json', { ...IEU, require_lockout: false }, []],
    ['idle/no-timeout.json', IEU, ['password.no-length', 'password.few-classes', 'password.no-lockout']],
    ['password/broken.yaml', IEU, ['config.unparsable']],
  ])('%s with %j → %j', async (file, options, expected) => {
    expect(errors(await run(passwordPolicy, [file], options))).toEqual(expected);
  });

  it('reads the dialects and reports the strength in bits', () => {
    const kc = readPolicy({ passwordPolicy: 'length(12) and upperCase(1) and lowerCase(2) and digits(0)', bruteForceProtected: true, failureFactor: 5 });
    expect([kc.minLength, [...kc.classes].sort(), kc.lockoutAfter, kc.lockoutEnabled]).toEqual([12, ['lower', 'upper'], 5, true]);
    expect(policyBits(kc)).toBe(68.4);
    expect(policyBits(readPolicy({ min_length: 8, character_classes: ['digit'] }))).toBe(26.6);
    expect(policyBits(readPolicy({ min_length: 8, require_upper: true, require_lower: true, require_digit: true }))).toBe(47.6);
  });
});

describe('idle-timeout (IEU 12 / IEPS 13)', () => {
  it.each<[string, Record<string, unknown>, string[], number?]>([
    ['idle/keycloak-realm-pro.json', {}, [], 1800],
    ['idle/app-settings.yaml', {}, [], 900],
    ['idle/iso-duration.yaml', {}, [], 1800],
    ['idle/no-timeout.json', {}, ['idle-timeout.absent']],
    ['idle/disabled.yaml', {}, ['idle-timeout.disabled']],
    ['idle/keycloak-realm-pro.json', { max_seconds: 900 }, ['idle-timeout.too-long']],
  ])('%s with %j → %j', async (file, options, expected, seconds) => {
    const r = await run(idleTimeout, [file], options);
    expect(errors(r)).toEqual(expected);
    if (seconds !== undefined) expect(r.findings[0]!.params?.seconds).toBe(seconds);
  });

  it('reads durations', () => {
    expect([durationSeconds(60), durationSeconds('90'), durationSeconds('15m'), durationSeconds('2h'), durationSeconds('PT1H30M'), durationSeconds('P1D'), durationSeconds('soon'), durationSeconds('PT')]).toEqual([60, 90, 900, 7200, 5400, 86400, undefined, undefined]);
  });
});

describe('registration, options and wording', () => {
  it('registers the four checks with schemas that refuse bad options', () => {
    const registry = createRegistry();
    const ajv = createAjv();
    const cases: [string, object, object][] = [
      ['gazelle-report', { tests: ['T'] }, { tests: [] }],
      ['oidc-acr-values', { accept: ['eidas1'] }, { accept: 'eidas1' }],
      ['password-policy', { min_length: 8, min_classes: 3 }, { min_length: 8, min_classes: 5 }],
      ['idle-timeout', {}, { max_seconds: 0 }],
    ];
    for (const [name, good, bad] of cases) {
      const validate = ajv.compile(registry.get(name)!.schema);
      expect(validate(good), name).toBe(true);
      expect(validate(bad), name).toBe(false);
    }
  });

  it('every code the checks emit is worded in French and English', () => {
    const codes = ['gazelle.not-xml', 'gazelle.too-large', 'gazelle.malformed', 'gazelle.not-a-report', 'gazelle.not-passed', 'gazelle.errors', 'gazelle.wrong-test', 'gazelle.passed', 'config.too-large', 'config.unparsable', 'acr.none-found', 'acr.absent', 'acr.wrong', 'acr.found', 'password.no-length', 'password.too-short', 'password.few-classes', 'password.no-lockout', 'password.policy', 'idle-timeout.absent', 'idle-timeout.disabled', 'idle-timeout.too-long', 'idle-timeout.set'];
    for (const c of codes) {
      expect(CATALOG[c], c).toBeDefined();
      expect(word(c, {}, 'fr').message).not.toBe(word(c, {}, 'en').message);
    }
  });

  it('the loader refuses bad options for a new check at their line', async () => {
    const s = scratch();
    try {
      const L = (t: string): string => `{ en: "${t}", fr: "${t}" }`;
      writeFileSync(
        path.join(s.dir, 'r.yaml'),
        `dmn-ruleset: 1\nid: r\nversion: "1"\ntitle: ${L('r')}\nrequirements:\n  - id: X 1\n    section: X\n    title: ${L('x')}\n    statement: ${L('x')}\n    slots:\n      - name: policy\n        title: ${L('p')}\n        expects: ${L('p')}\n        accepts: [json]\n        checks:\n          - check: password-policy\n            options: { min_length: 8 }\n`,
      );
      const r = await runCli(['rules', 'lint', 'r.yaml'], { cwd: s.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/r\.yaml:17:22 requirements\[0\]\.slots\[0\]\.checks\[0\]\.options: bad options for check "password-policy": missing option "min_classes"\./);
    } finally {
      s.done();
    }
  });
});
