import { escapeSegment } from '../../../diagnostics/json-pointer.js';

/** A place in an export where a value was found non-empty at least once. */
export interface LeafPath {
  /** Pattern from the document (or record) root: `/patients/*\/measures/*\/value`. */
  path: string;
  /**
   * The same place relative to the innermost FHIR resource holding it, as `Observation#/valueQuantity/value`;
   * empty outside resources.
   */
  scoped: string;
}

class Node {
  readonly children = new Map<string, Node>();
  items: Node | undefined;
  typed: Map<string, Node> | undefined;
  leaf = false;

  constructor(
    readonly path: string,
    readonly scopeType: string,
    readonly scopeBase: number,
  ) {}
}

function isBlank(s: string): boolean {
  if (s.length === 0) return true;
  return s.charCodeAt(0) <= 32 && s.charCodeAt(s.length - 1) <= 32 && s.trim() === '';
}

/**
 * Collects the distinct non-empty leaves of parsed records as a trie, so each record costs one Map
 * lookup per key and only new places allocate. Objects that carry a `resourceType` open a FHIR
 * resource scope. The trie is capped: past `maxNodes` new places are no longer recorded.
 */
export class PathCollector {
  private readonly roots = new Map<string, Node>();
  private nodes = 0;
  private fresh: LeafPath[] = [];
  /** True once the cap was reached. */
  truncated = false;

  constructor(private readonly maxNodes = 20_000) {}

  /** Records the non-empty leaves of `value`, which sits at pattern `base` (`''` for a record root). */
  add(value: unknown, base: string): void {
    let root = this.roots.get(base);
    if (!root) {
      root = new Node(base, '', 0);
      this.roots.set(base, root);
    }
    this.walk(value, root);
  }

  /** Records a leaf known to be non-empty whose value was not kept (e.g. an oversized string). */
  addLeaf(path: string): void {
    const root = this.roots.get(path) ?? new Node(path, '', 0);
    this.roots.set(path, root);
    this.markLeaf(root);
  }

  /** The leaves found since the last call. */
  take(): LeafPath[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }

  private markLeaf(node: Node): void {
    if (node.leaf) return;
    node.leaf = true;
    this.fresh.push({ path: node.path, scoped: node.scopeType === '' ? '' : `${node.scopeType}#${node.path.slice(node.scopeBase)}` });
  }

  private make(path: string, scopeType: string, scopeBase: number): Node | undefined {
    if (this.nodes >= this.maxNodes) {
      this.truncated = true;
      return undefined;
    }
    this.nodes++;
    return new Node(path, scopeType, scopeBase);
  }

  private walk(v: unknown, node: Node): boolean {
    if (v === null || v === undefined) return false;
    if (typeof v !== 'object') {
      if (typeof v === 'string' && isBlank(v)) return false;
      if (!node.leaf) this.markLeaf(node);
      return true;
    }
    if (Array.isArray(v)) {
      let items = node.items;
      if (items === undefined) {
        items = this.make(`${node.path}/*`, node.scopeType, node.scopeBase);
        if (items === undefined) return v.length > 0;
        node.items = items;
      }
      let any = false;
      for (let i = 0; i < v.length; i++) if (this.walk(v[i], items)) any = true;
      return any;
    }
    const o = v as Record<string, unknown>;
    let target = node;
    const rt = o.resourceType;
    if (typeof rt === 'string' && rt !== '') {
      let typed = node.typed?.get(rt);
      if (typed === undefined) {
        typed = this.make(node.path, rt, node.path.length);
        if (typed !== undefined) {
          node.typed ??= new Map();
          node.typed.set(rt, typed);
        }
      }
      if (typed !== undefined) target = typed;
    }
    let any = false;
    for (const k in o) {
      let child = target.children.get(k);
      if (child === undefined) {
        child = this.make(`${target.path}/${escapeSegment(k)}`, target.scopeType, target.scopeBase);
        if (child === undefined) continue;
        target.children.set(k, child);
      }
      if (this.walk(o[k], child)) any = true;
    }
    return any;
  }
}
