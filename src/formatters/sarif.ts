import type { Finding, FileReport, Report, RequirementReport, Severity } from '../report/report.js';
import type { Lang } from '../i18n/types.js';
import type { RequirementDef } from '../ruleset/types.js';
import type { FormatContext, TextFormatter } from './types.js';
import { labels, type Labels } from './labels.js';
import { codeSpan, escapeMarkdown } from './markdown-escape.js';
import { isNotSatisfied, isUrl, repoPath, reportFiles, requirementDef, signatureText, slotNeed, slotNeedWord } from './report-helpers.js';
import { Fingerprints } from './fingerprint.js';
import { findingHelpUri, RULESET_HELP_URI, ruleIdOf } from './help-links.js';

/** Where the OASIS Standard publishes the schema this output follows. */
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Paths are relative to the analysis root; the consumer (e.g. GitHub code scanning) binds it. */
const SRCROOT = '%SRCROOT%';

/** Rule of the findings about the dossier as a whole, which belong to no requirement. */
const DOSSIER_RULE_ID = 'dossier';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A URI reference for a dossier path: each segment percent-encoded (spaces, accents, `#`, `?`). */
function uriOf(report: Report, file: string): JsonObject {
  if (isUrl(file)) return { uri: file };
  return { uri: repoPath(report, file).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The rule's help: the requirement's statement, the evidence each slot expects, when it does not apply. */
function helpOf(def: RequirementDef, lang: Lang, lab: Labels): { text: string; markdown: string } {
  const text = [def.statement[lang], '', `${lab.expectedEvidence}${lab.colon.trimEnd()}`];
  const md = [escapeMarkdown(def.statement[lang]), '', `**${escapeMarkdown(lab.expectedEvidence)}**`, ''];
  for (const slot of def.slots) {
    const need = slotNeedWord(slotNeed(slot), lab);
    text.push(`- ${slot.name} (${need})${lab.colon}${slot.expects[lang]}`);
    md.push(`- ${codeSpan(slot.name)} (${escapeMarkdown(need)})${lab.colon}${escapeMarkdown(slot.expects[lang])}`);
  }
  if (def.notApplicableWhen.length > 0) {
    text.push('', `${lab.notApplicableWhen}${lab.colon.trimEnd()}`);
    md.push('', `**${escapeMarkdown(lab.notApplicableWhen)}**`, '');
    for (const na of def.notApplicableWhen) {
      text.push(`- ${na.reason[lang]}`);
      md.push(`- ${escapeMarkdown(na.reason[lang])}`);
    }
  }
  return { text: text.join('\n'), markdown: md.join('\n') };
}

function ruleOf(r: RequirementReport, def: RequirementDef | undefined, lang: Lang, lab: Labels): JsonObject {
  // Code scanning keys alerts on the rule id, which takes no spaces; the official id is the name people read.
  const rule: JsonObject = {
    id: ruleIdOf(r.id),
    name: r.id,
    shortDescription: { text: `${r.id} — ${r.title}` },
    helpUri: RULESET_HELP_URI,
  };
  if (def) {
    rule.fullDescription = { text: def.statement[lang] };
    rule.help = helpOf(def, lang, lab);
    const properties: JsonObject = { section: def.section, tags: [def.section, ...(def.profile ? [def.profile] : [])] };
    if (def.profile !== undefined) properties.profile = def.profile;
    if (def.mandatorySince !== undefined) properties.mandatorySince = def.mandatorySince;
    rule.properties = properties;
  }
  rule.defaultConfiguration = { level: 'error' };
  return rule;
}

/** Lists every file the report names, with what the report knows of it (hash, size, kind). */
function artifactsOf(report: Report): { artifacts: JsonObject[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const manifestName = report.manifest.path.replace(/\\/g, '/').split('/').pop() ?? report.manifest.path;
  const artifacts: JsonObject[] = [
    { location: uriOf(report, manifestName), roles: ['analysisTarget'], hashes: { 'sha-256': report.manifest.sha256 } },
  ];
  index.set(manifestName, 0);
  for (const f of reportFiles(report)) {
    if (index.has(f.path)) continue;
    index.set(f.path, artifacts.length);
    artifacts.push(artifactOf(report, f));
  }
  return { artifacts, index };
}

function artifactOf(report: Report, f: FileReport): JsonObject {
  const a: JsonObject = { location: uriOf(report, f.path), roles: ['analysisTarget'] };
  if (f.bytes !== null) a.length = f.bytes;
  if (f.kind !== null) a.mimeType = f.kind;
  if (f.sha256 !== null) a.hashes = { 'sha-256': f.sha256 };
  if (f.expectedSha256 !== undefined) a.properties = { expectedSha256: f.expectedSha256 };
  return a;
}

interface Ctx {
  report: Report;
  lab: Labels;
  manifestName: string;
  artifactIndex: Map<string, number>;
  prints: Fingerprints;
}

/**
 * Where a result sits. Every result has a region (code scanning drops or misplaces results without
 * one): the finding's own span when it has one, else line 1 of its file (the whole line, as SARIF
 * reads a region with a start line only), else line 1 of the manifest.
 */
function locationOf(c: Ctx, f: Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> | undefined): JsonObject {
  const target = f?.file ?? c.manifestName;
  const artifactLocation = uriOf(c.report, target);
  const i = c.artifactIndex.get(target);
  if (i !== undefined) artifactLocation.index = i;
  const physicalLocation: JsonObject = { artifactLocation };
  {
    const region: JsonObject = { startLine: f?.line ?? 1 };
    if (f?.line !== undefined && f.column !== undefined) {
      region.startColumn = f.column;
      if (f.endLine !== undefined && f.endColumn !== undefined) {
        region.endLine = f.endLine;
        region.endColumn = f.endColumn;
      }
    }
    physicalLocation.region = region;
  }
  return { physicalLocation };
}

function fingerprint(value: string): { 'dmnCheck/v1': string } {
  return { 'dmnCheck/v1': value };
}

function messageOf(f: Finding, lab: Labels): string {
  return f.hint === undefined ? f.message : `${f.message}\n${lab.hint}${lab.colon}${f.hint}`;
}

function findingResult(c: Ctx, f: Finding, requirement: string, ruleIndex: number, status: string | undefined): JsonObject {
  const helpUri = findingHelpUri(f.code);
  const properties: JsonObject = { code: f.code, helpUri };
  if (status !== undefined) properties.requirementStatus = status;
  if (f.slot !== undefined) properties.slot = f.slot;
  if (f.record !== undefined) properties.record = f.record;
  if (f.pointer !== undefined) properties.pointer = f.pointer;
  return {
    ruleId: ruleIdOf(requirement),
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: messageOf(f, c.lab), markdown: `${escapeMarkdown(messageOf(f, c.lab))}\n\n[${f.code}](${helpUri})` },
    // A FHIR URL is not in the repository: the result sits on the manifest, the URL goes alongside.
    locations: [locationOf(c, f.file !== undefined && isUrl(f.file) ? undefined : f)],
    ...(f.file !== undefined && isUrl(f.file) ? { relatedLocations: [{ id: 0, physicalLocation: { artifactLocation: { uri: f.file } } }] } : {}),
    partialFingerprints: fingerprint(c.prints.finding(requirement === DOSSIER_RULE_ID ? undefined : requirement, f, c.manifestName)),
    suppressions: [],
    properties,
  };
}

function requirementResults(c: Ctx, r: RequirementReport, ruleIndex: number): JsonObject[] {
  const out = r.findings.map((f) => findingResult(c, f, r.id, ruleIndex, r.status));
  if (r.status === 'not_applicable') {
    const reasons = r.notApplicableReasons ?? [];
    const justification = r.statement ? `${r.statement.justification} — ${signatureText(r.statement, c.lab)}` : reasons.join('; ');
    const properties: JsonObject = { requirementStatus: r.status };
    if (r.statement) {
      properties.statement = {
        justification: r.statement.justification,
        signatory: r.statement.signatory,
        signedOn: r.statement.signedOn,
        expiresOn: r.statement.expiresOn,
        ...(r.statement.document ? { document: { path: r.statement.document.path, sha256: r.statement.document.sha256 } } : {}),
      };
    }
    // The run's one suppression policy: every result carries `suppressions` (empty when not suppressed).
    out.unshift({
      ruleId: ruleIdOf(r.id),
      ruleIndex,
      kind: 'notApplicable',
      level: 'none',
      message: { text: reasons.length > 0 ? `${c.lab.notApplicableBecause}${c.lab.colon}${reasons.join('; ')}` : c.lab.status.not_applicable },
      locations: [locationOf(c, r.findings.find((f) => f.file === c.manifestName && f.line !== undefined))],
      partialFingerprints: fingerprint(c.prints.requirement(r.id, 'not_applicable')),
      suppressions: [{ kind: 'external', status: 'accepted', justification }],
      properties,
    });
  } else if (isNotSatisfied(r.status) && r.findings.length === 0) {
    // The contract wants a finding for every non-satisfied status; say the status rather than nothing.
    out.push({
      ruleId: ruleIdOf(r.id),
      ruleIndex,
      level: 'error',
      message: { text: c.lab.status[r.status] },
      locations: [locationOf(c, undefined)],
      partialFingerprints: fingerprint(c.prints.requirement(r.id, r.status)),
      suppressions: [],
      properties: { requirementStatus: r.status },
    });
  }
  return out;
}

function format(report: Report, ctx: FormatContext): string {
  const lab = labels(ctx.lang);
  const { artifacts, index } = artifactsOf(report);
  const c: Ctx = { report, lab, manifestName: [...index.keys()][0]!, artifactIndex: index, prints: new Fingerprints(report) };
  const rules = report.requirements.map((r) => ruleOf(r, requirementDef(ctx.ruleset, r.id), ctx.lang, lab));
  const results = report.requirements.flatMap((r, i) => requirementResults(c, r, i));
  if (report.findings.length > 0) {
    const dossierIndex = rules.length;
    rules.push({
      id: DOSSIER_RULE_ID,
      name: 'Dossier',
      shortDescription: { text: lab.dossierFindings },
      helpUri: RULESET_HELP_URI,
      defaultConfiguration: { level: 'warning' },
    });
    results.push(...report.findings.map((f) => findingResult(c, f, DOSSIER_RULE_ID, dossierIndex, undefined)));
  }
  const log: JsonObject = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, rules } },
        language: ctx.lang,
        // Manifest columns come from a JavaScript string offset.
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
        properties: {
          verdict: report.verdict,
          summary: report.summary,
          asOf: report.asOf,
          generatedAt: report.generatedAt,
          product: report.product,
          ruleset: report.ruleset,
          manifest: report.manifest,
          facts: report.facts,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** SARIF 2.1.0 for code-scanning tools: one rule per requirement, N/A requirements as suppressed results. */
export const sarifFormatter: TextFormatter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for code scanning: one rule per requirement (id IEU-2, name IEU 2), a region and a stable fingerprint on every result, not-applicable as suppressed notApplicable results',
  extension: 'sarif',
  format,
};
