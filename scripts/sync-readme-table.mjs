// Copies test/e2e/hostile/bad-input-table.md (kept true by the hostile suite) into README.md's
// "What dmn-check does with bad input" section, replacing the table that is there.
import { readFileSync, writeFileSync } from 'node:fs';

const table = readFileSync(new URL('../test/e2e/hostile/bad-input-table.md', import.meta.url), 'utf8').split('\n').slice(1).join('\n').trim();
const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const start = readme.indexOf('| Input | Exit code |');
if (start < 0) throw new Error('README.md has no bad-input table');
let end = readme.indexOf('\n', start);
while (readme.startsWith('|', end + 1)) end = readme.indexOf('\n', end + 1);
writeFileSync(readmeUrl, `${readme.slice(0, start)}${table}${readme.slice(end)}`);
