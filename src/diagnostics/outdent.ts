import type { ErrorObject } from 'ajv';
import { isMap, isScalar } from 'yaml';
import { type InputProblem, type UserInputCode } from './user-input-error.js';
import { both } from '../i18n/text.js';
import { SCHEMA_TEXT } from './messages.js';
import { dottedPath, pointerToPath, positionOf } from './yaml-position.js';
import { shorten } from './value-text.js';
import { type YamlSource } from './yaml-source.js';

/**
 * The commonest YAML slip in a hand-written manifest: a block's lines typed at the level of the key
 * that should hold them,
 *
 *     IEU 7:
 *     ins-login-demo: evidence/ieu7/login.png
 *
 * which the schema sees as an empty `IEU 7` and an `ins-login-demo` that is no mapping, two "must be
 * of type object" errors that never say what happened. An empty key that must hold a mapping,
 * followed in its mapping by siblings that also fail "must be of type object", is reported once, at
 * the empty key, as the indentation it is; the siblings' own errors are dropped.
 */
export function outdentProblems(errors: readonly ErrorObject[], src: YamlSource, code: UserInputCode): { problems: InputProblem[]; explained: Set<string> } {
  const notObject = new Set(errors.filter((e) => e.keyword === 'type' && (e.params as { type?: string }).type === 'object').map((e) => e.instancePath));
  const problems: InputProblem[] = [];
  const explained = new Set<string>();
  for (const pointer of notObject) {
    if (explained.has(pointer)) continue;
    const path = pointerToPath(pointer);
    if (path.length === 0) continue;
    const parent = src.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) continue;
    const items = parent.items;
    const at = items.findIndex((p) => isScalar(p.key) && String(p.key.value) === path.at(-1));
    const own = items[at];
    if (!own || !(own.value === null || (isScalar(own.value) && own.value.value === null))) continue;
    // the siblings typed one level too far left: those right after it that fail the same way
    const base = path.slice(0, -1).map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'));
    const siblings: string[] = [];
    for (const p of items.slice(at + 1)) {
      if (!isScalar(p.key)) break;
      const name = String(p.key.value);
      const ptr = `/${[...base, name.replace(/~/g, '~0').replace(/\//g, '~1')].join('/')}`;
      if (!notObject.has(ptr)) break;
      siblings.push(name);
      explained.add(ptr);
    }
    if (siblings.length === 0) continue;
    explained.add(pointer);
    const first = shorten(siblings[0]!);
    const line = positionOf(src, [...path.slice(0, -1), siblings[0]!], true).line ?? 0;
    const last = positionOf(src, [...path.slice(0, -1), siblings.at(-1)!], true).line ?? line;
    problems.push({
      code,
      ...positionOf(src, path, true),
      subject: dottedPath(path),
      ...both(SCHEMA_TEXT.outdented, { sibling: first, line, last }),
    });
  }
  return { problems, explained };
}
