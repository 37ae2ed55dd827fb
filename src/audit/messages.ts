import { msg, s, type ParamValue, type TypedCatalog } from '../i18n/types.js';
import type { JsonSyntaxReason } from '../evidence/formats/json/syntax.js';
import { listItems } from '../diagnostics/list-param.js';

// Wording of the input problems (exit 2) of what auditors run: reading a report, finding its
// dossier and ruleset, comparing two reports, packing and signing a bag.

/** `a`, `a or b`, `a, b or c`. */
const either = (items: readonly string[], word: string): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]!}`);

/** Where a replay may read: `--root` when given, else the report's folder. */
const SCOPE = {
  root: { en: '--root', fr: '--root', frOf: 'de --root' },
  report: { en: "the report's folder", fr: 'le dossier du rapport', frOf: 'du dossier du rapport' },
} as const;
const scope = (v: ParamValue): (typeof SCOPE)[keyof typeof SCOPE] => (v === 'root' ? SCOPE.root : SCOPE.report);

/** Why a text is not JSON. */
const JSON_SYNTAX: Readonly<Record<JsonSyntaxReason, { en: string; fr: string }>> = {
  'unexpected-character': { en: 'unexpected character', fr: 'caractère inattendu' },
  'unexpected-end': { en: 'unexpected end', fr: 'fin inattendue' },
  'trailing-data': { en: 'data after the end', fr: 'données après la fin' },
  'bad-string': { en: 'invalid string', fr: 'chaîne invalide' },
  'bad-escape': { en: 'invalid escape', fr: 'échappement invalide' },
  'bad-number': { en: 'invalid number', fr: 'nombre invalide' },
  'record-too-large': { en: 'too large', fr: 'trop grand' },
  'too-deep': { en: 'nested too deep', fr: 'imbrication trop profonde' },
};
const syntax = (v: ParamValue): { en: string; fr: string } => JSON_SYNTAX[s(v) as JsonSyntaxReason] ?? JSON_SYNTAX['unexpected-character'];

/** Wording of a report's problems, and of finding what it names (exit 2). */
export const REPORT_TEXT = {
  reportAltered: msg({ en: () => 'The report was altered: use the file dmn-check wrote.', fr: () => 'Le rapport a été modifié\u00a0: utilisez le fichier écrit par dmn-check.' }),
  /** `path`: as JSON. */
  pathLeavesDossier: msg<'path'>({ en: (p) => `names ${s(p.path)}, a path that leaves the dossier folder.`, fr: (p) => `cite ${s(p.path)}, un chemin qui sort du dossier.` }),
  dossierNotFound: msg({ en: () => 'dossier not found here; give --root DIR.', fr: () => 'dossier introuvable ici ; indiquez --root DOSSIER.' }),
  /** `dossier`: where the report places it; `scope`: `root` (--root given) or `report`. */
  dossierOutsideScope: msg<'dossier' | 'scope'>({
    en: (p) => `The report places its dossier at ${s(p.dossier)} from its own folder, outside ${scope(p.scope).en}, where replay does not read: --root must name a folder that holds it.`,
    fr: (p) => `Le rapport situe son dossier en ${s(p.dossier)} depuis son propre dossier, hors ${scope(p.scope).frOf}, où le rejeu ne lit pas\u00a0: --root doit désigner un dossier qui le contient.`,
  }),
  /** `candidates`: the manifest paths looked for, a `listParam`; `scope`: `root` (--root given) or `report`. */
  noManifestInScope: msg<'candidates' | 'scope'>({
    en: (p) => `No ${either(listItems(p.candidates), 'or')} below ${scope(p.scope).en}: --root is the folder the check ran in, or the dossier itself.`,
    fr: (p) => `Aucun manifeste ${either(listItems(p.candidates), 'ni')} sous ${scope(p.scope).fr}\u00a0: --root est le dossier où la vérification a été lancée, ou le dossier de preuves lui-même.`,
  }),
  giveReport: msg({
    en: () => 'Give the JSON report written by `dmn-check check --format json --output FILE`.',
    fr: () => 'Indiquez le rapport JSON écrit par `dmn-check check --format json --output FICHIER`.',
  }),
  reportTooLarge: msg<'bytes'>({ en: (p) => `is ${s(p.bytes)} bytes, more than a report can be.`, fr: (p) => `fait ${s(p.bytes)} octets, plus qu’un rapport ne peut faire.` }),
  reportTooDeep: msg<'max'>({
    en: (p) => `is nested more than ${s(p.max)} levels deep; a report has fewer than 10.`,
    fr: (p) => `est imbriqué sur plus de ${s(p.max)} niveaux ; un rapport en a moins de 10.`,
  }),
  /** `reason`: a JsonSyntaxReason. */
  notJson: msg<'reason'>({ en: (p) => `is not JSON (${syntax(p.reason).en}).`, fr: (p) => `n’est pas du JSON (${syntax(p.reason).fr}).` }),
  notAReport: msg({
    en: () => 'is not a dmn-check JSON report (no "report" format number).',
    fr: () => 'n’est pas un rapport JSON de dmn-check (pas de numéro de format « report »).',
  }),
  tooManyRequirements: msg<'count' | 'max'>({
    en: (p) => `names ${s(p.count)} requirements; a report holds at most ${s(p.max)} (the whole referential has 81).`,
    fr: (p) => `cite ${s(p.count)} exigences ; un rapport en compte au plus ${s(p.max)} (le référentiel complet en a 81).`,
  }),
  /** `format`: the report's; `readable`: the one this dmn-check reads. */
  newerFormat: msg<'format' | 'readable'>({
    en: (p) => `is a report of format ${s(p.format)}; this dmn-check reads format ${s(p.readable)}.`,
    fr: (p) => `est un rapport au format ${s(p.format)} ; cette version de dmn-check lit le format ${s(p.readable)}.`,
    hint: {
      en: () => 'Replay it with the dmn-check version that wrote it (see its "tool" field), or a newer one.',
      fr: () => 'Rejouez-le avec la version de dmn-check qui l’a écrit (voir son champ « tool »), ou une plus récente.',
    },
  }),
  /** Without a position: `pointer`, the JSON pointer of the value; `detail`, ajv's message (English) when it has one. */
  invalidAt: msg<'pointer' | 'detail'>({
    en: (p) => `${s(p.pointer)} ${p.detail === undefined ? 'is invalid' : s(p.detail)}.`,
    fr: (p) => `${s(p.pointer)} ${p.detail === undefined ? 'est invalide' : s(p.detail)}.`,
  }),
  alteredOrTruncated: msg({
    en: () => 'The report was altered or truncated: use the file dmn-check wrote.',
    fr: () => 'Le rapport a été modifié ou tronqué\u00a0: utilisez le fichier écrit par dmn-check.',
  }),
  requirementTwice: msg<'requirement'>({ en: (p) => `names requirement "${s(p.requirement)}" twice.`, fr: (p) => `cite deux fois l’exigence « ${s(p.requirement)} ».` }),
  /** `ruleset`: this report's ruleset id; `other`: the other report's file, `otherRuleset` its ruleset id. */
  otherRuleset: msg<'ruleset' | 'other' | 'otherRuleset'>({
    en: (p) => `was made with ruleset "${s(p.ruleset)}", ${s(p.other)} with "${s(p.otherRuleset)}": their requirements cannot be compared.`,
    fr: (p) => `a été produit avec le référentiel « ${s(p.ruleset)} », ${s(p.other)} avec « ${s(p.otherRuleset)} »\u00a0: leurs exigences ne se comparent pas.`,
    hint: { en: () => 'Compare two reports made with the same ruleset.', fr: () => 'Comparez deux rapports produits avec le même référentiel.' },
  }),
  /** `ruleset`: the report's (`id version`), of hash `want`; `file`, the --rules file, holds `fileRuleset` of hash `got`. */
  rulesetHashDiffers: msg<'ruleset' | 'want' | 'file' | 'fileRuleset' | 'got'>({
    en: (p) => `was made with ruleset ${s(p.ruleset)} of sha256 ${s(p.want)}, but ${s(p.file)} (${s(p.fileRuleset)}) has sha256 ${s(p.got)}.`,
    fr: (p) => `a été produit avec le référentiel ${s(p.ruleset)} de sha256 ${s(p.want)}, mais ${s(p.file)} (${s(p.fileRuleset)}) a pour sha256 ${s(p.got)}.`,
    hint: { en: () => 'Replay with the exact ruleset file the check used.', fr: () => 'Rejouez avec le fichier de référentiel exact utilisé par la vérification.' },
  }),
  /** `ruleset`: the report's (`id version`), of hash `want`; `bundled`: the bundled rulesets and their hashes, a `listParam`. */
  noBundledRuleset: msg<'ruleset' | 'want' | 'bundled'>({
    en: (p) => `was made with ruleset ${s(p.ruleset)} of sha256 ${s(p.want)}; no bundled ruleset has that hash: ${listItems(p.bundled).join('; ') || 'none'}.`,
    fr: (p) => `a été produit avec le référentiel ${s(p.ruleset)} de sha256 ${s(p.want)} ; aucun référentiel fourni n’a ce hachage\u00a0: ${listItems(p.bundled).join(' ; ') || 'aucun'}.`,
    hint: { en: () => 'Pass the ruleset file the check used with --rules FILE.', fr: () => 'Indiquez le fichier de référentiel utilisé par la vérification avec --rules FICHIER.' },
  }),
} satisfies TypedCatalog;

/** Wording of the problems of `pack` and of the keys that sign and verify bags (exit 2). */
export const BAG_TEXT = {
  changedWhilePacking: msg({
    en: () => 'changed while the dossier was being packed; nothing was written.',
    fr: () => 'a changé pendant la mise en archive du dossier ; rien n’a été écrit.',
    hint: { en: () => 'Run pack again once the dossier is no longer being edited.', fr: () => 'Relancez pack une fois le dossier stabilisé.' },
  }),
  targetExists: msg({
    en: () => 'already exists; it was left as it is.',
    fr: () => 'existe déjà ; il a été laissé tel quel.',
    hint: { en: () => 'Choose another --out, or pass --force to replace it.', fr: () => 'Choisissez un autre --out, ou passez --force pour le remplacer.' },
  }),
  folderNotABag: msg({
    en: () => 'is a folder that is not a previous bag; --force replaces only a bag or a file.',
    fr: () => 'est un dossier qui n’est pas une archive précédente ; --force ne remplace qu’une archive ou un fichier.',
    hint: { en: () => 'Choose a new --out.', fr: () => 'Choisissez un nouveau --out.' },
  }),
  targetNotRegular: msg({ en: () => 'is not a regular file or folder.', fr: () => 'n’est ni un fichier ordinaire ni un dossier.' }),
  appearedWhileWriting: msg({
    en: () => 'appeared while the bag was being written; it was left as it is.',
    fr: () => 'est apparu pendant l’écriture de l’archive ; il a été laissé tel quel.',
  }),
  chooseAnotherOut: msg({ en: () => 'Choose another --out.', fr: () => 'Choisissez un autre --out.' }),
  /** `name`: the bag's own file (`report.json`…) an evidence file is named like. */
  reservedName: msg<'name'>({
    en: (p) => `has the name of the bag's own ${s(p.name)}.`,
    fr: (p) => `porte le nom du fichier ${s(p.name)} de l’archive.`,
    hint: { en: () => 'Rename that file and its entry in the manifest.', fr: () => 'Renommez ce fichier et son entrée dans le manifeste.' },
  }),
  /** `reason`: why the zip writer refused (English). */
  notAZip: msg<'reason'>({
    en: (p) => `cannot be written as a zip: ${s(p.reason)}.`,
    fr: (p) => `ne peut pas être écrit en zip\u00a0: ${s(p.reason)}.`,
    hint: { en: () => 'Write the bag as a folder: --out without .zip.', fr: () => 'Écrivez l’archive sous forme de dossier\u00a0: --out sans .zip.' },
  }),
  signingKeyHint: msg({
    en: () => 'Give an Ed25519 private key in PEM, e.g. made with `openssl genpkey -algorithm ed25519 -out signer.pem`.',
    fr: () => 'Indiquez une clé privée Ed25519 au format PEM, par exemple créée avec `openssl genpkey -algorithm ed25519 -out signataire.pem`.',
  }),
  trustedKeyHint: msg({
    en: () => "Give the signer's Ed25519 public key in PEM, as `openssl pkey -in signer.pem -pubout -out signer.pub` writes it.",
    fr: () => 'Indiquez la clé publique Ed25519 du signataire au format PEM, telle que l’écrit `openssl pkey -in signataire.pem -pubout -out signataire.pub`.',
  }),
  keyNotRegular: msg({ en: () => 'is not a regular file.', fr: () => 'n’est pas un fichier ordinaire.' }),
  keyTooLarge: msg<'bytes'>({ en: (p) => `is ${s(p.bytes)} bytes: not a PEM key file.`, fr: (p) => `fait ${s(p.bytes)} octets\u00a0: ce n’est pas un fichier de clé PEM.` }),
  notPem: msg({ en: () => 'is not a PEM key (no "-----BEGIN" line).', fr: () => 'n’est pas une clé PEM (pas de ligne « -----BEGIN »).' }),
  /** `type`: the key's algorithm, in capitals. */
  notEd25519: msg<'type'>({
    en: (p) => `holds a ${s(p.type)} key; dmn-check signs bags with Ed25519.`,
    fr: (p) => `contient une clé ${s(p.type)} ; dmn-check signe les archives en Ed25519.`,
  }),
  publicKeyToSign: msg({ en: () => "is a public key; --sign takes the signer's private key.", fr: () => 'est une clé publique ; --sign attend la clé privée du signataire.' }),
  encryptedKey: msg({ en: () => 'is encrypted; dmn-check reads only an unencrypted private key.', fr: () => 'est chiffrée ; dmn-check ne lit qu’une clé privée non chiffrée.' }),
  unreadablePrivateKey: msg({ en: () => 'is not a readable PEM private key.', fr: () => 'n’est pas une clé privée PEM lisible.' }),
  privateKeyToTrust: msg({ en: () => "is a private key; --trust takes the signer's public key.", fr: () => 'est une clé privée ; --trust attend la clé publique du signataire.' }),
  unreadablePublicKey: msg({ en: () => 'is not a readable PEM public key.', fr: () => 'n’est pas une clé publique PEM lisible.' }),
} satisfies TypedCatalog;
