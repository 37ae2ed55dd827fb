import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { codeSpan, escapeMarkdown } from '../../src/formatters/markdown-escape.js';
import { markdownFormatter } from '../../src/formatters/markdown.js';
import { canonicalContext, canonicalReport } from './canonical-report.js';

/** Cell boundaries GFM sees in a table row: pipes not preceded by a backslash. */
const cellPipes = (row: string): number => row.match(/(?<!\\)\|/g)?.length ?? 0;

/** Rows of the requirements table (the one headed `| Requirement |`), header and rule included. */
function tableRows(md: string): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| Requirement |'));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('| '));
  return lines.slice(start, end < 0 ? undefined : end);
}

/** Rows (without header and rule) of the counts table headed `| heading |`. */
function countsRows(md: string, heading: string): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${heading} |`));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('| '));
  return lines.slice(start + 2, end < 0 ? undefined : end);
}

/** The section of the details that belongs to one requirement. */
function detailsOf(md: string, id: string): string {
  const start = md.indexOf(` ${id} — `, md.indexOf('### Details'));
  if (start < 0) return '';
  const end = md.indexOf('\n#### ', start);
  return md.slice(start, end < 0 ? md.indexOf('\n### ', start) : end);
}

describe('markdown escaping', () => {
  it.each([
    ['a table cell boundary', 'a | b', 'a \\| b'],
    ['emphasis and code', '*x* _y_ `z`', '\\*x\\* \\_y\\_ \\`z\\`'],
    ['raw HTML', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['a link', '[click](http://x)', '\\[click\\](http\\://x)'],
    ['an entity', '&amp;', '\\&amp;'],
    ['a mention and an issue reference', '@team #12', '\\@team \\#12'],
    ['line breaks', 'one\ntwo\r\nthree', 'one two three'],
    ['a leading list marker', '- item', '\\- item'],
    ['a leading ordered list marker', '12. item', '12\\. item'],
    ['leading indentation', '    code', 'code'],
    ['math', '$x$', '\\$x\\$'],
    ['control characters', 'bell\u0007', 'bell'],
  ])('escapes %s', (_label, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['plain', 'a.yaml', false, '`a.yaml`'],
    ['with a backtick', 'a`b', false, '``a`b``'],
    ['starting with a backtick', '`a', false, '`` `a ``'],
    ['with a pipe, in a table', 'a|b', true, '`a\\|b`'],
    ['with a pipe, outside a table', 'a|b', false, '`a|b`'],
  ])('makes a code span of text %s', (_label, input, inTable, expected) => {
    expect(codeSpan(input, inTable)).toBe(expected);
  });
});

describe('markdown formatter', () => {
  const report = canonicalReport('en');
  const md = markdownFormatter.format(report, canonicalContext('en'));

  it('opens with the verdict and the counts', () => {
    expect(md.split('\n')[0]).toBe('## dmn-check: CardioSuivi 4.2.0 — ❌ FAIL');
    expect(md).toContain('**Verdict: ❌ FAIL** · 1 satisfied · 1 not applicable · 1 missing · 1 failed · 1 error');
  });

  it('counts by section (when there are several) and by profile', () => {
    expect(countsRows(md, 'Section')).toEqual(['| IEU | 1 | 1 | 1 | 1 | 0 |', '| PORT | 0 | 0 | 0 | 0 | 1 |']);
    expect(countsRows(md, 'Profile')).toEqual(['| Accès Usager | 1 | 1 | 1 | 1 | 0 |', '| Général | 0 | 0 | 0 | 0 | 1 |']);
  });

  it('has a table row per requirement with the status emoji, the status word and the title', () => {
    const rows = tableRows(md);
    expect(rows.slice(2)).toEqual(report.requirements.map((r) => expect.stringContaining(`| ${r.id} |`)));
    expect(rows[4]).toBe(`| IEU 8 | ❌ failed | The user's INS is looked up when identification yields only a private identifier |`);
    for (const row of rows) expect(cellPipes(row)).toBe(4);
  });

  it('details every requirement that is not satisfied, and not the satisfied one', () => {
    for (const id of ['IEU 2', 'IEU 8', 'IEU 9', 'PORT 1']) expect(detailsOf(md, id)).not.toBe('');
    expect(detailsOf(md, 'IEU 7')).toBe('');
    const ieu8 = detailsOf(md, 'IEU 8');
    expect(ieu8).toContain('`dmn-evidence.yaml:21:46`');
    expect(ieu8).toContain('What to do: The file changed since the hash was recorded');
  });

  it('gives a not-applicable requirement its reasons, justification and signatory', () => {
    const ieu2 = detailsOf(md, 'IEU 2');
    expect(ieu2).toContain(`> ${report.requirements[0]!.statement!.justification}`);
    expect(ieu2).toContain('— Jeanne Martin (Présidente), signed on 2026-10-02, expires on 2027-10-02');
    expect(ieu2).toContain('Not applicable because: the DMN is "esclave de l\'identité"');
  });

  it('escapes what the report says, so a message cannot inject Markdown or HTML', () => {
    const port1 = detailsOf(md, 'PORT 1');
    expect(port1).toContain('\\<w:t\\> \\& \'w:p\' \\| \\*\\*bold\\*\\*');
    expect(port1).not.toContain('<w:t>');
  });

  it('keeps the table whole when titles hold pipes, line breaks and markup', () => {
    const evil: Report = canonicalReport('en');
    evil.requirements[1]!.title = 'A | B\n| C | <b>D</b>';
    evil.requirements[1]!.id = 'IEU|7';
    const rows = tableRows(markdownFormatter.format(evil, canonicalContext('en')));
    expect(rows).toHaveLength(2 + report.requirements.length);
    for (const row of rows) expect(cellPipes(row)).toBe(4);
  });

  it('lists only what is not satisfied with --quiet', () => {
    const quiet = markdownFormatter.format(report, { ...canonicalContext('en'), quiet: true });
    expect(tableRows(quiet).slice(2).map((r) => r.split(' | ')[0])).toEqual(['| IEU 8', '| IEU 9', '| PORT 1']);
    expect(quiet).toContain('1 satisfied · 1 not applicable');
  });

  it('speaks French when asked', () => {
    const fr = markdownFormatter.format(canonicalReport('fr'), canonicalContext('fr'));
    expect(fr).toContain('**Verdict\u00a0: ❌ NON CONFORME**');
    expect(fr).toContain('| IEU 8 | ❌ en échec |');
  });
});
