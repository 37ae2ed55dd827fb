import { msg, s, type ParamValue, type TypedCatalog } from '../i18n/types.js';

/** `1 argument`, `2 arguments`, as commander counts them (`0 arguments`). */
const args = (v: ParamValue): string => `${s(v)} argument${Number(v) === 1 ? '' : 's'}`;

/**
 * commander's own texts: its help headings and notes, its error messages. The English side is what
 * commander prints itself (commander-fr.ts finds a message by its English); the others translate it.
 */
export const COMMANDER_TEXT = {
  usage: msg({ en: () => 'Usage:', fr: () => 'Utilisation\u00a0:' }),
  arguments: msg({ en: () => 'Arguments:', fr: () => 'Arguments\u00a0:' }),
  options: msg({ en: () => 'Options:', fr: () => 'Options\u00a0:' }),
  commands: msg({ en: () => 'Commands:', fr: () => 'Commandes\u00a0:' }),
  globalOptions: msg({ en: () => 'Global Options:', fr: () => 'Options générales\u00a0:' }),
  /** The notes commander adds to an option's help (`(valeurs : text, json ; par défaut : text)`). */
  choices: msg<'values'>({ en: (p) => `choices: ${s(p.values)}`, fr: (p) => `valeurs\u00a0: ${s(p.values)}` }),
  default: msg<'value'>({ en: (p) => `default: ${s(p.value)}`, fr: (p) => `par défaut\u00a0: ${s(p.value)}` }),
  notesSeparator: msg({ en: () => ', ', fr: () => ' ; ' }),

  unknownCommand: msg<'command'>({ en: (p) => `unknown command '${s(p.command)}'`, fr: (p) => `commande inconnue « ${s(p.command)} ».` }),
  unknownOption: msg<'option'>({ en: (p) => `unknown option '${s(p.option)}'`, fr: (p) => `option inconnue « ${s(p.option)} ».` }),
  missingArgument: msg<'argument'>({
    en: (p) => `missing required argument '${s(p.argument)}'`,
    fr: (p) => `argument obligatoire manquant\u00a0: « ${s(p.argument)} ».`,
  }),
  optionValueMissing: msg<'option'>({ en: (p) => `option '${s(p.option)}' argument missing`, fr: (p) => `l’option « ${s(p.option)} » attend une valeur.` }),
  optionRequired: msg<'option'>({ en: (p) => `required option '${s(p.option)}' not specified`, fr: (p) => `l’option « ${s(p.option)} » est obligatoire.` }),
  choiceInvalid: msg<'option' | 'value' | 'choices'>({
    en: (p) => `option '${s(p.option)}' argument '${s(p.value)}' is invalid. Allowed choices are ${s(p.choices)}.`,
    fr: (p) => `la valeur « ${s(p.value)} » de l’option « ${s(p.option)} » n’est pas admise ; valeurs possibles\u00a0: ${s(p.choices)}.`,
  }),
  tooManyArgumentsFor: msg<'command' | 'expected' | 'got'>({
    en: (p) => `too many arguments for '${s(p.command)}'. Expected ${args(p.expected)} but got ${s(p.got)}.`,
    fr: (p) => `trop d’arguments pour « ${s(p.command)} »\u00a0: ${s(p.expected)} attendu${Number(p.expected) > 1 ? 's' : ''}, ${s(p.got)} donnés.`,
  }),
  tooManyArguments: msg<'expected' | 'got'>({
    en: (p) => `too many arguments. Expected ${args(p.expected)} but got ${s(p.got)}.`,
    fr: (p) => `trop d’arguments\u00a0: ${s(p.expected)} attendu${Number(p.expected) > 1 ? 's' : ''}, ${s(p.got)} donnés.`,
  }),
  didYouMeanOneOf: msg<'names'>({ en: (p) => `(Did you mean one of ${s(p.names)}?)`, fr: (p) => `(Vouliez-vous dire l’une de ces possibilités\u00a0: ${s(p.names)} ?)` }),
  didYouMean: msg<'name'>({ en: (p) => `(Did you mean ${s(p.name)}?)`, fr: (p) => `(Vouliez-vous dire ${s(p.name)} ?)` }),
} satisfies TypedCatalog;
