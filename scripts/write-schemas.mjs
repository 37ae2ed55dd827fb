#!/usr/bin/env node
// Writes schemas/report-1.schema.json from the TypeScript-checked schema in src/report/schema.ts
// (run after `npm run build`; test/report/schema.test.ts fails when the committed file is stale).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { REPORT_SCHEMA } = await import(pathToFileURL(path.join(root, 'dist', 'report', 'schema.js')).href);
writeFileSync(path.join(root, 'schemas', 'report-1.schema.json'), `${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`);
