import type { CommerceAdapter, ResourceName } from '@storeport/core';
import { type Sandbox, type SandboxStore, startSandbox } from '@storeport/sandbox';
import { expect, type TestContext } from 'vitest';
import type { CommonAdapterOptions, ContractOptions } from './types';

export type StoreSandbox = Sandbox<SandboxStore, Record<string, unknown>>;

export const RECORDS = { customers: 23, orders: 31, products: 17 };

/** Fast retries so fault tests take milliseconds, and no client limiter unless a test wants one. */
export const TEST_OVERRIDES: CommonAdapterOptions = {
  limiter: false,
  retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 40 },
  timeoutMs: 2_000,
};

export interface Harness {
  sandbox: StoreSandbox;
  adapter: CommerceAdapter;
  /** A further adapter on the same sandbox (closed with the harness). */
  another(overrides?: CommonAdapterOptions & Record<string, unknown>): CommerceAdapter;
  close(): Promise<void>;
}

export async function openHarness<O extends object>(
  options: ContractOptions<O>,
  overrides: CommonAdapterOptions & Record<string, unknown> = {},
  sandboxOverrides: Partial<Parameters<typeof startSandbox>[0]> = {},
): Promise<Harness> {
  const sandbox = (await startSandbox({
    platform: options.platform,
    seed: 7,
    records: RECORDS,
    rateLimit: false,
    ...options.sandbox,
    ...sandboxOverrides,
  })) as StoreSandbox;
  const adapters: CommerceAdapter[] = [];
  const make = (extra: CommonAdapterOptions & Record<string, unknown> = {}) => {
    const a = options.createAdapter({ ...(sandbox.options as O), ...TEST_OVERRIDES, ...overrides, ...extra });
    adapters.push(a);
    return a;
  };
  const adapter = make();
  return {
    sandbox,
    adapter,
    another: make,
    async close() {
      await Promise.allSettled(adapters.map((a) => a.close()));
      await sandbox.close();
    },
  };
}

export function can(adapter: CommerceAdapter, resource: ResourceName, op: string): boolean {
  return (adapter.capabilities[resource].operations as readonly string[]).includes(op);
}

export const RESOURCES: ResourceName[] = ['customers', 'orders', 'products'];

/**
 * Skips the running test with its reason, shown by vitest's reporters (`ctx.skip(note)`) and
 * recorded as `meta.skipReason` for the JSON report (which scripts/test-ci.mjs prints).
 */
export function skipWith(ctx: TestContext, reason: string): never {
  (ctx.task.meta as Record<string, unknown>).skipReason = reason;
  ctx.skip(reason);
  throw new Error('unreachable: ctx.skip() returned');
}

/** Resources whose `list` (and so `iterate`) the adapter claims. */
export function listableResources(adapter: CommerceAdapter): ResourceName[] {
  return RESOURCES.filter((r) => can(adapter, r, 'list'));
}

/**
 * The first listable resource, preferring `preferred`; skips the test (with the reason shown)
 * when the adapter can list nothing, since every read and fault check needs a list.
 */
export function pickListable(
  ctx: TestContext,
  adapter: CommerceAdapter,
  name: string,
  preferred?: ResourceName,
): ResourceName {
  const all = listableResources(adapter);
  const r = preferred && all.includes(preferred) ? preferred : all[0];
  if (!r) skipWith(ctx, `${name} cannot list any resource`);
  return r as ResourceName;
}

/** Skips the test, with its reason, unless the adapter claims `op` on `resource`. */
export function requireOperation(
  ctx: TestContext,
  adapter: CommerceAdapter,
  name: string,
  resource: ResourceName,
  op: string,
): void {
  if (!can(adapter, resource, op))
    skipWith(ctx, `${name} cannot ${op} ${resource} (not in its capabilities)`);
}

/** Collects every record `iterate()` yields. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Ids of every record `iterate()` yields for a resource (typed for any of the three). */
export async function iterateIds(
  adapter: CommerceAdapter,
  resource: ResourceName,
  params: { limit?: number } = {},
): Promise<string[]> {
  const it = adapter[resource].iterate(params) as AsyncIterable<{ id: string }>;
  return (await collect(it)).map((r) => r.id);
}

const SECRET_KEY = /secret|password|apikey|api_key|apiPassword|appSecret|token/i;

/** Every credential value in adapter options, for leak checks. */
export function secretsOf(options: object): string[] {
  const out: string[] = [];
  const walk = (o: unknown, key = '') => {
    if (typeof o === 'string' && SECRET_KEY.test(key) && o.length >= 4) out.push(o);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, k);
  };
  walk(options);
  return out;
}

/** Default: change every secret-looking string option. */
export function defaultBadCredentials<O extends object>(options: O): O {
  const change = (o: unknown, key = ''): unknown => {
    if (typeof o === 'string' && SECRET_KEY.test(key)) return `${o}-wrong`;
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, change(v, k)]));
    }
    return o;
  };
  return change(options) as O;
}

/**
 * Fails when an error shows a credential of `options` (or an Authorization header) in its
 * message, JSON, body, headers, stack or cause. The secret itself is kept out of the failure text.
 */
export function expectNoSecrets(err: unknown, ...options: object[]): void {
  const text = errorText(err);
  for (const secret of options.flatMap(secretsOf)) {
    const kind = (err as { name?: string } | null)?.name ?? typeof err;
    expect(text.includes(secret), `a ${kind} shows a credential of ${secret.length} characters`).toBe(false);
  }
  expect(text).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
  expect(text).not.toMatch(/Bearer [A-Za-z0-9._-]{8,}/);
}

/** Every way an error could show a secret to a user or a log. */
export function errorText(err: unknown): string {
  const e = err as { body?: unknown; headers?: unknown; cause?: unknown; stack?: string };
  return [
    String(err),
    JSON.stringify(err),
    JSON.stringify(e?.body ?? null),
    JSON.stringify(e?.headers ?? null),
    e?.stack ?? '',
    String(e?.cause ?? ''),
  ].join('\n');
}
