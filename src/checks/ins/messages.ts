import { plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';
import { trait, home, reason, STRUCTURE, fmt, empty } from './message-words.js';

/** Wording of the INS identity-flow findings (checks `ins-creation-flow`, `ins-association-flow`). */
export const insMessages = {
  'ins.trait-missing': msg<'at' | 'format' | 'trait'>({
    en: (p) => `The ${trait(p, 'en')} is missing (${s(p.at)}).`,
    fr: (p) => `Le trait « ${trait(p, 'fr')} » est absent (${s(p.at)}).`,
    hint: {
      en: (p) => `The 5 INS traits are all required; the ${trait(p, 'en')} goes in ${home(p)}.`,
      fr: (p) => `Les 5 traits INS sont tous obligatoires ; le trait « ${trait(p, 'fr')} » se place dans ${home(p)}.`,
    },
  }),
  'ins.trait-invalid': msg<'at' | 'format' | 'reason' | 'trait'>({
    en: (p) => `The ${trait(p, 'en')} is ${reason(p, 'en')} (${s(p.at)}).`,
    fr: (p) => `Le trait « ${trait(p, 'fr')} » ${reason(p, 'fr')} (${s(p.at)}).`,
    hint: { en: (p) => `Expected in ${home(p)}.`, fr: (p) => `Attendu dans ${home(p)}.` },
  }),
  'ins.private-id-missing': msg<'at' | 'format'>({
    en: (p) => `The patient has no private identifier (${s(p.at)}): IEU 8.1 creates the account with one.`,
    fr: (p) => `Le patient n’a pas d’identifiant privé (${s(p.at)})\u00a0: IEU 8.1 crée le compte avec un identifiant privé.`,
    hint: {
      en: (p) =>
        s(p.format) === 'hl7v2'
          ? 'Add a PID-3 repetition with the local identifier (CX-5 PI, e.g. the IPP) beside any INS.'
          : 'Add an identifier that is not an INS (e.g. type PI with the local system) to the Patient.',
      fr: (p) =>
        s(p.format) === 'hl7v2'
          ? "Ajoutez une répétition de PID-3 portant l’identifiant local (CX-5 PI, par exemple l’IPP) à côté de l’éventuel INS."
          : "Ajoutez au Patient un identifiant qui n’est pas un INS (par exemple de type PI avec le système local).",
    },
  }),
  'ins.missing': msg<'format' | 'patients'>({
    en: (p) => `The ${fmt(p, 'en')} flow carries no matricule INS (${plural(Number(p.patients), 'en', 'patient')} read).`,
    fr: (p) => `Le flux ${fmt(p, 'fr')} ne porte aucun matricule INS (${plural(Number(p.patients), 'fr', 'patient lu', 'patients lus')}).`,
    hint: {
      en: (p) =>
        s(p.format) === 'hl7v2'
          ? 'The INS goes in a PID-3 repetition: matricule^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS (test OID), with PID-32 = VALI.'
          : 'The INS goes in Patient.identifier typed INS-NIR-TEST (fr-core-cs-v2-0203) with system urn:oid:1.2.250.1.213.1.4.10, and a qualified identityReliability.',
      fr: (p) =>
        s(p.format) === 'hl7v2'
          ? "L’INS se place dans une répétition de PID-3\u00a0: matricule^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS (OID de test), avec PID-32 = VALI."
          : "L’INS se place dans Patient.identifier de type INS-NIR-TEST (fr-core-cs-v2-0203) avec le system urn:oid:1.2.250.1.213.1.4.10, et une identityReliability qualifiée.",
    },
  }),
  'ins.association-other-patient': msg<'associated' | 'created' | 'creation_slot'>({
    en: (p) =>
      `No patient carrying the INS is a patient created in "${s(p.creation_slot)}": the flows do not show that the created patient is associated with its INS. Compared (masked): INS carried by ${s(p.associated)}; created ${s(p.created)}.`,
    fr: (p) =>
      `Aucun patient porteur de l’INS n’est un patient créé dans « ${s(p.creation_slot)} »\u00a0: les flux ne montrent pas que le patient créé est associé à son INS. Patients comparés (masqués)\u00a0: INS porté par ${s(p.associated)} ; patient créé ${s(p.created)}.`,
    hint: {
      en: () =>
        'Provide the creation and association flows of the same test patient: the association carries the private identifier given at creation (or is the same FHIR Patient resource, or repeats the same 5 traits).',
      fr: () =>
        "Fournissez les flux de création et d’association du même patient de test\u00a0: l’association reprend l’identifiant privé attribué à la création (ou porte sur la même ressource Patient FHIR, ou reprend les 5 mêmes traits).",
    },
  }),
  'ins.deleted': msg<'at' | 'event' | 'oid' | 'status'>({
    en: (p) =>
      `The flow removes the INS${p.event ? ` (${s(p.event)})` : ''}: the INS repetition of PID-3 holds "" (the HL7 v2 delete) under OID ${s(p.oid)}${p.status ? `, with identity status ${s(p.status)}` : ''} (${s(p.at)}).`,
    fr: (p) =>
      `Le flux supprime l’INS${p.event ? ` (${s(p.event)})` : ''}\u00a0: la répétition INS de PID-3 vaut "" (la suppression en HL7 v2) sous l’OID ${s(p.oid)}${p.status ? `, avec le statut d’identité ${s(p.status)}` : ''} (${s(p.at)}).`,
    hint: {
      en: () =>
        'IHE PAM France §4.4.3–4.4.4: an A47 with "" in PID-3 and the old INS in MRG-1 deletes the INS. It does not associate one: the association flow carries the matricule (e.g. ADT^A31 with PID-32 = VALI).',
      fr: () =>
        "IHE PAM France §4.4.3 et 4.4.4\u00a0: un A47 avec \"\" en PID-3 et l’ancien INS en MRG-1 supprime l’INS. Il n’en associe aucun\u00a0: le flux d’association porte le matricule (par exemple ADT^A31 avec PID-32 = VALI).",
    },
  }),
  'ins.nia-superseded': msg<'at' | 'ins'>({
    en: (p) =>
      `The INS-NIA ${s(p.ins)} travels with a valid INS-NIR: the receiver keeps the NIR (IHE PAM France §4.4.1), so what is wrong with the NIA is only a warning (${s(p.at)}).`,
    fr: (p) =>
      `L’INS-NIA ${s(p.ins)} est transmis avec un INS-NIR valide\u00a0: le destinataire retient le NIR (IHE PAM France §4.4.1), ce qui ne va pas dans le NIA n’est donc qu’un avertissement (${s(p.at)}).`,
    hint: {
      en: () => 'Send only the NIR once INSi returns it, or fix the NIA (key, OID).',
      fr: () => "Ne transmettez plus que le NIR dès qu’INSi le renvoie, ou corrigez le NIA (clé, OID).",
    },
  }),
  'ins.trait-legacy': msg<'at' | 'expected' | 'format' | 'trait'>({
    en: (p) =>
      `The ${trait(p, 'en')} is where FR Core before 2.0 put it (${s(p.at)}); FR Core 2.x wants it in ${s(p.expected)}: the Patient needs migrating to FR Core 2.x.`,
    fr: (p) =>
      `Le trait « ${trait(p, 'fr')} » est là où le plaçait FR Core avant la version 2.0 (${s(p.at)}) ; FR Core 2.x l’attend dans ${s(p.expected)}\u00a0: la ressource Patient est à migrer vers FR Core 2.x.`,
    hint: {
      en: (p) => `Move it to ${home(p)}.`,
      fr: (p) => `Déplacez-le dans ${home(p)}.`,
    },
  }),
  'ins.reliability-legacy': msg<'at' | 'expected'>({
    en: (p) =>
      `The identity reliability is in the FR Core 1.x extension fr-core-ident-reliability (sub-extension identityReliability) (${s(p.at)}); FR Core 2.x wants ${s(p.expected)} with identityStatus: the Patient needs migrating to FR Core 2.x.`,
    fr: (p) =>
      `La fiabilité de l’identité est dans l’extension FR Core 1.x fr-core-ident-reliability (sous-extension identityReliability) (${s(p.at)}) ; FR Core 2.x attend ${s(p.expected)} avec identityStatus\u00a0: la ressource Patient est à migrer vers FR Core 2.x.`,
    hint: {
      en: () => 'FR Core 2.x: extension fr-core-identity-reliability, sub-extension identityStatus (VALI from fr-core-cs-v2-0445, or QUAL from fr-core-cs-identity-status).',
      fr: () => "FR Core 2.x\u00a0: extension fr-core-identity-reliability, sous-extension identityStatus (VALI de fr-core-cs-v2-0445, ou QUAL de fr-core-cs-identity-status).",
    },
  }),
  'ins.billing-nir-only': msg<'format'>({
    en: (p) => `The ${fmt(p, 'en')} flow carries a billing NIR (type NH) but no matricule INS: a billing NIR is not an INS.`,
    fr: (p) => `Le flux ${fmt(p, 'fr')} porte un NIR de facturation (type NH) mais aucun matricule INS\u00a0: un NIR de facturation n’est pas un INS.`,
    hint: {
      en: () => 'Send the INS obtained from INSi as an identifier of type INS (HL7 CX-5) / INS-NIR… (FHIR), with its OID.',
      fr: () => "Transmettez l’INS obtenu d’INSi comme identifiant de type INS (CX-5 HL7) / INS-NIR… (FHIR), avec son OID.",
    },
  }),
  'ins.length': msg<'at' | 'ins' | 'length'>({
    en: (p) => `The matricule INS ${s(p.ins)} has ${s(p.length)} characters; 15 are required (${s(p.at)}).`,
    fr: (p) => `Le matricule INS ${s(p.ins)} compte ${s(p.length)} caractères ; il en faut 15 (${s(p.at)}).`,
    hint: {
      en: () => 'Send the 13 characters and the 2-digit key, without spaces.',
      fr: () => 'Transmettez les 13 caractères et la clé à 2 chiffres, sans espaces.',
    },
  }),
  'ins.key': msg<'at' | 'expected' | 'ins'>({
    en: (p) => `The key of matricule INS ${s(p.ins)} is wrong: 97 − (first 13 digits mod 97) gives ${s(p.expected)} (${s(p.at)}).`,
    fr: (p) => `La clé du matricule INS ${s(p.ins)} est fausse\u00a0: 97 − (13 premiers chiffres mod 97) donne ${s(p.expected)} (${s(p.at)}).`,
    hint: {
      en: () => 'A typo in the matricule, or a test identity with a wrong key: use an identity from the INSi test kit (Corsica: 2A counts as 19, 2B as 18).',
      fr: () => "Faute de frappe dans le matricule, ou identité de test à clé fausse\u00a0: utilisez une identité du kit de test INSi (Corse\u00a0: 2A compte 19, 2B compte 18).",
    },
  }),
  'ins.structure': msg<'at' | 'ins' | 'reason'>({
    en: (p) => `The matricule INS ${s(p.ins)} is malformed: ${STRUCTURE[s(p.reason)]?.en ?? s(p.reason)} (${s(p.at)}).`,
    fr: (p) => `Le matricule INS ${s(p.ins)} est mal formé\u00a0: ${STRUCTURE[s(p.reason)]?.fr ?? s(p.reason)} (${s(p.at)}).`,
    hint: {
      en: (p) =>
        s(p.reason) === 'provisional'
          ? 'Send the NIR or NIA that INSi returns for the patient (a test identity under OID 1.2.250.1.213.1.4.10), not a provisional number.'
          : 'Copy the matricule from the INSi answer (a test identity under OID 1.2.250.1.213.1.4.10).',
      fr: (p) =>
        s(p.reason) === 'provisional'
          ? "Transmettez le NIR ou le NIA qu’INSi renvoie pour le patient (une identité de test sous l’OID 1.2.250.1.213.1.4.10), pas un numéro provisoire."
          : "Recopiez le matricule de la réponse INSi (une identité de test sous l’OID 1.2.250.1.213.1.4.10).",
    },
  }),
  'ins.oid-missing': msg<'at' | 'ins'>({
    en: (p) => `The matricule INS ${s(p.ins)} has no OID (${s(p.at)}).`,
    fr: (p) => `Le matricule INS ${s(p.ins)} n’a pas d’OID (${s(p.at)}).`,
    hint: {
      en: () => 'HL7: CX-4 = ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO for a test identity; FHIR: system = urn:oid:1.2.250.1.213.1.4.10.',
      fr: () => "HL7\u00a0: CX-4 = ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO pour une identité de test ; FHIR\u00a0: system = urn:oid:1.2.250.1.213.1.4.10.",
    },
  }),
  'ins.oid-unknown': msg<'at' | 'ins' | 'oid'>({
    en: (p) => `The matricule INS ${s(p.ins)} comes with OID ${s(p.oid)}, which is not an INS assigning authority (${s(p.at)}).`,
    fr: (p) => `Le matricule INS ${s(p.ins)} est accompagné de l’OID ${s(p.oid)}, qui n’est pas une autorité d’affectation de l’INS (${s(p.at)}).`,
    hint: {
      en: () => 'INS OIDs: 1.2.250.1.213.1.4.8 (NIR), .4.9 (NIA), .4.10 (test), .4.11 (demonstration).',
      fr: () => 'OID de l’INS\u00a0: 1.2.250.1.213.1.4.8 (NIR), .4.9 (NIA), .4.10 (test), .4.11 (démonstration).',
    },
  }),
  'ins.hl7-type': msg<'at' | 'found' | 'ins'>({
    en: (p) => `The matricule INS ${s(p.ins)} has identifier type (CX-5) ${empty(p.found, 'en')}; IHE PAM France requires INS (${s(p.at)}).`,
    fr: (p) => `Le matricule INS ${s(p.ins)} a le type d’identifiant (CX-5) ${empty(p.found, 'fr')} ; IHE PAM France impose INS (${s(p.at)}).`,
    hint: {
      en: () => 'CX-5 NH is the billing NIR and PI a local identifier; the matricule INS is typed INS.',
      fr: () => "CX-5 NH désigne le NIR de facturation et PI un identifiant local ; le matricule INS est de type INS.",
    },
  }),
  'ins.authority-name': msg<'at' | 'expected' | 'found' | 'ins' | 'oid'>({
    en: (p) => `The matricule INS ${s(p.ins)} has assigning authority ${s(p.found)} with OID ${s(p.oid)}; ${s(p.expected)} is expected with it (${s(p.at)}).`,
    fr: (p) => `Le matricule INS ${s(p.ins)} a l’autorité d’affectation ${s(p.found)} avec l’OID ${s(p.oid)} ; ${s(p.expected)} est attendu avec cet OID (${s(p.at)}).`,
  }),
  'ins.type-missing': msg<'at' | 'expected' | 'ins' | 'oid'>({
    en: (p) => `The identifier ${s(p.ins)} (system ${s(p.oid)}) has no INS type; FR Core expects ${s(p.expected)} (${s(p.at)}).`,
    fr: (p) => `L’identifiant ${s(p.ins)} (system ${s(p.oid)}) n’a pas de type INS ; FR Core attend ${s(p.expected)} (${s(p.at)}).`,
    hint: {
      en: () => 'Set identifier.type.coding to https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203 with the matching code.',
      fr: () => 'Renseignez identifier.type.coding avec https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203 et le code correspondant.',
    },
  }),
  'ins.type-oid-mismatch': msg<'at' | 'expected' | 'ins' | 'oid' | 'type'>({
    en: (p) => `The matricule INS ${s(p.ins)} is typed ${s(p.type)} but its system is ${s(p.oid)}; they must match (${s(p.expected)} expected) (${s(p.at)}).`,
    fr: (p) => `Le matricule INS ${s(p.ins)} est de type ${s(p.type)} mais son system est ${s(p.oid)} ; ils doivent concorder (${s(p.expected)} attendu) (${s(p.at)}).`,
    hint: {
      en: () => 'INS-NIR ↔ .4.8, INS-NIA ↔ .4.9, INS-NIR-TEST ↔ .4.10, INS-NIR-DEMO ↔ .4.11.',
      fr: () => 'INS-NIR ↔ .4.8, INS-NIA ↔ .4.9, INS-NIR-TEST ↔ .4.10, INS-NIR-DEMO ↔ .4.11.',
    },
  }),
  'ins.type-system': msg<'at' | 'expected' | 'ins'>({
    en: (p) => `The INS type of ${s(p.ins)} is not coded in ${s(p.expected)} (${s(p.at)}).`,
    fr: (p) => `Le type INS de ${s(p.ins)} n’est pas codé dans ${s(p.expected)} (${s(p.at)}).`,
  }),
  'ins.use': msg<'at' | 'expected' | 'found' | 'ins'>({
    en: (p) => `The matricule INS ${s(p.ins)} has identifier.use ${empty(p.found, 'en')}; FR Core expects ${s(p.expected)} (${s(p.at)}).`,
    fr: (p) => `Le matricule INS ${s(p.ins)} a identifier.use ${empty(p.found, 'fr')} ; FR Core attend ${s(p.expected)} (${s(p.at)}).`,
  }),
  'ins.production-oid': msg<'at' | 'ins' | 'kind' | 'oid'>({
    en: (p) =>
      `${s(p.kind) === 'billing' ? 'A billing NIR' : 'The matricule INS'} ${s(p.ins)} uses production OID ${s(p.oid)}: it may be a real person's identifier (${s(p.at)}).`,
    fr: (p) =>
      `${s(p.kind) === 'billing' ? 'Un NIR de facturation' : 'Le matricule INS'} ${s(p.ins)} utilise l’OID de production ${s(p.oid)}\u00a0: ce peut être l’identifiant d’une personne réelle (${s(p.at)}).`,
    hint: {
      en: () =>
        'A dossier should hold test identities only (OID 1.2.250.1.213.1.4.10, INSi test kit), even where a published example uses the production OID. If the data may be real, replace it, and treat the file as health data until then.',
      fr: () =>
        "Un dossier ne doit contenir que des identités de test (OID 1.2.250.1.213.1.4.10, kit de test INSi), même là où un exemple publié utilise l’OID de production. Si les données peuvent être réelles, remplacez-les, et traitez le fichier comme une donnée de santé d’ici là.",
    },
  }),
  'ins.trait-mismatch': msg<'at' | 'ins' | 'trait'>({
    en: (p) => `The ${trait(p, 'en')} does not match matricule INS ${s(p.ins)} (${s(p.at)}).`,
    fr: (p) => `Le trait « ${trait(p, 'fr')} » ne concorde pas avec le matricule INS ${s(p.ins)} (${s(p.at)}).`,
    hint: {
      en: () => 'The matricule encodes sex, year and month of birth; check that the traits come from the same INSi answer.',
      fr: () => 'Le matricule code le sexe, l’année et le mois de naissance ; vérifiez que les traits viennent de la même réponse INSi.',
    },
  }),
  'ins.not-qualified': msg<'at' | 'expected' | 'format' | 'found' | 'near'>({
    en: (p) =>
      s(p.format) === 'hl7v2'
        ? `The INS is sent with identity reliability (PID-32) ${empty(p.found, 'en')}; IHE PAM France allows an INS only with VALI, and a receiver must drop it otherwise (${s(p.at)}).`
        : `The INS is sent with identity status ${empty(p.found, 'en')}; only a qualified identity (${s(p.expected)}) may carry the matricule INS (${s(p.at)}).`,
    fr: (p) =>
      s(p.format) === 'hl7v2'
        ? `L’INS est transmis avec le statut d’identité (PID-32) ${empty(p.found, 'fr')} ; IHE PAM France n’autorise l’INS qu’avec VALI, et le récepteur doit l’ignorer sinon (${s(p.at)}).`
        : `L’INS est transmis avec le statut d’identité ${empty(p.found, 'fr')} ; seule une identité qualifiée (${s(p.expected)}) peut porter le matricule INS (${s(p.at)}).`,
    hint: {
      en: (p) =>
        p.near
          ? `VALI sits in ${s(p.near)}: the PID has a field separator too many or too few before it.`
          : 'Qualify the identity (INSi answer checked against an identity document) before sending its INS.',
      fr: (p) =>
        p.near
          ? `VALI se trouve en ${s(p.near)}\u00a0: le PID a un séparateur de champ en trop ou en moins avant lui.`
          : "Qualifiez l’identité (réponse INSi vérifiée sur une pièce d’identité) avant de transmettre son INS.",
    },
  }),
  'ins.reliability-missing': msg<'at'>({
    en: (p) => `The Patient carries an INS but no identity reliability extension (${s(p.at)}).`,
    fr: (p) => `Le Patient porte un INS mais aucune extension de fiabilité de l’identité (${s(p.at)}).`,
    hint: {
      en: () => 'FR Core fr-core-patient-ins requires extension fr-core-identity-reliability with identityStatus.',
      fr: () => "FR Core fr-core-patient-ins exige l’extension fr-core-identity-reliability avec identityStatus.",
    },
  }),
  'ins.findings-truncated': msg<'shown' | 'total'>({
    en: (p) => `${s(p.total)} findings; the first ${s(p.shown)} are shown.`,
    fr: (p) => `${s(p.total)} constats ; les ${s(p.shown)} premiers sont affichés.`,
  }),
} satisfies TypedCatalog;

