#!/usr/bin/env node
// Extracts the structure of the ANS DMN grid V1.2.2 (row order, profiles, section ids, requirement,
// scenario and proof ids, the conditional flag) from the grid JSON, without the regulator's texts, into
// test/ruleset/ans-dmn-grid-v1.2.2.structure.json. The ruleset test compares
// rules/ans-dmn-complete-1.2.2.yaml with it. Usage: node scripts/grid-structure.mjs GRID.json
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [gridFile] = process.argv.slice(2);
if (!gridFile) {
  console.error('usage: node scripts/grid-structure.mjs ans-dmn-grid-v1.2.2.json');
  process.exit(2);
}
const rows = JSON.parse(readFileSync(gridFile, 'utf8')).map((r) => ({
  row: r.row,
  profile: r.profile,
  section_id: r.section_id,
  requirement_id: r.requirement_id,
  scenario_id: r.scenario_id,
  conditional: r.conditional,
  proofs: r.proofs.map((p) => p.id),
}));
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'ruleset', 'ans-dmn-grid-v1.2.2.structure.json');
writeFileSync(out, `${JSON.stringify({ source: 'ANS DMN referential V1.2.2 grid (sheet Exigences), structure only', rows }, null, 1)}\n`);
console.log(`${rows.length} rows written to ${path.relative(process.cwd(), out)}`);
