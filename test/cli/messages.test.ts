import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang, MessageDef } from '../../src/i18n/types.js';
import { CLI_TEXT } from '../../src/cli/messages.js';
import { COMMANDER_TEXT } from '../../src/cli/messages-commander.js';
import { DESCRIBE_TEXT } from '../../src/cli/messages-describe.js';
import { DIFF_TEXT } from '../../src/cli/messages-diff.js';
import { HELP_TEXT } from '../../src/cli/messages-help.js';
import { INIT_TEXT } from '../../src/cli/messages-init.js';
import { PACK_TEXT } from '../../src/cli/messages-pack.js';
import { PROGRESS_TEXT } from '../../src/cli/messages-progress.js';
import { REPLAY_TEXT } from '../../src/cli/messages-replay.js';
import { FORMAT_TEXT } from '../../src/formatters/messages.js';
import { ROOT } from '../support/run-cli.js';

/** The command line's and the formatters' catalogues, by the name the sources use. */
const CATALOGUES: Record<string, Readonly<Record<string, MessageDef<never>>>> = {
  CLI_TEXT,
  COMMANDER_TEXT,
  DESCRIBE_TEXT,
  DIFF_TEXT,
  HELP_TEXT,
  INIT_TEXT,
  PACK_TEXT,
  PROGRESS_TEXT,
  REPLAY_TEXT,
  FORMAT_TEXT,
};

const LANGS: readonly Lang[] = ['en', 'fr'];

/** Every parameter an entry reads, given as one and as two (singular and plural wordings), or absent. */
const given = (v: number | undefined): never => new Proxy({}, { get: (_, key) => (typeof key === 'string' ? v : undefined) }) as never;
const GIVEN = [given(1), given(2)];
const ALL = [...GIVEN, given(undefined)];

/** Each entry's texts (message and hint) in a language, for each sample of parameters. */
function texts(def: MessageDef<never>, lang: Lang, samples: readonly never[] = ALL): string[] {
  return samples.flatMap((p) => [def[lang](p), ...(def.hint ? [def.hint[lang](p)] : [])]);
}

const entries = Object.entries(CATALOGUES).flatMap(([name, catalogue]) => Object.entries(catalogue).map(([key, def]) => ({ id: `${name}.${key}`, name, key, def })));

/**
 * French entries that today keep a plain space before `;` or `?` (the house's finding catalogues do
 * too): the output stays as it is, byte for byte, until the typography is settled for all of them.
 * Any other entry is held to FRENCH.md's rule, and an entry leaves this list when it is fixed.
 */
const PLAIN_SPACE_TODAY = new Set([
  'CLI_TEXT.alreadyExists',
  'CLI_TEXT.severalToStdout',
  'CLI_TEXT.meantFormat',
  'CLI_TEXT.gridTooLarge',
  'CLI_TEXT.gridInflates',
  'COMMANDER_TEXT.notesSeparator',
  'COMMANDER_TEXT.choiceInvalid',
  'COMMANDER_TEXT.didYouMeanOneOf',
  'COMMANDER_TEXT.didYouMean',
  'DIFF_TEXT.rulesetVersion',
  'HELP_TEXT.profileOption',
  'HELP_TEXT.trustOption',
  'INIT_TEXT.justification',
  'REPLAY_TEXT.rehashed',
  'REPLAY_TEXT.otherTool',
  'REPLAY_TEXT.bagValid',
  'REPLAY_TEXT.signedUnchecked',
  'REPLAY_TEXT.zipOverLimit',
  'FORMAT_TEXT.signature',
]);

function srcFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? srcFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the command line and formatter catalogues', () => {
  it('word every entry, and its hint, in English and in French', () => {
    const empty = entries.flatMap(({ id, def }) => LANGS.flatMap((lang) => (texts(def, lang, GIVEN).some((t) => t.trim() === '') ? [`${id} (${lang})`] : [])));
    expect(empty).toEqual([]);
    expect(entries.length).toBeGreaterThan(150);
  });

  it('put a no-break space, never a plain one, before a French colon', () => {
    const plain = entries.filter(({ def }) => texts(def, 'fr').some((t) => / :/.test(t))).map((e) => e.id);
    expect(plain).toEqual([]);
    // And the no-break space is there: `Manifeste écrit : x`.
    expect(CLI_TEXT.manifestWritten.fr({ file: 'x' })).toBe('Manifeste écrit\u00a0: x');
  });

  it('put no plain space before a French ; ? or !, but in the entries known to keep one today', () => {
    const plain = entries.filter(({ def }) => texts(def, 'fr').some((t) => / [;?!]/.test(t))).map((e) => e.id);
    expect(plain.filter((id) => !PLAIN_SPACE_TODAY.has(id))).toEqual([]);
    expect([...PLAIN_SPACE_TODAY].filter((id) => !plain.includes(id))).toEqual([]);
  });

  it('leave no entry unused: each is read somewhere in src/ as CATALOGUE.key', () => {
    const files = srcFiles(path.join(ROOT, 'src')).map((f) => readFileSync(f, 'utf8'));
    const unused = entries.filter(({ name, key }) =>
      !files.some((text) => {
        // The names a file knows the catalogue by: its own, and any alias it imports it as.
        const names = [name, ...[...text.matchAll(new RegExp(`\\b${name} as (\\w+)`, 'g'))].map((m) => m[1]!)];
        return names.some((n) => new RegExp(`\\b${n}\\.${key}\\b`).test(text));
      }),
    );
    expect(unused.map((e) => e.id)).toEqual([]);
  });
});
