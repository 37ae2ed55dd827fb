import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRuleset, DEFAULT_RULESET } from '../../src/ruleset/load.js';
import { UserInputError } from '../../src/diagnostics/user-input-error.js';
import { runCli, scratch } from '../support/run-cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function dir(): string {
  const s = scratch();
  cleanups.push(s.done);
  return s.dir;
}

const L = (t: string): string => `{ en: "${t}", fr: "${t}" }`;

const BASE = `dmn-ruleset: 1
id: base
version: "1"
title: ${L('Base')}
facts:
  patient_access: { type: boolean, question: ${L('q')} }
  mode: { type: enum, question: ${L('q')}, values: { a: ${L('A')}, b: ${L('B')} } }
requirements:
  - id: ABC 1
    section: ABC
    title: ${L('one')}
    statement: ${L('one')}
    not_applicable_when:
      - when: { fact: patient_access, is: false }
        reason: ${L('r')}
    slots:
      - name: demo
        title: ${L('demo')}
        expects: ${L('demo')}
        accepts: [screenshot]
  - id: ABC 2
    section: ABC
    title: ${L('two')}
    statement: ${L('two')}
    slots:
      - name: doc
        title: ${L('doc')}
        expects: ${L('doc')}
        accepts: [document]
`;

describe('the bundled ruleset', () => {
  it('loads, with the five requirements, facts and slots of CONTRACT §6', () => {
    const r = loadRuleset(DEFAULT_RULESET);
    expect(r.id).toBe('ans-dmn');
    expect(r.version).toBe('1.2.2');
    expect(r.requirements.map((x) => x.id)).toEqual(['IEU 2', 'IEU 7', 'IEU 8', 'IEU 9', 'PORT 1']);
    expect(r.facts.map((f) => f.name).sort()).toEqual(['identity_source', 'ins_applicable', 'patient_access', 'patient_access_scope', 'two_factor_activation']);
    const slots = Object.fromEntries(r.requirements.map((x) => [x.id, x.slots.map((s) => s.name)]));
    expect(slots).toEqual({
      'IEU 2': ['identity-change-demo'],
      'IEU 7': ['ins-login-demo'],
      'IEU 8': ['creation-flow', 'ins-association-flow', 'account-screenshot'],
      'IEU 9': ['two-factor-demo', 'non-systematic-responsibility'],
      'PORT 1': ['export-documentation', 'export-sample', 'export-dictionary', 'export-schema'],
    });
    expect(Object.isFrozen(r.requirements[0])).toBe(true);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('passes `rules lint`', async () => {
    const run = await runCli(['rules', 'lint', 'rules/ans-dmn-1.2.2.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rules\/ans-dmn-1\.2\.2\.yaml: valid — ans-dmn 1\.2\.2, 5 requirements/);
  });
});

describe('rules lint reports every problem at once, with file:line:col', () => {
  it('unknown check, bad check options, duplicate ids, undeclared fact, bad enum value, unknown kind, bad slot reference', async () => {
    const d = dir();
    const bad = BASE.replace(
      '        accepts: [screenshot]\n',
      `        accepts: [screenshot, imagee]
        checks:
          - check: min-file
          - check: min-files
            options: { count: 0, extra: 1 }
      - name: other
        title: ${L('o')}
        expects: ${L('o')}
        accepts: [pdf]
        required: { slot: nothere, provides: ins }
`,
    )
      .replace('when: { fact: patient_access, is: false }', 'when: { any: [{ fact: patient_acces, is: false }, { fact: mode, is: c }] }')
      .replace('  - id: ABC 2', '  - id: abc 1');
    writeFileSync(path.join(d, 'bad.yaml'), bad);
    const run = await runCli(['rules', 'lint', 'bad.yaml'], { cwd: d });
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    const expectLine = (re: RegExp): void => expect(lines.some((l) => re.test(l)), `${re}\n${run.stderr}`).toBe(true);
    expectLine(/bad\.yaml:14:31 requirements\[0\]\.not_applicable_when\[0\]\.when\.any\[0\]\.fact: condition on undeclared fact "patient_acces"\. Did you mean "patient_access"\?/);
    expectLine(/bad\.yaml:14:\d+ .*any\[1\]\.is: "c" is not a possible value of fact "mode" \(a \| b\)/);
    expectLine(/bad\.yaml:\d+:\d+ requirements\[0\]\.slots\[0\]\.accepts\[1\]: unknown file kind "imagee"\. Did you mean "image"\?/);
    expectLine(/requirements\[0\]\.slots\[0\]\.checks\[0\]\.check: unknown check "min-file"\. Did you mean "min-files"\?/);
    expectLine(/checks\[1\]\.options.*bad options for check "min-files"/);
    expectLine(/requirements\[0\]\.slots\[1\]\.required\.slot: refers to slot "nothere"/);
    expectLine(/requirements\[1\]\.id: duplicate requirement id "abc 1"/);
    expect(lines.length).toBeGreaterThanOrEqual(8);
  });

  it('bad check options are worded in French without an English word (FRENCH.md: ajv messages included)', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'bad.yaml'), BASE.replace('        accepts: [screenshot]\n', '        accepts: [screenshot]\n        checks:\n          - check: min-files\n            options: { count: 0, extra: 1 }\n'));
    const fr = await runCli(['rules', 'lint', 'bad.yaml', '--lang', 'fr'], { cwd: d });
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('options invalides pour le contrôle « min-files »\u00a0: option inconnue « extra ».');
    expect(fr.stderr).toContain('options invalides pour le contrôle « min-files »\u00a0: /count doit être supérieur ou égal à 1.');
    expect(fr.stderr).not.toMatch(/unknown option|must be/);
    const en = await runCli(['rules', 'lint', 'bad.yaml'], { cwd: d });
    expect(en.stderr).toContain('bad options for check "min-files": unknown option "extra".');
    expect(en.stderr).toContain('bad options for check "min-files": /count must be >= 1.');
  });

  it('schema errors name the place and suggest the key', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'bad.yaml'), BASE.replace('    section: ABC\n    title: { en: "one"', '    sectoin: ABC\n    title: { en: "one"'));
    const run = await runCli(['rules', 'lint', 'bad.yaml'], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:10:5 requirements\[0\]\.sectoin: unknown key "sectoin"\. Did you mean "section"\?/);
    expect(run.stderr).toMatch(/bad\.yaml:9:5 requirements\[0\]: missing required key "section"/);
  });

  it('a bad condition shape is summarised, not listed branch by branch', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'bad.yaml'), BASE.replace('when: { fact: patient_access, is: false }', 'when: { fact: patient_access, iz: false }'));
    const run = await runCli(['rules', 'lint', 'bad.yaml'], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/bad\.yaml:14:15 .*when: is not a valid condition: expected one of \{fact, is\}/);
  });
});

