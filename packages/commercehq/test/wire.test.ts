import { AuthenticationError, type CommerceError, RateLimitError, ValidationError } from '@storeport/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CommerceHQAdapter, createCommerceHQAdapter } from '../src';
import customer30 from './__fixtures__/customer-30.json';
import error422 from './__fixtures__/error-422.json';
import order4041 from './__fixtures__/order-4041.json';
import product14 from './__fixtures__/product-14.json';
import carriers from './__fixtures__/shipping-carriers.json';

// The seed's example credentials and the Authorization header it shows for them.
const AUTH = 'Basic a2V5XzEyMzpzZWN1cmUtcGFzc3dvcmQ=';
const ORIGIN = 'https://mystore.commercehq.com';
const EXPAND = 'textareas,images,options,variants';

let shop: CommerceHQAdapter;
const api = () => nock(ORIGIN, { reqheaders: { authorization: AUTH, accept: 'application/json' } });
const page = (
  items: unknown[],
  meta: Partial<Record<'totalCount' | 'pageCount' | 'currentPage' | 'perPage', number>> = {},
) => ({
  items,
  _links: { self: { href: `${ORIGIN}/api/v1/x?page=1` } },
  _meta: { totalCount: items.length, pageCount: 1, currentPage: 1, perPage: 20, ...meta },
});

beforeAll(() => {
  nock.disableNetConnect();
  shop = createCommerceHQAdapter({
    store: 'mystore',
    apiKey: 'key_123',
    apiPassword: 'secure-password',
    limiter: false,
    retry: false,
  });
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  return shop.close();
});

describe('commercehq wire: customers', () => {
  it('lists with page, size, sort by id ascending and Basic auth', async () => {
    api()
      .get('/api/v1/customers')
      .query({ page: '1', size: '20', sort: 'id' })
      .reply(200, page([customer30], { totalCount: 41, pageCount: 3 }));
    const res = await shop.customers.list();
    expect(res.items.map((c) => c.id)).toEqual(['30']);
    expect(res.totalCount).toBe(41);
    api()
      .get('/api/v1/customers')
      .query({ page: '2', size: '20', sort: 'id' })
      .reply(200, page([], { currentPage: 2, pageCount: 3 }));
    await shop.customers.list({ cursor: res.nextCursor });
  });

  it('caps the size at 200 and sorts descending with "!", ties broken by id', async () => {
    api()
      .get('/api/v1/customers')
      .query({ page: '1', size: '200', sort: '!created_at,id' })
      .reply(200, page([customer30]));
    const res = await shop.customers.list({ limit: 5000, sort: { field: 'createdAt', direction: 'desc' } });
    expect(res.nextCursor).toBeNull();
  });

  it('finds by email through POST /customers/search with the filter in the body', async () => {
    api()
      .post('/api/v1/customers/search', { email: 'developer@commercehq.com' })
      .query({ page: '1', size: '20', sort: 'id' })
      .reply(200, page([customer30]));
    const res = await shop.customers.list({ email: 'developer@commercehq.com' });
    expect(res.items[0]?.email).toBe('developer@commercehq.com');
  });

  it('gets, creates, updates, updates one address and deletes', async () => {
    api().get('/api/v1/customers/30').reply(200, customer30);
    await shop.customers.get('30');
    api()
      .post('/api/v1/customers', {
        email: 'hello@world.com',
        first_name: 'James',
        address: [
          {
            shipping: { city: 'North Hollywood', country: 'US' },
            billing: { city: 'North Hollywood', country: 'US' },
          },
        ],
      })
      .matchHeader('content-type', /application\/json/)
      .reply(201, { ...customer30, id: 6 });
    const created = await shop.customers.create({
      email: 'hello@world.com',
      firstName: 'James',
      addresses: [{ city: 'North Hollywood', country: 'US' }],
    });
    expect(created.id).toBe('6');
    api().patch('/api/v1/customers/30', { first_name: 'Renamed', notes: null }).reply(200, customer30);
    await shop.customers.update('30', { firstName: 'Renamed', note: null });
    // The seed's "Update an address" body.
    api()
      .patch('/api/v1/customers/30', { address: { id: 77, shipping: { first_name: 'jamie' }, phone: '123' } })
      .reply(200, customer30);
    await shop.customers.updateAddress('30', '77', { shipping: { firstName: 'jamie' }, phone: '123' });
    api().delete('/api/v1/customers/30').reply(204);
    await expect(shop.customers.delete('30')).resolves.toBeUndefined();
  });
});

