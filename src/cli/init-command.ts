import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both, say } from '../i18n/text.js';
import type { MessageDef } from '../i18n/types.js';
import { CLI_TEXT } from './messages.js';
import { INIT_TEXT } from './messages-init.js';
import { labels } from '../formatters/labels.js';
import type { Lang } from '../i18n/index.js';
import { factsOf } from '../ruleset/condition.js';
import type { Condition, FactDef, Ruleset } from '../ruleset/types.js';
import { langOf, loadRules, type CommonOptions } from './common.js';
import { colon } from '../i18n/format.js';
import { createRegistry } from '../checks/registry.js';
import { describeAccepts, describeCondition, describeFactChoices, describeRequired } from './describe.js';
import type { CliIo } from './io.js';
import { writeOutputs } from '../diagnostics/output-file.js';
import { EDITOR_SCHEMA_FILE, editorSchema, yamlLanguageServerLine } from '../manifest/editor-schema.js';

export interface InitOptions extends CommonOptions {
  out?: string;
  force?: boolean;
}

/**
 * The facts grouped by the profile they decide, in the ruleset's order of profiles. A fact goes to
 * the profile that reads it most often (N/A conditions of single-profile requirements, scenario
 * conditions under the scenario's profile, slot conditions under the profile of the slot's proofs);
 * ties go to the earlier profile; a fact no condition reads goes last, under no profile.
 */
export function factsByProfile(ruleset: Ruleset): Map<string | undefined, FactDef[]> {
  const order = [...new Set(ruleset.requirements.flatMap((r) => r.profiles))];
  const votes = new Map<string, Map<string, number>>();
  const vote = (c: Condition, profile: string | undefined): void => {
    if (profile === undefined) return;
    for (const f of factsOf(c)) {
      const m = votes.get(f) ?? new Map<string, number>();
      m.set(profile, (m.get(profile) ?? 0) + 1);
      votes.set(f, m);
    }
  };
  for (const r of ruleset.requirements) {
    const single = r.profiles.length === 1 ? r.profiles[0] : undefined;
    for (const na of r.notApplicableWhen) vote(na.when, single);
    for (const s of r.scenarios) if (s.appliesWhen) vote(s.appliesWhen, s.profile ?? r.profile);
    for (const slot of r.slots) {
      if (typeof slot.required !== 'object') continue;
      const scenario = r.scenarios.find((s) => s.proofs.some((p) => slot.proofs?.includes(p.id)));
      vote(slot.required, scenario?.profile ?? r.profile ?? single);
    }
  }
  const home = (name: string): string | undefined => {
    const m = votes.get(name);
    if (!m) return undefined;
    let best: string | undefined;
    for (const p of order) if ((m.get(p) ?? 0) > (best === undefined ? 0 : m.get(best)!)) best = p;
    return best;
  };
  const groups = new Map<string | undefined, FactDef[]>();
  for (const p of [...order, undefined]) {
    const facts = ruleset.facts.filter((f) => home(f.name) === p);
    if (facts.length > 0) groups.set(p, facts);
  }
  return groups;
}

