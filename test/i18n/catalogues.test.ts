import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang, MessageDef, ParamValue } from '../../src/i18n/types.js';
import { ROOT } from '../support/run-cli.js';

/**
 * Every typed catalogue of src/ (every file that declares one `satisfies TypedCatalog` is found and
 * read, so a new catalogue cannot escape): findings, input problems, the command line, the
 * formatters. Every entry words something in every language, its French follows FRENCH.md's
 * typography, and every entry that is not a finding code is used by the code (finding codes:
 * test/i18n/vocabulary.test.ts).
 */
const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : []));
const sources = walk(path.join(ROOT, 'src')).map((f) => ({ file: path.relative(ROOT, f).split(path.sep).join('/'), text: readFileSync(f, 'utf8') }));

const isMessage = (v: unknown): v is MessageDef<never> => typeof v === 'object' && v !== null && typeof (v as MessageDef).en === 'function' && typeof (v as MessageDef).fr === 'function';
const isCatalogue = (v: unknown): v is Record<string, MessageDef<never>> => typeof v === 'object' && v !== null && !isMessage(v) && Object.values(v).length > 0 && Object.values(v).every(isMessage);

interface Entry {
  id: string;
  name: string;
  key: string;
  file: string;
  def: MessageDef<never>;
}

async function catalogueEntries(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const { file, text } of sources.filter((s) => /satisfies TypedCatalog\b/.test(s.text))) {
    const mod = (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      // a function that builds a catalogue (showsMessages()) is a catalogue too
      const catalogue = typeof value === 'function' && value.length === 0 && /satisfies TypedCatalog/.test(text) ? (value as () => unknown)() : value;
      if (!isCatalogue(catalogue)) continue;
      for (const [key, def] of Object.entries(catalogue)) out.push({ id: `${name}.${key}`, name, key, file, def });
    }
  }
  return out;
}

/** Every parameter as a word, as one, as two, and absent: only the catalogue's own words are judged. */
const SAMPLES: readonly Record<string, ParamValue>[] = ['x', 1, 2, undefined].map((v) => new Proxy({}, { get: (_, k) => (typeof k === 'string' ? v : undefined) }));
const LANGS: readonly Lang[] = ['en', 'fr'];

function texts(e: Entry, lang: Lang, samples = SAMPLES): string[] {
  return samples.flatMap((p) => [e.def[lang](p), ...(e.def.hint ? [e.def.hint[lang](p)] : [])]);
}

// Code in backquotes (`facts:`, `--rules x`) is what the user types, not prose; so are URLs and a
// character quoted as itself (« : »).
const prose = (t: string): string => t.replace(/`[^`]*`/g, '').replace(/\bhttps?:\/\/\S+/g, '').replace(/« \S{1,2} »/g, '«»');

describe('every catalogue', async () => {
  const entries = await catalogueEntries();
  // keyed by a code that comes from outside the sources (a finding code, a library's error code): looked up, not named
  const byCode = (e: Entry): boolean => e.key.includes('.') || /^[A-Z][A-Z_]+$/.test(e.key);

  it('is found: findings, input problems, command line and formatters (a scan that finds nothing proves nothing)', () => {
    expect(entries.filter(byCode).length).toBeGreaterThan(200);
    expect(entries.some((e) => e.id === 'YAML_ERROR_TEXT.MISSING_CHAR')).toBe(true);
    expect(entries.filter((e) => !byCode(e)).length).toBeGreaterThan(300);
    for (const name of ['coreMessages', 'insMessages', 'MANIFEST_TEXT', 'FILE_TEXT', 'CLI_TEXT', 'HELP_TEXT', 'FORMAT_TEXT']) expect(entries.some((e) => e.name === name), name).toBe(true);
  });

  it('words every entry, and its hint, in every language', () => {
    const empty = entries.flatMap((e) => LANGS.flatMap((lang) => (texts(e, lang, SAMPLES.slice(0, 3)).some((t) => t.trim() === '') ? [`${e.id} (${lang})`] : [])));
    expect(empty).toEqual([]);
  });

  it('puts a no-break space before « : » in French, never a breakable one or none (FRENCH.md 19)', () => {
    const bad = entries.filter((e) => texts(e, 'fr').some((t) => / :/.test(prose(t)) || /[\p{L}\p{N})»’]:(\s|$)/u.test(prose(t)))).map((e) => e.id);
    expect(bad).toEqual([]);
  });

  it('spaces « ; », « ? » and « ! » off the word before them in French, and uses the curly apostrophe', () => {
    const bad = entries.filter((e) => texts(e, 'fr').some((t) => /[\p{L}\p{N})»’][;?!](\s|$)/u.test(prose(t)) || /\p{L}'\p{L}/u.test(prose(t)))).map((e) => e.id);
    expect(bad).toEqual([]);
  });

  it('has no entry the code does not use (finding codes: the vocabulary test)', () => {
    const unused = entries
      .filter((e) => !byCode(e))
      .filter(({ name, key }) =>
        !sources.some((s) => {
          // the names a file knows the catalogue by: its own, and any alias it imports it as (an
          // entry's declaration, `key: msg(…)`, is no use of it)
          const names = [name, ...[...s.text.matchAll(new RegExp(`\\b${name} as (\\w+)`, 'g'))].map((m) => m[1]!)];
          return names.some((n) => new RegExp(`\\b${n}\\.${key}\\b`).test(s.text));
        }),
      );
    expect(unused.map((e) => e.id)).toEqual([]);
  });
});
