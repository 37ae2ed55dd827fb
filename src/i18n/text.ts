import type { Localized } from '../report/report.js';
import type { Lang, MessageDef, ParamsIn } from './types.js';

/**
 * A message of a catalogue in both languages, for what carries its text in both (an input problem's
 * `message` and `hint`, an option problem): `both(MANIFEST.notAMapping, {})`.
 */
export function both<K extends string>(def: MessageDef<K>, p: ParamsIn<K>): { message: Localized; hint?: Localized } {
  const out: { message: Localized; hint?: Localized } = { message: { en: def.en(p), fr: def.fr(p) } };
  if (def.hint) out.hint = { en: def.hint.en(p), fr: def.hint.fr(p) };
  return out;
}

/** A message of a catalogue in one language: `say(CLI.written, { file }, lang)`. */
export function say<K extends string>(def: MessageDef<K>, p: ParamsIn<K>, lang: Lang): string {
  return def[lang](p);
}
