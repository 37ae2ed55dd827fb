import { defineConfig } from 'vitest/config';

// Two projects: `unit` (in-process, fast: `npm run test:unit` loops in seconds) and `e2e` (spawned
// CLIs, packed packages, a browser, hostile inputs measured in child processes). `npm test` runs both.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
