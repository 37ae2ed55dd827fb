import { msg, s, type Lang, type ParamsIn, type TypedCatalog } from '../types.js';
import { colon } from '../format.js';
import type { Localized } from '../../report/report.js';

/** ` (page 3)` when the failure happened after the first page (same words in both languages). */
const pageOf = (p: ParamsIn<'page'>): string => {
  const n = Number(p.page ?? 0);
  return n > 1 ? ` (page ${n})` : '';
};

const URL_PROBLEM: Record<string, Localized> = {
  syntax: { en: 'it is not a valid URL', fr: "ce n’est pas une URL valide" },
  scheme: { en: 'only https:// is accepted', fr: 'seul https:// est accepté' },
  insecure: {
    en: 'plain http:// is accepted only for a server on this machine (localhost); use https://',
    fr: 'le http:// simple n’est accepté que pour un serveur sur cette machine (localhost) ; utilisez https://',
  },
  credentials: {
    en: 'it carries credentials (user:password@ or access_token=); secrets must come from an environment variable',
    fr: 'elle porte des identifiants (utilisateur:mot-de-passe@ ou access_token=) ; les secrets doivent venir d’une variable d’environnement',
  },
  'resource-type': {
    en: 'its last path segment must be a FHIR resource type (…/Observation?…)',
    fr: 'son dernier segment de chemin doit être un type de ressource FHIR (…/Observation?…)',
  },
};

const NOT_FHIR: Record<string, Localized> = {
  'not-json': { en: 'the body is not JSON', fr: "le corps de la réponse n’est pas du JSON" },
  'content-type': { en: 'the response is not JSON', fr: "la réponse n’est pas du JSON" },
  'not-resource': { en: 'the JSON is not a FHIR resource', fr: "le JSON n’est pas une ressource FHIR" },
  'entry-not-resource': { en: 'a Bundle entry holds something that is not a FHIR resource', fr: "une entrée du Bundle contient autre chose qu’une ressource FHIR" },
  'bad-next-link': { en: 'its "next" link is not a valid URL', fr: "son lien « next » n’est pas une URL valide" },
  'too-deep': { en: 'a resource is nested too deeply', fr: 'une ressource est imbriquée trop profondément' },
  'entry-too-large': { en: 'a Bundle entry is over 8 MiB', fr: 'une entrée du Bundle dépasse 8 Mio' },
};

const NOT_A_BUNDLE: Record<Lang, (type: string) => string> = {
  en: (type) => `a search answers with a Bundle, not a ${type}`,
  fr: (type) => `une recherche répond par un Bundle, pas par un(e) ${type}`,
};

const notFhir = (p: ParamsIn<'what'>, lang: 'en' | 'fr'): string => {
  const what = s(p.what);
  if (what.startsWith('resource:')) {
    const type = what.slice('resource:'.length);
    return NOT_A_BUNDLE[lang](type);
  }
  return NOT_FHIR[what]?.[lang] ?? what;
};

const contentType = (p: ParamsIn<'contentType'>): string => {
  const ct = s(p.contentType).split(';')[0]!.trim();
  return ct ? ` (Content-Type ${ct})` : '';
};

/** The server's own words about the failure, after a colon as each language sets it. */
const issues = (p: ParamsIn<'issues'>, lang: Lang = 'en'): string => (s(p.issues) ? `${colon(lang)} ${s(p.issues)}` : '');

