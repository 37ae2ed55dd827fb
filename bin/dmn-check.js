#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): Node starts a CommonJS entry without its ES module loader.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const argv = process.argv.slice(2);
const root = path.join(__dirname, '..');
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // What commander prints for `--version`, without loading the bundle: the version is the package's.
  process.stdout.write(`${JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version}\n`);
} else {
  // Node 22.1+ keeps the libraries loaded from node_modules in its on-disk compile cache (a no-op on
  // Node 20); the bundle has a code cache of its own (load-bundle.js).
  require('node:module').enableCompileCache?.();
  const { loadBundle } = require('./load-bundle.js');
  // The esbuild bundle (scripts/bundle.mjs): one file, each command's code run when that command runs.
  const bundle = loadBundle(root, argv);
  bundle.exports
    .main(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() })
    .then((code) => {
      process.exitCode = code;
      bundle.save();
    });
}
