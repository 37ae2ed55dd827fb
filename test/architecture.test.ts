import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.js';

/**
 * The arrows of docs/ARCHITECTURE.md, as data: each part of `src/` and the parts it may import.
 * A new arrow is a design decision: change the table and the document together.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  report: [],
  util: [],
  i18n: ['util', 'report'],
  diagnostics: ['util', 'report', 'i18n'],
  evidence: ['util', 'report', 'diagnostics', 'i18n', 'manifest'],
  ruleset: ['util', 'report', 'diagnostics', 'i18n', 'checks', 'evidence'],
  manifest: ['util', 'report', 'diagnostics', 'i18n', 'ruleset', 'evidence'],
  checks: ['util', 'report', 'diagnostics', 'i18n', 'evidence', 'ruleset'],
  engine: ['util', 'report', 'diagnostics', 'i18n', 'evidence', 'checks', 'ruleset', 'manifest'],
  formatters: ['util', 'report', 'diagnostics', 'i18n', 'ruleset'],
  audit: ['util', 'report', 'diagnostics', 'i18n', 'evidence', 'manifest', 'ruleset', 'formatters'],
  api: ['util', 'report', 'diagnostics', 'i18n', 'evidence', 'manifest', 'ruleset', 'checks', 'engine', 'audit', 'formatters'],
  cli: ['util', 'report', 'diagnostics', 'i18n', 'evidence', 'manifest', 'ruleset', 'checks', 'audit', 'formatters', 'api'],
  index: ['util', 'report', 'diagnostics', 'i18n', 'evidence', 'manifest', 'ruleset', 'checks', 'engine', 'audit', 'formatters', 'api'],
};

const SRC = path.join(ROOT, 'src');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
const partOf = (file: string): string => {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? rel[0]!.replace(/\.ts$/, '') : rel[0]!;
};

/** Every relative import (static, type-only, re-export or dynamic) between two parts of `src/`. */
function crossings(): { from: string; to: string; file: string; spec: string }[] {
  const out: { from: string; to: string; file: string; spec: string }[] = [];
  for (const file of walk(SRC).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      const from = partOf(file);
      const to = partOf(target);
      if (from !== to) out.push({ from, to, file: path.relative(ROOT, file), spec: m[1]! });
    }
  }
  return out;
}

describe('the architecture', () => {
  const all = crossings();

  it('sees the imports it judges (a scan that finds nothing proves nothing)', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((c) => c.from === 'engine' && c.to === 'checks')).toBe(true);
  });

  it('every part of src/ is in the table', () => {
    const parts = new Set(walk(SRC).filter((f) => f.endsWith('.ts')).map(partOf));
    expect([...parts].filter((p) => !(p in MAY_IMPORT))).toEqual([]);
  });

  it('no import crosses a forbidden arrow', () => {
    const bad = all.filter((c) => !(MAY_IMPORT[c.from] ?? []).includes(c.to)).map((c) => `${c.file}: ${c.from} → ${c.to} (${c.spec})`);
    expect(bad).toEqual([]);
  });

  it('report/, diagnostics/, evidence/ and formatters/ never reach into engine/, cli/ or api/', () => {
    const low = new Set(['report', 'diagnostics', 'evidence', 'formatters']);
    const high = new Set(['engine', 'cli', 'api']);
    expect(all.filter((c) => low.has(c.from) && high.has(c.to))).toEqual([]);
    for (const p of low) for (const h of high) expect(MAY_IMPORT[p]).not.toContain(h);
  });

  it('the table is the one docs/ARCHITECTURE.md shows', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    for (const [part, deps] of Object.entries(MAY_IMPORT)) {
      const row = new RegExp(`^\\| \`${part}\` \\| (.*) \\|$`, 'm').exec(doc);
      expect(row, `row for ${part}`).not.toBeNull();
      const listed = row![1]!.split('|')[1]!.trim();
      expect((listed === '—' ? [] : listed.split(', ').map((d) => d.replace(/`/g, ''))).sort(), part).toEqual([...deps].sort());
    }
  });

  it('keeps every file of src/ within 300 lines, but the measured JSON splitter', () => {
    // One job per file (docs/ARCHITECTURE.md); the splitter is one tuned state machine, kept whole on purpose.
    const EXEMPT = new Set(['evidence/formats/json/splitter.ts']);
    const files = walk(SRC).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((f) => ({ file: path.relative(SRC, f).split(path.sep).join('/'), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 300 && !EXEMPT.has(x.file))
      .map((x) => `${x.file}: ${x.lines} lines`);
    expect(long).toEqual([]);
  });
});
