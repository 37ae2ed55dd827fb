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
  const evidenceRef: Record<string, Json> = { $ref: '#/$defs/evidenceRef' };
  const statementSchema = JSON.parse(JSON.stringify(manifestSchema.properties.statements.additionalProperties)) as Record<string, Json>;
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
    statements[r.id] = { description: `${r.id} — ${r.title[lang]}`, ...statementSchema };
  }
  const base = JSON.parse(JSON.stringify(manifestSchema)) as { properties: Record<string, Json>; $defs: Json } & Record<string, Json>;
  const { properties, $id, ...rest } = base;
  void $id; // the loader's internal id; the editor schema is a file of its own
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `dmn-evidence.yaml — ${ruleset.id} ${ruleset.version}`,
    ...rest,
    properties: {
      ...properties,
      ruleset: { ...(properties.ruleset as Record<string, Json>), description: `${ruleset.id}@${ruleset.version}`, examples: [`${ruleset.id}@${ruleset.version}`] },
      facts: { type: ['object', 'null'], additionalProperties: false, properties: facts },
      evidence: { type: ['object', 'null'], additionalProperties: false, properties: evidence },
      statements: { type: ['object', 'null'], additionalProperties: false, properties: statements },
    },
  };
}
