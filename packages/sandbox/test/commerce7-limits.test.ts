import { describe, expect, it } from 'vitest';
import type { Commerce7Store } from '../src/commerce7';
import { type Sandbox, startSandbox } from '../src/index';
import { c7, walkCursor } from './__fixtures__/commerce7/client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withSandbox(
  options: Omit<Parameters<typeof startSandbox>[0], 'platform'>,
  run: (sb: Sandbox<Commerce7Store>) => Promise<void>,
): Promise<void> {
  const sb = await startSandbox<Commerce7Store>({ platform: 'commerce7', ...options });
  try {
    await run(sb);
  } finally {
    await sb.close();
  }
}

describe('commerce7 sandbox: rate limits', () => {
  it('allows 100 requests a minute per tenant by default, then 429 with Retry-After and the error body', async () => {
    await withSandbox({ records: 5 }, async (sb) => {
      const statuses: number[] = [];
      for (let i = 0; i < 100; i += 1) statuses.push((await c7(sb, 'GET', '/product?limit=1')).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const r = await c7(sb, 'GET', '/customer');
      expect(r.status).toBe(429);
      const retryAfter = Number(r.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(59);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(r.body).toMatchObject({ statusCode: 429, type: 'tooManyRequests', errors: [] });
      // Gets and writes share the budget; cursor-mode lists do not count and are never refused.
      expect((await c7(sb, 'GET', `/order/${sb.store.ids('orders')[0]}`)).status).toBe(429);
      expect((await c7(sb, 'POST', '/note', { body: {} })).status).toBe(429);
      expect((await c7(sb, 'GET', '/order?cursor=start&limit=1')).status).toBe(200);
    });
  });

  it('scales to a given window, exempts cursor mode, and recovers when the window passes', async () => {
    await withSandbox({ records: 30, rateLimit: { limit: 5, windowMs: 400 } }, async (sb) => {
      for (let i = 0; i < 5; i += 1) expect((await c7(sb, 'GET', '/customer?limit=1')).status).toBe(200);
      const limited = await c7(sb, 'GET', '/customer?limit=1');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      // A whole cursor export while the page-mode budget is spent.
      const pages = await walkCursor(sb, '/customer', 'customers', 2);
      expect(pages.flat()).toHaveLength(30);
      expect(sb.stats.byStatus[429]).toBe(1);
      await sleep(450);
      expect((await c7(sb, 'GET', '/customer?limit=1')).status).toBe(200);
    });
  });

  it('past page 100 allows one page-mode request per slow interval (seed: 5 s), pages up to 100 are not slowed', async () => {
    await withSandbox(
      {
        records: 150,
        rateLimit: { limit: 1000, windowMs: 60_000 },
        platformOptions: { slowPageIntervalMs: 300 },
      },
      async (sb) => {
        for (const page of [99, 100, 99, 100]) {
          expect((await c7(sb, 'GET', `/customer?limit=1&page=${page}`)).status).toBe(200);
        }
        const p101 = await c7(sb, 'GET', '/customer?limit=1&page=101');
        expect(p101.status).toBe(200);
        expect((p101.body.customers as unknown[]).length).toBe(1);
        const p102 = await c7(sb, 'GET', '/customer?limit=1&page=102');
        expect(p102.status).toBe(429);
        expect(p102.body.message).toMatch(/cursor/);
        expect(p102.headers.get('retry-after')).toBe('1');
        expect((await c7(sb, 'GET', '/customer?limit=1&page=3')).status).toBe(200);
        expect((await c7(sb, 'GET', '/customer?cursor=start&limit=1')).status).toBe(200);
        await sleep(320);
        expect((await c7(sb, 'GET', '/customer?limit=1&page=102')).status).toBe(200);
      },
    );
  });

  it('derives the slow interval from the seed’s 5 s scaled by the rateLimit window', async () => {
    // 60 s → 600 ms: a hundredth of the time, so 5 s becomes 50 ms.
    await withSandbox({ records: 120, rateLimit: { limit: 100, windowMs: 600 } }, async (sb) => {
      expect((await c7(sb, 'GET', '/customer?limit=1&page=110')).status).toBe(200);
      expect((await c7(sb, 'GET', '/customer?limit=1&page=111')).status).toBe(429);
      await sleep(70);
      expect((await c7(sb, 'GET', '/customer?limit=1&page=111')).status).toBe(200);
    });
  });

  it('rateLimit: false turns every limit off', async () => {
    await withSandbox({ records: 120, rateLimit: false }, async (sb) => {
      for (let i = 0; i < 120; i += 1) {
        expect((await c7(sb, 'GET', `/customer?limit=1&page=${i + 1}`)).status).toBe(200);
      }
    });
  });
});

describe('commerce7 sandbox: cursor end variants', () => {
  it('with cursorLookahead off, an exact multiple ends on an empty page without a cursor', async () => {
    await withSandbox(
      { records: 40, rateLimit: false, platformOptions: { cursorLookahead: false } },
      async (sb) => {
        expect((await walkCursor(sb, '/product', 'products', 20)).map((p) => p.length)).toEqual([20, 20, 0]);
        expect((await walkCursor(sb, '/product', 'products', 15)).map((p) => p.length)).toEqual([15, 15, 10]);
      },
    );
  });
});

describe('commerce7 sandbox: injected faults', () => {
  it('server-error and rate-limit faults answer with the Commerce7 error body', async () => {
    await withSandbox(
      {
        records: 5,
        rateLimit: false,
        faults: [
          { kind: 'server-error', match: { path: '/v1/order' }, times: 1 },
          { kind: 'server-error', status: 500, match: { path: '/v1/product' }, times: 1 },
          { kind: 'rate-limit', retryAfter: 7, match: { path: '/v1/customer' }, times: 1 },
        ],
      },
      async (sb) => {
        const e503 = await c7(sb, 'GET', '/order');
        expect(e503.status).toBe(503);
        expect(e503.body).toEqual({
          statusCode: 503,
          type: 'serviceUnavailable',
          message: 'Service temporarily unavailable (injected)',
          errors: [],
        });
        expect((await c7(sb, 'GET', '/order')).status).toBe(200);
        expect((await c7(sb, 'GET', '/product')).body).toMatchObject({
          statusCode: 500,
          type: 'serverError',
        });
        const e429 = await c7(sb, 'GET', '/customer');
        expect(e429.status).toBe(429);
        expect(e429.headers.get('retry-after')).toBe('7');
        expect(e429.body).toMatchObject({ statusCode: 429, type: 'tooManyRequests', errors: [] });
      },
    );
  });

  it('reset, slow, malformed and truncated responses', async () => {
    await withSandbox({ records: 5, rateLimit: false }, async (sb) => {
      sb.faults.add({ kind: 'reset', match: { path: '/v1/customer' } });
      await expect(c7(sb, 'GET', '/customer')).rejects.toThrow();

      sb.faults.add({ kind: 'slow', delayMs: 500, match: { path: '/v1/product' } });
      await expect(c7(sb, 'GET', '/product', { signal: AbortSignal.timeout(100) })).rejects.toThrow();

      sb.faults.add({ kind: 'malformed-json', match: { path: '/v1/order' } });
      const malformed = await c7(sb, 'GET', '/order');
      expect(malformed.status).toBe(200);
      expect(() => JSON.parse(malformed.text)).toThrow();

      sb.faults.add({ kind: 'truncated-json', match: { path: '/v1/order' } });
      const truncated = await c7(sb, 'GET', '/order');
      expect(truncated.status).toBe(200);
      expect(() => JSON.parse(truncated.text)).toThrow();
      expect(truncated.text.startsWith('{"orders":[')).toBe(true);

      expect((await c7(sb, 'GET', '/order')).status).toBe(200);
    });
  });

  it('insert-records adds generated records before handling; a cursor export still sees each once', async () => {
    await withSandbox(
      {
        records: 30,
        rateLimit: false,
        faults: [
          {
            kind: 'insert-records',
            resource: 'orders',
            count: 4,
            after: 1,
            times: 2,
            match: { path: '/v1/order' },
          },
        ],
      },
      async (sb) => {
        const pages = await walkCursor(sb, '/order', 'orders', 10);
        const seen = pages.flat().map((o) => (o as { id: string }).id);
        expect(sb.store.count('orders')).toBe(38);
        expect(seen).toEqual(sb.store.ids('orders'));
        const added = sb.store.getRaw('orders', seen.at(-1)!)!;
        expect(Date.parse(added.createdAt as string)).toBeLessThanOrEqual(Date.now());
        expect(Date.parse(added.updatedAt as string)).toBeLessThanOrEqual(Date.now());
      },
    );
  });

  it('insert-records for customers and products; expire-token is a no-op (no tokens on Commerce7)', async () => {
    await withSandbox({ records: 5, rateLimit: false }, async (sb) => {
      sb.faults.add({ kind: 'insert-records', resource: 'customers', count: 3 });
      sb.faults.add({ kind: 'insert-records', resource: 'products', count: 2 });
      sb.faults.add({ kind: 'expire-token' });
      for (let i = 0; i < 3; i += 1) expect((await c7(sb, 'GET', '/customer?limit=1')).status).toBe(200);
      expect(sb.store.count('customers')).toBe(8);
      expect(sb.store.count('products')).toBe(7);
      const newest = sb.store.ids('customers').at(-1)!;
      expect(sb.store.addressesOf(newest).length).toBeGreaterThan(0);
    });
  });
});
