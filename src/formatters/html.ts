import type { FileReport, Finding, Report, RequirementReport, SlotReport, StatementReport, Status } from '../report/report.js';
import type { Lang } from '../i18n/types.js';
import type { FactValue, RequirementDef, Ruleset } from '../ruleset/types.js';
import type { FormatContext, TextFormatter } from './types.js';
import { labels, type Labels } from './labels.js';
import { groupRequirements, locationText, requirementDef, sectionHeading, slotNeed, slotNeedWord, type ReportGroup } from './report-helpers.js';
import { escapeXmlAttr as attr, escapeXmlText as h } from './xml-escape.js';
import { CSS, printMargins } from './html-style.js';
import { formatNumber } from '../util/numbers.js';

/*
 * One file an auditor can open, archive and print: no script, no external font, image or
 * stylesheet, so it reads the same offline in ten years. Colour only repeats what the words say.
 */
const STATUS_ORDER: readonly Status[] = ['satisfied', 'not_applicable', 'missing', 'failed', 'error'];

function anchor(id: string, prefix = 'req'): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function countBadges(counts: Record<Status, number>, lab: Labels): string {
  return STATUS_ORDER.filter((k) => counts[k] > 0)
    .map((k) => `${badge(k, lab)} ${counts[k]}`)
    .join(' ');
}

/** Sections with their counts, each a link to its rows of the summary table (shown when there are several). */
function contents(sections: readonly ReportGroup[], ruleset: Ruleset, lab: Labels, lang: Lang): string[] {
  return [
    '<nav class="toc" id="toc">',
    `<h2>${h(lab.contents)}</h2>`,
    '<ol>',
    ...sections.map((g) => `<li><a href="#${attr(anchor(g.key, 'sec'))}">${h(sectionHeading(ruleset, g.key, lang))}</a> <span class="toc-counts">${countBadges(g.counts, lab)}</span></li>`),
    '</ol>',
    '</nav>',
  ];
}

/** Requirements counted by profile (a requirement spanning two profiles counts in each). */
function profileTable(report: Report, ruleset: Ruleset, lab: Labels): string[] {
  const profiles = groupRequirements(report, ruleset, 'profile').filter((g) => g.key !== '');
  if (profiles.length === 0) return [];
  return [
    `<h3>${h(lab.byProfile)}</h3>`,
    '<table class="profiles">',
    `<thead><tr><th>${h(lab.profile)}</th>${STATUS_ORDER.map((k) => `<th>${h(lab.status[k])}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...profiles.map((g) => `<tr><td>${h(g.key)}</td>${STATUS_ORDER.map((k) => `<td>${g.counts[k]}</td>`).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ];
}

function summaryRows(report: Report, ruleset: Ruleset, sections: readonly ReportGroup[], lab: Labels, lang: Lang): string[] {
  const row = (r: RequirementReport): string => `<tr><td><a href="#${attr(anchor(r.id))}">${h(r.id)}</a></td><td>${h(r.title)}</td><td>${badge(r.status, lab)}</td></tr>`;
  if (sections.length <= 1) return report.requirements.map(row);
  return sections.flatMap((g) => [
    `<tr class="section-row" id="${attr(anchor(g.key, 'sec'))}"><th colspan="3">${h(sectionHeading(ruleset, g.key, lang))}</th></tr>`,
    ...g.requirements.map(row),
  ]);
}

function badge(status: Status, lab: Labels): string {
  return `<span class="badge s-${status}">${h(lab.status[status])}</span>`;
}

function hashCell(f: FileReport, lab: Labels): string {
  const actual = f.sha256 === null ? `<span class="none">${h(lab.unreadable)}</span>` : `<code class="hash">${h(f.sha256)}</code>`;
  if (f.expectedSha256 === undefined || f.expectedSha256 === f.sha256) return actual;
  return `${actual}<br><span class="mismatch">${h(lab.expectedSha256)}${lab.colon}<code class="hash">${h(f.expectedSha256)}</code></span>`;
}

function findingItem(f: Finding, lab: Labels): string {
  const parts = [`<span class="sev sev-${f.severity}">${h(lab.severity[f.severity])}</span> ${h(f.message)}`];
  if (f.hint !== undefined) parts.push(`<span class="hint">${h(lab.hint)}${lab.colon}${h(f.hint)}</span>`);
  const where = locationText(f, lab);
  parts.push(`<span class="where">${where !== undefined ? `<code>${h(where)}</code> · ` : ''}<code>${h(f.code)}</code></span>`);
  return `<li>${parts.join('\n')}</li>`;
}

function findingsList(findings: readonly Finding[], lab: Labels): string {
  return `<ul class="findings">\n${findings.map((f) => findingItem(f, lab)).join('\n')}\n</ul>`;
}

function statementBlock(st: StatementReport, lab: Labels, lang: Lang): string {
  const rows: [string, string][] = [
    [lab.signatory, `${h(st.signatory.name)} (${h(st.signatory.role)})`],
    [lab.signedOn, h(st.signedOn)],
    [lab.expiresOn, st.expiresOn === null ? `<span class="none">${h(lab.noExpiry)}</span>` : h(st.expiresOn)],
    [lab.statusHeading, h(st.valid ? lab.statementValid : lab.statementInvalid)],
  ];
  if (st.document) {
    const d = st.document;
    const facts = [d.kind, d.bytes === null ? null : `${formatNumber(d.bytes, lang)} ${lab.bytes.toLowerCase()}`].filter((x): x is string => x !== null);
    rows.push([lab.document, `<code>${h(d.path)}</code>${facts.length > 0 ? ` (${h(facts.join(', '))})` : ''}<br>SHA-256 ${hashCell(d, lab)}`]);
  }
  return [
    `<h3>${h(lab.statement)}</h3>`,
    `<blockquote class="justification">${h(st.justification)}</blockquote>`,
    `<dl class="meta">`,
    ...rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`),
    `</dl>`,
  ].join('\n');
}

