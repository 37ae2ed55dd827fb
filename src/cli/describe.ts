import { createRegistry, type CheckRegistry } from '../checks/registry.js';
import { KINDS, KIND_GROUPS, isKind } from '../evidence/kinds.js';
import type { Lang } from '../i18n/index.js';
import type { Condition, FactDef, RequirementDef, Ruleset, SlotDef } from '../ruleset/types.js';

/** A condition in words: `patient_access = false or identity_source = delegated`. */
export function describeCondition(c: Condition, lang: Lang): string {
  const and = lang === 'fr' ? ' et ' : ' and ';
  const or = lang === 'fr' ? ' ou ' : ' or ';
  const wrap = (sub: Condition): string => ('all' in sub || 'any' in sub ? `(${describeCondition(sub, lang)})` : describeCondition(sub, lang));
  if ('fact' in c) return 'is' in c ? `${c.fact} = ${String(c.is)}` : `${c.fact} ∈ {${c.in.map(String).join(', ')}}`;
  if ('slot' in c) return lang === 'fr' ? `l’emplacement ${c.slot} fournit déjà « ${c.provides} »` : `slot ${c.slot} provides "${c.provides}"`;
  if ('not' in c) return negated(c.not, lang, wrap);
  if ('all' in c) return c.all.map(wrap).join(and);
  return c.any.map(wrap).join(or);
}

/**
 * A negated condition said as a reader says it (FRENCH.md #1): `patient_access ≠ true`, `slot x
 * does not provide "ins"` / `l’emplacement x ne fournit pas « ins »`, never a prefixed "non".
 */
function negated(c: Condition, lang: Lang, wrap: (c: Condition) => string): string {
  if ('fact' in c && 'is' in c) return `${c.fact} ≠ ${String(c.is)}`;
  if ('fact' in c) return `${c.fact} ∉ {${c.in.map(String).join(', ')}}`;
  if ('slot' in c) return lang === 'fr' ? `l’emplacement ${c.slot} ne fournit pas « ${c.provides} »` : `slot ${c.slot} does not provide "${c.provides}"`;
  if ('not' in c) return describeCondition(c.not, lang);
  return lang === 'fr' ? `il est faux que ${wrap(c)}` : `it is not the case that ${wrap(c)}`;
}

export function describeRequired(slot: SlotDef, lang: Lang): string {
  if (slot.required === true) return lang === 'fr' ? 'obligatoire' : 'required';
  if (slot.required === false) return lang === 'fr' ? 'facultatif' : 'optional';
  // `required: { not: X }` reads "required unless X" / "obligatoire, sauf si X".
  if ('not' in slot.required) {
    const unless = describeCondition(slot.required.not, lang);
    return lang === 'fr' ? `obligatoire, sauf si ${unless}` : `required unless ${unless}`;
  }
  return lang === 'fr' ? `obligatoire si ${describeCondition(slot.required, lang)}` : `required when ${describeCondition(slot.required, lang)}`;
}

export function describeAccepts(slot: SlotDef): string {
  return slot.accepts
    .map((a) => (isKind(a) ? KINDS[a] : `${a} (${(KIND_GROUPS[a] ?? []).join(', ')})`))
    .join(', ');
}

export function describeFactChoices(f: FactDef, lang: Lang): string {
  if (f.type === 'enum') return (f.values ?? []).map((v) => `${v.value} = ${v.label[lang]}`).join(' | ');
  return f.type === 'boolean' ? 'true | false' : f.type;
}

