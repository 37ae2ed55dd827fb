import { colon } from '../i18n/format.js';
import { GROUP_WORDS } from '../i18n/kind-words.js';
import { createRegistry, type CheckRegistry } from '../checks/registry.js';
import { KIND_GROUPS, isKind, type Kind } from '../evidence/kinds.js';
import type { Lang } from '../i18n/index.js';
import type { Condition, FactDef, RequirementDef, Ruleset, SlotDef } from '../ruleset/types.js';

/** Where a condition on a slot finds the words of the tag it names: the requirement and the checks. */
export interface ConditionWords {
  req: RequirementDef;
  registry: CheckRegistry;
}

/** What the checks of slot `slot` say `tag` means (`porte déjà un matricule INS`), if one of them says. */
function tagWords(slot: string, tag: string, lang: Lang, words: ConditionWords | undefined): string | undefined {
  for (const use of words?.req.slots.find((s) => s.name === slot)?.checks ?? []) {
    const w = words!.registry.get(use.check)?.tags?.[tag];
    if (w) return w[lang];
  }
  return undefined;
}

/** A condition in words: `patient_access = false or identity_source = delegated`. */
export function describeCondition(c: Condition, lang: Lang, words?: ConditionWords): string {
  const and = lang === 'fr' ? ' et ' : ' and ';
  const or = lang === 'fr' ? ' ou ' : ' or ';
  const wrap = (sub: Condition): string => ('all' in sub || 'any' in sub ? `(${describeCondition(sub, lang, words)})` : describeCondition(sub, lang, words));
  if ('fact' in c) return 'is' in c ? `${c.fact} = ${String(c.is)}` : `${c.fact} ∈ {${c.in.map(String).join(', ')}}`;
  if ('slot' in c) {
    const said = tagWords(c.slot, c.provides, lang, words);
    if (said) return lang === 'fr' ? `l’emplacement ${c.slot} ${said}` : `slot ${c.slot} ${said}`;
    return lang === 'fr' ? `l’emplacement ${c.slot} fournit déjà « ${c.provides} »` : `slot ${c.slot} provides "${c.provides}"`;
  }
  if ('not' in c) return negated(c.not, lang, wrap, words);
  if ('all' in c) return c.all.map(wrap).join(and);
  return c.any.map(wrap).join(or);
}

/**
 * A negated condition said as a reader says it (FRENCH.md #1): `patient_access ≠ true`, `slot x
 * does not provide "ins"` / `l’emplacement x ne fournit pas « ins »`, never a prefixed "non".
 */
function negated(c: Condition, lang: Lang, wrap: (c: Condition) => string, words: ConditionWords | undefined): string {
  if ('fact' in c && 'is' in c) return `${c.fact} ≠ ${String(c.is)}`;
  if ('fact' in c) return `${c.fact} ∉ {${c.in.map(String).join(', ')}}`;
  if ('slot' in c) return lang === 'fr' ? `l’emplacement ${c.slot} ne fournit pas « ${c.provides} »` : `slot ${c.slot} does not provide "${c.provides}"`;
  if ('not' in c) return describeCondition(c.not, lang, words);
  return lang === 'fr' ? `il est faux que ${wrap(c)}` : `it is not the case that ${wrap(c)}`;
}

export function describeRequired(slot: SlotDef, lang: Lang, words?: ConditionWords): string {
  if (slot.required === true) return lang === 'fr' ? 'obligatoire' : 'required';
  if (slot.required === false) return lang === 'fr' ? 'facultatif' : 'optional';
  // `required: { not: X }` reads "required unless X" / "obligatoire, sauf si X".
  if ('not' in slot.required) {
    const unless = describeCondition(slot.required.not, lang, words);
    return lang === 'fr' ? `obligatoire, sauf si ${unless}` : `required unless ${unless}`;
  }
  return lang === 'fr' ? `obligatoire si ${describeCondition(slot.required, lang, words)}` : `required when ${describeCondition(slot.required, lang, words)}`;
}

/** The name people give a kind of file (`quicktime` → `MOV`). */
const KIND_NAMES: Partial<Record<Kind, string>> = {
  png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', pdf: 'PDF', mp4: 'MP4', quicktime: 'MOV', webm: 'WebM',
  json: 'JSON', 'fhir-json': 'JSON FHIR', ndjson: 'NDJSON', 'fhir-ndjson': 'NDJSON FHIR', csv: 'CSV', xml: 'XML',
  hl7v2: 'HL7 v2', markdown: 'Markdown', html: 'HTML', yaml: 'YAML', odt: 'ODT', docx: 'DOCX', zip: 'zip',
  sqlite: 'SQLite', 'sql-dump': 'SQL', 'pg-dump-custom': 'pg_dump',
};
const kindName = (k: Kind, lang: Lang): string => (k === 'text' ? (lang === 'fr' ? 'texte' : 'text') : (KIND_NAMES[k] ?? k));


