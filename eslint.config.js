// Lint: typescript-eslint's type-checked recommendations over src/ and test/, zero warnings allowed
// (`npm run lint`, part of `npm test`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'coverage/', 'bench/', 'scripts/', 'bin/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Tests read back what the CLI wrote (JSON.parse of reports, SARIF, snapshots): values typed
    // `any` by design there, asserted on by the test itself.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Tests assert on ANSI escapes and NUL bytes on purpose.
      'no-control-regex': 'off',
    },
  },
);
