// Jest reporter: ends the run with one plain line, "tests: N passed, N failed[, N skipped]",
// so any CI log reader can tell how many tests ran.
"use strict";

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(
      `tests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`,
    );
  }
}

module.exports = SummaryReporter;
