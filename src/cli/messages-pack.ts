import { plural } from '../i18n/format.js';
import { msg, s, type TypedCatalog } from '../i18n/types.js';

/** The words of `dmn-check pack` (and those of a bag `replay` says again: its seal, its signer). */
export const PACK_TEXT = {
  bagWritten: msg({ en: () => 'Bag written:', fr: () => 'Archive scellée (BagIt) écrite\u00a0:' }),
  zipWritten: msg({ en: () => 'Bag written (zip):', fr: () => 'Archive scellée (BagIt, zip) écrite\u00a0:' }),
  payload: msg<'files' | 'bytes'>({
    en: (p) => `payload: ${s(p.files)} files, ${s(p.bytes)} bytes`,
    fr: (p) => `contenu\u00a0: ${plural(Number(p.files), 'fr', 'fichier')}, ${plural(Number(p.bytes), 'fr', 'octet')}`,
  }),
  /** What pack prints the seal as, and `replay --expect-seal` asks for. */
  seal: msg({ en: () => 'seal (sha256 of tagmanifest-sha256.txt)', fr: () => 'sceau (sha256 de tagmanifest-sha256.txt)' }),
  signedBy: msg<'key' | 'file'>({ en: (p) => `signed by key ${s(p.key)} (${s(p.file)})`, fr: (p) => `signée par la clé ${s(p.key)} (${s(p.file)})` }),
  zipSha256: msg({ en: () => 'sha256 of the zip', fr: () => 'sha256 du zip' }),
  /** bag-info.txt's External-Description. */
  description: msg<'ruleset' | 'asOf' | 'verdict' | 'summary'>({
    en: (p) => `dmn-check conformity dossier: ruleset ${s(p.ruleset)}, as of ${s(p.asOf)}, verdict ${s(p.verdict)} (${s(p.summary)})`,
    fr: (p) => `Dossier de conformité dmn-check\u00a0: référentiel ${s(p.ruleset)}, au ${s(p.asOf)}, verdict ${s(p.verdict)} (${s(p.summary)})`,
  }),
} satisfies TypedCatalog;
