import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/i18n/index.js';
import { formatNumber, plural, proseDate } from '../../src/i18n/format.js';
import { runCli } from '../support/run-cli.js';

describe('language of messages', () => {
  const os = (locale: string | undefined) => () => locale;
  it.each<[string, string | undefined, Record<string, string>, string | undefined, 'fr' | 'en']>([
    ['--lang first', 'en', { DMN_CHECK_LANG: 'fr', LANG: 'fr_FR.UTF-8' }, 'fr-FR', 'en'],
    ['then DMN_CHECK_LANG', undefined, { DMN_CHECK_LANG: 'fr', LC_ALL: 'en_US.UTF-8' }, 'en-US', 'fr'],
    ['then LC_ALL', undefined, { LC_ALL: 'fr_CA.UTF-8', LANG: 'en_GB.UTF-8' }, 'en-US', 'fr'],
    ['then LC_MESSAGES', undefined, { LC_MESSAGES: 'fr_BE', LANG: 'en_GB.UTF-8' }, 'en-US', 'fr'],
    ['then LANG', undefined, { LANG: 'fr_FR.UTF-8' }, 'en-US', 'fr'],
    ['C means English', undefined, { LANG: 'C.UTF-8' }, 'fr-FR', 'en'],
    ['a French Windows machine sets no LANG: the system locale', undefined, {}, 'fr-FR', 'fr'],
    ['an English one', undefined, {}, 'en-US', 'en'],
    ['an unknown DMN_CHECK_LANG is passed over', undefined, { DMN_CHECK_LANG: 'de' }, 'fr-FR', 'fr'],
  ])('%s', (_, explicit, env, locale, lang) => {
    expect(detectLang(explicit, env, os(locale))).toBe(lang);
  });
});

describe('numbers, plurals and dates in prose', () => {
  it('groups thousands with a narrow no-break space in French', () => {
    expect(formatNumber(924215, 'fr')).toBe('924\u202f215');
    expect(formatNumber(924215, 'en')).toBe('924,215');
    expect(formatNumber(12, 'fr')).toBe('12');
  });
  it('takes the singular for 0 and 1 in French, for 1 only in English', () => {
    expect([0, 1, 2].map((n) => plural(n, 'fr', 'fichier'))).toEqual(['0 fichier', '1 fichier', '2 fichiers']);
    expect([0, 1, 2].map((n) => plural(n, 'en', 'file'))).toEqual(['0 files', '1 file', '2 files']);
  });
  it('writes dates as words', () => {
    expect(proseDate('2026-11-29', 'fr')).toBe('29 novembre 2026');
    expect(proseDate('2026-10-01', 'fr')).toBe('1er octobre 2026');
    expect(proseDate('2026-11-29', 'en')).toBe('29 November 2026');
    expect(proseDate('not a date', 'fr')).toBe('not a date');
  });
});

