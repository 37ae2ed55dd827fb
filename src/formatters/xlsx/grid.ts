import type { Report, RequirementReport, Status } from '../../report/report.js';
import type { Lang } from '../../i18n/types.js';
import { evaluate, factsOf } from '../../ruleset/condition.js';
import { normalizeId } from '../../ruleset/ids.js';
import type { RequirementDef, Ruleset, ScenarioDef } from '../../ruleset/types.js';
import { labels } from '../labels.js';
import { placeOf } from '../status-labels.js';
import { requirementDef, signatureText } from '../report-helpers.js';

/**
 * The official grid's 18 columns (sheet `Exigences`, columns A–R), as the ANS file heads them.
 * They are column names, not requirement texts: a template whose header row differs is not the
 * official layout.
 */
export const OFFICIAL_COLUMNS = [
  'PROFIL',
  'N°',
  'ID Section',
  'Section',
  'Bloc',
  'Fonction',
  "Nature de l'exigence",
  'N° exigence',
  "Enoncé de l'exigence (DOIT) ou de la préconisation (DEVRAIT)",
  'Version',
  'N° scénario',
  'Scénario de conformité',
  'N° preuve 1',
  'Preuve 1',
  'N° preuve 2',
  'Preuve 2',
  'N° preuve 3',
  'Preuve 3',
] as const;

/** The official sheet's name. */
export const GRID_SHEET = 'Exigences';

/** 1-based column of the scenario id (`N° scénario`, K). */
export const SCENARIO_COLUMN = 11;

/** One scenario row of the grid's 18 official columns, from the ruleset (the project's own texts). */
export type OfficialCells = readonly (string | number)[];

/** The columns dmn-check adds after R: the self-assessment of one scenario row. */
export interface Assessment {
  applicable: string;
  conforme: string;
  justification: string;
  files: string;
  status: string;
  machine: string;
  ruleset: string;
  asOf: string;
}

/** The words of the added columns and sheets, per language. */
export interface XlsxWords {
  headers: Record<keyof Assessment, string>;
  yes: string;
  no: string;
  toComplete: string;
  machineNo: string;
  notInRuleset: string;
  scenarioNotApplicable: string;
  evidenceGiven: string;
  proofSheet: string;
  summarySheet: string;
  proofHeaders: readonly string[];
  profile: string;
  section: string;
  total: string;
  product: string;
  version: string;
}

const WORDS: Record<Lang, XlsxWords> = {
  fr: {
    headers: {
      applicable: 'Applicable ? (Oui/Non)',
      conforme: 'Conforme ? (Oui/Non/À compléter)',
      justification: 'Justification ou constats',
      files: 'Fichiers de preuve (SHA-256)',
      status: 'Statut dmn-check',
      machine: 'Vérifié par machine',
      ruleset: 'Référentiel dmn-check',
      asOf: 'Date d’évaluation',
    },
    yes: 'Oui',
    no: 'Non',
    toComplete: 'À compléter',
    machineNo: 'Non (présence et type des fichiers seulement)',
    notInRuleset: 'non évaluée (hors du référentiel dmn-check utilisé)',
    scenarioNotApplicable: 'Ce scénario ne s’applique pas d’après les réponses du manifeste',
    evidenceGiven: 'Preuves fournies',
    proofSheet: 'Preuves',
    summarySheet: 'Synthèse',
    proofHeaders: ['N° exigence', 'Emplacement', 'Fichier', 'Type', 'Octets', 'SHA-256', 'SHA-256 attendu', 'Statut de l’emplacement', 'Vérifié par machine'],
    profile: 'Profil',
    section: 'Section',
    total: 'Total',
    product: 'Produit',
    version: 'Version',
  },
  en: {
    headers: {
      applicable: 'Applicable? (Yes/No)',
      conforme: 'Compliant? (Yes/No/To complete)',
      justification: 'Justification or findings',
      files: 'Evidence files (SHA-256)',
      status: 'dmn-check status',
      machine: 'Verified by machine',
      ruleset: 'dmn-check ruleset',
      asOf: 'As of',
    },
    yes: 'Yes',
    no: 'No',
    toComplete: 'To complete',
    machineNo: 'No (presence and kind of the files only)',
    notInRuleset: 'not assessed (outside the dmn-check ruleset used)',
    scenarioNotApplicable: 'This scenario does not apply, given the manifest’s answers',
    evidenceGiven: 'Evidence given',
    proofSheet: 'Preuves',
    summarySheet: 'Synthèse',
    proofHeaders: ['Requirement', 'Slot', 'File', 'Kind', 'Bytes', 'SHA-256', 'Expected SHA-256', 'Slot status', 'Verified by machine'],
    profile: 'Profile',
    section: 'Section',
    total: 'Total',
    product: 'Product',
    version: 'Version',
  },
};

