import { plural } from '../i18n/format.js';
import { msg, s, type ParamValue, type TypedCatalog } from '../i18n/types.js';
import { PACK_TEXT } from './messages-pack.js';

const n = (v: ParamValue): number => Number(v);
/** `s` after a count other than one, as English writes it (`1 file`, `0 files`). */
const en = (v: ParamValue): string => (n(v) === 1 ? '' : 's');
/** `s` after a count over one, as French writes it (`0 fichier`, `2 fichiers`). */
const fr = (v: ParamValue): string => (n(v) > 1 ? 's' : '');

/** The words of `dmn-check replay`: its output and its usage problems. */
export const REPLAY_TEXT = {
  replayOf: msg({ en: () => 'Replay of', fr: () => 'Rejeu de' }),
  rulesetLine: msg<'ruleset' | 'file' | 'sha256'>({
    en: (p) => `ruleset ${s(p.ruleset)} (${s(p.file)}, sha256 ${s(p.sha256)})`,
    fr: (p) => `référentiel ${s(p.ruleset)} (${s(p.file)}, sha256 ${s(p.sha256)})`,
  }),
  manifestLine: msg<'manifest' | 'asOf' | 'generated'>({
    en: (p) => `manifest ${s(p.manifest)} · as of ${s(p.asOf)} · generated ${s(p.generated)}`,
    fr: (p) => `manifeste ${s(p.manifest)} · au ${s(p.asOf)} · généré le ${s(p.generated)}`,
  }),
  /** `12 evidence files re-hashed; 5 requirements re-evaluated`. */
  rehashed: msg<'count' | 'evaluated'>({
    en: (p) => `${n(p.count)} evidence file${en(p.count)} re-hashed; ${s(p.evaluated)}`,
    fr: (p) => `${plural(n(p.count), 'fr', 'fichier')} de preuve vérifié${fr(p.count)} (empreintes recalculées) ; ${s(p.evaluated)}`,
  }),
  reevaluated: msg<'count'>({
    en: (p) => `${n(p.count)} requirement${en(p.count)} re-evaluated`,
    fr: (p) => `${plural(n(p.count), 'fr', 'exigence')} réévaluée${fr(p.count)}`,
  }),
  notEvaluated: msg({ en: () => 'dossier not re-evaluated', fr: () => 'dossier non réévalué' }),
  identical: msg({ en: () => 'identical', fr: () => 'Résultat\u00a0: identique au rapport' }),
  differs: msg<'count'>({
    en: (p) => `differs (${n(p.count)} difference${en(p.count)})`,
    fr: (p) => `Résultat\u00a0: ${plural(n(p.count), 'fr', 'différence')} avec le rapport`,
  }),
  otherTool: msg<'was' | 'now'>({
    en: (p) => `note: the report was made by dmn-check ${s(p.was)}; replayed with ${s(p.now)}.`,
    fr: (p) => `remarque\u00a0: le rapport a été produit par dmn-check ${s(p.was)} ; rejoué avec ${s(p.now)}.`,
  }),
  bag: msg({ en: () => 'Bag', fr: () => 'Archive' }),
  bagValid: msg<'files' | 'bytes' | 'seal'>({
    en: (p) => `complete and valid: ${s(p.files)} payload files, ${s(p.bytes)} bytes; ${PACK_TEXT.seal.en({})} ${s(p.seal)}`,
    fr: (p) => `complète et intègre\u00a0: ${plural(n(p.files), 'fr', 'fichier')}, ${plural(n(p.bytes), 'fr', 'octet')} ; ${PACK_TEXT.seal.fr({})} ${s(p.seal)}`,
  }),
  bagInvalid: msg<'count'>({
    en: (p) => `not valid: ${n(p.count)} problem${en(p.count)}`,
    fr: (p) => `non intègre\u00a0: ${plural(n(p.count), 'fr', 'problème')}`,
  }),
  notShown: msg<'count'>({
    en: (p) => `… and ${n(p.count)} more problem${en(p.count)}, not shown.`,
    fr: (p) => `… et ${plural(n(p.count), 'fr', 'autre problème', 'autres problèmes')}, non affiché${fr(p.count)}.`,
  }),
  sealAsExpected: msg({ en: () => 'seal as given with --expect-seal', fr: () => 'sceau conforme à --expect-seal' }),
  signedUnchecked: msg<'key'>({
    en: (p) => `signed by key ${s(p.key)}; not checked (--trust PUBKEY checks it)`,
    fr: (p) => `signée par la clé ${s(p.key)} ; signature non vérifiée (--trust CLÉ_PUBLIQUE la vérifie)`,
  }),

  // problems with what replay is given
  notABag: msg({
    en: () => 'is neither a JSON report nor a BagIt bag made by `dmn-check pack`.',
    fr: () => 'n’est ni un rapport JSON ni une archive BagIt produite par `dmn-check pack`.',
    hint: { en: () => 'Give a report.json, a bag folder (with bagit.txt) or a bag .zip.', fr: () => 'Indiquez un report.json, un dossier d’archive (avec bagit.txt) ou une archive .zip.' },
  }),
  zipOverLimit: msg<'entry' | 'reason' | 'reasonFr'>({
    en: (p) => `was not unpacked: ${s(p.entry)}${s(p.reason)}.`,
    fr: (p) => `n’a pas été décompressé\u00a0: ${s(p.entry)}${s(p.reasonFr)}.`,
    hint: {
      en: () => 'A bag made by `dmn-check pack` unpacks to what it declares; get the bag again from its sender.',
      fr: () => 'Un scellé produit par `dmn-check pack` se décompresse en ce qu’il déclare ; obtenez de nouveau le scellé auprès de son émetteur.',
    },
  }),
  zipUnreadable: msg<'why'>({
    en: (p) => `is not a readable zip (${s(p.why)}).`,
    fr: (p) => `n’est pas un zip lisible (${s(p.why)}).`,
    hint: { en: () => 'Get the bag again from its sender.', fr: () => 'Obtenez de nouveau l’archive auprès de son émetteur.' },
  }),
  notASha256: msg({
    en: () => 'is not a SHA-256 (64 hexadecimal digits).',
    fr: () => 'n’est pas un SHA-256 (64 chiffres hexadécimaux).',
    hint: { en: () => `Give the seal pack printed: "${PACK_TEXT.seal.en({})}".`, fr: () => `Indiquez le sceau affiché par pack\u00a0: « ${PACK_TEXT.seal.fr({})} ».` },
  }),
  rootToBag: msg({
    en: () => 'does not apply to a bag: a bag is replayed from its data/ folder.',
    fr: () => 'ne s’applique pas à une archive\u00a0: une archive est rejouée depuis son dossier data/.',
    hint: { en: () => 'Remove --root.', fr: () => 'Retirez --root.' },
  }),
  bagOnly: msg({
    en: () => 'applies to a bag only: a JSON report has no seal and no signature.',
    fr: () => 'ne s’applique qu’à une archive\u00a0: un rapport JSON n’a ni sceau ni signature.',
    hint: { en: () => 'Replay the bag made by `dmn-check pack`, or remove the option.', fr: () => 'Rejouez l’archive faite par `dmn-check pack`, ou retirez l’option.' },
  }),
} satisfies TypedCatalog;
