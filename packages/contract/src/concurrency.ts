import type { CommerceAdapter, IterateOptions, LimiterLike, ResourceName } from '@storeport/core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import {
  collect,
  type Harness,
  listableResources,
  openHarness,
  RESOURCES,
  requireOperation,
  skipWith,
} from './harness';
import type { ContractOptions } from './types';

/**
 * The sandbox's limit and the adapter's, scaled alike: one request every 31.5 ms (core spaces
 * `limit` requests over the window + 1% + 50 ms), so about three fit in a 100 ms round trip, and
 * four pages in flight with no spacing at all would already reach the limit.
 */
const RATE = { limit: 8, windowMs: 200 };
const LATENCY_MS = 100;
/** Small pages, so each resource of the harness's store is 9 to 16 of them. */
const PAGE_SIZE = 2;

/**
 * `iterate({ concurrency })` where `capabilities[resource].parallelPages` says pages can be
 * fetched in parallel: the same records as a sequential iterate, in the same order, with several
 * pages really in flight, never more than asked for, and within the rate limit. The sandbox
 * counts what arrives (`stats.maxInFlight`, `busiestWindow`), so nothing of the adapter is trusted.
 */
export function registerConcurrency<O extends object>(options: ContractOptions<O>): void {
  describe('pages in parallel', () => {
    let h: Harness;
    beforeAll(async () => {
      // TEST_OVERRIDES turn the client limiter off; here it is on, at the sandbox's own limit.
      h = await openHarness(options, { limiter: undefined, rateLimit: RATE }, { rateLimit: RATE });
    });
    afterAll(() => h?.close());

    /** Skips, with the reason, unless `resource` can be listed with pages in parallel. */
    const needsParallelPages = (ctx: TestContext, resource: ResourceName) => {
      requireOperation(ctx, h.adapter, options.name, resource, 'list');
      if (!h.adapter.capabilities[resource].parallelPages)
        skipWith(ctx, `${options.name} cannot fetch ${resource} pages in parallel (parallelPages is false)`);
    };

    /** The first listable resource whose pages can be fetched in parallel; skips when there is none. */
    const anyParallel = (ctx: TestContext): ResourceName => {
      const r = listableResources(h.adapter).find((x) => h.adapter.capabilities[x].parallelPages);
      if (!r) skipWith(ctx, `${options.name} cannot fetch pages in parallel for any resource it lists`);
      return r as ResourceName;
    };

    for (const resource of RESOURCES) {
      it(`iterate({ concurrency: 4 }) yields what a sequential iterate does, in order, 2 to 4 requests in flight, no 429 (${resource})`, async (ctx) => {
        needsParallelPages(ctx, resource);
        const expected = await sequential(h, resource);
        h.sandbox.resetStats();
        h.sandbox.setLatency(LATENCY_MS);
        try {
          const adapter = h.another();
          const records = await iterateAll(adapter, resource, { concurrency: 4 });
          expect(records.map((r) => r.id)).toEqual(expected.records.map((r) => r.id));
          expect(records).toEqual(expected.records);
          // Every page once: as many requests as the sequential iterate sent.
          expect(h.sandbox.stats.requests).toBe(expected.requests);
          // Parallel (a round trip holds about three requests' spacing), never beyond 4 at once…
          expect(h.sandbox.stats.maxInFlight).toBeGreaterThan(1);
          expect(h.sandbox.stats.maxInFlight).toBeLessThanOrEqual(4);
          // …and never faster than the limit: no 429, no window at the sandbox over the limit.
          expect(h.sandbox.stats.byStatus[429] ?? 0).toBe(0);
          expect(adapter.metrics.rateLimited).toBe(0);
          expect(h.sandbox.busiestWindow(RATE.windowMs)).toBeLessThanOrEqual(RATE.limit);
        } finally {
          h.sandbox.setLatency(0);
        }
      });
    }

    // Above, the limiter's spacing alone keeps about three requests in flight; without it, only
    // `concurrency` holds them back.
    it('iterate({ concurrency: 4 }) with no limiter in the way has exactly 4 requests in flight', async (ctx) => {
      const resource = anyParallel(ctx);
      const free = await openHarness(options);
      try {
        const expected = await sequential(free, resource);
        free.sandbox.resetStats();
        free.sandbox.setLatency(LATENCY_MS);
        const records = await iterateAll(free.adapter, resource, { concurrency: 4 });
        expect(records.map((r) => r.id)).toEqual(expected.records.map((r) => r.id));
        expect(free.sandbox.stats.maxInFlight).toBe(4);
      } finally {
        await free.close();
      }
    });

    it('iterate({ concurrency: 8 }) under a limiter that runs two at a time never has a third request in flight, and keeps the order', async (ctx) => {
      const resource = anyParallel(ctx);
      const free = await openHarness(options);
      try {
        const expected = await sequential(free, resource);
        let running = 0;
        let maxRunning = 0;
        const waiting: Array<() => void> = [];
        // A two-slot semaphore: what bottleneck's maxConcurrent: 2 does, visible from outside.
        const limiter: LimiterLike = {
          async schedule<R>(fn: () => PromiseLike<R>): Promise<R> {
            if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
            running += 1;
            maxRunning = Math.max(maxRunning, running);
            try {
              return await fn();
            } finally {
              running -= 1;
              waiting.shift()?.();
            }
          },
        };
        free.sandbox.resetStats();
        free.sandbox.setLatency(LATENCY_MS);
        const records = await iterateAll(free.another({ limiter }), resource, { concurrency: 8 });
        expect(records.map((r) => r.id)).toEqual(expected.records.map((r) => r.id));
        expect(maxRunning).toBe(2);
        expect(free.sandbox.stats.maxInFlight).toBe(2);
      } finally {
        await free.close();
      }
    });

    it('maxItems stops a parallel iteration early, in order', async (ctx) => {
      const resource = anyParallel(ctx);
      const free = await openHarness(options);
      try {
        const expected = await sequential(free, resource);
        free.sandbox.setLatency(LATENCY_MS);
        const records = await iterateAll(free.adapter, resource, { concurrency: 4, maxItems: 7 });
        expect(records.map((r) => r.id)).toEqual(expected.records.slice(0, 7).map((r) => r.id));
      } finally {
        await free.close();
      }
    });
  });
}

/** Every record `iterate()` yields at PAGE_SIZE (typed for any of the three resources). */
function iterateAll(
  adapter: CommerceAdapter,
  resource: ResourceName,
  params: IterateOptions = {},
): Promise<Array<{ id: string }>> {
  return collect(adapter[resource].iterate({ limit: PAGE_SIZE, ...params }) as AsyncIterable<{ id: string }>);
}

/**
 * A sequential iterate on a fresh adapter, as the sandbox is set (the tests read it before adding
 * latency, which only makes it slow): the records in their order, and the requests it took.
 */
async function sequential(h: Harness, resource: ResourceName) {
  const before = h.sandbox.stats.requests;
  const records = await iterateAll(h.another(), resource);
  return { records, requests: h.sandbox.stats.requests - before };
}
