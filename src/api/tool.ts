import { readFileSync } from 'node:fs';

// The bundle inlines these two strings (scripts/bundle.mjs), so a start-up reads no package.json.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** The tool's name and version, as every report records them. */
export const TOOL: { readonly name: string; readonly version: string } = Object.freeze({ name: pkg.name, version: pkg.version });
