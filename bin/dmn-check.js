#!/usr/bin/env node
// The esbuild bundle (scripts/bundle.mjs): one file and a few chunks instead of hundreds of modules.
import { main } from '../dist/bundle/dmn-check.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
