import { createRegistry } from '../checks/registry.js';
import { UserInputError, t2 } from '../diagnostics/user-input-error.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { findRequirement } from '../ruleset/ids.js';
import { loadRuleset } from '../ruleset/load.js';
import { langOf, loadRules, type CommonOptions } from './common.js';
import { describeCondition, explainRequirement } from './describe.js';
import type { CliIo } from './io.js';

export function rulesListCommand(opts: CommonOptions & { checks?: boolean }, io: CliIo): number {
  const lang = langOf(opts, io);
  if (opts.checks) {
    const checks = [...createRegistry().values()];
    const width = Math.max(...checks.map((c) => c.name.length));
    for (const c of checks) io.stdout.write(`${c.name.padEnd(width)}  ${c.description}\n`);
    return 0;
  }
  const ruleset = loadRules(opts, io);
  io.stdout.write(`${ruleset.title[lang]}\n${ruleset.id} ${ruleset.version} · sha256 ${ruleset.sha256}\n\n`);
  const width = Math.max(...ruleset.requirements.map((r) => r.id.length));
  for (const r of ruleset.requirements) {
    const na = r.notApplicableWhen.map((n) => describeCondition(n.when, lang)).join(lang === 'fr' ? ' ou ' : ' or ');
    const naText = na ? (lang === 'fr' ? `  [N/A si ${na}]` : `  [N/A when ${na}]`) : '';
    io.stdout.write(`${r.id.padEnd(width)}  ${r.title[lang]}${naText}\n`);
    io.stdout.write(`${' '.repeat(width)}  ${lang === 'fr' ? 'emplacements' : 'slots'}: ${r.slots.map((s) => s.name).join(', ')}\n`);
  }
  return 0;
}

export function rulesLintCommand(file: string, opts: CommonOptions, io: CliIo): number {
  const lang = langOf(opts, io);
  const ruleset = loadRuleset(file, { cwd: io.cwd });
  const slots = ruleset.requirements.reduce((n, r) => n + r.slots.length, 0);
  if (!opts.quiet) {
    io.stdout.write(
      lang === 'fr'
        ? `${file} : valide — ${ruleset.id} ${ruleset.version}, ${ruleset.requirements.length} exigences, ${slots} emplacements, ${ruleset.facts.length} faits.\n`
        : `${file}: valid — ${ruleset.id} ${ruleset.version}, ${ruleset.requirements.length} requirements, ${slots} slots, ${ruleset.facts.length} facts.\n`,
    );
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
      message: t2(`no such requirement in ${ruleset.id} ${ruleset.version}.`, `exigence inconnue dans ${ruleset.id} ${ruleset.version}.`),
      hint: match.suggestion ? didYouMean(id, [match.suggestion]) : t2('`dmn-check rules list` lists them.', '`dmn-check rules list` les liste.'),
    });
  }
  io.stdout.write(explainRequirement(match.requirement, ruleset, lang));
  return 0;
}
