import type { RawFinding } from '../report/report.js';
import type { Check } from './types.js';
import type { CatalogCode } from '../i18n/index.js';
import type { DocumentMentionsCode } from './files/document-mentions.js';
import type { MinFilesCode } from './files/min-files.js';
import type { ShowsCode } from './files/shows-messages.js';
import type { StatementDocumentCode } from './files/statement-document.js';

/**
 * Every finding code dmn-check itself can emit: the core catalogue's and the built-in checks' own.
 * A check that adds a code adds its `messages` and its code type here.
 */
export type FindingCode = CatalogCode | DocumentMentionsCode | MinFilesCode | ShowsCode | StatementDocumentCode;

/** A finding of a built-in check or of the engine: its code is one a catalogue words. */
export type BuiltinFinding = RawFinding<FindingCode>;

/**
 * `defineCheck` for the checks of dmn-check itself: every finding they return has a code a
 * catalogue words (a check from outside declares its codes in its own `messages`, and keeps strings).
 */
export function defineBuiltinCheck<Options>(check: Check<Options, FindingCode>): Check<Options, FindingCode> {
  return check;
}
