import { msg, s, type ParamsIn, type TypedCatalog } from '../i18n/types.js';

/** The hint of every problem with a `--grid-template` file. */
const GIVE_GRID = {
  en: () => 'Give your copy of the ANS grid Exigences_referentiel_FR_DMN_V1.2.2.xlsx.',
  fr: () => 'Indiquez votre copie de la grille de l’ANS Exigences_referentiel_FR_DMN_V1.2.2.xlsx.',
};

/** The hint of an `--output` whose format is taken to be text. */
const CHOOSE_FORMAT = {
  en: (p: ParamsIn<'known'>) => `Put --format NAME before --output to choose (extensions known: ${s(p.known)}).`,
  fr: (p: ParamsIn<'known'>) => `Placez --format NOM avant --output pour choisir (extensions connues\u00a0: ${s(p.known)}).`,
};

/**
 * The command line's own words: its usage problems (worded in both languages with `both()`) and
 * the lines it prints (`say()`). Each command's longer texts are beside it: messages-help.ts
 * (`--help`), messages-init.ts, messages-describe.ts, messages-diff.ts, messages-pack.ts,
 * messages-replay.ts.
 */
export const CLI_TEXT = {
  langUnsupported: msg<'lang'>({
    en: (p) => `"${s(p.lang)}" is not a supported language.`,
    fr: (p) => `« ${s(p.lang)} » n’est pas une langue prise en charge.`,
    hint: { en: () => 'Use --lang fr or --lang en.', fr: () => 'Utilisez --lang fr ou --lang en.' },
  }),
  notADate: msg<'value'>({
    en: (p) => `"${s(p.value)}" is not a date.`,
    fr: (p) => `« ${s(p.value)} » n’est pas une date.`,
    hint: { en: () => 'Use YYYY-MM-DD, e.g. --as-of 2026-11-29.', fr: () => 'Utilisez AAAA-MM-JJ, par exemple --as-of 2026-11-29.' },
  }),
  notSeconds: msg<'value'>({
    en: (p) => `"${s(p.value)}" is not a number of seconds.`,
    fr: (p) => `« ${s(p.value)} » n’est pas un nombre de secondes.`,
  }),
  seeHelp: msg({ en: () => 'See `dmn-check --help`.', fr: () => 'Voir `dmn-check --help`.' }),
  internalError: msg<'message'>({
    en: (p) => `dmn-check: internal error: ${s(p.message)}. Please report it with the command you ran.`,
    fr: (p) => `dmn-check\u00a0: erreur interne\u00a0: ${s(p.message)}. Merci de la signaler avec la commande lancée.`,
  }),

  // init and schema
  alreadyExists: msg({
    en: () => 'already exists; it was left as it is.',
    fr: () => 'existe déjà ; il a été laissé tel quel.',
    hint: { en: () => 'Choose another --out, or pass --force to overwrite it.', fr: () => 'Choisissez un autre --out, ou ajoutez --force pour l’écraser.' },
  }),
  manifestWritten: msg<'file'>({ en: (p) => `Manifest written: ${s(p.file)}`, fr: (p) => `Manifeste écrit\u00a0: ${s(p.file)}` }),
  schemaWritten: msg<'file'>({ en: (p) => `Editor schema written: ${s(p.file)}`, fr: (p) => `Schéma pour l’éditeur écrit\u00a0: ${s(p.file)}` }),

  // --format and --output
  outputTwice: msg<'file'>({
    en: (p) => `${s(p.file)} is named by two --output options.`,
    fr: (p) => `${s(p.file)} est indiqué par deux options --output.`,
    hint: { en: () => 'Give each format its own file.', fr: () => 'Donnez à chaque format son propre fichier.' },
  }),
  binaryToStdout: msg<'format'>({
    en: (p) => `${s(p.format)} is a binary format and does not go to standard output.`,
    fr: (p) => `${s(p.format)} est un format binaire et ne s’écrit pas sur la sortie standard.`,
    hint: { en: (p) => `Add --output FILE.${s(p.format)} after --format ${s(p.format)}.`, fr: (p) => `Ajoutez --output FICHIER.${s(p.format)} après --format ${s(p.format)}.` },
  }),
  severalToStdout: msg({
    en: () => 'several formats would go to standard output.',
    fr: () => 'un seul format peut aller sur la sortie standard ;',
    hint: { en: () => 'Give each --format but one an --output FILE.', fr: () => 'ajoutez --output FICHIER aux autres --format.' },
  }),
  unknownFormat: msg<'name'>({ en: (p) => `unknown format "${s(p.name)}".`, fr: (p) => `format inconnu « ${s(p.name)} ».` }),
  meantFormat: msg<'guess' | 'formats'>({
    en: (p) => `Did you mean "--format ${s(p.guess)}"? Formats: ${s(p.formats)}.`,
    fr: (p) => `Vouliez-vous dire « --format ${s(p.guess)} » ? Formats\u00a0: ${s(p.formats)}.`,
  }),
  unclaimedExtension: msg<'ext' | 'file' | 'known'>({
    en: (p) => `no format claims the extension "${s(p.ext)}" of ${s(p.file)}: it gets the text report.`,
    fr: (p) => `aucun format ne correspond à l’extension « ${s(p.ext)} » de ${s(p.file)}\u00a0: il recevra le rapport texte.`,
    hint: CHOOSE_FORMAT,
  }),
  noExtension: msg<'file' | 'known'>({
    en: (p) => `${s(p.file)} has no extension: it gets the text report.`,
    fr: (p) => `${s(p.file)} n’a pas d’extension\u00a0: il recevra le rapport texte.`,
    hint: CHOOSE_FORMAT,
  }),

  // --grid-template
  gridWithoutXlsx: msg({
    en: () => 'fills the workbook of --format xlsx, which is not asked for.',
    fr: () => 'remplit le classeur de --format xlsx, qui n’est pas demandé.',
    hint: { en: () => 'Add --format xlsx --output FILE.xlsx.', fr: () => 'Ajoutez --format xlsx --output FICHIER.xlsx.' },
  }),
  gridTooLarge: msg<'bytes'>({
    en: (p) => `is ${s(p.bytes)} bytes; the official grid is about 100 kB.`,
    fr: (p) => `fait ${s(p.bytes)} octets ; la grille officielle fait environ 100 ko.`,
    hint: GIVE_GRID,
  }),
  gridNotZip: msg({
    en: () => 'is not an Excel workbook (.xlsx): it is not a zip archive.',
    fr: () => 'n’est pas un classeur Excel (.xlsx)\u00a0: ce n’est pas une archive zip.',
    hint: GIVE_GRID,
  }),
  gridInflates: msg<'bytes' | 'entries'>({
    en: (p) => `would inflate to ${s(p.bytes)} bytes in ${s(p.entries)} entries; the official grid is a small workbook.`,
    fr: (p) => `se décompresserait en ${s(p.bytes)} octets et ${s(p.entries)} entrées ; la grille officielle est un petit classeur.`,
    hint: GIVE_GRID,
  }),

  // rules list, rules lint, explain
  notAValue: msg<'value'>({
    en: (p) => `"${s(p.value)}" is not one of this ruleset's values.`,
    fr: (p) => `« ${s(p.value)} » ne fait pas partie des valeurs de ce référentiel.`,
  }),
  knownValues: msg<'known'>({ en: (p) => `Known: ${s(p.known)}.`, fr: (p) => `Valeurs connues\u00a0: ${s(p.known)}.` }),
  notApplicableWhen: msg<'condition'>({ en: (p) => `[N/A when ${s(p.condition)}]`, fr: (p) => `[N/A si ${s(p.condition)}]` }),
  slots: msg({ en: () => 'slots', fr: () => 'emplacements' }),
  rulesetValid: msg<'file' | 'ruleset' | 'requirements' | 'slots' | 'facts'>({
    en: (p) => `${s(p.file)}: valid — ${s(p.ruleset)}, ${s(p.requirements)} requirements, ${s(p.slots)} slots, ${s(p.facts)} facts.`,
    fr: (p) => `${s(p.file)}\u00a0: valide — ${s(p.ruleset)}, ${s(p.requirements)} exigences, ${s(p.slots)} emplacements, ${s(p.facts)} faits.`,
  }),
  noSuchRequirement: msg<'ruleset'>({
    en: (p) => `no such requirement in ${s(p.ruleset)}.`,
    fr: (p) => `exigence inconnue dans ${s(p.ruleset)}.`,
  }),
  rulesListLists: msg({ en: () => '`dmn-check rules list` lists them.', fr: () => '`dmn-check rules list` les liste.' }),
} satisfies TypedCatalog;