describe('--help and commander in French', () => {
  it('translates headings, descriptions and commander’s notes', async () => {
    const run = await runCli(['check', '--help'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Utilisation\u00a0: dmn-check check \[options\] \[manifest\]/);
    expect(run.stdout).toContain('Options\u00a0:');
    expect(run.stdout).toContain('évalue un dossier');
    expect(run.stdout).toContain('affiche l’aide de la commande');
    expect(run.stdout).toMatch(/par\s+défaut\u00a0:\s+missing/);
    expect(run.stdout).not.toMatch(/\b(default|choices|display help)\b/);
    const top = await runCli(['--help'], { env: { DMN_CHECK_LANG: 'fr' } });
    expect(top.stdout).toContain('Commandes\u00a0:');
  });

  it('words commander’s errors in French, with the suggestion', async () => {
    const run = await runCli(['chek'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dmn-check\u00a0: erreur\u00a0: commande inconnue « chek ».\n(Vouliez-vous dire check ?)\nVoir `dmn-check --help`.\n');
    const bad = await runCli(['check', '--fail-on', 'x', '--lang', 'fr']);
    expect(bad.stderr).toMatch(/^dmn-check\u00a0: erreur\u00a0: la valeur « x » de l’option « --fail-on <level> » n’est pas admise ; valeurs possibles\u00a0: warning, missing, failed, error\./);
  });

  it('keeps English as it was', async () => {
    const run = await runCli(['chek']);
    expect(run.stderr).toBe("dmn-check: error: unknown command 'chek'\n(Did you mean check?)\nSee `dmn-check --help`.\n");
  });

  it('names the command line in French in usage errors (FRENCH.md #20)', async () => {
    const run = await runCli(['check', '-f', 'json', '-f', 'text', '--lang', 'fr']);
    expect(run.stderr).toMatch(/^dmn-check\u00a0: erreur\u00a0: ligne de commande\u00a0: /);
  });
});

describe('FRENCH.md rows 4, 9, 19, 21–23, 25–27', () => {
  it('a fact answered "oui": not a possible answer, write true (oui) or false (non) (#4)', async () => {
    const { copyDossier } = await import('../support/run-cli.js');
    const d = copyDossier('complete');
    try {
      const { readFileSync, writeFileSync } = await import('node:fs');
      writeFileSync(d.manifest, readFileSync(d.manifest, 'utf8').replace('patient_access: true', 'patient_access: oui'));
      const run = await runCli(['check', d.manifest, '--lang', 'fr']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/facts\.patient_access\u00a0: « oui » n’est pas une réponse possible\. Écrivez true \(oui\) ou false \(non\)\./);
    } finally {
      d.done();
    }
  });

  it('explain and init name kinds as people do, with French colons (#19, #26, #27)', async () => {
    const explain = await runCli(['explain', 'IEU 7', '--lang', 'fr']);
    expect(explain.stdout).toContain("    accepte\u00a0: capture d’écran (PNG, JPEG, GIF, WebP), vidéo (MP4, MOV, WebM) ou PDF\n");
    expect(explain.stdout).toContain("Captures d’écran ou vidéo d’un usager");
    expect(explain.stdout).not.toMatch(/copie d’écran|screenshot \(/i);
    const { scratch } = await import('../support/run-cli.js');
    const s = scratch();
    try {
      const init = await runCli(['init', '--lang', 'fr'], { cwd: s.dir });
      expect(init.code).toBe(0);
      const { readFileSync } = await import('node:fs');
      const text = readFileSync(`${s.dir}/dmn-evidence.yaml`, 'utf8');
      expect(text).toContain('répondez aux questions, puis');
      expect(text).toContain('Caractéristiques du DMN (facts)\u00a0: vos réponses déterminent les exigences applicables.');
      expect(text).toMatch(/Non applicable lorsque\u00a0: patient_access = false/);
      expect(text).toMatch(/identity-change-demo \(obligatoire\)\u00a0: Captures d’écran/);
    } finally {
      s.done();
    }
  });

  it('says "double authentification", "fabricant", and no "dump de base de données" (#21–23)', async () => {
    const explain = await runCli(['explain', 'IEU 9', '--lang', 'fr']);
    expect(explain.stdout).toContain("sous sa responsabilité, la double authentification n’est pas activée pour tous les patients");
    expect(explain.stdout).not.toMatch(/la 2FA/);
    const { catalogOf, createRegistry } = await import('../../src/checks/registry.js');
    const catalog = catalogOf(createRegistry());
    const fr = (code: string, p: Record<string, string> = {}): string => catalog[code]!.fr(p);
    expect(fr('export.database-dump', { file: 'x.sql', dump: 'sql' })).toBe(
      "x.sql est une extraction brute (« dump ») SQL de la base de données (mysqldump, pg_dump). La FAQ de l’ANS est claire\u00a0: PORT 1 n’attend pas une extraction brute de la base, mais un export des données, disponible à tout moment, lisible et documenté.",
    );
    expect(fr('export.locations-not-verified')).toBe("Aucun dictionnaire de données fourni\u00a0: la position de chaque donnée dans l’export n’a pas été vérifiée automatiquement ; seule la documentation en atteste.");
    expect(catalog['export.schema.violation']!.hint!.fr({})).toContain('le schéma que le fabricant publie');
  });
});

describe('FRENCH.md row 16: a bag is an « archive », never a « scellé » (a judicial seal)', () => {
  it('in every French message of the catalogue', async () => {
    const { catalogOf, createRegistry } = await import('../../src/checks/registry.js');
    const catalog = catalogOf(createRegistry());
    const params = new Proxy({}, { get: () => 'x' }) as Record<string, string>;
    const texts = Object.values(catalog).flatMap((m) => [m.fr(params), m.hint?.fr(params) ?? '']);
    expect(texts.filter((t) => /(^|[^\p{L}])scellés?(?!\p{L})/iu.test(t))).toEqual([]);
  });
  it('in replay’s refusal of a file that is no bag', async () => {
    const run = await runCli(['replay', 'package.json', '--lang', 'fr']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/scellé/);
  });
});

describe('an outdented block is named as such (FRENCH.md 3, issue 16 item 8)', () => {
  async function withManifest(edit: (text: string) => string, lang: 'en' | 'fr') {
    const { copyDossier } = await import('../support/run-cli.js');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const d = copyDossier('complete');
    try {
      writeFileSync(d.manifest, edit(readFileSync(d.manifest, 'utf8')));
      return await runCli(['check', d.manifest, '--lang', lang]);
    } finally {
      d.done();
    }
  }

  it('a slot typed at the level of its requirement: one error, at the requirement, saying which line to indent', async () => {
    const run = await withManifest((t) => t.replace('  IEU 7:\n    ins-login-demo:', '  IEU 7:\n  ins-login-demo:'), 'fr');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/:\d+:3 evidence\."IEU 7"\u00a0: est vide, alors que « ins-login-demo » \(ligne \d+\) se trouve au même niveau\u00a0: il devrait être indenté sous cette clé\. Indentez la ligne \d+ de deux espaces\.$/),
    ]);
  });

  it('several lines, in English', async () => {
    const run = await withManifest((t) => t.replace(/ {2}IEU 9:\n {4}two-factor-demo: (.*)\n/, '  IEU 9:\n  two-factor-demo: $1\n  two-factor-more: x.png\n'), 'en');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/evidence\."IEU 9": is empty, while "two-factor-demo" \(line (\d+)\) sits at its level: it should be indented under this key\. Indent lines \1 to \d+ by two spaces\./);
    expect(run.stderr).not.toMatch(/must be of type object/);
  });

  it('a type error of another kind is worded in French words, not JSON types', async () => {
    const run = await withManifest((t) => t.replace(/^product:\n/m, 'product: CardioSuivi\nproduct_was:\n'), 'fr');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/product\u00a0: doit être un bloc de clés \(lignes « clé: valeur » indentées\)\./);
  });
});

