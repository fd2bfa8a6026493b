/**
 * `iterate({ concurrency })` over the sandbox: pages fetched in parallel still yield every record
 * once, in the API's order, and the parallel requests stay inside the rate limiter — its spacing
 * (no 429, no window over the limit at the sandbox) and its concurrency (a limiter that lets two
 * run at once never sees a third).
 */
import type { LimiterLike, RateLimit } from '@storeport/core';
import { type Sandbox, startSandbox } from '@storeport/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { type CommerceApiAdapterOptions, createCommerceApiAdapter } from '../src';

interface ApiStore {
  ids(resource: string): string[];
}
type ApiSandbox = Sandbox<ApiStore, CommerceApiAdapterOptions>;

/** 1,000/min scaled to 20 per 500 ms: one request every 27.75 ms, so 4 fit in a 100 ms round trip. */
const RATE: RateLimit = { limit: 20, windowMs: 500 };
const LATENCY_MS = 100;
const PAGE_SIZE = 5;

let sandbox: ApiSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function open(customers: number, rateLimit: RateLimit | false = RATE): Promise<ApiSandbox> {
  sandbox = (await startSandbox({
    platform: 'commerce-api',
    seed: 12,
    records: { customers, orders: 0, products: 0 },
    rateLimit,
    latencyMs: LATENCY_MS,
    platformOptions: { credentials: 'apiKey' },
  })) as ApiSandbox;
  return sandbox;
}

/** A fetch that counts the requests waiting for a response. */
function countingFetch(): { fetch: typeof globalThis.fetch; max(): number } {
  let inFlight = 0;
  let max = 0;
  return {
    fetch: async (input, init) => {
      inFlight += 1;
      max = Math.max(max, inFlight);
      try {
        return await globalThis.fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    },
    max: () => max,
  };
}

/** The most requests that arrived within any `windowMs` (sandbox clock). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

describe('iterate({ concurrency }) on the Commerce API sandbox', () => {
  it('concurrency 4: every record once and in order, pages in parallel, within the rate limit', async () => {
    const sb = await open(150);
    const counter = countingFetch();
    const shop = createCommerceApiAdapter({ ...sb.options, rateLimit: RATE, fetch: counter.fetch });
    try {
      const ids: string[] = [];
      for await (const c of shop.customers.iterate({ limit: PAGE_SIZE, concurrency: 4 })) ids.push(c.id);
      expect(ids).toEqual(sb.store.ids('customers'));
      expect(sb.stats.requests).toBe(150 / PAGE_SIZE);
      // Parallel (a 100 ms round trip holds several 27.75 ms slots), never beyond 4 at once…
      expect(counter.max()).toBeGreaterThan(1);
      expect(counter.max()).toBeLessThanOrEqual(4);
      // …and never faster than the limit: no 429, no 500 ms window at the sandbox over 20.
      expect(sb.stats.byStatus[429] ?? 0).toBe(0);
      expect(shop.metrics.rateLimited).toBe(0);
      expect(
        maxInWindow(
          sb.log.map((e) => e.at),
          RATE.windowMs,
        ),
      ).toBeLessThanOrEqual(RATE.limit);
    } finally {
      await shop.close();
    }
  });

  it('a limiter that runs two at a time is never asked for a third, and order still holds', async () => {
    const sb = await open(60, false);
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
    const counter = countingFetch();
    const shop = createCommerceApiAdapter({ ...sb.options, limiter, fetch: counter.fetch });
    try {
      const ids: string[] = [];
      for await (const c of shop.customers.iterate({ limit: PAGE_SIZE, concurrency: 8 })) ids.push(c.id);
      expect(ids).toEqual(sb.store.ids('customers'));
      expect(maxRunning).toBe(2);
      expect(counter.max()).toBe(2);
    } finally {
      await shop.close();
    }
  });

  it('maxItems stops a parallel iteration early, in order', async () => {
    const sb = await open(60, false);
    const shop = createCommerceApiAdapter({ ...sb.options, limiter: false });
    try {
      const ids: string[] = [];
      for await (const c of shop.customers.iterate({ limit: PAGE_SIZE, concurrency: 4, maxItems: 12 }))
        ids.push(c.id);
      expect(ids).toEqual(sb.store.ids('customers').slice(0, 12));
    } finally {
      await shop.close();
    }
  });
});
