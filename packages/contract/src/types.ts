import type { CommerceAdapter, CustomerInput, ProductInput, ResourceName } from '@storeport/core';
import type { SandboxOptions, SandboxPlatform } from '@storeport/sandbox';

/** Options every adapter factory takes besides its credentials. */
export interface CommonAdapterOptions {
  baseUrl?: string;
  limiter?: unknown;
  /** The limit the default limiter keeps to (the contract scales it to match the sandbox's). */
  rateLimit?: { limit: number; windowMs: number };
  retry?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number } | false;
  timeoutMs?: number;
}

export interface ContractOptions<O extends object = Record<string, unknown>> {
  /** Shown in the test names, e.g. `commercehq`. */
  name: string;
  platform: SandboxPlatform;
  /** Builds the adapter under test from the sandbox's options (with test overrides merged in). */
  createAdapter(options: O & CommonAdapterOptions): CommerceAdapter;
  /** The same options with wrong credentials. Default: every string option whose name looks secret, changed. */
  badCredentials?(options: O): O;
  /** Extra sandbox settings (e.g. `platformOptions`). */
  sandbox?: Partial<Omit<SandboxOptions, 'platform'>>;
  /**
   * Unified fields that `list()` documentedly fills differently from `get()`, each with its reason;
   * "get() returns the record list() returned" compares every other field (never the id).
   */
  listDiffersFromGet?: Partial<Record<ResourceName, Record<string, string>>>;
  /** Write fixtures where the defaults do not suit the platform. */
  fixtures?: { customer?: CustomerInput; product?: ProductInput };
  /**
   * Only these groups of checks (default: all). For the contract's self-test, whose defective
   * adapters each run only the groups meant to catch them; an adapter's own suite runs them all.
   */
  groups?: readonly ContractGroup[];
}

export const CONTRACT_GROUPS = [
  'reading',
  'concurrency',
  'writing',
  'faults',
  'shapes',
  'lifecycle',
  'records',
] as const;
export type ContractGroup = (typeof CONTRACT_GROUPS)[number];
