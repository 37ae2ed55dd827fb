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
    expect(bad.stderr).toMatch(/^dmn-check\u00a0: erreur\u00a0: la valeur « x » de l’option « --fail-on <level> » n’est pas admise ; valeurs possibles : warning, missing, failed, error\./);
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
