import { msg, s, type ParamValue, type TypedCatalog } from '../i18n/types.js';
import { plural } from '../util/numbers.js';

// Wording of the input problems (exit 2) that diagnostics finds: reading and writing files, parsing
// YAML, a schema's errors. The YAML library's own errors are worded in yaml-messages.ts.

/** What a file that is not a regular file is, by the kind readRegularFile found. */
const SPECIAL_FILE = {
  fifo: { en: 'a named pipe (FIFO)', fr: 'un tube nommé (FIFO)' },
  socket: { en: 'a socket', fr: 'une socket' },
  device: { en: 'a device', fr: 'un périphérique' },
} as const;
const special = (v: ParamValue): (typeof SPECIAL_FILE)[keyof typeof SPECIAL_FILE] => SPECIAL_FILE[s(v) as keyof typeof SPECIAL_FILE] ?? SPECIAL_FILE.device;

/** An output target that is no file, in French (the English is the kind's own name). */
const NOT_A_FILE_FR: Readonly<Record<string, string>> = { directory: 'dossier', socket: 'socket', 'block device': 'périphérique bloc' };

/** What a file people pass by mistake is, by its signature (yaml-source.ts). */
const BINARY = {
  pdf: { en: 'a PDF document', fr: 'un document PDF' },
  png: { en: 'a PNG image', fr: 'une image PNG' },
  jpeg: { en: 'a JPEG image', fr: 'une image JPEG' },
  gif: { en: 'a GIF image', fr: 'une image GIF' },
  zip: { en: 'a ZIP archive (or an office document)', fr: 'une archive ZIP (ou un document bureautique)' },
  sqlite: { en: 'an SQLite database', fr: 'une base SQLite' },
} as const;
export type BinaryKind = keyof typeof BINARY;
const binary = (v: ParamValue): (typeof BINARY)[BinaryKind] => BINARY[s(v) as BinaryKind] ?? BINARY.pdf;

/** A bound of a number, in French: `doit être supérieur ou égal à 1`. */
const BOUND_FR: Readonly<Record<string, string>> = { '>=': 'supérieur ou égal à', '<=': 'inférieur ou égal à', '>': 'strictement supérieur à', '<': 'strictement inférieur à' };

