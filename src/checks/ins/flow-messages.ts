import { msg, s, type TypedCatalog } from '../../i18n/types.js';

const EXPECTED_FLOW = {
  en: 'an HL7 v2 ER7 message (IHE PAM France: MSH, EVN, PID…) or FHIR JSON (a Patient, a Bundle of Patients, or NDJSON)',
  fr: 'un message HL7 v2 ER7 (IHE PAM France\u00a0: MSH, EVN, PID…) ou du JSON FHIR (un Patient, un Bundle de Patients, ou du NDJSON)',
};

/** Wording of the findings on reading an identity flow (HL7 v2 ER7 or FHIR JSON) before judging its identities. */
export const insFlowMessages = {
  'ins.flow-not-text': msg<'kind'>({
    en: (p) => `The flow is ${s(p.kind)}, not text: ${EXPECTED_FLOW.en} was expected.`,
    fr: (p) => `Le flux est de type ${s(p.kind)}, pas du texte\u00a0: ${EXPECTED_FLOW.fr} était attendu.`,
    hint: {
      en: () => 'Export the message or resource as it travels (the .hl7 / .json file), not a screenshot or archive of it.',
      fr: () => "Exportez le message ou la ressource tel qu’il circule (fichier .hl7 / .json), pas une capture ni une archive.",
    },
  }),
  'ins.flow-too-large': msg<'bytes' | 'max'>({
    en: (p) => `The flow is ${s(p.bytes)} bytes, over the ${s(p.max)}-byte limit of this check.`,
    fr: (p) => `Le flux fait ${s(p.bytes)} octets, au-delà de la limite de ${s(p.max)} octets de ce contrôle.`,
    hint: {
      en: () => 'Keep only the messages of the test patient, or raise `max_bytes` in the ruleset.',
      fr: () => 'Ne gardez que les messages du patient de test, ou augmentez `max_bytes` dans le référentiel.',
    },
  }),
  'ins.flow-encoding': msg<'line'>({
    en: (p) => `The flow is not valid UTF-8 (first bad byte on line ${s(p.line)}).`,
    fr: (p) => `Le flux n’est pas en UTF-8 valide (premier octet invalide ligne ${s(p.line)}).`,
    hint: {
      en: () => 'Save it as UTF-8; an HL7 message may use ISO-8859-1 only when MSH-18 declares it (8859/1).',
      fr: () => "Enregistrez-le en UTF-8 ; un message HL7 ne peut être en ISO-8859-1 que si MSH-18 le déclare (8859/1).",
    },
  }),
  'ins.flow-format': msg<'kind'>({
    en: (p) => `The flow (${s(p.kind)}) is neither HL7 v2 nor FHIR JSON: line 1 should start ${EXPECTED_FLOW.en}.`,
    fr: (p) => `Le flux (${s(p.kind)}) n’est ni du HL7 v2 ni du JSON FHIR\u00a0: la ligne 1 devrait commencer ${EXPECTED_FLOW.fr}.`,
    hint: {
      en: () => 'An HL7 v2 message starts with its MSH segment; FHIR JSON starts with `{` and has a resourceType.',
      fr: () => 'Un message HL7 v2 commence par son segment MSH ; le JSON FHIR commence par `{` et porte un resourceType.',
    },
  }),
  'ins.hl7-no-msh': msg<'line' | 'segment'>({
    en: (p) => `Line ${s(p.line)}: ${p.segment ? `segment ${s(p.segment)} comes` : 'content comes'} before any MSH segment; every HL7 v2 message starts with MSH.`,
    fr: (p) => `Ligne ${s(p.line)}\u00a0: ${p.segment ? `le segment ${s(p.segment)} arrive` : 'du contenu arrive'} avant tout segment MSH ; tout message HL7 v2 commence par MSH.`,
    hint: {
      en: () => 'Export the whole message, MSH header included (MSH|^~\\&|…).',
      fr: () => "Exportez le message entier, en-tête MSH compris (MSH|^~\\&|…).",
    },
  }),
  'ins.hl7-bad-msh': msg<'detail' | 'line' | 'message'>({
    en: (p) =>
      s(p.detail).startsWith('fields:')
        ? `Message ${s(p.message)}, line ${s(p.line)}: MSH has ${s(p.detail).slice(7)} fields; MSH-9 (message type) to MSH-12 (version) are required.`
        : `Message ${s(p.message)}, line ${s(p.line)}: MSH does not declare its encoding characters (MSH-1 and MSH-2, e.g. |^~\\&).`,
    fr: (p) =>
      s(p.detail).startsWith('fields:')
        ? `Message ${s(p.message)}, ligne ${s(p.line)}\u00a0: MSH a ${s(p.detail).slice(7)} champs ; MSH-9 (type de message) à MSH-12 (version) sont obligatoires.`
        : `Message ${s(p.message)}, ligne ${s(p.line)}\u00a0: MSH ne déclare pas ses caractères d’encodage (MSH-1 et MSH-2, par exemple |^~\\&).`,
  }),
  'ins.hl7-bad-segment': msg<'line' | 'message'>({
    en: (p) => `Message ${s(p.message)}, line ${s(p.line)}: not an HL7 segment (a 3-character segment id followed by the field separator was expected).`,
    fr: (p) => `Message ${s(p.message)}, ligne ${s(p.line)}\u00a0: ce n’est pas un segment HL7 (un identifiant de segment de 3 caractères suivi du séparateur de champ était attendu).`,
    hint: {
      en: () => 'A segment was probably cut or wrapped by a copy; export the message again without reformatting.',
      fr: () => 'Un segment a sans doute été coupé ou replié lors d’un copier-coller ; exportez de nouveau le message sans le reformater.',
    },
  }),
  'ins.hl7-truncated': msg<'detail' | 'line' | 'message' | 'segment'>({
    en: (p) => `Message ${s(p.message)}, line ${s(p.line)}: the file ends inside segment ${s(p.segment)} (${s(p.detail).replace('fields:', '')} fields); the message is cut.`,
    fr: (p) => `Message ${s(p.message)}, ligne ${s(p.line)}\u00a0: le fichier se termine au milieu du segment ${s(p.segment)} (${s(p.detail).replace('fields:', '')} champs) ; le message est tronqué.`,
    hint: { en: () => 'Export the complete message.', fr: () => 'Exportez le message complet.' },
  }),
  'ins.hl7-bad-escape': msg<'detail' | 'line' | 'message'>({
    en: (p) => `Message ${s(p.message)}, line ${s(p.line)}: ${s(p.detail)} holds an escape sequence that is not closed or not known.`,
    fr: (p) => `Message ${s(p.message)}, ligne ${s(p.line)}\u00a0: ${s(p.detail)} contient une séquence d’échappement non fermée ou inconnue.`,
    hint: {
      en: () => 'Escape the escape character itself as \\E\\ (and |, ^, &, ~ as \\F\\, \\S\\, \\T\\, \\R\\).',
      fr: () => "Échappez le caractère d’échappement lui-même en \\E\\ (et |, ^, &, ~ en \\F\\, \\S\\, \\T\\, \\R\\).",
    },
  }),
  'ins.hl7-no-pid': msg<'event' | 'message'>({
    en: (p) => `Message ${s(p.message)} (${s(p.event)}) has no PID segment: it carries no patient identity.`,
    fr: (p) => `Le message ${s(p.message)} (${s(p.event)}) n’a pas de segment PID\u00a0: il ne porte aucune identité patient.`,
  }),
  'ins.json-invalid': msg<'column' | 'line'>({
    en: (p) => `Invalid JSON at line ${s(p.line)}, column ${s(p.column)}: FHIR JSON was expected.`,
    fr: (p) => `JSON invalide ligne ${s(p.line)}, colonne ${s(p.column)}\u00a0: du JSON FHIR était attendu.`,
    hint: {
      en: () => 'Export the resource again from the FHIR server or the flow log, without editing it by hand.',
      fr: () => 'Exportez de nouveau la ressource depuis le serveur FHIR ou le journal des flux, sans la retoucher à la main.',
    },
  }),
  'ins.fhir-not-resource': msg({
    en: () => 'The JSON has no resourceType: a FHIR Patient or Bundle was expected.',
    fr: () => "Le JSON n’a pas de resourceType\u00a0: un Patient ou un Bundle FHIR était attendu.",
  }),
  'ins.fhir-wrong-type': msg<'found'>({
    en: (p) => `The FHIR resource is of type ${s(p.found)}: a Patient, or a Bundle holding Patients, was expected.`,
    fr: (p) => `La ressource FHIR est de type ${s(p.found)}\u00a0: un Patient, ou un Bundle contenant des Patients, était attendu.`,
    hint: {
      en: () => 'Provide the Patient resource the flow creates or updates (FR Core profile fr-core-patient / fr-core-patient-ins).',
      fr: () => 'Fournissez la ressource Patient que le flux crée ou met à jour (profil FR Core fr-core-patient / fr-core-patient-ins).',
    },
  }),
  'ins.fhir-no-patient': msg<'entries' | 'found'>({
    en: (p) => `The Bundle holds ${s(p.entries)} entries (${s(p.found)}) but no Patient.`,
    fr: (p) => `Le Bundle contient ${s(p.entries)} entrées (${s(p.found)}) mais aucun Patient.`,
  }),
  'ins.no-patient': msg({
    en: () => 'No patient identity found in the flow (no PID segment, no Patient resource).',
    fr: () => "Aucune identité patient trouvée dans le flux (ni segment PID, ni ressource Patient).",
    hint: { en: () => `Provide ${EXPECTED_FLOW.en}.`, fr: () => `Fournissez ${EXPECTED_FLOW.fr}.` },
  }),
} satisfies TypedCatalog;
