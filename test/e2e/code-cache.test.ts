import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../support/run-cli.js';

/**
 * bin/load-bundle.js: the bundle compiled from V8's code cache, one file for each command, in the
 * node_modules/.cache/dmn-check/ of the node_modules that holds dmn-check. dmn-check is laid out here
 * as an installed package (its own folder under a node_modules, its dependencies beside it).
 */
describe('the code cache of the bundle', () => {
  const s = scratch('dmn-check-cache-');
  const pkg = path.join(s.dir, 'node_modules', 'dmn-check');
  const cache = path.join(s.dir, 'node_modules', '.cache', 'dmn-check');
  const manifest = path.join(ROOT, 'fixtures', 'dossiers', 'complete', 'dmn-evidence.yaml');
  const check = ['check', manifest, '--as-of', '2026-11-29', '--format', 'json', '--no-read'];

  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'dmn-check.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    mkdirSync(pkg, { recursive: true });
    // bin/ is copied: Node resolves a linked entry script to its target, which would be this checkout
    cpSync(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    for (const dir of ['dist', 'rules', 'node_modules']) symlinkSync(path.join(ROOT, dir), path.join(pkg, dir));
  }, 300_000);
  afterAll(() => s.done());

  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(pkg, 'bin', 'dmn-check.js'), ...args], { cwd: s.dir, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', SOURCE_DATE_EPOCH: '1795946400', ...env } });
  const files = (command: string) => (existsSync(cache) ? readdirSync(cache).filter((f) => f.includes(`-${command}-`)) : []);

  it('is written by the second run of a command and used by the next, with the same results as without it', () => {
    rmSync(cache, { recursive: true, force: true });
    const none = run(check, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(none.status).toBe(0);
    expect(existsSync(cache)).toBe(false);

    // the first run only leaves its mark (a CI job that runs dmn-check once does not pay for saving)
    const first = run(check);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(none.stdout);
    expect(files('check').map((f) => path.extname(f))).toEqual(['.seen']);

    const second = run(check);
    expect(second.stdout).toBe(none.stdout);
    const bin = files('check').filter((f) => f.endsWith('.bin'));
    expect(bin).toHaveLength(1);
    const file = path.join(cache, bin[0]!);
    const written = statSync(file).mtimeMs;

    const third = run(check);
    expect(third.stdout).toBe(none.stdout);
    // accepted: not written again
    expect(statSync(file).mtimeMs).toBe(written);

    // another command has a file of its own
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dmn-check/);
    run(['--help']);
    expect(files('other').filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect(run(['--help']).stdout).toBe(help.stdout);
  });

  it('is replaced when damaged, and files of an older bundle are removed', () => {
    run(check);
    const file = path.join(cache, files('check').find((f) => f.endsWith('.bin'))!);
    const good = readFileSync(file);
    const damaged = Buffer.from(good);
    const middle = damaged.length >> 1;
    damaged[middle] = damaged[middle]! ^ 0xff;
    writeFileSync(file, damaged);
    const old = path.join(cache, `${'0'.repeat(32)}-check-v20.0.0-x64.bin`);
    writeFileSync(old, good);

    const r = run(check);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary).toMatchObject({ satisfied: 5 });
    expect(readFileSync(file).equals(damaged)).toBe(false);
    expect(existsSync(old)).toBe(false);

    writeFileSync(file, good.subarray(0, 100));
    expect(run(check).stdout).toBe(r.stdout);
  });

  it('is left out where it cannot be written, without a word', () => {
    rmSync(path.join(s.dir, 'node_modules', '.cache'), { recursive: true, force: true });
    // a file where the folder would be (a read-only folder would not stop root)
    writeFileSync(path.join(s.dir, 'node_modules', '.cache'), '');
    const r = run(check);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary).toMatchObject({ satisfied: 5 });
    rmSync(path.join(s.dir, 'node_modules', '.cache'));
  });

  it('has a file for each command of the CLI', async () => {
    const { COMMANDS } = (await import(path.join(ROOT, 'bin', 'load-bundle.js'))) as { COMMANDS: string[] };
    const help = run(['--help']).stdout;
    const listed = [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}([a-z]+)/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect([...COMMANDS].sort()).toEqual([...listed].sort());
  });
});
