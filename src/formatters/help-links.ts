/**
 * Where a reader of a report (code scanning, GitLab, a hint) finds what a finding code means: the
 * README's "Finding codes" table, one anchor per code, published with the package. package.json's
 * `homepage` names the same page (a test keeps them equal).
 */
export const README_URL = 'https://www.npmjs.com/package/dmn-check';

/** `finding-slot-missing` for `slot.missing`: the README anchor of a finding code. */
export function findingAnchor(code: string): string {
  return `finding-${code.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}

/** The absolute URL of a finding code's explanation. */
export function findingHelpUri(code: string): string {
  return `${README_URL}#${findingAnchor(code)}`;
}

/** The README section of the bundled ruleset (requirements, slots, N/A conditions). */
export const RULESET_HELP_URI = `${README_URL}#the-bundled-ruleset`;

/** `IEU-2`: a requirement id as a rule id for tools that want no spaces (SARIF, Code Quality). */
export function ruleIdOf(requirementId: string): string {
  return requirementId.trim().replace(/\s+/g, '-');
}
