import { Help, type Option } from '@commander-js/extra-typings';
import { problemPrefix } from '../diagnostics/user-input-error.js';
import type { Lang } from '../i18n/index.js';
import { say } from '../i18n/text.js';
import { COMMANDER_TEXT as C } from './messages-commander.js';

/** commander's help headings, found by the English commander writes them in. */
const TITLES = [C.usage, C.arguments, C.options, C.commands, C.globalOptions];

/**
 * The help settings for a language: translated headings, the `(default: …)`/`(choices: …)` notes
 * commander adds to option descriptions worded in that language too, and lines wrapped at plain
 * spaces only. English is commander's own help, as it writes it.
 */
export function helpConfig(lang: Lang): Partial<Help> {
  if (lang === 'en') return {};
  return {
    styleTitle: (title: string) => {
      const def = TITLES.find((d) => d.en({}) === title);
      return def ? say(def, {}, lang) : title;
    },
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(say(C.choices, { values: option.argChoices.join(', ') }, lang));
      if (option.defaultValue !== undefined && (option.required || option.optional)) {
        extra.push(say(C.default, { value: option.defaultValueDescription ?? String(option.defaultValue) }, lang));
      }
      return extra.length > 0 ? `${option.description} (${extra.join(say(C.notesSeparator, {}, lang))})` : option.description;
    },
    // commander wraps at any \s, no-break spaces included: hide them from it so that a colon stays
    // on the line of the word before it.
    boxWrap(this: Help, str: string, width: number): string {
      return Help.prototype.boxWrap.call(this, str.replace(/\u00a0/g, '\ue000'), width).replace(/\ue000/g, '\u00a0');
    },
  };
}

/** commander's error messages as it writes them, and how each is said in the user's language. */
const ERRORS: [RegExp, (m: (string | undefined)[], lang: Lang) => string][] = [
  [/^error: unknown command '(.*)'$/, ([command], lang) => say(C.unknownCommand, { command }, lang)],
  [/^error: unknown option '(.*)'$/, ([option], lang) => say(C.unknownOption, { option }, lang)],
  [/^error: missing required argument '(.*)'$/, ([argument], lang) => say(C.missingArgument, { argument }, lang)],
  [/^error: option '(.*)' argument missing$/, ([option], lang) => say(C.optionValueMissing, { option }, lang)],
  [/^error: required option '(.*)' not specified$/, ([option], lang) => say(C.optionRequired, { option }, lang)],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, ([option, value, choices], lang) => say(C.choiceInvalid, { option, value, choices }, lang)],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, ([command, expected, got], lang) => say(C.tooManyArgumentsFor, { command, expected, got }, lang)],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, ([expected, got], lang) => say(C.tooManyArguments, { expected, got }, lang)],
  [/^\(Did you mean one of (.*)\?\)$/, ([names], lang) => say(C.didYouMeanOneOf, { names }, lang)],
  [/^\(Did you mean (.*)\?\)$/, ([name], lang) => say(C.didYouMean, { name }, lang)],
];

/** A commander error message in the user's language, as `dmn-check: error: …` lines. */
export function commanderMessage(text: string, lang: Lang): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const out = lines.map((line) => {
    for (const [re, word] of ERRORS) {
      const m = re.exec(line);
      if (m) return /^\(/.test(line) ? word(m.slice(1), lang) : `${problemPrefix('error', lang)}${word(m.slice(1), lang)}`;
    }
    return line.startsWith('error: ') ? `dmn-check: ${line}` : line;
  });
  return `${out.join('\n')}\n`;
}
