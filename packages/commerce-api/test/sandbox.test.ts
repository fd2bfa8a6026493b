import {
  AuthenticationError,
  type CommerceAdapter,
  ConflictError,
  InvalidCursorError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@storeport/core';
import { type Sandbox, type SandboxOptions, startSandbox } from '@storeport/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { type CommerceApiAdapterOptions, createCommerceApiAdapter } from '../src';

/** The simulator's own store type, as far as these tests use it. */
interface ApiStore {
  ids(resource: string): string[];
  count(resource: string): number;
  getRaw(resource: string, id: string): Record<string, unknown> | undefined;
  putRaw(resource: string, id: string, record: Record<string, unknown>): void;
  statusHistory: Map<string, { from: string; to: string; reason: string | null }[]>;
  auth: {
    counters: {
      logins: number;
      refreshes: number;
      failedRefreshes: number;
      refreshReuse: number;
      logouts: number;
      rejected: number;
    };
    openSessions(): number;
  };
}
type ApiSandbox = Sandbox<ApiStore, CommerceApiAdapterOptions>;

const FAST = {
  retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 20 },
  limiter: false as const,
  timeoutMs: 2_000,
};
let open: { sb: ApiSandbox; shops: CommerceAdapter[] }[] = [];

async function setup(
  sandbox: Omit<SandboxOptions, 'platform'> = {},
  adapter: Partial<CommerceApiAdapterOptions> = {},
): Promise<{
  sb: ApiSandbox;
  shop: CommerceAdapter;
  another: (o?: Partial<CommerceApiAdapterOptions>) => CommerceAdapter;
}> {
  const sb = (await startSandbox({ platform: 'commerce-api', rateLimit: false, ...sandbox })) as ApiSandbox;
  const entry = { sb, shops: [] as CommerceAdapter[] };
  open.push(entry);
  const another = (o: Partial<CommerceApiAdapterOptions> = {}) => {
    const shop = createCommerceApiAdapter({ ...sb.options, ...FAST, ...adapter, ...o });
    entry.shops.push(shop);
    return shop;
  };
  return { sb, shop: another(), another };
}

