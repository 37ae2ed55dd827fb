import { msg, s, type ParamValue, type ParamsIn, type TypedCatalog } from '../types.js';

const STATUS = {
  en: { satisfied: 'satisfied', not_applicable: 'not applicable', missing: 'missing', failed: 'failed', error: 'error', pass: 'pass', fail: 'fail' },
  fr: { satisfied: 'satisfaite', not_applicable: 'non applicable', missing: 'manquante', failed: 'en échec', error: 'erreur', pass: 'conforme', fail: 'non conforme' },
} as const;
const st = (lang: 'en' | 'fr', v: ParamValue): string => (STATUS[lang] as Record<string, string>)[s(v)] ?? s(v);
const at = (p: ParamsIn<'at'>): string => (p.at ? ` (${s(p.at)})` : '');
const scope = (p: ParamsIn<'requirement'>, dossier: string): string => s(p.requirement) || dossier;
const value = (v: ParamValue, absent: string): string => (v === undefined || v === '' ? absent : s(v));

const rebag = {
  en: () => 'Get the bag again from its sender, or pack the dossier again from the original evidence.',
  fr: () => 'Obtenez de nouveau l’archive auprès de son émetteur, ou refaites-le à partir des preuves d’origine.',
};
const recheck = {
  en: () => 'If the change is intended, run `dmn-check check` again and keep the new report.',
  fr: () => 'Si le changement est voulu, relancez `dmn-check check` et conservez le nouveau rapport.',
};

