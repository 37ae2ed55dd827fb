import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../support/run-cli.js';

interface Step {
  name: string;
  id?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'dmn-check.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** The only expressions the action may use: its inputs and its own folder. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.action_path') return ROOT;
    const m = /^inputs\.([\w-]+)$/.exec(expr);
    if (!m || !(m[1]! in action.inputs)) throw new Error(`action.yml uses an expression this test does not know: ${expr}`);
    return inputs[m[1]!] ?? action.inputs[m[1]!]!.default;
  });
}

/**
 * Runs the composite action's steps as the runner does (`bash --noprofile --norc -eo pipefail`,
 * GITHUB_* files, step env), in a workspace holding a copy of a fixture dossier.
 */
function runAction(dossier: string, inputs: Record<string, string> = {}) {
  const s = scratch('dmn-check-action-');
  cleanups.push(s.done);
  const workspace = path.join(s.dir, 'workspace');
  cpSync(path.join(ROOT, 'fixtures', 'dossiers', dossier), workspace, { recursive: true });
  const temp = path.join(s.dir, 'runner-temp');
  mkdirSync(temp);
  const files = { GITHUB_OUTPUT: path.join(temp, 'output'), GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const base = { PATH: process.env.PATH!, HOME: process.env.HOME ?? s.dir, LANG: 'C.UTF-8', CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: temp, ...files };
  let stdout = '';
  let code: number | null = 0;
  for (const step of action.runs.steps) {
    const env = { ...base, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)])) };
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8' });
    stdout += r.stdout + r.stderr;
    code = r.status;
    if (code !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(files.GITHUB_OUTPUT, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code, stdout, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), workspace };
}

describe('action.yml (composite)', () => {
  it('is composite, uses bash, pastes no input into a script, and maps every output to a step output', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toMatch(/\$\{\{/);
    }
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['manifest', 'rules', 'formats', 'fail-on']));
    for (const [name, o] of Object.entries(action.outputs)) expect(o.value).toBe(`\${{ steps.check.outputs.${name} }}`);
  });

  it('checks a passing dossier: annotations in the log, the Markdown summary, SARIF, JUnit and JSON reports at the paths it outputs', () => {
    const r = runAction('complete');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['exit-code']).toBe('0');
    for (const format of ['sarif', 'junit', 'json', 'markdown']) expect(existsSync(path.join(r.workspace, r.outputs[format]!)), format).toBe(true);
    expect(r.outputs.sarif).toBe('dmn-check-reports/dmn-check.sarif');
    expect(r.outputs.html).toBeUndefined();
    const sarif = JSON.parse(readFileSync(path.join(r.workspace, r.outputs.sarif!), 'utf8')) as { version: string; runs: unknown[] };
    expect(sarif.version).toBe('2.1.0');
    const report = JSON.parse(readFileSync(path.join(r.workspace, r.outputs.json!), 'utf8')) as { requirements: { status: string }[] };
    expect(report.requirements.map((q) => q.status)).toEqual(['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied']);
    expect(readFileSync(path.join(r.workspace, r.outputs.junit!), 'utf8')).toMatch(/^<\?xml[\s\S]*<testsuites/);
    // the job summary is the Markdown report
    expect(r.summary).toBe(readFileSync(path.join(r.workspace, r.outputs.markdown!), 'utf8'));
    expect(r.summary).toMatch(/^\*\*Verdict: ✅ PASS\*\*/m);
    expect(r.summary).toMatch(/\| IEU 8 \|/);
    expect(r.stdout).toMatch(/^::notice /m);
  });

  it('fails the step on a dossier that does not pass, still writing the summary and the reports', () => {
    const r = runAction('not-systematic-2fa', { formats: 'github html', manifest: 'dmn-evidence.yaml', lang: 'fr' });
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.summary).toMatch(/^\*\*Verdict\s:\s❌ NON CONFORME\*\*/m);
    expect(r.stdout).toMatch(/^::error file=dmn-evidence\.yaml,line=22,/m);
    expect(readFileSync(path.join(r.workspace, r.outputs.html!), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(r.outputs.sarif).toBeUndefined();
  });

  it('refuses an unknown format with exit 2 and an error annotation', () => {
    const bad = runAction('complete', { formats: 'github,pdf' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/^::error title=dmn-check::formats: unknown format "pdf"/m);
  });

  it('passes fail-on to the CLI: a missing requirement fails the default gate, not fail-on: failed', () => {
    expect(runAction('not-systematic-2fa').outputs['exit-code']).toBe('1');
    const lenient = runAction('not-systematic-2fa', { 'fail-on': 'failed' });
    expect(lenient.outputs['exit-code']).toBe('0');
    expect(lenient.code).toBe(0);
    const bad = runAction('complete', { 'fail-on': 'sometimes' });
    expect(bad.code).toBe(2);
  });
});
