import type { BuiltinFinding } from '../codes.js';
import { XmlReader } from '../../evidence/formats/xml.js';

import { defineBuiltinCheck } from '../codes.js';
import { plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

interface Options {
  /** Test cases the report may be for (`CI-SIS-HL7V2-Cons_identite_INS`, …); one must be named in the report. */
  tests: string[];
  /** Largest report read, in bytes. */
  max_bytes?: number;
}

/** Namespace of Gazelle validation reports (`gvr:validationReport`). */
export const GAZELLE_NS = 'http://validationreport.gazelle.ihe.net/';

export interface GazelleReport {
  /** `PASSED`, `FAILED`, `ABORTED`… as the report says, or undefined when absent. */
  result: string | undefined;
  errors: number | undefined;
  /** The validator that produced it (`validationOverview/validatorID`). */
  validator: string | undefined;
  /** Test case names of `tests` that the report names. */
  named: string[];
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);

/**
 * Reads what a judge needs from a Gazelle validation report: the root must be
 * `validationReport` in the Gazelle namespace; its `result`, the error counter and the validator are
 * taken as written. Returns undefined when the XML is not a Gazelle report.
 */
export function readGazelleReport(xml: string, tests: readonly string[]): GazelleReport | undefined {
  const root = /<(?:([\w.-]+):)?validationReport\b[^>]*>/.exec(xml);
  if (!root) return undefined;
  const prefix = root[1];
  const ns = attr(root[0], prefix ? `xmlns:${prefix}` : 'xmlns');
  if (ns !== GAZELLE_NS) return undefined;
  const p = prefix ? `${prefix}:` : '';
  const counters = new RegExp(`<${p}counters\\b[^>]*>`).exec(xml)?.[0];
  const errors = counters ? attr(counters, 'numberOfErrors') : undefined;
  const validator = new RegExp(`<${p}validatorID>\\s*([^<]*?)\\s*</${p}validatorID>`).exec(xml)?.[1];
  // Whole names only: CI-SIS-HL7V2-Cons_identite must not match inside CI-SIS-HL7V2-Cons_identite_INS.
  const names = (t: string): RegExp => new RegExp(`(?<![\\w-])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i');
  return {
    result: attr(root[0], 'result'),
    errors: errors !== undefined && /^\d+$/.test(errors) ? Number(errors) : undefined,
    validator,
    named: tests.filter((t) => names(t).test(xml)),
  };
}

/** Wording of the Gazelle validation report check (INS 45). */
const MESSAGES = {
  'gazelle.not-xml': msg<'file' | 'kind'>({
    en: (p) => `${s(p.file)} is ${s(p.kind)}, not the XML validation report exported from Gazelle.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)}, et non le rapport de validation XML exporté de Gazelle.`,
    hint: {
      en: () => 'On the CI-SIS test bed (interop.esante.gouv.fr/gazelle), open the test run and download its validation report (XML).',
      fr: () => 'Sur l’espace de tests du CI-SIS (interop.esante.gouv.fr/gazelle), ouvrez l’exécution du test et téléchargez son rapport de validation (XML).',
    },
  }),
  'gazelle.too-large': msg<'bytes' | 'file' | 'limit'>({
    en: (p) => `${s(p.file)} (${s(p.bytes)} bytes) is larger than the ${s(p.limit)} bytes a validation report is read up to.`,
    fr: (p) => `${s(p.file)} (${s(p.bytes)} octets) dépasse les ${s(p.limit)} octets qu’un rapport de validation peut faire.`,
  }),
  'gazelle.malformed': msg<'column' | 'file' | 'line'>({
    en: (p) => `${s(p.file)} is not well-formed XML (line ${s(p.line)}, column ${s(p.column)}).`,
    fr: (p) => `${s(p.file)} n’est pas un XML bien formé (ligne ${s(p.line)}, colonne ${s(p.column)}).`,
    hint: { en: () => 'Give the report as Gazelle exported it, unedited.', fr: () => 'Fournissez le rapport tel que Gazelle l’a exporté, sans le modifier.' },
  }),
  'gazelle.not-a-report': msg<'file' | 'root'>({
    en: (p) => `${s(p.file)} is XML (root "${s(p.root)}") but not a Gazelle validation report (validationReport in namespace http://validationreport.gazelle.ihe.net/).`,
    fr: (p) => `${s(p.file)} est un XML (racine « ${s(p.root)} ») mais pas un rapport de validation Gazelle (validationReport de l’espace de noms http://validationreport.gazelle.ihe.net/).`,
  }),
  'gazelle.not-passed': msg<'result'>({
    en: (p) => `The validation report says result="${s(p.result)}", not PASSED.`,
    fr: (p) => `Le rapport de validation indique result="${s(p.result)}", et non PASSED.`,
    hint: { en: () => 'Fix the message, run the test again until it passes, and give the new report.', fr: () => 'Corrigez le message, relancez le test jusqu’à ce qu’il réussisse, et fournissez le nouveau rapport.' },
  }),
  'gazelle.errors': msg<'errors'>({
    en: (p) => `The validation report says PASSED but counts ${plural(Number(p.errors), 'en', 'error')}.`,
    fr: (p) => `Le rapport de validation indique PASSED mais compte ${plural(Number(p.errors), 'fr', 'erreur')}.`,
  }),
  'gazelle.wrong-test': msg<'tests'>({
    en: (p) => `The validation report names none of this scenario's test cases (${s(p.tests)}).`,
    fr: (p) => `Le rapport de validation ne nomme aucun des cas de test de ce scénario (${s(p.tests)}).`,
    hint: { en: () => 'Give the report of the test case the grid names for this scenario.', fr: () => 'Fournissez le rapport du cas de test que la grille indique pour ce scénario.' },
  }),
  'gazelle.passed': msg<'test' | 'validator'>({
    en: (p) => `Gazelle validation report: PASSED, no error, test ${s(p.test)}${p.validator ? ` (validator ${s(p.validator)})` : ''}.`,
    fr: (p) => `Rapport de validation Gazelle\u00a0: PASSED, sans erreur, test ${s(p.test)}${p.validator ? ` (validateur ${s(p.validator)})` : ''}.`,
  }),
} satisfies TypedCatalog;

