#!/usr/bin/env node
// Writes the signed sworn statements of the example dossiers (statements/statement-signed.pdf), as a
// manufacturer prints them: an A4 page naming the product, the requirements it is filed for, the
// justification, the place and date, and the signatory. Also the statement corpus of
// fixtures/documents/ (a scan with no text layer, one naming another requirement, one unsigned and
// undated). Synthetic content only. Run by hand: node scripts/make-statements.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page of one sworn statement. */
function html({ product, requirements, justification, date = '2 octobre 2026', signatory = 'Jeanne Martin, Présidente' }) {
  const lines = [
    `<h1>Déclaration sur l'honneur</h1>`,
    `<p>Je soussignée, ${esc(signatory ?? '')}, représentant la société Exemple Santé SAS, fabricant du dispositif médical numérique ${esc(product)}, déclare sur l'honneur que ${requirements.length > 1 ? 'les exigences suivantes' : "l'exigence suivante"} du Référentiel d'interopérabilité et de sécurité des DMN (V1.2.2) ne ${requirements.length > 1 ? "s'appliquent" : "s'applique"} pas au dispositif :</p>`,
    `<ul>${requirements.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>`,
    `<h2>Justification</h2><p>${esc(justification)}</p>`,
    date ? `<p>Fait à Paris, le ${esc(date)}.</p>` : '',
    signatory ? `<p class="sig">${esc(signatory)}</p><p class="scribble">J. Martin</p>` : '',
    `<p class="note">Document fictif (exemple de dmn-check)</p>`,
  ];
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>body{font-family:"DejaVu Sans",sans-serif;margin:56px;font-size:15px;line-height:1.5}h1{font-size:24px}h2{font-size:17px;margin-top:24px}.sig{margin-top:40px}.scribble{font-family:cursive;font-size:26px;color:#1a3d8f;margin:0}.note{margin-top:60px;font-size:11px;color:#666}</style></head><body>${lines.join('')}</body></html>`;
}

const CARDIO = 'CardioSuivi 4.2.0';
const STATEMENTS = {
  // Read by the example dossiers' statements (the manifest's `document`).
  'fixtures/dossiers/delegated-identity/statements/statement-signed.pdf': {
    product: CARDIO,
    requirements: ["IEU 2 — contrôle de l'identité lors de la modification des traits d'identité"],
    justification: "Les identités sont créées et modifiées dans la GAP de l'établissement ; le DMN les reçoit par flux et ne permet aucune modification.",
  },
  'fixtures/dossiers/telemonitoring-complete/statements/statement-signed.pdf': {
    product: 'TéléCardio 2.0.0',
    requirements: ['IEU 2', 'INS 4, INS 6', 'INS 11 à INS 35', 'INS 37 à INS 40', 'INS 46', 'ApCV 1', 'IEPS 2, IEPS 5 et IEPS 9'],
    justification:
      "Les identités des patients proviennent de la GAP de l'établissement (le DMN n'est pas un référentiel d'identités et n'appelle pas le téléservice INSi) ; les professionnels se connectent uniquement avec Pro Santé Connect.",
  },
  // The corpus of test/checks/files/statement-document.test.ts.
  'fixtures/documents/statement-other-requirement.pdf': {
    product: CARDIO,
    requirements: ['IEU 7 — le matricule INS comme identifiant de connexion'],
    justification: "Le DMN n'utilise pas le matricule INS comme identifiant de connexion des usagers ; il ne s'applique pas à ce dispositif.",
  },
  'fixtures/documents/statement-unsigned-undated.pdf': {
    product: CARDIO,
    requirements: ['IEU 2'],
    justification: "Les identités sont créées et modifiées dans la GAP de l'établissement ; le DMN ne permet aucune modification.",
    date: '',
    signatory: '',
  },
};
const SCANNED = 'fixtures/documents/statement-scanned.pdf';

async function main() {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ javaScriptEnabled: false, offline: true })).newPage();
    for (const [file, st] of Object.entries(STATEMENTS)) {
      mkdirSync(path.dirname(file), { recursive: true });
      await page.setContent(html(st));
      writeFileSync(file, await page.pdf({ format: 'A4' }));
    }
    // The scan: the delegated-identity statement as a picture (about 150 dpi), in a PDF with no text layer.
    const shot = await (await browser.newContext({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1.6, javaScriptEnabled: false })).newPage();
    await shot.setContent(html(STATEMENTS['fixtures/dossiers/delegated-identity/statements/statement-signed.pdf']));
    const png = await shot.screenshot({ type: 'png' });
    await page.setContent(`<!doctype html><html><body style="margin:0"><img style="width:210mm" src="data:image/png;base64,${png.toString('base64')}"></body></html>`);
    writeFileSync(SCANNED, await page.pdf({ format: 'A4', margin: { top: 0, bottom: 0, left: 0, right: 0 } }));
  } finally {
    await browser.close();
  }
  console.log(`${Object.keys(STATEMENTS).length + 1} statements written`);
}

await main();
