import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml, type YamlSource } from '../../src/diagnostics/yaml-source.js';
import { positionOf } from '../../src/diagnostics/yaml-position.js';
import { fastYaml, type FastYaml } from '../../src/diagnostics/fast-yaml.js';

/** Every path of a parsed value (mapping keys and sequence indexes), the root included. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

/**
 * The fast reader's contract: when it accepts a text, the library accepts it too, with the same
 * value, and every position it gives (key or value, at every path, and past the end) is the library's.
 */
function expectSameAsLibrary(text: string): FastYaml | undefined {
  const fast = fastYaml(text);
  if (!fast) return undefined;
  let slow: YamlSource;
  try {
    slow = parseYaml(Buffer.from(text), 'm.yaml');
  } catch (err) {
    throw new Error(`fast reader accepted what the library refuses: ${JSON.stringify(text)}`, { cause: err });
  }
  expect(fast.value, JSON.stringify(text)).toEqual(slow.value);
  expect(Object.getPrototypeOf(fast.value)).toBe(null);
  for (const p of [...paths(slow.value), ['no-such-key'], ['evidence', 'IEU 8', 'missing', 3]]) {
    for (const key of [false, true]) {
      const got = fast.locate('m.yaml', p, key);
      if (got) expect(got, `${JSON.stringify(text)} at ${JSON.stringify(p)} key=${key}`).toEqual(positionOf(slow, p, key));
    }
  }
  return fast;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

describe('fast manifest reader', () => {
  it('reads every example manifest as the yaml library does (values and positions)', () => {
    const manifests = yamlFiles('fixtures').filter((f) => path.basename(f) === 'dmn-evidence.yaml');
    expect(manifests.length).toBeGreaterThan(5);
    let accepted = 0;
    for (const f of manifests) if (expectSameAsLibrary(readFileSync(f, 'utf8'))) accepted++;
    // The subset is what manifests are written in: most examples take the fast path.
    expect(accepted).toBeGreaterThan(manifests.length / 2);
  });

  it('reads the example data dictionaries too, with a position for every item and location', () => {
    const dictionaries = yamlFiles('fixtures').filter((f) => /dictionary/.test(path.basename(f)) && /^dmn-data-dictionary: 1$/m.test(readFileSync(f, 'utf8')));
    expect(dictionaries.length).toBeGreaterThan(3);
    const placed = dictionaries.filter((f) => {
      const fast = expectSameAsLibrary(readFileSync(f, 'utf8'));
      const items = (fast?.value.items ?? []) as { location: unknown }[];
      return fast !== undefined && items.every((item, i) => fast.locate(f, ['items', i]) && (Array.isArray(item.location) ? item.location.every((_, j) => fast.locate(f, ['items', i, 'location', j])) : fast.locate(f, ['items', i, 'location'])));
    });
    expect(placed.length).toBeGreaterThan(dictionaries.length / 2);
  });

  it('agrees with the library on every other YAML file of the repository it accepts', () => {
    for (const f of [...yamlFiles('fixtures'), ...yamlFiles('rules')]) expectSameAsLibrary(readFileSync(f, 'utf8'));
  });

  it('leaves to the library what it does not model', () => {
    const outside = [
      'a: [x, [y]]\n',
      'a: []\n',
      'a: [x,]\n',
      'a: {b: {c: 1}}\n',
      'a: {}\n',
      'a: {b}\n',
      'a: {b: 1, b: 2}\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: one\n  two\n',
      'a: "one\n  two"\n',
      'a:\n\t- x\n',
      'a: x\r\n',
      'a: 1\na: 2\n',
      '- x\n',
      'x\n',
      '',
      '---\na: 1\n',
      'a: "x\\ty"\n',
      'a:\n  -\n    b: 1\n',
      'a: 0x1F\n',
      'a: .inf\n',
      'true: 1\n',
      '1: x\n',
      '? a\n: b\n',
      'a: b: c\n',
      'a: x\u0000\n',
      '  a: 1\n',
      'a:\n  b: 1\n c: 2\n',
    ];
    for (const text of outside) expect(fastYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('gives the library’s values and positions on generated manifests', () => {
    const plain = fc.constantFrom('evidence/a.png', 'x', 'Jeanne Martin', '2026-11-29', '1.2.0', '42', '-3', '1.5', '2e3', 'true', 'False', 'null', '~', 'a:b', 'a#b', 'é/ü.txt', '__proto__', 'constructor', 'a b  c', 'x-', 'x:', 'a,b', 'it"s', "l'a", '0', '+1', '.5', '1.', '007', 'NULL', 'yes', 'https://a.example/fhir?x=1&y=2');
    const scalar = fc.oneof(
      plain,
      plain.map((s) => `"${s}"`),
      plain.map((s) => `'${s.replace(/'/g, "''")}'`),
      fc.constant("'it''s'"),
      fc.constant('""'),
    );
    const trail = fc.constantFrom('', '', '  ', ' # note', '   #note');
    const keyName = fc.constantFrom('product', 'name', 'evidence', '"IEU 8"', "'IEU 9'", 'IEU 2', 'creation-flow', 'slot_b', 'a:b', 'é', '__proto__', 'a#b', '"x""', 'k y');
    const gap = fc.constantFrom('', '', '\n', '# comment\n', '  # indented comment\n', '\n\n');
    type Tree = { kind: 'fmap'; pairs: [string, string][]; sep: string; t: string } | { kind: 'flow'; items: string[]; sep: string; t: string } | { kind: 'scalar'; v: string; t: string } | { kind: 'null'; t: string } | { kind: 'seq'; items: ({ v: string; t: string } | { pairs: [string, Tree][] })[]; compact: boolean } | { kind: 'map'; pairs: [string, Tree][] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small' },
        fc.record({ kind: fc.constant('scalar' as const), v: scalar, t: trail }),
        fc.record({ kind: fc.constant('flow' as const), items: fc.array(scalar, { minLength: 1, maxLength: 3 }), sep: fc.constantFrom(', ', ',', ' , '), t: trail }),
        fc.record({ kind: fc.constant('fmap' as const), pairs: fc.array(fc.tuple(keyName, scalar), { minLength: 1, maxLength: 3 }), sep: fc.constantFrom(', ', ',', ' , '), t: trail }),
        fc.record({ kind: fc.constant('null' as const), t: fc.constantFrom('', ' # nothing', '  ') }),
        fc.record({
          kind: fc.constant('seq' as const),
          // an item: a scalar, a one-line flow collection (`- { pointer: /a }`) or a mapping (`- name: x` and its keys below)
          items: fc.array(
            fc.oneof(
              fc.record({ v: scalar, t: trail }),
              fc.record({ v: fc.array(fc.tuple(keyName, scalar), { minLength: 1, maxLength: 2 }).map((ps) => `{ ${ps.map(([a, b]) => `${a}: ${b}`).join(', ')} }`), t: trail }),
              fc.record({ v: fc.array(scalar, { minLength: 1, maxLength: 2 }).map((xs) => `[${xs.join(', ')}]`), t: trail }),
              fc.record({ pairs: fc.array(fc.tuple(keyName, tie('t')), { minLength: 1, maxLength: 3 }) }),
            ),
            { minLength: 1, maxLength: 4 },
          ),
          compact: fc.boolean(),
        }),
        fc.record({ kind: fc.constant('map' as const), pairs: fc.array(fc.tuple(keyName, tie('t')), { minLength: 1, maxLength: 4 }) }),
      ),
    })).t;
    const render = (pairs: [string, Tree][], indent: number, g: string[]): string => {
      let out = '';
      const pad = ' '.repeat(indent);
      pairs.forEach(([k, v], i) => {
        out += g[i % g.length]!;
        if (v.kind === 'fmap') out += `${pad}${k}: {${v.sep === ', ' ? ' ' : ''}${v.pairs.map(([a, b]) => `${a}: ${b}`).join(v.sep)}${v.sep === ', ' ? ' ' : ''}}${v.t}\n`;
        else if (v.kind === 'flow') out += `${pad}${k}: [${v.sep.trim() === ',' && v.sep !== ',' ? ' ' : ''}${v.items.join(v.sep)}]${v.t}\n`;
        else if (v.kind === 'scalar') out += `${pad}${k}: ${v.v}${v.t}\n`;
        else if (v.kind === 'null') out += `${pad}${k}:${v.t}\n`;
        else if (v.kind === 'seq') {
          out += `${pad}${k}:\n`;
          const ip = v.compact ? pad : `${pad}  `;
          for (const it of v.items) {
            if ('v' in it) out += `${ip}- ${it.v}${it.t}\n`;
            else out += `${ip}- ${render(it.pairs, ip.length + 2, ['', ...g]).slice(ip.length + 2)}`;
          }
        } else out += `${pad}${k}:\n${render(v.pairs, indent + 2, g)}`;
      });
      return out;
    };
    let accepted = 0;
    let tried = 0;
    let withItemMaps = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(keyName, tree), { minLength: 1, maxLength: 5 }), fc.array(gap, { minLength: 1, maxLength: 3 }), fc.boolean(), (pairs, g, cut) => {
        let text = render(pairs, 0, g);
        if (cut) text = text.replace(/\n+$/, '');
        tried++;
        if (expectSameAsLibrary(text)) {
          accepted++;
          if (/^ *- (?![{[])[^\n]*: /m.test(text)) withItemMaps++;
        }
      }),
      { numRuns: Number(process.env.FAST_YAML_RUNS ?? 3000) },
    );
    // Most generated texts are in the subset (the rest check that the reader steps aside).
    expect(accepted / tried).toBeGreaterThan(0.25);
    // and the mappings as sequence items (`- name: x`, data dictionaries) are among them
    expect(withItemMaps / tried).toBeGreaterThan(0.01);
  });
});