/** Wording of the problems met reading an input file or writing an output (exit 2). */
export const FILE_TEXT = {
  notRegular: msg<'what'>({
    en: (p) => `is ${special(p.what).en}, not a regular file.`,
    fr: (p) => `est ${special(p.what).fr}, pas un fichier ordinaire.`,
    hint: { en: () => 'Give the path of a YAML file.', fr: () => 'Indiquez le chemin d’un fichier YAML.' },
  }),
  changedWhileRead: msg({
    en: () => 'changed while it was being read.',
    fr: () => 'a changé pendant sa lecture.',
    hint: { en: () => 'Run dmn-check again once the file is saved.', fr: () => 'Relancez dmn-check une fois le fichier enregistré.' },
  }),
  tooLarge: msg<'bytes' | 'max'>({
    en: (p) => `is ${s(p.bytes)} bytes; a YAML input may be at most ${s(p.max)} bytes.`,
    fr: (p) => `fait ${s(p.bytes)} octets ; un fichier YAML ne peut dépasser ${s(p.max)} octets.`,
    hint: { en: () => 'A manifest names evidence files by path; it never contains them.', fr: () => 'Un manifeste désigne les preuves par leur chemin ; il ne les contient pas.' },
  }),
  fileNotFound: msg({ en: () => 'file not found.', fr: () => 'fichier introuvable.' }),
  isADirectory: msg({ en: () => 'is a directory, not a file.', fr: () => 'est un dossier, pas un fichier.' }),
  permissionDenied: msg({ en: () => 'permission denied.', fr: () => 'permission refusée.' }),
  cannotBeRead: msg<'code'>({ en: (p) => `cannot be read (${s(p.code)}).`, fr: (p) => `illisible (${s(p.code)}).` }),
  checkManifestPath: msg({
    en: () => 'Check the path, or run `dmn-check init` to create a manifest.',
    fr: () => 'Vérifiez le chemin, ou lancez `dmn-check init` pour créer un manifeste.',
  }),
  checkRulesPath: msg({
    en: () => 'Check the --rules path (or the `extends` of the ruleset); without --rules the bundled ruleset is used.',
    fr: () => 'Vérifiez le chemin de --rules (ou l’`extends` du référentiel) ; sans --rules, le référentiel livré est utilisé.',
  }),
  checkGridTemplatePath: msg({
    en: () => 'Check the --grid-template path: your copy of the ANS grid (.xlsx).',
    fr: () => 'Vérifiez le chemin de --grid-template\u00a0: votre copie de la grille de l’ANS (.xlsx).',
  }),
  giveReportOrBag: msg({
    en: () => 'Give the JSON report written by `dmn-check check --format json --output FILE`, or a bag made by `dmn-check pack`.',
    fr: () => 'Indiquez le rapport JSON écrit par `dmn-check check --format json --output FICHIER`, ou une archive faite par `dmn-check pack`.',
  }),
  nulByte: msg({
    en: () => 'contains a NUL byte: this is not a text file.',
    fr: () => 'contient un octet NUL\u00a0: ce n’est pas un fichier texte.',
    hint: { en: () => 'Is this the right file? A manifest is a YAML text file.', fr: () => 'Est-ce le bon fichier ? Un manifeste est un fichier texte YAML.' },
  }),
  notUtf8: msg<'offset'>({
    en: (p) => `is not valid UTF-8 (byte offset ${s(p.offset)}).`,
    fr: (p) => `n’est pas de l’UTF-8 valide (octet ${s(p.offset)}).`,
    hint: { en: () => 'Save the file as UTF-8.', fr: () => 'Enregistrez le fichier en UTF-8.' },
  }),
  /** `input`: the input's own name, when the output was named otherwise (a link to it). */
  isAnInput: msg<'input'>({
    en: (p) => (p.input === undefined ? 'is an input of this run; it was left as it is.' : `is an input of this run (${s(p.input)}); it was left as it is.`),
    fr: (p) => (p.input === undefined ? 'est une entrée de cette exécution ; il a été laissé tel quel.' : `est une entrée de cette exécution (${s(p.input)}) ; il a été laissé tel quel.`),
    hint: { en: () => 'Write the output to another file.', fr: () => 'Écrivez la sortie dans un autre fichier.' },
  }),
  cannotWrite: msg<'code'>({
    en: (p) => `cannot be written (${s(p.code)}).`,
    fr: (p) => `ne peut pas être écrit (${s(p.code)}).`,
    hint: { en: () => 'Check that the folder exists and is writable.', fr: () => 'Vérifiez que le dossier existe et est accessible en écriture.' },
  }),
  /** `what`: directory, socket or block device. */
  notAFile: msg<'what'>({
    en: (p) => `is a ${s(p.what)}, not a file; it was left as it is.`,
    fr: (p) => `est un ${NOT_A_FILE_FR[s(p.what)]}, pas un fichier ; il a été laissé tel quel.`,
    hint: { en: () => 'Give the path of a file to write.', fr: () => 'Indiquez le chemin d’un fichier à écrire.' },
  }),
  moreProblems: msg<'count'>({
    en: (p) => `… and ${plural(Number(p.count), 'en', 'more problem', 'more problems')}, not shown.`,
    fr: (p) => `… et ${plural(Number(p.count), 'fr', 'autre problème', 'autres problèmes')}, non affiché${Number(p.count) > 1 ? 's' : ''}.`,
    hint: { en: () => 'Fix the problems above and run again.', fr: () => 'Corrigez les problèmes ci-dessus et relancez.' },
  }),
} satisfies TypedCatalog;