/** Its messages (their codes join `FindingCode`). */
export type GazelleReportMessages = typeof MESSAGES;

/**
 * INS 45: the exported Gazelle validation report of the CI-SIS test bed says PASSED, with no error,
 * for one of the scenario's test cases. A permalink alone cannot be followed offline; the XML report
 * (Gazelle's "download the validation report") is what this check reads.
 */
export const gazelleReport = defineBuiltinCheck<Options>({
  name: 'gazelle-report',
  messages: MESSAGES,
  description: 'Gazelle (CI-SIS test bed) validation report in XML: result PASSED, no error, for one of the expected test cases.',
  descriptionFr: 'Rapport de validation Gazelle (plateforme de tests du CI-SIS) en XML\u00a0: résultat PASSED, sans erreur, pour l’un des cas de test attendus.',
  schema: {
    type: 'object',
    required: ['tests'],
    additionalProperties: false,
    properties: {
      tests: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      max_bytes: { type: 'integer', minimum: 1, nullable: true },
    },
  },
  async run({ files, options, slot }) {
    const findings: BuiltinFinding[] = [];
    const limit = options.max_bytes ?? 16 * 1024 * 1024;
    for (const f of files) {
      if (f.kind !== 'xml') {
        findings.push({ code: 'gazelle.not-xml', severity: 'error', slot, file: f.path, params: { kind: f.mime } });
        continue;
      }
      if (f.bytes > limit) {
        findings.push({ code: 'gazelle.too-large', severity: 'error', slot, file: f.path, params: { bytes: f.bytes, limit } });
        continue;
      }
      const xml = await f.text(limit);
      const reader = new XmlReader();
      reader.push(xml);
      const wellFormed = reader.end();
      if (wellFormed.problem) {
        findings.push({ code: 'gazelle.malformed', severity: 'error', slot, file: f.path, line: wellFormed.problem.line, column: wellFormed.problem.column });
        continue;
      }
      const report = readGazelleReport(xml, options.tests);
      if (!report) {
        findings.push({ code: 'gazelle.not-a-report', severity: 'error', slot, file: f.path, params: { root: wellFormed.root ?? '' } });
        continue;
      }
      const tests = options.tests.join(', ');
      if (report.result !== 'PASSED') findings.push({ code: 'gazelle.not-passed', severity: 'error', slot, file: f.path, params: { result: report.result ?? '' } });
      else if (report.errors !== undefined && report.errors > 0) findings.push({ code: 'gazelle.errors', severity: 'error', slot, file: f.path, params: { errors: report.errors } });
      if (report.named.length === 0) findings.push({ code: 'gazelle.wrong-test', severity: 'error', slot, file: f.path, params: { tests } });
      if (findings.length === 0) findings.push({ code: 'gazelle.passed', severity: 'info', slot, file: f.path, params: { test: report.named[0]!, validator: report.validator ?? '' } });
    }
    return { findings };
  },
});
