import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostname } from 'node:os';
import { githubFormatter } from '../../src/formatters/github.js';
import { gitlabFormatter } from '../../src/formatters/gitlab.js';
import { htmlFormatter } from '../../src/formatters/html.js';
import { junitFormatter } from '../../src/formatters/junit.js';
import { markdownFormatter } from '../../src/formatters/markdown.js';
import { sarifFormatter } from '../../src/formatters/sarif.js';
import type { TextFormatter } from '../../src/formatters/types.js';
import { canonicalContext, canonicalReport } from './canonical-report.js';

const FORMATTERS: readonly TextFormatter[] = [junitFormatter, sarifFormatter, githubFormatter, gitlabFormatter, markdownFormatter, htmlFormatter];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe.each(FORMATTERS.map((f) => [f.name, f] as const))('%s formatter', (name, formatter) => {
  it.each(['en', 'fr'] as const)('matches its snapshot on the canonical report (%s)', async (lang) => {
    const out = formatter.format(canonicalReport(lang), canonicalContext(lang));
    await expect(out).toMatchFileSnapshot(`__snapshots__/canonical.${lang}.${name}.${formatter.extension}`);
  });

  it('has a name, a one-line description and an extension', () => {
    expect(formatter.name).toBe(name);
    expect(formatter.description).not.toMatch(/\n/);
    expect(formatter.extension).toMatch(/^[a-z]+$/);
  });
});

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it.each(FORMATTERS.map((f) => [f.name, f] as const))(
    '%s gives byte-identical output for the same report, whatever the clock, locale and time zone',
    (_name, formatter) => {
      const first = formatter.format(canonicalReport('fr'), canonicalContext('fr'));
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2031-02-03T04:05:06Z'));
      vi.stubEnv('TZ', 'Pacific/Kiritimati');
      vi.stubEnv('LANG', 'de_DE.UTF-8');
      vi.stubEnv('LC_ALL', 'de_DE.UTF-8');
      vi.stubEnv('SOURCE_DATE_EPOCH', '1');
      // A frozen report also proves the formatter does not change what it is given.
      const frozen = deepFreeze(canonicalReport('fr'));
      const second = formatter.format(frozen, canonicalContext('fr'));
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    },
  );

  it.each(FORMATTERS.map((f) => [f.name, f] as const))('%s names neither the machine nor the working folder', (_name, formatter) => {
    const out = formatter.format(canonicalReport('en'), canonicalContext('en'));
    expect(out).not.toContain(process.cwd());
    expect(out).not.toContain(hostname());
  });
});
