import type { AnyCheck } from './types.js';
import { CATALOG, type Catalog } from '../i18n/index.js';
import { minFiles } from './files/min-files.js';
import { documentMentions } from './files/document-mentions.js';
import { shows } from './files/shows.js';
import { statementDocument } from './files/statement-document.js';
import { insCreationFlow } from './ins/ins-creation-flow.js';
import { insAssociationFlow } from './ins/ins-association-flow.js';
import { fhirpathCheck } from './fhir/fhirpath.js';
import { exportSample } from './port1/export-sample.js';
import { exportDictionary } from './port1/export-dictionary.js';
import { exportSchema } from './port1/export-schema.js';
import { gazelleReport } from './ins/gazelle-report.js';
import { oidcAcrValues } from './auth/oidc-acr-values.js';
import { passwordPolicy } from './auth/password-policy.js';
import { idleTimeout } from './auth/idle-timeout.js';
import { annuaireExtract } from './annuaire/annuaire-extract.js';
import { insBirthNames } from './ins/birth-names.js';
import { signedPdf } from './files/signed-pdf.js';

/** Every check a ruleset may name. Add a new kind of check here, and only here. */
export const BUILTIN_CHECKS: readonly AnyCheck[] = [
  minFiles,
  documentMentions,
  shows,
  statementDocument,
  insCreationFlow,
  insAssociationFlow,
  fhirpathCheck,
  exportSample,
  exportDictionary,
  exportSchema,
  gazelleReport,
  oidcAcrValues,
  passwordPolicy,
  idleTimeout,
  annuaireExtract,
  insBirthNames,
  signedPdf,
];

export type CheckRegistry = ReadonlyMap<string, AnyCheck>;

export function createRegistry(checks: readonly AnyCheck[] = BUILTIN_CHECKS): CheckRegistry {
  const map = new Map<string, AnyCheck>();
  for (const c of checks) {
    if (map.has(c.name)) throw new Error(`duplicate check name ${c.name}`);
    map.set(c.name, c);
  }
  return map;
}

/**
 * The finding catalogue of a registry: the core's wordings plus every check's own `messages`.
 * Checks of one family may declare the same wording (the same object: PORT 1's three checks share
 * one reading of the export); a code worded twice differently (by two checks, or by a check and
 * the core) is a programming error.
 */
export function catalogOf(registry: CheckRegistry, base: Catalog = CATALOG): Catalog {
  const merged: Record<string, Catalog[string]> = { ...base };
  for (const check of registry.values()) {
    for (const [code, def] of Object.entries(check.messages ?? {})) {
      if (Object.hasOwn(merged, code)) {
        if (merged[code] === def) continue;
        throw new Error(`finding code ${code} of check ${check.name} is already worded`);
      }
      merged[code] = def;
    }
  }
  return merged;
}
