// Entry point of the standalone executable (scripts/build-sea.mjs): the same command as
// bin/dmn-check.js, as one CommonJS script (what Node's single-executable applications run).
import { main } from './main.js';

void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then((code) => {
  process.exitCode = code;
});
