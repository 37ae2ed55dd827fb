import { msg, type TypedCatalog } from '../i18n/types.js';

/**
 * The comments of the manifest template `init` writes (a text of several lines is one entry, its
 * lines separated by `\n`). `Not applicable when` and `Profile` are the formatters' labels.
 */
export const INIT_TEXT = {
  head: msg({
    en: () =>
      [
        'dmn-check evidence manifest (format 1).',
        'Fill in the product, answer the facts, then name the evidence for each requirement.',
        'Paths are relative to this file\'s folder and must stay inside it.',
        'Run `dmn-check check` on this file: it says exactly what is still missing.',
      ].join('\n'),
    fr: () =>
      [
        'Manifeste de preuves dmn-check (format 1).',
        'Renseignez le produit, répondez aux questions, puis indiquez les preuves de chaque exigence.',
        'Les chemins sont relatifs au dossier de ce fichier et doivent y rester.',
        'Lancez `dmn-check check` sur ce fichier\u00a0: il indique précisément ce qui manque encore.',
      ].join('\n'),
  }),
  productName: msg({ en: () => 'My DMN', fr: () => 'Mon DMN' }),
  manufacturer: msg({ en: () => 'Manufacturer SAS', fr: () => 'Fabricant SAS' }),
  facts: msg({
    en: () => 'Facts: answers that decide which requirements apply. Uncomment and answer each one.',
    fr: () => 'Caractéristiques du DMN (facts)\u00a0: vos réponses déterminent les exigences applicables. Décommentez chaque question et répondez-y.',
  }),
  otherQuestions: msg({ en: () => 'Other questions', fr: () => 'Autres questions' }),
  evidence: msg({
    en: () => 'Evidence: requirement id -> slot -> a path, a list of paths, or { path, sha256 }.',
    fr: () => 'Preuves\u00a0: exigence -> emplacement -> un chemin, une liste de chemins, ou { path, sha256 }.',
  }),
  statements: msg({
    en: () =>
      [
        'Sworn statements (déclarations sur l’honneur justifiées), for requirements that do not apply.',
        'A statement needs a justification (40 characters or more), a signatory (name, role), signed_on,',
        'and may have expires_on and document (a PDF or image scan of the signed statement).',
      ].join('\n'),
    fr: () =>
      [
        'Déclarations sur l’honneur justifiées, pour les exigences non applicables.',
        'Une déclaration comporte une justification (40 caractères ou plus), un signataire (name, role),',
        'signed_on, et éventuellement expires_on et document (PDF ou image de la déclaration signée).',
      ].join('\n'),
  }),
  example: msg({ en: () => 'example', fr: () => 'exemple' }),
  justification: msg({
    en: () => 'Our identities are created and changed in the hospital GAP; the DMN only receives them.',
    fr: () => 'Les identités sont créées et modifiées dans la GAP de l’établissement ; le DMN ne fait que les recevoir.',
  }),
} satisfies TypedCatalog;
