#!/usr/bin/env node
// Build step (after tsc and build-validators): bundles the CLI with esbuild so that a start-up reads
// a few files instead of a few hundred modules.
//
//   node scripts/bundle.mjs         dist/bundle/: dmn-check.cjs (what bin/dmn-check.js runs) and its SHA-256, the export
//                                   worker record-worker.js, and chunks loaded on first use. The heavy
//                                   libraries (fhirpath, OCR, PDF, the spreadsheet
//                                   writer) stay external: they are required from node_modules
//                                   the first time a check needs them. No source maps.
//   node scripts/bundle.mjs --sea   dist/sea/dmn-check.cjs: one CommonJS file holding everything,
//                                   heavy libraries included (still initialised on first use), for
//                                   Node's single-executable applications (scripts/build-sea.mjs).
//
// The bundle sits two folders below the package root, like dist/cli/*.js, so the paths the sources
// compute from import.meta.url (../../rules/, ../generated/) hold for it too.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Loaded on first use, never at start-up; the `require`/`import` of each stays a run-time one. */
export const HEAVY = ['fhirpath', 'fhirpath/*', 'tesseract.js', '@tesseract.js-data/*', 'pdfjs-dist', 'pdfjs-dist/*', 'unpdf', 'unpdf/*', 'mammoth', 'exceljs', '@napi-rs/canvas', 'yauzl', 'tesseract.js/*'];

/**
 * Source rewrites, each of which must match exactly once (a build fails rather than ship a bundle
 * that silently kept the old code). Both builds: the package name and version are inlined instead of
 * reading package.json at every start, and the validators generated at build time are bundled. The
 * standalone build also: the lazily required libraries are bundled (a single executable has no
 * node_modules), the rulesets are read from the rules/ folder beside the executable.
 */
function rewrites(sea) {
  const metaFiles = ['meta-draft-07.cjs', 'meta-2019-09.cjs', 'meta-2020-12.cjs'].map((f) => `'${f}': () => require('../../../../dist/generated/${f}')`);
  const validators = ['validate-ruleset.cjs', 'validate-manifest.cjs', 'validate-dictionary.cjs'].map((f) => `'${f}': () => require('../../dist/generated/${f}')`);
  // Both builds: the generated validators and meta-schemas are bundled (each still initialised only when
  // first required), so that they ride the bundle's code cache instead of being compiled from
  // dist/generated/ at every start (about 5 ms of a `check`).
  const common = {
    // commander loads node:child_process (2 ms) at its start, for executable subcommands, which this CLI has none of
    'node_modules/commander/lib/command.js': [["const childProcess = require('node:child_process');", "let childProcessModule; const childProcess = { spawn: (...a) => (childProcessModule ??= require('node:child_process')).spawn(...a) };"]],
    'src/api/tool.ts': [[`JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))`, JSON.stringify(JSON.stringify({ name: pkg.name, version: pkg.version })).replace(/^/, 'JSON.parse(') + ')']],
    'src/checks/port1/analysis/schema-meta.ts': [
      ['require(`../../../generated/${meta.file}`)', `({ ${metaFiles.join(', ')} })[meta.file]()`],
      ['const require = createRequire(import.meta.url);', ''],
    ],
    'src/diagnostics/precompiled.ts': [
      ['const mod = require(`../generated/${name}`)', `const mod = ({ ${validators.join(', ')} })[name]()`],
      ["require('../generated/validate-options.cjs')", "require('../../dist/generated/validate-options.cjs')"],
      ['const require = createRequire(import.meta.url);', ''],
    ],
  };
  if (!sea) return common;
  return {
    ...common,
    'src/checks/fhir/fhirpath-eval.ts': [['const require = createRequire(import.meta.url);', '']],
    'src/checks/port1/analysis/schema-ajv.ts': [['const require = createRequire(import.meta.url);', '']],
    'src/ruleset/bundled.ts': [[`fileURLToPath(new URL('../../rules/', import.meta.url))`, `path.join(path.dirname(process.execPath), 'rules', path.sep)`]],
  };
}