describe('FRENCH.md row 15: plurals by count and grouped numbers, no « (s) »', () => {
  it('in the catalogue, for 1 and for many', async () => {
    const { catalogOf, createRegistry } = await import('../../src/checks/registry.js');
    const catalog = catalogOf(createRegistry());
    const fr = (code: string, p: Record<string, string | number>): string => catalog[code]!.fr(p);
    expect(fr('export.schema.violations-more', { count: 1, records: 924215 })).toBe('1 autre écart au schéma n’est pas listé (924\u202f215 enregistrements invalides en tout).');
    expect(fr('export.schema.violations-more', { count: 12, records: 1 })).toBe('12 autres écarts au schéma ne sont pas listés (1 enregistrement invalide en tout).');
    const params = new Proxy({}, { get: () => 2 }) as Record<string, number>;
    const texts = Object.values(catalog).map((m) => m.fr(params));
    expect(texts.filter((t) => /\p{L}\(s\)/u.test(t))).toEqual([]);
  });
});

describe('FRENCH.md rows 19 and 19b: no-break space before « : », one apostrophe (’)', () => {
  // A colon glued to a word, or after a breakable space; a straight apostrophe between letters.
  // Code in backquotes (`statements: "IEU 8":`) is YAML the user types, not prose.
  const prose = (t: string): string => t.replace(/`[^`]*`/g, '');
  const badColon = (t: string): boolean => /[\p{L}\p{N})»’]:(\s|$)| :/u.test(prose(t));
  const straight = (t: string): boolean => /\p{L}'\p{L}/u.test(prose(t));

  it('in every message and hint of the catalogue', async () => {
    const { catalogOf, createRegistry } = await import('../../src/checks/registry.js');
    const catalog = catalogOf(createRegistry());
    // Parameters as plain words, so that only the catalogue's own text is judged.
    const params = new Proxy({}, { get: (_, k) => (k === 'count' || k === 'files' ? 2 : 'x') }) as Record<string, string>;
    const texts = Object.entries(catalog).flatMap(([code, m]) => [m.fr(params), m.hint?.fr(params) ?? ''].map((t) => `${code}\t${t}`));
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.filter((t) => badColon(t.split('\t')[1]!) || straight(t.split('\t')[1]!))).toEqual([]);
  });

  it('in the French texts of the bundled rulesets (the grid’s profile names aside)', async () => {
    const { bundledRulesetFile, loadRuleset } = await import('../../src/ruleset/load.js');
    for (const id of ['ans-dmn@1.2.2', 'ans-dmn-complete@1.2.2', 'mes-mesures@3.1.0']) {
      const ruleset = loadRuleset(bundledRulesetFile(id));
      const french: string[] = [];
      const walk = (v: unknown, key: string): void => {
        if (typeof v === 'string') {
          if (key === 'fr' || key.endsWith('_fr')) french.push(v);
        } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
        else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(ruleset, '');
      expect(french.length).toBeGreaterThan(10);
      expect(french.filter((t) => badColon(t) || straight(t)), id).toEqual([]);
    }
  });

  it('in the French help and in a French input error', async () => {
    const help = await runCli(['check', '--help', '--lang', 'fr']);
    expect(help.stdout).toContain('(par défaut\u00a0: aujourd’hui)');
    // commander wraps at spaces: a no-break space keeps the colon on the line of its word.
    expect(help.stdout).not.toMatch(/^\s+:/m);
    const bad = await runCli(['check', 'nope.yaml', '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^dmn-check\u00a0: erreur\u00a0: /);
    expect(straight(bad.stderr)).toBe(false);
  });
});

describe('FRENCH.md row 10: a file of the wrong kind says what the slot expects', () => {
  it('in words a reader uses, groups and single kinds alike', async () => {
    const { catalogOf, createRegistry } = await import('../../src/checks/registry.js');
    const m = catalogOf(createRegistry())['file.kind']!;
    const p = { file: 'a.png', kind: 'text/plain', accepted: 'image/png, application/pdf', expects: 'screenshot' };
    expect(m.fr(p)).toBe('a.png est en réalité un fichier texte (d’après son contenu) ; cet emplacement attend une capture d’écran, une vidéo ou un PDF.');
    expect(m.hint!.fr(p)).toBe('formats acceptés\u00a0: PNG, PDF. L’extension du fichier n’est pas prise en compte.');
    expect(m.fr({ ...p, expects: 'flow, csv' })).toMatch(/attend un flux \(HL7 v2 ou JSON FHIR\) ou un fichier CSV\.$/);
    expect(m.en({ ...p, expects: 'flow, csv' })).toMatch(/: it expects a flow \(HL7 v2 or FHIR JSON\) or a CSV file\.$/);
    // A report written before `expects` existed is still worded.
    expect(m.fr({ file: 'a.png', kind: 'text/plain', accepted: 'image/png' })).toMatch(/que cet emplacement n’accepte pas\.$/);
  });
});

describe('FRENCH.md rows 19 and 19b, in the sources', () => {
  it('no French string literal of src/ has a breakable space before « : » or a straight apostrophe', async () => {
    const ts = (await import('typescript')).default;
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const frenchy = /[àâçéèêëîïôûùüÿœ«»’]/u;
    // The ANS grid's own column headers are matched to the official template as they are written.
    const OFFICIAL = new Set(['src/formatters/xlsx/grid.ts']);
    const bad: string[] = [];
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join('src', f));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      if (OFFICIAL.has(file.replace(/\\/g, '/'))) continue;
      const code = readFileSync(file, 'utf8');
      const src = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
      const visit = (n: import('typescript').Node): void => {
        const parts = ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? [n] : ts.isTemplateExpression(n) ? [n.head, ...n.templateSpans.map((s) => s.literal)] : [];
        for (const p of parts) {
          const text = p.getText();
          // « : » quotes the colon itself (YAML syntax), not a colon of the sentence.
          if (frenchy.test(text) && (/(?<!«) :(?=[ \n`]|$)/.test(text) || /\p{L}\\?'\p{L}/u.test(text))) bad.push(`${file}: ${text.slice(0, 80)}`);
        }
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
    expect(bad).toEqual([]);
  });
});

describe('FRENCH.md row 1: a condition on a slot in words, never a bare tag', () => {
  it('every tag a bundled ruleset tests is worded by the checks of its slot, in both languages', async () => {
    const { bundledRulesetFile, loadRuleset } = await import('../../src/ruleset/load.js');
    const { createRegistry } = await import('../../src/checks/registry.js');
    const { describeRequired } = await import('../../src/cli/describe.js');
    const registry = createRegistry();
    let seen = 0;
    for (const id of ['ans-dmn@1.2.2', 'ans-dmn-complete@1.2.2', 'mes-mesures@3.1.0']) {
      const ruleset = loadRuleset(bundledRulesetFile(id));
      for (const req of ruleset.requirements) {
        for (const slot of req.slots) {
          if (typeof slot.required === 'boolean' || !JSON.stringify(slot.required).includes('"provides"')) continue;
          seen++;
          for (const lang of ['en', 'fr'] as const) expect(describeRequired(slot, lang, { req, registry })).not.toMatch(/provides|fournit/);
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
