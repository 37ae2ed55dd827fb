#!/usr/bin/env node
// Build step (after tsc): compiles the ruleset, manifest, data dictionary and check options JSON Schemas into standalone ajv
// validators in dist/generated/, and parses the bundled rulesets into dist/generated/rules/, so that
// a run pays for neither schema compilation nor the YAML parsing of a bundled ruleset at start-up.
// The loaders fall back to compiling at run time when these files are absent (tests run from src/).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const standaloneCode = require('ajv/dist/standalone').default;
const { _ } = require('ajv');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'generated');
mkdirSync(out, { recursive: true });

const { rulesetSchema } = await import(path.join(root, 'dist/ruleset/schema.js'));
const { manifestSchema } = await import(path.join(root, 'dist/manifest/schema.js'));

for (const [name, schema] of [
  ['validate-ruleset.cjs', rulesetSchema],
  ['validate-manifest.cjs', manifestSchema],
]) {
  // Same options as src/diagnostics/ajv.ts createAjv({ verbose: true }), plus code generation.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  writeFileSync(path.join(out, name), standaloneCode(ajv, validate));
}

// The PORT 1 data dictionary schema: same options as createAjv() in src/checks/port1/analysis/dictionary.ts.
{
  const { DICTIONARY_SCHEMA } = await import(path.join(root, 'dist/checks/port1/analysis/dictionary-schema.js'));
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  addFormats(ajv);
  const validate = ajv.compile(DICTIONARY_SCHEMA);
  writeFileSync(path.join(out, 'validate-dictionary.cjs'), standaloneCode(ajv, validate));
}

// The options schema of every built-in check, one export each, found by check name through
// `byCheck` (src/diagnostics/precompiled.ts): same options as the ajv of src/ruleset/load.ts.
{
  const { BUILTIN_CHECKS } = await import(path.join(root, 'dist/checks/registry.js'));
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  addFormats(ajv);
  const exportsByKey = {};
  const byCheck = [];
  BUILTIN_CHECKS.forEach((check, i) => {
    const key = `check${i}`;
    ajv.addSchema(check.schema, key);
    exportsByKey[key] = key;
    byCheck.push(`${JSON.stringify(check.name)}: exports.${key}`);
  });
  const code = standaloneCode(ajv, exportsByKey);
  writeFileSync(path.join(out, 'validate-options.cjs'), `${code}\nexports.byCheck = { ${byCheck.join(', ')} };\n`);
}

// The bundled rulesets, parsed: YAML parsing with positions is most of a start-up's ruleset time. The
// loader uses a value only while the SHA-256 of the YAML is the one recorded here (src/ruleset/load.ts,
// parsedAtBuild); positions are parsed again only if a problem needs one.
{
  const { parseYaml } = await import(path.join(root, 'dist/diagnostics/yaml-source.js'));
  const rulesOut = path.join(out, 'rules');
  rmSync(rulesOut, { recursive: true, force: true });
  mkdirSync(rulesOut, { recursive: true });
  for (const name of readdirSync(path.join(root, 'rules')).filter((n) => n.endsWith('.yaml'))) {
    const bytes = readFileSync(path.join(root, 'rules', name));
    const { value } = parseYaml(bytes, `rules/${name}`);
    writeFileSync(path.join(rulesOut, name.replace(/\.yaml$/, '.json')), JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('hex'), value }));
  }
}
