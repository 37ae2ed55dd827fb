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

/** Code-like literals (`ins.key`, `file.kind`…) that are not a catalogue key being declared (`'x': {`). */
function emittedLiterals(): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of sources) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'(?!:\s*\{)/g)) {
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
    expect(Object.hasOwn(catalog, 'slot.too-few-files')).toBe(true);
    expect(Object.hasOwn(CATALOG, 'slot.too-few-files')).toBe(false);
    const dup = { name: 'dup', description: 'd', schema: {}, messages: { 'file.missing': CATALOG['file.missing']! }, run: () => ({ findings: [] }) };
    expect(() => catalogOf(createRegistry([dup]))).toThrow(/file\.missing of check dup is already worded/);
  });

  it('never resolves a code through the object prototype', () => {
    expect(word('toString', {}, 'en', catalog).message).toBe('toString');
    expect(word('constructor', {}, 'fr', catalog).message).toBe('constructor');
  });
});
