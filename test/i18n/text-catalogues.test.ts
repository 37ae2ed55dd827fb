import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_TEXT } from '../../src/api/messages.js';
import { BAG_TEXT, REPORT_TEXT } from '../../src/audit/messages.js';
import { DICTIONARY_TEXT } from '../../src/checks/port1/analysis/dictionary-messages.js';
import { FILE_TEXT, SCHEMA_TEXT, SUGGESTION_TEXT, YAML_TEXT } from '../../src/diagnostics/messages.js';
import { EVIDENCE_TEXT } from '../../src/evidence/messages.js';
import { GRID_TEMPLATE_TEXT } from '../../src/formatters/xlsx/grid-template-messages.js';
import type { MessageDef, ParamValue } from '../../src/i18n/types.js';
import { MANIFEST_TEXT } from '../../src/manifest/messages.js';
import { RULESET_TEXT } from '../../src/ruleset/messages.js';
import { ROOT } from '../support/run-cli.js';

/**
 * The catalogues that word input problems (exit 2), one per folder: every entry words something in
 * both languages, its French follows FRENCH.md's typography, and every entry is used by the code.
 */
const CATALOGUES: readonly { name: string; file: string; catalogue: Readonly<Record<string, MessageDef<never>>> }[] = [
  { name: 'FILE_TEXT', file: 'src/diagnostics/messages.ts', catalogue: FILE_TEXT },
  { name: 'YAML_TEXT', file: 'src/diagnostics/messages.ts', catalogue: YAML_TEXT },
  { name: 'SCHEMA_TEXT', file: 'src/diagnostics/messages.ts', catalogue: SCHEMA_TEXT },
  { name: 'SUGGESTION_TEXT', file: 'src/diagnostics/messages.ts', catalogue: SUGGESTION_TEXT },
  { name: 'MANIFEST_TEXT', file: 'src/manifest/messages.ts', catalogue: MANIFEST_TEXT },
  { name: 'RULESET_TEXT', file: 'src/ruleset/messages.ts', catalogue: RULESET_TEXT },
  { name: 'REPORT_TEXT', file: 'src/audit/messages.ts', catalogue: REPORT_TEXT },
  { name: 'BAG_TEXT', file: 'src/audit/messages.ts', catalogue: BAG_TEXT },
  { name: 'API_TEXT', file: 'src/api/messages.ts', catalogue: API_TEXT },
  { name: 'EVIDENCE_TEXT', file: 'src/evidence/messages.ts', catalogue: EVIDENCE_TEXT },
  { name: 'DICTIONARY_TEXT', file: 'src/checks/port1/analysis/dictionary-messages.ts', catalogue: DICTIONARY_TEXT },
  { name: 'GRID_TEMPLATE_TEXT', file: 'src/formatters/xlsx/grid-template-messages.ts', catalogue: GRID_TEMPLATE_TEXT },
];

const entries = CATALOGUES.flatMap(({ name, file, catalogue }) => Object.entries(catalogue).map(([key, def]) => ({ id: `${name}.${key}`, file, key, name, def })));

/** Every parameter as a word, then every one as a number: only the catalogue's own text is judged. */
const SAMPLES: readonly Record<string, ParamValue>[] = ['x', 2].map((v) => new Proxy({}, { get: () => v }));

/** What each entry says, message and hint, in one language, for every sample. */
function texts(lang: 'en' | 'fr'): { id: string; text: string }[] {
  return entries.flatMap(({ id, def }) => SAMPLES.flatMap((p) => [def[lang](p), ...(def.hint ? [def.hint[lang](p)] : [])].map((text) => ({ id, text }))));
}

// Code in backquotes (`facts:`, `--rules x`) is what the user types, not prose.
const prose = (t: string): string => t.replace(/`[^`]*`/g, '');

describe('the input-problem catalogues', () => {
  it('hold the entries of every folder (a scan that finds nothing proves nothing)', () => {
    expect(entries.length).toBeGreaterThan(100);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('word every entry, and its hint, in English and in French', () => {
    for (const lang of ['en', 'fr'] as const) expect(texts(lang).filter((t) => t.text.trim() === '').map((t) => t.id)).toEqual([]);
  });

  it('put a no-break space before « : » in French, never a breakable one or none (FRENCH.md 19)', () => {
    const bad = texts('fr').filter(({ text }) => / :/.test(prose(text)) || /[\p{L}\p{N})»’]:(\s|$)/u.test(prose(text)));
    expect(bad).toEqual([]);
    expect(texts('fr').filter(({ text }) => text.includes('\u00a0:')).length).toBeGreaterThan(20);
  });

  it('space « ; », « ? » and « ! » off the word before them in French, and use the curly apostrophe', () => {
    expect(texts('fr').filter(({ text }) => /[\p{L}\p{N})»’][;?!]/u.test(prose(text)) || /\p{L}'\p{L}/u.test(prose(text)))).toEqual([]);
  });

  it('have no entry the code does not use', () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.ts') ? [path.join(d, e.name)] : []));
    const sources = walk(path.join(ROOT, 'src')).map((f) => ({ file: path.relative(ROOT, f).split(path.sep).join('/'), text: readFileSync(f, 'utf8') }));
    const unused = entries.filter(({ name, key, file }) => !sources.some((s) => s.file !== file && new RegExp(`\\b${name}\\.${key}\\b`).test(s.text)));
    expect(unused.map((e) => e.id)).toEqual([]);
  });
});
