import { describe, expect, it } from 'vitest';
import { textFormatter } from '../../src/formatters/text.js';
import type { Ruleset } from '../../src/ruleset/types.js';
import { canonicalContext, canonicalReport, RULESET } from './canonical-report.js';

describe('text formatter', () => {
  const out = textFormatter.format(canonicalReport('en'), canonicalContext('en')).split('\n');

  it('puts requirements under a heading per section, with the section’s counts', () => {
    const ieu = out.indexOf('IEU  1 satisfied · 1 not applicable · 1 missing · 1 failed');
    const port = out.indexOf('PORT  1 error');
    expect(ieu).toBeGreaterThan(0);
    expect(port).toBeGreaterThan(ieu);
    const between = out.slice(ieu, port).filter((l) => /^[✔○✖!] /.test(l)).map((l) => l.slice(2, 8).trim());
    expect(between).toEqual(['IEU 2', 'IEU 7', 'IEU 8', 'IEU 9']);
  });

  it('ends with a line per profile, then the summary', () => {
    const at = out.indexOf('By profile:');
    expect(out.slice(at, at + 4)).toEqual([
      'By profile:',
      '  Accès Usager  1 satisfied · 1 not applicable · 1 missing · 1 failed',
      '  Général       1 error',
      'Summary: 1 satisfied, 1 not applicable, 1 missing, 1 failed, 1 error — FAIL',
    ]);
  });

  it('names a section by its key and title when the ruleset declares it', () => {
    const ruleset: Ruleset = { ...RULESET, sections: [{ id: 'IEU', gridId: 'PGSSI-S', title: { en: 'Users’ electronic identification', fr: 'IE des usagers' } }] };
    const text = textFormatter.format(canonicalReport('fr'), { ...canonicalContext('fr'), ruleset });
    expect(text).toContain('IEU — IE des usagers  1 satisfaite · 1 non applicable · 1 manquante · 1 en échec\n');
  });

  it('has no section headings when every requirement is in one section', () => {
    const report = canonicalReport('en');
    const one = { ...report, requirements: report.requirements.filter((r) => r.id.startsWith('IEU')) };
    const text = textFormatter.format(one, canonicalContext('en'));
    expect(text).not.toMatch(/^IEU {2}/m);
    expect(text).toContain('By profile:\n  Accès Usager  1 satisfied');
  });
});
