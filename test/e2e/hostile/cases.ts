import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, copyFileSync, cpSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { catalogOf, createRegistry } from '../../../src/checks/registry.js';
import { wordReport } from '../../../src/api/word-report.js';
import { evaluateDossier } from '../../../src/engine/evaluate.js';
import type { Report } from '../../../src/report/report.js';
import { openDossier } from '../../../src/evidence/open-dossier.js';
import { loadManifest } from '../../../src/manifest/load.js';
import { DEFAULT_RULESET, loadRuleset } from '../../../src/ruleset/load.js';
import { DOSSIERS, runCli, scratch } from '../../support/run-cli.js';
import { HOSTILE, runMeasured } from './support.js';
import { BOUNDED_CASES } from './cases-bounded.js';
import { SHAPE_CASES } from './cases-shapes.js';
import { FHIR_CASES } from './cases-fhir.js';
// @ts-expect-error plain JS module shared with the fixture generator
import { pdf } from '../../../scripts/make-example-media.mjs';

/** What a case needs to run: the manifest to check (relative to the dossier) and extra arguments. */
export interface Prepared {
  manifest?: string;
  args?: string[];
  /** The whole command line instead of `check MANIFEST …` (replay, diff, pack); run in the dossier folder. */
  argv?: string[];
  /** Environment variables for the run (a FHIR source's token). */
  env?: Record<string, string>;
  /** Runs after the command, before the outcome is read (stops a FIFO reader, …); may add to what it says. */
  after?: () => void | Promise<void>;
}

/** One kind of bad input, run through `dmn-check check` on a copy of the `complete` dossier. */
export interface HostileCase {
  /** The "Input" column of the README table; unique. */
  input: string;
  /** Writes the case into `dir`, a fresh copy of fixtures/dossiers/complete. */
  prepare?: (dir: string) => Prepared | void | Promise<Prepared | void>;
  exit: 0 | 1 | 2;
  /** What the run must say: the first error line (exit 2), or the finding shown (exit 0/1). */
  says: RegExp;
  /** Exit 2: the message names a line and column (false only when the whole file is the problem). */
  positioned?: boolean;
  /** Exit 0/1: the finding the case is about, by code; without it the input must be accepted as if it were plain. */
  finding?: string;
  /** Runs in a child process on the build, measuring peak RSS (huge inputs). */
  child?: boolean;
  /** Runs the pipeline in-process and calls this between opening the evidence and evaluating it. */
  between?: (dir: string) => void;
  /** Left out of the README table (a variant of the row before it). */
  variant?: boolean;
}

/** What a run gave. */
export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The line the table shows: the error (exit 2), or `ID slot: status — message` (exit 0/1). */
  says: string;
  report?: Report | undefined;
  /** Files left in the output folder (must be none on exit 2). */
  written: string[];
  /** Peak RSS in bytes (child runs only). */
  peakRss?: number;
  /** The case gave its own command line (`Prepared.argv`): no report.json is expected. */
  custom?: boolean;
}

const AS_OF = '2026-11-29';
const MIB = 1024 * 1024;

function edit(file: string, f: (s: string) => string): void {
  writeFileSync(file, f(readFileSync(file, 'utf8')));
}

/** Puts `value` (YAML) where the complete dossier names its IEU 7 screenshot. */
function ieu7(dir: string, value: string): void {
  edit(path.join(dir, 'dmn-evidence.yaml'), (s) => {
    if (!s.includes('ins-login-demo: evidence/ieu7/ins-login.png')) throw new Error('the complete dossier no longer names evidence/ieu7/ins-login.png');
    return s.replace('ins-login-demo: evidence/ieu7/ins-login.png', `ins-login-demo: ${value}`);
  });
}

/** A hostile manifest from fixtures/hostile/, copied next to the dossier's. */
function fixture(name: string): (dir: string) => Prepared {
  return (dir) => {
    copyFileSync(path.join(HOSTILE, name), path.join(dir, name));
    return { manifest: name };
  };
}

function write(name: string, content: string | Buffer): (dir: string) => Prepared {
  return (dir) => {
    writeFileSync(path.join(dir, name), content);
    return { manifest: name };
  };
}

/** After a refused run: the files (relative to the dossier copy) still hold what the complete dossier holds. */
function expectUnchanged(dir: string, ...files: string[]): () => void {
  return () => {
    for (const f of files) {
      const now = readFileSync(path.join(dir, f));
      const was = readFileSync(path.join(f === 'rules.yaml' ? path.dirname(DEFAULT_RULESET) : path.join(DOSSIERS, 'complete'), f === 'rules.yaml' ? path.basename(DEFAULT_RULESET) : f));
      if (!now.equals(was)) throw new Error(`${f} was changed by a refused run`);
    }
  };
}

/** Checks the dossier copy and returns its JSON report (report.json in the dossier), to alter. */
async function checkedReport(dir: string): Promise<Report> {
  const check = await runCli(['check', 'dmn-evidence.yaml', '--as-of', AS_OF, '--format', 'json', '--output', 'report.json'], { cwd: dir });
  if (check.code !== 0) throw new Error(check.stderr);
  return JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
}

const plainManifest = (): string => readFileSync(path.join(DOSSIERS, 'complete', 'dmn-evidence.yaml'), 'utf8');

/** A socket file; any process may make one, unlike a device node. */
export function makeSocket(file: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(file, () => resolve(server));
  });
}