afterEach(async () => {
  for (const { sb, shops } of open) {
    await Promise.allSettled(shops.map((s) => s.close()));
    await sb.close();
  }
  open = [];
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe('adapter over the sandbox: paging', () => {
  it('iterates every record once, in the API order, at several page sizes and with parallel pages', async () => {
    const { sb, shop } = await setup();
    for (const resource of ['customers', 'orders', 'products'] as const) {
      for (const limit of [1, 13, 100]) {
        const ids: string[] = [];
        for await (const r of shop[resource].iterate({ limit })) ids.push(r.id);
        expect(ids).toEqual(sb.store.ids(resource));
      }
      const parallel: string[] = [];
      for await (const r of shop[resource].iterate({ limit: 9, concurrency: 4 })) parallel.push(r.id);
      expect(parallel).toEqual(sb.store.ids(resource));
    }
  });

  it('reports the total and ends with a null cursor; filters travel in the cursor', async () => {
    const { sb, shop } = await setup();
    const shipped = sb.store
      .ids('orders')
      .filter((id) => sb.store.getRaw('orders', id)!.status === 'shipped');
    const seen: string[] = [];
    let page = await shop.orders.list({ status: 'shipped', limit: 4 });
    expect(page.totalCount).toBe(shipped.length);
    for (;;) {
      seen.push(...page.items.map((o) => o.id));
      expect(page.items.every((o) => o.status === 'shipped')).toBe(true);
      if (!page.nextCursor) break;
      page = await shop.orders.list({ cursor: page.nextCursor });
    }
    expect(seen).toEqual(shipped);
    await expect(shop.orders.list({ cursor: page.nextCursor ?? 'x', status: 'pending' })).rejects.toSatisfy(
      (e) => InvalidCursorError.isInstance(e),
    );
  });

  it('refuses a tampered cursor without a request', async () => {
    const { sb, shop } = await setup();
    const { nextCursor } = await shop.products.list({ limit: 3 });
    const before = sb.stats.requests;
    const tampered = `${nextCursor!.slice(0, -2)}${nextCursor!.endsWith('A') ? 'B' : 'A'}x`;
    await expect(shop.products.list({ cursor: tampered })).rejects.toSatisfy((e) =>
      InvalidCursorError.isInstance(e),
    );
    await expect(shop.customers.list({ cursor: nextCursor })).rejects.toSatisfy((e) =>
      InvalidCursorError.isInstance(e),
    );
    expect(sb.stats.requests).toBe(before);
  });

  it('filters products by search, category and status, and sorts by price', async () => {
    const { shop } = await setup();
    const drafts = await shop.products.list({ status: 'draft' });
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((p) => p.status === 'draft')).toBe(true);
    const footwear = await shop.products.list({
      type: 'footwear',
      sort: { field: 'price', direction: 'desc' },
    });
    expect(footwear.items.every((p) => p.type === 'footwear')).toBe(true);
    const prices = footwear.items.map((p) => Number((p.raw as { price: number }).price));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
  });
});

describe('adapter over the sandbox: money', () => {
  it('reads the yen product exactly and rejects a price the currency cannot hold, naming the field', async () => {
    const { sb, shop } = await setup();
    const yen = sb.store.ids('products').find((id) => sb.store.getRaw('products', id)!.currency === 'JPY')!;
    const product = await shop.products.get(yen);
    expect(product.price).toEqual({ amount: sb.store.getRaw('products', yen)!.price, currency: 'JPY' });
    sb.store.putRaw('products', yen, { ...sb.store.getRaw('products', yen)!, price: 8.165, currency: 'USD' });
    const err = await failure(shop.products.get(yen));
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    expect((err as ResponseShapeError).field).toBe('price');
  });

  it('order totals add up in minor units', async () => {
    const { shop } = await setup();
    for await (const o of shop.orders.iterate()) {
      const lines = o.lineItems.reduce((s, l) => s + l.total.amount, 0);
      expect(o.subtotal.amount).toBe(lines);
      expect(o.total.amount).toBe(o.subtotal.amount - o.discountTotal.amount);
      for (const l of o.lineItems) expect(l.total.amount).toBe(l.unitPrice.amount * l.quantity);
    }
  });
});

describe('adapter over the sandbox: writes, read back through the store', () => {
  it('creates, updates and soft-deletes a product; a duplicate SKU is a ConflictError', async () => {
    const { sb, shop } = await setup();
    const created = await shop.products.create({
      title: 'Tea Cup',
      sku: 'TEA-CUP-1',
      price: { amount: 1200, currency: 'JPY' },
      inventoryQuantity: 9,
      type: 'home',
    });
    expect(sb.store.getRaw('products', created.id)).toMatchObject({
      name: 'Tea Cup',
      price: 1200,
      currency: 'JPY',
      stock: 9,
      category: 'home',
      active: true,
    });
    const updated = await shop.products.update(created.id, {
      status: 'draft',
      price: { amount: 1999, currency: 'USD' },
    });
    expect(updated.status).toBe('draft');
    expect(sb.store.getRaw('products', created.id)).toMatchObject({
      active: false,
      price: 19.99,
      currency: 'USD',
    });
    const dup = await failure(
      shop.products.create({
        title: 'Other',
        sku: 'TEA-CUP-1',
        price: { amount: 1, currency: 'USD' },
        type: 'home',
      }),
    );
    expect(ConflictError.isInstance(dup)).toBe(true);
    expect(dup).toMatchObject({ status: 409, code: 'SKU_EXISTS' });
    await shop.products.delete(created.id);
    expect(sb.store.getRaw('products', created.id)).toBeUndefined();
    expect(NotFoundError.isInstance(await failure(shop.products.get(created.id)))).toBe(true);
  });

  it('places an order, then moves it through statuses with a reason where required', async () => {
    const { sb, shop } = await setup();
    const productId = sb.store.ids('products').find((id) => {
      const p = sb.store.getRaw('products', id)!;
      return p.active === true && (p.stock as number) >= 2 && p.currency === 'USD';
    })!;
    const customerId = sb.store.ids('customers')[0]!;
    const order = await shop.orders.create({
      customerId,
      lineItems: [{ productId, quantity: 2 }],
      note: 'Gift',
      platformFields: { coupon: 'WELCOME10' },
    });
    expect(order).toMatchObject({ status: 'pending', paymentStatus: 'unpaid', note: 'Gift', customerId });
    expect(sb.store.getRaw('orders', order.id)).toMatchObject({ status: 'pending', notes: 'Gift' });
    expect(order.discountTotal.amount).toBeGreaterThan(0);
    await shop.orders.updateStatus(order.id, 'confirmed');
    const refunded = await shop.orders.updateStatus(order.id, 'refunded', { reason: 'Changed mind' });
    expect(refunded).toMatchObject({
      status: 'refunded',
      paymentStatus: 'refunded',
      refundedTotal: refunded.total,
    });
    expect(sb.store.statusHistory.get(order.id)!.map((c) => [c.to, c.reason])).toEqual([
      ['confirmed', null],
      ['refunded', 'Changed mind'],
    ]);
    const err = await failure(shop.orders.updateStatus(order.id, 'shipped'));
    expect(ValidationError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({
      status: 422,
      code: 'INVALID_STATUS_TRANSITION',
      issues: [{ field: 'status' }],
    });
  });

  it('business-rule failures on orders are ValidationErrors that keep the code and details', async () => {
    const { sb, shop } = await setup();
    const err = await failure(
      shop.orders.create({
        customerId: sb.store.ids('customers')[0]!,
        lineItems: [{ productId: 'no-such-product', quantity: 1 }],
      }),
    );
    expect(err).toMatchObject({
      status: 422,
      code: 'PRODUCT_NOT_FOUND',
      issues: [{ field: 'items.0.productId', code: 'product_not_found' }],
    });
  });

  it('creates, updates and deletes a customer', async () => {
    const { sb, shop } = await setup();
    const c = await shop.customers.create({
      email: 'new.person@example.com',
      firstName: 'New',
      addresses: [{ line1: '1 Vine St', city: 'Napa', region: 'CA', postalCode: '94558', country: 'US' }],
    });
    expect(c.addresses[0]).toMatchObject({ line1: '1 Vine St', country: 'US' });
    expect(sb.store.getRaw('customers', c.id)).toMatchObject({
      email: 'new.person@example.com',
      firstName: 'New',
    });
    await shop.customers.update(c.id, { lastName: 'Person', note: 'hi' });
    expect(sb.store.getRaw('customers', c.id)).toMatchObject({ lastName: 'Person', notes: 'hi' });
    expect(
      ConflictError.isInstance(await failure(shop.customers.create({ email: 'NEW.PERSON@example.com' }))),
    ).toBe(true);
    await shop.customers.delete(c.id);
    expect(sb.store.getRaw('customers', c.id)).toBeUndefined();
  });

  it('a read-only user gets PermissionError on writes', async () => {
    const { sb, another } = await setup();
    const viewer = another({ credentials: { email: 'viewer@example.com', password: 's3cr3t!' } });
    expect((await viewer.products.list({ limit: 1 })).items).toHaveLength(1);
    const err = await failure(viewer.products.update(sb.store.ids('products')[0]!, { title: 'x' }));
    expect(PermissionError.isInstance(err)).toBe(true);
  });
});

describe('adapter over the sandbox: the JWT session', () => {
  it('ten concurrent calls on an expired token make exactly one refresh, and never reuse a refresh token', async () => {
    const { sb, shop } = await setup({ platformOptions: { tokenLifetimeSec: 1 } });
    await shop.orders.list({ limit: 1 });
    await sleep(1_100);
    const pages = await Promise.all(Array.from({ length: 10 }, (_, i) => shop.orders.list({ limit: 1 + i })));
    expect(pages.map((p) => p.items.length)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sb.store.auth.counters).toMatchObject({ logins: 1, refreshes: 1, refreshReuse: 0, rejected: 0 });
  });

  it('ten concurrent calls all refused by the server (tokens expired early) make exactly one refresh', async () => {
    const { sb, shop } = await setup();
    await shop.orders.list({ limit: 1 });
    sb.faults.add({ kind: 'expire-token', match: { method: 'GET' } });
    await Promise.all(Array.from({ length: 10 }, () => shop.customers.list({ limit: 2 })));
    expect(sb.store.auth.counters).toMatchObject({ logins: 1, refreshes: 1, refreshReuse: 0 });
    expect(sb.store.auth.counters.rejected).toBeGreaterThanOrEqual(1);
  });

  it('refreshes before expiry, so a long export with short tokens sees no 401', async () => {
    // A 2 s token renewed once it is 0.5 s old leaves 1.5 s for any request in flight, which even a
    // busy machine does not use up; the export itself takes at least 24 pages × 40 ms.
    const { sb, shop } = await setup(
      { platformOptions: { tokenLifetimeSec: 2 }, latencyMs: 40 },
      { refreshSkewMs: 1_500 },
    );
    let n = 0;
    for await (const _ of shop.orders.iterate({ limit: 5 })) n += 1;
    expect(n).toBe(sb.store.count('orders'));
    expect(sb.store.auth.counters.refreshes).toBeGreaterThanOrEqual(1);
    expect(sb.store.auth.counters).toMatchObject({ logins: 1, refreshReuse: 0, rejected: 0 });
  });

  it('a token expired mid-export is renewed and the export completes with every record once', async () => {
    const { sb, shop } = await setup();
    sb.faults.add({ kind: 'expire-token', match: { method: 'GET', path: '/v2/orders' }, after: 3, times: 1 });
    sb.faults.add({ kind: 'expire-token', match: { method: 'GET', path: '/v2/orders' }, after: 8, times: 1 });
    const ids: string[] = [];
    for await (const o of shop.orders.iterate({ limit: 10 })) ids.push(o.id);
    expect(ids).toEqual(sb.store.ids('orders'));
    expect(sb.store.auth.counters).toMatchObject({ logins: 1, refreshes: 2, refreshReuse: 0 });
  });

  it('when the refresh token has expired too, logs in again once', async () => {
    const { sb, shop } = await setup({
      platformOptions: { tokenLifetimeSec: 1, refreshTokenLifetimeSec: 1 },
    });
    await shop.products.list({ limit: 1 });
    await sleep(1_100);
    await shop.products.list({ limit: 1 });
    expect(sb.store.auth.counters).toMatchObject({ logins: 2, failedRefreshes: 1, refreshReuse: 0 });
  });

  it('close() logs out: the session is gone on the server', async () => {
    const { sb, shop } = await setup();
    await shop.customers.list({ limit: 1 });
    expect(sb.store.auth.openSessions()).toBe(1);
    await shop.close();
    expect(sb.store.auth.openSessions()).toBe(0);
    expect(sb.store.auth.counters.logouts).toBe(1);
  });

  it('wrong credentials: AuthenticationError, one login attempt, no secret in the error', async () => {
    const { sb, another } = await setup();
    const bad = another({ credentials: { email: 'jane@example.com', password: 'not-the-password' } });
    const err = await failure(bad.orders.list());
    expect(AuthenticationError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(
      `${String(err)} ${JSON.stringify(err)} ${JSON.stringify((err as { body: unknown }).body)}`,
    ).not.toContain('not-the-password');
    expect(sb.stats.requests).toBe(1);
  });

  it('API-key mode works against the sandbox with no session at all', async () => {
    const { sb, another } = await setup();
    const keyed = another({ credentials: { apiKey: 'cak_sandbox_full_access' } });
    expect((await keyed.products.list({ limit: 5 })).items).toHaveLength(5);
    await keyed.close();
    expect(sb.store.auth.counters.logins).toBe(0);
  });
});

describe('adapter over the sandbox: limits and faults', () => {
  it('stays under the platform limit with its own limiter: zero 429s', async () => {
    const { sb, another } = await setup({ rateLimit: { limit: 10, windowMs: 1_000 } });
    const limited = another({ limiter: undefined, rateLimit: { limit: 10, windowMs: 1_000 } });
    let n = 0;
    for await (const _ of limited.orders.iterate({ limit: 10 })) n += 1;
    expect(n).toBe(120);
    expect(sb.stats.byStatus[429]).toBeUndefined();
  });

  it('waits out a 429 with Retry-After, and surfaces RateLimitError with retryAfterMs when it persists', async () => {
    const { sb, shop } = await setup();
    await shop.orders.list({ limit: 1 });
    sb.faults.add({ kind: 'rate-limit', retryAfter: 1, times: 1 });
    const started = Date.now();
    await shop.orders.list({ limit: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    sb.faults.add({ kind: 'rate-limit', retryAfter: 0, times: 10 });
    const err = await failure(shop.orders.list({ limit: 1 }));
    expect(RateLimitError.isInstance(err)).toBe(true);
    expect((err as RateLimitError).retryAfterMs).toBe(0);
  });

  it('retries 503 and malformed JSON on reads; surfaces ServerError, TimeoutError and ResponseShapeError when they persist', async () => {
    const { sb, shop, another } = await setup();
    await shop.products.list({ limit: 1 });
    sb.faults.add({ kind: 'server-error', status: 503, times: 2 });
    sb.faults.add({ kind: 'malformed-json', times: 1 });
    expect((await shop.products.list({ limit: 2 })).items).toHaveLength(2);
    sb.faults.clear();
    sb.faults.add({ kind: 'server-error', status: 500, times: 1 });
    expect(ServerError.isInstance(await failure(shop.products.list()))).toBe(true);
    sb.faults.add({ kind: 'truncated-json', times: 10 });
    const shape = await failure(shop.products.list());
    expect(ResponseShapeError.isInstance(shape)).toBe(true);
    sb.faults.clear();
    const impatient = another({ timeoutMs: 150, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await impatient.products.list({ limit: 1 });
    sb.faults.add({ kind: 'slow', delayMs: 400, times: 2 });
    expect(TimeoutError.isInstance(await failure(impatient.products.list({ limit: 1 })))).toBe(true);
  });

  it('does not resend a POST after a connection reset (the order may exist)', async () => {
    const { sb, shop } = await setup();
    await shop.orders.list({ limit: 1 });
    sb.faults.add({ kind: 'reset', match: { method: 'POST', path: '/v2/products' } });
    const before = sb.stats.requests;
    const err = await failure(
      shop.products.create({
        title: 'x',
        sku: 'RESET-1',
        price: { amount: 100, currency: 'USD' },
        type: 'home',
      }),
    );
    expect((err as { name: string }).name).toBe('NetworkError');
    expect(sb.stats.requests - before).toBe(1);
  });
});
