import { msg, s, type TypedCatalog } from '../i18n/types.js';

/** Wording of the input problems (exit 2) found when opening a dossier's evidence. */
export const EVIDENCE_TEXT = {
  /** `path`: the manifest's path, shortened. */
  linkLeavesDossier: msg<'path'>({
    en: (p) => `${s(p.path)} leads out of the dossier folder (symbolic link).`,
    fr: (p) => `${s(p.path)} mène hors du dossier (lien symbolique).`,
    hint: { en: () => 'Copy the evidence into the dossier folder instead of linking to it.', fr: () => 'Copiez la preuve dans le dossier au lieu d’y faire un lien.' },
  }),
} satisfies TypedCatalog;
