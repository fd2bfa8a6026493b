import { describe } from 'vitest';
import { registerConcurrency } from './concurrency';
import { registerFaults } from './faults';
import { registerReading } from './reading';
import { registerRecords } from './records';
import { registerShapes } from './shapes';
import type { ContractOptions } from './types';
import { registerWriting } from './writing';

/**
 * Registers the storeport adapter contract as vitest tests: the same behaviour checked against
 * any adapter and the sandbox of its platform. Call it from a test file, then add regressions.
 */
export function runAdapterContract<O extends object>(options: ContractOptions<O>): void {
  describe(`${options.name} adapter contract`, () => {
    registerReading(options);
    registerConcurrency(options);
    registerWriting(options);
    registerFaults(options);
    registerShapes(options);
    registerRecords(options);
  });
}

export {
  collect,
  defaultBadCredentials,
  errorText,
  expectNoSecrets,
  RECORDS,
  secretsOf,
  TEST_OVERRIDES,
} from './harness';
export { catchShapeError } from './shape-error';
export type { CommonAdapterOptions, ContractOptions } from './types';
