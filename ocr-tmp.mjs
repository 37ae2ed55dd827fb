import { createWorker, OEM } from 'tesseract.js';
import { readFileSync } from 'node:fs';
const [variant, langs] = process.argv.slice(2);
const wp = '/tmp/ocr13/w-' + variant + '.cjs';
import { writeFileSync } from 'node:fs';
writeFileSync(wp, readFileSync('src/evidence/read/tesseract-worker.cjs', 'utf8').replace("const VARIANT = '4.0.0_best_int'", `const VARIANT = '${variant}'`).replace(/require\('tesseract.js/g, "require('/work/wt/issue-13/node_modules/tesseract.js").replace("require.resolve(`@tesseract.js-data", "require.resolve(`/work/wt/issue-13/node_modules/@tesseract.js-data"));
let t = Date.now();
const w = await createWorker(langs, OEM.LSTM_ONLY, { langPath: '/dmn-check-tessdata', cacheMethod: 'none', gzip: true, workerPath: wp });
const init = Date.now() - t;
const files = ['login-ins-desktop.png', 'two-factor-sms-phone.jpg', 'account-ins-desktop.png', 'identity-change-check-desktop.png'];
const times = [];
for (const f of files) { t = Date.now(); await w.recognize(readFileSync('fixtures/screens/' + f)); times.push(Date.now() - t); }
console.log(variant, langs, 'init', init, 'ocr', times.join(' '));
await w.terminate();
