import { msg, s, type TypedCatalog } from '../i18n/types.js';

/** Wording of a ruleset's input problems (exit 2): what the schema cannot say, and `extends`. */
export const RULESET_TEXT = {
  undeclaredFact: msg<'fact'>({ en: (p) => `condition on undeclared fact "${s(p.fact)}".`, fr: (p) => `condition sur un fait non déclaré « ${s(p.fact)} ».` }),
  declareFact: msg({ en: () => 'Declare it under `facts:`.', fr: () => 'Déclarez-le sous `facts:`.' }),
  /** `value`: as JSON; `type`: the fact's type, or its values joined by " | ". */
  notAFactValue: msg<'value' | 'fact' | 'type'>({
    en: (p) => `${s(p.value)} is not a possible value of fact "${s(p.fact)}" (${s(p.type)}).`,
    fr: (p) => `${s(p.value)} n’est pas une valeur possible du fait « ${s(p.fact)} » (${s(p.type)}).`,
  }),
  slotConditionMisplaced: msg({
    en: () => 'a slot condition can only decide whether a slot is required.',
    fr: () => 'une condition sur un emplacement ne peut décider que du caractère obligatoire d’un emplacement.',
  }),
  notAnEarlierSlot: msg<'slot'>({
    en: (p) => `refers to slot "${s(p.slot)}", which is not an earlier slot of this requirement.`,
    fr: (p) => `renvoie à l’emplacement « ${s(p.slot)} », qui n’est pas un emplacement précédent de cette exigence.`,
  }),
  scenarioOfOtherRequirement: msg<'scenario' | 'requirement'>({
    en: (p) => `scenario "${s(p.scenario)}" does not belong to requirement "${s(p.requirement)}".`,
    fr: (p) => `le scénario « ${s(p.scenario)} » n’appartient pas à l’exigence « ${s(p.requirement)} ».`,
    hint: { en: (p) => `Scenario ids take the form "${s(p.requirement)}.n".`, fr: (p) => `Les scénarios sont numérotés « ${s(p.requirement)}.n ».` },
  }),
  duplicateSlot: msg<'slot'>({ en: (p) => `duplicate slot name "${s(p.slot)}".`, fr: (p) => `nom d’emplacement « ${s(p.slot)} » en double.` }),
  unknownKind: msg<'kind'>({ en: (p) => `unknown file kind "${s(p.kind)}".`, fr: (p) => `type de fichier inconnu « ${s(p.kind)} ».` }),
  notAProof: msg<'proof' | 'requirement'>({
    en: (p) => `"${s(p.proof)}" is not a proof of requirement "${s(p.requirement)}".`,
    fr: (p) => `« ${s(p.proof)} » n’est pas une preuve de l’exigence « ${s(p.requirement)} ».`,
  }),
  unknownCheck: msg<'check'>({ en: (p) => `unknown check "${s(p.check)}".`, fr: (p) => `contrôle inconnu « ${s(p.check)} ».` }),
  listChecks: msg({ en: () => '`dmn-check rules list --checks` lists them.', fr: () => '`dmn-check rules list --checks` les liste.' }),
  /** `problemEn`, `problemFr`: what is wrong with the options, as a sentence in each language. */
  unknownOption: msg<'option'>({ en: (p) => `unknown option "${s(p.option)}"`, fr: (p) => `option inconnue « ${s(p.option)} »` }),
  missingOption: msg<'option'>({ en: (p) => `missing option "${s(p.option)}"`, fr: (p) => `option obligatoire « ${s(p.option)} » absente` }),
  /** `at`: the option's JSON pointer (or `options`); each language's words for what is wrong with it. */
  optionProblem: msg<'at' | 'problemEn' | 'problemFr'>({ en: (p) => `${s(p.at)} ${s(p.problemEn)}`, fr: (p) => `${s(p.at)} ${s(p.problemFr)}` }),
  badOptions: msg<'check' | 'problemEn' | 'problemFr'>({
    en: (p) => `bad options for check "${s(p.check)}": ${s(p.problemEn)}`,
    fr: (p) => `options invalides pour le contrôle « ${s(p.check)} »\u00a0: ${s(p.problemFr)}`,
  }),
  /** `chain`: the files of the cycle, joined by arrows. */
  extendsItself: msg<'chain'>({
    en: (p) => `extends itself: ${s(p.chain)}.`,
    fr: (p) => `s’étend lui-même\u00a0: ${s(p.chain)}.`,
    hint: { en: () => 'Remove one `extends` from the cycle.', fr: () => 'Retirez un `extends` du cycle.' },
  }),
  /** `base`: the `extends` as written. */
  baseUnreadable: msg<'base'>({
    en: (p) => `base ruleset "${s(p.base)}" cannot be read.`,
    fr: (p) => `le référentiel de base « ${s(p.base)} » est illisible.`,
    hint: {
      en: () => 'Give a path relative to this file, or a bundled id such as ans-dmn@1.2.2.',
      fr: () => 'Donnez un chemin relatif à ce fichier, ou un identifiant livré comme ans-dmn@1.2.2.',
    },
  }),
  enumNeedsValues: msg({ en: () => 'an enum fact needs `values`.', fr: () => 'un fait de type enum doit avoir des `values`.' }),
  noValuesFor: msg<'type'>({ en: (p) => `a ${s(p.type)} fact takes no \`values\`.`, fr: (p) => `un fait de type ${s(p.type)} n’a pas de \`values\`.` }),
  undeclaredSection: msg<'section'>({ en: (p) => `undeclared section "${s(p.section)}".`, fr: (p) => `section non déclarée « ${s(p.section)} ».` }),
  declareSection: msg({ en: () => 'Declare it under `sections:`.', fr: () => 'Déclarez-la sous `sections:`.' }),
  /** `base`: the base ruleset, `id@version`. */
  notInBase: msg<'base' | 'requirement'>({
    en: (p) => `the base ruleset ${s(p.base)} has no requirement "${s(p.requirement)}".`,
    fr: (p) => `le référentiel de base ${s(p.base)} n’a pas d’exigence « ${s(p.requirement)} ».`,
  }),
  inheritNeedsBase: msg({ en: () => '`inherit` needs a base ruleset (`extends`).', fr: () => '`inherit` suppose un référentiel de base (`extends`).' }),
  /** `index`: where the id was first seen, in `requirements`. */
  duplicateRequirement: msg<'requirement' | 'index'>({
    en: (p) => `duplicate requirement id "${s(p.requirement)}" (also at requirements[${s(p.index)}]).`,
    fr: (p) => `identifiant d’exigence « ${s(p.requirement)} » en double (aussi en requirements[${s(p.index)}]).`,
  }),
} satisfies TypedCatalog;
