import { msg, s, type ParamValue, type TypedCatalog } from '../i18n/types.js';

const n = (v: ParamValue): number => Number(v);

/** The words of `dmn-check diff`'s text output. */
export const DIFF_TEXT = {
  old: msg({ en: () => 'Old', fr: () => 'Avant' }),
  new: msg({ en: () => 'New', fr: () => 'Après' }),
  /** One report: `Old: My DMN 1.0.0 · ans-dmn 1.2.2 · as of 2026-11-29 · PASS (old.json)`. */
  side: msg<'side' | 'product' | 'ruleset' | 'asOf' | 'verdict' | 'file'>({
    en: (p) => `${s(p.side)}: ${s(p.product)} · ${s(p.ruleset)} · as of ${s(p.asOf)} · ${s(p.verdict)} (${s(p.file)})`,
    fr: (p) => `${s(p.side)}\u00a0: ${s(p.product)} · ${s(p.ruleset)} · au ${s(p.asOf)} · ${s(p.verdict)} (${s(p.file)})`,
  }),
  rulesetVersion: msg<'old' | 'new'>({
    en: (p) => `note: different versions of the ruleset (${s(p.old)} → ${s(p.new)}); requirements are matched by id.`,
    fr: (p) => `remarque\u00a0: versions différentes du référentiel (${s(p.old)} → ${s(p.new)}) ; les exigences sont appariées par identifiant.`,
  }),
  rulesetFile: msg<'old' | 'new'>({
    en: (p) => `note: same ruleset version, but a different file (sha256 ${s(p.old)} → ${s(p.new)}).`,
    fr: (p) => `remarque\u00a0: même version du référentiel, mais un fichier différent (sha256 ${s(p.old)} → ${s(p.new)}).`,
  }),
  products: msg<'old' | 'new'>({
    en: (p) => `note: different products (${s(p.old)} → ${s(p.new)}).`,
    fr: (p) => `remarque\u00a0: produits différents (${s(p.old)} → ${s(p.new)}).`,
  }),
  newlyFailing: msg({ en: () => 'Newly failing', fr: () => 'Nouvellement en défaut' }),
  resolved: msg({ en: () => 'Resolved', fr: () => 'Résolues' }),
  changed: msg({ en: () => 'Changed', fr: () => 'Modifiées' }),
  added: msg({ en: () => 'Added', fr: () => 'Ajoutées' }),
  removed: msg({ en: () => 'Removed', fr: () => 'Retirées' }),
  /** The status of a requirement one report does not have. */
  absent: msg({ en: () => 'absent', fr: () => 'absente' }),
  worse: msg<'count'>({
    en: (p) => `Worse: ${n(p.count)} requirement${n(p.count) === 1 ? '' : 's'} got worse.`,
    fr: (p) => `Régression\u00a0: ${n(p.count)} exigence${n(p.count) > 1 ? 's' : ''} en recul.`,
  }),
  noChange: msg<'unchanged'>({
    en: (p) => `No change: ${s(p.unchanged)} requirements with the same status.`,
    fr: (p) => `Aucun changement\u00a0: ${s(p.unchanged)} exigences au même statut.`,
  }),
  notWorse: msg<'unchanged'>({
    en: (p) => `Nothing got worse (${s(p.unchanged)} unchanged).`,
    fr: (p) => `Aucune régression (${s(p.unchanged)} inchangée${n(p.unchanged) > 1 ? 's' : ''}).`,
  }),
} satisfies TypedCatalog;
