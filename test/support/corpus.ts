import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { shows, type ShowsOptions } from '../../src/checks/files/shows.js';
import { createMemo } from '../../src/checks/memo.js';
import { openEvidenceFile } from '../../src/evidence/evidence-file.js';
import type { EvidenceReader } from '../../src/evidence/read/reader.js';
import { DEFAULT_RULESET, loadRuleset } from '../../src/ruleset/load.js';
import type { RawFinding } from '../../src/report/report.js';
import { ROOT } from './run-cli.js';

export const SCREENS = path.join(ROOT, 'fixtures', 'screens');

export interface CorpusScreen {
  file: string;
  size: 'desktop' | 'phone';
  illegible?: boolean;
  /** By requirement: whether the screen shows what the requirement's `shows` check asks. */
  shows: Record<string, boolean>;
}

export function corpus(): CorpusScreen[] {
  return (JSON.parse(readFileSync(path.join(SCREENS, 'corpus.json'), 'utf8')) as { screens: CorpusScreen[] }).screens;
}

/** The `shows` options the bundled ruleset gives each requirement's screenshot slot. */
export function bundledShowsOptions(): Map<string, { slot: string; options: ShowsOptions }> {
  const rs = loadRuleset(DEFAULT_RULESET);
  const out = new Map<string, { slot: string; options: ShowsOptions }>();
  for (const req of rs.requirements) {
    for (const slot of req.slots) {
      const use = slot.checks.find((c) => c.check === 'shows');
      if (use) out.set(req.id, { slot: slot.name, options: use.options as unknown as ShowsOptions });
    }
  }
  return out;
}

export interface Verdict {
  file: string;
  requirement: string;
  expected: boolean;
  /** True when the check let the slot pass (no error finding). */
  passed: boolean;
  findings: RawFinding[];
}

/** Runs the bundled `shows` check of each labelled requirement on each corpus screen, alone in its slot. */
export async function judgeCorpus(reader: EvidenceReader, screens = corpus()): Promise<Verdict[]> {
  const rules = bundledShowsOptions();
  const root = realpathSync(SCREENS);
  const shared = createMemo();
  const jobs: Promise<Verdict>[] = [];
  for (const s of screens) {
    const opened = await openEvidenceFile(root, s.file);
    if (!opened.ok) throw new Error(`${s.file}: ${opened.reason}`);
    for (const [requirement, expected] of Object.entries(s.shows)) {
      const rule = rules.get(requirement)!;
      jobs.push(
        Promise.resolve(
          shows.run({ requirement, slot: rule.slot, files: [opened.file], options: rule.options, facts: {}, asOf: '2026-11-29', provided: new Set(), shared, reader }),
        ).then((r) => ({ file: s.file, requirement, expected, passed: !r.findings.some((f) => f.severity === 'error'), findings: r.findings })),
      );
    }
  }
  return Promise.all(jobs);
}

/** True/false passes and failures, the figures the README gives. */
export function tally(verdicts: readonly Verdict[]): { truePass: number; falsePass: number; trueFail: number; falseFail: number } {
  const t = { truePass: 0, falsePass: 0, trueFail: 0, falseFail: 0 };
  for (const v of verdicts) {
    if (v.expected && v.passed) t.truePass++;
    else if (v.expected) t.falseFail++;
    else if (v.passed) t.falsePass++;
    else t.trueFail++;
  }
  return t;
}
