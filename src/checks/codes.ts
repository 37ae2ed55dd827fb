import type { Check } from './types.js';
import type { RawFinding } from '../report/report.js';
import type { CoreCatalog, FindingOf } from '../i18n/index.js';
import type { ParamKeys, ParamsOut } from '../i18n/types.js';
import type { DocumentMentionsMessages } from './files/document-mentions.js';
import type { MinFilesMessages } from './files/min-files.js';
import type { ShowsMessages } from './files/shows-messages.js';
import type { StatementDocumentMessages } from './files/statement-document.js';
import type { ReadMessages } from './files/read-messages.js';
import type { SignedPdfMessages } from './files/signed-pdf.js';
import type { InsFlowMessages } from './ins/slot.js';
import type { GazelleReportMessages } from './ins/gazelle-report.js';
import type { InsBirthNamesMessages } from './ins/birth-names.js';
import type { FhirpathMessages } from './fhir/messages.js';
import type { Port1Messages } from './port1/port1-messages.js';
import type { OidcAcrValuesMessages } from './auth/oidc-acr-values.js';
import type { PasswordPolicyMessages } from './auth/password-policy.js';
import type { IdleTimeoutMessages } from './auth/idle-timeout.js';
import type { AnnuaireExtractMessages } from './annuaire/annuaire-extract.js';

/**
 * Every message dmn-check itself can emit as a finding: the core catalogue's and the built-in
 * checks' own. A check that adds codes adds its `messages`' type here.
 */
type BuiltinCatalog = CoreCatalog &
  MinFilesMessages &
  DocumentMentionsMessages &
  ShowsMessages &
  StatementDocumentMessages &
  ReadMessages &
  SignedPdfMessages &
  InsFlowMessages &
  GazelleReportMessages &
  InsBirthNamesMessages &
  FhirpathMessages &
  Port1Messages &
  OidcAcrValuesMessages &
  PasswordPolicyMessages &
  IdleTimeoutMessages &
  AnnuaireExtractMessages;

/** Every finding code dmn-check itself can emit. */
export type FindingCode = Extract<keyof BuiltinCatalog, string>;

/**
 * A finding of a built-in check or of the engine: its code is one a catalogue words, and its
 * parameters are those that code's message reads (a misspelt one does not compile).
 */
export type BuiltinFinding = FindingOf<BuiltinCatalog>;

/** The parameters a finding of code `C` may carry (those of any of them, when `C` is a union). */
export type ParamsOfCode<C extends FindingCode> = ParamsOut<ParamKeys<BuiltinCatalog[C]>>;

/**
 * A finding built by a helper that takes its code as an argument (`add(code, params)`): the code
 * and its parameters are checked against each other at the helper's call, which TypeScript cannot
 * carry through the generic, so this is the one place that says the result is a `BuiltinFinding`.
 */
export function builtinFinding<C extends FindingCode>(f: RawFinding<C, ParamsOfCode<C>>): BuiltinFinding {
  return f as unknown as BuiltinFinding;
}

/**
 * `defineCheck` for the checks of dmn-check itself: every finding they return has a code a
 * catalogue words, with its message's parameters (a check from outside declares its codes in its
 * own `messages`, and keeps strings).
 */
export function defineBuiltinCheck<Options>(check: Check<Options, BuiltinFinding>): Check<Options, BuiltinFinding> {
  return check;
}
