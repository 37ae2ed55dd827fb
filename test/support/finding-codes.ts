import { catalogOf, createRegistry } from '../../src/checks/registry.js';
import { findingAnchor } from '../../src/formatters/help-links.js';

/** A parameter set that names each parameter: `‹file›` stands for the file a real finding names. */
const PLACEHOLDERS: Record<string, string> = new Proxy({}, {
  get: (_, key) => (typeof key === 'string' ? `‹${key}›` : undefined),
  has: () => true,
});

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * The README's "Finding codes" table: every code of the i18n catalogues, with its English message
 * and hint worded around placeholders, each row carrying the anchor SARIF's helpUri and GitLab's
 * Code Quality `check_name` point at.
 */
export function findingCodesTable(): string {
  const rows = Object.entries(catalogOf(createRegistry())).map(([code, def]) => {
    const hint = def.hint ? def.hint.en(PLACEHOLDERS) : '';
    return `| <a id="${findingAnchor(code)}"></a>\`${code}\` | ${cell(def.en(PLACEHOLDERS))} | ${cell(hint)} |`;
  });
  return ['| code | message (‹…› stands for what the finding names) | what to do |', '|---|---|---|', ...rows].join('\n');
}
