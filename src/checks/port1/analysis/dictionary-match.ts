import type { FileAnalysis } from './analyse.js';
import type { DictionaryLocation } from './dictionary-schema.js';
import type { LoadedItem } from './dictionary.js';
import { matchesPrefix, splitPointer, splitXPath } from '../../../diagnostics/json-pointer.js';

/** Why a dictionary item was not found in the sample. */
export type NotFoundReason = 'no-file' | 'format' | 'empty';

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** True when a location's `file` designates the export file at `path` (full path, trailing part, or a name glob). */
export function fileMatches(spec: string, path: string): boolean {
  if (spec === path || path.endsWith(`/${spec}`)) return true;
  if (!/[*?]/.test(spec)) return false;
  const re = globToRegExp(spec);
  return re.test(path) || re.test(path.split('/').pop() ?? path);
}

function isJson(fa: FileAnalysis): boolean {
  return fa.format === 'json' || fa.format === 'fhir-json' || fa.format === 'ndjson' || fa.format === 'fhir-ndjson';
}

/** Whether a location of this kind can be looked for in this file (format and `file`). */
export function applies(loc: DictionaryLocation, fa: FileAnalysis): { file: boolean; format: boolean } {
  const file = loc.file === undefined || fileMatches(loc.file, fa.file.path);
  const format = loc.pointer !== undefined ? isJson(fa) : loc.column !== undefined ? fa.format === 'csv' : fa.format === 'xml';
  return { file, format };
}

const patterns = new WeakMap<DictionaryLocation, string[]>();

/** A location's pattern as segments, split once. */
function patternOf(loc: DictionaryLocation): string[] {
  let p = patterns.get(loc);
  if (!p) {
    p = loc.pointer !== undefined ? splitPointer(loc.pointer) : splitXPath(loc.xpath ?? '');
    patterns.set(loc, p);
  }
  return p;
}

/** The leaves of one file, split once for matching. */
export class FilePlaces {
  readonly leaves: { path: string; scoped: string; segs: string[]; type: string; scopedSegs: string[] }[];

  constructor(readonly fa: FileAnalysis) {
    this.leaves = fa.leaves
      .map((l) => {
        const hash = l.scoped.indexOf('#');
        return {
          path: l.path,
          scoped: l.scoped,
          segs: splitPointer(l.path),
          type: hash > 0 ? l.scoped.slice(0, hash) : '',
          scopedSegs: hash > 0 ? splitPointer(l.scoped.slice(hash + 1)) : [],
        };
      })
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.scoped < b.scoped ? -1 : a.scoped > b.scoped ? 1 : 0));
  }

  /** True when the location (pointer or xpath) matches this leaf of the file. */
  covers(loc: DictionaryLocation, leaf: FilePlaces['leaves'][number]): boolean {
    if (loc.column !== undefined) return false;
    if (loc.resource_type !== undefined) return leaf.type === loc.resource_type && matchesPrefix(patternOf(loc), leaf.scopedSegs);
    return matchesPrefix(patternOf(loc), leaf.segs);
  }

  /** True when the location holds a value somewhere in this file. */
  found(loc: DictionaryLocation): boolean {
    if (loc.column !== undefined) {
      const i = this.fa.csv?.columns.indexOf(loc.column) ?? -1;
      return i >= 0 && this.fa.csv!.nonEmpty[i] === true;
    }
    return this.leaves.some((l) => this.covers(loc, l));
  }
}

/** Whether an item holds a value in the sample, or why not. */
export function findItem(item: LoadedItem, places: readonly FilePlaces[]): 'found' | NotFoundReason {
  let sawFile = false;
  let sawFormat = false;
  for (const loc of item.locations) {
    for (const p of places) {
      const a = applies(loc, p.fa);
      if (!a.file) continue;
      sawFile = true;
      if (!a.format) continue;
      sawFormat = true;
      if (p.found(loc)) return 'found';
    }
  }
  return !sawFile ? 'no-file' : !sawFormat ? 'format' : 'empty';
}

/** A location as the user wrote it, for messages. */
export function describeLocation(loc: DictionaryLocation): string {
  const where = loc.pointer !== undefined ? `${loc.resource_type !== undefined ? `${loc.resource_type} ` : ''}${loc.pointer || '/'}` : loc.column !== undefined ? `column ${loc.column}` : (loc.xpath ?? '');
  return loc.file !== undefined ? `${loc.file}: ${where}` : where;
}
