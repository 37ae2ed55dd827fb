import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOSSIERS, ROOT, runCli, type CliRun } from '../support/run-cli.js';
import { AS_OF, tmp } from './support.js';

/*
 * The README's "Auditors" section shows real runs: each block between `<!-- round-trip:NAME -->` and
 * `<!-- /round-trip:NAME -->` is what these runs print (`UPDATE_README=1` rewrites the blocks). The
 * screens are read (OCR) where the output shown comes from an evaluation, as users get it.
 */

const README = path.join(ROOT, 'README.md');
const KEY = 'exemple-sante-TEST-ONLY';

/** One command as the README shows it: the prompt, what it printed, its exit code when not 0. */
function shown(argv: readonly string[], run: CliRun): string {
  return `$ dmn-check ${argv.join(' ')}\n${run.stdout}${run.stderr}${run.code === 0 ? '' : `(exit ${run.code})\n`}`;
}

async function session(cwd: string, steps: readonly (readonly string[])[], read = true): Promise<{ text: string; runs: CliRun[] }> {
  let text = '';
  const runs: CliRun[] = [];
  for (const argv of steps) {
    const run = await runCli([...argv], { cwd, read });
    runs.push(run);
    text += shown(argv, run);
  }
  return { text, runs };
}

const blocks = new Map<string, string>();

function expectInReadme(name: string, text: string): void {
  blocks.set(name, `<!-- round-trip:${name} -->\n\`\`\`text\n${text}\`\`\`\n<!-- /round-trip:${name} -->`);
  const readme = readFileSync(README, 'utf8');
  const re = new RegExp(`<!-- round-trip:${name} -->[\\s\\S]*?<!-- /round-trip:${name} -->`);
  if (process.env.UPDATE_README === '1') {
    expect(readme).toMatch(re);
    writeFileSync(README, readme.replace(re, () => blocks.get(name)!));
    return;
  }
  expect(readme).toContain(blocks.get(name));
}

/** A scratch folder with a copy of the complete dossier in `dossier/`. */
function workspace(): string {
  const w = tmp();
  cpSync(path.join(DOSSIERS, 'complete'), path.join(w, 'dossier'), { recursive: true });
  return w;
}

describe("README: the auditor's round trip, from real runs", () => {
  it('replay of a report, from the folder of the report or with --root; after evidence changed', async () => {
    const w = workspace();
    const first = await session(w, [
      ['check', 'dossier/dmn-evidence.yaml', '--as-of', AS_OF, '--format', 'json', '--output', 'report.json'],
      ['replay', 'report.json'],
    ]);
    expect(first.runs.map((r) => r.code)).toEqual([0, 0]);
    expectInReadme('replay', first.text);

    // A report beside its dossier: its recorded location leaves the report's folder, so --root is needed.
    // (Read or not, the check prints nothing and the refusal is the same: the screens are not read here.)
    const beside = await session(w, [['check', 'dossier/dmn-evidence.yaml', '--as-of', AS_OF, '--format', 'json', '--output', 'reports/report.json'], ['replay', 'reports/report.json']], false);
    expect(beside.runs.map((r) => r.code)).toEqual([0, 2]);
    expectInReadme('replay-root', beside.text);
    const withRoot = await runCli(['replay', 'reports/report.json', '--root', '.'], { cwd: w });
    expect(withRoot.stdout).toMatch(/\nidentical\n$/);
    // And from any other folder, naming the same two paths.
    expect((await runCli(['replay', path.join(w, 'reports/report.json'), '--root', w], { cwd: ROOT })).code).toBe(0);

    // One screenshot edited (a byte after its end: it shows the same), another deleted.
    appendFileSync(path.join(w, 'dossier/evidence/ieu9/two-factor-1.png'), 'x');
    rmSync(path.join(w, 'dossier/evidence/ieu7/ins-login.png'));
    const after = await session(w, [['replay', 'report.json']]);
    expect(after.runs[0]!.code).toBe(1);
    expectInReadme('replay-changed', after.text);
  }, 180_000);

  it('pack signed, move the bag, replay with its seal and the signer key; a bag re-packed from altered evidence', async () => {
    const w = workspace();
    copyFileSync(path.join(ROOT, 'fixtures/keys', `${KEY}.pem`), path.join(w, `${KEY}.pem`));
    const pack = await session(w, [['pack', 'dossier/dmn-evidence.yaml', '--as-of', AS_OF, '--sign', `${KEY}.pem`, '--out', 'cardiosuivi-4.2.0']]);
    expect(pack.runs[0]!.code).toBe(0);
    expectInReadme('pack', pack.text);
    const seal = /seal \(sha256 of tagmanifest-sha256\.txt\): ([0-9a-f]{64})/.exec(pack.text)![1]!;

    // The auditor's machine: the bag in inbox/, the manufacturer's public key in keys/.
    const audit = tmp();
    mkdirSync(path.join(audit, 'inbox'));
    mkdirSync(path.join(audit, 'keys'));
    renameSync(path.join(w, 'cardiosuivi-4.2.0'), path.join(audit, 'inbox', 'cardiosuivi-4.2.0'));
    copyFileSync(path.join(ROOT, 'fixtures/keys', `${KEY}.pub`), path.join(audit, 'keys', `${KEY}.pub`));
    const trust = ['--expect-seal', seal, '--trust', `keys/${KEY}.pub`];
    const replay = await session(audit, [['replay', 'inbox/cardiosuivi-4.2.0', ...trust]]);
    expect(replay.runs[0]!.code).toBe(0);
    expect(replay.text).toMatch(/\nidentical\n$/);
    expectInReadme('replay-bag', replay.text);

    // Someone alters a file of the bag's dossier and packs data/ again: a bag complete, valid and
    // identical to its own report, that only the seal and the signature tell from the one sent.
    appendFileSync(path.join(audit, 'inbox/cardiosuivi-4.2.0/data/evidence/port1/export-documentation.md'), '\nSans objet.\n');
    const forged = await session(audit, [
      ['pack', 'inbox/cardiosuivi-4.2.0/data/dmn-evidence.yaml', '--as-of', AS_OF, '--out', 'cardiosuivi-4.2.0-bis'],
      ['replay', 'cardiosuivi-4.2.0-bis'],
      ['replay', 'cardiosuivi-4.2.0-bis', ...trust],
    ]);
    expect(forged.runs.map((r) => r.code)).toEqual([0, 0, 1]);
    expectInReadme('forged', forged.text);
  }, 180_000);
});
