// `pnpm test:mutation`: StrykerJS mutates the files below and runs the fast unit tests
// (vitest.mutation.config.ts) against each mutant. See docs/testing.md for the score and scope.

/** The code under mutation. The adapter kit (paging, listing, record validation, options) is in;
 * the rest of the transport (HTTP client, limiter) is not yet, see docs/testing.md. */
const mutate = [
  // core: the unified model, money, time, the cursor codec, wire parsing, errors
  'packages/core/src/model/**/*.ts',
  'packages/core/src/time.ts',
  'packages/core/src/paging/cursor.ts',
  'packages/core/src/wire.ts',
  'packages/core/src/errors.ts',
  // core transport: the pure parts only
  'packages/core/src/transport/retry.ts',
  'packages/core/src/transport/url.ts',
  'packages/core/src/transport/path.ts',
  // core kit: the paging/listing engine every adapter is built on (defineAdapter)
  'packages/core/src/kit/**/*.ts',
  // every adapter's mappers (platform -> model) and to-wire (model input -> platform)
  'packages/{commerce7,commercehq,commerce-api}/src/map-*.ts',
  'packages/{commerce7,commercehq,commerce-api}/src/to-wire.ts',
];

export default {
  packageManager: 'pnpm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate,
  coverageAnalysis: 'perTest',
  // A static mutant (one in code run at import: the zod schemas of the model, module constants)
  // can only be tested by re-importing everything and running every test: 13% of the mutants took
  // 75% of the time. They are left out and counted as ignored; see docs/testing.md.
  ignoreStatic: true,
  // The machine is shared: one test-runner process at a time.
  concurrency: 1,
  // Kept in the repository so that a re-run only tests mutants whose code or tests changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
