import { ResponseShapeError } from '@storeport/core';

/**
 * Runs a mapping that must fail and returns its ResponseShapeError, so a test can assert the field
 * it names; any other error is rethrown, and success fails the test.
 */
export function catchShapeError(run: () => unknown): ResponseShapeError {
  try {
    run();
  } catch (err) {
    if (ResponseShapeError.isInstance(err)) return err;
    throw err;
  }
  throw new Error('expected a ResponseShapeError');
}
