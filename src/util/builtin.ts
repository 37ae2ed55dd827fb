import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** The Node modules that some runs need and most do not. */
interface Builtins {
  'node:stream': typeof import('node:stream');
  'node:stream/promises': typeof import('node:stream/promises');
  'node:zlib': typeof import('node:zlib');
  'node:worker_threads': typeof import('node:worker_threads');
}

/**
 * One of Node's own modules, loaded when first used rather than at every start of the CLI (about a
 * millisecond each: a `check` with no PDF to inflate and no worker to start loads neither).
 */
export function builtin<K extends keyof Builtins>(name: K): Builtins[K] {
  return load(name) as Builtins[K];
}
