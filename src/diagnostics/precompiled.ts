import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * The validator that `scripts/build-validators.mjs` generated into dist/generated/ at build time,
 * or, when it is absent (tests run from src/), the schema compiled now. Compiling the ruleset,
 * manifest and report schemas costs over 100 ms at every start-up; the generated code costs about 10.
 */
export function precompiledOr(name: 'validate-ruleset.cjs' | 'validate-manifest.cjs' | 'validate-report.cjs' | 'validate-dictionary.cjs', compile: () => ValidateFunction): ValidateFunction {
  try {
    const mod = require(`../generated/${name}`) as ValidateFunction | { default: ValidateFunction };
    return typeof mod === 'function' ? mod : mod.default;
  } catch {
    return compile();
  }
}

/** A module `scripts/build-validators.mjs` generated into dist/generated/, or undefined when it is absent. */
export function precompiledModule<T>(name: 'check-options.cjs'): T | undefined {
  try {
    return require(`../generated/${name}`) as T;
  } catch {
    return undefined;
  }
}