describe('commercehq wire: products', () => {
  it('lists and gets with every relation expanded', async () => {
    api()
      .get('/api/v1/products')
      .query({ page: '1', size: '20', sort: 'id', expand: EXPAND })
      .reply(200, page([product14]));
    expect((await shop.products.list()).items[0]?.variants).toHaveLength(4);
    api().get('/api/v1/products/14').query({ expand: EXPAND }).reply(200, product14);
    expect((await shop.products.get('14')).title).toBe('Fancy bear 1000');
  });

  it('searches titles through POST /products/search', async () => {
    api()
      .post('/api/v1/products/search', { title: 'bear' })
      .query({ page: '1', size: '20', sort: '!title,id', expand: EXPAND })
      .reply(200, page([product14]));
    await shop.products.list({ query: 'bear', sort: { field: 'title', direction: 'desc' } });
  });

  it('creates, then reads the product back whole', async () => {
    api()
      .post('/api/v1/products', { title: 'Pinot', is_multi: false, price: 42.95, sku: 'P-1' })
      .reply(201, { id: 18, title: 'Pinot' });
    api()
      .get('/api/v1/products/18')
      .query({ expand: EXPAND })
      .reply(200, { ...product14, id: 18, is_multi: false, price: 42.95, variants: [] });
    const created = await shop.products.create({
      title: 'Pinot',
      sku: 'P-1',
      price: { amount: 4295, currency: 'USD' },
    });
    expect(created.price).toEqual({ amount: 4295, currency: 'USD' });
  });

  it('checks the product kind before a price-only update, and refuses it on a multi-variant product', async () => {
    api().get('/api/v1/products/5').query({ fields: 'id,is_multi' }).reply(200, { id: 5, is_multi: false });
    api().patch('/api/v1/products/5', { price: 19.99 }).reply(200, { id: 5 });
    api()
      .get('/api/v1/products/5')
      .query({ expand: EXPAND })
      .reply(200, { ...product14, id: 5, is_multi: false, price: 19.99, variants: [] });
    await shop.products.update('5', { price: { amount: 1999, currency: 'USD' } });
    api().get('/api/v1/products/14').query({ fields: 'id,is_multi' }).reply(200, { id: 14, is_multi: true });
    await expect(shop.products.update('14', { price: { amount: 1999, currency: 'USD' } })).rejects.toThrow(
      /variants/,
    );
  });

  it('deletes', async () => {
    api().delete('/api/v1/products/30').reply(204, '[]');
    await shop.products.delete('30');
  });
});

