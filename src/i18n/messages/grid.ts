import { formatNumber, plural } from '../format.js';
import { msg, s, type TypedCatalog } from '../types.js';

/** Wording of the checks the whole grid added (INS 45, PSC 6, IEU 10 / IEPS 9, IEU 12 / IEPS 13). */
export const gridMessages = {
  'gazelle.not-xml': msg<'file' | 'kind'>({
    en: (p) => `${s(p.file)} is ${s(p.kind)}, not the XML validation report exported from Gazelle.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)}, et non le rapport de validation XML exporté de Gazelle.`,
    hint: {
      en: () => 'On the CI-SIS test bed (interop.esante.gouv.fr/gazelle), open the test run and download its validation report (XML).',
      fr: () => 'Sur l’espace de tests du CI-SIS (interop.esante.gouv.fr/gazelle), ouvrez l’exécution du test et téléchargez son rapport de validation (XML).',
    },
  }),
  'gazelle.too-large': msg<'bytes' | 'file' | 'limit'>({
    en: (p) => `${s(p.file)} (${s(p.bytes)} bytes) is larger than the ${s(p.limit)} bytes a validation report is read up to.`,
    fr: (p) => `${s(p.file)} (${s(p.bytes)} octets) dépasse les ${s(p.limit)} octets qu’un rapport de validation peut faire.`,
  }),
  'gazelle.malformed': msg<'column' | 'file' | 'line'>({
    en: (p) => `${s(p.file)} is not well-formed XML (line ${s(p.line)}, column ${s(p.column)}).`,
    fr: (p) => `${s(p.file)} n’est pas un XML bien formé (ligne ${s(p.line)}, colonne ${s(p.column)}).`,
    hint: { en: () => 'Give the report as Gazelle exported it, unedited.', fr: () => 'Fournissez le rapport tel que Gazelle l’a exporté, sans le modifier.' },
  }),
  'gazelle.not-a-report': msg<'file' | 'root'>({
    en: (p) => `${s(p.file)} is XML (root "${s(p.root)}") but not a Gazelle validation report (validationReport in namespace http://validationreport.gazelle.ihe.net/).`,
    fr: (p) => `${s(p.file)} est un XML (racine « ${s(p.root)} ») mais pas un rapport de validation Gazelle (validationReport de l’espace de noms http://validationreport.gazelle.ihe.net/).`,
  }),
  'gazelle.not-passed': msg<'result'>({
    en: (p) => `The validation report says result="${s(p.result)}", not PASSED.`,
    fr: (p) => `Le rapport de validation indique result="${s(p.result)}", et non PASSED.`,
    hint: { en: () => 'Fix the message, run the test again until it passes, and give the new report.', fr: () => 'Corrigez le message, relancez le test jusqu’à ce qu’il réussisse, et fournissez le nouveau rapport.' },
  }),
  'gazelle.errors': msg<'errors'>({
    en: (p) => `The validation report says PASSED but counts ${plural(Number(p.errors), 'en', 'error')}.`,
    fr: (p) => `Le rapport de validation indique PASSED mais compte ${plural(Number(p.errors), 'fr', 'erreur')}.`,
  }),
  'gazelle.wrong-test': msg<'tests'>({
    en: (p) => `The validation report names none of this scenario's test cases (${s(p.tests)}).`,
    fr: (p) => `Le rapport de validation ne nomme aucun des cas de test de ce scénario (${s(p.tests)}).`,
    hint: { en: () => 'Give the report of the test case the grid names for this scenario.', fr: () => 'Fournissez le rapport du cas de test que la grille indique pour ce scénario.' },
  }),
  'gazelle.passed': msg<'test' | 'validator'>({
    en: (p) => `Gazelle validation report: PASSED, no error, test ${s(p.test)}${p.validator ? ` (validator ${s(p.validator)})` : ''}.`,
    fr: (p) => `Rapport de validation Gazelle\u00a0: PASSED, sans erreur, test ${s(p.test)}${p.validator ? ` (validateur ${s(p.validator)})` : ''}.`,
  }),
  'config.too-large': msg<'file'>({
    en: (p) => `${s(p.file)} is larger than a configuration export is read up to (16 MiB).`,
    fr: (p) => `${s(p.file)} dépasse la taille lue pour un export de configuration (16 Mio).`,
  }),
  'config.unparsable': msg<'file'>({
    en: (p) => `${s(p.file)} is neither valid JSON nor valid YAML.`,
    fr: (p) => `${s(p.file)} n’est ni un JSON ni un YAML valide.`,
    hint: { en: () => 'Give the configuration as the identity provider or the application exports it.', fr: () => 'Fournissez la configuration telle que le fournisseur d’identité ou l’application l’exporte.' },
  }),
  'acr.none-found': msg<'file'>({
    en: (p) => `${s(p.file)} holds no authorization request (a URL with response_type and client_id) and no acr_values setting.`,
    fr: (p) => `${s(p.file)} ne contient aucune demande d’autorisation (URL avec response_type et client_id) ni aucun réglage acr_values.`,
    hint: {
      en: () => 'Give a HAR capture of the login, the authorize URL, or the client configuration export.',
      fr: () => 'Fournissez une capture HAR de la connexion, l’URL d’autorisation, ou l’export de la configuration du client.',
    },
  }),
  'acr.absent': msg<'accept' | 'where'>({
    en: (p) => `An authorization request to ${s(p.where)} carries no acr_values (expected: ${s(p.accept)}).`,
    fr: (p) => `Une demande d’autorisation vers ${s(p.where)} ne transmet pas d’acr_values (attendu\u00a0: ${s(p.accept)}).`,
    hint: { en: (p) => `Add acr_values=${s(p.accept)} to the authorization request.`, fr: (p) => `Ajoutez acr_values=${s(p.accept)} à la demande d’autorisation.` },
  }),
  'acr.wrong': msg<'accept' | 'found' | 'where'>({
    en: (p) => `${s(p.where)}: acr_values is "${s(p.found)}", expected ${s(p.accept)}.`,
    fr: (p) => `${s(p.where)}\u00a0: acr_values vaut « ${s(p.found)} », attendu ${s(p.accept)}.`,
  }),
  'acr.found': msg<'count' | 'values'>({
    en: (p) => `${plural(Number(p.count), 'en', 'authorization request or setting', 'authorization requests or settings')} found, acr_values ${s(p.values)}.`,
    fr: (p) => `${plural(Number(p.count), 'fr', 'demande d’autorisation ou réglage trouvé', 'demandes d’autorisation ou réglages trouvés')}, acr_values ${s(p.values)}.`,
  }),
  'password.no-length': msg<'file'>({
    en: (p) => `${s(p.file)} sets no minimum password length.`,
    fr: (p) => `${s(p.file)} ne fixe pas de longueur minimale de mot de passe.`,
    hint: {
      en: () => 'Give the password-policy export (Keycloak passwordPolicy, Cognito PasswordPolicy, or min_length and the required character classes).',
      fr: () => 'Fournissez l’export de la politique de mot de passe (passwordPolicy de Keycloak, PasswordPolicy de Cognito, ou min_length et les catégories de caractères exigées).',
    },
  }),
  'password.too-short': msg<'length' | 'min'>({
    en: (p) => `The policy allows passwords of ${s(p.length)} characters; the grid asks for at least ${s(p.min)}.`,
    fr: (p) => `La politique admet des mots de passe de ${s(p.length)} caractères ; la grille en demande au moins ${s(p.min)}.`,
  }),
  'password.few-classes': msg<'classes' | 'min'>({
    en: (p) => `The policy requires ${s(p.classes)} character class(es) (upper case, lower case, digits, special); the grid asks for ${s(p.min)}.`,
    fr: (p) => `La politique exige ${plural(Number(p.classes), 'fr', 'catégorie')} de caractères (majuscules, minuscules, chiffres, spéciaux) ; la grille en demande ${s(p.min)}.`,
  }),
  'password.no-lockout': msg<'file'>({
    en: (p) => `${s(p.file)} configures no lockout after repeated failed logins.`,
    fr: (p) => `${s(p.file)} ne prévoit pas de blocage après des échecs de connexion répétés.`,
    hint: {
      en: () => 'Scenario x.1 restricts the account after a number of failures (Keycloak bruteForceProtected and failureFactor, or lockout.max_failures).',
      fr: () => 'Le scénario x.1 restreint le compte après un nombre d’échecs (bruteForceProtected et failureFactor de Keycloak, ou lockout.max_failures).',
    },
  }),
  'password.policy': msg<'bits' | 'classes' | 'failures' | 'length'>({
    en: (p) => `Password policy: at least ${s(p.length)} characters from ${s(p.classes)} class(es), about ${s(p.bits)} bits; lockout after ${s(p.failures)} failures.`,
    fr: (p) => `Politique de mot de passe\u00a0: au moins ${s(p.length)} caractères de ${plural(Number(p.classes), 'fr', 'catégorie')}, environ ${s(p.bits)} bits ; blocage après ${s(p.failures)} échecs.`,
  }),
  'idle-timeout.absent': msg<'file' | 'keys'>({
    en: (p) => `${s(p.file)} sets no idle timeout (${s(p.keys)}…).`,
    fr: (p) => `${s(p.file)} ne fixe pas de délai d’inactivité (${s(p.keys)}…).`,
    hint: { en: () => 'Give the export of the setting that ends an idle session.', fr: () => 'Fournissez l’export du réglage qui met fin à une session inactive.' },
  }),
  'idle-timeout.disabled': msg<'file' | 'pointer'>({
    en: (p) => `${s(p.file)}: the idle timeout ${s(p.pointer)} is 0, which disables it.`,
    fr: (p) => `${s(p.file)}\u00a0: le délai d’inactivité ${s(p.pointer)} vaut 0, ce qui le désactive.`,
  }),
  'idle-timeout.too-long': msg<'max' | 'seconds'>({
    en: (p) => `The idle timeout is ${s(p.seconds)} s; this ruleset accepts at most ${s(p.max)} s.`,
    fr: (p) => `Le délai d’inactivité est de ${s(p.seconds)} s ; ce référentiel accepte au plus ${s(p.max)} s.`,
  }),
  'idle-timeout.set': msg<'key' | 'seconds'>({
    en: (p) => `Idle timeout ${s(p.key)} = ${s(p.seconds)} s.`,
    fr: (p) => `Délai d’inactivité ${s(p.key)} = ${s(p.seconds)} s.`,
  }),
  'annuaire.no-date': msg<'file'>({
    en: (p) => `${s(p.file)}: no extraction date in the file name (expected …_YYYYMMDDhhmm.txt, as annuaire.sante.fr names its extracts).`,
    fr: (p) => `${s(p.file)}\u00a0: pas de date d’extraction dans le nom du fichier (attendu …_AAAAMMJJhhmm.txt, comme annuaire.sante.fr nomme ses extractions).`,
    hint: { en: () => 'Give the extract under the name it was downloaded with.', fr: () => 'Fournissez l’extraction sous le nom avec lequel elle a été téléchargée.' },
  }),
  'annuaire.future': msg<'asOf' | 'date' | 'file'>({
    en: (p) => `${s(p.file)} is dated ${s(p.date)}, after the as-of date ${s(p.asOf)}.`,
    fr: (p) => `${s(p.file)} est daté du ${s(p.date)}, après la date d’évaluation ${s(p.asOf)}.`,
  }),
  'annuaire.stale': msg<'asOf' | 'date' | 'file' | 'months' | 'oldest'>({
    en: (p) => `${s(p.file)} is dated ${s(p.date)}: older than ${plural(Number(p.months), 'en', 'month')} at ${s(p.asOf)} (oldest accepted: ${s(p.oldest)}).`,
    fr: (p) => `${s(p.file)} est daté du ${s(p.date)}\u00a0: plus de ${s(p.months)} mois avant le ${s(p.asOf)} (date la plus ancienne admise\u00a0: ${s(p.oldest)}).`,
    hint: { en: () => 'ANN 1: the copy of the Annuaire Santé in use must be less than one month old. Give a recent extract.', fr: () => 'ANN 1\u00a0: la copie de l’Annuaire Santé utilisée doit dater de moins d’un mois. Fournissez une extraction récente.' },
  }),
  'annuaire.not-text': msg<'file' | 'kind'>({
    en: (p) => `${s(p.file)} is ${s(p.kind)}, not the pipe-separated text extract of the Annuaire Santé.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)}, et non l’extraction texte (séparée par des « | ») de l’Annuaire Santé.`,
  }),
  'annuaire.no-identifier-column': msg<'file'>({
    en: (p) => `${s(p.file)} has no "Identifiant PP" nor "Identification nationale PP" column in its header.`,
    fr: (p) => `${s(p.file)} n’a ni colonne « Identifiant PP » ni colonne « Identification nationale PP » dans son en-tête.`,
  }),
  'annuaire.bad-rpps': msg<'file' | 'record'>({
    en: (p) => `${s(p.file)}, row ${s(p.record)}: the RPPS identifier has an invalid key (Luhn).`,
    fr: (p) => `${s(p.file)}, ligne ${s(p.record)}\u00a0: la clé de l’identifiant RPPS est invalide (Luhn).`,
  }),
  'annuaire.more-bad-rpps': msg<'count'>({
    en: (p) => `${s(p.count)} more rows with an invalid RPPS key.`,
    fr: (p) => `${s(p.count)} autres lignes avec une clé RPPS invalide.`,
  }),
  'annuaire.fresh': msg<'date' | 'rows' | 'rpps'>({
    en: (p) => `Annuaire Santé extract dated ${s(p.date)}: ${s(p.rows)} rows, ${s(p.rpps)} RPPS identifiers, all keys valid.`,
    fr: (p) => `Extraction de l’Annuaire Santé datée du ${s(p.date)}\u00a0: ${s(p.rows)} lignes, ${s(p.rpps)} identifiants RPPS, toutes les clés valides.`,
  }),
  'ins.name-format': msg<'problem' | 'trait'>({
    en: (p) => `The stored ${p.trait === 'birth-name' ? 'birth name' : 'first birth given name'} ${({ lowercase: 'has lower-case letters', diacritic: 'has accents or other diacritics', character: 'has a character other than A–Z, space, hyphen and apostrophe', separator: 'starts or ends with a separator' } as Record<string, string>)[s(p.problem)] ?? 'breaks the naming rule'} (RNIV rule 1).`,
    fr: (p) => `Le ${p.trait === 'birth-name' ? 'nom de naissance' : 'premier prénom de naissance'} enregistré ${({ lowercase: 'contient des minuscules', diacritic: 'contient des accents ou d’autres signes diacritiques', character: 'contient un caractère autre que A–Z, espace, tiret et apostrophe', separator: 'commence ou finit par un séparateur' } as Record<string, string>)[s(p.problem)] ?? 'enfreint la règle de saisie'} (règle 1 du RNIV).`,
    hint: {
      en: () => 'Birth names and birth given names are stored in upper case without diacritics (ÉLODIE → ELODIE), keeping spaces, hyphens and apostrophes.',
      fr: () => 'Les noms et prénoms de naissance sont enregistrés en majuscules sans signe diacritique (ÉLODIE → ELODIE), en gardant espaces, tirets et apostrophes.',
    },
  }),
  'ins.names-ok': msg<'names' | 'patients'>({
    en: (p) => `${plural(Number(p.names), 'en', 'birth name or first given name', 'birth names and first given names')} of ${plural(Number(p.patients), 'en', 'patient')} follow the RNIV naming rule.`,
    fr: (p) => `Noms et premiers prénoms de naissance (${formatNumber(Number(p.names), 'fr')}) de ${plural(Number(p.patients), 'fr', 'patient')}\u00a0: conformes à la règle de saisie du RNIV.`,
  }),
  'pdf.not-pdf': msg<'file' | 'kind'>({
    en: (p) => `${s(p.file)} is ${s(p.kind)}, not a PDF: a digitally signed PDF is expected.`,
    fr: (p) => `${s(p.file)} est de type ${s(p.kind)}, et non un PDF\u00a0: un PDF signé électroniquement est attendu.`,
  }),
  'pdf.too-large': msg<'bytes' | 'file' | 'limit'>({
    en: (p) => `${s(p.file)} (${s(p.bytes)} bytes) is larger than the ${s(p.limit)} bytes read.`,
    fr: (p) => `${s(p.file)} (${s(p.bytes)} octets) dépasse les ${s(p.limit)} octets lus.`,
  }),
  'pdf.unsigned': msg<'file'>({
    en: (p) => `${s(p.file)} carries no digital signature (no PAdES or PKCS#7 signature dictionary).`,
    fr: (p) => `${s(p.file)} ne porte pas de signature électronique (aucun dictionnaire de signature PAdES ou PKCS#7).`,
    hint: { en: () => 'Sign the PDF electronically (PAdES), or give the signed original.', fr: () => 'Signez le PDF électroniquement (PAdES), ou fournissez l’original signé.' },
  }),
  'pdf.signed-later': msg<'asOf' | 'date'>({
    en: (p) => `The signature is dated ${s(p.date)}, after the as-of date ${s(p.asOf)}.`,
    fr: (p) => `La signature est datée du ${s(p.date)}, après la date d’évaluation ${s(p.asOf)}.`,
  }),
  'pdf.product-absent': msg<'product'>({
    en: (p) => `The document does not name the product "${s(p.product)}".`,
    fr: (p) => `Le document ne nomme pas le produit « ${s(p.product)} ».`,
    hint: { en: () => 'The document must be about this product, named as in the manifest.', fr: () => 'Le document doit porter sur ce produit, nommé comme dans le manifeste.' },
  }),
  'pdf.mention-absent': msg<'word'>({
    en: (p) => `The document does not mention "${s(p.word)}".`,
    fr: (p) => `Le document ne mentionne pas « ${s(p.word)} ».`,
  }),
  'pdf.signed': msg<'date' | 'signed' | 'subfilter'>({
    en: (p) => (Number(p.signed) ? `Signed PDF (${s(p.subfilter) || 'signature'}${p.date ? `, ${s(p.date)}` : ''}) naming the product; the signature itself is not verified.` : 'The PDF names the product; it carries no digital signature (a handwritten signature on a scan is for the reviewer to see).'),
    fr: (p) => (Number(p.signed) ? `PDF signé (${s(p.subfilter) || 'signature'}${p.date ? `, ${s(p.date)}` : ''}) nommant le produit ; la signature elle-même n’est pas vérifiée.` : 'Le PDF nomme le produit ; il ne porte pas de signature électronique (une signature manuscrite numérisée relève de l’examinateur).'),
  }),
} satisfies TypedCatalog;
