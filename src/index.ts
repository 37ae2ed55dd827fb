/**
 * dmn-check's programmatic API: the core without a terminal. The CLI is one client of it.
 *
 * ```js
 * import { checkDossier, FORMATTERS } from 'dmn-check';
 * const report = await checkDossier({ manifest: 'dmn-evidence.yaml', lang: 'fr' });
 * ```
 */
export { checkDossier, checkDossierDetailed, type CheckDossierOptions, type CheckedDossier } from './api/check-dossier.js';
export { replay, type ReplayOptions, type Replayed } from './api/replay.js';
export { TOOL } from './api/tool.js';
export { diffReports, isWorse, type ReportDiff, type RequirementChange, type ChangeKind } from './audit/report-diff.js';
export { packDossier, type PackInput, type PackResult } from './audit/pack.js';
export { verifyBag, type BagVerification, type BagProblem } from './audit/bag-verify.js';
export { readReport, parseReport } from './audit/read-report.js';
export type { ReplayOutcome, ReplayDifference } from './audit/replay.js';
export { loadRuleset, DEFAULT_RULESET, BUNDLED_RULES_DIR, type LoadRulesetOptions } from './ruleset/load.js';
export type { Ruleset, RequirementDef, SlotDef, FactDef, Condition, Localized, FactValue } from './ruleset/types.js';
export { loadManifest } from './manifest/load.js';
export type { Manifest } from './manifest/types.js';
export { FORMATTERS, textFormat } from './formatters/registry.js';
export type { BinaryFormatter, Formatter, FormatContext, TextFormatter } from './formatters/types.js';
export { BUILTIN_CHECKS, createRegistry, catalogOf, type CheckRegistry } from './checks/registry.js';
export { defineCheck, type Check, type CheckContext, type CheckResult } from './checks/types.js';
export { UserInputError } from './diagnostics/user-input-error.js';
export { word, detectLang, type Lang, type Catalog, type MessageDef } from './i18n/index.js';
export {
  worst,
  STATUS_RANK,
  type Status,
  type Severity,
  type Finding,
  type RawFinding,
  type Report,
  type RequirementReport,
  type SlotReport,
  type FileReport,
  type StatementReport,
} from './report/report.js';
export { REPORT_SCHEMA, REPORT_FORMAT } from './report/schema.js';
