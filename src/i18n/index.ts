import type { Catalog, Lang, ParamKeys, Params, ParamsOut, TypedCatalog } from './types.js';
import type { RawFinding } from '../report/report.js';
import { redact } from '../util/redact.js';
import { auditMessages } from './messages/audit.js';
import { coreMessages } from './messages/core.js';
import { fhirMessages } from './messages/fhir.js';

export type { Lang, Params, Catalog, MessageDef } from './types.js';

/**
 * The wordings of the findings the core emits: the engine's (slots, files, statements), the
 * auditor's (replay, bags) and the FHIR evidence source's. A check words its own codes in its
 * `messages`, beside it (src/checks/<family>/); `catalogOf` (checks/registry.ts) merges them.
 */
const CORE_CATALOG = {
  ...coreMessages,
  ...auditMessages,
  ...fhirMessages,
} satisfies TypedCatalog;

/** The codes the core's catalogue words (a check's own `messages` add theirs: checks/registry.ts). */
export type CatalogCode = keyof typeof CORE_CATALOG;

export const CATALOG: Catalog = CORE_CATALOG;

/**
 * The findings a catalogue words, one member per code, each with the parameters its message reads:
 * `{ code: 'ins.missing', params: { format, patients } }`. A code or a parameter name the catalogue
 * does not have does not compile.
 */
export type FindingOf<C extends Catalog> = { [K in keyof C & string]: RawFinding<K, ParamsOut<ParamKeys<C[K]>>> }[keyof C & string];

/** The core catalogue, as its type (what `FindingCode` and `BuiltinFinding` are made of). */
export type CoreCatalog = typeof CORE_CATALOG;

/** A finding that the core catalogue words (evidence readers, the FHIR source). */
export type CoreFinding = FindingOf<CoreCatalog>;

/**
 * Words a finding in the given language; an unknown code is shown with its parameters, never
 * dropped. The last step is `redact`: no wording can carry a matricule in clear.
 */
export function word(code: string, params: Params, lang: Lang, catalog: Catalog = CATALOG): { message: string; hint?: string } {
  const def = Object.hasOwn(catalog, code) ? catalog[code] : undefined;
  if (!def) {
    const detail = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    return { message: redact(detail ? `${code} (${detail})` : code) };
  }
  const out: { message: string; hint?: string } = { message: redact(def[lang](params)) };
  if (def.hint) out.hint = redact(def.hint[lang](params));
  return out;
}

/**
 * The language of messages: `--lang`, else `DMN_CHECK_LANG`, else the POSIX locale variables
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`; `C`/`POSIX` mean English), else the operating
 * system's locale as `Intl` reports it (a French Windows machine sets no `LANG`). French when the
 * locale starts with `fr`, English otherwise.
 */
export function detectLang(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  osLocale: () => string | undefined = () => Intl.DateTimeFormat().resolvedOptions().locale,
): Lang {
  if (explicit === 'fr' || explicit === 'en') return explicit;
  const chosen = env.DMN_CHECK_LANG?.trim().toLowerCase();
  if (chosen === 'fr' || chosen === 'en') return chosen;
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const locale = posix !== undefined && posix !== '' ? posix : (osLocale() ?? '');
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
