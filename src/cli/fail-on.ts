import type { Report } from '../report/report.js';

/** `--fail-on` thresholds, mildest first: each fails on what it names and on everything worse. */
export const FAIL_ON_LEVELS = ['warning', 'missing', 'failed', 'error'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** The contract's rule: any missing, failed or error requirement fails the run. */
export const DEFAULT_FAIL_ON: FailOn = 'missing';

/**
 * The exit code of `check` under a threshold: 1 when a requirement's status reaches it (`warning`
 * also counts a warning finding on any requirement or on the dossier), else 0. The report's verdict
 * is not changed: the threshold is the pipeline's choice, the verdict is the ruleset's.
 */
export function exitCodeFor(report: Report, failOn: FailOn = DEFAULT_FAIL_ON): 0 | 1 {
  const at = FAIL_ON_LEVELS.indexOf(failOn);
  const reaches = (level: FailOn): boolean => FAIL_ON_LEVELS.indexOf(level) >= at;
  for (const r of report.requirements) {
    if ((r.status === 'missing' || r.status === 'failed' || r.status === 'error') && reaches(r.status)) return 1;
    if (failOn === 'warning' && r.findings.some((f) => f.severity === 'warning' || f.severity === 'error')) return 1;
  }
  if (failOn === 'warning' && report.findings.some((f) => f.severity !== 'info')) return 1;
  return 0;
}
