import { createHash } from 'node:crypto';
import type { Finding, Report } from '../report/report.js';

/**
 * Stable identities for what a report says, for tools that track an issue across runs (code
 * scanning's partialFingerprints, GitLab Code Quality's fingerprint). The key is ruleset,
 * requirement, slot, finding code and the evidence file, record or pointer concerned: never a line
 * number, so editing the manifest above a finding does not make it "new". Equal keys within one
 * report are told apart by their order.
 */
export class Fingerprints {
  private readonly seen = new Map<string, number>();

  constructor(private readonly report: Report) {}

  /** The fingerprint of a finding of `requirement` (or of the dossier when undefined). */
  finding(requirement: string | undefined, f: Finding, manifestName: string): string {
    const evidenceFile = f.file !== undefined && f.file !== manifestName ? f.file : undefined;
    return this.of(requirement ?? '', [f.slot, f.code, evidenceFile, f.record, f.pointer]);
  }

  /** The fingerprint of a requirement-level statement (not applicable, a status without findings). */
  requirement(requirement: string, what: string): string {
    return this.of(requirement, [what]);
  }

  private of(requirement: string, parts: readonly (string | number | undefined)[]): string {
    const key = [this.report.ruleset.id, requirement, ...parts.map((p) => (p === undefined ? '' : String(p)))].join('\u0000');
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n}`;
  }
}
