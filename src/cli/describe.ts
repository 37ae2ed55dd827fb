import { colon } from '../i18n/format.js';
import { GROUP_WORDS } from '../i18n/kind-words.js';
import { createRegistry, type CheckRegistry } from '../checks/registry.js';
import { KIND_GROUPS, isKind, type Kind } from '../evidence/kinds.js';
import type { Lang } from '../i18n/index.js';
import type { Condition, FactDef, RequirementDef, Ruleset, SlotDef } from '../ruleset/types.js';
import { say } from '../i18n/text.js';
import type { MessageDef } from '../i18n/types.js';
import { labels } from '../formatters/labels.js';
import { DESCRIBE_TEXT as D } from './messages-describe.js';

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
  const wrap = (sub: Condition): string => ('all' in sub || 'any' in sub ? `(${describeCondition(sub, lang, words)})` : describeCondition(sub, lang, words));
  if ('fact' in c) return 'is' in c ? `${c.fact} = ${String(c.is)}` : `${c.fact} ∈ {${c.in.map(String).join(', ')}}`;
  if ('slot' in c) {
    const said = tagWords(c.slot, c.provides, lang, words);
    if (said) return say(D.slotSays, { slot: c.slot, words: said }, lang);
    return say(D.slotProvides, { slot: c.slot, tag: c.provides }, lang);
  }
  if ('not' in c) return negated(c.not, lang, wrap, words);
  if ('all' in c) return c.all.map(wrap).join(say(D.and, {}, lang));
  return c.any.map(wrap).join(say(D.or, {}, lang));
}

/**
 * A negated condition said as a reader says it (FRENCH.md #1): `patient_access ≠ true`, `slot x
 * does not provide "ins"` / `l’emplacement x ne fournit pas « ins »`, never a prefixed "non".
 */
function negated(c: Condition, lang: Lang, wrap: (c: Condition) => string, words: ConditionWords | undefined): string {
  if ('fact' in c && 'is' in c) return `${c.fact} ≠ ${String(c.is)}`;
  if ('fact' in c) return `${c.fact} ∉ {${c.in.map(String).join(', ')}}`;
  if ('slot' in c) return say(D.slotLacks, { slot: c.slot, tag: c.provides }, lang);
  if ('not' in c) return describeCondition(c.not, lang, words);
  return say(D.notTheCase, { condition: wrap(c) }, lang);
}

export function describeRequired(slot: SlotDef, lang: Lang, words?: ConditionWords): string {
  if (slot.required === true) return labels(lang).required;
  if (slot.required === false) return labels(lang).optional;
  // `required: { not: X }` reads "required unless X" / "obligatoire, sauf si X".
  if ('not' in slot.required) return say(D.requiredUnless, { condition: describeCondition(slot.required.not, lang, words) }, lang);
  return say(D.requiredWhen, { condition: describeCondition(slot.required, lang, words) }, lang);
}

/** The name people give a kind of file (`quicktime` → `MOV`). */
const KIND_NAMES: Partial<Record<Kind, string>> = {
  png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', pdf: 'PDF', mp4: 'MP4', quicktime: 'MOV', webm: 'WebM',
  json: 'JSON', 'fhir-json': 'JSON FHIR', ndjson: 'NDJSON', 'fhir-ndjson': 'NDJSON FHIR', csv: 'CSV', xml: 'XML',
  hl7v2: 'HL7 v2', markdown: 'Markdown', html: 'HTML', yaml: 'YAML', odt: 'ODT', docx: 'DOCX', zip: 'zip',
  sqlite: 'SQLite', 'sql-dump': 'SQL', 'pg-dump-custom': 'pg_dump',
};
const kindName = (k: Kind, lang: Lang): string => (k === 'text' ? say(D.text, {}, lang) : (KIND_NAMES[k] ?? k));


/** `PNG, JPEG ou PDF` / `PNG, JPEG or PDF`. */
function orList(items: readonly string[], lang: Lang): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')}${say(D.or, {}, lang)}${items.at(-1)!}`;
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

/** The full description of one requirement, for `dmn-check explain`. */
export function explainRequirement(req: RequirementDef, ruleset: Ruleset, lang: Lang, registry: CheckRegistry = createRegistry()): string {
  // The headings and words of a description read no parameter.
  const w = (def: MessageDef<never>): string => say(def, {}, lang);
  const lab = labels(lang);
  const out: string[] = [];
  out.push(`${req.id} — ${req.title[lang]}`);
  const meta = [`${lab.section} ${req.section}`];
  if (req.profile && req.profiles.length <= 1) meta.push(`${lab.profile.toLowerCase()} « ${req.profile} »`);
  else if (req.profiles.length > 0) meta.push(`${w(D.profiles)} ${req.profiles.map((p) => `« ${p} »`).join(', ')}`);
  if (req.mandatorySince) meta.push(`${w(D.since)} ${req.mandatorySince}`);
  out.push(`${meta.join(' · ')} · ${ruleset.id} ${ruleset.version}`, '');
  const c = colon(lang);
  out.push(`${lab.requirement}${c}`, `  ${req.statement[lang]}`, '');
  if (req.scenarios.length) {
    out.push(`${w(D.scenarios)}${c}`);
    for (const s of req.scenarios) {
      out.push(`  ${s.id} — ${s.title[lang]}`);
      if (s.profile) out.push(`    ${lab.profile.toLowerCase()}${c} « ${s.profile} »`);
      if (s.appliesWhen) out.push(`    ${w(D.appliesWhen)}${c} ${describeCondition(s.appliesWhen, lang)}`);
      if (s.statement) out.push(`    ${w(D.statementHere)}${c} ${s.statement[lang]}`);
      for (const p of s.proofs) out.push(`    ${p.id}${c} ${p.text[lang]}`);
    }
    out.push('');
  }
  out.push(`${say(D.slots, { id: req.id }, lang)}${c}`);
  for (const slot of req.slots) {
    out.push(`  ${slot.name} (${describeRequired(slot, lang, { req, registry })}${slot.multiple ? '' : `, ${w(D.oneFile)}`})`);
    out.push(`    ${slot.expects[lang]}`);
    out.push(`    ${w(D.accepts)}${c} ${describeAccepts(slot, lang)}`);
    if (slot.looksFor) out.push(`    ${w(D.looksFor)}${c} ${slot.looksFor[lang]}`);
    if (slot.proofs?.length) out.push(`    ${w(D.proofs)}${c} ${slot.proofs.join(', ')}`);
    if (slot.checks.length) out.push(`    ${w(D.checks)}${c} ${slot.checks.map((c) => c.check).join(', ')}`);
    for (const use of slot.checks) for (const line of registry.get(use.check)?.explain?.(use.options, lang) ?? []) out.push(`    ${line}`);
  }
  out.push('');
  if (req.notApplicableWhen.length) {
    out.push(`${w(D.notApplicableWhen)}${c}`);
    for (const na of req.notApplicableWhen) out.push(`  - ${describeCondition(na.when, lang)}${c} ${na.reason[lang]}`);
  } else out.push(w(D.alwaysApplies));
  if (req.clarifications.length) {
    out.push('', `${w(D.clarifications)}${c}`);
    for (const c of req.clarifications) out.push(`  - [${c.source}] ${c.text[lang]}`);
  }
  if (req.examples?.length) {
    out.push('', `${w(D.examples)}${c}`);
    for (const e of req.examples) {
      out.push(`  ${e.title[lang]} (${e.language})${c}`);
      for (const line of e.text.replace(/\r/g, '\n').split('\n')) out.push(`    ${line}`);
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