/** A character device (same numbers as /dev/null); false when this user may not create one. */
export function makeDevice(file: string): boolean {
  try {
    execFileSync('mknod', [file, 'c', '1', '3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a single-line JSON export of about `bytes` bytes, streaming (never whole in memory), and
 * returns its SHA-256.
 */
export function writeHugeExport(file: string, bytes: number): string {
  const fd = openSync(file, 'w');
  const hash = createHash('sha256');
  let size = 0;
  const put = (s: string): void => {
    const b = Buffer.from(s);
    writeSync(fd, b);
    hash.update(b);
    size += b.length;
  };
  try {
    put('{"exportFormat":"cardiosuivi-export","formatVersion":"1.0","generatedAt":"2026-10-02T09:00:00Z","patients":[');
    let i = 0;
    while (size < bytes) {
      const batch: string[] = [];
      for (let k = 0; k < 2000; k++, i++) {
        batch.push(
          `${i ? ',' : ''}{"id":"CS-${String(i).padStart(7, '0')}","measures":[{"date":"2026-09-30T08:10:00+02:00","loinc":"29463-7","label":"Poids","value":${60 + (i % 40)}.4,"unit":"kg"},{"date":"2026-09-30T08:12:00+02:00","loinc":"8867-4","label":"Fréquence cardiaque","value":${50 + (i % 50)},"unit":"/min"}]}`,
        );
      }
      put(batch.join(''));
    }
    put(']}');
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export const HUGE_EXPORT_BYTES = 200 * MIB;

/** Every case of the corpus, in README table order. */
export const CASES: HostileCase[] = [
  // ---- the manifest file itself
  {
    input: 'YAML alias bomb ("billion laughs")',
    prepare: fixture('alias-bomb.yaml'),
    exit: 2,
    says: /^alias-bomb\.yaml:5:8 invalid YAML: Excessive alias count indicates a resource exhaustion attack\. Aliases may not expand to more than 100 nodes\.$/,
  },
  {
    input: '10,000-deep flow nesting (`a: [[[[…]]]]`)',
    prepare: write('deep-flow.yaml', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
    exit: 2,
    says: /^deep-flow\.yaml:1:67 is nested more than 64 levels deep\. Manifests and rulesets need only a few levels; look for runaway brackets or indentation here\.$/,
  },
  {
    input: '10,000-deep block nesting (`- - - - …`)',
    prepare: write('deep-block.yaml', `a:\n  ${'- '.repeat(10_000)}x\n`),
    exit: 2,
    says: /^deep-block\.yaml:2:129 is nested more than 64 levels deep\./,
  },
  {
    input: 'block mappings indented 1,000 levels deep',
    variant: true,
    prepare: write('deep-map.yaml', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n'),
    exit: 2,
    says: /^deep-map\.yaml:65:65 is nested more than 64 levels deep\./,
  },
  {
    input: 'duplicate keys',
    prepare: fixture('duplicate-keys.yaml'),
    exit: 2,
    says: /^duplicate-keys\.yaml:9:3 invalid YAML: duplicate key "patient_access" \(first at line 8\); map keys must be unique\. Each key may appear only once in a mapping\.$/,
  },
  {
    input: 'keys that differ only in YAML type (`1:` and `"1":`)',
    variant: true,
    prepare: write('typed-keys.yaml', 'dmn-evidence: 1\nfacts:\n  1: true\n  "1": false\n'),
    exit: 2,
    says: /^typed-keys\.yaml:4:3 invalid YAML: duplicate key "1" \(first at line 3\)/,
  },
  {
    input: 'custom tag `!!js/function`',
    prepare: fixture('js-function-tag.yaml'),
    exit: 2,
    says: /^js-function-tag\.yaml:4:9 unsupported YAML tag: Unresolved tag: tag:yaml\.org,2002:js\/function\. Remove the tag; only plain values are accepted\.$/,
  },
  {
    input: 'custom tag `!!python/object/apply`',
    prepare: fixture('python-object-tag.yaml'),
    exit: 2,
    says: /^python-object-tag\.yaml:5:12 unsupported YAML tag: Unresolved tag: tag:yaml\.org,2002:python\/object\/apply:os\.system\. Remove the tag/,
  },
  {
    input: 'local tag `!foo`',
    prepare: fixture('local-tag.yaml'),
    exit: 2,
    says: /^local-tag\.yaml:6:17 unsupported YAML tag: Unresolved tag: !foo\. Remove the tag/,
  },
  {
    input: '`__proto__`, `constructor`, `prototype` keys where the schema is closed',
    prepare: fixture('proto-keys-structure.yaml'),
    exit: 2,
    says: /^proto-keys-structure\.yaml:4:1 __proto__: unknown key "__proto__"\. Expected one of "dmn-evidence", "product", "ruleset", "facts", "evidence", "statements"\.$/,
  },
  {
    input: '`__proto__`, `constructor`, `prototype` as fact, requirement or slot names',
    prepare: fixture('proto-keys-names.yaml'),
    exit: 2,
    says: /^proto-keys-names\.yaml:9:3 facts\.__proto__: unknown fact\. Expected one of "patient_access", /,
  },
  {
    input: 'a PDF given as the manifest',
    prepare: write('statement.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]), (pdf(['Déclaration']) as Buffer).subarray(9)])),
    exit: 2,
    says: /^statement\.pdf:1:1 is a PDF document, not a YAML file\. Is this the right file\?/,
  },
  {
    input: 'invalid UTF-8 (a manifest saved as Latin-1)',
    prepare: write('latin1.yaml', Buffer.from(plainManifest(), 'latin1')),
    exit: 2,
    says: /^latin1\.yaml:6:29 is not valid UTF-8 \(byte offset \d+\)\. Save the file as UTF-8\.$/,
  },
  {
    input: 'a NUL byte in the manifest',
    prepare: write('nul.yaml', plainManifest().replace('CardioSuivi', 'Cardio\u0000Suivi')),
    exit: 2,
    says: /^nul\.yaml:4:15 contains a NUL byte: this is not a text file\. Is this the right file\?/,
  },
  {
    input: 'a byte-order mark (BOM)',
    prepare: write('dmn-evidence.yaml', `\ufeff${plainManifest()}`),
    exit: 0,
    says: /^accepted; the report is the one of the same manifest without it$/,
  },
  {
    input: 'a BOM, and a mistake: its position is unchanged',
    variant: true,
    prepare: write('dmn-evidence.yaml', `\ufeff${plainManifest().replace('creation-flow:', 'creaton-flow:')}`),
    exit: 2,
    says: /^dmn-evidence\.yaml:20:5 evidence\."IEU 8"\.creaton-flow: unknown slot for IEU 8\. Did you mean "creation-flow"\?$/,
  },
  {
    input: 'CRLF line endings',
    prepare: write('dmn-evidence.yaml', plainManifest().replace(/\n/g, '\r\n')),
    exit: 0,
    says: /^accepted; the report is the one of the same manifest without it$/,
  },
  {
    input: 'CRLF line endings, and a mistake: its position is the one with LF',
    variant: true,
    prepare: write('dmn-evidence.yaml', plainManifest().replace('creation-flow:', 'creaton-flow:').replace(/\n/g, '\r\n')),
    exit: 2,
    says: /^dmn-evidence\.yaml:20:5 evidence\."IEU 8"\.creaton-flow: unknown slot for IEU 8\. Did you mean "creation-flow"\?$/,
  },
  {
    input: 'an empty file',
    prepare: fixture('empty.yaml'),
    exit: 2,
    says: /^empty\.yaml:1:1 is not a dmn-check manifest \(expected a YAML mapping\)\. Run `dmn-check init` to write a template\.$/,
  },
  {
    input: 'a YAML list instead of a mapping',
    prepare: fixture('list.yaml'),
    exit: 2,
    says: /^list\.yaml:1:1 is not a dmn-check manifest \(expected a YAML mapping\)\./,
  },
  {
    input: 'a lone scalar instead of a mapping',
    prepare: fixture('scalar.yaml'),
    exit: 2,
    says: /^scalar\.yaml:1:1 is not a dmn-check manifest \(expected a YAML mapping\)\./,
  },
  {
    input: 'several YAML documents (`---`)',
    prepare: fixture('multiple-documents.yaml'),
    exit: 2,
    says: /^multiple-documents\.yaml:3:1 invalid YAML: a second document starts here \(after "---"\); a manifest or ruleset is a single document\. Keep one document/,
  },
  {
    input: 'a huge manifest (2 MB, 150,000 unknown facts)',
    prepare: write('huge.yaml', plainManifest().replace('facts:\n', `facts:\n${Array.from({ length: 150_000 }, (_, i) => `  unknown_fact_${i}: true\n`).join('')}`)),
    exit: 2,
    says: /^huge\.yaml:9:3 facts\.unknown_fact_0: unknown fact\. Expected one of "patient_access", /,
  },
  {
    input: 'a manifest over 8 MiB',
    // One byte over the limit: a comment line of 8 MiB.
    prepare: write('too-big.yaml', `#${'x'.repeat(8 * MIB - 1)}\n`),
    exit: 2,
    positioned: false,
    says: /^too-big\.yaml is 8388609 bytes; a YAML input may be at most 8388608 bytes\. A manifest names evidence files by path; it never contains them\.$/,
  },
  {
    input: 'a 1 MB value (echoed shortened)',
    prepare: write('long-value.yaml', plainManifest().replace('identity_source: own', `identity_source: ${'x'.repeat(MIB)}`)),
    exit: 2,
    says: /^long-value\.yaml:11:20 facts\.identity_source: "x{78}… is not a possible value\. Expected one of "own", "delegated"\.$/,
  },
  {
    input: 'a 1 MB product name and a 1 MB comment line',
    prepare: write('dmn-evidence.yaml', plainManifest().replace('name: CardioSuivi', `name: Cardio${'o'.repeat(MIB)}`).replace('\nfacts:', `\n#${'#'.repeat(MIB)}\nfacts:`)),
    exit: 0,
    says: /^accepted; the report is the one of the same manifest without it$/,
  },
  {
    input: 'a directory given as the manifest',
    prepare: (dir) => {
      mkdirSync(path.join(dir, 'folder.yaml'));
      return { manifest: 'folder.yaml' };
    },
    exit: 2,
    positioned: false,
    says: /^folder\.yaml is a directory, not a file\. Check the path, or run `dmn-check init` to create a manifest\.$/,
  },
  {
    input: 'a FIFO given as the manifest (nobody writes to it)',
    prepare: (dir) => {
      execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
      return { manifest: 'pipe.yaml' };
    },
    exit: 2,
    positioned: false,
    says: /^pipe\.yaml is a named pipe \(FIFO\), not a regular file\. Give the path of a YAML file\.$/,
  },
  {
    input: 'a device given as the manifest (`/dev/zero`)',
    prepare: () => ({ manifest: '/dev/zero' }),
    exit: 2,
    positioned: false,
    says: /^zero is a device, not a regular file\. Give the path of a YAML file\.$/,
  },
  {
    input: 'a hostile ruleset (`--rules` on an alias bomb)',
    prepare: (dir) => {
      copyFileSync(path.join(HOSTILE, 'alias-bomb.yaml'), path.join(dir, 'rules.yaml'));
      return { args: ['--rules', 'rules.yaml'] };
    },
    exit: 2,
    says: /^rules\.yaml:5:8 invalid YAML: Excessive alias count/,
  },

  // ---- evidence paths
  {
    input: 'a NUL byte in an evidence path',
    prepare: (dir) => ieu7(dir, '"evidence/ieu7/ins-login.png\\0.txt"'),
    exit: 2,
    says: /^dmn-evidence\.yaml:18:21 evidence\."IEU 7"\.ins-login-demo: path "evidence\/ieu7\/ins-login\.png\\u0000\.txt" contains a NUL character\. A file name cannot contain NUL/,
  },
  ...(
    [
      ['`..` alone', '".."'],
      ['`..` first', '../../complete/evidence/ieu7/ins-login.png'],
      ['`..` in the middle', 'evidence/../../x.png'],
      ['`..` last', 'evidence/../..'],
      ['`..` after `./`', '../../x.png'],
      ['`..` with backslashes', "'evidence\\..\\..\\x.png'"],
      ['`..` in a `{ path }` entry', '{ path: "evidence/ieu7/../../../x.png" }'],
      ['`..` in a list', '[evidence/ieu7/ins-login.png, "../../x.png"]'],
    ] as const
  ).map(
    ([where, value], i): HostileCase => ({
      input: i === 0 ? '`..` climbing out of the dossier, in any position' : `${where} climbing out of the dossier`,
      variant: i > 0,
      prepare: (dir) => ieu7(dir, value),
      exit: 2,
      says: /^dmn-evidence\.yaml:18:\d+ evidence\."IEU 7"\.ins-login-demo(\[\d\])?: path ".*" leaves the dossier folder\. Evidence paths are relative to the manifest folder and stay inside it \(no "\.\.", no absolute path\)\.$/,
    }),
  ),
  {
    input: '`..` in a statement document',
    variant: true,
    prepare: (dir) => {
      edit(path.join(dir, 'dmn-evidence.yaml'), (s) => `${s}statements:\n  IEU 2:\n    document: ../statement.pdf\n`);
    },
    exit: 2,
    says: /^dmn-evidence\.yaml:\d+:15 statements\."IEU 2"\.document: path "\.\.\/statement\.pdf" leaves the dossier folder\./,
  },
  {
    input: '`..` that stays inside (`evidence/../evidence/ieu7/ins-login.png`)',
    prepare: (dir) => ieu7(dir, 'evidence/../evidence/ieu7/ins-login.png'),
    exit: 0,
    says: /^accepted; the report is the one of the same manifest without it$/,
  },
  {
    input: 'an absolute path (`/etc/passwd`)',
    prepare: (dir) => ieu7(dir, '/etc/passwd'),
    exit: 2,
    says: /^dmn-evidence\.yaml:18:21 evidence\."IEU 7"\.ins-login-demo: path "\/etc\/passwd" leaves the dossier folder\. Evidence paths are relative/,
  },
  ...(
    [
      ['an absolute path into the dossier itself', (dir: string) => `"${path.join(dir, 'evidence/ieu7/ins-login.png')}"`],
      ['a Windows drive path', () => "'C:\\evidence\\x.png'"],
      ['a Windows UNC path', () => "'\\\\server\\share\\x.png'"],
    ] as const
  ).map(
    ([input, value]): HostileCase => ({
      input,
      variant: true,
      prepare: (dir) => ieu7(dir, value(dir)),
      exit: 2,
      says: /^dmn-evidence\.yaml:18:21 evidence\."IEU 7"\.ins-login-demo: path ".*" leaves the dossier folder\./,
    }),
  ),
  {
    input: 'a symbolic link pointing outside the dossier',
    prepare: (dir) => {
      symlinkSync('/etc/hostname', path.join(dir, 'evidence', 'ieu7', 'link.png'));
      ieu7(dir, 'evidence/ieu7/link.png');
    },
    exit: 2,
    says: /^dmn-evidence\.yaml:18:21 evidence\/ieu7\/link\.png leads out of the dossier folder \(symbolic link\)\. Copy the evidence into the dossier folder instead of linking to it\.$/,
  },
  {
    input: 'a linked folder pointing outside the dossier',
    variant: true,
    prepare: (dir) => {
      symlinkSync('/etc', path.join(dir, 'evidence', 'etc'));
      ieu7(dir, 'evidence/etc/hostname');
    },
    exit: 2,
    says: /^dmn-evidence\.yaml:18:21 evidence\/etc\/hostname leads out of the dossier folder \(symbolic link\)\./,
  },
  {
    input: 'a dangling symbolic link pointing outside',
    variant: true,
    prepare: (dir) => {
      symlinkSync('/nonexistent/screenshot.png', path.join(dir, 'evidence', 'ieu7', 'dangling.png'));
      ieu7(dir, 'evidence/ieu7/dangling.png');
    },
    exit: 2,
    says: /^dmn-evidence\.yaml:18:21 evidence\/ieu7\/dangling\.png leads out of the dossier folder \(symbolic link\)\./,
  },
  {
    input: 'a symbolic link loop',
    prepare: (dir) => {
      symlinkSync('loop-b.png', path.join(dir, 'evidence', 'ieu7', 'loop-a.png'));
      symlinkSync('loop-a.png', path.join(dir, 'evidence', 'ieu7', 'loop-b.png'));
      ieu7(dir, 'evidence/ieu7/loop-a.png');
    },
    exit: 1,
    finding: 'file.loop',
    says: /^IEU 7 ins-login-demo: failed — evidence\/ieu7\/loop-a\.png is a symbolic link loop\.$/,
  },

  // ---- evidence files
  {
    input: 'a FIFO as evidence (nobody writes to it)',
    prepare: (dir) => {
      execFileSync('mkfifo', [path.join(dir, 'evidence', 'ieu7', 'pipe.png')]);
      ieu7(dir, 'evidence/ieu7/pipe.png');
    },
    exit: 1,
    finding: 'file.not-regular',
    says: /^IEU 7 ins-login-demo: failed — evidence\/ieu7\/pipe\.png is a fifo, not a regular file\.$/,
  },
  {
    input: 'a socket as evidence',
    prepare: async (dir) => {
      const server = await makeSocket(path.join(dir, 'evidence', 'ieu7', 'socket.png'));
      // Closing the listener would remove the file: it stays open, but does not keep the test process alive.
      server.unref();
      ieu7(dir, 'evidence/ieu7/socket.png');
    },
    exit: 1,
    finding: 'file.not-regular',
    says: /^IEU 7 ins-login-demo: failed — evidence\/ieu7\/socket\.png is a socket, not a regular file\.$/,
  },
  {
    input: 'a directory named as a file',
    prepare: (dir) => {
      mkdirSync(path.join(dir, 'evidence', 'ieu7', 'folder.png'));
      ieu7(dir, 'evidence/ieu7/folder.png');
    },
    exit: 1,
    finding: 'file.not-regular',
    says: /^IEU 7 ins-login-demo: failed — evidence\/ieu7\/folder\.png is a directory, not a regular file\.$/,
  },
  {
    input: 'an evidence file that disappears between listing and reading',
    prepare: (dir) => {
      // Bigger than the sniffer's head, so that reading it means opening it again.
      writeFileSync(path.join(dir, 'evidence', 'port1', 'vanishing.json'), `[${'{"id":1},'.repeat(20_000)}{"id":2}]`);
      edit(path.join(dir, 'dmn-evidence.yaml'), (s) => s.replace('export-sample: evidence/port1/export.json', 'export-sample: evidence/port1/vanishing.json'));
    },
    between: (dir) => rmSync(path.join(dir, 'evidence', 'port1', 'vanishing.json')),
    exit: 1,
    finding: 'check.crashed',
    says: /^PORT 1 export-sample: error — /,
  },
  {
    input: 'an empty evidence file',
    prepare: (dir) => {
      writeFileSync(path.join(dir, 'evidence', 'ieu7', 'empty.png'), '');
      ieu7(dir, 'evidence/ieu7/empty.png');
    },
    exit: 1,
    finding: 'file.empty',
    says: /^IEU 7 ins-login-demo: failed — evidence\/ieu7\/empty\.png is empty\.$/,
  },
  {
    input: 'a 200 MB single-line JSON export',
    child: true,
    prepare: (dir) => {
      writeHugeExport(path.join(dir, 'evidence', 'port1', 'huge.json'), HUGE_EXPORT_BYTES);
      edit(path.join(dir, 'dmn-evidence.yaml'), (s) =>
        s.replace('export-sample: evidence/port1/export.json', 'export-sample: evidence/port1/huge.json').replace('creation-flow: evidence/ieu8/creation-a28.hl7', 'creation-flow: evidence/port1/huge.json'),
      );
    },
    exit: 1,
    finding: 'ins.flow-too-large',
    says: /^IEU 8 creation-flow: failed — The flow is \d+ bytes, over the 16777216-byte limit of this check\.$/,
  },

  // ---- round two: outputs, races, replay, limits (issue 12)
  {
    input: '`--output` onto the manifest',
    prepare: (dir) => ({ args: ['--format', 'html', '--output', 'dmn-evidence.yaml'], after: expectUnchanged(dir, 'dmn-evidence.yaml') }),
    exit: 2,
    positioned: false,
    says: /^dmn-evidence\.yaml is an input of this run; it was left as it is\. Write the output to another file\.$/,
  },
  {
    input: '`--output` onto an evidence file',
    variant: true,
    prepare: (dir) => ({ args: ['--format', 'text', '--output', 'evidence/ieu7/ins-login.png'], after: expectUnchanged(dir, 'evidence/ieu7/ins-login.png') }),
    exit: 2,
    positioned: false,
    says: /^evidence\/ieu7\/ins-login\.png is an input of this run; it was left as it is\./,
  },
  {
    input: '`--output` onto a symbolic or hard link to an input',
    prepare: (dir) => {
      symlinkSync('evidence/ieu7/ins-login.png', path.join(dir, 'report.html'));
      linkSync(path.join(dir, 'dmn-evidence.yaml'), path.join(dir, 'copy.txt'));
      return { args: ['--format', 'html', '--output', 'report.html', '--format', 'text', '--output', 'copy.txt'], after: expectUnchanged(dir, 'evidence/ieu7/ins-login.png', 'dmn-evidence.yaml') };
    },
    exit: 2,
    positioned: false,
    says: /^report\.html is an input of this run \(evidence\/ieu7\/ins-login\.png\); it was left as it is\. Write the output to another file\.$/,
  },
  {
    input: '`--output` onto the ruleset',
    variant: true,
    prepare: (dir) => {
      copyFileSync(DEFAULT_RULESET, path.join(dir, 'rules.yaml'));
      return { args: ['--rules', 'rules.yaml', '--format', 'text', '--output', 'rules.yaml'], after: expectUnchanged(dir, 'rules.yaml') };
    },
    exit: 2,
    positioned: false,
    says: /^rules\.yaml is an input of this run; it was left as it is\./,
  },
  {
    input: '`pack --out FILE --force` onto an evidence file',
    prepare: (dir) => ({
      argv: ['pack', 'dmn-evidence.yaml', '--as-of', AS_OF, '--out', 'evidence/ieu8/creation-a28.hl7', '--force'],
      after: expectUnchanged(dir, 'evidence/ieu8/creation-a28.hl7'),
    }),
    exit: 2,
    positioned: false,
    says: /^evidence\/ieu8\/creation-a28\.hl7 is an input of this run; it was left as it is\. Write the output to another file\.$/,
  },
  {
    input: '`--output` onto a folder',
    variant: true,
    prepare: (dir) => {
      mkdirSync(path.join(dir, 'reports'));
      return { args: ['--format', 'text', '--output', 'reports'] };
    },
    exit: 2,
    positioned: false,
    says: /^reports is a directory, not a file; it was left as it is\. Give the path of a file to write\.$/,
  },
  {
    input: '`--output` onto a FIFO (a reader waiting): written in place, still a FIFO',
    prepare: (dir) => {
      const fifo = path.join(dir, 'report.fifo');
      execFileSync('mkfifo', [fifo]);
      const reader = spawn('sh', ['-c', 'cat report.fifo > received.txt'], { cwd: dir, stdio: 'ignore' });
      const done = new Promise<void>((resolve) => reader.on('exit', () => resolve()));
      return {
        args: ['--format', 'text', '--output', 'report.fifo'],
        after: async () => {
          await done;
          if (!lstatSync(fifo).isFIFO()) throw new Error('the FIFO was replaced by a regular file');
          const got = readFileSync(path.join(dir, 'received.txt'), 'utf8');
          if (!/PASS/.test(got)) throw new Error(`the reader did not get the text report: ${JSON.stringify(got.slice(0, 200))}`);
        },
      };
    },
    exit: 0,
    says: /^accepted; the report is the one of the same manifest without it$/,
  },
  {
    input: '`--output /dev/null` run as root: written in place, still a device',
    prepare: (dir) => {
      // A device node of our own (same numbers as /dev/null) when this user may make one; else the real one.
      const device = makeDevice(path.join(dir, 'null')) ? path.join(dir, 'null') : '/dev/null';
      return {
        args: ['--format', 'text', '--output', device],
        after: () => {
          if (!lstatSync(device).isCharacterDevice()) throw new Error(`${device} is no longer a character device`);
        },
      };
    },
    exit: 0,
    says: /^accepted; the report is the one of the same manifest without it$/,
  },
  {
    input: '`--save-evidence` onto an existing file',
    prepare: () => ({ args: ['--save-evidence', 'dmn-evidence.yaml'] }),
    exit: 2,
    positioned: false,
    says: /^dmn-evidence\.yaml --save-evidence: is a file, not a folder; it was left as it is\. Give a new or existing folder/,
  },
  {
    input: 'a folder of an evidence path swapped for a link outside, after opening',
    prepare: (dir) => {
      writeFileSync(path.join(dir, 'evidence', 'port1', 'big.json'), `[${'{"id":1},'.repeat(20_000)}{"id":2}]`);
      edit(path.join(dir, 'dmn-evidence.yaml'), (s) => s.replace('export-sample: evidence/port1/export.json', 'export-sample: evidence/port1/big.json'));
    },
    between: (dir) => {
      // Same name, same size, outside the dossier: reading it would judge and hash a file the manifest does not name.
      const outside = path.join(dir, '..', 'outside');
      cpSync(path.join(dir, 'evidence', 'port1'), outside, { recursive: true });
      writeFileSync(path.join(outside, 'big.json'), `[${'{"id":3},'.repeat(20_000)}{"id":4}]`);
      renameSync(path.join(dir, 'evidence', 'port1'), path.join(dir, 'evidence', 'port1-before'));
      symlinkSync(outside, path.join(dir, 'evidence', 'port1'));
    },
    exit: 1,
    finding: 'check.crashed',
    says: /^PORT 1 [\w-]+: error — Check "[\w-]+" could not be carried out: evidence\/port1\/[\w.-]+ is no longer the file that was opened\.$/,
  },
  {
    input: 'an evidence file that grows while it is read (relative path in the message)',
    variant: true,
    prepare: (dir) => {
      writeFileSync(path.join(dir, 'evidence', 'port1', 'growing.json'), `[${'{"id":1},'.repeat(20_000)}{"id":2}]`);
      edit(path.join(dir, 'dmn-evidence.yaml'), (s) => s.replace('export-sample: evidence/port1/export.json', 'export-sample: evidence/port1/growing.json'));
    },
    between: (dir) => appendFileSync(path.join(dir, 'evidence', 'port1', 'growing.json'), ' '),
    exit: 1,
    finding: 'check.crashed',
    says: /^PORT 1 export-sample: error — Check "export-sample" could not be carried out: evidence\/port1\/growing\.json changed while it was read/,
  },
  {
    input: 'an evidence path typed in NFC for a file stored in NFD',
    prepare: (dir) => {
      renameSync(path.join(dir, 'evidence', 'ieu7', 'ins-login.png'), path.join(dir, 'evidence', 'ieu7', 'écran.png'.normalize('NFD')));
      ieu7(dir, 'evidence/ieu7/écran.png'.normalize('NFC'));
    },
    exit: 0,
    finding: 'file.unicode-form',
    says: /^IEU 7 ins-login-demo: satisfied — evidence\/ieu7\/écran\.png is stored under its name in another Unicode form \(NFD: accents as separate marks, as macOS writes them\) than the manifest types it; it was read\.$/,
  },
  {
    input: 'an evidence path typed without its accent and in another case (`Ecran.PNG` for `écran.png`)',
    prepare: (dir) => {
      renameSync(path.join(dir, 'evidence', 'ieu7', 'ins-login.png'), path.join(dir, 'evidence', 'ieu7', 'écran.png'));
      ieu7(dir, 'evidence/ieu7/Ecran.PNG');
    },
    exit: 1,
    finding: 'file.missing',
    says: /^IEU 7 ins-login-demo: missing — File evidence\/ieu7\/Ecran\.PNG does not exist\.$/,
  },
  {
    input: 'a 6,000-character evidence path',
    prepare: (dir) => ieu7(dir, `${Array.from({ length: 30 }, () => 'a'.repeat(199)).join('/')}.png`),
    exit: 1,
    finding: 'file.name-too-long',
    says: /^IEU 7 ins-login-demo: failed — The path a{79}… \(\d+ bytes\) is too long for a file system \(a name may have at most 255 bytes, a path at most 4,095\); no such file can exist\.$/,
  },
  {
    input: 'an export padded past the cap on distinct places (a 25,000-key object), its correspondents gone',
    prepare: (dir) => {
      const file = path.join(dir, 'evidence', 'port1', 'export.json');
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { patients: Record<string, unknown>[]; padding?: Record<string, number> };
      for (const p of doc.patients) delete p.correspondents;
      doc.padding = Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`k${i}`, 1]));
      writeFileSync(file, JSON.stringify(doc));
    },
    exit: 1,
    finding: 'export.dictionary.not-verified',
    says: /^PORT 1 export-dictionary: error — \d+ dictionary items? (?:is|are) not found, but the export has more distinct places than dmn-check tracks \(20,000\): their absence cannot be proved, nor their presence\.$/,
  },
  {
    input: 'an export whose outer structure is over 32 MiB (a 34 MiB note), breaking the schema there',
    child: true,
    prepare: (dir) => {
      const file = path.join(dir, 'evidence', 'port1', 'export.json');
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { export: Record<string, unknown> };
      delete doc.export.format_version;
      delete doc.export.generated_at;
      doc.export.note = 'n'.repeat(34 * MIB);
      writeFileSync(file, JSON.stringify(doc));
    },
    exit: 1,
    finding: 'export.schema.skeleton-skipped',
    says: /^PORT 1 export-schema: error — evidence\/port1\/export\.json: the outer structure of the document \(what is not a record\) holds a value over 8 MiB and was not validated against the schema; only its records were\.$/,
  },
  {
    input: 'a report naming `.ssh/id_rsa`, replayed from the folder that holds the key',
    prepare: async (dir) => {
      mkdirSync(path.join(dir, '.ssh'));
      writeFileSync(path.join(dir, '.ssh', 'id_rsa'), '-----BEGIN OPENSSH PRIVATE KEY-----\ntest key, not a real one\n-----END OPENSSH PRIVATE KEY-----\n');
      const report = await checkedReport(dir);
      report.requirements[0]!.slots[0]!.files.push({ path: '.ssh/id_rsa', sha256: '0'.repeat(64), bytes: 1, kind: 'text/plain' });
      mkdirSync(path.join(dir, 'Downloads'));
      writeFileSync(path.join(dir, 'Downloads', 'report.json'), JSON.stringify(report));
      return { argv: ['replay', 'Downloads/report.json'] };
    },
    // Below Downloads/ there is no dossier: nothing the report names is hashed, and that is said.
    exit: 2,
    positioned: false,
    says: /^Downloads\/report\.json manifest: dossier not found here; give --root DIR\. No dmn-evidence\.yaml below the report's folder: /,
  },
  {
    input: 'control characters in a manifest value (ESC, CR, LF then `::add-mask::`, U+202E)',
    prepare: (dir) => edit(path.join(dir, 'dmn-evidence.yaml'), (s) => s.replace('facts:\n', 'facts:\n  "x\\e[32mPASS\\r\\n::add-mask::y\\u202e": true\n')),
    exit: 2,
    says: /^dmn-evidence\.yaml:9:3 facts\."x\\u001b\[32mPASS\\u000d\\u000a::add-mask::y\\u202e": unknown fact\./,
  },
  {
    input: 'a report with keys named `toString`, `constructor`, `hasOwnProperty`, given to replay',
    prepare: async (dir) => {
      const report = JSON.parse(JSON.stringify(await checkedReport(dir))) as Record<string, unknown> & { requirements: Record<string, unknown>[] };
      Object.defineProperty(report, 'toString', { value: 'x', enumerable: true });
      Object.defineProperty(report.requirements[0], 'constructor', { value: 'y', enumerable: true });
      writeFileSync(path.join(dir, 'altered.json'), JSON.stringify(report));
      return { argv: ['replay', 'altered.json'] };
    },
    exit: 1,
    says: /^✖ \/toString: was "x", now \(absent\)\.$/,
  },
  {
    input: 'a report nested 200,000 deep, given to replay or diff',
    prepare: async (dir) => {
      const text = JSON.stringify(await checkedReport(dir));
      writeFileSync(path.join(dir, 'deep.json'), text.replace('"facts":{', `"extra":${'['.repeat(200_000)}0${']'.repeat(200_000)},"facts":{`));
      return { argv: ['replay', 'deep.json'] };
    },
    exit: 2,
    says: /^deep\.json:1:\d+ is nested more than 32 levels deep; a report has fewer than 10\. The report was altered: use the file dmn-check wrote\.$/,
  },
  {
    input: 'a report with 200,000 requirements, given to replay or diff',
    child: true,
    prepare: async (dir) => {
      const report = await checkedReport(dir);
      const first = report.requirements[0]!;
      report.requirements = Array.from({ length: 200_000 }, (_, i) => ({ ...first, id: `R ${i}`, findings: [], slots: [] }));
      writeFileSync(path.join(dir, 'many.json'), JSON.stringify(report));
      return { argv: ['replay', 'many.json'] };
    },
    exit: 2,
    positioned: false,
    says: /^many\.json names 200000 requirements; a report holds at most 5000 \(the whole referential has 81\)\. The report was altered: use the file dmn-check wrote\.$/,
  },
  {
    input: 'a schema `pattern` that backtracks exponentially (`^(a+)+$` on 40 a and a b)',
    child: true,
    prepare: (dir) => {
      const schemaFile = path.join(dir, 'evidence', 'port1', 'schema.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { properties: { export: { properties: Record<string, unknown> } } };
      schema.properties.export.properties.product = { type: 'string', pattern: '^(a+)+$' };
      writeFileSync(schemaFile, JSON.stringify(schema));
      const exportFile = path.join(dir, 'evidence', 'port1', 'export.json');
      const doc = JSON.parse(readFileSync(exportFile, 'utf8')) as { export: Record<string, unknown> };
      doc.export.product = `${'a'.repeat(40)}b`;
      writeFileSync(exportFile, JSON.stringify(doc));
    },
    exit: 1,
    finding: 'export.schema.violation',
    says: /^PORT 1 export-schema: failed — evidence\/port1\/export\.json, line 1, \/export\/product: does not match pattern \^\(a\+\)\+\$\.$/,
  },
  {
    input: 'a dictionary `file` glob that backtracks (`*a*a*…*c` on a 250-character name)',
    variant: true,
    child: true,
    prepare: (dir) => {
      const name = `${'a'.repeat(245)}.json`;
      renameSync(path.join(dir, 'evidence', 'port1', 'export.json'), path.join(dir, 'evidence', 'port1', name));
      edit(path.join(dir, 'dmn-evidence.yaml'), (s) => s.replace('export-sample: evidence/port1/export.json', `export-sample: evidence/port1/${name}`));
      edit(path.join(dir, 'evidence', 'port1', 'dictionary.yaml'), (s) => s.replace('file: export.json', `file: "${'*a'.repeat(14)}*c"`));
    },
    exit: 1,
    finding: 'export.dictionary.item-not-found',
    says: /^PORT 1 export-dictionary: failed — Dictionary item "export_metadata" /,
  },
  ...BOUNDED_CASES,
  ...FHIR_CASES,
  ...SHAPE_CASES,
];

const ACCEPTED = 'accepted; the report is the one of the same manifest without it';

/** Statuses and finding codes per requirement: what must not change when an input is accepted. */
function shape(report: Report): string {
  return JSON.stringify(report.requirements.map((r) => [r.id, r.status, r.findings.map((f) => f.code)]));
}

const memo = new Map<HostileCase, Promise<Outcome>>();
const cleanups: (() => void)[] = [];

/** Removes the scratch folders of every case run so far. */
export function cleanupCases(): void {
  cleanups.splice(0).forEach((f) => f());
  memo.clear();
}

/** Runs a case once (later calls share the outcome): in-process, or on the build for `child` cases. */
export function runCase(c: HostileCase): Promise<Outcome> {
  let p = memo.get(c);
  if (!p) {
    p = run(c);
    memo.set(c, p);
  }
  return p;
}

const PLAIN: HostileCase = { input: 'the complete dossier as it is', exit: 0, says: /^/ };

async function run(c: HostileCase): Promise<Outcome> {
  const o = await runOnce(c);
  // A loopback server of a case listens on an ephemeral port: the table shows where, not which.
  return { ...o, says: o.says.replace(/\b127\.0\.0\.1:\d+/g, '127.0.0.1:‹port›') };
}

async function runOnce(c: HostileCase): Promise<Outcome> {
  const s = scratch('dmn-hostile-');
  cleanups.push(s.done);
  const dir = path.join(s.dir, 'complete');
  const outDir = path.join(s.dir, 'out');
  cpSync(path.join(DOSSIERS, 'complete'), dir, { recursive: true });
  mkdirSync(outDir);
  const prepared = (await c.prepare?.(dir)) ?? {};
  const out = path.join(outDir, 'report.json');
  const argv = prepared.argv ?? ['check', prepared.manifest ?? 'dmn-evidence.yaml', '--as-of', AS_OF, '--format', 'json', '--output', out, ...(prepared.args ?? [])];
  let code: number;
  let stdout: string;
  let stderr: string;
  let peakRss: number | undefined;
  if (c.child) {
    const r = await runMeasured(argv, { cwd: dir, ...(prepared.env ? { env: prepared.env } : {}) });
    code = r.code ?? -1;
    ({ stdout, stderr, peakRss } = r);
  } else if (c.between) {
    const ruleset = loadRuleset(DEFAULT_RULESET, { cwd: dir });
    const manifest = loadManifest(prepared.manifest ?? 'dmn-evidence.yaml', ruleset, dir);
    const opened = await openDossier(manifest);
    c.between(dir);
    const registry = createRegistry();
    const evaluated = await evaluateDossier({ ruleset, manifest, opened, registry, asOf: AS_OF, tool: { name: 'dmn-check', version: 'test' }, generatedAt: '2026-11-29T10:00:00Z' });
    const report = wordReport(evaluated, 'en', catalogOf(registry));
    writeFileSync(out, JSON.stringify(report));
    code = report.verdict === 'pass' ? 0 : 1;
    stdout = '';
    stderr = '';
  } else {
    ({ code, stdout, stderr } = await runCli(argv, { cwd: dir, ...(prepared.env ? { env: prepared.env } : {}) }));
  }
  await prepared.after?.();
  const written = readdirSync(outDir);
  const report = written.includes('report.json') ? (JSON.parse(readFileSync(out, 'utf8')) as Report) : undefined;
  let says = stderr.split('\n')[0]!.replace(/^dmn-check: error: /, '');
  if (prepared.argv && code !== 2) {
    // A command of its own: what it says is its first output line the case looks for.
    says = stdout.split('\n').find((l) => c.says.test(l.trim()))?.trim() ?? stdout.split('\n')[0]!;
    return { code, stdout, stderr, says, written, custom: true, ...(peakRss !== undefined ? { peakRss } : {}) };
  }
  if (report && c.finding) {
    const req = report.requirements.find((r) => r.findings.some((f) => f.code === c.finding));
    const f = req?.findings.find((x) => x.code === c.finding);
    says = req && f ? `${req.id} ${f.slot}: ${req.slots.find((sl) => sl.name === f.slot)?.status ?? req.status} — ${f.message}` : `no ${c.finding} finding`;
  } else if (report && c !== PLAIN) {
    const plain = await runCase(PLAIN);
    says = plain.report && shape(plain.report) === shape(report) ? ACCEPTED : `accepted, but the report differs: ${shape(report)}`;
  }
  return { code, stdout, stderr, says, report, written, ...(peakRss !== undefined ? { peakRss } : {}) };
}

/** The peak RSS of a plain run of the complete dossier on the build: the baseline huge inputs are measured against. */
export async function baselinePeakRss(): Promise<number> {
  const s = scratch('dmn-hostile-');
  cleanups.push(s.done);
  const r = await runMeasured(['check', path.join(DOSSIERS, 'complete', 'dmn-evidence.yaml'), '--as-of', AS_OF, '--format', 'json', '--output', path.join(s.dir, 'r.json')], { cwd: s.dir });
  return r.peakRss;
}
