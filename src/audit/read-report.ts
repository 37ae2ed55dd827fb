import { promises as fsp } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../diagnostics/ajv.js';
import { ajvProblems } from '../diagnostics/ajv-problems.js';
import { UserInputError, type InputProblem } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';

import { parseYaml } from '../diagnostics/yaml-source.js';
import { unreadable } from '../diagnostics/input-file.js';
import type { Report, Localized } from '../report/report.js';
import { REPORT_FORMAT, REPORT_SCHEMA } from '../report/schema.js';
import { findJsonError, type JsonSyntaxReason } from '../evidence/formats/json/syntax.js';
import { REPORT_TEXT } from './messages.js';

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
function jsonError(text: string): { line?: number; column?: number; why: JsonSyntaxReason } {
  const e = findJsonError(text);
  if (!e) return { why: 'unexpected-character' };
  const before = text.slice(0, e.offset);
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n'), why: e.reason };
}

/**
 * Parses and validates a JSON report (format 1). Anything else — not JSON, a newer format, a
 * missing or mistyped field, a duplicated requirement — is a UserInputError naming the place.
 */
export function parseReport(bytes: Buffer, file: string): Report {
  const hint = both(REPORT_TEXT.giveReport, {}).message;
  const altered = both(REPORT_TEXT.reportAltered, {}).message;
  if (bytes.length > MAX_REPORT_BYTES) throw new UserInputError(problem(file, both(REPORT_TEXT.reportTooLarge, { bytes: bytes.length }).message));
  const text = bytes.toString('utf8');
  const deep = tooDeep(text, MAX_REPORT_DEPTH);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    throw new UserInputError(
      problem(
        file,
        both(REPORT_TEXT.reportTooDeep, { max: MAX_REPORT_DEPTH }).message,
        altered,
        { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') },
      ),
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { why, ...at } = jsonError(text);
    throw new UserInputError(problem(file, both(REPORT_TEXT.notJson, { reason: why }).message, hint, at));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('report' in value)) {
    throw new UserInputError(problem(file, both(REPORT_TEXT.notAReport, {}).message, hint));
  }
  const requirements = (value as { requirements?: unknown }).requirements;
  if (Array.isArray(requirements) && requirements.length > MAX_REQUIREMENTS) {
    throw new UserInputError(
      problem(
        file,
        both(REPORT_TEXT.tooManyRequirements, { count: requirements.length, max: MAX_REQUIREMENTS }).message,
        altered,
      ),
    );
  }
  const format = (value).report;
  if (typeof format === 'number' && Number.isInteger(format) && format > REPORT_FORMAT) {
    const newer = both(REPORT_TEXT.newerFormat, { format, readable: REPORT_FORMAT });
    throw new UserInputError(problem(file, newer.message, newer.hint));
  }
  const validateReport = reportValidator();
  if (!validateReport(value)) {
    let problems: InputProblem[];
    try {
      problems = ajvProblems(validateReport.errors ?? [], parseYaml(bytes, file), 'report.invalid');
    } catch {
      // Valid JSON that YAML refuses (duplicate keys): say it without positions.
      problems = (validateReport.errors ?? []).map((e) => problem(file, both(REPORT_TEXT.invalidAt, { pointer: e.instancePath || '/', detail: e.message }).message));
    }
    const alteredOrTruncated = both(REPORT_TEXT.alteredOrTruncated, {}).message;
    throw new UserInputError(problems.map((p) => ({ ...p, hint: alteredOrTruncated })));
  }
  const report = value as unknown as Report;
  const seen = new Set<string>();
  for (const r of report.requirements) {
    if (seen.has(r.id)) throw new UserInputError(problem(file, both(REPORT_TEXT.requirementTwice, { requirement: r.id }).message));
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
