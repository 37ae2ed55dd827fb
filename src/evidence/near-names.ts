import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { closest } from '../diagnostics/suggest.js';

/**
 * Names on disk that differ from the name in the manifest only as people mistype them: another
 * Unicode form of the same text (NFC as keyboards type it, NFD as macOS stores it), or a wrong case,
 * a missing accent, a small typo. Only the dossier's own folders are listed (a symbolic link is never
 * followed), and a folder of more than MAX_ENTRIES entries is not searched.
 */

const MAX_ENTRIES = 10_000;

/** A name as a mistyped one is compared: one Unicode form, no accents, lower case. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function entriesOf(dir: string): Dirent[] | undefined {
  try {
    const list = readdirSync(dir, { withFileTypes: true });
    return list.length <= MAX_ENTRIES ? list : undefined;
  } catch {
    return undefined;
  }
}

/** What is at `p`, without following a link: nothing, a symbolic link, or something else. */
function entryAt(p: string): 'none' | 'link' | 'entry' {
  try {
    return lstatSync(p).isSymbolicLink() ? 'link' : 'entry';
  } catch {
    return 'none';
  }
}

/**
 * Walks `rel` below `rootDir`, one name at a time; a name missing from its folder (only then is the
 * folder listed) is replaced by `pick(name, candidates)`, the candidates being the folder's
 * sub-folders, or for the last name its regular files. Undefined when a name finds nothing, or when
 * every name exists as given.
 */
function walk(rootDir: string, rel: string, pick: (name: string, candidates: readonly string[]) => string | undefined): string | undefined {
  const names = rel.split('/');
  const out: string[] = [];
  let changed = false;
  let dir = rootDir;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    let found: string | undefined = name;
    const at = entryAt(path.join(dir, name));
    // A link is never listed through: what it leads to may lie outside the dossier.
    if (at === 'link' && i < names.length - 1) return undefined;
    if (at === 'none') {
      const entries = entriesOf(dir);
      if (entries === undefined) return undefined;
      const last = i === names.length - 1;
      found = pick(name, entries.filter((e) => (last ? e.isFile() : e.isDirectory())).map((e) => e.name));
      if (found === undefined) return undefined;
      changed = true;
    }
    out.push(found);
    dir = path.join(dir, found);
  }
  return changed ? out.join('/') : undefined;
}

/**
 * The stored path of `rel` when some of its names exist on disk only in another Unicode form (same
 * text, other code points): the file is the one meant. Undefined when it exists as given, or not at all.
 */
export function otherUnicodeForm(rootDir: string, rel: string): string | undefined {
  return walk(rootDir, rel, (name, candidates) => {
    const wanted = name.normalize('NFC');
    return candidates.find((c) => c.normalize('NFC') === wanted);
  });
}

/**
 * The file a missing `rel` most likely means ("did you mean"): each missing name replaced by the entry
 * that is the same but for case and accents, else by the closest one (a likely typo). Undefined when
 * nothing is close.
 */
export function nearestName(rootDir: string, rel: string): string | undefined {
  return walk(rootDir, rel, (name, candidates) => candidates.find((c) => fold(c) === fold(name)) ?? closest(name, candidates, fold));
}
