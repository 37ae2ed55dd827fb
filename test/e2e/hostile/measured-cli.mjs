// Runs the built CLI inside this process, then writes its exit code and peak resident set size as
// JSON on file descriptor 3: tests and the scale bench measure memory without parsing the CLI's own
// output, and without depending on /usr/bin/time. It runs the bundle the installed command runs
// (dist/bundle/dmn-check.cjs), one file: the ES modules of dist/ are read by Node's loader many at
// a time, which a run under `ulimit -n 64` cannot afford.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const { main } = createRequire(import.meta.url)('../../../dist/bundle/dmn-check.cjs');

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
writeSync(3, JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS }));
process.exitCode = code;
