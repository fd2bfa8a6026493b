import { afterEach, describe, expect, it } from 'vitest';
import type { ChqOrder } from '../src/commercehq';
import { COMMERCEHQ_DEFAULT_RATE_LIMIT } from '../src/commercehq';
import {
  allPages,
  type ChqPage,
  type ChqSandbox,
  call,
  startChq,
  yiiError,
} from './__fixtures__/commercehq/client';

let sb: ChqSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('commercehq sandbox: rate limit', () => {
  it('defaults to an assumed 120 requests per rolling minute per API key', async () => {
    expect(COMMERCEHQ_DEFAULT_RATE_LIMIT).toEqual({ limit: 120, windowMs: 60_000 });
    sb = await startChq({ records: 5 });
    const statuses = await Promise.all(
      Array.from({ length: 121 }, () => call(sb!, 'GET', '/orders', { query: { size: 1 } })),
    );
    expect(statuses.filter((r) => r.status === 200)).toHaveLength(120);
    const limited = statuses.find((r) => r.status === 429)!;
    expect(limited.body).toEqual(yiiError(429, 'Too Many Requests', 'Rate limit exceeded.'));
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('answers 429 with Retry-After in seconds past a scaled limit, then serves again', async () => {
    sb = await startChq({ records: 5, rateLimit: { limit: 3, windowMs: 600 } });
    for (let i = 0; i < 3; i++) expect((await call(sb, 'GET', '/customers')).status).toBe(200);
    const limited = await call(sb, 'POST', '/orders/search', { body: {} });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    await sleep(650);
    expect((await call(sb, 'GET', '/customers')).status).toBe(200);
  });

  it('does not count requests without valid credentials (auth comes first), and can be turned off', async () => {
    sb = await startChq({ records: 5, rateLimit: { limit: 2, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) expect((await call(sb, 'GET', '/orders', { auth: null })).status).toBe(401);
    expect((await call(sb, 'GET', '/orders')).status).toBe(200);
    await sb.close();
    sb = await startChq({ records: 5, rateLimit: false });
    const all = await Promise.all(Array.from({ length: 200 }, () => call(sb!, 'GET', '/orders/1')));
    expect(all.every((r) => r.status === 200)).toBe(true);
  });
});

describe('commercehq sandbox: injected faults', () => {
  it('serves injected 5xx and 422 with the platform bodies', async () => {
    sb = await startChq({
      rateLimit: false,
      faults: [
        { kind: 'server-error', match: { path: '/api/v1/orders' }, times: 1 },
        { kind: 'server-error', status: 500, match: { path: '/api/v1/customers' }, times: 1 },
        { kind: 'server-error', status: 422, match: { path: '/api/v1/products' }, times: 1 },
      ],
    });
    const a = await call(sb, 'GET', '/orders');
    expect(a.status).toBe(503);
    expect(a.body).toEqual(
      yiiError(503, 'Service Unavailable', 'Service temporarily unavailable (injected)'),
    );
    expect((await call(sb, 'GET', '/customers')).body).toMatchObject({
      name: 'Internal Server Error',
      status: 500,
    });
    expect((await call(sb, 'GET', '/products')).body).toEqual({
      message: 'Validation Failed',
      errors: { base: ['Service temporarily unavailable (injected)'] },
    });
    expect((await call(sb, 'GET', '/orders')).status).toBe(200);
    expect(sb.stats.faults).toBe(3);
  });

  it('injects 429 with Retry-After', async () => {
    sb = await startChq({ rateLimit: false, faults: [{ kind: 'rate-limit', retryAfter: 7 }] });
    const res = await call(sb, 'GET', '/orders');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body).toMatchObject({ name: 'Too Many Requests', status: 429 });
  });

  it('resets the connection, or answers slower than the client waits', async () => {
    sb = await startChq({
      rateLimit: false,
      faults: [
        { kind: 'reset', match: { path: '/api/v1/orders' } },
        { kind: 'slow', delayMs: 400, match: { path: '/api/v1/customers' } },
      ],
    });
    await expect(call(sb, 'GET', '/orders')).rejects.toThrow();
    await expect(call(sb, 'GET', '/customers', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect((await call(sb, 'GET', '/orders')).status).toBe(200);
  });

  it('serves malformed and truncated JSON with 200', async () => {
    sb = await startChq({
      rateLimit: false,
      faults: [
        { kind: 'malformed-json', match: { path: '/api/v1/orders' } },
        { kind: 'truncated-json', match: { path: '/api/v1/customers' } },
      ],
    });
    const malformed = await call(sb, 'GET', '/orders');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    const truncated = await call(sb, 'GET', '/customers');
    expect(truncated.status).toBe(200);
    expect(() => JSON.parse(truncated.text)).toThrow();
    expect(truncated.text.startsWith('{"items":[')).toBe(true);
  });

  it('ignores expire-token: Basic auth has no tokens', async () => {
    sb = await startChq({ rateLimit: false, faults: [{ kind: 'expire-token' }] });
    expect((await call(sb, 'GET', '/orders')).status).toBe(200);
  });

  it('inserts records of each kind, with new ids, referencing real customers and products', async () => {
    sb = await startChq({
      rateLimit: false,
      faults: [
        { kind: 'insert-records', resource: 'customers', count: 2, match: { path: '/api/v1/customers' } },
        { kind: 'insert-records', resource: 'products', count: 3, match: { path: '/api/v1/products' } },
        { kind: 'insert-records', resource: 'orders', count: 4, match: { path: '/api/v1/orders' } },
      ],
    });
    const maxOrder = Math.max(...sb.store.ids('orders').map(Number));
    await call(sb, 'GET', '/customers');
    await call(sb, 'GET', '/products');
    const orders = await call<ChqPage<ChqOrder>>(sb, 'GET', '/orders');
    expect([sb.store.count('customers'), sb.store.count('products'), sb.store.count('orders')]).toEqual([
      62, 43, 124,
    ]);
    expect(orders.body._meta.totalCount).toBe(124);
    const fresh = orders.body.items.slice(0, 4);
    expect(fresh.map((o) => o.id)).toEqual([maxOrder + 4, maxOrder + 3, maxOrder + 2, maxOrder + 1]);
    for (const o of fresh) {
      if (o.customer) {
        const customer = sb.store.getRaw('customers', String(o.customer.id));
        expect(customer?.orders).toContain(o.id);
      }
      for (const line of o.items)
        expect(sb.store.getRaw('products', String(line.data.product_id))).toBeDefined();
      expect(o.order_date).toBeGreaterThan(Math.floor(Date.now() / 1000) - 60);
    }
  });

  it('shows why id-descending paging repeats records when some are added mid-export, and id-ascending does not', async () => {
    const fault = {
      kind: 'insert-records' as const,
      resource: 'orders',
      count: 3,
      after: 1,
      times: 1,
      match: { path: '/api/v1/orders' },
    };
    sb = await startChq({ rateLimit: false, faults: [fault] });
    const before = sb.store.ids('orders');
    const desc = await allPages<ChqOrder>(sb, '/orders', { size: 25 });
    const descIds = desc.items.map((o) => o.id);
    // The 3 new orders went to the front after page 1 was read: 3 records of page 1 come again on page 2.
    expect(descIds.length - new Set(descIds).size).toBe(3);
    expect(new Set(descIds.map(String))).toEqual(new Set(before));
    await sb.close();

    sb = await startChq({ rateLimit: false, faults: [fault] });
    const asc = await allPages<ChqOrder>(sb, '/orders', { size: 25, sort: 'id' });
    const ascIds = asc.items.map((o) => String(o.id));
    expect(new Set(ascIds).size).toBe(ascIds.length);
    expect(ascIds).toEqual(sb.store.ids('orders'));
    expect(ascIds).toHaveLength(123);
  });

  it('serves a record replaced through the store as is (for malformed-record tests)', async () => {
    sb = await startChq({ rateLimit: false });
    sb.store.putRaw('orders', '4041', { id: 4041, total: 'lots', items: 'none' });
    expect((await call(sb, 'GET', '/orders/4041')).body).toEqual({ id: 4041, total: 'lots', items: 'none' });
    const page = await call<ChqPage<unknown>>(sb, 'GET', '/orders', { query: { sort: '!total' } });
    expect(page.status).toBe(200);
    const search = await call(sb, 'POST', '/orders/search', {
      body: { total: 1, cart_price: 2, full_name: 'x' },
    });
    expect(search.status).toBe(200);
  });
});
