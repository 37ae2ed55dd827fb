import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * The validator that `scripts/build-validators.mjs` generated into dist/generated/ at build time,
 * or, when it is absent (tests run from src/), the schema compiled now. Compiling the ruleset and
 * manifest schemas costs over 100 ms at every start-up; the generated code costs about 10.
 */
export function precompiledOr(name: 'validate-ruleset.cjs' | 'validate-manifest.cjs' | 'validate-dictionary.cjs', compile: () => ValidateFunction): ValidateFunction {
  try {
    const mod = require(`../generated/${name}`) as ValidateFunction | { default: ValidateFunction };
    return typeof mod === 'function' ? mod : mod.default;
  } catch {
    return compile();
  }
}

/**
 * The options validators of the built-in checks, generated at build time, by check name; empty when
 * absent (tests run from src/). Each check's options schema compiled at start-up cost a `check` run
 * about 0.1 s.
 */
export function precompiledOptions(): Readonly<Record<string, ValidateFunction>> {
  try {
    const mod = require('../generated/validate-options.cjs') as { byCheck?: Record<string, ValidateFunction> };
    return mod.byCheck ?? {};
  } catch {
    return {};
  }
}