function rewritePlugin(table) {
  const byFile = new Map();
  for (const [key, pairs] of Object.entries(table)) {
    const file = path.join(ROOT, key.replace(/#\d+$/, ''));
    byFile.set(file, [...(byFile.get(file) ?? []), ...pairs]);
  }
  const seen = new Set();
  return {
    name: 'dmn-check-rewrites',
    setup(b) {
      b.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
        const pairs = byFile.get(args.path);
        if (!pairs) return undefined;
        let text = readFileSync(args.path, 'utf8');
        for (const [from, to] of pairs) {
          const n = text.split(from).length - 1;
          if (n !== 1) throw new Error(`${path.relative(ROOT, args.path)}: expected "${from}" once, found it ${n} times`);
          text = text.replace(from, () => to);
        }
        seen.add(args.path);
        return { contents: text, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
      b.onEnd((result) => {
        if (result.errors.length) return;
        const missed = [...byFile.keys()].filter((f) => !seen.has(f));
        if (missed.length) throw new Error(`rewrites for files the bundle never loaded: ${missed.map((f) => path.relative(ROOT, f)).join(', ')}`);
      });
    },
  };
}

/**
 * chalk's own colour detection (its vendored supports-color, which loads node:tty, 1.5 ms of every
 * start) is never used: every colouring goes through `new Chalk({ level })` with the level the CLI
 * decided (--color, NO_COLOR, a terminal). The bundle gets a detection that finds nothing.
 */
const noColorDetection = {
  name: 'dmn-check-no-color-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'dmn-check-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'dmn-check-stub' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

const sea = process.argv.includes('--sea');
// no chunk of an earlier build may linger next to this one's
rmSync(path.join(ROOT, sea ? 'dist/sea' : 'dist/bundle'), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: ROOT,
  minifyWhitespace: true,
};

if (sea) {
  await build({
    ...common,
    entryPoints: ['src/cli/sea-main.ts'],
    outfile: 'dist/sea/dmn-check.cjs',
    format: 'cjs',
    // the main script of a single executable may require only Node's own modules
    plugins: [rewritePlugin(rewrites(true)), noColorDetection],
    // the worker threads of the export checks need a file of their own: the executable runs them inline
    define: { 'import.meta.url': '__dmnMetaUrl' },
    banner: { js: `const __dmnMetaUrl = require('node:url').pathToFileURL(process.execPath).href;` },
  });
} else {
  const table = rewrites(false);
  // The command: one CommonJS file, which bin/load-bundle.js compiles with V8's code cache (Node 20 has
  // no compile cache for ES modules). Each command's code still runs only when that command does.
  await build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/bundle/dmn-check.cjs',
    format: 'cjs',
    external: HEAVY,
    // `import()` of a library becomes `require()` (each ships CommonJS): code compiled from V8's cache
    // has lost the callback that Node 20 needs for an `import()` in a vm script
    supported: { 'dynamic-import': false },
    plugins: [rewritePlugin(table), noColorDetection],
    define: { 'import.meta.url': '__dmnMetaUrl' },
    banner: { js: `const __dmnMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
  });
  // The bundle's SHA-256, which names its code cache (bin/load-bundle.js): computed here once rather
  // than over 1.8 MB at every start.
  const bundleFile = path.join(ROOT, 'dist/bundle/dmn-check.cjs');
  writeFileSync(`${bundleFile}.sha256`, `${createHash('sha256').update(readFileSync(bundleFile)).digest('hex')}\n`);
  // The export checks' worker thread, started by path from beside the command: an ES module of its own.
  await build({
    ...common,
    entryPoints: ['src/checks/port1/analysis/record-worker.ts'],
    outfile: 'dist/bundle/record-worker.js',
    format: 'esm',
    external: HEAVY,
    plugins: [rewritePlugin({ 'src/checks/port1/analysis/schema-meta.ts': table['src/checks/port1/analysis/schema-meta.ts'] })],
    // bundled CommonJS dependencies (ajv) call require() for Node's own modules
    banner: { js: `import { createRequire as __dmnCreateRequire } from 'node:module'; const require = __dmnCreateRequire(import.meta.url);` },
  });
  // The OCR worker script is loaded by path, next to the code that starts it.
  copyFileSync(path.join(ROOT, 'src/evidence/read/tesseract-worker.cjs'), path.join(ROOT, 'dist/bundle/tesseract-worker.cjs'));
}
