import type { Lang } from '../i18n/types.js';
import type { Ruleset } from '../ruleset/types.js';
import { manifestSchema } from './schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The file `init` writes next to the manifest and names in its `yaml-language-server` line. */
export const EDITOR_SCHEMA_FILE = 'dmn-evidence.schema.json';

/** The first line of a manifest that YAML editors (the YAML language server: VS Code, IntelliJ, Neovim) read. */
export function yamlLanguageServerLine(schemaFile = EDITOR_SCHEMA_FILE): string {
  return `# yaml-language-server: $schema=${schemaFile}`;
}

/**
 * The JSON Schema (draft-07) of a manifest for one ruleset, for editors: the manifest's structure
 * (the same as the loader's), plus what the ruleset allows by name: each fact with its question and
 * its answers, each requirement id with its title, each slot with what it expects. Editors complete
 * names and show the descriptions on hover; the loader stays the judge (positions, "did you mean").
 */
export function editorSchema(ruleset: Ruleset, lang: Lang): Record<string, Json> {
  const base = JSON.parse(JSON.stringify(manifestSchema)) as Record<string, any>;
  const evidenceRef = { $ref: '#/$defs/evidenceRef' };
  const facts: Record<string, Json> = {};
  for (const f of ruleset.facts) {
    const schema: Record<string, Json> = { description: f.question[lang] };
    if (f.type === 'enum') {
      schema.enum = (f.values ?? []).map((v) => v.value);
      schema.markdownEnumDescriptions = (f.values ?? []).map((v) => v.label[lang]);
    } else schema.type = f.type;
    facts[f.name] = schema;
  }
  const evidence: Record<string, Json> = {};
  const statements: Record<string, Json> = {};
  for (const r of ruleset.requirements) {
    const slots: Record<string, Json> = {};
    for (const s of r.slots) slots[s.name] = { description: `${s.title[lang]} — ${s.expects[lang]}`, ...evidenceRef };
    evidence[r.id] = { description: `${r.id} — ${r.title[lang]}`, type: 'object', additionalProperties: false, properties: slots };
    statements[r.id] = { description: `${r.id} — ${r.title[lang]}`, ...base.properties.statements.additionalProperties };
  }
  const { $id: _id, ...rest } = base;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `dmn-evidence.yaml — ${ruleset.id} ${ruleset.version}`,
    ...rest,
    properties: {
      ...rest.properties,
      ruleset: { ...rest.properties.ruleset, description: `${ruleset.id}@${ruleset.version}`, examples: [`${ruleset.id}@${ruleset.version}`] },
      facts: { type: ['object', 'null'], additionalProperties: false, properties: facts },
      evidence: { type: ['object', 'null'], additionalProperties: false, properties: evidence },
      statements: { type: ['object', 'null'], additionalProperties: false, properties: statements },
    },
  } as Record<string, Json>;
}
