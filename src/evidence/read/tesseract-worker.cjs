'use strict';
// The tesseract.js worker thread, with an adapter that never touches the network or writes to disk:
// trained data comes from the @tesseract.js-data packages in node_modules (read-only), and any
// fetch is refused. Plain CommonJS (copied to dist/ by the build), as tesseract.js workers are.
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs/promises');
const path = require('node:path');
const worker = require('tesseract.js/src/worker-script');
const getCore = require('tesseract.js/src/worker-script/node/getCore');
const gunzip = require('tesseract.js/src/worker-script/node/gunzip');

/** The virtual folder ocr.ts gives as `langPath`; `<folder>/<lang>.traineddata.gz` maps to the npm package. */
const VIRTUAL = '/dmn-check-tessdata';
const VARIANT = '4.0.0_best_int';

async function readTrainedData(file) {
  const dir = path.posix.dirname(file);
  const base = path.posix.basename(file);
  const m = /^([a-z]{3})\.traineddata\.gz$/.exec(base);
  if (dir !== VIRTUAL || !m) throw new Error('trained data is read from node_modules only');
  const pkg = path.dirname(require.resolve(`@tesseract.js-data/${m[1]}/package.json`));
  return fs.readFile(path.join(pkg, VARIANT, base));
}

// Tesseract's core writes warnings (libpng, leptonica) to the console: never let evidence-derived
// output reach the user's terminal or a log. Errors still travel back as rejected jobs.
for (const k of ['log', 'info', 'warn', 'error', 'debug']) console[k] = () => {};

parentPort.on('message', (packet) => {
  worker.dispatchHandlers(packet, (obj) => parentPort.postMessage(obj));
});

worker.setAdapter({
  getCore,
  gunzip,
  fetch: async (url) => {
    throw new Error(`network access refused (${String(url).slice(0, 80)})`);
  },
  readCache: readTrainedData,
  writeCache: async () => {},
  deleteCache: async () => {},
  checkCache: async () => false,
});
