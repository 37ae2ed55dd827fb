import { msg, s, type TypedCatalog } from '../i18n/types.js';

/**
 * The words `explain`, `init` and `rules list` describe a requirement with: conditions, what a
 * slot needs and accepts, the headings of `explain`. Words the formatters' labels already have
 * (`Section`, `Requirement`, `required`, `optional`, `Profile`, lower-cased in a line) are taken from src/formatters/labels.ts.
 */
export const DESCRIBE_TEXT = {
  and: msg({ en: () => ' and ', fr: () => ' et ' }),
  or: msg({ en: () => ' or ', fr: () => ' ou ' }),
  slotSays: msg<'slot' | 'words'>({ en: (p) => `slot ${s(p.slot)} ${s(p.words)}`, fr: (p) => `l’emplacement ${s(p.slot)} ${s(p.words)}` }),
  slotProvides: msg<'slot' | 'tag'>({ en: (p) => `slot ${s(p.slot)} provides "${s(p.tag)}"`, fr: (p) => `l’emplacement ${s(p.slot)} fournit déjà « ${s(p.tag)} »` }),
  slotLacks: msg<'slot' | 'tag'>({ en: (p) => `slot ${s(p.slot)} does not provide "${s(p.tag)}"`, fr: (p) => `l’emplacement ${s(p.slot)} ne fournit pas « ${s(p.tag)} »` }),
  notTheCase: msg<'condition'>({ en: (p) => `it is not the case that ${s(p.condition)}`, fr: (p) => `il est faux que ${s(p.condition)}` }),
  requiredUnless: msg<'condition'>({ en: (p) => `required unless ${s(p.condition)}`, fr: (p) => `obligatoire, sauf si ${s(p.condition)}` }),
  requiredWhen: msg<'condition'>({ en: (p) => `required when ${s(p.condition)}`, fr: (p) => `obligatoire si ${s(p.condition)}` }),
  /** The kind `text`, as a name among PNG, PDF… */
  text: msg({ en: () => 'text', fr: () => 'texte' }),

  // explain
  profiles: msg({ en: () => 'profiles', fr: () => 'profils' }),
  since: msg({ en: () => 'mandatory since', fr: () => 'obligatoire depuis le' }),
  scenarios: msg({ en: () => 'Conformity scenarios', fr: () => 'Scénarios de conformité' }),
  appliesWhen: msg({ en: () => 'applies when', fr: () => 's’applique si' }),
  statementHere: msg({ en: () => 'statement for this scenario', fr: () => 'énoncé propre à ce scénario' }),
  slots: msg<'id'>({
    en: (p) => `Evidence slots (manifest: evidence."${s(p.id)}".SLOT)`,
    fr: (p) => `Emplacements de preuve (manifeste\u00a0: evidence."${s(p.id)}".EMPLACEMENT)`,
  }),
  oneFile: msg({ en: () => 'one file', fr: () => 'un seul fichier' }),
  accepts: msg({ en: () => 'accepts', fr: () => 'accepte' }),
  looksFor: msg({ en: () => 'the reviewer looks for', fr: () => 'l’examinateur recherche' }),
  proofs: msg({ en: () => 'proofs', fr: () => 'preuves' }),
  checks: msg({ en: () => 'checks', fr: () => 'contrôles' }),
  notApplicableWhen: msg({
    en: () => 'Not applicable when (then a justified sworn statement is required)',
    fr: () => 'Non applicable lorsque (une déclaration sur l’honneur justifiée est alors exigée)',
  }),
  alwaysApplies: msg({ en: () => 'Always applies.', fr: () => 'S’applique toujours.' }),
  clarifications: msg({ en: () => 'Clarifications', fr: () => 'Précisions' }),
  examples: msg({ en: () => 'Examples', fr: () => 'Exemples' }),
} satisfies TypedCatalog;