describe('commercehq wire: orders', () => {
  it('lists with a plain GET when there are no filters', async () => {
    api()
      .get('/api/v1/orders')
      .query({ page: '1', size: '50', sort: 'id' })
      .reply(200, page([order4041]));
    await shop.orders.list({ limit: 50 });
  });

  it('searches by status, customer and order date with body filters (Unix seconds)', async () => {
    api()
      .post('/api/v1/orders/search', {
        status: [5],
        paid: [0, 1, -1],
        customer_id: 2819,
        order_date: { start: 1494547200, end: 1494633599 },
      })
      .query({ page: '1', size: '20', sort: '!order_date,id' })
      .reply(200, page([order4041]));
    await shop.orders.list({
      status: 'shipped',
      customerId: '2819',
      createdSince: '2017-05-12T00:00:00Z',
      createdBefore: '2017-05-13T00:00:00Z',
      sort: { field: 'createdAt', direction: 'desc' },
    });
  });

  it('asks for nothing when the status cannot exist on CommerceHQ', async () => {
    const res = await shop.orders.list({ status: 'cancelled' });
    expect(res).toEqual({ items: [], nextCursor: null, invalid: [] });
  });

  it('lists updatedSince in two searches: updated_at, then never-updated orders by order date', async () => {
    const updated = { ...order4041, id: 5000, updated_at: 1494600000 };
    const never = { ...order4041, id: 4041, updated_at: null };
    api()
      .post('/api/v1/orders/search', { updated_at: { start: 1494547200 } })
      .query({ page: '1', size: '20', sort: 'id' })
      .reply(200, page([updated]));
    const first = await shop.orders.list({ updatedSince: '2017-05-12T00:00:00Z' });
    expect(first.items.map((o) => o.id)).toEqual(['5000']);
    expect(first.totalCount).toBeUndefined();
    api()
      .post('/api/v1/orders/search', { order_date: { start: 1494547200 } })
      .query({ page: '1', size: '20', sort: 'id' })
      .reply(200, page([never, updated]));
    const second = await shop.orders.list({ cursor: first.nextCursor });
    expect(second.items.map((o) => o.id)).toEqual(['4041']);
    expect(second.nextCursor).toBeNull();
  });

  it('updates the customer, the address and the notes, then reads the order', async () => {
    api().patch('/api/v1/orders/4041/customer', { id: 30 }).reply(200, order4041);
    api()
      .patch('/api/v1/orders/4041/address', {
        shipping: { street: '46 Leatherwood St.', suite: '1432', zip: '91605' },
      })
      .reply(200, order4041);
    api().patch('/api/v1/orders/4041', { notes: 'You can write anything here' }).reply(200, order4041);
    api().get('/api/v1/orders/4041').reply(200, order4041);
    await shop.orders.update('4041', {
      customerId: '30',
      shippingAddress: { line1: '46 Leatherwood St.', line2: '1432', postalCode: '91605' },
      note: 'You can write anything here',
    });
  });

  it('fulfils every open line, then ships it with tracking, carrier id and notify', async () => {
    api().get('/api/v1/shipping-carriers').query({ page: '1', size: '200' }).reply(200, carriers);
    api().get('/api/v1/orders/4041').query({ fields: 'id,items,fulfilments' }).reply(200, order4041);
    api()
      .post('/api/v1/orders/4041/fulfilments', { items: [{ id: 9550, quantity: 1 }] })
      .reply(201, { id: 12, items: [{ id: 9550, quantity: 1 }], warehouse: null });
    api()
      .post('/api/v1/orders/4041/shipments', {
        data: { fulfilment_id: 12, tracking_number: '1Z999', shipping_carrier: 2 },
        notify: true,
      })
      .reply(201, { id: 3, fulfilment_id: 12 });
    api()
      .get('/api/v1/orders/4041')
      .reply(200, { ...order4041, status: 5 });
    const order = await shop.orders.fulfill('4041', {
      trackingNumber: '1Z999',
      carrier: 'ups',
      notify: true,
    });
    expect(order.fulfillmentStatus).toBe('shipped');
  });

  it('finds the new fulfilment on the order when the response is not the fulfilment, and sends the warehouse', async () => {
    const tracked = structuredClone(order4041);
    tracked.items[0]!.data.track_inventory = true;
    api().get('/api/v1/orders/4041').query({ fields: 'id,items,fulfilments' }).reply(200, tracked);
    api()
      .get('/api/v1/helpers/warehouses')
      .reply(200, { warehouses: [{ id: 3, title: 'Warehouse 3' }] });
    api()
      .post('/api/v1/orders/4041/fulfilments', { items: [{ id: 9550, quantity: 1, warehouse: 3 }] })
      .reply(201, tracked);
    api()
      .get('/api/v1/orders/4041')
      .query({ fields: 'id,items,fulfilments' })
      .reply(200, { ...tracked, fulfilments: [{ id: 44, items: [{ id: 9550, quantity: 1 }] }] });
    api()
      .post('/api/v1/orders/4041/shipments', {
        data: { fulfilment_id: 44, tracking_number: 'T' },
        notify: false,
      })
      .reply(201, {});
    api().get('/api/v1/orders/4041').reply(200, order4041);
    await shop.orders.fulfill('4041', { trackingNumber: 'T' });
  });

  it('refunds the exact decimal, restocking what was shipped', async () => {
    const shipped = {
      ...order4041,
      shipments: [{ id: 3, fulfilment_id: 12, items: [{ id: 9550, quantity: 2 }] }],
      restocks: [{ id: 1, shipment_id: 3, items: [{ id: 9550, quantity: 1 }] }],
    };
    api().get('/api/v1/orders/4041').query({ fields: 'id,items,shipments,restocks' }).reply(200, shipped);
    api()
      .post('/api/v1/orders/4041/refund', {
        refund: 8.17,
        notify: true,
        shipments: [{ id: 3, items: [{ id: 9550, quantity: 1 }] }],
      })
      .reply(200, shipped);
    api()
      .get('/api/v1/orders/4041')
      .reply(200, { ...order4041, refunded: 8.17, paid: -1 });
    const order = await shop.orders.refund('4041', {
      amount: { amount: 817, currency: 'USD' },
      notify: true,
      restock: true,
    });
    expect(order.refundedTotal).toEqual({ amount: 817, currency: 'USD' });
  });
});

