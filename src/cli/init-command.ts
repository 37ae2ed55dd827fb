import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserInputError, t2 } from '../diagnostics/user-input-error.js';
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

const T = {
  en: {
    head: [
      'dmn-check evidence manifest (format 1).',
      'Fill in the product, answer the facts, then name the evidence for each requirement.',
      'Paths are relative to this file\'s folder and must stay inside it.',
      'Run `dmn-check check` on this file: it says exactly what is still missing.',
    ],
    facts: 'Facts: answers that decide which requirements apply. Uncomment and answer each one.',
    evidence: 'Evidence: requirement id -> slot -> a path, a list of paths, or { path, sha256 }.',
    statements: [
      'Sworn statements (déclarations sur l’honneur justifiées), for requirements that do not apply.',
      'A statement needs a justification (40 characters or more), a signatory (name, role), signed_on,',
      'and may have expires_on and document (a PDF or image scan of the signed statement).',
    ],
    na: 'Not applicable when',
    otherProfile: 'Other questions',
    profile: 'Profile',
    product: ['My DMN', '1.0.0', 'Manufacturer SAS'],
    example: 'example:',
    sample: 'Our identities are created and changed in the hospital GAP; the DMN only receives them.',
  },
  fr: {
    head: [
      'Manifeste de preuves dmn-check (format 1).',
      'Renseignez le produit, répondez aux questions, puis indiquez les preuves de chaque exigence.',
      'Les chemins sont relatifs au dossier de ce fichier et doivent y rester.',
      'Lancez `dmn-check check` sur ce fichier\u00a0: il indique précisément ce qui manque encore.',
    ],
    facts: 'Caractéristiques du DMN (facts)\u00a0: vos réponses déterminent les exigences applicables. Décommentez chaque question et répondez-y.',
    evidence: 'Preuves\u00a0: exigence -> emplacement -> un chemin, une liste de chemins, ou { path, sha256 }.',
    statements: [
      'Déclarations sur l’honneur justifiées, pour les exigences non applicables.',
      'Une déclaration comporte une justification (40 caractères ou plus), un signataire (name, role),',
      'signed_on, et éventuellement expires_on et document (PDF ou image de la déclaration signée).',
    ],
    na: 'Non applicable lorsque',
    otherProfile: 'Autres questions',
    profile: 'Profil',
    product: ['Mon DMN', '1.0.0', 'Fabricant SAS'],
    example: 'exemple\u00a0:',
    sample: "Les identités sont créées et modifiées dans la GAP de l’établissement ; le DMN ne fait que les recevoir.",
  },
};

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
  const t = T[lang];
  // Editors that speak the YAML language server complete facts, requirement ids and slot names from it.
  const L: string[] = [yamlLanguageServerLine()];
  for (const h of t.head) L.push(`# ${h}`);
  L.push('dmn-evidence: 1', 'product:');
  L.push(`  name: "${t.product[0]}"`, `  version: "${t.product[1]}"`, `  manufacturer: "${t.product[2]}"`);
  L.push(`ruleset: ${ruleset.id}@${ruleset.version}`, '');
  L.push(`# ${t.facts}`, 'facts:');
  const groups = factsByProfile(ruleset);
  for (const [profile, facts] of groups) {
    if (groups.size > 1) L.push(`  # ── ${profile === undefined ? t.otherProfile : `${t.profile} « ${profile} »`} ──`);
    for (const f of facts) L.push(`  # ${f.question[lang]}`, `  #   ${describeFactChoices(f, lang)}`, `  # ${f.name}: `);
  }
  L.push('', `# ${t.evidence}`, 'evidence:');
  const registry = createRegistry();
  for (const r of ruleset.requirements) {
    L.push(`  # ${r.id} — ${r.title[lang]}`);
    for (const na of r.notApplicableWhen) L.push(`  #   ${t.na}${colon(lang)} ${describeCondition(na.when, lang)}`);
    L.push(`  # ${quoteKey(r.id)}:`);
    for (const s of r.slots) {
      L.push(`  #   # ${s.name} (${describeRequired(s, lang, { req: r, registry })})${colon(lang)} ${s.expects[lang]}`);
      L.push(`  #   #   ${describeAccepts(s, lang)}`);
      L.push(`  #   ${s.name}: evidence/${slug(r.id)}/${s.name}`);
    }
  }
  L.push('');
  for (const s of t.statements) L.push(`# ${s}`);
  L.push('statements:');
  const first = ruleset.requirements.find((r) => r.notApplicableWhen.length > 0);
  if (first) {
    L.push(`  # ${t.example}`, `  # ${quoteKey(first.id)}:`, `  #   justification: "${t.sample}"`);
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
      message: t2('already exists; it was left as it is.', 'existe déjà ; il a été laissé tel quel.'),
      hint: t2('Choose another --out, or pass --force to overwrite it.', 'Choisissez un autre --out, ou ajoutez --force pour l’écraser.'),
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
    io.stdout.write(lang === 'fr' ? `Manifeste écrit\u00a0: ${shown}\n` : `Manifest written: ${shown}\n`);
    if (writeSchema) {
      const shownSchema = path.relative(io.cwd, schemaPath) || schemaPath;
      io.stdout.write(lang === 'fr' ? `Schéma pour l’éditeur écrit\u00a0: ${shownSchema}\n` : `Editor schema written: ${shownSchema}\n`);
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
