#!/usr/bin/env node
import module from 'node:module';
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What commander prints for `--version`, without loading the bundle: the version is the package's.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // Node 22.1+ keeps the compiled bundle in its on-disk compile cache, so later starts skip compiling
  // it (a no-op on Node 20). It must be on before the bundle is imported.
  module.enableCompileCache?.();

  // The esbuild bundle (scripts/bundle.mjs): one file, and chunks loaded when a command needs them.
  const { main } = await import('../dist/bundle/dmn-check.js');

  process.exitCode = await main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}
