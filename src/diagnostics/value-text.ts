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