/** Wording of the FHIR evidence source's findings (`fhir.*`) and of the `fhirpath` check's (`fhirpath.*`). */
export const fhirMessages = {
  'fhir.offline': msg<'url'>({
    en: (p) => `${s(p.url)} was not fetched: --offline refuses network evidence sources.`,
    fr: (p) => `${s(p.url)} n’a pas été interrogé\u00a0: --offline refuse les sources de preuve en réseau.`,
    hint: {
      en: () => 'Run without --offline, or replay a report whose FHIR evidence was saved with --save-evidence.',
      fr: () => 'Relancez sans --offline, ou rejouez un rapport dont les preuves FHIR ont été enregistrées avec --save-evidence.',
    },
  }),
  'fhir.url-invalid': msg<'problem' | 'url'>({
    en: (p) => `The FHIR source ${s(p.url) || '(URL hidden)'} cannot be used: ${URL_PROBLEM[s(p.problem)]?.en ?? s(p.problem)}.`,
    fr: (p) => `La source FHIR ${s(p.url) || '(URL masquée)'} est inutilisable\u00a0: ${URL_PROBLEM[s(p.problem)]?.fr ?? s(p.problem)}.`,
    hint: {
      en: () => 'Give `fhir: https://<server>/<base>/<ResourceType>?<search>`, and the token through `token_env: VARIABLE`.',
      fr: () => 'Indiquez `fhir: https://<serveur>/<base>/<TypeDeRessource>?<recherche>`, et le jeton via `token_env: VARIABLE`.',
    },
  }),
  'fhir.token-missing': msg<'env' | 'url'>({
    en: (p) => `The bearer token for ${s(p.url)} was expected in environment variable ${s(p.env)}, which is not set, empty, or not a token (visible ASCII characters only).`,
    fr: (p) => `Le jeton d’accès pour ${s(p.url)} était attendu dans la variable d’environnement ${s(p.env)}, qui n’est pas définie, est vide, ou n’est pas un jeton (caractères ASCII visibles uniquement).`,
    hint: {
      en: (p) => `Export ${s(p.env)} (e.g. from your CI secrets) before running dmn-check.`,
      fr: (p) => `Exportez ${s(p.env)} (par exemple depuis les secrets de la CI) avant de lancer dmn-check.`,
    },
  }),
  'fhir.tls-unverified': msg<'url'>({
    en: (p) => `${s(p.url)} was not fetched: NODE_TLS_REJECT_UNAUTHORIZED=0 turns TLS certificate checks off.`,
    fr: (p) => `${s(p.url)} n’a pas été interrogé\u00a0: NODE_TLS_REJECT_UNAUTHORIZED=0 désactive la vérification des certificats TLS.`,
    hint: {
      en: () => 'Unset NODE_TLS_REJECT_UNAUTHORIZED; for a private certificate authority, use NODE_EXTRA_CA_CERTS.',
      fr: () => 'Retirez NODE_TLS_REJECT_UNAUTHORIZED ; pour une autorité de certification privée, utilisez NODE_EXTRA_CA_CERTS.',
    },
  }),
  'fhir.unreachable': msg<'page' | 'reason' | 'url'>({
    en: (p) => `The FHIR server of ${s(p.url)} could not be reached${pageOf(p)} (${s(p.reason)}).`,
    fr: (p) => `Le serveur FHIR de ${s(p.url)} est injoignable${pageOf(p)} (${s(p.reason)}).`,
    hint: {
      en: () => 'Check the URL, the network and the server, then run again.',
      fr: () => "Vérifiez l’URL, le réseau et le serveur, puis relancez.",
    },
  }),
  'fhir.tls-failed': msg<'page' | 'reason' | 'url'>({
    en: (p) => `The TLS certificate of ${s(p.url)} was refused${pageOf(p)} (${s(p.reason)}).`,
    fr: (p) => `Le certificat TLS de ${s(p.url)} a été refusé${pageOf(p)} (${s(p.reason)}).`,
    hint: {
      en: () => 'Fix the server certificate; for a private certificate authority, set NODE_EXTRA_CA_CERTS to its certificate.',
      fr: () => 'Corrigez le certificat du serveur ; pour une autorité de certification privée, pointez NODE_EXTRA_CA_CERTS sur son certificat.',
    },
  }),
  'fhir.timeout': msg<'ms' | 'page' | 'scope' | 'url'>({
    en: (p) =>
      s(p.scope) === 'deadline'
        ? `Fetching ${s(p.url)} took longer than the ${s(p.ms)} ms allowed in all${pageOf(p)}.`
        : `The FHIR server of ${s(p.url)} did not answer within ${s(p.ms)} ms${pageOf(p)}.`,
    fr: (p) =>
      s(p.scope) === 'deadline'
        ? `L’interrogation de ${s(p.url)} a dépassé les ${s(p.ms)} ms accordées au total${pageOf(p)}.`
        : `Le serveur FHIR de ${s(p.url)} n’a pas répondu en ${s(p.ms)} ms${pageOf(p)}.`,
    hint: {
      en: () => 'Check that the server is up, narrow the search, or lower max_resources.',
      fr: () => 'Vérifiez que le serveur répond, restreignez la recherche, ou baissez max_resources.',
    },
  }),
  'fhir.unauthorized': msg<'env' | 'page' | 'status' | 'url'>({
    en: (p) => `The FHIR server refused access to ${s(p.url)} (HTTP ${s(p.status)})${pageOf(p)}.`,
    fr: (p) => `Le serveur FHIR a refusé l’accès à ${s(p.url)} (HTTP ${s(p.status)})${pageOf(p)}.`,
    hint: {
      en: (p) => (s(p.env) ? `Check that ${s(p.env)} holds a valid, unexpired token allowed to read this resource.` : 'The server needs a token: add `token_env: VARIABLE` to this source and export the variable.'),
      fr: (p) => (s(p.env) ? `Vérifiez que ${s(p.env)} contient un jeton valide, non expiré, autorisé à lire cette ressource.` : 'Le serveur exige un jeton\u00a0: ajoutez `token_env: VARIABLE` à cette source et exportez la variable.'),
    },
  }),
  'fhir.not-found': msg<'issues' | 'page' | 'status' | 'url'>({
    en: (p) => `The FHIR server answered "not found" (HTTP ${s(p.status)}) for ${s(p.url)}${pageOf(p)}${issues(p)}.`,
    fr: (p) => `Le serveur FHIR a répondu « introuvable » (HTTP ${s(p.status)}) pour ${s(p.url)}${pageOf(p)}${issues(p, 'fr')}.`,
    hint: {
      en: () => 'Check the base URL and the resource type (…/fhir/Observation?…).',
      fr: () => "Vérifiez l’URL de base et le type de ressource (…/fhir/Observation?…).",
    },
  }),
  'fhir.http-status': msg<'issues' | 'page' | 'status' | 'url'>({
    en: (p) => `The FHIR server answered HTTP ${s(p.status)} for ${s(p.url)}${pageOf(p)}${issues(p)}.`,
    fr: (p) => `Le serveur FHIR a répondu HTTP ${s(p.status)} pour ${s(p.url)}${pageOf(p)}${issues(p, 'fr')}.`,
    hint: {
      en: () => 'Check the search parameters and the server logs.',
      fr: () => 'Vérifiez les paramètres de recherche et les journaux du serveur.',
    },
  }),
  'fhir.redirect-refused': msg<'page' | 'reason' | 'target' | 'url'>({
    en: (p) =>
      s(p.reason) === 'too-many'
        ? `${s(p.url)} redirects too many times${pageOf(p)}.`
        : `${s(p.url)} redirects to another server (${s(p.target)})${pageOf(p)}; dmn-check does not follow it, so the token goes nowhere else.`,
    fr: (p) =>
      s(p.reason) === 'too-many'
        ? `${s(p.url)} redirige trop de fois${pageOf(p)}.`
        : `${s(p.url)} redirige vers un autre serveur (${s(p.target)})${pageOf(p)} ; dmn-check ne suit pas la redirection, pour que le jeton n’aille nulle part ailleurs.`,
    hint: {
      en: () => 'Name the final server URL in the manifest.',
      fr: () => "Indiquez dans le manifeste l’URL finale du serveur.",
    },
  }),
  'fhir.foreign-next-link': msg<'page' | 'target' | 'url'>({
    en: (p) => `Page ${s(p.page)} of ${s(p.url)} links its next page on another server (${s(p.target)}); dmn-check did not request it.`,
    fr: (p) => `La page ${s(p.page)} de ${s(p.url)} renvoie sa page suivante vers un autre serveur (${s(p.target)}) ; dmn-check ne l’a pas demandée.`,
    hint: {
      en: () => 'The server builds its paging links from a wrong base URL (often behind a proxy): fix its configured base URL.',
      fr: () => "Le serveur construit ses liens de pagination à partir d’une mauvaise URL de base (souvent derrière un proxy)\u00a0: corrigez son URL de base.",
    },
  }),
  'fhir.paging-loop': msg<'page' | 'url'>({
    en: (p) => `The paging of ${s(p.url)} loops: page ${s(p.page)} links back to a page already read.`,
    fr: (p) => `La pagination de ${s(p.url)} boucle\u00a0: la page ${s(p.page)} renvoie vers une page déjà lue.`,
    hint: { en: () => 'Fix the server\'s "next" links.', fr: () => 'Corrigez les liens « next » du serveur.' },
  }),
  'fhir.too-many-pages': msg<'max' | 'url'>({
    en: (p) => `${s(p.url)} has more than ${s(p.max)} pages; dmn-check stopped reading.`,
    fr: (p) => `${s(p.url)} compte plus de ${s(p.max)} pages ; dmn-check a arrêté la lecture.`,
    hint: {
      en: () => 'Narrow the search or ask for bigger pages (_count).',
      fr: () => 'Restreignez la recherche ou demandez des pages plus grandes (_count).',
    },
  }),
  'fhir.too-large': msg<'max' | 'url'>({
    en: (p) => `${s(p.url)} returned more than ${s(p.max)} bytes of resources.`,
    fr: (p) => `${s(p.url)} a renvoyé plus de ${s(p.max)} octets de ressources.`,
    hint: {
      en: () => 'Narrow the search or lower max_resources: a sample is enough.',
      fr: () => 'Restreignez la recherche ou baissez max_resources\u00a0: un échantillon suffit.',
    },
  }),
  'fhir.not-fhir': msg<'contentType' | 'page' | 'url' | 'what'>({
    en: (p) => `${s(p.url)} did not answer with FHIR${pageOf(p)}: ${notFhir(p, 'en')}${contentType(p)}.`,
    fr: (p) => `${s(p.url)} n’a pas répondu en FHIR${pageOf(p)}\u00a0: ${notFhir(p, 'fr')}${contentType(p)}.`,
    hint: {
      en: () => 'Point the URL at the FHIR API itself (not a web page or a login portal).',
      fr: () => "Pointez l’URL sur l’API FHIR elle-même (pas sur une page web ni un portail de connexion).",
    },
  }),
  'fhir.operation-outcome': msg<'issues' | 'page' | 'url'>({
    en: (p) => `The FHIR server reported an error for ${s(p.url)}${pageOf(p)}${issues(p)}.`,
    fr: (p) => `Le serveur FHIR a signalé une erreur pour ${s(p.url)}${pageOf(p)}${issues(p, 'fr')}.`,
    hint: {
      en: () => 'Fix the search (the OperationOutcome says what the server did not accept).',
      fr: () => "Corrigez la recherche (l’OperationOutcome indique ce que le serveur n’a pas accepté).",
    },
  }),
  'fhir.empty': msg<'url'>({
    en: (p) => `The search ${s(p.url)} returned no resource.`,
    fr: (p) => `La recherche ${s(p.url)} n’a renvoyé aucune ressource.`,
    hint: {
      en: () => 'Load test data on the server, or widen the search.',
      fr: () => 'Chargez des données de test sur le serveur, ou élargissez la recherche.',
    },
  }),
  'fhir.token-in-content': msg<'env' | 'url'>({
    en: (p) => `The resources returned by ${s(p.url)} contain the bearer token from ${s(p.env)}; they were neither judged nor saved.`,
    fr: (p) => `Les ressources renvoyées par ${s(p.url)} contiennent le jeton d’accès de ${s(p.env)} ; elles n’ont été ni évaluées ni enregistrées.`,
    hint: {
      en: () => 'Revoke that token, and find why the server echoes it into its data.',
      fr: () => 'Révoquez ce jeton, et cherchez pourquoi le serveur le recopie dans ses données.',
    },
  }),
  'fhir.save-failed': msg<'reason' | 'url'>({
    en: (p) => `The resources of ${s(p.url)} could not be saved for replay (${s(p.reason)}).`,
    fr: (p) => `Les ressources de ${s(p.url)} n’ont pas pu être enregistrées pour le rejeu (${s(p.reason)}).`,
    hint: {
      en: () => 'Check that the --save-evidence folder can be written.',
      fr: () => 'Vérifiez que le dossier --save-evidence est accessible en écriture.',
    },
  }),
  'fhir.snapshot-missing': msg<'name' | 'url'>({
    en: (p) => `The saved snapshot of ${s(p.url)} (${s(p.name)}) is missing or unreadable.`,
    fr: (p) => `L’instantané enregistré de ${s(p.url)} (${s(p.name)}) est absent ou illisible.`,
    hint: {
      en: () => 'Replay with the folder that --save-evidence wrote.',
      fr: () => 'Rejouez avec le dossier écrit par --save-evidence.',
    },
  }),
  'fhir.truncated': msg<'max' | 'url'>({
    en: (p) => `${s(p.url)} has more resources than max_resources (${s(p.max)}); only the first ${s(p.max)} were judged.`,
    fr: (p) => `${s(p.url)} compte plus de ressources que max_resources (${s(p.max)}) ; seules les ${s(p.max)} premières ont été évaluées.`,
    hint: {
      en: () => 'Raise max_resources, or narrow the search to the sample you mean.',
      fr: () => "Augmentez max_resources, ou restreignez la recherche à l’échantillon voulu.",
    },
  }),
  'fhir.unexpected-type': msg<'expected' | 'types' | 'url'>({
    en: (p) => `The search ${s(p.url)} for ${s(p.expected)} also returned ${s(p.types)}.`,
    fr: (p) => `La recherche ${s(p.url)} sur ${s(p.expected)} a aussi renvoyé ${s(p.types)}.`,
  }),
} satisfies TypedCatalog;
