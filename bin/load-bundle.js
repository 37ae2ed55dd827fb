// Loads the command's bundle (dist/bundle/dmn-check.cjs, one CommonJS file: scripts/bundle.mjs) with
// V8's code cache, which Node 20 does not keep for a CLI: a run saves the code V8 compiled (after the
// run, so the functions it used are in it), later runs start from it instead of compiling the bundle
// again (about 40 ms of a `check`). Saving costs about 10 ms, so the first run of a command only
// leaves a mark and the second saves: a CI job that runs dmn-check once on a fresh install pays
// neither.
//
// One cache for each command (a `--help` does not load the code of a `check`), in
// node_modules/.cache/dmn-check/ (the node_modules that holds dmn-check, or the one of a clone): a
// place as trusted as the code itself, never a shared folder. A file is named after the SHA-256 of
// the bundle, the command, the Node version and architecture, and starts with the SHA-256 of the
// rest, checked before V8 is given it; V8 checks its own version and flags. A run that cannot read
// or write the folder, or NODE_DISABLE_COMPILE_CACHE=1, runs without it: never an error.
'use strict';
const { createHash } = require('node:crypto');
const { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const DIGEST = 32;

/** The commands of src/cli/main.ts: a cache for each (`--help`, a typo… share one). */
const COMMANDS = ['check', 'init', 'schema', 'explain', 'rules', 'replay', 'diff', 'pack'];

/** Where the cache goes for the package at `root`, or undefined for none. */
function cacheDir(root) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const parent = path.dirname(root);
  if (path.basename(parent) === 'node_modules') return path.join(parent, '.cache', 'dmn-check');
  if (existsSync(path.join(root, 'node_modules'))) return path.join(root, 'node_modules', '.cache', 'dmn-check');
  return undefined;
}

function readCache(file) {
  try {
    const bytes = readFileSync(file);
    const data = bytes.subarray(DIGEST);
    return createHash('sha256').update(data).digest().equals(bytes.subarray(0, DIGEST)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `data()` as `file` (through a temporary file: a reader sees all of it or nothing), or only
 * the mark `file.seen` when `data` is undefined; drops older bundles' files.
 */
function writeCache(dir, file, prefix, data) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    if (data) {
      const bytes = data();
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([createHash('sha256').update(bytes).digest(), bytes]));
      renameSync(tmp, file);
    } else {
      writeFileSync(`${file}.seen`, '');
    }
    for (const name of readdirSync(dir)) if (!name.startsWith(prefix)) rmSync(path.join(dir, name), { force: true });
  } catch {
    // a read-only install: no cache
  }
}

/**
 * The bundle's SHA-256 (hex), as the build wrote it beside the bundle, or computed when that file is
 * missing or does not look like one. The digest file and the bundle come from the same build step.
 */
function bundleDigest(file, source) {
  try {
    const written = readFileSync(`${file}.sha256`, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(written)) return written;
  } catch {
    // no digest file: compute it
  }
  return createHash('sha256').update(source).digest('hex');
}

/**
 * The bundle's exports, and `save()` to call once the command (`argv[0]`) has run: it writes the
 * cache when there was none (or V8 refused it) and the command has run before, else the mark.
 */
function loadBundle(root, argv) {
  const file = path.join(root, 'dist', 'bundle', 'dmn-check.cjs');
  const source = readFileSync(file, 'utf8');
  const dir = cacheDir(root);
  const prefix = bundleDigest(file, source).slice(0, 32);
  const command = COMMANDS.includes(argv[0]) ? argv[0] : 'other';
  const cacheFile = dir && path.join(dir, `${prefix}-${command}-${process.version}-${process.arch}.bin`);
  const cachedData = cacheFile && readCache(cacheFile);
  // the wrapper of Node's CommonJS modules, on the first line: line numbers stay the bundle's
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  const stale = cacheFile && (cachedData === undefined || script.cachedDataRejected === true);
  const seen = stale && (cachedData !== undefined || existsSync(cacheFile) || existsSync(`${cacheFile}.seen`));
  return { exports: mod.exports, save: () => stale && writeCache(dir, cacheFile, prefix, seen ? () => script.createCachedData() : undefined) };
}

module.exports = { COMMANDS, loadBundle };