/** `PNG, JPEG ou PDF` / `PNG, JPEG or PDF`. */
function orList(items: readonly string[], lang: Lang): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'ou' : 'or'} ${items.at(-1)!}`;
}

/** One group: its name and its kinds; `screenshot` as people say it (images, videos or PDF). */
function describeGroup(group: string, lang: Lang): string {
  const kinds = KIND_GROUPS[group] ?? [];
  const name = GROUP_WORDS[group]?.[lang].name ?? group;
  if (group !== 'screenshot') return `${name} (${kinds.map((k) => kindName(k, lang)).join(', ')})`;
  const part = (g: 'image' | 'video'): Kind[] => kinds.filter((k) => KIND_GROUPS[g]!.includes(k));
  const rest = kinds.filter((k) => !part('image').includes(k) && !part('video').includes(k));
  return orList([`${name} (${part('image').map((k) => kindName(k, lang)).join(', ')})`, `${GROUP_WORDS.video![lang].name} (${part('video').map((k) => kindName(k, lang)).join(', ')})`, ...rest.map((k) => kindName(k, lang))], lang);
}

/** What a slot accepts, for `explain` and `init`: `capture d'écran (PNG, JPEG, GIF, WebP), vidéo (MP4, MOV, WebM) ou PDF`. */
export function describeAccepts(slot: SlotDef, lang: Lang): string {
  return orList(
    slot.accepts.map((a) => (isKind(a) ? kindName(a, lang) : describeGroup(a, lang))),
    lang,
  );
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
    slots: 'Emplacements de preuve (manifeste\u00a0: evidence."{id}".EMPLACEMENT)',
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
  const c = colon(lang);
  out.push(`${w.statement}${c}`, `  ${req.statement[lang]}`, '');
  if (req.scenarios.length) {
    out.push(`${w.scenarios}${c}`);
    for (const s of req.scenarios) {
      out.push(`  ${s.id} — ${s.title[lang]}`);
      if (s.profile) out.push(`    ${w.scenarioProfile}${c} « ${s.profile} »`);
      if (s.appliesWhen) out.push(`    ${w.appliesWhen}${c} ${describeCondition(s.appliesWhen, lang)}`);
      if (s.statement) out.push(`    ${w.statementHere}${c} ${s.statement[lang]}`);
      for (const p of s.proofs) out.push(`    ${p.id}${c} ${p.text[lang]}`);
    }
    out.push('');
  }
  out.push(`${w.slots.replace('{id}', req.id)}${c}`);
  for (const slot of req.slots) {
    out.push(`  ${slot.name} (${describeRequired(slot, lang, { req, registry })}${slot.multiple ? '' : lang === 'fr' ? ', un seul fichier' : ', one file'})`);
    out.push(`    ${slot.expects[lang]}`);
    out.push(`    ${w.accepts}${c} ${describeAccepts(slot, lang)}`);
    if (slot.looksFor) out.push(`    ${w.looksFor}${c} ${slot.looksFor[lang]}`);
    if (slot.proofs?.length) out.push(`    ${w.proofs}${c} ${slot.proofs.join(', ')}`);
    if (slot.checks.length) out.push(`    ${w.checks}${c} ${slot.checks.map((c) => c.check).join(', ')}`);
    for (const use of slot.checks) for (const line of registry.get(use.check)?.explain?.(use.options, lang) ?? []) out.push(`    ${line}`);
  }
  out.push('');
  if (req.notApplicableWhen.length) {
    out.push(`${w.na}${c}`);
    for (const na of req.notApplicableWhen) out.push(`  - ${describeCondition(na.when, lang)}${c} ${na.reason[lang]}`);
  } else out.push(w.always);
  if (req.clarifications.length) {
    out.push('', `${w.clar}${c}`);
    for (const c of req.clarifications) out.push(`  - [${c.source}] ${c.text[lang]}`);
  }
  if (req.examples?.length) {
    out.push('', `${w.examples}${c}`);
    for (const e of req.examples) {
      out.push(`  ${e.title[lang]} (${e.language})${c}`);
      for (const line of e.text.replace(/\r/g, '\n').split('\n')) out.push(`    ${line}`);
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
