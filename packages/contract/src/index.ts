import { describe } from 'vitest';
import { registerConcurrency } from './concurrency';
import { registerFaults } from './faults';
import { registerLifecycle } from './lifecycle';
import { registerReading } from './reading';
import { registerRecords } from './records';
import { registerShapes } from './shapes';
import { CONTRACT_GROUPS, type ContractGroup, type ContractOptions } from './types';
import { registerWriting } from './writing';

/**
 * Registers the storeport adapter contract as vitest tests: the same behaviour checked against
 * any adapter and the sandbox of its platform. Call it from a test file, then add regressions.
 */
export function runAdapterContract<O extends object>(options: ContractOptions<O>): void {
  const register: Record<ContractGroup, (o: ContractOptions<O>) => void> = {
    reading: registerReading,
    concurrency: registerConcurrency,
    writing: registerWriting,
    faults: registerFaults,
    shapes: registerShapes,
    lifecycle: registerLifecycle,
    records: registerRecords,
  };
  const groups = options.groups ?? CONTRACT_GROUPS;
  describe(`${options.name} adapter contract`, () => {
    for (const group of CONTRACT_GROUPS) if (groups.includes(group)) register[group](options);
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
export { expectMessage, redisFromEnv } from './processes';
export { catchShapeError } from './shape-error';
export type { CommonAdapterOptions, ContractGroup, ContractOptions } from './types';
export { CONTRACT_GROUPS } from './types';
