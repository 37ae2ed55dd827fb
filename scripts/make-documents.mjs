#!/usr/bin/env node
// Writes the document corpus (fixtures/documents/): PORT 1 export documentation as a PDF printed by
// headless Chromium (text layer), the same PDF scanned (image only), DOCX and ODT, and a PDF that
// never says where the data sits. Synthetic content only. Run by hand: node scripts/make-documents.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { launchBrowser } from './browser.mjs';
import { crc32 } from './make-example-media.mjs';

const OUT = 'fixtures/documents';

const FULL = [
  ['h1', 'CardioSuivi — export des données patient (PORT 1)'],
  ['h2', 'Données exportées'],
  ['p', "L'export contient les données de santé traitées (mesures de poids, fréquence cardiaque, pression artérielle) et les informations des correspondants (médecin traitant, cardiologue)."],
  ['h2', "Format et modalités d'accès"],
  ['p', "Format : JSON (UTF-8). Le patient l'obtient à tout moment depuis « Mon compte > Exporter mes données »."],
  ['h2', 'Emplacement de chaque donnée'],
  ['p', 'Identifiant patient : chemin /patients/*/id. Mesures : chemin /patients/*/measures/*/value. Correspondants : chemin /patients/*/correspondents/*/name.'],
];
// The same, without the section that says where each item sits.
const NO_LOCATION = FULL.slice(0, 5);

const html = (parts) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>body{font-family:"DejaVu Sans",sans-serif;margin:48px;font-size:15px;line-height:1.5}h1{font-size:24px}h2{font-size:18px;margin-top:28px}</style></head><body>${parts
    .map(([t, x]) => `<${t}>${x.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${t}>`)
    .join('')}</body></html>`;

/** A zip (deflated entries, except a stored first `mimetype` as ODF requires). */
function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content, stored] of entries) {
    const data = Buffer.from(content, 'utf8');
    const body = stored ? data : deflateRawSync(data);
    const crc = crc32(data);
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(stored ? 0 : 8, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(data.length, 24);
    cen.writeUInt16LE(n.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    central.push(cen, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function docx(parts) {
  const body = parts.map(([, x]) => `<w:p><w:r><w:t xml:space="preserve">${esc(x)}</w:t></w:r></w:p>`).join('');
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`],
  ]);
}

function odt(parts) {
  const body = parts.map(([t, x]) => (t === 'p' ? `<text:p>${esc(x)}</text:p>` : `<text:h text:outline-level="1">${esc(x)}</text:h>`)).join('');
  return zip([
    ['mimetype', 'application/vnd.oasis.opendocument.text', true],
    ['META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'],
    ['content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>${body}</office:text></office:body></office:document-content>`],
  ]);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
    await page.setContent(html(FULL));
    writeFileSync(path.join(OUT, 'export-doc.pdf'), await page.pdf({ format: 'A4' }));
    await page.setContent(html(NO_LOCATION));
    writeFileSync(path.join(OUT, 'export-doc-no-location.pdf'), await page.pdf({ format: 'A4' }));
    // The scan: the page as a picture (150 dpi-ish), printed into a PDF that has no text layer.
    const shot = await browser.newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1.6, javaScriptEnabled: false });
    const sp = await shot.newPage();
    await sp.setContent(html(FULL));
    const png = await sp.screenshot({ type: 'png' });
    await page.setContent(`<!doctype html><html><body style="margin:0"><img style="width:210mm" src="data:image/png;base64,${png.toString('base64')}"></body></html>`);
    writeFileSync(path.join(OUT, 'export-doc-scanned.pdf'), await page.pdf({ format: 'A4', margin: { top: 0, bottom: 0, left: 0, right: 0 } }));
  } finally {
    await browser.close();
  }
  writeFileSync(path.join(OUT, 'export-doc.docx'), docx(FULL));
  writeFileSync(path.join(OUT, 'export-doc.odt'), odt(FULL));
  writeFileSync(path.join(OUT, 'export-doc-no-location.docx'), docx(NO_LOCATION));
  console.log(`documents in ${OUT}`);
}

await main();
