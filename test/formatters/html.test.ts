import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { htmlFormatter } from '../../src/formatters/html.js';
import { canonicalContext, canonicalReport } from './canonical-report.js';

describe('html formatter (static)', () => {
  const html = htmlFormatter.format(canonicalReport('en'), canonicalContext('en'));

  it('is one self-contained file: no script, no external stylesheet, image, font or frame', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(/i);
    // The only links are anchors inside the document.
    const refs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#(req|sec)-/);
      expect(html).toContain(`id="${ref.slice(1)}"`);
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('has a table of contents by section and counts by profile when the report spans several sections', () => {
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    expect([...toc.matchAll(/href="#(sec-[^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]])).toEqual([
      ['sec-IEU', 'IEU'],
      ['sec-PORT', 'PORT'],
    ]);
    const profiles = html.slice(html.indexOf('<table class="profiles">'), html.indexOf('</table>', html.indexOf('<table class="profiles">')));
    expect(profiles).toContain('<tr><td>Accès Usager</td><td>1</td><td>1</td><td>1</td><td>1</td><td>0</td></tr>');
    expect(profiles).toContain('<tr><td>Général</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>');
  });

  it('declares its encoding and language', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(htmlFormatter.format(canonicalReport('fr'), canonicalContext('fr'))).toContain('<html lang="fr">');
  });

  it('escapes every text the report holds', () => {
    const evil: Report = canonicalReport('en');
    evil.product.name = '<script>alert(1)</script>';
    evil.product.manufacturer = '"><img src=x onerror=alert(2)>';
    evil.requirements[0]!.statement!.justification = '</blockquote><script>alert(3)</script>';
    evil.requirements[1]!.slots[0]!.files[0]!.path = 'evidence/<b>x</b>&amp;.png';
    evil.findings[0]!.message = 'a\u0000b<c>';
    const out = htmlFormatter.format(evil, canonicalContext('en'));
    expect(out).not.toMatch(/<script|<img|<b>|\u0000/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('evidence/&lt;b&gt;x&lt;/b&gt;&amp;amp;.png');
    expect(out).toContain('ab&lt;c&gt;');
  });

  it('groups digits by hand, the same whatever the ICU data', () => {
    expect(html).toContain('183,422 bytes');
    expect(htmlFormatter.format(canonicalReport('fr'), canonicalContext('fr'))).toContain('183\u202f422 octets');
  });

  it('prints for filing: a running header and footer with page n / N, a requirement kept on one page', () => {
    expect(html).toMatch(/@top-left \{ content: "CardioSuivi 4\.2\.0 — Exemple Santé SAS";/);
    expect(html).toMatch(/@top-right \{ content: "as of 2026-11-29";/);
    expect(html).toContain('@bottom-right { content: "page " counter(page) " / " counter(pages);');
    expect(html).toMatch(/@media print \{[^@]*section\.requirement \{ break-inside: avoid-page; \}/);
    expect(htmlFormatter.format(canonicalReport('fr'), canonicalContext('fr'))).toContain('@top-right { content: "au 2026-11-29";');
  });

  it('a product name cannot leave the CSS string of the running header', () => {
    const evil: Report = canonicalReport('en');
    evil.product.name = 'X"; } body { display: none } </style><script>';
    const out = htmlFormatter.format(evil, canonicalContext('en'));
    expect(out).toContain('@top-left { content: "X\\22 ; } body { display: none } \\3c /style\\3e \\3c script\\3e  4.2.0');
    expect(out.match(/<\/style>/g)).toHaveLength(1);
  });

  it('an optional slot left empty is "not provided (optional)", no status of its own', () => {
    expect(html).toMatch(/<code>ins-association-flow<\/code>[^\n]*<\/td><td rowspan="1"><span class="none">not provided \(optional\)<\/span><\/td>/);
    expect(htmlFormatter.format(canonicalReport('fr'), canonicalContext('fr'))).toContain('<span class="none">non fourni (facultatif)</span>');
  });
});