function fileCell(f: FileReport, lab: Labels, lang: Lang): string {
  const kind = f.kind === null ? lab.unreadable : f.kind;
  const size = f.bytes === null ? '' : ` · ${formatNumber(f.bytes, lang)} ${lab.bytes.toLowerCase()}`;
  return `<td><code>${h(f.path)}</code><span class="file-facts">${h(kind)}${h(size)}</span></td>`;
}

function slotRows(slot: SlotReport, def: RequirementDef | undefined, lab: Labels, lang: Lang): string[] {
  const slotDef = def?.slots.find((s) => s.name === slot.name);
  const needWord = slotNeedWord(slotDef ? slotNeed(slotDef) : slot.required ? 'required' : 'optional', lab);
  const head = [`<code>${h(slot.name)}</code>`, slotDef ? `<br>${h(slotDef.title[lang])}` : '', `<br><span class="none">${h(needWord)}</span>`].join('');
  const span = Math.max(1, slot.files.length);
  // An optional slot left empty is no verdict of its own: say so rather than show a status.
  const empty = slot.files.length === 0 && !slot.required && (!slotDef || slotNeed(slotDef) !== 'required');
  const status = empty ? `<span class="none">${h(lab.notProvided)}</span>` : badge(slot.status, lab);
  const first = `<td rowspan="${span}">${head}</td><td rowspan="${span}">${status}</td>`;
  if (slot.files.length === 0) return [`<tr>${first}<td colspan="2"><span class="none">${h(lab.noFile)}</span></td></tr>`];
  return slot.files.map((f, i) => `<tr>${i === 0 ? first : ''}${fileCell(f, lab, lang)}<td>${hashCell(f, lab)}</td></tr>`);
}

function evidenceTable(r: RequirementReport, def: RequirementDef | undefined, lab: Labels, lang: Lang): string {
  return [
    `<h3>${h(lab.evidence)}</h3>`,
    '<table class="evidence">',
    '<colgroup><col class="slot"><col class="status"><col class="file"><col class="sha"></colgroup>',
    `<thead><tr><th>${h(lab.slot)}</th><th>${h(lab.statusHeading)}</th><th>${h(lab.file)} (${h(lab.kind.toLowerCase())}, ${h(lab.bytes.toLowerCase())})</th><th>SHA-256</th></tr></thead>`,
    '<tbody>',
    ...r.slots.flatMap((s) => slotRows(s, def, lab, lang)),
    '</tbody>',
    '</table>',
  ].join('\n');
}

function requirementSection(r: RequirementReport, ruleset: Ruleset, lab: Labels, lang: Lang): string {
  const def = requirementDef(ruleset, r.id);
  const out = [
    `<section class="requirement" id="${attr(anchor(r.id))}">`,
    `<h2><span class="req-id">${h(r.id)}</span> <span>${h(r.title)}</span> ${badge(r.status, lab)}</h2>`,
  ];
  if (def) out.push(`<p class="asks">${h(lab.requirementStatement)}${lab.colon}${h(def.statement[lang])}</p>`);
  const reasons = r.notApplicableReasons ?? [];
  if (reasons.length > 0) {
    out.push(`<p><strong>${h(lab.notApplicableBecause)}</strong>${lab.colon}${reasons.map((x) => h(x)).join('; ')}</p>`);
  }
  if (r.statement) out.push(statementBlock(r.statement, lab, lang));
  if (r.slots.length > 0) out.push(evidenceTable(r, def, lab, lang));
  if (r.findings.length > 0) out.push(`<h3>${h(lab.findings)}</h3>`, findingsList(r.findings, lab));
  out.push('</section>');
  return out.join('\n');
}

