import { createMemo } from '../../src/checks/memo.js';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationSeconds } from '../../src/checks/auth/config.js';
import { idleTimeout } from '../../src/checks/auth/idle-timeout.js';
import { authorizationRequests, oidcAcrValues } from '../../src/checks/auth/oidc-acr-values.js';
import { passwordPolicy, policyBits, readPolicy } from '../../src/checks/auth/password-policy.js';
import { gazelleReport } from '../../src/checks/ins/gazelle-report.js';
import { insBirthNames, nameProblem } from '../../src/checks/ins/birth-names.js';
import { pdfDate, readPdf, signedPdf } from '../../src/checks/files/signed-pdf.js';
import { annuaireExtract, extractDate, monthsBefore, rppsValid } from '../../src/checks/annuaire/annuaire-extract.js';
import { createRegistry } from '../../src/checks/registry.js';
import type { AnyCheck, CheckResult } from '../../src/checks/types.js';
import { createAjv } from '../../src/diagnostics/ajv.js';
import { openEvidenceFile, type EvidenceFile } from '../../src/evidence/evidence-file.js';
import { word, FULL_CATALOG } from '../support/word.js';
import { runCli, scratch } from '../support/run-cli.js';

const GRID = realpathSync(new URL('../../fixtures/grid', import.meta.url).pathname);

