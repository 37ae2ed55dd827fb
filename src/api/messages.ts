import { msg, s, type TypedCatalog } from '../i18n/types.js';

/** Wording of the API's own input problems (exit 2): the `--save-evidence` folder. */
export const API_TEXT = {
  saveDirIsAFile: msg({ en: () => 'is a file, not a folder; it was left as it is.', fr: () => 'est un fichier, pas un dossier ; il a été laissé tel quel.' }),
  saveDirNotCreated: msg<'code'>({ en: (p) => `cannot be created (${s(p.code)}).`, fr: (p) => `ne peut pas être créé (${s(p.code)}).` }),
  giveSaveDir: msg({
    en: () => 'Give a new or existing folder: snapshots are written into it, one file per FHIR source.',
    fr: () => 'Indiquez un dossier, nouveau ou existant\u00a0: les instantanés y sont écrits, un fichier par source FHIR.',
  }),
} satisfies TypedCatalog;
