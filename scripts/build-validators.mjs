#!/usr/bin/env node
// Build step (after tsc): compiles the ruleset, manifest and report JSON Schemas into standalone ajv
// validators in dist/generated/, and parses the bundled rulesets into dist/generated/rules/, so that
// a run pays for neither schema compilation nor ruleset parsing at start-up.
// The loaders fall back to compiling at run time when these files are absent (tests run from src/).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
const { readableSchema: reportSchema } = await import(path.join(root, 'dist/audit/read-report.js'));

const { DICTIONARY_SCHEMA } = await import(path.join(root, 'dist/checks/port1/analysis/dictionary-schema.js'));

for (const [name, schema, verbose] of [
  ['validate-ruleset.cjs', rulesetSchema, true],
  ['validate-manifest.cjs', manifestSchema, true],
  ['validate-report.cjs', reportSchema, true],
  ['validate-dictionary.cjs', DICTIONARY_SCHEMA, false],
]) {
  // Same options as where each is compiled at run time (src/diagnostics/ajv.ts createAjv, with
  // { verbose: true } but for the data dictionary), plus code generation.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  writeFileSync(path.join(out, name), standaloneCode(ajv, validate));
}

// The bundled rulesets, parsed: YAML parsing is most of a start-up's ruleset time. The loader uses a
// value only while the SHA-256 of the YAML is the one recorded here (src/ruleset/load.ts parsedAtBuild).
const { parseYaml } = await import(path.join(root, 'dist/diagnostics/yaml-source.js'));
const rulesOut = path.join(out, 'rules');
mkdirSync(rulesOut, { recursive: true });
for (const name of readdirSync(path.join(root, 'rules')).filter((n) => n.endsWith('.yaml'))) {
  const bytes = readFileSync(path.join(root, 'rules', name));
  const { value } = parseYaml(bytes, `rules/${name}`);
  writeFileSync(path.join(rulesOut, name.replace(/\.yaml$/, '.json')), JSON.stringify({ sha256: createHash('sha256').update(bytes).digest('hex'), value }));
}

// The built-in checks' option schemas, with the options of src/ruleset/load.ts optionsAjv; each
// export carries the schema it was generated from, which the loader compares before using it.
const { BUILTIN_CHECKS } = await import(path.join(root, 'dist/checks/registry.js'));
{
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateSchema: false, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  addFormats(ajv);
  const refs = {};
  BUILTIN_CHECKS.forEach((c, i) => {
    ajv.addSchema(c.schema, `check-${i}`);
    refs[`v${i}`] = `check-${i}`;
  });
  const lines = [standaloneCode(ajv, refs), 'const built = {};'];
  BUILTIN_CHECKS.forEach((c, i) => lines.push(`built[${JSON.stringify(c.name)}] = { schema: ${JSON.stringify(JSON.stringify(c.schema))}, validate: exports.v${i} };`));
  lines.push('module.exports = built;');
  writeFileSync(path.join(out, 'check-options.cjs'), lines.join('\n'));
}
