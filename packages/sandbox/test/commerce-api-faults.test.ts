import { afterEach, describe, expect, it } from 'vitest';
import { createCommerceApiSimulator, type WireOrder, type WirePage } from '../src/commerce-api';
import type { SimRequest, SimResponse } from '../src/types';
import {
  type ApiSandbox,
  allPages,
  call,
  login,
  shapeProblems,
  startCommerceApi,
} from './__fixtures__/commerce-api/client';

let sb: ApiSandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

/** The simulator answers synchronously; the type allows a promise for other platforms. */
function handled(sim: ReturnType<typeof createCommerceApiSimulator>, req: SimRequest): SimResponse {
  return sim.handle(req) as SimResponse;
}

function simRequest(method: string, path: string, headers: Record<string, string>, now: number): SimRequest {
  return { method, path, query: new URLSearchParams(), headers, body: undefined, rawBody: '', now };
}

describe('commerce-api sandbox: rate limit', () => {
  it('allows 1,000 requests a minute per API key by default, then 429 with Retry-After', () => {
    const sim = createCommerceApiSimulator({
      seed: 1,
      records: { customers: 1, orders: 1, products: 1 },
      rateLimit: undefined,
      platformOptions: {},
      now: () => 0,
    });
    const headers = { 'x-api-key': 'cak_sandbox_full_access' };
    for (let i = 0; i < 1_000; i += 1) {
      expect(handled(sim, simRequest('GET', '/v2/products', headers, i * 10))).toMatchObject({ status: 200 });
    }
    const limited = handled(sim, simRequest('GET', '/v2/products', headers, 10_000)) as {
      status: number;
      headers: Record<string, string>;
      body: unknown;
    };
    expect(limited.status).toBe(429);
    // The first request (t=0) leaves the 60 s window at t=60 s: 50 s from now.
    expect(limited.headers['retry-after']).toBe('50');
    expect(limited.body).toEqual({
      code: 'RATE_LIMITED',
      message: 'Rate limit exceeded: 1000 requests per minute',
      details: null,
    });
    // Another key has its own budget.
    expect(
      handled(sim, simRequest('GET', '/v2/products', { 'x-api-key': 'cak_sandbox_read_only' }, 10_000)),
    ).toMatchObject({ status: 200 });
    expect(handled(sim, simRequest('GET', '/v2/products', headers, 60_001))).toMatchObject({ status: 200 });
  });

  it('allows 10,000 a minute on the enterprise plan', () => {
    const sim = createCommerceApiSimulator({
      seed: 1,
      records: { customers: 0, orders: 0, products: 0 },
      rateLimit: undefined,
      platformOptions: { plan: 'enterprise' },
      now: () => 0,
    });
    const headers = { 'x-api-key': 'cak_sandbox_full_access' };
    for (let i = 0; i < 10_000; i += 1)
      expect(handled(sim, simRequest('GET', '/v2/orders', headers, i)).status).toBe(200);
    expect(handled(sim, simRequest('GET', '/v2/orders', headers, 10_000)).status).toBe(429);
  });

  it('applies a scaled limit over HTTP, counting logins, and recovers after Retry-After', async () => {
    sb = await startCommerceApi({ rateLimit: { limit: 5, windowMs: 1_000 } });
    const tokens = await login(sb); // 1 of 5
    for (let i = 0; i < 4; i += 1)
      expect((await call(sb, 'GET', '/orders', { token: tokens.accessToken })).status).toBe(200);
    const limited = await call(sb, 'GET', '/orders', { token: tokens.accessToken });
    expect(limited.status).toBe(429);
    expect(shapeProblems('error', limited.body)).toEqual([]);
    expect(limited.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Rate limit exceeded: 5 requests per 1 s',
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBe(1);
    expect((await call(sb, 'POST', '/auth/login', { body: sb.options.credentials })).status).toBe(429);
    await new Promise((r) => setTimeout(r, retryAfter * 1_000 + 50));
    expect((await call(sb, 'GET', '/orders', { token: tokens.accessToken })).status).toBe(200);
  });

  it('does not limit with rateLimit: false', async () => {
    sb = await startCommerceApi({ rateLimit: false });
    const { accessToken } = await login(sb);
    const replies = await Promise.all(
      Array.from({ length: 60 }, () => call(sb!, 'GET', '/products', { token: accessToken })),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
  });
});

describe('commerce-api sandbox: determinism and volume', () => {
  it('generates the same data for the same seed and different data for another', async () => {
    const a = await startCommerceApi({ seed: 99 });
    const b = await startCommerceApi({ seed: 99 });
    const c = await startCommerceApi({ seed: 100 });
    try {
      for (const resource of ['customers', 'orders', 'products'] as const) {
        expect(b.store.ids(resource)).toEqual(a.store.ids(resource));
        for (const id of a.store.ids(resource))
          expect(b.store.getRaw(resource, id)).toEqual(a.store.getRaw(resource, id));
        expect(c.store.ids(resource)).not.toEqual(a.store.ids(resource));
      }
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  // How fast it generates is a benchmark figure (pnpm bench), not a test.
  it('honours record counts of 10,000 of each', async () => {
    sb = await startCommerceApi({ records: 10_000 });
    expect([sb.store.count('customers'), sb.store.count('orders'), sb.store.count('products')]).toEqual([
      10_000, 10_000, 10_000,
    ]);
  });

  it('starts with zero records, and with products but no customers has no orders', async () => {
    sb = await startCommerceApi({ records: 0 });
    expect(sb.store.count('orders')).toBe(0);
    await sb.close();
    sb = await startCommerceApi({ records: { customers: 0, products: 3, orders: 10 } });
    expect(sb.store.count('orders')).toBe(0);
    expect(sb.store.ids('products').map((id) => sb!.store.getRaw('products', id)!.currency)).toContain('JPY');
  });
});

describe('commerce-api sandbox: injected faults', () => {
  it('server-error: the status asked for with the {code,message,details} body', async () => {
    sb = await startCommerceApi();
    const { accessToken } = await login(sb);
    sb.faults.add({ kind: 'server-error', match: { path: '/v2/orders' } });
    sb.faults.add({ kind: 'server-error', status: 500, match: { path: '/v2/customers' } });
    const unavailable = await call(sb, 'GET', '/orders', { token: accessToken });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Service temporarily unavailable (injected)',
      details: null,
    });
    expect((await call(sb, 'GET', '/customers', { token: accessToken })).body).toMatchObject({
      code: 'INTERNAL_ERROR',
    });
    expect((await call(sb, 'GET', '/orders', { token: accessToken })).status).toBe(200);
  });

  it('rate-limit: 429 with the Retry-After asked for', async () => {
    sb = await startCommerceApi();
    const { accessToken } = await login(sb);
    sb.faults.add({ kind: 'rate-limit', retryAfter: 7 });
    const reply = await call(sb, 'GET', '/products', { token: accessToken });
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
    expect(reply.body).toMatchObject({ code: 'RATE_LIMITED', details: null });
  });

  it('reset: the connection drops without a response', async () => {
    sb = await startCommerceApi();
    sb.faults.add({ kind: 'reset' });
    await expect(call(sb, 'GET', '/products', { apiKey: 'cak_sandbox_full_access' })).rejects.toThrow();
  });

  it('slow: the response comes after the delay asked for', async () => {
    sb = await startCommerceApi();
    sb.faults.add({ kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const reply = await call(sb, 'GET', '/products', { apiKey: 'cak_sandbox_full_access' });
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('malformed-json and truncated-json: 200 with a body that does not parse', async () => {
    sb = await startCommerceApi();
    sb.faults.add({ kind: 'malformed-json' });
    sb.faults.add({ kind: 'truncated-json' });
    for (let i = 0; i < 2; i += 1) {
      const res = await fetch(`${sb.baseUrl}/products`, {
        headers: { 'x-api-key': 'cak_sandbox_full_access' },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(() => JSON.parse(text)).toThrow();
    }
  });

  it('insert-records while paging: the new records come at the end; nothing is lost or duplicated', async () => {
    sb = await startCommerceApi({ rateLimit: false });
    const { accessToken } = await login(sb);
    const before = sb.store.ids('orders');
    sb.faults.add({
      kind: 'insert-records',
      resource: 'orders',
      count: 3,
      match: { method: 'GET', path: '/v2/orders' },
      after: 2,
      times: 2,
    });
    const { items } = await allPages<WireOrder>(sb, '/orders', accessToken, {}, 25);
    const ids = items.map((o) => o.orderId);
    expect(sb.store.count('orders')).toBe(126);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(sb.store.ids('orders'));
    expect(ids.slice(0, 120)).toEqual(before);
    for (const order of items.slice(120)) {
      expect(sb.store.getRaw('customers', order.customerId)).toBeDefined();
      expect(Date.parse(order.createdAt)).toBeGreaterThan(Date.parse(items[119]!.createdAt));
    }
  });

  it('insert-records works for customers and products too, and is seen by the envelope total', async () => {
    sb = await startCommerceApi();
    const { accessToken } = await login(sb);
    sb.faults.add({ kind: 'insert-records', resource: 'products', count: 2 });
    const page = await call<WirePage<unknown>>(sb, 'GET', '/products', { token: accessToken });
    expect(page.body.total).toBe(42);
    sb.faults.add({ kind: 'insert-records', resource: 'customers', count: 5 });
    expect((await call<WirePage<unknown>>(sb, 'GET', '/customers', { token: accessToken })).body.total).toBe(
      65,
    );
    expect(sb.store.insertGenerated('orders', 2)).toHaveLength(2);
  });
});
