import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** The tool's name and version, as every report records them. */
export const TOOL: { readonly name: string; readonly version: string } = Object.freeze({ name: pkg.name, version: pkg.version });
