/** Parameters a message is built from (a finding's `params`, plus `slot`, `file`…). */
export type Params = Readonly<Record<string, string | number | undefined>>;

export type Lang = 'en' | 'fr';

/** A message parameter as text (an absent one is empty). */
export const s = (v: Params[string]): string => (v === undefined ? '' : String(v));

/** The wording of one finding code, in both languages, with an optional hint (what to provide). */
export interface MessageDef {
  en: (p: Params) => string;
  fr: (p: Params) => string;
  hint?: { en: (p: Params) => string; fr: (p: Params) => string };
}

export type Catalog = Readonly<Record<string, MessageDef>>;
