import { defineConfig } from 'vitest/config';

// Test files that fail in every way a file can, run by test/e2e/plain-summary.test.ts.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.case.ts'],
    reporters: ['../plain-summary-reporter.ts'],
  },
});
