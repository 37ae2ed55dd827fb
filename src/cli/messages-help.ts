import { msg, s, type TypedCatalog } from '../i18n/types.js';

/** The help of every command and option (`--help`); commander's own headings are in commander-fr.ts. */
export const HELP_TEXT = {
  helpOption: msg({ en: () => 'display help for command', fr: () => 'affiche l’aide de la commande' }),
  rulesOption: msg({
    en: () => 'ruleset file, or a bundled ruleset as id@version such as ans-dmn-complete@1.2.2 (default: the bundled rules/ans-dmn-1.2.2.yaml)',
    fr: () => 'fichier de référentiel, ou référentiel fourni sous la forme id@version comme ans-dmn-complete@1.2.2 (par défaut\u00a0: rules/ans-dmn-1.2.2.yaml, fourni)',
  }),
  langOption: msg({
    en: () => 'language of messages: fr or en (default: DMN_CHECK_LANG, then LC_ALL/LC_MESSAGES/LANG, then the system locale)',
    fr: () => 'langue des messages\u00a0: fr ou en (par défaut\u00a0: DMN_CHECK_LANG, puis LC_ALL/LC_MESSAGES/LANG, puis la langue du système)',
  }),
  noColorOption: msg({ en: () => 'no ANSI colours (also NO_COLOR)', fr: () => 'sans couleurs ANSI (aussi NO_COLOR)' }),
  quietOption: msg({ en: () => 'print only what is not satisfied, and the summary', fr: () => 'n’affiche que ce qui n’est pas satisfait, et la synthèse' }),
  program: msg({
    en: () => 'Conformity checker for French digital medical devices (DMN) — ANS interoperability and security referential',
    fr: () => 'Vérification de conformité des dispositifs médicaux numériques (DMN) au référentiel d’interopérabilité et de sécurité de l’ANS',
  }),
  versionOption: msg({ en: () => 'output the version number', fr: () => 'affiche le numéro de version' }),
  helpCommand: msg({ en: () => 'display help for command', fr: () => 'affiche l’aide d’une commande' }),
  check: msg({
    en: () => 'evaluate a dossier (default manifest: ./dmn-evidence.yaml)',
    fr: () => 'évalue un dossier (manifeste par défaut\u00a0: ./dmn-evidence.yaml)',
  }),
  checkManifest: msg({ en: () => 'evidence manifest', fr: () => 'manifeste des preuves' }),
  asOfOption: msg({
    en: () => 'date statements are judged against, YYYY-MM-DD (default: today)',
    fr: () => 'date à laquelle les déclarations sont jugées, AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)',
  }),
  formatOption: msg<'formats'>({ en: (p) => `output format: ${s(p.formats)} (repeatable)`, fr: (p) => `format de sortie\u00a0: ${s(p.formats)} (répétable)` }),
  outputOption: msg({ en: () => 'write the preceding --format to FILE (repeatable)', fr: () => 'écrit le --format qui précède dans FICHIER (répétable)' }),
  failOnOption: msg({
    en: () => 'exit 1 when a requirement is at least this bad: warning (also any warning finding), missing, failed, error',
    fr: () => 'code de sortie 1 dès qu’une exigence atteint ce niveau\u00a0: warning (aussi tout avertissement), missing (manquante), failed (en échec), error (erreur)',
  }),
  offlineOption: msg({ en: () => 'refuse network evidence sources (FHIR servers)', fr: () => 'refuse les sources de preuve en réseau (serveurs FHIR)' }),
  saveEvidenceOption: msg({
    en: () => 'save what FHIR servers returned (canonical NDJSON) for an offline replay',
    fr: () => 'enregistre ce que les serveurs FHIR ont renvoyé (NDJSON canonique) pour un rejeu hors ligne',
  }),
  gridTemplateOption: msg({
    en: () => "with --format xlsx: fill your own copy of the official ANS grid (.xlsx) instead of the project's own",
    fr: () => 'avec --format xlsx\u00a0: remplit votre copie de la grille officielle de l’ANS (.xlsx) au lieu de celle du projet',
  }),
  noReadOption: msg({
    en: () => 'do not read what the evidence shows (OCR of screenshots, document text): a fast structural check',
    fr: () => 'ne lit pas ce que montrent les preuves (OCR des captures, texte des documents)\u00a0: un contrôle structurel rapide',
  }),
  init: msg({ en: () => 'write a commented manifest template from the ruleset', fr: () => 'écrit un modèle de manifeste commenté d’après le référentiel' }),
  initOut: msg({ en: () => 'where to write it', fr: () => 'où l’écrire' }),
  forceOption: msg({ en: () => 'overwrite an existing file', fr: () => 'remplace un fichier existant' }),
  schema: msg({
    en: () => "write the manifest's JSON Schema for the ruleset (facts, requirement ids, slots with what they expect), for editors",
    fr: () => 'écrit le schéma JSON du manifeste pour le référentiel (faits, exigences, emplacements et ce qu’ils attendent), pour les éditeurs',
  }),
  schemaOut: msg({ en: () => 'where to write it (default: standard output)', fr: () => 'où l’écrire (par défaut\u00a0: la sortie standard)' }),
  explain: msg({ en: () => 'describe one requirement', fr: () => 'décrit une exigence' }),
  explainId: msg({
    en: () => 'requirement or scenario id, e.g. "IEU 9" or ieu-9.1',
    fr: () => 'identifiant d’exigence ou de scénario, par exemple « IEU 9 » ou ieu-9.1',
  }),
  rules: msg({ en: () => 'inspect and validate rulesets', fr: () => 'consulte et valide les référentiels' }),
  rulesList: msg({ en: () => "list the ruleset's requirements", fr: () => 'liste les exigences du référentiel' }),
  checksOption: msg({ en: () => 'list the available checks instead', fr: () => 'liste plutôt les contrôles disponibles' }),
  sectionOption: msg({
    en: () => 'only the requirements of this section (e.g. INS, IEU, or the grid id PGSSI-S)',
    fr: () => 'seulement les exigences de cette section (par exemple INS, IEU, ou l’identifiant de la grille PGSSI-S)',
  }),
  profileOption: msg({
    en: () => 'only the requirements with a scenario of this profile (e.g. "Accès Usager"; case and accents do not matter)',
    fr: () => 'seulement les exigences ayant un scénario de ce profil (par exemple « Accès Usager » ; casse et accents indifférents)',
  }),
  rulesLint: msg({ en: () => 'validate a ruleset file (schema and semantics)', fr: () => 'valide un fichier de référentiel (schéma et sémantique)' }),
  rulesLintFile: msg({ en: () => 'ruleset YAML', fr: () => 'référentiel YAML' }),
  replay: msg({
    en: () => 're-hash the evidence a JSON report (or a bag from `pack`) names, re-evaluate, and say whether the result is identical',
    fr: () => 'recalcule les empreintes des preuves qu’un rapport JSON (ou une archive de `pack`) cite, réévalue, et dit si le résultat est identique',
  }),
  replayReport: msg({
    en: () => 'JSON report, or a bag made by `pack` (folder or .zip)',
    fr: () => 'rapport JSON, ou archive écrite par `pack` (dossier ou .zip)',
  }),
  rootOption: msg({
    en: () => "folder replay may read in, where it looks for the dossier: the folder the check ran in, or the dossier itself (default: the report's folder)",
    fr: () => 'dossier où le rejeu peut lire et cherche le dossier de preuves\u00a0: celui où la vérification a été lancée, ou le dossier de preuves lui-même (par défaut\u00a0: le dossier du rapport)',
  }),
  evidenceOption: msg({
    en: () => 'folder of FHIR snapshots saved with `check --save-evidence` (a bag holds its own)',
    fr: () => 'dossier des instantanés FHIR enregistrés par `check --save-evidence` (une archive a les siens)',
  }),
  expectSealOption: msg({
    en: () => 'with a bag: fail unless its seal (sha256 of tagmanifest-sha256.txt, printed by pack) is this one',
    fr: () => 'avec une archive\u00a0: échoue si son sceau (sha256 de tagmanifest-sha256.txt, affiché par pack) n’est pas celui-ci',
  }),
  trustOption: msg({
    en: () => "with a bag: the signer's Ed25519 public key (PEM); fail unless the bag is signed by one of these keys (repeatable)",
    fr: () => 'avec une archive\u00a0: clé publique Ed25519 (PEM) du signataire ; échoue si l’archive n’est pas signée par l’une de ces clés (répétable)',
  }),
  textOrJson: msg({ en: () => 'output: text or json', fr: () => 'sortie\u00a0: text ou json' }),
  diff: msg({
    en: () => 'compare two JSON reports: requirements newly failing, resolved, changed, added, removed (exit 1 when anything got worse)',
    fr: () => 'compare deux rapports JSON\u00a0: exigences nouvellement en échec, résolues, modifiées, ajoutées, retirées (code 1 si quelque chose s’est dégradé)',
  }),
  diffOld: msg({ en: () => 'older JSON report', fr: () => 'rapport JSON le plus ancien' }),
  diffNew: msg({ en: () => 'newer JSON report', fr: () => 'rapport JSON le plus récent' }),
  pack: msg({
    en: () => 'check a dossier and seal it as a BagIt bag (folder or .zip): manifest, evidence, statements, report.json, report.html',
    fr: () => 'vérifie un dossier et le scelle en archive BagIt (dossier ou .zip)\u00a0: manifeste, preuves, déclarations, report.json, report.html',
  }),
  packManifest: msg({
    en: () => 'evidence manifest (default: ./dmn-evidence.yaml)',
    fr: () => 'manifeste des preuves (par défaut\u00a0: ./dmn-evidence.yaml)',
  }),
  packOut: msg({ en: () => 'bag to write: a folder, or a file ending in .zip', fr: () => 'archive à écrire\u00a0: un dossier, ou un fichier en .zip' }),
  packForce: msg({ en: () => 'replace an existing bag or file at --out', fr: () => 'remplace l’archive ou le fichier existant à --out' }),
  signOption: msg({
    en: () => 'sign the bag with this Ed25519 private key (PEM file): tagmanifest-sha256.txt.sig',
    fr: () => 'signe l’archive avec cette clé privée Ed25519 (fichier PEM)\u00a0: tagmanifest-sha256.txt.sig',
  }),
} satisfies TypedCatalog;