/** The added columns' and sheets' words. The sheet names stay French: they name parts of a French filing. */
export function xlsxWords(lang: Lang): XlsxWords {
  return WORDS[lang];
}

/** A scenario row of the grid: where it sits, its requirement, its 18 cells. */
export interface GridRow {
  scenarioId: string;
  requirementId: string;
  scenario: ScenarioDef;
  cells: OfficialCells;
}

/**
 * The ruleset's scenarios in ruleset order (the grid's order for the ANS rulesets), each as its
 * 18 official cells in the project's own words: profile and statement from the scenario where the
 * ruleset puts them there, else from the requirement.
 */
export function gridRows(ruleset: Ruleset, lang: Lang): GridRow[] {
  const rows: GridRow[] = [];
  const sections = new Map(ruleset.sections.map((x) => [x.id, x] as const));
  for (const req of ruleset.requirements) {
    const section = sections.get(req.section);
    for (const sc of req.scenarios) {
      const proofs = sc.proofs.slice(0, 3);
      const proofCells = [0, 1, 2].flatMap((i) => {
        const p = proofs[i];
        if (!p) return ['', ''];
        // A fourth proof or more (none in V1.2.2) joins the third cell rather than being lost.
        const extra = i === 2 ? sc.proofs.slice(3) : [];
        return [[p.id, ...extra.map((x) => x.id)].join('\n'), [p.text[lang], ...extra.map((x) => x.text[lang])].join('\n\n')];
      });
      rows.push({
        scenarioId: sc.id,
        requirementId: req.id,
        scenario: sc,
        cells: [
          sc.profile ?? req.profile ?? '',
          rows.length + 1,
          section?.gridId ?? req.section,
          section?.title[lang] ?? '',
          '',
          '',
          // Every requirement of a dmn-check ruleset is a DOIT requirement (V1.2.2 has no DEVRAIT row).
          'EXIGENCE',
          req.id,
          (sc.statement ?? req.statement)[lang],
          '',
          sc.id,
          sc.title[lang],
          ...proofCells,
        ],
      });
    }
  }
  return rows;
}

/** Checks that judge what a file shows: under `--no-read` (`report.read === false`) they verify nothing. */
const READING_CHECKS: ReadonlySet<string> = new Set(['shows']);

/** Whether a slot of the ruleset has a content check (beyond presence and file kind) that ran in this report. */
export function slotChecked(report: Pick<Report, 'read'>, def: RequirementDef | undefined, slot: string): boolean {
  const checks = def?.slots.find((d) => d.name === slot)?.checks ?? [];
  return checks.some((c) => !(report.read === false && READING_CHECKS.has(c.check)));
}

/** Whether a content check (beyond presence and file kind) ran on given evidence and found it right. */
export function machineVerified(report: Pick<Report, 'read'>, r: RequirementReport, def: RequirementDef | undefined): boolean {
  if (!def || r.status !== 'satisfied') return false;
  return r.slots.some((s) => s.status === 'satisfied' && s.files.length > 0 && slotChecked(report, def, s.name));
}

const CONFORME: Record<Status, 'yes' | 'no' | 'toComplete' | ''> = {
  satisfied: 'yes',
  not_applicable: '',
  failed: 'no',
  missing: 'toComplete',
  error: 'toComplete',
};

