import { readdirSync } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '../diagnostics/user-input-error.js';
import { both } from '../i18n/text.js';

import type { Report } from '../report/report.js';
import { BUNDLED_RULES_DIR, loadRuleset } from '../ruleset/load.js';
import type { Ruleset } from '../ruleset/types.js';
import { listParam } from '../diagnostics/list-param.js';
import { REPORT_TEXT } from './messages.js';

/** The ruleset a replay uses, and where it came from (for the user). */
export interface FoundRuleset {
  ruleset: Ruleset;
  /** `rules/ans-dmn-1.2.2.yaml`, or the --rules file as given. */
  file: string;
}

/**
 * The ruleset whose SHA-256 the report holds: `rulesFile` when given (refused if its hash differs),
 * else the bundled ruleset with that hash. Any other ruleset would evaluate a different rule set,
 * so a replay with it proves nothing: exit 2, naming both hashes.
 */
export function rulesetForReport(report: Report, reportName: string, rulesFile: string | undefined, cwd: string): FoundRuleset {
  const want = report.ruleset.sha256;
  const label = `${report.ruleset.id} ${report.ruleset.version}`;
  if (rulesFile !== undefined) {
    const ruleset = loadRuleset(rulesFile, { cwd });
    if (ruleset.sha256 !== want) {
      throw new UserInputError({
        code: 'report.invalid',
        file: reportName,
        subject: 'ruleset.sha256',
        ...both(REPORT_TEXT.rulesetHashDiffers, { ruleset: label, want, file: rulesFile, fileRuleset: `${ruleset.id} ${ruleset.version}`, got: ruleset.sha256 }),
      });
    }
    return { ruleset, file: rulesFile };
  }
  const candidates: string[] = [];
  for (const name of readdirSync(BUNDLED_RULES_DIR).filter((n) => n.endsWith('.yaml')).sort()) {
    let ruleset: Ruleset;
    try {
      ruleset = loadRuleset(path.join(BUNDLED_RULES_DIR, name), { cwd });
    } catch {
      continue; // a broken bundled file cannot be the one the report names
    }
    if (ruleset.sha256 === want) return { ruleset, file: `rules/${name}` };
    candidates.push(`rules/${name} (${ruleset.id} ${ruleset.version}, sha256 ${ruleset.sha256})`);
  }
  throw new UserInputError({
    code: 'report.invalid',
    file: reportName,
    subject: 'ruleset.sha256',
    ...both(REPORT_TEXT.noBundledRuleset, { ruleset: label, want, bundled: listParam(candidates) }),
  });
}
