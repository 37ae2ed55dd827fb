#!/usr/bin/env node
import module from 'node:module';
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const root = new URL('..', import.meta.url);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What commander prints for `--version`, without loading the bundle: the version is the package's.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version}\n`);
} else {
  // Node 22.1+ keeps the libraries loaded from node_modules in its on-disk compile cache (a no-op on
  // Node 20); the bundle has a code cache of its own (load-bundle.js).
  module.enableCompileCache?.();
  const { loadBundle } = await import('./load-bundle.js');
  const { fileURLToPath } = await import('node:url');
  // The esbuild bundle (scripts/bundle.mjs): one file, each command's code run when that command runs.
  const bundle = loadBundle(fileURLToPath(root), argv);
  process.exitCode = await bundle.exports.main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
  bundle.save();
}
