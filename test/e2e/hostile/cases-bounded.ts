// Round two of the hostile corpus (issue 12, items 10 and 11): inputs built to exhaust memory, disk or
// time. Each runs in a child process on the build, its peak RSS measured (bad-input.test.ts holds
// every one to 256 MiB).
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { HostileCase } from './cases.js';
import { bagTags, buildZip, localHeader, sizeOf, stored, zeroDeflate, type RawEntry } from './zips.js';

/** A zipped bag `bag/` holding `payload`, its Payload-Oxum as given (default: what the payload declares). */
function bagZip(file: string, payload: RawEntry[], oxum?: string): void {
  const bytes = payload.reduce((n, e) => n + e.size, 0);
  writeFileSync(file, buildZip([...bagTags(oxum ?? `${bytes}.${payload.length}`), ...payload]));
}

/** A folder bag `bag/` whose payload manifest lists `lines` files that are not there (one small file is). */
function manyLinesBag(dir: string, lines: number): void {
  const bag = path.join(dir, 'bag');
  mkdirSync(path.join(bag, 'data'), { recursive: true });
  writeFileSync(path.join(bag, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  writeFileSync(path.join(bag, 'data', 'report.json'), '{}');
  const fd = openSync(path.join(bag, 'manifest-sha256.txt'), 'w');
  try {
    for (let i = 0; i < lines; i += 10_000) {
      writeSync(fd, Array.from({ length: Math.min(10_000, lines - i) }, (_, k) => `${'0'.repeat(64)}  data/m/${i + k}.bin\n`).join(''));
    }
  } finally {
    closeSync(fd);
  }
}

const zeros = (name: string, mib: number): RawEntry => ({ name, method: 8, ...zeroDeflate(mib) });

export const BOUNDED_CASES: HostileCase[] = [
  // ---- zips given to replay (item 10)
  {
    input: 'a 1 MB zip bomb given to `replay` (an entry that inflates to 1 GiB), its Payload-Oxum saying 1 KB',
    child: true,
    prepare: (dir) => {
      bagZip(path.join(dir, 'bomb.zip'), [zeros('bag/data/zeros.bin', 1024)], '1024.1');
      return { argv: ['replay', 'bomb.zip'] };
    },
    exit: 2,
    positioned: false,
    says: /^bomb\.zip was not unpacked: its payload entries declare 1073741824 bytes, more than the 1024 of its Payload-Oxum \(bag-info\.txt\)\. A bag made by `dmn-check pack` unpacks to what it declares/,
  },
  {
    input: 'a zip entry that inflates past the size it declares (1 KiB declared, 1 GiB of zeros deflated)',
    variant: true,
    child: true,
    prepare: (dir) => {
      bagZip(path.join(dir, 'liar.zip'), [{ ...zeros('bag/data/zeros.bin', 1024), size: 1024 }]);
      return { argv: ['replay', 'liar.zip'] };
    },
    exit: 2,
    positioned: false,
    says: /^liar\.zip was not unpacked: bag\/data\/zeros\.bin: inflates past the 1024 bytes it declares\./,
  },
  {
    input: 'a zip entry of 300 MiB of zeros (300 KB deflated), declared as it is: unpacked as a stream',
    variant: true,
    child: true,
    prepare: (dir) => {
      bagZip(path.join(dir, 'big.zip'), [zeros('bag/data/zeros.bin', 300)]);
      return { argv: ['replay', 'big.zip'] };
    },
    // unpacked within 256 MiB, then judged: a bag without manifests is not valid
    exit: 1,
    says: /^Bag big\.zip: not valid: 2 problems$/,
  },
  {
    input: 'zip central entries that share one local entry (1 MB that would unpack to 3 GiB)',
    child: true,
    prepare: (dir) => {
      const tags = bagTags('3221225472.3');
      const bomb = zeros('bag/data/a.bin', 1024);
      const shared = ['b', 'c'].map((x) => ({ entry: { ...bomb, name: `bag/data/${x}.bin` }, offset: sizeOf(tags) }));
      const zip = buildZip([...tags, bomb], shared);
      writeFileSync(path.join(dir, 'shared.zip'), zip);
      return { argv: ['replay', 'shared.zip'] };
    },
    exit: 2,
    positioned: false,
    says: /^shared\.zip is not a readable zip \(bag\/data\/b\.bin: its local header names "bag\/data\/a\.bin", the central directory "bag\/data\/b\.bin"\)\./,
  },
  {
    input: "zip entries that overlap (one entry's stored bytes hold another's local header)",
    variant: true,
    child: true,
    prepare: (dir) => {
      const inner = zeros('bag/data/b.bin', 256);
      const innerBytes = Buffer.concat([localHeader(inner), inner.data]);
      const outer = stored('bag/data/a.bin', innerBytes);
      const tags = bagTags(`${outer.size + inner.size}.2`);
      writeFileSync(path.join(dir, 'overlap.zip'), buildZip([...tags, outer], [{ entry: inner, offset: sizeOf(tags) + localHeader(outer).length }]));
      return { argv: ['replay', 'overlap.zip'] };
    },
    exit: 2,
    positioned: false,
    says: /^overlap\.zip is not a readable zip \(bag\/data\/a\.bin: its data overlaps entry "bag\/data\/b\.bin"\)\./,
  },
  {
    input: 'a zip entry whose local header names another file than the central directory',
    variant: true,
    prepare: (dir) => {
      bagZip(path.join(dir, 'renamed.zip'), [{ ...stored('bag/data/report.json', '{}'), localName: 'bag/data/evil.json' }]);
      return { argv: ['replay', 'renamed.zip'] };
    },
    exit: 2,
    positioned: false,
    says: /^renamed\.zip is not a readable zip \(bag\/data\/report\.json: its local header names "bag\/data\/evil\.json", the central directory "bag\/data\/report\.json"\)\./,
  },

  // ---- bag manifests (item 11)
  {
    input: 'a bag manifest of 500,000 lines, each a missing file: the first 100 problems, and a count',
    child: true,
    prepare: (dir) => {
      manyLinesBag(dir, 500_000);
      return { argv: ['replay', 'bag'] };
    },
    exit: 1,
    says: /^… and 499902 more problems, not shown\.$/,
  },
  {
    input: 'a bag manifest of 1,500,000 lines (100 MB): read up to 64 MiB',
    variant: true,
    child: true,
    prepare: (dir) => {
      manyLinesBag(dir, 1_500_000);
      return { argv: ['replay', 'bag'] };
    },
    exit: 1,
    says: /^✖ manifest-sha256\.txt is over 67108864 bytes; it was not read further\.$/,
  },

  // ---- a small heap (item 16)
  {
    input: 'a 4 MB manifest of 150,000 keys under `--max-old-space-size=128`',
    child: true,
    prepare: (dir) => {
      const manifest = readFileSync(path.join(dir, 'dmn-evidence.yaml'), 'utf8');
      writeFileSync(path.join(dir, 'huge.yaml'), manifest.replace('facts:\n', `facts:\n${Array.from({ length: 150_000 }, (_, i) => `  unknown_fact_${i}: true\n`).join('')}`));
      return { manifest: 'huge.yaml', env: { NODE_OPTIONS: '--max-old-space-size=128' } };
    },
    exit: 2,
    positioned: false,
    says: /^huge\.yaml needs about 294 MiB of memory to be read, more than this Node\.js process has left under its heap limit of \d+ MiB\. Give Node\.js more memory/,
  },
];
