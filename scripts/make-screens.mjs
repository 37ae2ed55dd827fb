#!/usr/bin/env node
// Renders realistic DMN screens (synthetic product, test identities only) as PNG and JPEG with
// headless Chromium, at desktop and phone sizes: the corpus the `shows` check is measured on
// (fixtures/screens/, with corpus.json saying what each screen shows), and the example dossiers'
// screenshots. Deterministic enough to commit; run by hand after changing a screen:
//   node scripts/make-screens.mjs            (writes fixtures/screens/ and the dossiers' images)
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';

// Test identities only: a valid test key (97 − first 13 digits mod 97), and the same with a wrong key.
const INS_OK = '2 79 03 51 215 189 89';
const INS_OK_2 = '1 84 03 75 123 456 90';
const INS_BAD_KEY = '2 79 03 51 215 189 88';

const SIZES = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
};

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", Arial, sans-serif; background: #f4f6fb; color: #1e2a3a; font-size: 16px; }
header { background: #00539b; color: #fff; padding: 14px 24px; display: flex; justify-content: space-between; align-items: center; }
header .brand { font-size: 22px; font-weight: bold; }
header nav { font-size: 15px; }
header nav span { margin-left: 18px; }
main { max-width: 560px; margin: 36px auto; background: #fff; padding: 28px 32px; border-radius: 10px; box-shadow: 0 2px 10px rgba(0,0,0,.12); }
h1 { font-size: 24px; margin: 0 0 12px; }
p { line-height: 1.45; }
label { display: block; font-weight: bold; margin: 16px 0 6px; }
.input { border: 1px solid #8a94a6; border-radius: 6px; padding: 10px 12px; font-size: 18px; min-height: 44px; background: #fff; }
.btn { display: inline-block; margin-top: 20px; background: #00539b; color: #fff; padding: 12px 22px; border-radius: 6px; font-weight: bold; }
.link { color: #00539b; text-decoration: underline; }
.row { display: flex; justify-content: space-between; border-bottom: 1px solid #e2e6ee; padding: 10px 0; }
.row b { color: #4a5568; font-weight: normal; }
.note { background: #eef5ff; border-left: 4px solid #00539b; padding: 10px 14px; margin-top: 18px; }
.code { letter-spacing: 10px; font-size: 26px; }
footer { text-align: center; color: #5a6475; font-size: 13px; margin: 18px; }
@media (max-width: 500px) { main { margin: 16px; padding: 20px; } header nav { display: none; } }
`;

function page(title, body, lang = 'fr') {
  const nav = lang === 'fr' ? '<span>Accueil</span><span>Mes mesures</span><span>Messagerie</span><span>Aide</span>' : '<span>Home</span><span>My readings</span><span>Messages</span><span>Help</span>';
  const foot = lang === 'fr' ? 'CardioSuivi 4.2 — Exemple Santé SAS — Mentions légales — Données de test' : 'CardioSuivi 4.2 — Exemple Santé SAS — Legal notice — Test data';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><style>${CSS}</style></head>
<body><header><div class="brand">CardioSuivi</div><nav>${nav}</nav></header><main>${body}</main><footer>${foot}</footer></body></html>`;
}

/** Every screen: its HTML, the sizes and formats it is rendered in, and what it shows, by rule. */
const SCREENS = [
  // IEU 7: a login by matricule INS.
  {
    name: 'login-ins',
    shows: { 'IEU 7': true, 'IEU 9': false },
    html: page('Connexion', `<h1>Connexion à votre espace patient</h1>
      <p>Identifiez-vous avec votre matricule INS (identité nationale de santé), inscrit sur votre carte Vitale.</p>
      <label>Matricule INS</label><div class="input">${INS_OK}</div>
      <label>Mot de passe</label><div class="input">••••••••••</div>
      <div class="btn">Se connecter</div><p><span class="link">Mot de passe oublié ?</span></p>`),
  },
  {
    name: 'login-ins-en',
    shows: { 'IEU 7': true },
    html: page('Sign in', `<h1>Sign in to your patient space</h1>
      <p>Enter your INS number (national health identifier) and your password.</p>
      <label>INS number</label><div class="input">${INS_OK_2}</div>
      <label>Password</label><div class="input">••••••••••</div>
      <div class="btn">Sign in</div>`, 'en'),
    sizes: ['desktop'],
  },
  {
    name: 'login-email',
    shows: { 'IEU 7': false, 'IEU 9': false },
    html: page('Connexion', `<h1>Connexion à votre espace patient</h1>
      <p>Saisissez l'adresse électronique et le mot de passe choisis lors de votre inscription.</p>
      <label>Adresse électronique</label><div class="input">camille.essai@example.org</div>
      <label>Mot de passe</label><div class="input">••••••••••</div>
      <div class="btn">Se connecter</div><p><span class="link">Créer un compte</span></p>`),
  },
  // IEU 8: the account shows its matricule INS.
  {
    name: 'account-ins',
    shows: { 'IEU 8': true },
    html: page('Mon compte', `<h1>Mon compte</h1>
      <div class="row"><b>Nom de naissance</b><span>ESSAI-DMN</span></div>
      <div class="row"><b>Premier prénom de naissance</b><span>Camille</span></div>
      <div class="row"><b>Date de naissance</b><span>28/03/1979</span></div>
      <div class="row"><b>Matricule INS</b><span>${INS_OK}</span></div>
      <div class="row"><b>Statut de l'identité</b><span>Identité qualifiée</span></div>
      <div class="note">Votre identité a été vérifiée auprès du téléservice INSi.</div>`),
  },
  {
    name: 'account-no-ins',
    shows: { 'IEU 8': false },
    html: page('Mon compte', `<h1>Mon compte</h1>
      <div class="row"><b>Nom</b><span>ESSAI-DMN</span></div>
      <div class="row"><b>Prénom</b><span>Camille</span></div>
      <div class="row"><b>Adresse électronique</b><span>camille.essai@example.org</span></div>
      <div class="row"><b>Téléphone</b><span>06 00 00 00 00</span></div>
      <div class="row"><b>Notifications</b><span>Activées</span></div>`),
  },
  {
    name: 'account-bad-key',
    shows: { 'IEU 8': false },
    html: page('Mon compte', `<h1>Mon compte</h1>
      <div class="row"><b>Nom de naissance</b><span>ESSAI-DMN</span></div>
      <div class="row"><b>Premier prénom de naissance</b><span>Camille</span></div>
      <div class="row"><b>Matricule INS</b><span>${INS_BAD_KEY}</span></div>
      <div class="row"><b>Statut de l'identité</b><span>Identité provisoire</span></div>`),
    sizes: ['desktop'],
  },
  // IEU 9: a second factor.
  {
    name: 'two-factor-sms',
    shows: { 'IEU 9': true, 'IEU 7': false },
    html: page('Vérification', `<h1>Double authentification</h1>
      <p>Pour protéger vos données de santé, saisissez le code de vérification à 6 chiffres reçu par SMS au 06 •• •• •• 42.</p>
      <label>Code reçu par SMS</label><div class="input code">4 8 1 9 0 7</div>
      <div class="btn">Valider</div><p><span class="link">Renvoyer le code</span></p>`),
  },
  {
    name: 'two-factor-app-en',
    shows: { 'IEU 9': true },
    html: page('Verification', `<h1>Two-factor authentication</h1>
      <p>Open your authenticator app and enter the 6-digit verification code it shows for CardioSuivi.</p>
      <label>Verification code</label><div class="input code">2 7 3 5 0 1</div>
      <div class="btn">Verify</div>`, 'en'),
    sizes: ['desktop'],
  },
  {
    name: 'two-factor-choice',
    shows: { 'IEU 9': true },
    html: page('Vérification', `<h1>Vérifions qu'il s'agit bien de vous</h1>
      <p>Choisissez comment recevoir votre code à usage unique :</p>
      <div class="row"><span>Par SMS au 06 •• •• •• 42</span><span class="link">Choisir</span></div>
      <div class="row"><span>Par courriel à c•••@example.org</span><span class="link">Choisir</span></div>
      <div class="row"><span>Avec une application d'authentification</span><span class="link">Choisir</span></div>`),
    sizes: ['phone'],
  },
  {
    name: 'password-only',
    shows: { 'IEU 9': false, 'IEU 7': false },
    html: page('Connexion', `<h1>Connexion</h1>
      <p>Bienvenue sur CardioSuivi. Connectez-vous pour transmettre vos mesures à votre équipe de soins.</p>
      <label>Identifiant</label><div class="input">camille.essai</div>
      <label>Mot de passe</label><div class="input">••••••••••</div>
      <div class="btn">Se connecter</div><p><span class="link">Mot de passe oublié ?</span></p>`),
  },
  {
    name: 'dashboard',
    shows: { 'IEU 9': false, 'IEU 2': false, 'IEU 8': false },
    html: page('Tableau de bord', `<h1>Bonjour Camille</h1>
      <p>Votre dernière mesure de poids : 72,4 kg, le 12 mars à 08 h 15.</p>
      <div class="row"><b>Tension</b><span>128 / 82 mmHg</span></div>
      <div class="row"><b>Fréquence cardiaque</b><span>71 bpm</span></div>
      <div class="row"><b>Prochain rendez-vous</b><span>Dr Essai, le 2 avril</span></div>`),
    sizes: ['phone'],
  },
  // IEU 2: an identity check before an identity change.
  {
    name: 'identity-change-request',
    shows: { 'IEU 2': false },
    html: page('Modifier mon identité', `<h1>Modifier mes traits d'identité</h1>
      <label>Nom de naissance</label><div class="input">ESSAI-DMN</div>
      <label>Premier prénom de naissance</label><div class="input">Camille</div>
      <label>Date de naissance</label><div class="input">28/03/1979</div>
      <div class="btn">Continuer</div>`),
  },
  {
    name: 'identity-change-check',
    shows: { 'IEU 2': true },
    html: page('Vérification d\u2019identité', `<h1>Vérification de votre identité</h1>
      <p>Pour modifier vos traits d'identité, nous devons vérifier votre identité avec le même niveau de garantie qu'à votre inscription.</p>
      <label>Pièce d'identité (carte nationale d'identité, passeport ou titre de séjour)</label><div class="input">Déposer un fichier</div>
      <p>ou</p><div class="btn">Se connecter avec FranceConnect</div>`),
  },
  {
    name: 'identity-change-en',
    shows: { 'IEU 2': true },
    html: page('Identity check', `<h1>Verify your identity</h1>
      <p>Before your identity details can be changed, upload a proof of identity: ID card, passport or residence permit.</p>
      <label>Identity document</label><div class="input">Choose a file</div><div class="btn">Send</div>`, 'en'),
    sizes: ['desktop'],
  },
];

/** Screens that are no usable proof: blank, a thumbnail. */
const ILLEGIBLE = [
  { name: 'blank', html: '<!doctype html><html><body style="background:#fff"></body></html>', size: 'desktop' },
  { name: 'thumbnail', html: null, from: 'two-factor-sms', scale: 0.12 },
];

const OUT = 'fixtures/screens';

async function render(browser, html, size, file, type) {
  const context = await browser.newContext({ ...SIZES[size], javaScriptEnabled: false, offline: true });
  const p = await context.newPage();
  await p.setContent(html, { waitUntil: 'load' });
  await p.screenshot({ path: file, type, fullPage: false, ...(type === 'jpeg' ? { quality: 82 } : {}) });
  await context.close();
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  const corpus = [];
  try {
    for (const s of SCREENS) {
      for (const size of s.sizes ?? ['desktop', 'phone']) {
        const type = size === 'phone' ? 'jpeg' : 'png';
        const file = `${s.name}-${size}.${type === 'jpeg' ? 'jpg' : 'png'}`;
        await render(browser, s.html, size, path.join(OUT, file), type);
        corpus.push({ file, size, shows: s.shows });
      }
    }
    for (const s of ILLEGIBLE) {
      const file = `${s.name}.png`;
      if (s.html) await render(browser, s.html, s.size, path.join(OUT, file), 'png');
      else {
        const src = SCREENS.find((x) => x.name === s.from);
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: s.scale, javaScriptEnabled: false });
        const p = await context.newPage();
        await p.setContent(src.html);
        await p.screenshot({ path: path.join(OUT, file) });
        await context.close();
      }
      corpus.push({ file, size: 'desktop', illegible: true, shows: { 'IEU 9': false } });
    }
  } finally {
    await browser.close();
  }
  writeFileSync(path.join(OUT, 'corpus.json'), `${JSON.stringify({ note: 'Synthetic screens made by scripts/make-screens.mjs; test identities only.', screens: corpus }, null, 1)}\n`);

  // The example dossiers' screenshots: the same screens, under the names their manifests use.
  const DOSSIER_IMAGES = {
    'ieu2/identity-change-1.png': 'identity-change-request-desktop.png',
    'ieu2/identity-change-2.png': 'identity-change-check-desktop.png',
    'ieu7/ins-login.png': 'login-ins-desktop.png',
    'ieu8/account-ins.png': 'account-ins-desktop.png',
    'ieu9/two-factor-1.png': 'login-ins-desktop.png',
    'ieu9/two-factor-2.png': 'two-factor-sms-desktop.png',
  };
  const dossiers = 'fixtures/dossiers';
  for (const d of readdirSync(dossiers)) {
    for (const [to, from] of Object.entries(DOSSIER_IMAGES)) {
      const target = path.join(dossiers, d, 'evidence', to);
      // The renamed-text-screenshot dossier's two-factor-1.png is a text file on purpose: keep it.
      if (existsSync(target) && !(d === 'renamed-text-screenshot' && to === 'ieu9/two-factor-1.png')) copyFileSync(path.join(OUT, from), target);
    }
  }
  // The failing example: its IEU 9 screenshot is a password login, no second factor.
  copyFileSync(path.join(OUT, 'password-only-desktop.png'), path.join(dossiers, 'two-factor-not-shown', 'evidence', 'ieu9', 'login-password.png'));
  console.log(`${corpus.length} screens in ${OUT}`);
}

await main();
