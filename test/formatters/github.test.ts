import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { escapeData, escapeProperty, githubFormatter } from '../../src/formatters/github.js';
import { canonicalContext, canonicalReport } from './canonical-report.js';

interface Annotation {
  command: string;
  props: Record<string, string>;
  message: string;
}

const unescape = (s: string): string => s.replace(/%(25|0D|0A|3A|2C)/g, (_m, code: string) => String.fromCharCode(parseInt(code, 16)));

/** Reads workflow commands back as GitHub's runner does: one per line, properties split on `,` and `=`. */
function parse(out: string): Annotation[] {
  expect(out.endsWith('\n')).toBe(true);
  return out
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
      if (!m) throw new Error(`not a workflow command: ${line}`);
      const props: Record<string, string> = {};
      for (const kv of (m[2] ?? '').split(',').filter((x) => x !== '')) {
        const i = kv.indexOf('=');
        props[kv.slice(0, i)] = unescape(kv.slice(i + 1));
      }
      return { command: m[1]!, props, message: unescape(m[3]!) };
    });
}

describe('github escaping', () => {
  it.each([
    ['percent', '100%', '100%25', '100%25'],
    ['line breaks', 'a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['colon and comma', 'a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
    ['an already escaped sequence', '%0A', '%250A', '%250A'],
    ['control characters', 'bell\u0007', 'bell', 'bell'],
  ])('escapes %s', (_label, input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });
});

describe('github formatter', () => {
  const report = canonicalReport('en');
  const annotations = parse(githubFormatter.format(report, canonicalContext('en')));

  it('annotates error findings of non-satisfied requirements as errors, at the manifest line and column', () => {
    const errors = annotations.filter((a) => a.command === 'error');
    expect(errors.map((a) => a.props.title?.replace(/ \(.*$/, ''))).toEqual(['IEU 8', 'IEU 9', 'PORT 1']);
    expect(errors[0]).toEqual({
      command: 'error',
      props: { file: 'dmn-evidence.yaml', line: '21', col: '46', title: `IEU 8 (failed): ${report.requirements[2]!.title}` },
      message: `${report.requirements[2]!.findings[0]!.message}\nWhat to do: ${report.requirements[2]!.findings[0]!.hint}`,
    });
  });

  it('annotates warnings as warnings, the dossier-level one included', () => {
    const warnings = annotations.filter((a) => a.command === 'warning');
    expect(warnings.map((a) => a.props.file)).toEqual(['evidence/port1/export-doc.docx', 'evidence/port1/export.ndjson']);
    expect(warnings[1]!.props.title).toBe('Findings about the whole dossier');
  });

  it('ends with a notice that sums the dossier up', () => {
    const last = annotations.at(-1)!;
    expect(last.command).toBe('notice');
    expect(last.message).toBe('Verdict: FAIL — 1 satisfied, 1 not applicable, 1 missing, 1 failed, 1 error (ans-dmn 1.2.2, as of 2026-11-29)');
    expect(annotations.filter((a) => a.command === 'notice')).toHaveLength(1);
  });

  it('leaves no room for a message or a path to break out of its command', () => {
    const evil: Report = canonicalReport('en');
    const f = evil.requirements[2]!.findings[0]!;
    f.file = 'dossier/evidence, v2: final 100%.yaml';
    f.message = 'first line\n::set-env name=X::1\r\n::add-mask::secret';
    delete f.hint;
    evil.requirements[2]!.title = 'Title, with: separators';
    const out = githubFormatter.format(evil, canonicalContext('en'));
    const parsed = parse(out);
    expect(out.split('\n').filter((l) => l !== '').every((l) => /^::(error|warning|notice)[ :]/.test(l))).toBe(true);
    expect(parsed[0]).toEqual({
      command: 'error',
      props: { file: 'dossier/evidence, v2: final 100%.yaml', line: '21', col: '46', title: 'IEU 8 (failed): Title, with: separators' },
      message: 'first line\n::set-env name=X::1\r\n::add-mask::secret',
    });
  });

  it('leaves infos out, failing requirements’ included: GitHub allows 10 notices a step, and the summary is one', () => {
    const r: Report = canonicalReport('en');
    r.requirements[1]!.findings.push({ code: 'document.not-read', severity: 'info', message: 'left to the reviewer (passing)' });
    r.requirements[2]!.findings.push({ code: 'document.not-read', severity: 'info', message: 'left to the reviewer (failing)' });
    const notices = parse(githubFormatter.format(r, canonicalContext('en'))).filter((a) => a.command === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/^Verdict: /);
  });

  it('joins evidence paths to the manifest folder, so annotations land on repository files', () => {
    const r: Report = canonicalReport('en');
    r.manifest.path = 'docs/dossier/dmn-evidence.yaml';
    const files = parse(githubFormatter.format(r, canonicalContext('en'))).map((a) => a.props.file);
    expect(files).toEqual([
      'docs/dossier/dmn-evidence.yaml',
      'docs/dossier/dmn-evidence.yaml',
      'docs/dossier/evidence/port1/export-doc.docx',
      'docs/dossier/evidence/port1/export-doc.docx',
      'docs/dossier/evidence/port1/export.ndjson',
      undefined,
    ]);
  });
});

describe('github: input errors', () => {
  it('annotates a manifest typo (exit 2) on its line, in the language asked, and still says it on stderr', async () => {
    const { runCli, scratch } = await import('../support/run-cli.js');
    const { writeFileSync } = await import('node:fs');
    const s = scratch();
    try {
      writeFileSync(`${s.dir}/dmn-evidence.yaml`, 'dmn-evidence: 1\nproduct: { name: X, version: "1", manufacturer: Y }\nfatcs:\n  patient_access: true\n');
      const run = await runCli(['check', '-f', 'github'], { cwd: s.dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('::error file=dmn-evidence.yaml,line=3,col=1,title=dmn-check%3A invalid input::fatcs: unknown key "fatcs".%0ADid you mean "facts"?\n');
      expect(run.stderr).toMatch(/dmn-evidence\.yaml:3:1 fatcs: unknown key/);
      const fr = await runCli(['check', '-f', 'github', '--lang', 'fr'], { cwd: s.dir });
      expect(fr.stdout).toMatch(/^::error file=dmn-evidence\.yaml,line=3,col=1,title=dmn-check\u00a0%3A entrée invalide::fatcs\u00a0: clé inconnue/);
      const plain = await runCli(['check'], { cwd: s.dir });
      expect(plain.stdout).toBe('');
    } finally {
      s.done();
    }
  });
});