/** Wording of the problems of a YAML input as this program (not the YAML library) finds them (exit 2). */
export const YAML_TEXT = {
  needsMoreMemory: msg<'needMib' | 'limit'>({
    en: (p) => `needs about ${s(p.needMib)} MiB of memory to be read, more than this Node.js process has left under its heap limit of ${s(p.limit)} MiB.`,
    fr: (p) => `demande environ ${s(p.needMib)} Mio de mémoire pour être lu, plus qu’il n’en reste à ce processus Node.js sous sa limite de ${s(p.limit)} Mio.`,
    hint: {
      en: () => 'Give Node.js more memory (NODE_OPTIONS=--max-old-space-size=…), or check that this is the right file.',
      fr: () => 'Donnez plus de mémoire à Node.js (NODE_OPTIONS=--max-old-space-size=…), ou vérifiez que c’est le bon fichier.',
    },
  }),
  /** `kind`: a BinaryKind. */
  binaryNotYaml: msg<'kind'>({
    en: (p) => `is ${binary(p.kind).en}, not a YAML file.`,
    fr: (p) => `est ${binary(p.kind).fr}, pas un fichier YAML.`,
    hint: {
      en: () => 'Is this the right file? Manifests and rulesets are YAML text; documents are named in a manifest as evidence.',
      fr: () => 'Est-ce le bon fichier ? Manifestes et référentiels sont du texte YAML ; les documents sont désignés dans le manifeste comme preuves.',
    },
  }),
  /** `detail`: the YAML library's message, as a sentence. */
  invalidYaml: msg<'detail'>({ en: (p) => `invalid YAML: ${s(p.detail)}`, fr: (p) => `YAML invalide\u00a0: ${s(p.detail)}` }),
  secondDocument: msg({
    en: () => 'invalid YAML: a second document starts here (after "---"); a manifest or ruleset is a single document.',
    fr: () => 'YAML invalide\u00a0: un second document commence ici (après « --- ») ; un manifeste ou un référentiel est un document unique.',
    hint: {
      en: () => 'Keep one document: remove this "---" line and what follows, or merge it into the first.',
      fr: () => 'Gardez un seul document\u00a0: retirez cette ligne « --- » et la suite, ou fusionnez-la avec le premier.',
    },
  }),
  unsupportedTag: msg<'detail'>({
    en: (p) => `unsupported YAML tag: ${s(p.detail)}`,
    fr: (p) => `balise YAML non prise en charge\u00a0: ${s(p.detail)}`,
    hint: { en: () => 'Remove the tag; only plain values are accepted.', fr: () => 'Retirez la balise ; seules des valeurs simples sont acceptées.' },
  }),
  aliasLimit: msg({ en: () => 'Aliases may not expand to more than 100 nodes.', fr: () => 'Les alias ne peuvent pas produire plus de 100 nœuds.' }),
  tooDeep: msg<'max'>({
    en: (p) => `is nested more than ${s(p.max)} levels deep.`,
    fr: (p) => `est imbriqué sur plus de ${s(p.max)} niveaux.`,
    hint: {
      en: () => 'Manifests and rulesets need only a few levels; look for runaway brackets or indentation here.',
      fr: () => 'Manifestes et référentiels n’ont besoin que de quelques niveaux ; cherchez ici des crochets ou une indentation qui s’emballent.',
    },
  }),
  /** `key`: the key as JSON, shortened. */
  duplicateKey: msg<'key' | 'firstLine'>({
    en: (p) => `invalid YAML: duplicate key ${s(p.key)} (first at line ${s(p.firstLine)}); map keys must be unique.`,
    fr: (p) => `YAML invalide\u00a0: clé ${s(p.key)} en double (déjà ligne ${s(p.firstLine)}) ; les clés doivent être uniques.`,
  }),
  keyOnce: msg({ en: () => 'Each key may appear only once in a mapping.', fr: () => 'Une clé ne peut apparaître qu’une fois dans un même bloc.' }),
  checkIndentation: msg({ en: () => 'Check indentation and quoting around this place.', fr: () => 'Vérifiez l’indentation et les guillemets à cet endroit.' }),
} satisfies TypedCatalog;

/** JSON types as a French reader of a YAML file calls them (FRENCH.md 3). */
const TYPE_FR: Readonly<Record<string, string>> = {
  object: 'un bloc de clés (lignes « clé: valeur » indentées)',
  array: 'une liste',
  string: 'un texte',
  boolean: 'true ou false',
  number: 'un nombre',
  integer: 'un nombre entier',
  null: 'vide',
};

/**
 * Wording of a YAML input's schema problems (ajv errors, and the outdented block), exit 2. A
 * parameter that quotes the input (`key`, `values`…) comes shortened or as JSON from the caller.
 */
