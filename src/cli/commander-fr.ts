import { Help, type Option } from '@commander-js/extra-typings';
import type { Lang } from '../i18n/index.js';

/** commander's help headings, in French (with the no-break space French puts before a colon). */
const TITLES_FR: Record<string, string> = {
  'Usage:': 'Utilisation\u00a0:',
  'Arguments:': 'Arguments\u00a0:',
  'Options:': 'Options\u00a0:',
  'Commands:': 'Commandes\u00a0:',
  'Global Options:': 'Options générales\u00a0:',
};

/**
 * The help settings for a language: French headings, the `(default: …)`/`(choices: …)` notes
 * commander adds to option descriptions worded in French too, and lines wrapped at plain spaces only.
 */
export function helpConfig(lang: Lang): Partial<Help> {
  if (lang !== 'fr') return {};
  return {
    styleTitle: (s: string) => TITLES_FR[s] ?? s,
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`valeurs\u00a0: ${option.argChoices.join(', ')}`);
      if (option.defaultValue !== undefined && (option.required || option.optional)) {
        extra.push(`par défaut\u00a0: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
      }
      return extra.length > 0 ? `${option.description} (${extra.join(' ; ')})` : option.description;
    },
    // commander wraps at any \s, no-break spaces included: hide them from it so that a colon stays
    // on the line of the word before it.
    boxWrap(this: Help, str: string, width: number): string {
      return Help.prototype.boxWrap.call(this, str.replace(/\u00a0/g, '\ue000'), width).replace(/\ue000/g, '\u00a0');
    },
  };
}

/** commander's error messages, and how a French reader says them. */
const ERRORS_FR: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown command '(.*)'$/, (c) => `commande inconnue « ${c} ».`],
  [/^error: unknown option '(.*)'$/, (o) => `option inconnue « ${o} ».`],
  [/^error: missing required argument '(.*)'$/, (a) => `argument obligatoire manquant\u00a0: « ${a} ».`],
  [/^error: option '(.*)' argument missing$/, (o) => `l’option « ${o} » attend une valeur.`],
  [/^error: required option '(.*)' not specified$/, (o) => `l’option « ${o} » est obligatoire.`],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, (o, v, c) => `la valeur « ${v} » de l’option « ${o} » n’est pas admise ; valeurs possibles\u00a0: ${c}.`],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, (c, e, g) => `trop d’arguments pour « ${c} »\u00a0: ${e} attendu${Number(e) > 1 ? 's' : ''}, ${g} donnés.`],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, (e, g) => `trop d’arguments\u00a0: ${e} attendu${Number(e) > 1 ? 's' : ''}, ${g} donnés.`],
  [/^\(Did you mean one of (.*)\?\)$/, (l) => `(Vouliez-vous dire l’une de ces possibilités\u00a0: ${l} ?)`],
  [/^\(Did you mean (.*)\?\)$/, (s) => `(Vouliez-vous dire ${s} ?)`],
];

/** A commander error message in the user's language, as `dmn-check: error: …` lines. */
export function commanderMessage(text: string, lang: Lang): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const out = lines.map((line) => {
    if (lang === 'fr') {
      for (const [re, fr] of ERRORS_FR) {
        const m = re.exec(line);
        if (m) return /^\(/.test(line) ? fr(...m.slice(1)) : `dmn-check\u00a0: erreur\u00a0: ${fr(...m.slice(1))}`;
      }
    }
    return line.startsWith('error: ') ? `dmn-check: ${line}` : line;
  });
  return `${out.join('\n')}\n`;
}
