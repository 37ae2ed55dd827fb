// Runs the built CLI (dist/) inside this process, then writes its exit code and peak resident set
// size as JSON on file descriptor 3: tests and the scale bench measure memory without parsing the
// CLI's own output, and without depending on /usr/bin/time.
import { writeSync } from 'node:fs';
import { main } from '../../../dist/cli/main.js';

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
writeSync(3, JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS }));
process.exitCode = code;
