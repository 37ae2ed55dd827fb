import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from '../diagnostics/display-path.js';

// The rulesets shipped with dmn-check: where they are, how `id@version` names one, and the value
// the build parsed from each.

/** Folder of the rulesets shipped with dmn-check. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
export const DEFAULT_RULESET = path.join(BUNDLED_RULES_DIR, 'ans-dmn-1.2.2.yaml');
/** The bundled rulesets parsed at build time (scripts/build-validators.mjs), each with the SHA-256 of its YAML. */
const PARSED_RULES_DIR = fileURLToPath(new URL('../generated/rules/', import.meta.url));

/**
 * A bundled ruleset's value parsed at build time (`known`), if these are still the bytes it was parsed
 * from; `validAtBuild` is then whether the build found that value valid against the ruleset schema.
 */
export function parsedAtBuild(abs: string): { known: (bytes: Buffer) => unknown; validAtBuild: boolean } {
  const out = {
    validAtBuild: false,
    known: (bytes: Buffer): unknown => {
      if (path.dirname(abs) + path.sep !== BUNDLED_RULES_DIR) return undefined;
      try {
        const parsed = JSON.parse(readFileSync(path.join(PARSED_RULES_DIR, `${path.basename(abs, '.yaml')}.json`), 'utf8')) as { sha256: string; value: unknown; schemaValid?: boolean };
        if (parsed.sha256 !== createHash('sha256').update(bytes).digest('hex')) return undefined;
        out.validAtBuild = parsed.schemaValid === true;
        return parsed.value;
      } catch {
        // not built (tests run from src/), or the standalone executable: parse the YAML
        return undefined;
      }
    },
  };
  return out;
}

const BUNDLED_REF = /^([a-z][a-z0-9-]*)@([\w.-]+)$/;

/** Resolves `ans-dmn@1.2.2` to the bundled file, anything else as a path relative to `from`. */
export function resolveRef(ref: string, from: string): string {
  const bundled = BUNDLED_REF.exec(ref);
  if (bundled) return bundledRulesetFile(ref);
  return path.resolve(from, ref);
}

/** The bundled file of `id@version` (`ans-dmn-complete@1.2.2` → rules/ans-dmn-complete-1.2.2.yaml). */
export function bundledRulesetFile(ref: string): string {
  const m = BUNDLED_REF.exec(ref);
  if (!m) throw new Error(`not a bundled ruleset reference: ${ref}`);
  return path.join(BUNDLED_RULES_DIR, `${m[1]}-${m[2]}.yaml`);
}

/** Whether a bundled ruleset file exists for `ref` (`ans-dmn-complete@1.2.2`). */
export function isBundledRuleset(ref: string): boolean {
  return isBundledRef(ref) && existsSync(bundledRulesetFile(ref));
}

/** Whether `ref` has the `id@version` form of a bundled ruleset. */
export function isBundledRef(ref: string): boolean {
  return BUNDLED_REF.test(ref);
}

/** How a ruleset file is named in messages: `rules/…` for a bundled one, else relative to `cwd`. */
export function rulesetDisplayPath(abs: string, cwd: string): string {
  if (abs.startsWith(BUNDLED_RULES_DIR)) return `rules/${path.relative(BUNDLED_RULES_DIR, abs).split(path.sep).join('/')}`;
  return displayPath(abs, cwd);
}
