import { readFileSync } from 'node:fs';

// The bundle inlines these two strings (scripts/bundle.mjs), so a start-up reads no package.json.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** This program's name and version, as package.json gives them. */
export const TOOL = { name: pkg.name, version: pkg.version };
