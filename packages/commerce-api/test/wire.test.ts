import { AuthenticationError, type CommerceAdapter, ValidationError } from '@storeport/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CommerceApiAdapterOptions, createCommerceApiAdapter } from '../src';
import customerFixture from './__fixtures__/customer.json';
import orderFixture from './__fixtures__/order-usd.json';
import productFixture from './__fixtures__/product-footwear.json';

const ORIGIN = 'https://api.commerce.io';
const EMAIL = 'jane@example.com';
const PASSWORD = 's3cr3t!';
const JSON_TYPE = /^application\/json/;

const tokens = (n: number, expiresIn = 3600) => ({
  accessToken: `access-${n}`,
  tokenType: 'Bearer',
  expiresIn,
  refreshToken: `refresh-${n}`,
});
const page = (data: unknown[]) => ({
  data,
  total: data.length,
  page: 1,
  pageSize: 100,
  pages: data.length ? 1 : 0,
});

let adapters: CommerceAdapter[] = [];
function adapter(overrides: Partial<CommerceApiAdapterOptions> = {}): CommerceAdapter {
  const a = createCommerceApiAdapter({
    credentials: { email: EMAIL, password: PASSWORD },
    limiter: false,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  });
  adapters.push(a);
  return a;
}

/** Expects the login call exactly: JSON body, no Authorization header. */
function expectLogin(n = 1, body: Record<string, string | boolean> = { email: EMAIL, password: PASSWORD }) {
  return nock(ORIGIN, { badheaders: ['authorization', 'x-api-key'] })
    .matchHeader('content-type', JSON_TYPE)
    .post('/v2/auth/login', body)
    .reply(200, tokens(n));
}

/** The API with the bearer token of login/refresh `n` required on every request. */
const authed = (n = 1) => nock(ORIGIN).matchHeader('authorization', `Bearer access-${n}`);

