import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Prints the plain closing line `N passed, N failed, N skipped` that CI reads, after vitest's own
 * summary (whose coloured table is not machine-read). A test file that failed on its own (it did not
 * import, a hook crashed, an error escaped a test) counts as one failure when none of its tests is
 * counted as failed, and so does each error vitest reports outside every file: a run that is red
 * never closes on `0 failed`.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    process.stdout.write(`\n${plainSummary(testModules, unhandledErrors)}\n`);
  }
}

export function plainSummary(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): string {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const m of testModules) {
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
      else skipped++;
    }
    if (failedHere === 0 && (m.state() === 'failed' || m.errors().length > 0)) failedHere = 1;
    failed += failedHere;
  }
  failed += unhandledErrors.length;
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
