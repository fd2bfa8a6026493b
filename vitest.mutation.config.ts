import { defineConfig } from 'vitest/config';
import { hangGuards, workspaceAlias } from './vitest.shared';

// The tests `pnpm test:mutation` runs against each mutant: the fast unit tests of the code in
// stryker.config.mjs's `mutate` list (pure functions, nock at most). The sandbox, contract, CLI and
// docs projects exercise the same code end to end but take minutes; they do not belong here.
// When the mutate list widens, add the unit tests of the new files here.
export const mutationTests = [
  'packages/core/test/cursor.test.ts',
  'packages/core/test/errors.test.ts',
  'packages/core/test/kit*.test.ts',
  'packages/core/test/model.test.ts',
  'packages/core/test/money.test.ts',
  'packages/core/test/path.test.ts',
  'packages/core/test/retry.test.ts',
  'packages/core/test/time.test.ts',
  'packages/core/test/url.test.ts',
  'packages/core/test/wire.test.ts',
  'packages/{commerce7,commercehq,commerce-api}/test/map-*.test.ts',
  'packages/{commerce7,commercehq,commerce-api}/test/to-wire.test.ts',
];
// Not the adapters' nock tests (wire.test.ts): they cover the mappers too, but through the client,
// the limiter and retry sleeps, which made each mutant cost seconds; a mutant in a mapper or in
// to-wire must be caught by that file's own unit tests.

export default defineConfig({
  resolve: { alias: workspaceAlias },
  // Stryker re-runs the covering tests once per mutant; re-importing every module each time (the
  // default isolation) costs more than most of the tests themselves.
  test: { ...hangGuards, include: mutationTests, isolate: false },
});
