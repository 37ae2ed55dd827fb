import type { Localized } from '../report/report.js';
import type { Lang } from '../i18n/types.js';
import { both } from '../i18n/text.js';
import { FILE_TEXT } from './messages.js';

/** Where in an input file a problem sits. Lines and columns are 1-based. */
export interface SourcePosition {
  /** File as shown to the user (relative to the working directory when possible). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Where the value ends (1-based line, and the column just after its last character), when known. */
  endLine?: number;
  endColumn?: number;
}

/** A position's fields, without undefined ones: what a finding copies from where the manifest says something. */
export function placeOf(p: SourcePosition): SourcePosition {
  const out: SourcePosition = { file: p.file };
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  if (p.endLine !== undefined) out.endLine = p.endLine;
  if (p.endColumn !== undefined) out.endColumn = p.endColumn;
  return out;
}

/** The closed set of user-input problem kinds; each maps to exit code 2. */
export type UserInputCode =
  | 'usage'
  | 'file.unreadable'
  | 'yaml.syntax'
  | 'schema'
  | 'manifest.unknown-key'
  | 'manifest.unknown-fact'
  | 'manifest.fact-value'
  | 'manifest.unknown-requirement'
  | 'manifest.unknown-slot'
  | 'manifest.ruleset-mismatch'
  | 'manifest.path-escape'
  | 'manifest.fhir-url'
  | 'ruleset.invalid'
  | 'ruleset.cycle'
  | 'report.invalid'
  | 'requirement.unknown'
  | 'network.offline'
  | 'grid-template.invalid';

/** One problem found in a user's input, already worded in both languages. */
export interface InputProblem extends SourcePosition {
  code: UserInputCode;
  /** Dotted path of the value concerned (`evidence."IEU 8".creation-flow`), when there is one. */
  subject?: string | undefined;
  message: Localized;
  /** What to do about it; a "did you mean" that found nothing leaves it undefined. */
  hint?: Localized | undefined;
}

/**
 * A mistake in what the user gave us (command line, manifest, ruleset, report).
 * Carries every problem found, so a single run reports them all; the CLI maps it to exit 2.
 */
export class UserInputError extends Error {
  /** The problems to show: at most MAX_PROBLEMS_SHOWN, then one that counts the rest. */
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem | InputProblem[]) {
    const all = Array.isArray(problems) ? problems : [problems];
    // A hostile file can hold a million mistakes; a user reads the first ones, fixes them and runs again.
    const list = all.length > MAX_PROBLEMS_SHOWN ? [...all.slice(0, MAX_PROBLEMS_SHOWN), moreProblems(all[MAX_PROBLEMS_SHOWN]!, all.length - MAX_PROBLEMS_SHOWN)] : all;
    super(list.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'UserInputError';
    this.problems = list;
  }
}

/** How many problems one error lists before summing up the rest. */
export const MAX_PROBLEMS_SHOWN = 100;

function moreProblems(next: InputProblem, count: number): InputProblem {
  return {
    code: next.code,
    file: next.file,
    ...both(FILE_TEXT.moreProblems, { count }),
  };
}

/**
 * `file:line:col subject: message. hint` in one language. French puts a no-break space before the
 * colon and names the command line in French (`ligne de commande, --as-of : …`).
 */
export function formatProblem(p: InputProblem, lang: Lang): string {
  const layout = LAYOUT[lang];
  const commandLine = p.file === 'command line';
  let where = commandLine ? layout.commandLine : p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const hint = p.hint ? ` ${p.hint[lang]}` : '';
  return `${layout.head(where, p.subject, commandLine)} ${p.message[lang]}${hint}`;
}

/** How each language lays out where a problem is: the command line's name, then the subject and its colon. */
const LAYOUT: Record<Lang, { commandLine: string; head: (where: string, subject: string | undefined, commandLine: boolean) => string }> = {
  en: { commandLine: 'command line', head: (where, subject) => (subject ? `${where} ${subject}:` : where) },
  fr: {
    commandLine: 'ligne de commande',
    head: (where, subject, commandLine) => (subject ? `${where}${commandLine ? ',' : ''} ${subject}\u00a0:` : commandLine ? `${where}\u00a0:` : where),
  },
};

/** `dmn-check: error: ` / `dmn-check : erreur : `: what starts every line the CLI writes about a problem. */
export function problemPrefix(kind: 'error' | 'warning', lang: Lang): string {
  return PREFIX[lang][kind];
}

const PREFIX: Record<Lang, Record<'error' | 'warning', string>> = {
  en: { error: 'dmn-check: error: ', warning: 'dmn-check: warning: ' },
  fr: { error: 'dmn-check\u00a0: erreur\u00a0: ', warning: 'dmn-check\u00a0: avertissement\u00a0: ' },
};
