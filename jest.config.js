// Jest runs TypeScript tests through ts-jest; end-to-end suites share one
// engine build, made once in globalSetup.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/tests/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  globalSetup: "<rootDir>/tests/helpers/global-setup.js",
  globalTeardown: "<rootDir>/tests/helpers/global-teardown.js",
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/tests/helpers/summary-reporter.js"],
};