beforeAll(() => nock.disableNetConnect());
afterEach(async () => {
  // Logout on close is asserted where it matters; elsewhere let it through.
  nock(ORIGIN).persist().delete('/v2/auth/logout').reply(204);
  await Promise.all(adapters.map((a) => a.close()));
  adapters = [];
  const pending = nock.pendingMocks().filter((m) => !m.includes('/auth/logout'));
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('wire: session', () => {
  it('logs in lazily on the first call, once, and sends the bearer token on every request', async () => {
    const shop = adapter();
    expect(nock.isDone()).toBe(true); // nothing sent at construction
    expectLogin();
    authed().get('/v2/products').query({ page: 1, pageSize: 100 }).reply(200, page([]));
    authed().get('/v2/orders').query({ page: 1, pageSize: 100 }).reply(200, page([]));
    await shop.products.list();
    await shop.orders.list();
  });

  it('sends remember: true when asked', async () => {
    const shop = adapter({ credentials: { email: EMAIL, password: PASSWORD, remember: true } });
    expectLogin(1, { email: EMAIL, password: PASSWORD, remember: true });
    authed().get('/v2/customers').query({ page: 1, pageSize: 100 }).reply(200, page([]));
    await shop.customers.list();
  });

  it('refreshes before expiry with the latest refresh token, never an old one', async () => {
    // A skew longer than the lifetime makes every call find the token about to expire.
    const shop = adapter({ refreshSkewMs: 10_000_000 });
    expectLogin();
    authed(1).get('/v2/orders').query(true).reply(200, page([]));
    nock(ORIGIN).post('/v2/auth/refresh', { refreshToken: 'refresh-1' }).reply(200, tokens(2));
    authed(2).get('/v2/orders').query(true).reply(200, page([]));
    nock(ORIGIN).post('/v2/auth/refresh', { refreshToken: 'refresh-2' }).reply(200, tokens(3));
    authed(3).get('/v2/orders').query(true).reply(200, page([]));
    for (let i = 0; i < 3; i += 1) await shop.orders.list();
  });

  it('after a 401 refreshes once and resends the request with the new token', async () => {
    const shop = adapter();
    expectLogin();
    authed(1)
      .get('/v2/orders/o-1')
      .reply(401, { code: 'TOKEN_EXPIRED', message: 'Access token has expired', details: null });
    nock(ORIGIN, { badheaders: ['authorization'] })
      .post('/v2/auth/refresh', { refreshToken: 'refresh-1' })
      .reply(200, tokens(2));
    authed(2).get('/v2/orders/o-1').reply(200, orderFixture.wire);
    const order = await shop.orders.get('o-1');
    expect(order.id).toBe(orderFixture.wire.orderId);
  });

  it('when the refresh is refused, logs in again once and carries on', async () => {
    const shop = adapter();
    expectLogin(1);
    authed(1)
      .get('/v2/products/p-1')
      .reply(401, { code: 'TOKEN_EXPIRED', message: 'expired', details: null });
    nock(ORIGIN).post('/v2/auth/refresh', { refreshToken: 'refresh-1' }).reply(401, {
      code: 'INVALID_REFRESH_TOKEN',
      message: 'Refresh token invalid or expired',
      details: null,
    });
    expectLogin(2);
    nock(ORIGIN)
      .matchHeader('authorization', 'Bearer access-2')
      .get('/v2/products/p-1')
      .reply(200, productFixture.wire);
    expect((await shop.products.get('p-1')).id).toBe(productFixture.wire.productId);
  });

  it('when the refresh and the new login fail, raises AuthenticationError without any secret in it', async () => {
    const shop = adapter();
    expectLogin(1);
    authed(1)
      .get('/v2/products/p-1')
      .reply(401, { code: 'TOKEN_EXPIRED', message: 'expired', details: null });
    nock(ORIGIN)
      .post('/v2/auth/refresh', { refreshToken: 'refresh-1' })
      .reply(401, { code: 'INVALID_REFRESH_TOKEN', message: 'no', details: null });
    nock(ORIGIN)
      .post('/v2/auth/login')
      .reply(401, { code: 'INVALID_CREDENTIALS', message: 'Invalid email or password', details: null });
    const err = await shop.products.get('p-1').catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', platform: 'commerce-api' });
    const text = `${String(err)} ${JSON.stringify(err)} ${(err as Error).stack}`;
    for (const secret of [PASSWORD, 'access-1', 'refresh-1']) expect(text).not.toContain(secret);
  });

  it('a second 401 after renewing is final (no loop)', async () => {
    const shop = adapter();
    expectLogin(1);
    authed(1).get('/v2/orders/o-1').reply(401, { code: 'INVALID_TOKEN', message: 'no', details: null });
    nock(ORIGIN).post('/v2/auth/refresh', { refreshToken: 'refresh-1' }).reply(200, tokens(2));
    authed(2).get('/v2/orders/o-1').reply(401, { code: 'INVALID_TOKEN', message: 'still no', details: null });
    await expect(shop.orders.get('o-1')).rejects.toSatisfy((e) => AuthenticationError.isInstance(e));
  });

  it('close() logs out with the current token, once, and later calls fail without a request', async () => {
    const shop = adapter();
    expectLogin();
    authed().get('/v2/orders').query(true).reply(200, page([]));
    await shop.orders.list();
    const logout = authed().delete('/v2/auth/logout').reply(204);
    await Promise.all([shop.close(), shop.close()]);
    expect(logout.isDone()).toBe(true);
    await expect(shop.orders.list()).rejects.toMatchObject({ code: 'adapter_closed' });
  });

  it('close() before any call sends nothing', async () => {
    const shop = adapter();
    await shop.close();
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('wire: API key', () => {
  it('sends X-API-Key on every request and never logs in or out', async () => {
    const shop = adapter({ credentials: { apiKey: 'cak_test_123' } });
    const api = () =>
      nock(ORIGIN, { badheaders: ['authorization'] }).matchHeader('x-api-key', 'cak_test_123');
    api().get('/v2/products').query({ page: 1, pageSize: 100 }).reply(200, page([]));
    api().delete('/v2/customers/c-1').reply(204);
    await shop.products.list();
    await shop.customers.delete('c-1');
    await shop.close();
  });

  it('uses the header name given in apiKeyHeader', async () => {
    const shop = adapter({ credentials: { apiKey: 'k-1' }, apiKeyHeader: 'Api-Key' });
    nock(ORIGIN).matchHeader('api-key', 'k-1').get('/v2/orders').query(true).reply(200, page([]));
    await shop.orders.list();
  });

  it('rejects options without usable credentials at construction, naming the option', () => {
    expect(() => createCommerceApiAdapter({} as CommerceApiAdapterOptions)).toThrow(
      /"credentials" is required/,
    );
    expect(() =>
      createCommerceApiAdapter({ credentials: { email: EMAIL } } as CommerceApiAdapterOptions),
    ).toThrow(/"credentials.password" is required/);
    expect(() => createCommerceApiAdapter({ credentials: { apiKey: '' } })).toThrow(/"credentials.apiKey"/);
    expect(() =>
      createCommerceApiAdapter({ baseUrl: 'http://api.commerce.io/v2', credentials: { apiKey: 'k' } }),
    ).toThrow(/https/);
    expect(() =>
      createCommerceApiAdapter({ credentials: { apiKey: 'k' }, plan: 'gold' as 'standard' }),
    ).toThrow(/"plan"/);
    expect(() => createCommerceApiAdapter({ credentials: { apiKey: 'k' }, refreshSkewMs: -1 })).toThrow(
      /"refreshSkewMs"/,
    );
    expect(() => createCommerceApiAdapter({ credentials: { apiKey: 'k' }, apiKeyHeader: 'X Key' })).toThrow(
      /"apiKeyHeader"/,
    );
  });
});

describe('wire: products', () => {
  it('list maps query, type, status and sort to search, category, active, sort/order', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .get('/v2/products')
      .query({
        page: 1,
        pageSize: 20,
        search: 'runner',
        category: 'footwear',
        active: 'false',
        sort: 'price',
        order: 'desc',
      })
      .reply(200, { data: [productFixture.wire], total: 1, page: 1, pageSize: 20, pages: 1 });
    const res = await shop.products.list({
      limit: 20,
      query: 'runner',
      type: 'footwear',
      status: 'draft',
      sort: { field: 'price', direction: 'desc' },
    });
    expect(res.items.map((p) => p.id)).toEqual([productFixture.wire.productId]);
    expect(res.nextCursor).toBeNull();
    expect(res.totalCount).toBe(1);
  });

  it('the next page comes from the cursor with the same filters', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .get('/v2/products')
      .query({ page: 1, pageSize: 1, category: 'home' })
      .reply(200, { data: [productFixture.wire], total: 2, page: 1, pageSize: 1, pages: 2 });
    authed()
      .get('/v2/products')
      .query({ page: 2, pageSize: 1, category: 'home' })
      .reply(200, { data: [productFixture.wire], total: 2, page: 2, pageSize: 1, pages: 2 });
    const first = await shop.products.list({ limit: 1, type: 'home' });
    const second = await shop.products.list({ cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
  });

  it('get encodes the id as one path segment', async () => {
    const shop = adapter();
    expectLogin();
    authed().get('/v2/products/a%2Fb%3Fc').reply(200, productFixture.wire);
    await shop.products.get('a/b?c');
  });

  it('create sends the API body: name, sku, decimal price + currency, stock, category', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .matchHeader('content-type', JSON_TYPE)
      .post('/v2/products', {
        name: 'Trail Runner',
        description: 'Grippy',
        sku: 'TR-1',
        price: 8.1,
        currency: 'USD',
        stock: 4,
        category: 'footwear',
        active: false,
        imageUrl: 'https://cdn.example.com/tr.jpg',
        weightGrams: 300,
      })
      .reply(201, productFixture.wire);
    await shop.products.create({
      title: 'Trail Runner',
      description: 'Grippy',
      sku: 'TR-1',
      price: { amount: 810, currency: 'USD' },
      inventoryQuantity: 4,
      type: 'footwear',
      status: 'draft',
      images: [{ url: 'https://cdn.example.com/tr.jpg' }],
      platformFields: { weightGrams: 300 },
    });
  });

  it('create sends yen as a whole number and defaults stock to 0', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .post('/v2/products', {
        name: 'Tea Cup',
        sku: 'TC-1',
        price: 1200,
        currency: 'JPY',
        stock: 0,
        category: 'home',
      })
      .reply(201, productFixture.wire);
    await shop.products.create({
      title: 'Tea Cup',
      sku: 'TC-1',
      price: { amount: 1200, currency: 'JPY' },
      type: 'home',
    });
  });

  it('update PATCHes only the fields given; delete sends DELETE', async () => {
    const shop = adapter();
    expectLogin();
    authed().patch('/v2/products/p-1', { name: 'Renamed', stock: 7 }).reply(200, productFixture.wire);
    authed().delete('/v2/products/p-1').reply(204);
    await shop.products.update('p-1', { title: 'Renamed', inventoryQuantity: 7 });
    await shop.products.delete('p-1');
  });

  it('refuses what the API cannot store before sending anything', async () => {
    const shop = adapter();
    const attempts: Array<[() => Promise<unknown>, string]> = [
      [() => shop.products.create({ title: 'x', sku: 's', price: { amount: 1, currency: 'USD' } }), 'type'],
      [
        () => shop.products.create({ title: 'x', type: 'home', price: { amount: 1, currency: 'USD' } }),
        'sku',
      ],
      [() => shop.products.create({ title: 'x', sku: 's', type: 'home' }), 'price'],
      [
        () =>
          shop.products.create({ title: 'x', sku: 's', type: 'food', price: { amount: 1, currency: 'USD' } }),
        'type',
      ],
      [() => shop.products.update('p', { status: 'archived' }), 'status'],
      [() => shop.products.update('p', { vendor: 'Acme' }), 'vendor'],
      [() => shop.products.update('p', { tags: ['a'] }), 'tags'],
      [() => shop.products.update('p', { compareAtPrice: { amount: 5, currency: 'USD' } }), 'compareAtPrice'],
      [() => shop.products.update('p', { variants: [{ sku: 'v' }] }), 'variants'],
      [
        () =>
          shop.products.update('p', {
            images: [{ url: 'https://a.example/1' }, { url: 'https://a.example/2' }],
          }),
        'images',
      ],
      [() => shop.products.list({ updatedSince: '2026-01-01T00:00:00Z' }), 'updatedSince'],
      [() => shop.products.list({ status: 'archived' }), 'status'],
      [() => shop.products.list({ sort: { field: 'vendor' } }), 'sort'],
    ];
    for (const [attempt, field] of attempts) {
      const err = await attempt().catch((e: unknown) => e);
      expect(ValidationError.isInstance(err), `${field}: ${String(err)}`).toBe(true);
      expect((err as ValidationError).issues.map((i) => i.field)).toContain(field);
    }
  });
});

describe('wire: orders', () => {
  it('list maps status and the created range to status, from, to', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .get('/v2/orders')
      .query({
        page: 1,
        pageSize: 50,
        status: 'shipped',
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-02-01T00:00:00.000Z',
      })
      .reply(200, page([orderFixture.wire]));
    const res = await shop.orders.list({
      limit: 50,
      status: 'shipped',
      createdSince: '2026-01-01T00:00:00Z',
      createdBefore: '2026-02-01T01:00:00+01:00',
    });
    expect(res.items).toHaveLength(1);
  });

  it('refuses filters GET /orders does not have', async () => {
    const shop = adapter();
    for (const params of [
      { updatedSince: '2026-01-01T00:00:00Z' },
      { customerId: 'c-1' },
      { sort: { field: 'createdAt' } },
      { createdSince: 'last tuesday' },
    ]) {
      await expect(shop.orders.list(params)).rejects.toSatisfy((e) => ValidationError.isInstance(e));
    }
  });

  it('create sends customerId, items with productId and quantity, notes, and platformFields (coupon)', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .post('/v2/orders', {
        customerId: 'cust-uuid',
        items: [{ productId: 'prod-uuid-1', quantity: 2 }],
        notes: 'Gift',
        coupon: 'WELCOME10',
      })
      .reply(201, orderFixture.wire);
    await shop.orders.create({
      customerId: 'cust-uuid',
      lineItems: [{ productId: 'prod-uuid-1', quantity: 2 }],
      note: 'Gift',
      platformFields: { coupon: 'WELCOME10' },
    });
  });

  it('updateStatus PATCHes /orders/{id}/status with the reason', async () => {
    const shop = adapter();
    expectLogin();
    authed().patch('/v2/orders/o-1/status', { status: 'confirmed' }).reply(200, orderFixture.wire);
    authed()
      .patch('/v2/orders/o-1/status', { status: 'cancelled', reason: 'Out of stock' })
      .reply(200, orderFixture.wire);
    await shop.orders.updateStatus('o-1', 'confirmed');
    await shop.orders.updateStatus('o-1', 'cancelled', { reason: 'Out of stock' });
  });

  it('checks the reason (cancel, refund) and the target status before sending', async () => {
    const shop = adapter();
    for (const [status, reason] of [
      ['cancelled', undefined],
      ['refunded', '   '],
      ['pending', 'x'],
      ['unknown', 'x'],
    ] as const) {
      const err = await shop.orders
        .updateStatus('o-1', status, reason === undefined ? {} : { reason })
        .catch((e: unknown) => e);
      expect(ValidationError.isInstance(err), `${status}: ${String(err)}`).toBe(true);
    }
    const noCustomer = await shop.orders
      .create({ email: 'a@b.co', lineItems: [{ productId: 'p', quantity: 1 }] })
      .catch((e: unknown) => e);
    expect((noCustomer as ValidationError).issues.map((i) => i.field)).toEqual(['customerId', 'email']);
    const skuOnly = await shop.orders
      .create({
        customerId: 'c',
        lineItems: [{ sku: 'S', quantity: 1, unitPrice: { amount: 1, currency: 'USD' } }],
      })
      .catch((e: unknown) => e);
    expect((skuOnly as ValidationError).issues.map((i) => i.field)).toEqual([
      'lineItems.0.productId',
      'lineItems.0.unitPrice',
    ]);
  });
});

describe('wire: customers', () => {
  it('list maps email, the created range and sort', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .get('/v2/customers')
      .query({
        page: 1,
        pageSize: 10,
        email: 'zoe@example.com',
        from: '2025-01-01T00:00:00.000Z',
        sort: 'name',
        order: 'asc',
      })
      .reply(200, page([customerFixture.wire]));
    await shop.customers.list({
      limit: 10,
      email: 'zoe@example.com',
      createdSince: '2025-01-01T00:00:00Z',
      sort: { field: 'name' },
    });
  });

  it('create and update send the modelled body; delete sends DELETE', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .post('/v2/customers', {
        email: 'zoe@example.com',
        firstName: 'Zoë',
        lastName: "O'Brien",
        phone: '+1-555-0100',
        notes: 'VIP',
        tags: ['vip'],
        addresses: [{ line1: '1 Vine St', city: 'Napa', region: 'CA', country: 'US' }],
      })
      .reply(201, customerFixture.wire);
    authed().patch('/v2/customers/c-1', { phone: null, notes: null }).reply(200, customerFixture.wire);
    authed().delete('/v2/customers/c-1').reply(204);
    await shop.customers.create({
      email: 'zoe@example.com',
      firstName: 'Zoë',
      lastName: "O'Brien",
      phone: '+1-555-0100',
      note: 'VIP',
      tags: ['vip'],
      addresses: [{ line1: '1 Vine St', city: 'Napa', region: 'CA', country: 'US' }],
    });
    await shop.customers.update('c-1', { phone: null, note: null });
    await shop.customers.delete('c-1');
  });

  it('requires an email on create and line1/city/country on addresses, before sending', async () => {
    const shop = adapter();
    const noEmail = await shop.customers.create({ firstName: 'A' }).catch((e: unknown) => e);
    expect((noEmail as ValidationError).issues.map((i) => i.field)).toEqual(['email']);
    const badAddress = await shop.customers
      .update('c-1', { addresses: [{ line1: '1 Vine St' }] })
      .catch((e: unknown) => e);
    expect((badAddress as ValidationError).issues.map((i) => i.field)).toEqual([
      'addresses.0.city',
      'addresses.0.country',
    ]);
  });
});

