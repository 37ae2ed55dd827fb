import { formatNumber, plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

/** Wording of the FHIRPath rule checks (`fhirpath-rules`) on FHIR resources. */
export const fhirpathMessages = {
  'fhirpath.rule-failed': msg<'expression' | 'message_en' | 'message_fr' | 'resource' | 'rule'>({
    en: (p) => `${s(p.resource)}: ${s(p.message_en)} (rule ${s(p.rule)}: ${s(p.expression)})`,
    fr: (p) => `${s(p.resource)}\u00a0: ${s(p.message_fr)} (règle ${s(p.rule)}\u00a0: ${s(p.expression)})`,
  }),
  'fhirpath.rule-failed-more': msg<'count' | 'message_en' | 'message_fr' | 'rule' | 'total'>({
    en: (p) => `${s(p.count)} more resources fail rule ${s(p.rule)} (${s(p.total)} in all): ${s(p.message_en)}`,
    fr: (p) => `${s(p.count)} autres ressources ne respectent pas la règle ${s(p.rule)} (${s(p.total)} au total)\u00a0: ${s(p.message_fr)}`,
  }),
  'fhirpath.rule-none': msg<'count' | 'expression' | 'message_en' | 'message_fr' | 'resource_type' | 'rule'>({
    en: (p) => `None of the ${s(p.count)} resources satisfies rule ${s(p.rule)}: ${s(p.message_en)} (${s(p.expression)})`,
    fr: (p) => `Aucune des ${s(p.count)} ressources ne respecte la règle ${s(p.rule)}\u00a0: ${s(p.message_fr)} (${s(p.expression)})`,
  }),
  'fhirpath.eval-error': msg<'count' | 'expression' | 'reason' | 'resource' | 'rule'>({
    en: (p) => `Rule ${s(p.rule)} could not be evaluated on ${plural(Number(p.count), 'en', 'resource')}, first ${s(p.resource)}: ${s(p.reason)} (${s(p.expression)})`,
    fr: (p) => `La règle ${s(p.rule)} n’a pas pu être évaluée sur ${plural(Number(p.count), 'fr', 'ressource')}, dont ${s(p.resource)}\u00a0: ${s(p.reason)} (${s(p.expression)})`,
    hint: {
      en: () => 'The ruleset\'s expression does not fit this data: fix the rule (a boolean expression, e.g. with exists() or all()).',
      fr: () => "L’expression du référentiel ne convient pas à ces données\u00a0: corrigez la règle (une expression booléenne, par exemple avec exists() ou all()).",
    },
  }),
  'fhirpath.not-selected': msg<'expression' | 'message_en' | 'message_fr' | 'resource'>({
    en: (p) => `${s(p.resource)}: ${s(p.message_en)}; the rules do not judge it.`,
    fr: (p) => `${s(p.resource)}\u00a0: ${s(p.message_fr)} ; les règles ne la jugent pas.`,
  }),
  'fhirpath.not-selected-more': msg<'count' | 'message_en' | 'message_fr' | 'total'>({
    en: (p) => `${s(p.count)} more resources not judged (${s(p.total)} in all): ${s(p.message_en)}.`,
    fr: (p) => `${s(p.count)} autres ressources non jugées (${s(p.total)} au total)\u00a0: ${s(p.message_fr)}.`,
  }),
  'fhirpath.no-resources': msg<'count' | 'message_en' | 'message_fr' | 'min' | 'outside' | 'resource_type'>({
    en: (p) =>
      p.outside !== undefined && Number(p.outside) > 0
        ? `${plural(Number(p.count), 'en', `${s(p.resource_type) || 'FHIR'} resource`)} judged, at least ${s(p.min)} needed; ${plural(Number(p.outside), 'en', 'other is', 'others are')} ${s(p.message_en)}.`
        : `${plural(Number(p.count), 'en', `${s(p.resource_type) || 'FHIR'} resource`)} found; at least ${s(p.min)} needed.`,
    fr: (p) =>
      p.outside !== undefined && Number(p.outside) > 0
        ? `${plural(Number(p.count), 'fr', `ressource ${s(p.resource_type) || 'FHIR'} jugée`, `ressources ${s(p.resource_type) || 'FHIR'} jugées`)}, il en faut au moins ${formatNumber(Number(p.min), 'fr')} ; ${plural(Number(p.outside), 'fr', 'autre', 'autres')}\u00a0: ${s(p.message_fr)}.`
        : `${plural(Number(p.count), 'fr', `ressource ${s(p.resource_type) || 'FHIR'} trouvée`, `ressources ${s(p.resource_type) || 'FHIR'} trouvées`)} ; il en faut au moins ${formatNumber(Number(p.min), 'fr')}.`,
    hint: {
      en: (p) => `Provide FHIR JSON (a resource or a Bundle), NDJSON, or a FHIR server search holding ${s(p.resource_type) || 'the'} resources.`,
      fr: (p) => `Fournissez du JSON FHIR (une ressource ou un Bundle), du NDJSON, ou une recherche sur un serveur FHIR contenant des ressources ${s(p.resource_type)}.`,
    },
  }),
  'fhirpath.file-skipped': msg<'kind'>({
    en: (p) => `Not read for FHIR resources: it is ${s(p.kind)}.`,
    fr: (p) => `Non lu pour y chercher des ressources FHIR\u00a0: c’est du ${s(p.kind)}.`,
  }),
  'fhirpath.file-too-large': msg<'max'>({
    en: (p) => `The JSON document is larger than ${s(p.max)} bytes and was not read.`,
    fr: (p) => `Le document JSON dépasse ${s(p.max)} octets et n’a pas été lu.`,
    hint: {
      en: () => 'Give the resources as NDJSON (read line by line), or a smaller sample.',
      fr: () => 'Fournissez les ressources en NDJSON (lu ligne à ligne), ou un échantillon plus petit.',
    },
  }),
  'fhirpath.invalid-json': msg<'line'>({
    en: (p) => (p.line !== undefined ? `Line ${s(p.line)} is not valid JSON.` : 'The file is not valid JSON.'),
    fr: (p) => (p.line !== undefined ? `La ligne ${s(p.line)} n’est pas du JSON valide.` : "Le fichier n’est pas du JSON valide."),
    hint: {
      en: () => 'Export the resources again (one JSON resource per line for NDJSON).',
      fr: () => 'Exportez de nouveau les ressources (une ressource JSON par ligne pour le NDJSON).',
    },
  }),
  'fhirpath.line-too-long': msg<'line' | 'max'>({
    en: (p) => `NDJSON line ${s(p.line)} is longer than ${s(p.max)} bytes and was not read.`,
    fr: (p) => `La ligne NDJSON ${s(p.line)} dépasse ${s(p.max)} octets et n’a pas été lue.`,
  }),
} satisfies TypedCatalog;

/** Its messages (their codes join `FindingCode`). */
export type FhirpathMessages = typeof fhirpathMessages;