function factValue(value: FactValue, name: string, ruleset: Ruleset, lab: Labels, lang: Lang): string {
  if (typeof value === 'boolean') return h(value ? lab.yes : lab.no);
  const label = ruleset.facts.find((f) => f.name === name)?.values?.find((v) => v.value === value)?.label[lang];
  return `<code>${h(String(value))}</code>${label !== undefined ? ` — ${h(label)}` : ''}`;
}

function factsSection(report: Report, ruleset: Ruleset, lab: Labels, lang: Lang): string {
  const names = Object.keys(report.facts);
  if (names.length === 0) return '';
  const rows = names.map((name) => {
    const question = ruleset.facts.find((f) => f.name === name)?.question[lang];
    const q = `<code>${h(name)}</code>${question !== undefined ? `<br>${h(question)}` : ''}`;
    return `<tr><td>${q}</td><td>${factValue(report.facts[name]!, name, ruleset, lab, lang)}</td></tr>`;
  });
  return [
    `<section class="facts">`,
    `<h2>${h(lab.facts)}</h2>`,
    '<table>',
    `<thead><tr><th>${h(lab.fact)}</th><th>${h(lab.answer)}</th></tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function format(report: Report, ctx: FormatContext): string {
  const lang = ctx.lang;
  const lab = labels(lang);
  const product = `${report.product.name} ${report.product.version}`;
  const s = report.summary;
  const sections = groupRequirements(report, ctx.ruleset, 'section');
  const out = [
    '<!DOCTYPE html>',
    `<html lang="${attr(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${attr(`${report.tool.name} ${report.tool.version}`)}">`,
    `<title>${h(`${lab.dossier} — ${product}`)}</title>`,
    `<style>${CSS}${printMargins(report, lab)}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<div>',
    `<p class="eyebrow">${h(lab.dossier)}</p>`,
    `<h1 id="product">${h(product)}</h1>`,
    `<p class="manufacturer">${h(lab.manufacturer)}${lab.colon}${h(report.product.manufacturer)}</p>`,
    '</div>',
    `<div class="verdict verdict-${report.verdict}" id="verdict"><span>${h(lab.verdictHeading)}</span> <strong>${h(lab.verdict[report.verdict])}</strong></div>`,
    '</header>',
    '<dl class="meta" id="meta">',
    `<dt>${h(lab.ruleset)}</dt><dd>${h(`${report.ruleset.id} ${report.ruleset.version}`)} — ${h(ctx.ruleset.title[lang])}<br>SHA-256 <code class="hash">${h(report.ruleset.sha256)}</code></dd>`,
    `<dt>${h(lab.manifest)}</dt><dd><code>${h(report.manifest.path)}</code><br>SHA-256 <code class="hash">${h(report.manifest.sha256)}</code></dd>`,
    `<dt>${h(lab.asOf)}</dt><dd>${h(report.asOf)}</dd>`,
    `<dt>${h(lab.generatedAt)}</dt><dd>${h(report.generatedAt)}</dd>`,
    `<dt>${h(lab.generatedBy)}</dt><dd>${h(`${report.tool.name} ${report.tool.version}`)}</dd>`,
    '</dl>',
    ...(sections.length > 1 ? contents(sections, ctx.ruleset, lab, lang) : []),
    '<section class="summary" id="summary">',
    `<h2>${h(lab.summary)}</h2>`,
    `<ul class="counts">${STATUS_ORDER.map((k) => `<li>${badge(k, lab)} ${s[k]}</li>`).join('')}</ul>`,
    ...profileTable(report, ctx.ruleset, lab),
    '<table class="requirements">',
    `<thead><tr><th>${h(lab.requirement)}</th><th>${h(lab.title)}</th><th>${h(lab.statusHeading)}</th></tr></thead>`,
    '<tbody>',
    ...summaryRows(report, ctx.ruleset, sections, lab, lang),
    '</tbody>',
    '</table>',
    '</section>',
    ...report.requirements.map((r) => requirementSection(r, ctx.ruleset, lab, lang)),
  ];
  if (report.findings.length > 0) {
    out.push('<section class="dossier-findings">', `<h2>${h(lab.dossierFindings)}</h2>`, findingsList(report.findings, lab), '</section>');
  }
  const facts = factsSection(report, ctx.ruleset, lab, lang);
  if (facts) out.push(facts);
  out.push(
    `<footer>${h(lab.generatedBy)} ${h(`${report.tool.name} ${report.tool.version}`)} · ${h(report.generatedAt)} · ${h(`${report.ruleset.id} ${report.ruleset.version}`)}</footer>`,
    '</body>',
    '</html>',
    '',
  );
  return out.join('\n');
}

/** A self-contained, printable HTML dossier for auditors. */
export const htmlFormatter: TextFormatter = {
  name: 'html',
  description: 'Self-contained printable HTML dossier for auditors: verdict, statements, evidence files with their hashes, findings',
  extension: 'html',
  format,
};
