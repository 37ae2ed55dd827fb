import { s, type ParamValue } from '../i18n/types.js';

// A list as one parameter of a catalogue message (whose parameters are text or numbers), so that
// the message, not its caller, words how the items are joined in each language.

/** The items as one message parameter: each after a NUL, so that an empty item survives. */
export const listParam = (items: readonly string[]): string => items.map((item) => `\u0000${item}`).join('');

/** The items of a `listParam`, in order (none for an absent or empty one). */
export const listItems = (v: ParamValue): string[] => s(v).split('\u0000').slice(1);
