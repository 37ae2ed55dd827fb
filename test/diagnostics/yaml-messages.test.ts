import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/diagnostics/user-input-error.js';
import { parseYaml } from '../../src/diagnostics/yaml-source.js';

/** The first problem of a YAML text that does not parse: where, and what it says in each language. */
function problem(text: string): { line: number | undefined; en: string; fr: string } {
  try {
    parseYaml(Buffer.from(text), 'dmn-evidence.yaml');
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    const p = err.problems[0]!;
    const words = (w: unknown): { en: string; fr: string } => (typeof w === 'string' ? { en: w, fr: w } : (w as { en: string; fr: string }));
    const m = words(p.message);
    const h = words(p.hint);
    return { line: p.line, en: `${m.en} ${h.en}`, fr: `${m.fr} ${h.fr}` };
  }
  throw new Error('parsed');
}

describe('YAML errors a user meets, worded in French and English (FRENCH.md 5 and 6)', () => {
  it('a Windows path in double quotes: "\\" starts a special character', () => {
    const p = problem('evidence:\n  IEU 2:\n    demo: "preuves\\IEU 2\\capture.png"\n');
    expect(p.line).toBe(3);
    expect(p.fr).toBe("YAML invalide\u00a0: entre guillemets doubles, « \\ » introduit un caractère spécial (ici « \\I »). Écrivez le chemin avec des « / » (preuves/IEU 2 – modif identité/…), ou entre guillemets simples ('…').");
    expect(p.en).toMatch(/^invalid YAML: Invalid escape sequence \\I\. Inside double quotes, "\\" starts a special character\. Write paths with "\/"/);
  });

  it.each([
    ['a: b: c\n', 'YAML invalide\u00a0: une seconde « clé\u00a0: » sur la même ligne (`a: b: c`).'],
    ['facts\npatient_access: true\n', 'YAML invalide\u00a0: une clé s’étend sur deux lignes (une ligne sans « : » juste avant ?).'],
    ['facts:\n\tpatient_access: true\n', 'YAML invalide\u00a0: la tabulation n’est pas admise pour indenter.'],
    ['facts:\n  patient_access: true\n ins_applicable: true\n', 'YAML invalide\u00a0: cette ligne n’est pas indentée comme les autres lignes de son bloc.'],
    ['product: { name: "CardioSuivi }\n', 'YAML invalide\u00a0: un guillemet fermant manque.'],
  ])('%j', (text, fr) => {
    const p = problem(text);
    expect(p.fr.startsWith(fr), p.fr).toBe(true);
    // no English left inside the French message
    expect(p.fr).not.toMatch(/\b(mapping|implicit|allowed|Missing|must)\b/);
  });
});
