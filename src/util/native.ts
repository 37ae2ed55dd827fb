import { createRequire } from 'node:module';

/**
 * The libraries no bundle can hold, each of which reads files of its own package at run time:
 * tesseract.js (a worker script and a WebAssembly core), re2-wasm (its .wasm file) and
 * @napi-rs/canvas (a native addon). They are required on first use from the node_modules next to
 * the running code: with npm, the package's own; in the standalone executable
 * (scripts/build-sea.mjs), where `import.meta.url` is the executable's path, the node_modules
 * folder shipped beside it.
 */
const requireBeside = createRequire(import.meta.url);

export type NativeLibrary = 'tesseract.js' | '@napi-rs/canvas' | 're2-wasm';

export function requireNative<T>(name: NativeLibrary): T {
  try {
    return requireBeside(name) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    throw new Error(`${name} is not installed beside dmn-check (the node_modules folder that ships with it is missing)`, { cause: err });
  }
}
