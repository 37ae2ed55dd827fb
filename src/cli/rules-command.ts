import { checkDescription } from '../checks/description.js';
import { createRegistry } from '../checks/registry.js';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both, say } from '../i18n/text.js';
import { CLI_TEXT } from './messages.js';
import { DESCRIBE_TEXT } from './messages-describe.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { findRequirement } from '../ruleset/ids.js';
import { loadRuleset } from '../ruleset/load.js';
import type { RequirementDef, Ruleset } from '../ruleset/types.js';
import { langOf, loadRules, type CommonOptions } from './common.js';
import { describeCondition, explainRequirement } from './describe.js';
import type { CliIo } from './io.js';
import { colon } from '../i18n/format.js';

/** Loose form of a profile or section name: case, accents, spaces and punctuation do not matter. */
export function looseName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The requirements a `--section` / `--profile` filter keeps; an unknown value is a usage error naming the known ones. */
export function filterRequirements(ruleset: Ruleset, section: string | undefined, profile: string | undefined): readonly RequirementDef[] {
  let out = ruleset.requirements;
  if (section !== undefined) {
    const n = looseName(section);
    const ids = new Set([...ruleset.sections.filter((x) => looseName(x.id) === n || (x.gridId !== undefined && looseName(x.gridId) === n)).map((x) => x.id)]);
    for (const r of ruleset.requirements) if (looseName(r.section) === n) ids.add(r.section);
    if (ids.size === 0) {
      const known = [...new Set([...ruleset.sections.flatMap((x) => [x.id, ...(x.gridId ? [x.gridId] : [])]), ...ruleset.requirements.map((r) => r.section)])];
      throw unknownFilter('--section', section, known);
    }
    out = out.filter((r) => ids.has(r.section));
  }
  if (profile !== undefined) {
    const n = looseName(profile);
    const known = [...new Set(ruleset.requirements.flatMap((r) => r.profiles))];
    if (!known.some((p) => looseName(p) === n)) throw unknownFilter('--profile', profile, known);
    out = out.filter((r) => r.profiles.some((p) => looseName(p) === n));
  }
  return out;
}

function unknownFilter(option: string, value: string, known: readonly string[]): UserInputError {
  return new UserInputError({
    code: 'usage',
    file: 'command line',
    subject: option,
    ...both(CLI_TEXT.notAValue, { value }),
    hint: didYouMean(value, known) ?? both(CLI_TEXT.knownValues, { known: known.join(', ') }).message,
  });
}

export function rulesListCommand(opts: CommonOptions & { checks?: boolean; section?: string; profile?: string }, io: CliIo): number {
  const lang = langOf(opts, io);
  if (opts.checks) {
    const checks = [...createRegistry().values()];
    const width = Math.max(...checks.map((c) => c.name.length));
    for (const c of checks) io.stdout.write(`${c.name.padEnd(width)}  ${checkDescription(c, lang)}\n`);
    return 0;
  }
  const ruleset = loadRules(opts, io);
  const shown = filterRequirements(ruleset, opts.section, opts.profile);
  io.stdout.write(`${ruleset.title[lang]}\n${ruleset.id} ${ruleset.version} · sha256 ${ruleset.sha256}\n\n`);
  const width = Math.max(0, ...shown.map((r) => r.id.length));
  for (const r of shown) {
    const na = r.notApplicableWhen.map((n) => ('all' in n.when || 'any' in n.when ? `(${describeCondition(n.when, lang)})` : describeCondition(n.when, lang))).join(say(DESCRIBE_TEXT.or, {}, lang));
    const naText = na ? `  ${say(CLI_TEXT.notApplicableWhen, { condition: na }, lang)}` : '';
    io.stdout.write(`${r.id.padEnd(width)}  ${r.title[lang]}${naText}\n`);
    io.stdout.write(`${' '.repeat(width)}  ${say(CLI_TEXT.slots, {}, lang)}${colon(lang)} ${r.slots.map((s) => s.name).join(', ')}\n`);
  }
  return 0;
}

export function rulesLintCommand(file: string, opts: CommonOptions, io: CliIo): number {
  const lang = langOf(opts, io);
  const ruleset = loadRuleset(file, { cwd: io.cwd });
  const slots = ruleset.requirements.reduce((n, r) => n + r.slots.length, 0);
  if (!opts.quiet) {
    const counts = { requirements: ruleset.requirements.length, slots, facts: ruleset.facts.length };
    io.stdout.write(`${say(CLI_TEXT.rulesetValid, { file, ruleset: `${ruleset.id} ${ruleset.version}`, ...counts }, lang)}\n`);
  }
  return 0;
}

export function explainCommand(id: string, opts: CommonOptions, io: CliIo): number {
  const lang = langOf(opts, io);
  const ruleset = loadRules(opts, io);
  const match = findRequirement(ruleset.requirements, id);
  if (!('requirement' in match)) {
    throw new UserInputError({
      code: 'requirement.unknown',
      file: 'command line',
      subject: id,
      ...both(CLI_TEXT.noSuchRequirement, { ruleset: `${ruleset.id} ${ruleset.version}` }),
      hint: match.suggestion ? didYouMean(id, [match.suggestion]) : both(CLI_TEXT.rulesListLists, {}).message,
    });
  }
  io.stdout.write(explainRequirement(match.requirement, ruleset, lang));
  return 0;
}
