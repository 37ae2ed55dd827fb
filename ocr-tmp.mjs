import { createWorker, OEM } from 'tesseract.js';
import { readFileSync } from 'node:fs';
let t = Date.now();
const w = await createWorker('fra+eng', OEM.LSTM_ONLY, { langPath: '/dmn-check-tessdata', cacheMethod: 'none', gzip: true, workerPath: new URL('./src/evidence/read/tesseract-worker.cjs', import.meta.url).pathname, errorHandler: (e) => console.error('E', String(e).slice(0,200)) });
console.log('init', Date.now() - t);
for (const f of ['/tmp/ocr13/login.png', '/tmp/ocr13/login-phone.jpg', '/tmp/ocr13/login.png']) {
t = Date.now();
const r = await w.recognize(readFileSync(f), {}, { text: true, blocks: true });
console.log(f, Date.now() - t, r.data.confidence, JSON.stringify(r.data.text));
}
await w.terminate();
