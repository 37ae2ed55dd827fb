import type { Report } from '../report/report.js';
import type { Labels } from './labels.js';

/**
 * The HTML dossier's style sheet (screen and print, A4, each requirement kept on one page where it
 * fits) and its running header and footer in print: what html.ts puts in its one <style> element.
 */

export const CSS = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --ok: #1a7f37; --na: #6e7781; --missing: #9a6700; --failed: #cf222e; --error: #8250df; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.9rem; margin: 0.1rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; break-after: avoid; }
h3 { font-size: 1rem; margin: 1.1rem 0 0.4rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; break-after: avoid; }
code, .hash { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
.hash { overflow-wrap: anywhere; word-break: break-all; }
.eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; }
.manufacturer { margin: 0; color: var(--muted); }
header { display: flex; justify-content: space-between; align-items: flex-end; gap: 1rem; flex-wrap: wrap;
  border-bottom: 3px solid var(--ink); padding-bottom: 1rem; }
.verdict { border: 3px solid; border-radius: 6px; padding: 0.4rem 1rem; text-align: center; }
.verdict span { display: block; font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.08em; }
.verdict strong { font-size: 1.6rem; text-transform: uppercase; }
.verdict-pass { color: var(--ok); } .verdict-fail { color: var(--failed); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 0.4rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-size: 0.85rem; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.badge { display: inline-block; border-radius: 999px; padding: 0 0.6rem; font-size: 0.8rem; font-weight: 600;
  color: #fff; white-space: nowrap; vertical-align: middle; }
.s-satisfied { background: var(--ok); } .s-not_applicable { background: var(--na); } .s-missing { background: var(--missing); }
.s-failed { background: var(--failed); } .s-error { background: var(--error); }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.2rem; margin: 0.5rem 0; padding: 0; list-style: none; }
section.requirement { border-top: 1px solid var(--line); margin-top: 1.5rem; }
section.req-id { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; margin-right: 0.4rem; }
section.requirement > h2 .badge { margin-left: 0.4rem; }
table.evidence { table-layout: fixed; }
table.evidence col.slot { width: 22%; } table.evidence col.status { width: 17%; }
table.evidence col.file { width: 30%; } table.evidence col.sha { width: 31%; }
.file-facts { display: block; color: var(--muted); font-size: 0.82rem; overflow-wrap: anywhere; }
td code { overflow-wrap: anywhere; }
.asks { color: var(--muted); margin: 0.2rem 0 0.6rem; }
blockquote { margin: 0.5rem 0; padding: 0.4rem 0.8rem; border-left: 4px solid var(--na); background: var(--soft); }
ul.findings { padding-left: 1.2rem; }
ul.findings li { margin: 0.4rem 0; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 0.75rem; letter-spacing: 0.05em; }
.sev-error { color: var(--failed); } .sev-warning { color: var(--missing); } .sev-info { color: var(--muted); }
.hint, .where { display: block; color: var(--muted); font-size: 0.9rem; }
.mismatch { color: var(--failed); }
.none { color: var(--muted); font-style: italic; }
nav.toc ol { columns: 2; column-gap: 2rem; padding-left: 1.4rem; margin: 0.4rem 0; }
nav.toc li { break-inside: avoid; margin: 0.15rem 0; }
.toc-counts .badge { font-size: 0.7rem; }
tr.section-row th { background: #fff; border-bottom: 2px solid var(--ink); padding-top: 0.8rem; font-size: 0.95rem; }
footer { margin-top: 2.5rem; padding-top: 0.6rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  blockquote, dl.meta, li { break-inside: avoid-page; }
  h2, h3 { break-after: avoid-page; }
  /* a requirement on one page where it fits (a longer one breaks as it must) */
  section.requirement { break-inside: avoid-page; }
  footer { display: none; }
}
`;

/** A text as a CSS string: quotes, backslashes and line breaks escaped, and no `<` that could close the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\u2028\u2029]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/**
 * The running header and footer of the printed dossier (CSS page-margin boxes): product and version,
 * the as-of date, the ruleset, and page n/N, on every page, for a dossier filed as a PDF.
 */
export function printMargins(report: Report, lab: Labels): string {
  const head = `${report.product.name} ${report.product.version} — ${report.product.manufacturer}`;
  const foot = `${report.tool.name} ${report.tool.version} · ${report.ruleset.id} ${report.ruleset.version}`;
  const box = 'font-size: 8pt; color: #555;';
  return [
    '@page {',
    `  @top-left { content: ${cssString(head)}; ${box} }`,
    `  @top-right { content: ${cssString(`${lab.runningAsOf} ${report.asOf}`)}; ${box} }`,
    `  @bottom-left { content: ${cssString(foot)}; ${box} }`,
    `  @bottom-right { content: ${cssString(`${lab.page} `)} counter(page) " / " counter(pages); ${box} }`,
    '}',
  ].join('\n');
}
