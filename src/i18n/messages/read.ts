import { s, type Catalog } from '../types.js';

/** Why evidence content could not be read (src/evidence/read), for every check that reads it. */
export const readMessages: Catalog = {
  'read.too-many-pixels': {
    en: (p) => `The image is ${s(p.width)}×${s(p.height)} pixels, over the ${s(p.limit)}-pixel limit: it was not decoded.`,
    fr: (p) => `L'image fait ${s(p.width)}×${s(p.height)} pixels, au-delà de la limite de ${s(p.limit)} pixels : elle n'a pas été décodée.`,
    hint: { en: () => 'Provide a screenshot at screen size.', fr: () => "Fournissez une capture d'écran à la taille de l'écran." },
  },
  'read.too-large': {
    en: (p) => `The file is ${s(p.bytes)} bytes, over the ${s(p.limit)}-byte limit for reading.`,
    fr: (p) => `Le fichier fait ${s(p.bytes)} octets, au-delà de la limite de lecture de ${s(p.limit)} octets.`,
  },
  'read.too-many-pages': {
    en: (p) => `The PDF has ${s(p.pages)} pages, over the ${s(p.limit)}-page limit for reading.`,
    fr: (p) => `Le PDF compte ${s(p.pages)} pages, au-delà de la limite de lecture de ${s(p.limit)} pages.`,
    hint: { en: () => 'Provide the pages that prove the requirement.', fr: () => "Fournissez les pages qui prouvent l'exigence." },
  },
  'read.corrupt': {
    en: (p) => `The file could not be decoded (${s(p.kind)}): it is not a usable proof.`,
    fr: (p) => `Le fichier n'a pas pu être décodé (${s(p.kind)}) : ce n'est pas une preuve exploitable.`,
    hint: { en: () => 'Export the capture again.', fr: () => 'Exportez de nouveau la capture.' },
  },
  'read.encrypted': {
    en: () => 'The file is encrypted or password-protected: a reviewer cannot open it.',
    fr: () => 'Le fichier est chiffré ou protégé par un mot de passe : le relecteur ne peut pas l’ouvrir.',
    hint: { en: () => 'Provide it without a password.', fr: () => 'Fournissez-le sans mot de passe.' },
  },
  'read.timeout': {
    en: (p) => `Reading the file did not finish within ${s(p.ms)} ms.`,
    fr: (p) => `La lecture du fichier n'a pas abouti en ${s(p.ms)} ms.`,
  },
  'read.failed': {
    en: (p) => `The file could not be read: ${s(p.reason)}.`,
    fr: (p) => `Le fichier n'a pas pu être lu : ${s(p.reason)}.`,
  },
};
