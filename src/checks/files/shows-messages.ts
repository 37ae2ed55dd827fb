import { msg, s, type Lang, type ParamsIn, type TypedCatalog } from '../../i18n/types.js';

const EXPECTS_WORDS: Record<Lang, { matricule: string; or: string }> = {
  en: { matricule: 'a matricule INS with a valid key', or: 'or' },
  fr: { matricule: 'un matricule INS à clé valide', or: 'ou' },
};

/** What a target expects to be read: its words, or a valid matricule INS, or both. */
export function expectsWords(p: ParamsIn<'expects' | 'matricule'>, lang: Lang): string {
  const w = EXPECTS_WORDS[lang];
  const words = String(p.expects ?? '');
  const mat = p.matricule === 'yes' ? w.matricule : '';
  if (words && mat) return `${words} ${w.or} ${mat}`;
  return words || mat;
}

/** One line of `explain` per target: what the files must show, with an example. */
export const SHOWS_EXPLAIN = msg<'all' | 'label_en' | 'label_fr' | 'eg'>({
  en: (p) => `${p.all === 'yes' ? 'every file must show' : 'the files must show'}: ${s(p.label_en)} (e.g. ${s(p.eg)})`,
  fr: (p) => `${p.all === 'yes' ? 'chaque fichier doit montrer' : 'les fichiers doivent montrer'}\u00a0: ${s(p.label_fr)} (par exemple ${s(p.eg)})`,
});

/** What the `shows` check's findings say (its `messages`). */
export function showsMessages() {
  const at = (p: ParamsIn<'where' | 'at'>): string => (p.where ? ` (${s(p.where)})` : p.at ? ` (frame at ${s(p.at)})` : '');
  const atFr = (p: ParamsIn<'where' | 'at'>): string => (p.where ? ` (${s(p.where)})` : p.at ? ` (image à ${s(p.at)})` : '');
  return {
    'shows.found': msg<'at' | 'label_en' | 'label_fr' | 'match' | 'where'>({
      en: (p) => `Read: ${s(p.label_en)} — ${s(p.match)}${at(p)}.`,
      fr: (p) => `Lu\u00a0: ${s(p.label_fr)} — ${s(p.match)}${atFr(p)}.`,
    }),
    'shows.uncertain': msg<'at' | 'confidence' | 'label_en' | 'label_fr' | 'match' | 'where'>({
      en: (p) => `Probably shows ${s(p.label_en)} — ${s(p.match)}${at(p)}, read with low confidence (${s(p.confidence)} %).`,
      fr: (p) => `Semble montrer ${s(p.label_fr)} — ${s(p.match)}${atFr(p)}, lu avec une confiance faible (${s(p.confidence)} %).`,
      hint: {
        en: () => 'A sharper capture (full resolution, no compression, no zoom-out) lets a reviewer read it without doubt.',
        fr: () => 'Une capture plus nette (pleine résolution, sans compression ni dézoom) permet au relecteur de la lire sans doute possible.',
      },
    }),
    'shows.missing': msg<'expects' | 'files' | 'label_en' | 'label_fr' | 'matricule'>({
      en: (p) => `The evidence does not show ${s(p.label_en)}: nothing like ${expectsWords(p, 'en')} was read in ${p.files === 1 ? 'the legible file' : `the ${s(p.files)} legible files`}.`,
      fr: (p) => `La preuve ne montre pas ${s(p.label_fr)}\u00a0: rien de tel que ${expectsWords(p, 'fr')} n’a été lu dans ${p.files === 1 ? 'le fichier lisible' : `les ${s(p.files)} fichiers lisibles`}.`,
      hint: {
        en: (p) => `A reviewer expects to see ${s(p.label_en)} on screen: capture the step that shows it.`,
        fr: (p) => `Le relecteur s’attend à voir ${s(p.label_fr)} à l’écran\u00a0: capturez l’étape qui le montre.`,
      },
    }),
    'shows.matricule-key': msg<'masked'>({
      en: (p) => `A matricule INS is shown (${s(p.masked)}) but its key is wrong: it is not a valid matricule.`,
      fr: (p) => `Un matricule INS est affiché (${s(p.masked)}) mais sa clé est fausse\u00a0: ce n’est pas un matricule valide.`,
      hint: {
        en: () => 'Use a test identity whose key is 97 − (the first 13 digits mod 97).',
        fr: () => "Utilisez une identité de test dont la clé vaut 97 − (les 13 premiers chiffres modulo 97).",
      },
    }),
    'shows.matricule-differs': msg<'carried' | 'shown' | 'slots'>({
      en: (p) => `The screenshot shows the matricule INS ${s(p.shown)}, but the flows (${s(p.slots)}) carry ${s(p.carried)}: the evidence is not of one patient.`,
      fr: (p) => `La capture d’écran affiche le matricule INS ${s(p.shown)}, mais les flux (${s(p.slots)}) portent ${s(p.carried)}\u00a0: les preuves ne concernent pas un même patient.`,
      hint: {
        en: () => 'Capture the account of the test patient whose flows are in the dossier.',
        fr: () => 'Capturez le compte du patient de test dont les flux figurent au dossier.',
      },
    }),
    'shows.illegible': msg({
      en: () => 'Nothing legible could be read in this file: a screenshot must be legible.',
      fr: () => "Rien de lisible n’a pu être lu dans ce fichier\u00a0: une capture d’écran doit être lisible.",
      hint: {
        en: () => 'Provide a full-size capture of the screen (not a thumbnail, not blank).',
        fr: () => "Fournissez une capture de l’écran en taille réelle (ni vignette, ni image vide).",
      },
    }),
    'shows.not-read': msg<'kind' | 'reason'>({
      en: (p) => `Files of type ${s(p.kind)} are not read yet: what this one shows is left to the reviewer.`,
      fr: (p) => `Les fichiers de type ${s(p.kind)} ne sont pas encore lus\u00a0: ce que montre celui-ci est laissé au relecteur.`,
    }),
  } satisfies TypedCatalog;
}

/** The codes the shows checks emit. */
export type ShowsMessages = ReturnType<typeof showsMessages>;
