import type { BuiltinFinding } from '../codes.js';

import { defineBuiltinCheck } from '../codes.js';
import { CONFIG_MESSAGES, CONFIG_LIMIT, findKeys, readConfig } from './config.js';
import { plural } from '../../i18n/format.js';
import { msg, s, type TypedCatalog } from '../../i18n/types.js';

interface Options {
  /** `acr_values` the request must carry (PSC 6: `eidas1`). */
  accept: string[];
}

/** Where an acr_values was found: a captured authorization request, or a configuration key. */
export interface AcrSource {
  /** `request` (URL in a HAR, a log or a text capture) or `config` (a key of a JSON/YAML export). */
  from: 'request' | 'config';
  /** Host of the request, or the key's dotted path. */
  where: string;
  /** The acr_values, split on spaces; empty when a request carries none. */
  values: string[];
}

const URL_RE = /https?:\/\/[^\s"'<>\\]+/g;

/** Authorization requests (URLs with response_type and client_id) in a text, with their acr_values. */
export function authorizationRequests(text: string): AcrSource[] {
  const out: AcrSource[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let url: URL;
    try {
      url = new URL(m[0].replace(/&amp;/g, '&'));
    } catch {
      continue;
    }
    if (!url.searchParams.has('response_type') || !url.searchParams.has('client_id')) continue;
    const acr = url.searchParams.get('acr_values');
    out.push({ from: 'request', where: url.host, values: acr ? acr.split(/\s+/).filter(Boolean) : [] });
  }
  return out;
}

/** Wording of the OIDC acr_values check (PSC 6), with the configuration reader’s. */
const MESSAGES = {
  ...CONFIG_MESSAGES,
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
} satisfies TypedCatalog;

/** Its messages (their codes join `FindingCode`). */
export type OidcAcrValuesMessages = typeof MESSAGES;

/**
 * PSC 6: the authorization request to Pro Santé Connect carries `acr_values=eidas1`. Reads captured
 * requests (a HAR file, a log or a text file holding the authorize URL: every URL with
 * `response_type` and `client_id` counts) or an IdP / client configuration export that sets
 * `acr_values`. Every request found must carry an accepted value; none found is a failure.
 */
export const oidcAcrValues = defineBuiltinCheck<Options>({
  name: 'oidc-acr-values',
  messages: MESSAGES,
  description: 'Captured OIDC authorization requests (HAR, log, URL) or a client configuration carry acr_values with an accepted value (PSC: eidas1).',
  descriptionFr: 'Les requêtes d’autorisation OIDC capturées (HAR, journal, URL) ou une configuration cliente portent acr_values avec une valeur admise (PSC\u00a0: eidas1).',
  schema: {
    type: 'object',
    required: ['accept'],
    additionalProperties: false,
    properties: { accept: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
  },
  async run({ files, options, slot }) {
    const findings: BuiltinFinding[] = [];
    const accept = options.accept.join(', ');
    for (const f of files) {
      if (f.bytes > CONFIG_LIMIT) {
        findings.push({ code: 'config.too-large', severity: 'error', slot, file: f.path });
        continue;
      }
      let sources = authorizationRequests(await f.text(CONFIG_LIMIT));
      if (sources.length === 0 && f.kind !== 'text') {
        const read = await readConfig(f);
        if ('value' in read) {
          sources = findKeys(read.value, ['acr_values', 'acrValues', 'default_acr_values', 'defaultAcrValues']).flatMap((h) => {
            const values = Array.isArray(h.value) ? h.value.filter((v): v is string => typeof v === 'string') : typeof h.value === 'string' ? h.value.split(/\s+/).filter(Boolean) : [];
            return [{ from: 'config' as const, where: h.path, values }];
          });
        }
      }
      if (sources.length === 0) {
        findings.push({ code: 'acr.none-found', severity: 'error', slot, file: f.path });
        continue;
      }
      const before = findings.length;
      // At most five findings per file: a HAR may hold thousands of requests.
      for (const s of sources) {
        if (findings.length - before >= 5) break;
        if (s.values.length === 0) findings.push({ code: 'acr.absent', severity: 'error', slot, file: f.path, params: { where: s.where, accept } });
        else if (!s.values.some((v) => options.accept.includes(v))) findings.push({ code: 'acr.wrong', severity: 'error', slot, file: f.path, params: { where: s.where, found: s.values.join(' '), accept } });
      }
      if (findings.length === before) findings.push({ code: 'acr.found', severity: 'info', slot, file: f.path, params: { count: sources.length, values: [...new Set(sources.flatMap((s) => s.values))].join(' ') } });
    }
    return { findings };
  },
});
