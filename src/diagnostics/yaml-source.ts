import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import { UserInputError, t2, type InputProblem, type SourcePosition } from './user-input-error.js';

/** A YAML file parsed with positions, so any value can be traced back to its line and column. */
export interface YamlSource {
  /** File name as shown to the user. */
  file: string;
  /** Raw bytes of the file (hashed for the report). */
  bytes: Buffer;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JS value of the document (null-prototype safe: no key can reach Object.prototype). */
  value: unknown;
}

const MAX_YAML_BYTES = 16 * 1024 * 1024;

/** Reads and parses a YAML file strictly; any problem is a UserInputError with a position. */
export function readYaml(absPath: string, displayName: string): YamlSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absPath);
  } catch (err) {
    throw unreadable(displayName, err);
  }
  return parseYaml(bytes, displayName);
}

export function unreadable(file: string, err: unknown): UserInputError {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'EIO';
  const reason: Record<string, [string, string]> = {
    ENOENT: ['file not found.', 'fichier introuvable.'],
    EISDIR: ['is a directory, not a file.', 'est un dossier, pas un fichier.'],
    EACCES: ['permission denied.', 'permission refusée.'],
  };
  const [en, fr] = reason[code] ?? [`cannot be read (${code}).`, `illisible (${code}).`];
  return new UserInputError({
    code: 'file.unreadable',
    file,
    message: t2(en, fr),
    hint: t2('Check the path, or run `dmn-check init` to create a manifest.', 'Vérifiez le chemin, ou lancez `dmn-check init` pour créer un manifeste.'),
  });
}

export function parseYaml(bytes: Buffer, file: string): YamlSource {
  if (bytes.length > MAX_YAML_BYTES) {
    throw new UserInputError({
      code: 'yaml.syntax',
      file,
      message: t2(`is ${bytes.length} bytes; a YAML input may be at most ${MAX_YAML_BYTES}.`, `fait ${bytes.length} octets ; un fichier YAML ne peut dépasser ${MAX_YAML_BYTES} octets.`),
    });
  }
  const text = decodeUtf8(bytes, file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    merge: false,
    schema: 'core',
    customTags: [],
  });
  const problems: InputProblem[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({
      code: 'yaml.syntax',
      file,
      line: pos.line,
      column: pos.col,
      message: t2(`invalid YAML: ${firstLine(e.message)}`, `YAML invalide : ${firstLine(e.message)}`),
      hint: yamlHint(e.code),
    });
  }
  for (const w of doc.warnings) {
    // Unknown tags (`!!js/function` and the like) are warnings in `yaml`; we refuse them.
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const pos = lineCounter.linePos(w.pos[0]);
      problems.push({
        code: 'yaml.syntax',
        file,
        line: pos.line,
        column: pos.col,
        message: t2(`unsupported YAML tag: ${firstLine(w.message)}`, `balise YAML non prise en charge : ${firstLine(w.message)}`),
        hint: t2('Remove the tag; only plain values are accepted.', 'Retirez la balise ; seules des valeurs simples sont acceptées.'),
      });
    }
  }
  if (problems.length > 0) throw new UserInputError(problems);
  let value: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    value = doc.toJS({ maxAliasCount: 100, mapAsMap: false });
  } catch (err) {
    throw new UserInputError({
      code: 'yaml.syntax',
      file,
      line: 1,
      column: 1,
      message: t2(`invalid YAML: ${firstLine((err as Error).message)}`, `YAML invalide : ${firstLine((err as Error).message)}`),
      hint: t2('Aliases may not expand to more than 100 nodes.', "Les alias ne peuvent pas produire plus de 100 nœuds."),
    });
  }
  return { file, bytes, doc, lineCounter, value: sanitise(value) };
}

function yamlHint(code: string): { en: string; fr: string } | undefined {
  if (code === 'DUPLICATE_KEY') return t2('Each key may appear only once in a mapping.', "Une clé ne peut apparaître qu'une fois dans un même bloc.");
  if (code === 'TAB_AS_INDENT') return t2('Indent with spaces, not tabs.', 'Indentez avec des espaces, pas des tabulations.');
  return t2('Check indentation and quoting around this place.', "Vérifiez l'indentation et les guillemets à cet endroit.");
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Strict UTF-8 decoding (BOM allowed and removed); invalid bytes are an input error with a position. */
export function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.includes('\u0000')) {
      const offset = text.indexOf('\u0000');
      const { line, column } = offsetToLineCol(text, offset);
      throw new UserInputError({
        code: 'yaml.syntax',
        file,
        line,
        column,
        message: t2('contains a NUL byte: this is not a text file.', 'contient un octet NUL : ce n’est pas un fichier texte.'),
        hint: t2('Is this the right file? A manifest is a YAML text file.', 'Est-ce le bon fichier ? Un manifeste est un fichier texte YAML.'),
      });
    }
    return text;
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    const bad = firstInvalidUtf8(bytes);
    const prefix = bytes.subarray(0, bad).toString('utf8');
    const { line, column } = offsetToLineCol(prefix, prefix.length);
    throw new UserInputError({
      code: 'yaml.syntax',
      file,
      line,
      column,
      message: t2(`is not valid UTF-8 (byte offset ${bad}).`, `n’est pas de l’UTF-8 valide (octet ${bad}).`),
      hint: t2('Save the file as UTF-8.', 'Enregistrez le fichier en UTF-8.'),
    });
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search the shortest invalid prefix; a cut inside a multi-byte char is tolerated with stream: true.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function offsetToLineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/**
 * Copies a parsed value into null-prototype objects so that keys such as `__proto__` or
 * `constructor` are plain data and can never reach Object.prototype.
 */
function sanitise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sanitise);
  if (v instanceof Date) return v;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, val] of Object.entries(v)) {
      Object.defineProperty(out, k, { value: sanitise(val), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

/** Decodes one JSON-pointer segment (`~1` → `/`, `~0` → `~`). */
export function decodePointerSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointerToPath(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer.slice(1).split('/').map(decodePointerSegment);
}

/**
 * Finds the YAML node at `path`; returns the position of the key when `key` is true (for
 * "unknown key" messages), otherwise of the value. Falls back to the deepest existing ancestor.
 */
export function positionOf(src: YamlSource, path: readonly (string | number)[], key = false): SourcePosition {
  let node: Node | null | undefined = src.doc.contents as Node | null;
  let keyNode: Node | undefined;
  let best: Node | undefined = node ?? undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      best = node ?? keyNode;
    } else if (isSeq(node)) {
      const idx = typeof seg === 'number' ? seg : Number(seg);
      const item = node.items[idx] as Node | undefined;
      if (!item) break;
      keyNode = undefined;
      node = item;
      best = item;
    } else {
      break;
    }
  }
  const target = key && keyNode ? keyNode : best;
  if (!target?.range) return { file: src.file, line: 1, column: 1 };
  const pos = src.lineCounter.linePos(target.range[0]);
  return { file: src.file, line: pos.line, column: pos.col };
}

/** Renders a path as `evidence."IEU 8".creation-flow`. */
export function dottedPath(path: readonly (string | number)[]): string {
  return path
    .map((seg) => (typeof seg === 'number' || /^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_][\w-]*$/.test(seg) ? seg : `"${seg}"`))
    .join('.')
    .replace(/\.\[/g, '[');
}