/** The slots of a requirement that carry a scenario's proofs: those naming one of them, and those naming none. */
function slotsOfScenario(r: RequirementReport, def: RequirementDef | undefined, scenario: ScenarioDef | undefined): RequirementReport['slots'] {
  if (!scenario || !def) return r.slots;
  const proofs = new Set(scenario.proofs.map((p) => normalizeId(p.id)));
  return r.slots.filter((s) => {
    const named = def.slots.find((d) => d.name === s.name)?.proofs;
    return named === undefined || named.length === 0 || named.some((p) => proofs.has(normalizeId(p)));
  });
}

/**
 * The self-assessment of one scenario row, in the report's language: the requirement's status,
 * unless the scenario has its own condition (`applies_when`) that the manifest's facts rule out.
 */
export function assess(report: Report, r: RequirementReport | undefined, ruleset: Ruleset, statusWords: Record<Status, string>, scenario?: ScenarioDef): Assessment {
  const w = xlsxWords(report.lang);
  const lab = labels(report.lang);
  const rulesetText = `${report.ruleset.id} ${report.ruleset.version}`;
  if (!r) {
    return { applicable: '', conforme: '', justification: '', files: '', status: w.notInRuleset, machine: '', ruleset: rulesetText, asOf: report.asOf };
  }
  if (r.status !== 'not_applicable' && scenario?.appliesWhen && evaluate(scenario.appliesWhen, { facts: report.facts }) === false) {
    const facts = [...factsOf(scenario.appliesWhen)].map((f) => `${f} = ${String(report.facts[f])}`).join(', ');
    return { applicable: w.no, conforme: '', justification: `${w.scenarioNotApplicable}${lab.colon}${facts}`, files: '', status: statusWords.not_applicable, machine: '', ruleset: rulesetText, asOf: report.asOf };
  }
  const def = requirementDef(ruleset, r.id);
  const conforme = CONFORME[r.status];
  const files = slotsOfScenario(r, def, scenario).flatMap((s) => s.files.map((f) => `${f.path} — ${f.sha256 ?? lab.unreadable}`));
  if (r.statement?.document) files.push(`${r.statement.document.path} — ${r.statement.document.sha256 ?? lab.unreadable}`);
  return {
    applicable: r.status === 'not_applicable' ? w.no : w.yes,
    conforme: conforme === '' ? '' : w[conforme],
    justification: justification(report, r, def),
    files: files.join('\n'),
    status: statusWords[r.status],
    machine: r.status === 'not_applicable' ? '' : machineVerified(report, r, def) ? w.yes : w.machineNo,
    ruleset: rulesetText,
    asOf: report.asOf,
  };
}

function justification(report: Report, r: RequirementReport, def: RequirementDef | undefined): string {
  const lab = labels(report.lang);
  const w = xlsxWords(report.lang);
  const lines: string[] = [];
  if (r.status === 'not_applicable') {
    const reasons = r.notApplicableReasons ?? [];
    if (reasons.length > 0) lines.push(`${lab.notApplicableBecause}${lab.colon}${reasons.join('; ')}`);
    if (r.statement) lines.push(`${lab.statement}${lab.colon}« ${r.statement.justification} » — ${signatureText(r.statement, lab)}`);
  } else if (r.status === 'satisfied') {
    const given = r.slots.filter((s) => s.files.length > 0).map((s) => def?.slots.find((d) => d.name === s.name)?.title[report.lang] ?? s.name);
    if (given.length > 0) lines.push(`${w.evidenceGiven}${lab.colon}${given.join('; ')}`);
  }
  for (const f of r.findings) {
    const place = placeOf(f);
    lines.push(`${place ? `${place}${lab.colon}` : ''}${f.message}${f.hint ? ` ${lab.hint}${lab.colon}${f.hint}` : ''}`);
  }
  return lines.join('\n');
}

/** The report's requirement for a scenario row, matched as ids are everywhere (loosely). */
export function requirementOf(report: Report): (requirementId: string) => RequirementReport | undefined {
  const byId = new Map(report.requirements.map((r) => [normalizeId(r.id), r] as const));
  return (id) => byId.get(normalizeId(id));
}
