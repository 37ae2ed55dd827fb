import { msg, s, type TypedCatalog } from '../../i18n/types.js';

/** Why evidence content could not be read (src/evidence/read), for every check that reads it. */
export const readMessages = {
  'read.too-many-pixels': msg<'height' | 'limit' | 'what' | 'width'>({
    en: (p) => `The ${p.what === 'video' ? "video's frames are" : 'image is'} ${s(p.width)}×${s(p.height)} pixels, over the ${s(p.limit)}-pixel limit: ${p.what === 'video' ? 'they were' : 'it was'} not decoded.`,
    fr: (p) => `${p.what === 'video' ? 'Les images de la vidéo font' : "L’image fait"} ${s(p.width)}×${s(p.height)} pixels, au-delà de la limite de ${s(p.limit)} pixels\u00a0: ${p.what === 'video' ? "elles n’ont pas été décodées" : "elle n’a pas été décodée"}.`,
    hint: {
      en: (p) => (p.what === 'video' ? 'Provide a screen recording at screen size.' : 'Provide a screenshot at screen size.'),
      fr: (p) => (p.what === 'video' ? "Fournissez un enregistrement de l’écran à la taille de l’écran." : "Fournissez une capture d’écran à la taille de l’écran."),
    },
  }),
  'read.too-long': msg<'limit' | 'seconds'>({
    en: (p) => `The video lasts ${s(p.seconds)} s, over the ${s(p.limit)}-second limit for reading: it was not decoded.`,
    fr: (p) => `La vidéo dure ${s(p.seconds)} s, au-delà de la limite de lecture de ${s(p.limit)} s\u00a0: elle n’a pas été décodée.`,
    hint: {
      en: () => 'Provide a short screen recording of the steps that prove the requirement.',
      fr: () => "Fournissez un court enregistrement de l’écran montrant les étapes qui prouvent l’exigence.",
    },
  }),
  'read.too-large': msg<'bytes' | 'limit'>({
    en: (p) => `The file is ${s(p.bytes)} bytes, over the ${s(p.limit)}-byte limit for reading.`,
    fr: (p) => `Le fichier fait ${s(p.bytes)} octets, au-delà de la limite de lecture de ${s(p.limit)} octets.`,
  }),
  'read.too-many-pages': msg<'limit' | 'pages'>({
    en: (p) => `The PDF has ${s(p.pages)} pages, over the ${s(p.limit)}-page limit for reading.`,
    fr: (p) => `Le PDF compte ${s(p.pages)} pages, au-delà de la limite de lecture de ${s(p.limit)} pages.`,
    hint: { en: () => 'Provide the pages that prove the requirement.', fr: () => "Fournissez les pages qui prouvent l’exigence." },
  }),
  'read.corrupt': msg<'kind'>({
    en: (p) => `The file could not be decoded (${s(p.kind)}): it is not a usable proof.`,
    fr: (p) => `Le fichier n’a pas pu être décodé (${s(p.kind)})\u00a0: ce n’est pas une preuve exploitable.`,
    hint: { en: () => 'Export the capture again.', fr: () => 'Exportez de nouveau la capture.' },
  }),
  'read.encrypted': msg({
    en: () => 'The file is encrypted or password-protected: a reviewer cannot open it.',
    fr: () => 'Le fichier est chiffré ou protégé par un mot de passe\u00a0: le relecteur ne peut pas l’ouvrir.',
    hint: { en: () => 'Provide it without a password.', fr: () => 'Fournissez-le sans mot de passe.' },
  }),
  'read.timeout': msg<'ms'>({
    en: (p) => `Reading the file did not finish within ${s(p.ms)} ms.`,
    fr: (p) => `La lecture du fichier n’a pas abouti en ${s(p.ms)} ms.`,
  }),
  'read.failed': msg<'reason'>({
    en: (p) => `The file could not be read: ${s(p.reason)}.`,
    fr: (p) => `Le fichier n’a pas pu être lu\u00a0: ${s(p.reason)}.`,
  }),
} satisfies TypedCatalog;

/** The reading problems' messages (their codes join `FindingCode`). */
export type ReadMessages = typeof readMessages;
