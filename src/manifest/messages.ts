import { msg, s, type TypedCatalog } from '../i18n/types.js';

/** Wording of the manifest's input problems (exit 2). A parameter that quotes the manifest comes shortened from the caller. */
export const MANIFEST_TEXT = {
  notAMapping: msg({
    en: () => 'is not a dmn-check manifest (expected a YAML mapping).',
    fr: () => 'n’est pas un manifeste dmn-check (un bloc YAML de clés est attendu).',
    hint: { en: () => 'Run `dmn-check init` to write a template.', fr: () => 'Lancez `dmn-check init` pour écrire un modèle.' },
  }),
  /** `written`: the manifest's `ruleset`; `used`: the ruleset in use (`id@version`). */
  rulesetMismatch: msg<'written' | 'used'>({
    en: (p) => `was written for "${s(p.written)}", but the ruleset in use is "${s(p.used)}".`,
    fr: (p) => `a été écrit pour « ${s(p.written)} », mais le référentiel utilisé est « ${s(p.used)} ».`,
  }),
  /** `ruleset`: a bundled ruleset (`id@version`) the manifest names. */
  didYouMeanRules: msg<'ruleset'>({ en: (p) => `Did you mean \`--rules ${s(p.ruleset)}\`?`, fr: (p) => `Vouliez-vous dire \`--rules ${s(p.ruleset)}\` ?` }),
  passMatchingRuleset: msg({
    en: () => 'Pass the matching ruleset with --rules, or update the manifest.',
    fr: () => 'Indiquez le référentiel correspondant avec --rules, ou mettez le manifeste à jour.',
  }),
  unknownFact: msg({ en: () => 'unknown fact.', fr: () => 'fait inconnu.' }),
  /** `ruleset`: a bundled ruleset (`id@version`) that declares the fact. */
  factOfOtherRuleset: msg<'ruleset'>({
    en: (p) => `It is a fact of ${s(p.ruleset)}: did you mean \`--rules ${s(p.ruleset)}\`?`,
    fr: (p) => `C’est un fait de ${s(p.ruleset)}\u00a0: vouliez-vous dire \`--rules ${s(p.ruleset)}\` ?`,
  }),
  /** `json`: the answer as JSON; `text`: the same, a string as it is; `type`: the fact's type. */
  notAPossibleAnswer: msg<'json' | 'text' | 'type'>({
    en: (p) => `${s(p.json)} is not a ${p.type === 'enum' ? 'possible value' : s(p.type)}.`,
    fr: (p) => `« ${s(p.text)} » n’est pas une réponse possible${p.type === 'enum' || p.type === 'boolean' ? '' : ` (attendu\u00a0: ${p.type === 'number' ? 'un nombre' : 'un texte'})`}.`,
  }),
  answerTrueOrFalse: msg({ en: () => 'Answer true or false.', fr: () => 'Écrivez true (oui) ou false (non).' }),
  /** `ruleset`: `id@version`. */
  unknownRequirement: msg<'ruleset'>({
    en: (p) => `unknown requirement in ruleset ${s(p.ruleset)}.`,
    fr: (p) => `exigence inconnue dans le référentiel ${s(p.ruleset)}.`,
  }),
  /** `requirement`: the id named; `previous`: the key that named it first. */
  requirementAgain: msg<'requirement' | 'previous'>({
    en: (p) => `names requirement "${s(p.requirement)}" again (already as "${s(p.previous)}").`,
    fr: (p) => `désigne de nouveau l’exigence « ${s(p.requirement)} » (déjà sous « ${s(p.previous)} »).`,
    hint: { en: () => 'Merge the two entries.', fr: () => 'Fusionnez les deux entrées.' },
  }),
  unknownSlot: msg<'requirement'>({ en: (p) => `unknown slot for ${s(p.requirement)}.`, fr: (p) => `emplacement inconnu pour ${s(p.requirement)}.` }),
  /** `path`: as JSON, shortened. */
  pathHasNul: msg<'path'>({
    en: (p) => `path ${s(p.path)} contains a NUL character.`,
    fr: (p) => `le chemin ${s(p.path)} contient un caractère NUL.`,
    hint: {
      en: () => 'A file name cannot contain NUL ("\\0"); write the path as it is on disk.',
      fr: () => 'Un nom de fichier ne peut contenir NUL (« \\0 ») ; écrivez le chemin tel qu’il est sur le disque.',
    },
  }),
  /** `path`: as JSON, shortened. */
  pathLeavesDossier: msg<'path'>({
    en: (p) => `path ${s(p.path)} leaves the dossier folder.`,
    fr: (p) => `le chemin ${s(p.path)} sort du dossier.`,
    hint: {
      en: () => 'Evidence paths are relative to the manifest folder and stay inside it (no "..", no absolute path).',
      fr: () => 'Les chemins de preuve sont relatifs au dossier du manifeste et y restent (ni « .. », ni chemin absolu).',
    },
  }),
} satisfies TypedCatalog;
