import { listItems } from '../../../diagnostics/list-param.js';
import { msg, s, type TypedCatalog } from '../../../i18n/types.js';

/** Wording of what is wrong with a data dictionary file itself (the export's checks report it). */
export const DICTIONARY_TEXT = {
  tooLarge: msg<'bytes' | 'max'>({
    en: (p) => `is ${s(p.bytes)} bytes; a dictionary may be at most ${s(p.max)}.`,
    fr: (p) => `fait ${s(p.bytes)} octets ; un dictionnaire ne peut dépasser ${s(p.max)} octets.`,
  }),
  /** `item`: the 1-based number of the item that has the name already. */
  nameTaken: msg<'name' | 'item'>({
    en: (p) => `"${s(p.name)}" is already the name of item ${s(p.item)}.`,
    fr: (p) => `« ${s(p.name)} » est déjà le nom de l’élément ${s(p.item)}.`,
  }),
  /** `given`: the kinds of location given, a `listParam` (none, or more than one). */
  oneLocationKind: msg<'given'>({
    en: (p) => `must give exactly one of pointer (JSON), column (CSV) or xpath (XML); ${listItems(p.given).length === 0 ? 'none is' : `${listItems(p.given).join(' and ')} are`} given.`,
    fr: (p) =>
      `doit indiquer exactement un de pointer (JSON), column (CSV) ou xpath (XML) ; ${listItems(p.given).length === 0 ? 'aucun n’est indiqué' : `${listItems(p.given).join(' et ')} sont indiqués`}.`,
  }),
  resourceTypeWithoutPointer: msg({ en: () => 'resource_type only goes with a pointer.', fr: () => 'resource_type ne s’emploie qu’avec pointer.' }),
} satisfies TypedCatalog;