describe('wire: raw requests and errors', () => {
  it('request() goes through the same session', async () => {
    const shop = adapter();
    expectLogin();
    authed().get('/v2/reports/sales').query({ year: 2026 }).reply(200, { ok: true });
    const res = await shop.request<{ ok: boolean }>({
      method: 'GET',
      path: '/reports/sales',
      query: { year: 2026 },
    });
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('a 422 keeps the API code and details as issues', async () => {
    const shop = adapter();
    expectLogin();
    authed()
      .post('/v2/orders')
      .reply(422, {
        code: 'INSUFFICIENT_STOCK',
        message: 'Only 1 of TR-1 in stock, 2 requested',
        details: [
          { field: 'items', message: 'Only 1 of TR-1 in stock, 2 requested', code: 'insufficient_stock' },
        ],
      });
    const err = await shop.orders
      .create({ customerId: 'c', lineItems: [{ productId: 'p', quantity: 2 }] })
      .catch((e: unknown) => e);
    expect(ValidationError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({
      status: 422,
      code: 'INSUFFICIENT_STOCK',
      issues: [
        { field: 'items', message: 'Only 1 of TR-1 in stock, 2 requested', code: 'insufficient_stock' },
      ],
    });
  });

  it('uses a limiter it is given for every call, auth included', async () => {
    let scheduled = 0;
    const limiter = {
      schedule<R>(fn: () => PromiseLike<R>): Promise<R> {
        scheduled += 1;
        return Promise.resolve(fn());
      },
    };
    const shop = adapter({ limiter });
    expectLogin();
    authed().get('/v2/orders').query(true).reply(200, page([]));
    await shop.orders.list();
    expect(scheduled).toBe(2);
  });
});