/** Differences found by `replay`, and problems found when verifying a BagIt bag. */
export const auditMessages = {
  'replay.manifest-changed': msg<'file' | 'new' | 'old'>({
    en: (p) => `Manifest ${s(p.file)} changed: sha256 was ${s(p.old)}, now ${s(p.new)}.`,
    fr: (p) => `Le manifeste ${s(p.file)} a changé\u00a0: sha256 ${s(p.old)} à l’origine, ${s(p.new)} maintenant.`,
    hint: recheck,
  }),
  'replay.manifest-gone': msg<'file' | 'old'>({
    en: (p) => `Manifest ${s(p.file)} is gone (sha256 was ${s(p.old)}); the dossier cannot be re-evaluated.`,
    fr: (p) => `Le manifeste ${s(p.file)} a disparu (sha256 ${s(p.old)} à l’origine) ; le dossier ne peut être réévalué.`,
    // Only in a bag (elsewhere a manifest not found is "dossier not found here", exit 2): its report names a manifest it does not hold.
    hint: rebag,
  }),
  'replay.manifest-invalid': msg<'file' | 'problem_en' | 'problem_fr'>({
    en: (p) => `Manifest ${s(p.file)} no longer loads: ${s(p.problem_en)}`,
    fr: (p) => `Le manifeste ${s(p.file)} ne se charge plus\u00a0: ${s(p.problem_fr)}`,
  }),
  'replay.file-changed': msg<'file' | 'new' | 'old'>({
    en: (p) => `${s(p.file)} changed: sha256 was ${s(p.old)}, now ${s(p.new)}.`,
    fr: (p) => `${s(p.file)} a changé\u00a0: sha256 ${s(p.old)} à l’origine, ${s(p.new)} maintenant.`,
    hint: recheck,
  }),
  'replay.file-gone': msg<'file' | 'old'>({
    en: (p) => `${s(p.file)} is gone (sha256 was ${s(p.old)}).`,
    fr: (p) => `${s(p.file)} a disparu (sha256 ${s(p.old)} à l’origine).`,
  }),
  'replay.file-appeared': msg<'file' | 'new'>({
    en: (p) => `${s(p.file)} was absent or unreadable when checked; it is there now (sha256 ${s(p.new)}).`,
    fr: (p) => `${s(p.file)} était absent ou illisible lors de la vérification ; il est présent maintenant (sha256 ${s(p.new)}).`,
  }),
  'replay.file-new': msg<'file' | 'new'>({
    en: (p) => `${s(p.file)} is new: the manifest names it now${p.new ? ` (sha256 ${s(p.new)})` : ', but it is absent'}.`,
    fr: (p) => `${s(p.file)} est nouveau\u00a0: le manifeste le cite maintenant${p.new ? ` (sha256 ${s(p.new)})` : ', mais il est absent'}.`,
  }),
  'replay.file-unnamed': msg<'file'>({
    en: (p) => `${s(p.file)} is in the report but no longer evaluated (the manifest no longer names it, or its requirement became not applicable).`,
    fr: (p) => `${s(p.file)} figure dans le rapport mais n’est plus évalué (le manifeste ne le cite plus, ou son exigence est devenue non applicable).`,
  }),
  'replay.status-changed': msg<'new' | 'old' | 'requirement'>({
    en: (p) => `${s(p.requirement)}: status was ${st('en', p.old)}, now ${st('en', p.new)}.`,
    fr: (p) => `${s(p.requirement)}\u00a0: statut ${st('fr', p.old)} à l’origine, ${st('fr', p.new)} maintenant.`,
  }),
  'replay.slot-status-changed': msg<'new' | 'old' | 'requirement' | 'slot'>({
    en: (p) => `${s(p.requirement)} / ${s(p.slot)}: status was ${st('en', p.old)}, now ${st('en', p.new)}.`,
    fr: (p) => `${s(p.requirement)} / ${s(p.slot)}\u00a0: statut ${st('fr', p.old)} à l’origine, ${st('fr', p.new)} maintenant.`,
  }),
  'replay.finding-added': msg<'at' | 'finding' | 'message' | 'message_en' | 'message_fr' | 'requirement'>({
    en: (p) => `${scope(p, 'Dossier')}: new finding ${s(p.finding)}${at(p)}: ${s(p.message_en ?? p.message)}`,
    fr: (p) => `${scope(p, 'Dossier')}\u00a0: nouveau constat ${s(p.finding)}${at(p)}\u00a0: ${s(p.message_fr ?? p.message)}`,
  }),
  'replay.finding-removed': msg<'at' | 'finding' | 'message' | 'message_en' | 'message_fr' | 'requirement'>({
    en: (p) => `${scope(p, 'Dossier')}: finding ${s(p.finding)}${at(p)} is no longer given: ${s(p.message_en ?? p.message)}`,
    fr: (p) => `${scope(p, 'Dossier')}\u00a0: le constat ${s(p.finding)}${at(p)} n’est plus donné\u00a0: ${s(p.message_fr ?? p.message)}`,
  }),
  'replay.requirement-added': msg<'new' | 'requirement'>({
    en: (p) => `${s(p.requirement)} is evaluated now (${st('en', p.new)}) but absent from the report.`,
    fr: (p) => `${s(p.requirement)} est évaluée maintenant (${st('fr', p.new)}) mais absente du rapport.`,
  }),
  'replay.requirement-removed': msg<'old' | 'requirement'>({
    en: (p) => `${s(p.requirement)} is in the report (${st('en', p.old)}) but not evaluated now.`,
    fr: (p) => `${s(p.requirement)} figure dans le rapport (${st('fr', p.old)}) mais n’est plus évaluée.`,
  }),
  'replay.verdict-changed': msg<'new' | 'old'>({
    en: (p) => `Verdict was ${st('en', p.old)}, now ${st('en', p.new)}.`,
    fr: (p) => `Verdict ${st('fr', p.old)} à l’origine, ${st('fr', p.new)} maintenant.`,
  }),
  'replay.field-changed': msg<'new' | 'old' | 'pointer'>({
    en: (p) => `${s(p.pointer)}: was ${value(p.old, '(absent)')}, now ${value(p.new, '(absent)')}.`,
    fr: (p) => `${s(p.pointer)}\u00a0: ${value(p.old, '(absent)')} à l’origine, ${value(p.new, '(absent)')} maintenant.`,
  }),
  'bag.file-missing': msg<'file' | 'manifest'>({
    en: (p) => `${s(p.file)} is listed in ${s(p.manifest)} but missing from the bag.`,
    fr: (p) => `${s(p.file)} figure dans ${s(p.manifest)} mais manque dans l’archive.`,
    hint: rebag,
  }),
  'bag.file-altered': msg<'actual' | 'expected' | 'file' | 'manifest'>({
    en: (p) => `${s(p.file)} was altered: ${s(p.manifest)} says sha256 ${s(p.expected)}, the file has ${s(p.actual)}.`,
    fr: (p) => `${s(p.file)} a été modifié\u00a0: ${s(p.manifest)} indique le sha256 ${s(p.expected)}, le fichier a ${s(p.actual)}.`,
    hint: rebag,
  }),
  'bag.file-unlisted': msg<'file' | 'manifest'>({
    en: (p) => `${s(p.file)} is in the bag but not listed in ${s(p.manifest)}.`,
    fr: (p) => `${s(p.file)} est dans l’archive mais ne figure pas dans ${s(p.manifest)}.`,
    hint: rebag,
  }),
  'bag.file-not-regular': msg<'file'>({
    en: (p) => `${s(p.file)} is not a regular file (a link or a special file).`,
    fr: (p) => `${s(p.file)} n’est pas un fichier ordinaire (lien ou fichier spécial).`,
    hint: rebag,
  }),
  'bag.file-too-large': msg<'file' | 'max'>({
    en: (p) => `${s(p.file)} is over ${s(p.max)} bytes; it was not read further.`,
    fr: (p) => `${s(p.file)} dépasse ${s(p.max)} octets ; sa lecture s’est arrêtée là.`,
    hint: rebag,
  }),
  'bag.manifest-missing': msg<'file'>({
    en: (p) => `${s(p.file)} is missing: the bag cannot be verified without it.`,
    fr: (p) => `${s(p.file)} manque\u00a0: l’archive ne peut être vérifiée sans lui.`,
    hint: rebag,
  }),
  'bag.manifest-line': msg<'file' | 'line' | 'text'>({
    en: (p) => `${s(p.file)} line ${s(p.line)} is not a valid entry: ${JSON.stringify(s(p.text))}.`,
    fr: (p) => `${s(p.file)} ligne ${s(p.line)} n’est pas une entrée valide\u00a0: ${JSON.stringify(s(p.text))}.`,
    hint: rebag,
  }),
  'bag.declaration-invalid': msg<'file'>({
    en: (p) => `${s(p.file)} is not a BagIt declaration with UTF-8 tag files.`,
    fr: (p) => `${s(p.file)} n’est pas une déclaration BagIt avec des fichiers d’étiquettes en UTF-8.`,
    hint: rebag,
  }),
  'bag.seal-mismatch': msg<'actual' | 'expected'>({
    en: (p) => `The bag's seal is ${s(p.actual)}, not the ${s(p.expected)} given with --expect-seal: this is not the bag that seal was given for.`,
    fr: (p) => `Le sceau de l’archive est ${s(p.actual)}, et non ${s(p.expected)} comme l’indique --expect-seal\u00a0: ce n’est pas l’archive dont ce sceau a été communiqué.`,
    hint: {
      en: () => 'Ask the sender for the bag they sealed, or for its seal again, by another channel than the bag.',
      fr: () => 'Demandez à l’émetteur l’archive qu’il a scellée, ou son sceau, par un autre canal que l’archive elle-même.',
    },
  }),
  'bag.unsigned': msg<'file'>({
    en: (p) => `The bag is not signed (no ${s(p.file)}); --trust requires a signature by one of its keys.`,
    fr: (p) => `L’archive n’est pas signée (pas de ${s(p.file)}) ; --trust exige la signature de l’une de ses clés.`,
    hint: {
      en: () => 'Ask the sender to pack the dossier again with --sign KEY.',
      fr: () => 'Demandez à l’émetteur de refaire l’archive avec --sign CLÉ.',
    },
  }),
  'bag.signer-untrusted': msg<'fingerprint' | 'trusted'>({
    en: (p) => `The bag is signed by key ${s(p.fingerprint)}, which is none of the keys given with --trust (${s(p.trusted)}).`,
    fr: (p) => `L’archive est signée par la clé ${s(p.fingerprint)}, qui n’est aucune des clés indiquées par --trust (${s(p.trusted)}).`,
    hint: {
      en: () => "Check that key's fingerprint with its owner before trusting it (openssl pkey -pubin -in KEY.pub -outform DER | sha256sum).",
      fr: () => 'Vérifiez l’empreinte de cette clé auprès de son détenteur avant de lui faire confiance (openssl pkey -pubin -in CLÉ.pub -outform DER | sha256sum).',
    },
  }),
  'bag.signature-invalid': msg<'file' | 'fingerprint'>({
    en: (p) => `The signature ${s(p.file)} does not verify with key ${s(p.fingerprint)}: the bag was altered after it was signed.`,
    fr: (p) => `La signature ${s(p.file)} n’est pas valide pour la clé ${s(p.fingerprint)}\u00a0: l’archive a été modifiée après sa signature.`,
    hint: rebag,
  }),
  'bag.oxum-mismatch': msg<'actual' | 'declared'>({
    en: (p) => `bag-info.txt says Payload-Oxum ${s(p.declared)}, the payload has ${s(p.actual)} (bytes.files).`,
    fr: (p) => `bag-info.txt indique Payload-Oxum ${s(p.declared)}, la charge utile a ${s(p.actual)} (octets.fichiers).`,
    hint: rebag,
  }),
} satisfies TypedCatalog;
