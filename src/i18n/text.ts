import type { Localized } from '../report/report.js';
import type { Lang, MessageDef, ParamsIn } from './types.js';
import { redact } from '../util/redact.js';

/**
 * A message of a catalogue in both languages, for what carries its text in both (an input problem's
 * `message` and `hint`, an option problem): `both(MANIFEST.notAMapping, {})`.
 */
export function both<K extends string>(def: MessageDef<K>, p: ParamsIn<K>): { message: Localized; hint?: Localized } {
  const out: { message: Localized; hint?: Localized } = { message: { en: redact(def.en(p)), fr: redact(def.fr(p)) } };
  if (def.hint) out.hint = { en: redact(def.hint.en(p)), fr: redact(def.hint.fr(p)) };
  return out;
}

/** A message of a catalogue in one language: `say(CLI.written, { file }, lang)`. Both end with `redact`. */
export function say<K extends string>(def: MessageDef<K>, p: ParamsIn<K>, lang: Lang): string {
  return redact(def[lang](p));
}
