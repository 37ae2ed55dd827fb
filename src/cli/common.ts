import { formatProblem, problemPrefix, UserInputError, type InputProblem } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';
import { CLI_TEXT } from './messages.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { detectLang, type Lang } from '../i18n/index.js';
import { DEFAULT_RULESET, loadRuleset } from '../ruleset/load.js';
import type { Ruleset } from '../ruleset/types.js';
import type { CliIo } from './io.js';

/** Options every command shares. */
export interface CommonOptions {
  // as commander gives them: an option not given is undefined
  rules?: string | undefined;
  lang?: string | undefined;
  color?: boolean | undefined;
  quiet?: boolean | undefined;
}

export { TOOL } from '../api/tool.js';

export function langOf(opts: CommonOptions, io: CliIo): Lang {
  if (opts.lang !== undefined && opts.lang !== 'fr' && opts.lang !== 'en') {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--lang',
      ...both(CLI_TEXT.langUnsupported, { lang: opts.lang }),
    });
  }
  return detectLang(opts.lang, io.env);
}

export function useColor(opts: CommonOptions, io: CliIo, toStdout: boolean): boolean {
  if (opts.color === false || io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return toStdout;
  return toStdout && io.stdout.isTTY === true;
}

export function loadRules(opts: CommonOptions, io: CliIo): Ruleset {
  return loadRuleset(opts.rules ?? DEFAULT_RULESET, { cwd: io.cwd });
}

/** Today in local time, `YYYY-MM-DD`. */
export function today(now: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function parseAsOf(value: string | undefined, now: Date): string {
  if (value === undefined) return today(now);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) {
    throw new UserInputError({
      code: 'usage',
      file: 'command line',
      subject: '--as-of',
      ...both(CLI_TEXT.notADate, { value }),
    });
  }
  return value;
}

/** SOURCE_DATE_EPOCH (reproducible builds convention) in seconds, or undefined when unset. */
export function sourceDateEpoch(io: CliIo): number | undefined {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/.test(epoch)) {
    throw new UserInputError({
      code: 'usage',
      file: 'SOURCE_DATE_EPOCH',
      ...both(CLI_TEXT.notSeconds, { value: epoch }),
    });
  }
  return Number(epoch);
}

/** The report's timestamp: SOURCE_DATE_EPOCH when set, else now. */
export function generatedAt(io: CliIo, now: Date): string {
  const epoch = sourceDateEpoch(io);
  return (epoch !== undefined ? new Date(epoch * 1000) : now).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A problem that does not stop the run, on stderr: `dmn-check: warning: …`. */
export function warn(io: CliIo, p: InputProblem, lang: Lang): void {
  io.stderr.write(`${problemPrefix('warning', lang)}${formatProblem(p, lang)}\n`);
}

/**
 * The manifest `check` and `pack` use without an argument: `dmn-evidence.yaml` in the working folder
 * or the nearest folder above it (as git finds its repository from a subfolder), shown relative to
 * the working folder. When there is none, `dmn-evidence.yaml`, whose absence is then reported.
 */
export function defaultManifest(io: CliIo): string {
  let dir = path.resolve(io.cwd);
  for (;;) {
    const candidate = path.join(dir, 'dmn-evidence.yaml');
    if (existsSync(candidate)) return path.relative(io.cwd, candidate) || 'dmn-evidence.yaml';
    const up = path.dirname(dir);
    if (up === dir) return 'dmn-evidence.yaml';
    dir = up;
  }
}