function slug(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function quoteKey(id: string): string {
  return /^[A-Za-z_][\w-]*$/.test(id) ? id : `"${id}"`;
}

/** The commented manifest template: valid as it is (everything reported missing). */
export function manifestTemplate(ruleset: Ruleset, lang: Lang): string {
  const t = (def: MessageDef<never>): string => say(def, {}, lang);
  const lab = labels(lang);
  // Editors that speak the YAML language server complete facts, requirement ids and slot names from it.
  const L: string[] = [yamlLanguageServerLine()];
  for (const h of t(INIT_TEXT.head).split('\n')) L.push(`# ${h}`);
  L.push('dmn-evidence: 1', 'product:');
  L.push(`  name: "${t(INIT_TEXT.productName)}"`, '  version: "1.0.0"', `  manufacturer: "${t(INIT_TEXT.manufacturer)}"`);
  L.push(`ruleset: ${ruleset.id}@${ruleset.version}`, '');
  L.push(`# ${t(INIT_TEXT.facts)}`, 'facts:');
  const groups = factsByProfile(ruleset);
  for (const [profile, facts] of groups) {
    if (groups.size > 1) L.push(`  # ── ${profile === undefined ? t(INIT_TEXT.otherQuestions) : `${lab.profile} « ${profile} »`} ──`);
    for (const f of facts) L.push(`  # ${f.question[lang]}`, `  #   ${describeFactChoices(f, lang)}`, `  # ${f.name}: `);
  }
  L.push('', `# ${t(INIT_TEXT.evidence)}`, 'evidence:');
  const registry = createRegistry();
  for (const r of ruleset.requirements) {
    L.push(`  # ${r.id} — ${r.title[lang]}`);
    for (const na of r.notApplicableWhen) L.push(`  #   ${lab.notApplicableWhen}${colon(lang)} ${describeCondition(na.when, lang)}`);
    L.push(`  # ${quoteKey(r.id)}:`);
    for (const s of r.slots) {
      L.push(`  #   # ${s.name} (${describeRequired(s, lang, { req: r, registry })})${colon(lang)} ${s.expects[lang]}`);
      L.push(`  #   #   ${describeAccepts(s, lang)}`);
      L.push(`  #   ${s.name}: evidence/${slug(r.id)}/${s.name}`);
    }
  }
  L.push('');
  for (const s of t(INIT_TEXT.statements).split('\n')) L.push(`# ${s}`);
  L.push('statements:');
  const first = ruleset.requirements.find((r) => r.notApplicableWhen.length > 0);
  if (first) {
    L.push(`  # ${t(INIT_TEXT.example)}${colon(lang)}`, `  # ${quoteKey(first.id)}:`, `  #   justification: "${t(INIT_TEXT.justification)}"`);
    L.push('  #   signatory: { name: Jeanne Martin, role: Présidente }', '  #   signed_on: 2026-10-02', '  #   expires_on: 2027-10-02', `  #   document: statements/${slug(first.id)}-signed.pdf`);
  }
  return `${L.join('\n')}\n`;
}

export async function initCommand(opts: InitOptions, io: CliIo): Promise<number> {
  const lang = langOf(opts, io);
  const ruleset = loadRules(opts, io);
  const out = path.resolve(io.cwd, opts.out ?? 'dmn-evidence.yaml');
  const shown = path.relative(io.cwd, out) || out;
  if (existsSync(out) && !opts.force) {
    throw new UserInputError({
      code: 'usage',
      file: shown,
      ...both(CLI_TEXT.alreadyExists, {}),
    });
  }
  const schemaPath = path.join(path.dirname(out), EDITOR_SCHEMA_FILE);
  // The editor schema is regenerated with the manifest; an existing one is kept unless --force.
  const writeSchema = opts.force === true || !existsSync(schemaPath);
  await writeOutputs([
    { path: out, display: shown, content: manifestTemplate(ruleset, lang) },
    ...(writeSchema ? [{ path: schemaPath, display: path.relative(io.cwd, schemaPath) || schemaPath, content: `${JSON.stringify(editorSchema(ruleset, lang), null, 2)}\n` }] : []),
  ]);
  if (!opts.quiet) {
    io.stdout.write(`${say(CLI_TEXT.manifestWritten, { file: shown }, lang)}\n`);
    if (writeSchema) {
      const shownSchema = path.relative(io.cwd, schemaPath) || schemaPath;
      io.stdout.write(`${say(CLI_TEXT.schemaWritten, { file: shownSchema }, lang)}\n`);
    }
  }
  return 0;
}

/** `dmn-check schema`: the editor JSON Schema of the manifest for the ruleset in use, on stdout or to --out. */
export async function schemaCommand(opts: CommonOptions & { out?: string }, io: CliIo): Promise<number> {
  const lang = langOf(opts, io);
  const ruleset = loadRules(opts, io);
  const content = `${JSON.stringify(editorSchema(ruleset, lang), null, 2)}\n`;
  if (opts.out === undefined) io.stdout.write(content);
  else await writeOutputs([{ path: path.resolve(io.cwd, opts.out), display: opts.out, content }]);
  return 0;
}
