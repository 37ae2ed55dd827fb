/** Where in an input file a problem sits. Lines and columns are 1-based. */
export interface SourcePosition {
  /** File as shown to the user (relative to the working directory when possible). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
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
  | 'ruleset.invalid'
  | 'ruleset.cycle'
  | 'report.invalid'
  | 'requirement.unknown'
  | 'network.offline';

/** One problem found in a user's input, already worded in both languages. */
export interface InputProblem extends SourcePosition {
  code: UserInputCode;
  /** Dotted path of the value concerned (`evidence."IEU 8".creation-flow`), when there is one. */
  subject?: string;
  message: { en: string; fr: string };
  hint?: { en: string; fr: string };
}

/**
 * A mistake in what the user gave us (command line, manifest, ruleset, report).
 * Carries every problem found, so a single run reports them all; the CLI maps it to exit 2.
 */
export class UserInputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: InputProblem | InputProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => formatProblem(p, 'en')).join('\n'));
    this.name = 'UserInputError';
    this.problems = list;
  }
}

/** `file:line:col subject: message. hint` in one language. */
export function formatProblem(p: InputProblem, lang: 'en' | 'fr'): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const subject = p.subject ? ` ${p.subject}:` : '';
  const hint = p.hint ? ` ${p.hint[lang]}` : '';
  return `${where}${subject} ${p.message[lang]}${hint}`;
}

/** Shorthand for a bilingual text. */
export function t2(en: string, fr: string): { en: string; fr: string } {
  return { en, fr };
}