const W = {
  en: {
    section: 'Section',
    profile: 'profile',
    since: 'mandatory since',
    statement: 'Requirement',
    scenarios: 'Conformity scenarios',
    slots: 'Evidence slots (manifest: evidence."{id}".SLOT)',
    accepts: 'accepts',
    checks: 'checks',
    na: 'Not applicable when (then a justified sworn statement is required)',
    always: 'Always applies.',
    clar: 'Clarifications',
    examples: 'Examples',
    profiles: 'profiles',
    scenarioProfile: 'profile',
    appliesWhen: 'applies when',
    statementHere: 'statement for this scenario',
    looksFor: 'the reviewer looks for',
    proofs: 'proofs',
  },
  fr: {
    section: 'Section',
    profile: 'profil',
    since: 'obligatoire depuis le',
    statement: 'Exigence',
    scenarios: 'Scénarios de conformité',
    slots: 'Emplacements de preuve (manifeste : evidence."{id}".EMPLACEMENT)',
    accepts: 'accepte',
    checks: 'contrôles',
    na: 'Non applicable lorsque (une déclaration sur l’honneur justifiée est alors exigée)',
    always: 'S’applique toujours.',
    clar: 'Précisions',
    examples: 'Exemples',
    profiles: 'profils',
    scenarioProfile: 'profil',
    appliesWhen: 's’applique si',
    statementHere: 'énoncé propre à ce scénario',
    looksFor: 'l’examinateur recherche',
    proofs: 'preuves',
  },
};

/** The full description of one requirement, for `dmn-check explain`. */
export function explainRequirement(req: RequirementDef, ruleset: Ruleset, lang: Lang, registry: CheckRegistry = createRegistry()): string {
  const w = W[lang];
  const out: string[] = [];
  out.push(`${req.id} — ${req.title[lang]}`);
  const meta = [`${w.section} ${req.section}`];
  if (req.profile && req.profiles.length <= 1) meta.push(`${w.profile} « ${req.profile} »`);
  else if (req.profiles.length > 0) meta.push(`${w.profiles} ${req.profiles.map((p) => `« ${p} »`).join(', ')}`);
  if (req.mandatorySince) meta.push(`${w.since} ${req.mandatorySince}`);
  out.push(`${meta.join(' · ')} · ${ruleset.id} ${ruleset.version}`, '');
  const colon = lang === 'fr' ? ' :' : ':';
  out.push(`${w.statement}${colon}`, `  ${req.statement[lang]}`, '');
  if (req.scenarios.length) {
    out.push(`${w.scenarios}${colon}`);
    for (const s of req.scenarios) {
      out.push(`  ${s.id} — ${s.title[lang]}`);
      if (s.profile) out.push(`    ${w.scenarioProfile}${colon} « ${s.profile} »`);
      if (s.appliesWhen) out.push(`    ${w.appliesWhen}${colon} ${describeCondition(s.appliesWhen, lang)}`);
      if (s.statement) out.push(`    ${w.statementHere}${colon} ${s.statement[lang]}`);
      for (const p of s.proofs) out.push(`    ${p.id}${colon} ${p.text[lang]}`);
    }
    out.push('');
  }
  out.push(`${w.slots.replace('{id}', req.id)}${colon}`);
  for (const slot of req.slots) {
    out.push(`  ${slot.name} (${describeRequired(slot, lang)}${slot.multiple ? '' : lang === 'fr' ? ', un seul fichier' : ', one file'})`);
    out.push(`    ${slot.expects[lang]}`);
    out.push(`    ${w.accepts}${colon} ${describeAccepts(slot)}`);
    if (slot.looksFor) out.push(`    ${w.looksFor}${colon} ${slot.looksFor[lang]}`);
    if (slot.proofs?.length) out.push(`    ${w.proofs}${colon} ${slot.proofs.join(', ')}`);
    if (slot.checks.length) out.push(`    ${w.checks}${colon} ${slot.checks.map((c) => c.check).join(', ')}`);
    for (const use of slot.checks) for (const line of registry.get(use.check)?.explain?.(use.options, lang) ?? []) out.push(`    ${line}`);
  }
  out.push('');
  if (req.notApplicableWhen.length) {
    out.push(`${w.na}${colon}`);
    for (const na of req.notApplicableWhen) out.push(`  - ${describeCondition(na.when, lang)}${colon} ${na.reason[lang]}`);
  } else out.push(w.always);
  if (req.clarifications.length) {
    out.push('', `${w.clar}${colon}`);
    for (const c of req.clarifications) out.push(`  - [${c.source}] ${c.text[lang]}`);
  }
  if (req.examples?.length) {
    out.push('', `${w.examples}${colon}`);
    for (const e of req.examples) {
      out.push(`  ${e.title[lang]} (${e.language})${colon}`);
      for (const line of e.text.replace(/\r/g, '\n').split('\n')) out.push(`    ${line}`);
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