export const SCHEMA_TEXT = {
  notACondition: msg({
    en: () => 'is not a valid condition: expected one of {fact, is}, {fact, in}, {all}, {any}, {not}, {slot, provides}.',
    fr: () => 'n’est pas une condition valide\u00a0: attendu {fact, is}, {fact, in}, {all}, {any}, {not} ou {slot, provides}.',
  }),
  notACheckUse: msg({
    en: () => 'is not a valid check use: expected a check name or {check, options}.',
    fr: () => 'n’est pas un appel de contrôle valide\u00a0: attendu un nom de contrôle ou {check, options}.',
  }),
  notAnEvidenceEntry: msg({
    en: () => 'is not a valid evidence entry: expected a path, a list of paths, {path, sha256} or {fhir, token_env}.',
    fr: () => 'n’est pas une preuve valide\u00a0: attendu un chemin, une liste de chemins, {path, sha256} ou {fhir, token_env}.',
  }),
  missingKey: msg<'key'>({ en: (p) => `missing required key "${s(p.key)}".`, fr: (p) => `clé obligatoire « ${s(p.key)} » absente.` }),
  unknownKey: msg<'key'>({ en: (p) => `unknown key "${s(p.key)}".`, fr: (p) => `clé inconnue « ${s(p.key)} ».` }),
  /** `type`: one JSON type, or several joined by commas. */
  wrongType: msg<'type'>({
    en: (p) => `must be of type ${s(p.type)}.`,
    fr: (p) => `doit être ${s(p.type).split(',').map((t) => TYPE_FR[t] ?? `de type ${t}`).join(' ou ')}.`,
  }),
  /** `values`: the allowed values, as JSON, joined by commas. */
  notOneOf: msg<'values'>({ en: (p) => `must be one of ${s(p.values)}.`, fr: (p) => `doit valoir ${s(p.values)}.` }),
  /** `value`: as JSON. */
  notConst: msg<'value'>({ en: (p) => `must be ${s(p.value)}.`, fr: (p) => `doit valoir ${s(p.value)}.` }),
  badPattern: msg<'pattern'>({ en: (p) => `does not match the expected form ${s(p.pattern)}.`, fr: (p) => `ne respecte pas la forme attendue ${s(p.pattern)}.` }),
  badFormat: msg<'format'>({
    en: (p) => `must be a ${s(p.format)}${p.format === 'date' ? ' (YYYY-MM-DD)' : ''}.`,
    fr: (p) => `doit être au format ${s(p.format)}${p.format === 'date' ? ' (AAAA-MM-JJ)' : ''}.`,
  }),
  tooShort: msg<'limit'>({ en: (p) => `must have at least ${s(p.limit)} characters.`, fr: (p) => `doit contenir au moins ${s(p.limit)} caractères.` }),
  tooFewItems: msg<'limit'>({
    en: (p) => `must have at least ${plural(Number(p.limit), 'en', 'item')}.`,
    fr: (p) => `doit contenir au moins ${plural(Number(p.limit), 'fr', 'élément')}.`,
  }),
  empty: msg({ en: () => 'must not be empty.', fr: () => 'ne doit pas être vide.' }),
  badKeyName: msg({ en: () => 'has an invalid key name.', fr: () => 'contient un nom de clé invalide.' }),
  /** `detail`: ajv's own message (what English says); `comparison`: `>=`, `<=`, `>` or `<`; `limit`: the bound. */
  outOfBounds: msg<'detail' | 'comparison' | 'limit'>({
    en: (p) => s(p.detail),
    fr: (p) => `doit être ${BOUND_FR[s(p.comparison)] ?? s(p.comparison)} ${s(p.limit)}`,
  }),
  tooLong: msg<'detail' | 'limit'>({ en: (p) => s(p.detail), fr: (p) => `doit contenir au plus ${plural(Number(p.limit), 'fr', 'caractère')}` }),
  tooManyItems: msg<'detail' | 'limit'>({ en: (p) => s(p.detail), fr: (p) => `doit contenir au plus ${plural(Number(p.limit), 'fr', 'élément')}` }),
  notUnique: msg<'detail' | 'i' | 'j'>({ en: (p) => s(p.detail), fr: (p) => `ne doit pas répéter un élément (les éléments ${s(p.j)} et ${s(p.i)} sont identiques)` }),
  /** `detail`: ajv's own message (what English says), when it has one; `keyword`: the schema's rule. */
  otherSchemaError: msg<'detail' | 'keyword'>({
    en: (p) => (p.detail === undefined ? 'is invalid.' : s(p.detail)),
    fr: (p) => (p.keyword === undefined ? 'est invalide.' : `ne respecte pas la règle « ${s(p.keyword)} » du schéma`),
  }),
  /** An empty key followed by the lines that should be indented under it (`sibling`: the first, at `line`; the last at `last`). */
  outdented: msg<'sibling' | 'line' | 'last'>({
    en: (p) => `is empty, while "${s(p.sibling)}" (line ${s(p.line)}) sits at its level: it should be indented under this key.`,
    fr: (p) => `est vide, alors que « ${s(p.sibling)} » (ligne ${s(p.line)}) se trouve au même niveau\u00a0: il devrait être indenté sous cette clé.`,
    hint: {
      en: (p) => `Indent ${Number(p.last) > Number(p.line) ? `lines ${s(p.line)} to ${s(p.last)}` : `line ${s(p.line)}`} by two spaces.`,
      fr: (p) => `Indentez ${Number(p.last) > Number(p.line) ? `les lignes ${s(p.line)} à ${s(p.last)}` : `la ligne ${s(p.line)}`} de deux espaces.`,
    },
  }),
} satisfies TypedCatalog;

/** Wording of the hint that suggests what the input may have meant (suggest.ts). */
export const SUGGESTION_TEXT = {
  /** `guess`: the closest candidate. */
  didYouMean: msg<'guess'>({ en: (p) => `Did you mean "${s(p.guess)}"?`, fr: (p) => `Vouliez-vous dire « ${s(p.guess)} » ?` }),
  /** `names`: every candidate, quoted and joined. */
  expectedOneOf: msg<'names'>({ en: (p) => `Expected one of ${s(p.names)}.`, fr: (p) => `Valeurs attendues\u00a0: ${s(p.names)}.` }),
} satisfies TypedCatalog;