async function open(name: string, root = GRID): Promise<EvidenceFile> {
  const r = await openEvidenceFile(root, name);
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r.file;
}
const PRODUCT = { name: 'TéléCardio', version: '2.0.0', manufacturer: 'Exemple Santé SAS' };
async function run(check: AnyCheck, names: string[], options: Record<string, unknown>, root = GRID): Promise<CheckResult> {
  const files = await Promise.all(names.map((n) => open(n, root)));
  return check.run({ requirement: 'X 1', slot: 'slot', files, options, facts: {}, asOf: '2026-11-29', product: PRODUCT, provided: new Set(), shared: createMemo() });
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
    expect(word(f.code, f.params ?? {}, 'fr').message).toMatch(/^Rapport de validation Gazelle\u00a0: PASSED, sans erreur/);
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

describe('annuaire-extract (ANN 1)', () => {
  const ANN = { max_age_months: 1 };
  it.each<Row>([
    ['annuaire/PS_LibreAcces_Personne_activite_202611250215.txt', [], 'annuaire.fresh'],
    ['annuaire/PS_LibreAcces_Personne_activite_202609010215.txt', ['annuaire.stale']],
    ['annuaire/PS_LibreAcces_Personne_activite_202612150215.txt', ['annuaire.future']],
    ['annuaire/PS_LibreAcces_Personne_activite_202611260215.txt', ['annuaire.bad-rpps']],
    ['annuaire/annuaire-sans-date.txt', ['annuaire.no-date']],
    ['annuaire/PS_LibreAcces_Dipl_AutExerc_202611250215.txt', ['annuaire.no-identifier-column']],
    ['gazelle/cons-identite-ins-passed.xml', ['annuaire.no-date', 'annuaire.not-text']],
  ])('%s → %j', async (file, expected, info) => {
    const r = await run(annuaireExtract, [file], ANN);
    expect(errors(r)).toEqual(expected);
    if (info) expect(infos(r)).toEqual([info]);
  });

  it('counts rows and RPPS (not ADELI), and points at the bad row', async () => {
    const fresh = await run(annuaireExtract, ['annuaire/PS_LibreAcces_Personne_activite_202611250215.txt'], ANN);
    expect(fresh.findings[0]!.params).toEqual({ date: '2026-11-25', rows: 4, rpps: 3 });
    const bad = await run(annuaireExtract, ['annuaire/PS_LibreAcces_Personne_activite_202611260215.txt'], ANN);
    expect(bad.findings[0]!.record).toBe(2);
  });

  it('one month back is a calendar month, clamped to the month\'s end', () => {
    expect([monthsBefore('2026-11-29', 1), monthsBefore('2026-03-31', 1), monthsBefore('2026-01-15', 1)]).toEqual(['2026-10-29', '2026-02-28', '2025-12-15']);
    expect([extractDate('PS_LibreAcces_Personne_activite_202611250215.txt'), extractDate('x_20261125.csv'), extractDate('x_20261331.txt'), extractDate('x.txt')]).toEqual(['2026-11-25', '2026-11-25', undefined, undefined]);
    expect([rppsValid('19999900004'), rppsValid('19999900005'), rppsValid('1999990000')]).toEqual([true, false, false]);
  });

  it('streams a 200,000-row extract and lists at most five bad rows', async () => {
    const s = scratch();
    try {
      const head = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom d'exercice\n";
      const rows = Array.from({ length: 200_000 }, (_, i) => (i % 1000 === 0 ? '8|19999900005|819999900005|X\n' : '8|19999900004|819999900004|X\n')).join('');
      writeFileSync(path.join(s.dir, 'PS_LibreAcces_Personne_activite_202611250215.txt'), head + rows);
      const r = await run(annuaireExtract, ['PS_LibreAcces_Personne_activite_202611250215.txt'], ANN, realpathSync(s.dir));
      expect(errors(r)).toEqual([...Array(5).fill('annuaire.bad-rpps'), 'annuaire.more-bad-rpps']);
      expect(r.findings.at(-1)!.params).toEqual({ count: 195 });
    } finally {
      s.done();
    }
  });
});

describe('ins-birth-names (INS 1.2)', () => {
  it.each<[string, string[], string?]>([
    ['names/a28-names-ok.hl7', [], 'ins.names-ok'],
    ['names/patients-ok.ndjson', [], 'ins.names-ok'],
    ['names/a28-lowercase.hl7', ['ins.name-format']],
    ['names/a28-accent.hl7', ['ins.name-format']],
    ['names/a28-trailing-hyphen.hl7', ['ins.name-format']],
    ['names/a28-underscore.hl7', ['ins.name-format']],
    ['acr/oidc-client.json', ['ins.fhir-not-resource']],
  ])('%s → %j', async (file, expected, info) => {
    const r = await run(insBirthNames, [file], {});
    expect(errors(r)).toEqual(expected);
    if (info) expect(infos(r)).toEqual([info]);
  });

  it('says which field and why, at the HL7 field, never the name itself', async () => {
    const f = (await run(insBirthNames, ['names/a28-accent.hl7'], {})).findings[0]!;
    expect(f).toMatchObject({ params: { trait: 'first-given-name', problem: 'diacritic' }, line: 3 });
    const m = word(f.code, f.params ?? {}, 'fr').message;
    expect(m).toBe('Le premier prénom de naissance enregistré contient des accents ou d’autres signes diacritiques (règle 1 du RNIV).');
    expect(m).not.toMatch(/ÉLODIE|ESSAI/);
  });

  it('applies the RNIV rule', () => {
    expect(["D'ESSAI", 'DE LA TEST', 'ESSAI--DMN', 'A'].map(nameProblem)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['essai', 'ÉSSAI', 'ESSAÏ'.normalize('NFD'), 'ES5AI', ' ESSAI', "ESSAI'", ''].map(nameProblem)).toEqual(['lowercase', 'diacritic', 'diacritic', 'character', 'separator', 'separator', 'separator']);
  });
});

describe('signed-pdf (RGPD 1, INS 39 / 40)', () => {
  it.each<[string, Record<string, unknown>, string[], string?]>([
    ['pdf/rgpd-signed.pdf', {}, [], 'pdf.signed'],
    ['pdf/rgpd-signed-compressed.pdf', {}, [], 'pdf.signed'],
    ['pdf/rgpd-unsigned.pdf', {}, ['pdf.unsigned']],
    ['pdf/rgpd-unsigned.pdf', { require_signature: false }, [], 'pdf.signed'],
    ['pdf/rgpd-signed-later.pdf', {}, ['pdf.signed-later']],
    ['pdf/other-product-signed.pdf', {}, ['pdf.product-absent']],
    ['pdf/cnda-insi-signed.pdf', { mentions: ['INSi', 'CPx', 'IGC-Santé'] }, [], 'pdf.signed'],
    ['pdf/cnda-insi-signed.pdf', { mentions: ['addendum 8'] }, ['pdf.mention-absent']],
    ['names/a28-names-ok.hl7', {}, ['pdf.not-pdf']],
  ])('%s with %j → %j', async (file, options, expected, info) => {
    const r = await run(signedPdf, [file], options);
    expect(errors(r)).toEqual(expected);
    if (info) expect(infos(r)).toEqual([info]);
  });

  it('reads the signature dictionary and the shown text, compressed or not', () => {
    const read = readPdf(readFileSync(path.join(GRID, 'pdf/rgpd-signed-compressed.pdf')));
    expect(read.signatures).toEqual([{ subFilter: 'ETSI.CAdES.detached', signedOn: '2026-10-02' }]);
    expect(read.text).toContain('produit : telecardio 2.0.0');
    expect([pdfDate("D:20261002143000+02'00'"), pdfDate('D:2026'), pdfDate('2026')]).toEqual(['2026-10-02', '2026-01-01', undefined]);
  });

  it('a PDF made of 50,000 "<<" without a stream is read in bounded time (no runaway regex)', () => {
    const hostile = Buffer.from(`%PDF-1.7\n${'<< /A '.repeat(50_000)}`);
    expect(readPdf(hostile)).toEqual({ signatures: [], text: '' });
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
      ['annuaire-extract', { max_age_months: 1 }, {}],
      ['ins-birth-names', {}, { max_bytes: 0 }],
      ['signed-pdf', { mentions: ['INSi'] }, { mentions: [''] }],
    ];
    for (const [name, good, bad] of cases) {
      const validate = ajv.compile(registry.get(name)!.schema);
      expect(validate(good), name).toBe(true);
      expect(validate(bad), name).toBe(false);
    }
  });

  it('every code the checks emit is worded in French and English', () => {
    const codes = ['gazelle.not-xml', 'gazelle.too-large', 'gazelle.malformed', 'gazelle.not-a-report', 'gazelle.not-passed', 'gazelle.errors', 'gazelle.wrong-test', 'gazelle.passed', 'config.too-large', 'config.unparsable', 'acr.none-found', 'acr.absent', 'acr.wrong', 'acr.found', 'password.no-length', 'password.too-short', 'password.few-classes', 'password.no-lockout', 'password.policy', 'idle-timeout.absent', 'idle-timeout.disabled', 'idle-timeout.too-long', 'idle-timeout.set', 'annuaire.no-date', 'annuaire.future', 'annuaire.stale', 'annuaire.not-text', 'annuaire.no-identifier-column', 'annuaire.bad-rpps', 'annuaire.more-bad-rpps', 'annuaire.fresh', 'ins.name-format', 'ins.names-ok', 'pdf.not-pdf', 'pdf.too-large', 'pdf.unsigned', 'pdf.signed-later', 'pdf.product-absent', 'pdf.mention-absent', 'pdf.signed'];
    for (const c of codes) {
      expect(FULL_CATALOG[c], c).toBeDefined();
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
