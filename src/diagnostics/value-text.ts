/**
 * A value from outside (parsed JSON, a YAML node, a thrown value) as text for a message: primitives
 * as themselves, anything else by its kind (`[object Object]`), never by a custom `toString`.
 */
export function valueText(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'symbol':
      return v.toString();
    case 'undefined':
      return 'undefined';
    default:
      return v === null ? 'null' : Object.prototype.toString.call(v);
  }
}

/** Cuts a user-supplied text echoed in a message, so a 5 MB value never makes a 5 MB message. */
export function shorten(s: string, max = 80): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
