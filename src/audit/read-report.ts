import { promises as fsp } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../diagnostics/ajv.js';
import { ajvProblems } from '../diagnostics/ajv-problems.js';
import { UserInputError, t2, type InputProblem } from '../diagnostics/user-input-error.js';
import { parseYaml } from '../diagnostics/yaml-source.js';
import { unreadable } from '../diagnostics/input-file.js';
import type { Report, Localized } from '../report/report.js';
import { REPORT_FORMAT, REPORT_SCHEMA } from '../report/schema.js';
import { findJsonError, type JsonSyntaxReason } from '../evidence/formats/json/syntax.js';

export { REPORT_FORMAT };
const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/**
 * Reports are read leniently where older format-1 reports differ: `facts` and `findings` may be
 * absent (they are then empty); everything else as the shipped schema says.
 */
const readableSchema = { ...REPORT_SCHEMA, required: REPORT_SCHEMA.required.filter((k) => k !== 'facts' && k !== 'findings') };

// Compiled on first use: every command loads this module, only `diff` and `replay` read reports
// (compiling it at import cost each `check` about a fifth of a second).
let compiled: ValidateFunction | undefined;
function reportValidator(): ValidateFunction {
  compiled ??= createAjv({ verbose: true }).compile(readableSchema);
  return compiled;
}

function problem(file: string, message: Localized, hint?: Localized, at: { line?: number; column?: number } = {}): InputProblem {
  return { code: 'report.invalid', file, ...at, message, ...(hint ? { hint } : {}) };
}

const SYNTAX: Record<JsonSyntaxReason, [string, string]> = {
  'unexpected-character': ['unexpected character', 'caractère inattendu'],
  'unexpected-end': ['unexpected end', 'fin inattendue'],
  'trailing-data': ['data after the end', 'données après la fin'],
  'bad-string': ['invalid string', 'chaîne invalide'],
  'bad-escape': ['invalid escape', 'échappement invalide'],
  'bad-number': ['invalid number', 'nombre invalide'],
  'record-too-large': ['too large', 'trop grand'],
  'too-deep': ['nested too deep', 'imbrication trop profonde'],
};

/** More requirements than any ruleset holds, few enough that replay and diff stay bounded in memory. */
const MAX_REQUIREMENTS = 5000;

/** Deeper than any report dmn-check writes, shallow enough for every recursive comparison. */
const MAX_REPORT_DEPTH = 32;

/** The offset of the first bracket that opens a level past `max` (outside strings), or undefined: one linear pass. */
function tooDeep(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** Where and why a text is not JSON (not from the engine's message, which may quote the text). */
function jsonError(text: string): { line?: number; column?: number; why: [string, string] } {
  const e = findJsonError(text);
  if (!e) return { why: SYNTAX['unexpected-character'] };
  const before = text.slice(0, e.offset);
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n'), why: SYNTAX[e.reason] };
}

/**
 * Parses and validates a JSON report (format 1). Anything else — not JSON, a newer format, a
 * missing or mistyped field, a duplicated requirement — is a UserInputError naming the place.
 */
export function parseReport(bytes: Buffer, file: string): Report {
  const hint = t2('Give the JSON report written by `dmn-check check --format json --output FILE`.', 'Indiquez le rapport JSON écrit par `dmn-check check --format json --output FICHIER`.');
  if (bytes.length > MAX_REPORT_BYTES) throw new UserInputError(problem(file, t2(`is ${bytes.length} bytes, more than a report can be.`, `fait ${bytes.length} octets, plus qu’un rapport ne peut faire.`)));
  const text = bytes.toString('utf8');
  const deep = tooDeep(text, MAX_REPORT_DEPTH);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    throw new UserInputError(
      problem(
        file,
        t2(`is nested more than ${MAX_REPORT_DEPTH} levels deep; a report has fewer than 10.`, `est imbriqué sur plus de ${MAX_REPORT_DEPTH} niveaux ; un rapport en a moins de 10.`),
        t2('The report was altered: use the file dmn-check wrote.', 'Le rapport a été modifié\u00a0: utilisez le fichier écrit par dmn-check.'),
        { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') },
      ),
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { why, ...at } = jsonError(text);
    throw new UserInputError(problem(file, t2(`is not JSON (${why[0]}).`, `n’est pas du JSON (${why[1]}).`), hint, at));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('report' in value)) {
    throw new UserInputError(problem(file, t2('is not a dmn-check JSON report (no "report" format number).', "n’est pas un rapport JSON de dmn-check (pas de numéro de format « report »)."), hint));
  }
  const requirements = (value as { requirements?: unknown }).requirements;
  if (Array.isArray(requirements) && requirements.length > MAX_REQUIREMENTS) {
    throw new UserInputError(
      problem(
        file,
        t2(
          `names ${requirements.length} requirements; a report holds at most ${MAX_REQUIREMENTS} (the whole referential has 81).`,
          `cite ${requirements.length} exigences ; un rapport en compte au plus ${MAX_REQUIREMENTS} (le référentiel complet en a 81).`,
        ),
        t2('The report was altered: use the file dmn-check wrote.', 'Le rapport a été modifié\u00a0: utilisez le fichier écrit par dmn-check.'),
      ),
    );
  }
  const format = (value).report;
  if (typeof format === 'number' && Number.isInteger(format) && format > REPORT_FORMAT) {
    throw new UserInputError(
      problem(
        file,
        t2(`is a report of format ${format}; this dmn-check reads format ${REPORT_FORMAT}.`, `est un rapport au format ${format} ; cette version de dmn-check lit le format ${REPORT_FORMAT}.`),
        t2('Replay it with the dmn-check version that wrote it (see its "tool" field), or a newer one.', 'Rejouez-le avec la version de dmn-check qui l’a écrit (voir son champ « tool »), ou une plus récente.'),
      ),
    );
  }
  const validateReport = reportValidator();
  if (!validateReport(value)) {
    let problems: InputProblem[];
    try {
      problems = ajvProblems(validateReport.errors ?? [], parseYaml(bytes, file), 'report.invalid');
    } catch {
      // Valid JSON that YAML refuses (duplicate keys): say it without positions.
      problems = (validateReport.errors ?? []).map((e) => problem(file, t2(`${e.instancePath || '/'} ${e.message ?? 'is invalid'}.`, `${e.instancePath || '/'} ${e.message ?? 'est invalide'}.`)));
    }
    throw new UserInputError(problems.map((p) => ({ ...p, hint: t2('The report was altered or truncated: use the file dmn-check wrote.', 'Le rapport a été modifié ou tronqué\u00a0: utilisez le fichier écrit par dmn-check.') })));
  }
  const report = value as unknown as Report;
  const seen = new Set<string>();
  for (const r of report.requirements) {
    if (seen.has(r.id)) throw new UserInputError(problem(file, t2(`names requirement "${r.id}" twice.`, `cite deux fois l’exigence « ${r.id} ».`)));
    seen.add(r.id);
  }
  if (!Array.isArray(report.findings)) report.findings = [];
  return report;
}

/** Reads a JSON report from disk (see `parseReport`). */
export async function readReport(absPath: string, file: string): Promise<Report> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(absPath);
  } catch (err) {
    const e = unreadable(file, err, 'report');
    throw new UserInputError(e.problems.map((p) => ({ ...p, code: 'report.invalid' })));
  }
  return parseReport(bytes, file);
}