describe('fact declarations', () => {
  it('an enum without values and a boolean with values are both reported', async () => {
    const d = dir();
    const bad = BASE.replace(`mode: { type: enum, question: ${L('q')}, values: { a: ${L('A')}, b: ${L('B')} } }`, `mode: { type: enum, question: ${L('q')} }\n  flag: { type: boolean, question: ${L('q')}, values: { a: ${L('A')} } }`);
    writeFileSync(path.join(d, 'bad.yaml'), bad);
    const run = await runCli(['rules', 'lint', 'bad.yaml'], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:7:3 facts\.mode: an enum fact needs `values`\./);
    expect(run.stderr).toMatch(/bad\.yaml:8:3 facts\.flag: a boolean fact takes no `values`\./);
  });
});

describe('extends', () => {
  it('overrides requirements by id and adds new ones, keeping order', () => {
    const d = dir();
    writeFileSync(path.join(d, 'base.yaml'), BASE);
    writeFileSync(
      path.join(d, 'child.yaml'),
      `dmn-ruleset: 1
id: child
version: "2"
title: ${L('Child')}
extends: ./base.yaml
requirements:
  - id: ABC 1
    section: ABC
    title: ${L('one, overridden')}
    statement: ${L('one')}
  - id: ABC 3
    section: ABC
    title: ${L('three')}
    statement: ${L('three')}
`,
    );
    const r = loadRuleset(path.join(d, 'child.yaml'));
    expect(r.id).toBe('child');
    expect(r.requirements.map((x) => `${x.id}:${x.title.en}`)).toEqual(['ABC 1:one, overridden', 'ABC 2:two', 'ABC 3:three']);
    expect(r.facts.map((f) => f.name)).toEqual(['patient_access', 'mode']);
  });

  it('extends the bundled ruleset by its id', () => {
    const d = dir();
    writeFileSync(path.join(d, 'mine.yaml'), `dmn-ruleset: 1\nid: mine\nversion: "1"\ntitle: ${L('Mine')}\nextends: ans-dmn@1.2.2\n`);
    expect(loadRuleset(path.join(d, 'mine.yaml')).requirements).toHaveLength(5);
  });

  it('reports a cycle with its chain', async () => {
    const d = dir();
    const head = (id: string, ext: string): string => `dmn-ruleset: 1\nid: ${id}\nversion: "1"\ntitle: ${L(id)}\nextends: ${ext}\n`;
    writeFileSync(path.join(d, 'a.yaml'), head('a', './b.yaml'));
    writeFileSync(path.join(d, 'b.yaml'), head('b', './a.yaml'));
    const run = await runCli(['rules', 'lint', 'a.yaml'], { cwd: d });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a\.yaml extends itself: a\.yaml → b\.yaml → a\.yaml\. Remove one `extends` from the cycle\./);
  });

  it('a missing base is reported at the extends line', () => {
    const d = dir();
    writeFileSync(path.join(d, 'a.yaml'), `dmn-ruleset: 1\nid: a\nversion: "1"\ntitle: ${L('a')}\nextends: ./nope.yaml\n`);
    try {
      loadRuleset(path.join(d, 'a.yaml'), { cwd: d });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UserInputError);
      expect((err as UserInputError).problems[0]).toMatchObject({ file: 'a.yaml', line: 5, column: 10, subject: 'extends' });
    }
  });
});
