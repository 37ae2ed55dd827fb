import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogOf, createRegistry } from '../../src/checks/registry.js';
import { CATALOG, word } from '../../src/i18n/index.js';
import { ROOT } from '../support/run-cli.js';

/**
 * The finding vocabulary is closed: every code the code can emit is worded in both languages, and
 * every wording can be emitted by some code. A code nobody words (which would print as a bare code)
 * or a dead catalogue entry fails here.
 */
const catalog = catalogOf(createRegistry());
const prefixes = new Set(Object.keys(catalog).map((k) => k.split('.')[0]!));
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
const sources = walk(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts') && !f.includes(`${path.sep}i18n${path.sep}messages${path.sep}`));

/** Code-like literals (`ins.key`, `file.kind`…) that are not a catalogue key being declared (`'x': msg(…)`, `'x': {`). */
function emittedLiterals(): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of sources) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'(?!:\s*(?:\{|msg\b))/g)) {
      const code = m[1]!;
      if (!prefixes.has(code.split('.')[0]!) || /\.(json|yaml|yml|txt|html|md|xml|zip|js|cjs|hl7|ts)$/.test(code)) continue;
      if (!found.has(code)) found.set(code, path.relative(ROOT, f));
    }
  }
  return found;
}

describe('the finding vocabulary', () => {
  const emitted = emittedLiterals();

  it('sees the codes of every part (a scan that finds nothing proves nothing)', () => {
    expect(emitted.size).toBeGreaterThan(120);
    for (const code of ['slot.missing', 'file.kind', 'ins.key', 'export.schema.invalid', 'replay.manifest-changed', 'fhirpath.invalid-json']) expect(emitted.has(code), code).toBe(true);
  });

  it('words every code the sources emit', () => {
    const unworded = [...emitted].filter(([code]) => !Object.hasOwn(catalog, code)).map(([code, file]) => `${code} (${file})`);
    expect(unworded).toEqual([]);
  });

  it('has no wording that no source can emit', () => {
    const dead = Object.keys(catalog).filter((code) => !emitted.has(code));
    expect(dead).toEqual([]);
  });

  it('merges each check’s own messages, and refuses a code worded twice', () => {
    for (const code of ['slot.too-few-files', 'ins.key', 'export.schema.invalid', 'fhirpath.invalid-json', 'gazelle.passed', 'read.timeout']) {
      expect(Object.hasOwn(catalog, code), code).toBe(true);
      expect(Object.hasOwn(CATALOG, code), code).toBe(false);
    }
    const copy = { ...CATALOG['file.missing']! };
    const dup = { name: 'dup', description: 'd', schema: {}, messages: { 'file.missing': copy }, run: () => ({ findings: [] }) };
    expect(() => catalogOf(createRegistry([dup]))).toThrow(/file\.missing of check dup is already worded/);
  });

  it('takes one wording that checks of a family all declare (the same object), and no other', () => {
    const shared = { 'x.one': { en: () => 'one', fr: () => 'un' } };
    const check = (name: string, messages: typeof shared) => ({ name, description: 'd', schema: {}, messages, run: () => ({ findings: [] }) });
    expect(word('x.one', {}, 'fr', catalogOf(createRegistry([check('a', shared), check('b', { ...shared })]))).message).toBe('un');
    expect(() => catalogOf(createRegistry([check('a', shared), check('b', { 'x.one': { en: () => 'one', fr: () => 'un' } })]))).toThrow(/x\.one of check b is already worded/);
  });

  it('every catalogue entry of dmn-check’s own is declared with the parameters it reads (msg<…>)', () => {
    // TypedCatalog makes an undeclared read a type error; this keeps every catalogue under it.
    const untyped = sources.concat(walk(path.join(ROOT, 'src', 'i18n', 'messages'))).filter((f) => /satisfies Catalog\b/.test(readFileSync(f, 'utf8')));
    expect(untyped.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('never resolves a code through the object prototype', () => {
    expect(word('toString', {}, 'en', catalog).message).toBe('toString');
    expect(word('constructor', {}, 'fr', catalog).message).toBe('constructor');
  });
});
