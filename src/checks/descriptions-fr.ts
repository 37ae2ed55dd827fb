import type { AnyCheck } from './types.js';

/**
 * The one-line description of each built-in check in French, for `rules list --checks` (FRENCH.md
 * row 33). Kept in one table beside the registry rather than in each check's file; a check from
 * outside may carry its own (`descriptionFr`). `test/checks/registry.test.ts` requires one per
 * built-in check.
 */
export const DESCRIPTIONS_FR: Readonly<Record<string, string>> = {
  'min-files': 'L’emplacement contient au moins `count` fichiers.',
  'document-mentions': 'Les documents (texte, Markdown, HTML, PDF avec texte ou numérisé, DOCX, ODT) traitent chaque thème (l’un de ses mots au moins).',
  shows: 'Les fichiers de l’emplacement montrent les mots, expressions ou valeurs reconnues (matricule INS) attendus, lus par OCR ou dans le texte du document.',
  'statement-document': 'Le document signé d’une déclaration sur l’honneur cite l’exigence qu’il couvre, son signataire et sa date de signature (lus dans le texte, ou par OCR d’une numérisation).',
  'ins-creation-flow': 'Flux HL7 v2 (IHE PAM FR) ou FHIR (FR Core) créant un patient avec un identifiant local et les 5 traits INS ; fournit `ins` s’il porte aussi un INS valide, montre `ins-found` s’il en porte un.',
  'ins-association-flow': 'Flux HL7 v2 (IHE PAM FR) ou FHIR (FR Core) portant un matricule INS valide (15 caractères, clé, OID conforme à son type, statut qualifié PID-32 VALI) pour le patient créé par le flux de création.',
  fhirpath: 'Règles FHIRPath que chaque ressource (mode all) ou au moins une ressource (mode any) de l’emplacement doit respecter.',
  'export-sample': 'Les fichiers d’export sont en JSON, NDJSON, CSV, XML ou FHIR, lus jusqu’au bout (en flux) ; les extractions brutes de base de données et les fichiers binaires sont refusés.',
  'export-dictionary': 'Le dictionnaire de données est valide, couvre les catégories exigées, situe dans l’échantillon d’export les données qui portent des valeurs et ne laisse aucun emplacement exporté sans description.',
  'export-schema': 'Chaque enregistrement JSON et NDJSON de l’échantillon d’export respecte le schéma JSON du fabricant (compilé une fois ; un schéma qui ne compile pas fait échouer l’emplacement).',
  'gazelle-report': 'Rapport de validation Gazelle (plateforme de tests du CI-SIS) en XML\u00a0: résultat PASSED, sans erreur, pour l’un des cas de test attendus.',
  'oidc-acr-values': 'Les requêtes d’autorisation OIDC capturées (HAR, journal, URL) ou une configuration cliente portent acr_values avec une valeur admise (PSC\u00a0: eidas1).',
  'password-policy': 'L’export de la politique de mots de passe (royaume Keycloak, Cognito, YAML/JSON simple) impose une longueur minimale, des classes de caractères et un verrouillage après échecs.',
  'idle-timeout': 'L’export de configuration (JSON/YAML) fixe un délai d’inactivité positif (ssoSessionIdleTimeout, idle_timeout…) ; la valeur est indiquée.',
  'annuaire-extract': 'Fichier d’extraction de l’Annuaire Santé (PS_LibreAcces_…_AAAAMMJJhhmm.txt)\u00a0: pas plus ancien que max_age_months à la date --as-of, identifiants RPPS à clé valide.',
  'ins-birth-names': 'Export d’identités (PID HL7 v2, Patient FHIR)\u00a0: noms de naissance et premiers prénoms de naissance en majuscules sans diacritiques (A–Z, espace, trait d’union, apostrophe).',
  'signed-pdf': 'PDF portant une signature électronique (dictionnaire PAdES/PKCS#7) datée au plus tard de --as-of, citant le produit et les mots exigés ; la signature elle-même n’est pas vérifiée.',
};

/** A check's description in `lang`: its own French, the table's, or its English one. */
export function checkDescription(check: AnyCheck & { descriptionFr?: string }, lang: 'en' | 'fr'): string {
  if (lang === 'en') return check.description;
  return check.descriptionFr ?? DESCRIPTIONS_FR[check.name] ?? check.description;
}
