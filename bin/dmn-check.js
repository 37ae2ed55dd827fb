#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps the compiled bundle in its on-disk compile cache, so later starts skip compiling
// it (a no-op on Node 20). It must be on before the bundle is imported.
module.enableCompileCache?.();

// The esbuild bundle (scripts/bundle.mjs): one file, and chunks loaded when a command needs them.
const { main } = await import('../dist/bundle/dmn-check.js');

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