describe('commercehq wire: raw requests, base URL, errors', () => {
  it('passes raw requests through with the same auth', async () => {
    api().get('/api/v1/helpers/tags').reply(200, { tags: [] });
    const res = await shop.request({ method: 'GET', path: '/helpers/tags' });
    expect(res).toMatchObject({ status: 200, body: { tags: [] } });
  });

  it('uses a given base URL', async () => {
    const other = createCommerceHQAdapter({
      store: 'x',
      apiKey: 'key_123',
      apiPassword: 'secure-password',
      baseUrl: 'https://proxy.example.com/chq/api/v1',
      limiter: false,
    });
    nock('https://proxy.example.com', { reqheaders: { authorization: AUTH } })
      .get('/chq/api/v1/orders/1')
      .reply(200, order4041);
    await other.orders.get('1');
    await other.close();
  });

  it('turns a 422 into a ValidationError with the field issues', async () => {
    api().post('/api/v1/customers').reply(422, error422);
    const err = await shop.customers.create({ email: 'x@example.com' }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(err)).toBe(true);
    expect((err as ValidationError).issues).toEqual([
      { field: 'username', message: 'Username is required.' },
      { field: 'username', message: 'Username must contain only word characters.' },
      { field: 'email', message: 'Email address is invalid.' },
    ]);
    expect((err as CommerceError).status).toBe(422);
  });

  it('turns a 401 into an AuthenticationError that shows no credential', async () => {
    api().get('/api/v1/orders/1').reply(401, {
      name: 'Unauthorized',
      message: 'Your request was made with invalid credentials.',
      code: 0,
      status: 401,
    });
    const err = await shop.orders.get('1').catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(err)).toBe(true);
    const text = `${String(err)} ${JSON.stringify(err)} ${(err as Error).stack}`;
    for (const secret of ['key_123', 'secure-password', 'a2V5XzEyMzpzZWN1cmUtcGFzc3dvcmQ'])
      expect(text).not.toContain(secret);
  });

  it('turns a 429 into a RateLimitError carrying Retry-After when retries are off', async () => {
    api()
      .get('/api/v1/orders/1')
      .reply(429, { name: 'Too Many Requests', message: 'Rate limit exceeded.' }, { 'retry-after': '7' });
    const err = await shop.orders.get('1').catch((e: unknown) => e);
    expect(RateLimitError.isInstance(err)).toBe(true);
    expect((err as RateLimitError).retryAfterMs).toBe(7000);
  });

  it('follows `_links.next` given as a plain string when there is no `_meta`', async () => {
    api()
      .get('/api/v1/orders')
      .query({ page: '1', size: '20', sort: 'id' })
      .reply(200, {
        items: [order4041],
        _links: { self: `${ORIGIN}/api/v1/orders?page=1`, next: `${ORIGIN}/api/v1/orders?page=2` },
      });
    const res = await shop.orders.list();
    expect(res.nextCursor).not.toBeNull();
    expect(res.totalCount).toBeUndefined();
  });

  it('refuses, before any request, ids that are not CommerceHQ ids and options it cannot use', async () => {
    await expect(shop.orders.get('../admin')).rejects.toSatisfy((e) => ValidationError.isInstance(e));
    await expect(shop.customers.get('abc')).rejects.toSatisfy((e) => ValidationError.isInstance(e));
    await expect(shop.orders.list({ email: 'x' } as never)).rejects.toThrow(/cannot be filtered by email/);
    await expect(shop.orders.list({ sort: { field: 'email' } })).rejects.toThrow(/sorted by/);
    await expect(shop.orders.refund('1', { amount: { amount: 100, currency: 'EUR' } })).rejects.toThrow(
      /USD/,
    );
    await expect(shop.orders.fulfill('1', { trackingUrl: 'https://t.example/1' })).rejects.toThrow(
      /carrier's URL/,
    );
    expect(() => createCommerceHQAdapter({ store: '', apiKey: 'k', apiPassword: 'p' })).toThrow(
      /"store" is required/,
    );
    expect(() => createCommerceHQAdapter({ store: 'my store', apiKey: 'k', apiPassword: 'p' })).toThrow(
      /subdomain/,
    );
    expect(() => createCommerceHQAdapter({ store: 's', apiKey: 'k', apiPassword: '' })).toThrow(
      /"apiPassword" is required/,
    );
    expect(() =>
      createCommerceHQAdapter({ store: 's', apiKey: 'k', apiPassword: 'p', currency: 'usd' }),
    ).toThrow(/"currency"/);
    expect(() =>
      createCommerceHQAdapter({
        store: 's',
        apiKey: 'k',
        apiPassword: 'p',
        baseUrl: 'http://example.com/api/v1',
      }),
    ).toThrow(/https/);
  });
});
