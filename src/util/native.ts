import { createRequire } from 'node:module';

/**
 * The libraries no bundle can hold, each of which reads files of its own package at run time:
 * tesseract.js (a worker script and a WebAssembly core), re2-wasm (its .wasm file), @napi-rs/canvas
 * (a native addon) and @ffmpeg-installer/ffmpeg (the ffmpeg program, in a package for each
 * platform). They are required on first use from the node_modules next to the running code: with
 * npm, the package's own; in the standalone executable (scripts/build-sea.mjs), where
 * `import.meta.url` is the executable's path, the node_modules folder shipped beside it.
 */
const requireBeside = createRequire(import.meta.url);

export type NativeLibrary = 'tesseract.js' | '@napi-rs/canvas' | 're2-wasm' | '@ffmpeg-installer/ffmpeg';

function missing(what: string, cause: unknown): Error {
  return new Error(`${what} is not installed beside dmn-check (the node_modules folder that ships with it is missing)`, { cause });
}

export function requireNative<T>(name: NativeLibrary): T {
  try {
    return requireBeside(name) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    throw missing(name, err);
  }
}

/**
 * The path of the ffmpeg program of @ffmpeg-installer/ffmpeg (its platform package holds the
 * binary). That package throws a string, not an Error, when the binary for this platform is absent.
 */
export function ffmpegPath(): string {
  try {
    return requireNative<{ path: string }>('@ffmpeg-installer/ffmpeg').path;
  } catch (err) {
    if (typeof err === 'string' || (err instanceof Error && err.message.includes('is not installed beside'))) {
      throw missing(`ffmpeg (@ffmpeg-installer/${process.platform}-${process.arch})`, err);
    }
    throw err;
  }
}
