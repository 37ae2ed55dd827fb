import { s, type Catalog } from '../types.js';

/** Wording of the engine's own findings and of the generic checks. */
export const coreMessages: Catalog = {
  'fact.missing': {
    en: (p) => `Applicability depends on fact(s) ${s(p.facts)}, which the manifest does not answer.`,
    fr: (p) => `L'applicabilité dépend du ou des faits ${s(p.facts)}, auxquels le manifeste ne répond pas.`,
    hint: {
      en: (p) => `Answer ${s(p.facts)} under \`facts:\` (\`dmn-check init\` writes the questions).`,
      fr: (p) => `Répondez à ${s(p.facts)} sous \`facts:\` (\`dmn-check init\` écrit les questions).`,
    },
  },
  'slot.missing': {
    en: (p) => `No evidence given for "${s(p.slot)}" (${s(p.title_en)}).`,
    fr: (p) => `Aucune preuve fournie pour « ${s(p.slot)} » (${s(p.title_fr)}).`,
    hint: {
      en: (p) => `Provide: ${s(p.expects_en)}`,
      fr: (p) => `À fournir : ${s(p.expects_fr)}`,
    },
  },
  'slot.too-many-files': {
    en: (p) => `"${s(p.slot)}" takes one file; ${s(p.count)} were given.`,
    fr: (p) => `« ${s(p.slot)} » n'accepte qu'un fichier ; ${s(p.count)} ont été fournis.`,
    hint: { en: () => 'Keep the one file that applies.', fr: () => 'Ne gardez que le fichier pertinent.' },
  },
  'file.missing': {
    en: (p) => `File ${s(p.file)} does not exist.`,
    fr: (p) => `Le fichier ${s(p.file)} n'existe pas.`,
    hint: {
      en: () => 'Paths are relative to the manifest folder; check the spelling or add the file.',
      fr: () => 'Les chemins sont relatifs au dossier du manifeste ; vérifiez l’orthographe ou ajoutez le fichier.',
    },
  },
  'file.not-regular': {
    en: (p) => `${s(p.file)} is a ${s(p.what)}, not a regular file.`,
    fr: (p) => `${s(p.file)} est un(e) ${s(p.what)}, pas un fichier ordinaire.`,
    hint: { en: () => 'Name the evidence file itself.', fr: () => 'Indiquez le fichier de preuve lui-même.' },
  },
  'file.loop': {
    en: (p) => `${s(p.file)} is a symbolic link loop.`,
    fr: (p) => `${s(p.file)} est une boucle de liens symboliques.`,
    hint: { en: () => 'Replace the link by the file.', fr: () => 'Remplacez le lien par le fichier.' },
  },
  'file.unreadable': {
    en: (p) => `${s(p.file)} could not be read (${s(p.reason)}).`,
    fr: (p) => `${s(p.file)} n'a pas pu être lu (${s(p.reason)}).`,
    hint: { en: () => 'Check the file permissions and run again.', fr: () => 'Vérifiez les droits du fichier et relancez.' },
  },
  'file.empty': {
    en: (p) => `${s(p.file)} is empty.`,
    fr: (p) => `${s(p.file)} est vide.`,
    hint: { en: () => 'Export the evidence again.', fr: () => 'Exportez de nouveau la preuve.' },
  },
  'file.kind': {
    en: (p) => `${s(p.file)} is ${s(p.kind)} (from its content), which this slot does not accept.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)} (d'après son contenu), que cet emplacement n'accepte pas.`,
    hint: {
      en: (p) => `Accepted: ${s(p.accepted)}. The file name's extension is not what counts.`,
      fr: (p) => `Types acceptés : ${s(p.accepted)}. L'extension du nom de fichier ne compte pas.`,
    },
  },
  'file.hash-mismatch': {
    en: (p) => `${s(p.file)}: SHA-256 is ${s(p.actual)}, the manifest expects ${s(p.expected)}.`,
    fr: (p) => `${s(p.file)} : le SHA-256 vaut ${s(p.actual)}, le manifeste attend ${s(p.expected)}.`,
    hint: {
      en: () => 'The file changed since the hash was recorded: restore it, or record the new hash if the change is intended.',
      fr: () => 'Le fichier a changé depuis l’enregistrement de l’empreinte : restaurez-le, ou enregistrez la nouvelle empreinte si le changement est voulu.',
    },
  },
  'statement.missing': {
    en: (p) => `Not applicable (${s(p.reasons_en)}), but no sworn statement is given.`,
    fr: (p) => `Non applicable (${s(p.reasons_fr)}), mais aucune déclaration sur l'honneur n'est fournie.`,
    hint: {
      en: (p) => `Add a justified sworn statement under \`statements: "${s(p.requirement)}":\` (justification, signatory, signed_on).`,
      fr: (p) => `Ajoutez une déclaration sur l'honneur justifiée sous \`statements: "${s(p.requirement)}":\` (justification, signatory, signed_on).`,
    },
  },
  'statement.justification-short': {
    en: (p) => `The statement's justification has ${s(p.length)} characters; at least ${s(p.min)} are needed.`,
    fr: (p) => `La justification de la déclaration compte ${s(p.length)} caractères ; il en faut au moins ${s(p.min)}.`,
    hint: {
      en: () => 'Say why the requirement does not apply to this product, in a full sentence.',
      fr: () => "Expliquez en une phrase complète pourquoi l'exigence ne s'applique pas à ce produit.",
    },
  },
  'statement.signatory-missing': {
    en: (p) => `The statement's signatory has no ${s(p.field)}.`,
    fr: (p) => `Le signataire de la déclaration n'a pas de ${s(p.field) === 'name' ? 'nom' : 'fonction'}.`,
    hint: {
      en: () => 'Give `signatory: { name, role }` of a person who may commit the manufacturer.',
      fr: () => 'Renseignez `signatory: { name, role }` d’une personne habilitée à engager le fabricant.',
    },
  },
  'statement.signed-on-missing': {
    en: () => 'The statement has no signature date (signed_on).',
    fr: () => "La déclaration n'a pas de date de signature (signed_on).",
    hint: { en: () => 'Add `signed_on: YYYY-MM-DD`.', fr: () => 'Ajoutez `signed_on: AAAA-MM-JJ`.' },
  },
  'statement.not-yet-signed': {
    en: (p) => `The statement is signed on ${s(p.signedOn)}, after the evaluation date ${s(p.asOf)}.`,
    fr: (p) => `La déclaration est signée le ${s(p.signedOn)}, après la date d'évaluation ${s(p.asOf)}.`,
    hint: { en: () => 'Check signed_on, or run with a later --as-of.', fr: () => 'Vérifiez signed_on, ou relancez avec un --as-of plus tardif.' },
  },
  'statement.expired': {
    en: (p) => `The statement expired on ${s(p.expiresOn)} (evaluation date ${s(p.asOf)}).`,
    fr: (p) => `La déclaration a expiré le ${s(p.expiresOn)} (date d'évaluation ${s(p.asOf)}).`,
    hint: { en: () => 'Have the statement signed again.', fr: () => 'Faites signer à nouveau la déclaration.' },
  },
  'statement.document-missing': {
    en: (p) => `The signed statement's document ${s(p.file)} does not exist.`,
    fr: (p) => `Le document de déclaration signée ${s(p.file)} n'existe pas.`,
  },
  'statement.document-unreadable': {
    en: (p) => `The signed statement's document ${s(p.file)} cannot be used (${s(p.reason)}).`,
    fr: (p) => `Le document de déclaration signée ${s(p.file)} est inutilisable (${s(p.reason)}).`,
  },
  'statement.document-kind': {
    en: (p) => `The signed statement's document ${s(p.file)} is ${s(p.kind)}; a PDF or an image is expected.`,
    fr: (p) => `Le document de déclaration signée ${s(p.file)} est de type ${s(p.kind)} ; un PDF ou une image est attendu.`,
  },
  'statement.ignored': {
    en: (p) => `A sworn statement is given, but the requirement applies (${s(p.why_en)}): the statement is ignored.`,
    fr: (p) => `Une déclaration sur l'honneur est fournie, mais l'exigence s'applique (${s(p.why_fr)}) : la déclaration est ignorée.`,
    hint: {
      en: () => 'Either provide the evidence, or correct the facts if the requirement really does not apply.',
      fr: () => "Fournissez les preuves, ou corrigez les faits si l'exigence ne s'applique vraiment pas.",
    },
  },
  'evidence.ignored': {
    en: () => 'Evidence is given for a requirement that does not apply; it is not evaluated.',
    fr: () => "Des preuves sont fournies pour une exigence non applicable ; elles ne sont pas évaluées.",
  },
  'check.crashed': {
    en: (p) => `Check "${s(p.check)}" could not be carried out: ${s(p.error)}.`,
    fr: (p) => `Le contrôle « ${s(p.check)} » n'a pas pu être mené : ${s(p.error)}.`,
    hint: {
      en: () => 'This is not a pass. Run again; if it persists, report it with the file kind concerned.',
      fr: () => "Ce n'est pas une réussite. Relancez ; si le problème persiste, signalez-le avec le type de fichier concerné.",
    },
  },
};
