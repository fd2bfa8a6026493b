import { inspect } from 'node:util';
import {
  AbortError,
  AuthenticationError,
  type CommerceError,
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type ResourceName,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@storeport/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import {
  can,
  defaultBadCredentials,
  expectNoSecrets,
  type Harness,
  iterateIds,
  listableResources,
  openHarness,
  pickListable,
  RECORDS,
  secretsOf,
  skipWith,
  TEST_OVERRIDES,
} from './harness';
import type { ContractOptions } from './types';

type ErrorClass = { isInstance(e: unknown): boolean; kind: string };

export function registerFaults<O extends object>(options: ContractOptions<O>): void {
  describe('errors, retries, limits and cancellation', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness(options);
    });
    afterAll(() => h?.close());
    afterEach(() => h.sandbox.faults.clear());

    // Each check lists whichever resource the adapter can list (preferring the one named).
    const listable = (ctx: TestContext, preferred?: ResourceName) =>
      pickListable(ctx, h.adapter, options.name, preferred);

    it('wrong credentials give AuthenticationError, and no credential appears in it', async (ctx) => {
      const resource = listable(ctx, 'customers');
      const good = h.sandbox.options as O;
      const bad = (options.badCredentials ?? defaultBadCredentials)(good);
      const adapter = options.createAdapter({ ...bad, ...TEST_OVERRIDES });
      try {
        const err = await adapter[resource].list({ limit: 1 }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(AuthenticationError.isInstance(err), String(err)).toBe(true);
        expect((err as CommerceError).status).toBe(401);
        expect((err as CommerceError).platform).toBe(options.platform);
        expectNoSecrets(err, good, bad);
      } finally {
        await adapter.close();
      }
    });

    const statusCases: Array<[number, ErrorClass]> = [
      [400, ValidationError],
      [403, PermissionError],
      [404, NotFoundError],
      [409, ConflictError],
      [422, ValidationError],
      [500, ServerError],
    ];
    for (const [status, cls] of statusCases) {
      it(`a ${status} response becomes ${cls.kind}`, async (ctx) => {
        const resource = listable(ctx, 'products');
        h.sandbox.faults.add({ kind: 'server-error', status, times: 1 });
        const err = await h.adapter[resource].list({ limit: 1 }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(cls.isInstance(err), String(err)).toBe(true);
        expect((err as CommerceError).status).toBe(status);
        expectNoSecrets(err, h.sandbox.options);
      });
    }

    // A platform that quotes the request back (headers, decoded Basic auth, a login body) in its
    // error body, headers, request id, code and a field name: none of it may reach the error.
    const echoed = (err: unknown, ...secretsFrom: object[]) => {
      expect(ValidationError.isInstance(err), String(err)).toBe(true);
      expect((err as CommerceError).requestId, 'the echoed request id is kept, redacted').toBeDefined();
      expectNoSecrets(err, ...secretsFrom);
      const shown = inspect(err, { depth: 8 });
      expect(shown).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
      expect(shown).not.toMatch(/Bearer [A-Za-z0-9._-]{8,}/);
      for (const secret of secretsOf(secretsFrom[0]!))
        expect(shown.includes(secret), 'util.inspect shows a credential').toBe(false);
    };

    it('an error that echoes the credentials of a running adapter shows none of them', async (ctx) => {
      const resource = listable(ctx, 'customers');
      // Authenticated already (a session adapter has logged in), so the echo holds live tokens.
      await h.adapter[resource].list({ limit: 1 });
      h.sandbox.faults.add({ kind: 'echo-credentials', times: 1 });
      const err = await h.adapter[resource].list({ limit: 1 }).then(
        () => null,
        (e: unknown) => e,
      );
      echoed(err, h.sandbox.options);
    });

    it("an error that echoes a new adapter's first request (a login's body) shows no credential", async (ctx) => {
      const resource = listable(ctx, 'customers');
      const adapter = options.createAdapter({ ...(h.sandbox.options as O), ...TEST_OVERRIDES });
      try {
        h.sandbox.faults.add({ kind: 'echo-credentials', times: 1 });
        const err = await adapter[resource].list({ limit: 1 }).then(
          () => null,
          (e: unknown) => e,
        );
        echoed(err, h.sandbox.options);
      } finally {
        await adapter.close();
      }
    });

    it('a 429 with Retry-After is waited out and retried', async (ctx) => {
      const resource = listable(ctx, 'customers');
      h.sandbox.faults.add({ kind: 'rate-limit', retryAfter: 1, times: 1 });
      const started = Date.now();
      const page = await h.adapter[resource].list({ limit: 3 });
      expect(page.items).toHaveLength(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(h.adapter.metrics.rateLimited).toBeGreaterThanOrEqual(1);
    });

    it('a 429 that outlasts the retries surfaces as RateLimitError with retryAfterMs', async (ctx) => {
      const resource = listable(ctx, 'customers');
      h.sandbox.faults.add({ kind: 'rate-limit', retryAfter: 0, times: 50 });
      const err = await h.adapter[resource].list({ limit: 3 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(RateLimitError.isInstance(err), String(err)).toBe(true);
      expect((err as RateLimitError).retryAfterMs).toBe(0);
      expectNoSecrets(err, h.sandbox.options);
    });

    it('the platform rate limit is respected: a limited sandbox still yields every record', async (ctx) => {
      const resource = listable(ctx, 'orders');
      const limited = await openHarness(
        options,
        { retry: { retries: 8, baseDelayMs: 5, maxDelayMs: 50 } },
        // Seven pages against three requests a second: over the limit however slow the machine.
        { rateLimit: { limit: 3, windowMs: 1_000 } },
      );
      try {
        const ids = await iterateIds(limited.adapter, resource, { limit: 5 });
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(limited.sandbox.store.count(resource));
      } finally {
        await limited.close();
      }
    });

    it('503s, resets, malformed and truncated JSON mid-export are retried with nothing lost or duplicated', async (ctx) => {
      listable(ctx);
      const flaky = await openHarness(
        options,
        { retry: { retries: 12, baseDelayMs: 2, maxDelayMs: 10 } },
        {
          seed: 11,
          faults: [
            { kind: 'server-error', status: 503, probability: 0.15, match: { method: 'GET' } },
            { kind: 'reset', probability: 0.08, match: { method: 'GET' } },
            { kind: 'malformed-json', probability: 0.08, match: { method: 'GET' } },
            { kind: 'truncated-json', probability: 0.08, match: { method: 'GET' } },
          ],
        },
      );
      try {
        for (const resource of listableResources(h.adapter)) {
          const ids = await iterateIds(flaky.adapter, resource, { limit: 4 });
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBe(RECORDS[resource]);
        }
        expect(flaky.sandbox.stats.faults).toBeGreaterThan(0);
        expect(flaky.adapter.metrics.retries).toBeGreaterThan(0);
      } finally {
        await flaky.close();
      }
    });

    it('persistent 503s give up with ServerError after the configured retries', async (ctx) => {
      const resource = listable(ctx, 'orders');
      // Counted by the faults served, not by requests: a token refresh on the way is no retry.
      h.sandbox.faults.add({ kind: 'server-error', status: 503, times: 50, match: { method: 'GET' } });
      const before = h.sandbox.stats.faults;
      const err = await h.adapter[resource].list({ limit: 1 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(ServerError.isInstance(err), String(err)).toBe(true);
      expect((err as CommerceError).retryable).toBe(true);
      const retries = (TEST_OVERRIDES.retry as { retries: number }).retries;
      expect(h.sandbox.stats.faults - before).toBe(retries + 1);
    });

    it('a create that gets a 503 is not sent again (the platform may have made the record)', async (ctx) => {
      const resource = (['customers', 'products'] as const).find((r) => can(h.adapter, r, 'create'));
      if (!resource) return skipWith(ctx, `${options.name} cannot create customers or products`);
      const stamp = `${Date.now().toString(36)}r`;
      const input =
        resource === 'customers'
          ? { email: `retry-${stamp}@example.com`, firstName: 'Retry', lastName: 'Tester' }
          : {
              ...(options.fixtures?.product ?? { price: { amount: 1295, currency: 'USD' } }),
              title: `Retry ${stamp}`,
              sku: `RT-${stamp}`,
            };
      // Only the create: a login (a POST too) must not be the request that fails.
      h.sandbox.faults.add({
        kind: 'server-error',
        status: 503,
        times: 1,
        match: { method: 'POST', path: /customer|product/i },
      });
      const before = h.sandbox.store.count(resource);
      const create = h.adapter[resource].create.bind(h.adapter[resource]) as (i: unknown) => Promise<unknown>;
      const err = await create(input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(ServerError.isInstance(err), String(err)).toBe(true);
      expect(h.sandbox.store.count(resource), 'the create was sent again').toBe(before);
      expect(h.sandbox.stats.faults).toBeGreaterThan(0);
    });

    it('a response slower than the timeout is TimeoutError, and a slow one-off is retried', async (ctx) => {
      const resource = listable(ctx, 'products');
      const slow = await openHarness(options, {
        timeoutMs: 150,
        retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
      });
      try {
        slow.sandbox.faults.add({ kind: 'slow', delayMs: 400, times: 1, match: { method: 'GET' } });
        const page = await slow.adapter[resource].list({ limit: 2 });
        expect(page.items).toHaveLength(2);
        slow.sandbox.faults.add({ kind: 'slow', delayMs: 400, times: 10, match: { method: 'GET' } });
        const err = await slow.adapter[resource].list({ limit: 2 }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(TimeoutError.isInstance(err), String(err)).toBe(true);
        expectNoSecrets(err, slow.sandbox.options);
      } finally {
        await slow.close();
      }
    });

    it('an AbortSignal cancels an in-flight call promptly, and an aborted one sends nothing', async (ctx) => {
      const resource = listable(ctx, 'customers');
      const other = listable(ctx, 'orders');
      h.sandbox.faults.add({ kind: 'slow', delayMs: 1_500, times: 1 });
      const controller = new AbortController();
      const started = Date.now();
      const pending = h.adapter[resource].list({ limit: 2, signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toSatisfy((e: unknown) => AbortError.isInstance(e));
      expect(Date.now() - started).toBeLessThan(1_000);

      const before = h.sandbox.stats.requests;
      await expect(h.adapter[other].list({ signal: AbortSignal.abort() })).rejects.toSatisfy((e: unknown) =>
        AbortError.isInstance(e),
      );
      expect(h.sandbox.stats.requests).toBe(before);
    });
  });
}
