import {
  AuthenticationError,
  type CommerceAdapter,
  type CommerceError,
  ConfigurationError,
  ConflictError,
  encodeCursor,
  InvalidCursorError,
  InvalidRecordError,
  type LimiterLike,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  UnsupportedOperationError,
  ValidationError,
} from '@storeport/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMERCE7_CAPABILITIES, type Commerce7AdapterOptions, createCommerce7Adapter } from '../src';
import customer from './__fixtures__/customer.json';
import addresses from './__fixtures__/customer-addresses.json';
import order from './__fixtures__/order-web-ship.json';
import product from './__fixtures__/product-wine.json';

const ORIGIN = 'https://api.commerce7.com';
const TENANT = 'spectrawinery';
const APP_ID = 'demo-app';
const SECRET = 'app-secret-key-123';
const BASIC = `Basic ${Buffer.from(`${APP_ID}:${SECRET}`).toString('base64')}`;
const JSON_TYPE = /^application\/json/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let adapters: CommerceAdapter[] = [];
function adapter(overrides: Partial<Commerce7AdapterOptions> = {}): CommerceAdapter {
  const a = createCommerce7Adapter({
    tenant: TENANT,
    appId: APP_ID,
    appSecret: SECRET,
    limiter: false,
    retry: false,
    ...overrides,
  });
  adapters.push(a);
  return a;
}

/** Commerce7 with Basic auth and the tenant header required on every request. */
const c7 = () => nock(ORIGIN).matchHeader('authorization', BASIC).matchHeader('tenant', TENANT);
/** Same, for requests that carry a JSON body. */
const c7json = () => c7().matchHeader('content-type', JSON_TYPE);

const CID = customer.wire.id;
const OID = order.wire.id;
const PID = product.wire.id;

beforeAll(() => nock.disableNetConnect());
afterEach(async () => {
  await Promise.all(adapters.map((a) => a.close()));
  adapters = [];
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('wire: construction', () => {
  it('names a missing or bad option', () => {
    const base = { tenant: TENANT, appId: APP_ID, appSecret: SECRET };
    for (const key of ['tenant', 'appId', 'appSecret'] as const) {
      const { [key]: _drop, ...rest } = base;
      expect(() => createCommerce7Adapter(rest as Commerce7AdapterOptions)).toThrow(
        `@storeport/commerce7: "${key}" is required`,
      );
      expect(() => createCommerce7Adapter({ ...base, [key]: '  ' })).toThrow(ConfigurationError);
    }
    expect(() => createCommerce7Adapter({ ...base, currency: 'JPY' })).toThrow(
      /"currency" must have two decimal places/,
    );
    expect(() => createCommerce7Adapter({ ...base, currency: 'usd' })).toThrow(/"currency"/);
    expect(() => createCommerce7Adapter({ ...base, baseUrl: 'http://api.commerce7.com/v1' })).toThrow(
      ConfigurationError,
    );
    expect(() => createCommerce7Adapter(undefined as unknown as Commerce7AdapterOptions)).toThrow(
      '@storeport/commerce7: options are required',
    );
    expect(() => createCommerce7Adapter({ ...base, slowPageIntervalMs: -1 })).toThrow(
      '@storeport/commerce7: "slowPageIntervalMs" must be a non-negative number',
    );
  });

  it('sends nothing at construction and nothing after close', async () => {
    const shop = adapter();
    await shop.close();
    await shop.close();
    await expect(shop.customers.list()).rejects.toThrow(/closed/);
  });
});

describe('wire: lists, record by record and without loops', () => {
  const named = (id: string) => ({ ...customer.wire, id });
  // A fractional cent: a record Commerce7 could not have sent.
  const broken = { ...customer.wire, id: 'c-bad', orderInformation: { lifetimeValue: 12.5 } };

  it('a malformed record in the middle of a page comes back in page.invalid with its id; the others are returned', async () => {
    c7()
      .get('/v1/customer')
      .query({ cursor: 'start', limit: 50 })
      .reply(200, { customers: [named('c-1'), broken, named('c-3')] });
    const page = await adapter().customers.list();
    expect(page.items.map((c) => c.id)).toEqual(['c-1', 'c-3']);
    expect(page.invalid).toEqual([
      {
        index: 1,
        id: 'c-bad',
        issues: [expect.objectContaining({ field: 'orderInformation.lifetimeValue' })],
        raw: broken,
      },
    ]);
  });

  it('iterate() throws InvalidRecordError at it; its resumeCursor goes on right after it, on the same Commerce7 cursor', async () => {
    c7()
      .get('/v1/customer')
      .query({ cursor: 'start', limit: 3 })
      .reply(200, { customers: [named('c-1'), broken, named('c-3')], cursor: 'c7-2' });
    c7()
      .get('/v1/customer')
      .query({ cursor: 'start', limit: 3 })
      .reply(200, { customers: [named('c-1'), broken, named('c-3')], cursor: 'c7-2' });
    c7()
      .get('/v1/customer')
      .query({ cursor: 'c7-2', limit: 3 })
      .reply(200, { customers: [named('c-4')] });
    const shop = adapter();
    const seen: string[] = [];
    const err = await (async () => {
      for await (const c of shop.customers.iterate({ limit: 3 })) seen.push(c.id);
    })().catch((e: unknown) => e as InvalidRecordError);
    expect(InvalidRecordError.isInstance(err)).toBe(true);
    expect(seen).toEqual(['c-1']);
    expect(err).toMatchObject({ recordId: 'c-bad', field: 'orderInformation.lifetimeValue' });
    const rest: string[] = [];
    for await (const c of shop.customers.iterate({ cursor: err!.resumeCursor })) rest.push(c.id);
    expect(rest).toEqual(['c-3', 'c-4']);
  });

  it('a server that ignores the cursor (the same records under a new cursor) ends in pagination_stalled, not a loop', async () => {
    c7()
      .get('/v1/order')
      .query({ cursor: 'start', limit: 50 })
      .reply(200, { orders: [order.wire], cursor: 'o-2' });
    c7()
      .get('/v1/order')
      .query({ cursor: 'o-2', limit: 50 })
      .reply(200, { orders: [order.wire], cursor: 'o-3' });
    const err = await (async () => {
      for await (const _ of adapter().orders.iterate());
    })().catch((e: unknown) => e as CommerceError);
    expect(err).toMatchObject({ code: 'pagination_stalled' });
  });

  it('a cursor handed out again ends in pagination_loop', async () => {
    c7()
      .get('/v1/product')
      .query({ cursor: 'start', limit: 1 })
      .reply(200, { products: [product.wire], cursor: 'p-2' });
    c7()
      .get('/v1/product')
      .query({ cursor: 'p-2', limit: 1 })
      .reply(200, { products: [{ ...product.wire, id: 'p-other' }], cursor: 'p-2' });
    const err = await (async () => {
      for await (const _ of adapter().products.iterate({ limit: 1 }));
    })().catch((e: unknown) => e as CommerceError);
    expect(err).toMatchObject({ code: 'pagination_loop' });
  });

  it('a body without the record array fails the whole call, naming the field', async () => {
    c7().get('/v1/customer').query(true).reply(200, { cursor: 'x' });
    const err = (await adapter()
      .customers.list()
      .catch((e: unknown) => e)) as ResponseShapeError;
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    expect(err.field).toBe('customers');
  });

  it("a cursor holding Commerce7's `start` is refused before sending; sort is refused with why", async () => {
    const forged = encodeCursor({
      platform: 'commerce7',
      resource: 'orders',
      pageSize: 5,
      filters: {},
      native: 'start',
    });
    const shop = adapter();
    await expect(shop.orders.list({ cursor: forged })).rejects.toSatisfy((e) =>
      InvalidCursorError.isInstance(e),
    );
    const sort = (await shop.customers
      .list({ sort: { field: 'createdAt' } })
      .catch((e: unknown) => e)) as ValidationError;
    expect(sort).toMatchObject({ code: 'unsupported_sort' });
    expect(sort.message).toContain('Commerce7 documents no sort parameter');
    expect(shop.capabilities.customers.sorts).toEqual([]);
  });

  it('COMMERCE7_CAPABILITIES is what an adapter reports: the filters each list declares, no sorts, sequential pages', () => {
    expect(COMMERCE7_CAPABILITIES).toEqual(adapter().capabilities);
    expect(COMMERCE7_CAPABILITIES.customers).toEqual({
      operations: ['list', 'get', 'create', 'update', 'delete'],
      filters: ['createdSince', 'createdBefore'],
      sorts: [],
      maxPageSize: 50,
      defaultPageSize: 50,
      parallelPages: false,
    });
    expect(COMMERCE7_CAPABILITIES.orders.filters).toEqual([
      'updatedSince',
      'customerId',
      'createdSince',
      'createdBefore',
    ]);
    expect(COMMERCE7_CAPABILITIES.products.filters).toEqual(['updatedSince', 'status', 'query']);
  });
});

describe('wire: customers', () => {
  it('list: cursor mode from the start, 50 per page, Basic auth and tenant, no body', async () => {
    c7()
      .get('/v1/customer')
      .query({ cursor: 'start', limit: 50 })
      .reply(200, { customers: [customer.wire], cursor: 'c-2' });
    c7().get('/v1/customer').query({ cursor: 'c-2', limit: 50 }).reply(200, { customers: [] });
    const shop = adapter();
    const first = await shop.customers.list();
    expect(first.items.map((c) => c.id)).toEqual([CID]);
    expect(first.totalCount).toBeUndefined();
    const second = await shop.customers.list({ cursor: first.nextCursor });
    expect(second).toEqual({ items: [], nextCursor: null, invalid: [] });
  });

  it('list: createdSince / createdBefore become createdAt=gte: / lt:, page size capped at 50', async () => {
    c7()
      .get('/v1/customer')
      .query({ cursor: 'start', limit: 50, createdAt: 'gte:2026-01-01T00:00:00.000Z' })
      .reply(200, { customers: [] });
    c7()
      .get('/v1/customer')
      .query({ cursor: 'start', limit: 7, createdAt: 'lt:2026-02-01T10:00:00.000Z' })
      .reply(200, { customers: [] });
    const shop = adapter();
    await shop.customers.list({ limit: 500, createdSince: '2026-01-01' });
    await shop.customers.list({ limit: 7, createdBefore: '2026-02-01T12:00:00+02:00' });
  });

  it('list: refuses, before sending, filters Commerce7 does not apply to customers', async () => {
    const shop = adapter();
    for (const params of [
      { updatedSince: '2026-01-01T00:00:00Z' },
      { email: 'a@b.co' },
      { createdSince: '2026-01-01', createdBefore: '2026-02-01' },
      { sort: { field: 'createdAt' } },
      { createdSince: 'last week' },
    ]) {
      await expect(shop.customers.list(params)).rejects.toSatisfy((e) => ValidationError.isInstance(e));
    }
    const err = await shop.customers.list({ updatedSince: '2026-01-01T00:00:00Z' }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/no updatedAt filter for customers/);
  });

  it('get: the customer, then its address book (page mode)', async () => {
    c7().get(`/v1/customer/${CID}`).reply(200, customer.wire);
    c7().get(`/v1/customer/${CID}/address`).query({ page: 1, limit: 50 }).reply(200, addresses.wire);
    const c = await adapter().customers.get(CID);
    expect(c.addresses).toEqual(addresses.expected);
  });

  it('get: encodes the id as one path segment', async () => {
    c7()
      .get('/v1/customer/a%2F..%2Forder')
      .reply(404, { statusCode: 404, type: 'notFound', message: 'Customer not found', errors: [] });
    await expect(adapter().customers.get('a/../order')).rejects.toSatisfy((e) => NotFoundError.isInstance(e));
    await expect(adapter().customers.get('..')).rejects.toSatisfy((e) => ValidationError.isInstance(e));
  });

  it('create: resolves tag titles to ids (creating missing tags), then POST /customer without transaction emails', async () => {
    c7()
      .get('/v1/tag/customer')
      .query({ page: 1, limit: 50 })
      .reply(200, { tags: [{ id: 'tag-vip', title: 'VIP' }], total: 1 });
    c7json()
      .post('/v1/tag/customer', { title: 'Allocation', type: 'Manual' })
      .reply(200, { id: 'tag-new', title: 'Allocation' });
    c7json()
      .post('/v1/customer', {
        firstName: 'Julian',
        lastName: 'Andersen',
        emails: [{ email: 'julian@example.com' }],
        phones: [{ phone: '+17075550100' }],
        tags: [{ id: 'tag-vip' }, { id: 'tag-new' }],
        isSendTransactionEmail: false,
      })
      .reply(200, { ...customer.wire, id: 'new-id' });
    const c = await adapter().customers.create({
      email: 'julian@example.com',
      firstName: 'Julian',
      lastName: 'Andersen',
      phone: '+17075550100',
      tags: ['vip', 'Allocation'],
    });
    expect(c.id).toBe('new-id');
  });

  it('create with addresses: POST /customer-address with the first, POST /customer/{id}/address for the rest; a note becomes a Note', async () => {
    c7json()
      .post('/v1/customer-address', {
        emails: [{ email: 'mia@example.com' }],
        company: null,
        address: '3425 Solano Ave',
        address2: null,
        city: 'Napa',
        stateCode: 'CA',
        zipCode: '94558',
        countryCode: 'US',
        isSendTransactionEmail: false,
      })
      .reply(200, { ...customer.wire, id: 'cid-2' });
    c7json()
      .post('/v1/customer/cid-2/address', {
        firstName: null,
        lastName: null,
        company: 'Work',
        phone: null,
        address: '1 Market St',
        address2: 'Floor 3',
        city: 'San Francisco',
        stateCode: 'CA',
        zipCode: '94105',
        countryCode: 'US',
        isDefault: false,
      })
      .reply(200, addresses.wire.customerAddresses[0]);
    c7json()
      .post(
        '/v1/note',
        (b) =>
          b.type === 'Note' &&
          b.content === 'Prefers reds' &&
          b.customerId === 'cid-2' &&
          ISO.test(b.noteDate),
      )
      .reply(200, { id: 'n1', content: 'Prefers reds' });
    c7().get('/v1/customer/cid-2/address').query({ page: 1, limit: 50 }).reply(200, addresses.wire);
    const c = await adapter().customers.create({
      email: 'mia@example.com',
      note: 'Prefers reds',
      addresses: [
        { line1: '3425 Solano Ave', city: 'Napa', region: 'CA', postalCode: '94558', country: 'US' },
        {
          company: 'Work',
          line1: '1 Market St',
          line2: 'Floor 3',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94105',
          country: 'US',
        },
      ],
    });
    expect(c.addresses).toHaveLength(2);
  });

  it('create: refuses, before sending, a customer without the email Commerce7 requires or an address without a street', async () => {
    const shop = adapter();
    await expect(shop.customers.create({ firstName: 'No Email' })).rejects.toSatisfy((e) =>
      ValidationError.isInstance(e),
    );
    const err = await shop.customers
      .create({ email: 'a@b.co', addresses: [{ city: 'Napa' }] })
      .catch((e: unknown) => e as ValidationError);
    expect((err as ValidationError).issues.map((i) => i.field)).toEqual([
      'addresses.0.line1',
      'addresses.0.country',
    ]);
  });

  it('update: a name goes as a partial PUT; the address book is read for the result', async () => {
    c7json()
      .put(`/v1/customer/${CID}`, { firstName: 'Jules' })
      .reply(200, { ...customer.wire, firstName: 'Jules' });
    c7()
      .get(`/v1/customer/${CID}/address`)
      .query({ page: 1, limit: 50 })
      .reply(200, { customerAddresses: [], total: 0 });
    const c = await adapter().customers.update(CID, { firstName: 'Jules' });
    expect(c.firstName).toBe('Jules');
  });

  it('update: a new email or phone replaces the first entry and sends the others back with their ids', async () => {
    const wire = {
      ...customer.wire,
      emails: [
        { id: 'e1', email: 'old@example.com' },
        { id: 'e2', email: 'second@example.com' },
      ],
    };
    c7().get(`/v1/customer/${CID}`).reply(200, wire);
    c7json()
      .put(`/v1/customer/${CID}`, {
        emails: [
          { id: 'e1', email: 'new@example.com' },
          { id: 'e2', email: 'second@example.com' },
        ],
        phones: [
          { id: 'efd6fbe5-b443-4fdb-8e7d-45cfd8c94cea', phone: '+15550001111' },
          { id: '25824294-7569-494e-9715-3fe15af4cd96', phone: '+17783477888' },
        ],
      })
      .reply(200, wire);
    c7()
      .get(`/v1/customer/${CID}/address`)
      .query({ page: 1, limit: 50 })
      .reply(200, { customerAddresses: [] });
    await adapter().customers.update(CID, { email: 'new@example.com', phone: '+15550001111' });
  });

  it('update with addresses: rewrites existing addresses in place, creates and deletes the difference', async () => {
    c7json()
      .put(`/v1/customer/${CID}`, { city: 'Napa', stateCode: 'CA', zipCode: '94558', countryCode: 'US' })
      .reply(200, customer.wire);
    c7().get(`/v1/customer/${CID}/address`).query({ page: 1, limit: 50 }).reply(200, addresses.wire);
    // The default address (second in the list) is rewritten as the first wanted address.
    c7json()
      .put(`/v1/customer/${CID}/address/5057e055-2ca6-4421-bf63-6c2a164e21ae`, {
        firstName: null,
        lastName: null,
        company: null,
        phone: null,
        address: '3425 Solano Ave',
        address2: null,
        city: 'Napa',
        stateCode: 'CA',
        zipCode: '94558',
        countryCode: 'US',
        isDefault: true,
      })
      .reply(200, addresses.wire.customerAddresses[1]);
    c7().delete(`/v1/customer/${CID}/address/4a87ac0b-8b97-46ea-af15-bb579e5f4bcd`).reply(204);
    const c = await adapter().customers.update(CID, {
      addresses: [
        { line1: '3425 Solano Ave', city: 'Napa', region: 'CA', postalCode: '94558', country: 'US' },
      ],
    });
    expect(c.addresses).toHaveLength(1);
  });

  it('delete: DELETE /customer/{id}', async () => {
    c7().delete(`/v1/customer/${CID}`).reply(204);
    await adapter().customers.delete(CID);
  });
});

describe('wire: orders', () => {
  it('list: updatedAt=gte:, customerId and orderSubmittedDate=btw: (upper bound inclusive, 1 ms earlier)', async () => {
    c7()
      .get('/v1/order')
      .query({
        cursor: 'start',
        limit: 20,
        updatedAt: 'gte:2026-01-01T00:00:00.000Z',
        customerId: CID,
        orderSubmittedDate: 'btw:2025-01-01T00:00:00.000Z|2025-12-31T23:59:59.999Z',
      })
      .reply(200, { orders: [order.wire] });
    const page = await adapter().orders.list({
      limit: 20,
      updatedSince: '2026-01-01T00:00:00Z',
      customerId: CID,
      createdSince: '2025-01-01',
      createdBefore: '2026-01-01',
    });
    expect(page.items.map((o) => o.number)).toEqual(['1248']);
    expect(page.nextCursor).toBeNull();
  });

  it('list: a status filter is refused (no single status to filter on)', async () => {
    await expect(adapter().orders.list({ status: 'shipped' })).rejects.toSatisfy((e) =>
      ValidationError.isInstance(e),
    );
  });

  it('get: GET /order/{id}', async () => {
    c7().get(`/v1/order/${OID}`).reply(200, order.wire);
    expect((await adapter().orders.get(OID)).total).toEqual({ amount: 5040, currency: 'USD' });
  });

  it('update({ note }): reads the order, then POST /note attached to it', async () => {
    c7().get(`/v1/order/${OID}`).reply(200, order.wire);
    c7json()
      .post(
        '/v1/note',
        (b) => b.type === 'Note' && b.content === 'Gift wrap' && b.orderId === OID && ISO.test(b.noteDate),
      )
      .reply(200, { id: 'n1', content: 'Gift wrap' });
    const o = await adapter().orders.update(OID, { note: 'Gift wrap' });
    expect(o.id).toBe(OID);
  });

  it('update: refuses, before sending, fields Commerce7 orders cannot change', async () => {
    const err = (await adapter()
      .orders.update(OID, { email: 'x@y.zz', note: 'n' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(ValidationError.isInstance(err)).toBe(true);
    expect(err.issues.map((i) => i.field)).toEqual(['email']);
  });

  it('fulfill: all open items with tracking → POST /order/{id}/fulfillment/all, Shipped, no customer email', async () => {
    c7().get(`/v1/order/${OID}`).reply(200, order.wire);
    c7json()
      .post(`/v1/order/${OID}/fulfillment/all`, (b) => {
        expect(b).toEqual({
          type: 'Shipped',
          fulfillmentDate: expect.stringMatching(ISO),
          packageCount: 1,
          sendTransactionEmail: false,
          shipped: { trackingNumbers: ['1Z999'], carrier: 'UPS' },
        });
        return true;
      })
      .reply(200, { ...order.wire, fulfillmentStatus: 'Fulfilled' });
    const o = await adapter().orders.fulfill(OID, { trackingNumber: '1Z999', carrier: 'UPS' });
    expect(o.fulfillmentStatus).toBe('fulfilled');
  });

  it('fulfill: chosen lines go by SKU to POST /order/{id}/fulfillment; a pickup order is Picked Up', async () => {
    const pickup = {
      ...order.wire,
      orderDeliveryMethod: 'Pickup',
      items: [{ ...order.wire.items[0], quantity: 3 }],
    };
    c7().get(`/v1/order/${OID}`).reply(200, pickup);
    c7json()
      .post(`/v1/order/${OID}/fulfillment`, (b) => {
        expect(b).toEqual({
          type: 'Picked Up',
          fulfillmentDate: expect.stringMatching(ISO),
          packageCount: 1,
          sendTransactionEmail: true,
          pickedUp: { pickedUpBy: null },
          items: [{ sku: '2014-CS', quantityFulfilled: 2 }],
        });
        return true;
      })
      .reply(200, pickup);
    await adapter().orders.fulfill(OID, {
      lineItems: [{ id: order.wire.items[0]!.id, quantity: 2 }],
      notify: true,
    });
  });

  it('fulfill: an unknown line or a tracking URL is refused before the fulfilment is sent', async () => {
    c7().get(`/v1/order/${OID}`).reply(200, order.wire);
    await expect(
      adapter().orders.fulfill(OID, { lineItems: [{ id: 'nope', quantity: 1 }] }),
    ).rejects.toSatisfy((e) => ValidationError.isInstance(e));
    await expect(adapter().orders.fulfill(OID, { trackingUrl: 'https://ups.example/1Z' })).rejects.toSatisfy(
      (e) => ValidationError.isInstance(e),
    );
  });

  it('create, delete, updateStatus and refund are unsupported and send nothing', async () => {
    const shop = adapter();
    for (const call of [
      () => shop.orders.create({ lineItems: [{ sku: 'X', quantity: 1 }] }),
      () => shop.orders.delete(OID),
      () => shop.orders.updateStatus(OID, 'cancelled'),
      () => shop.orders.refund(OID, { amount: { amount: 100, currency: 'USD' } }),
    ]) {
      await expect(call()).rejects.toSatisfy((e) => UnsupportedOperationError.isInstance(e));
    }
    expect(shop.capabilities.orders.operations).toEqual(['list', 'get', 'update', 'fulfill']);
  });
});

describe('wire: products', () => {
  it('list: status → webStatus, query → q, updatedSince → updatedAt=gte:', async () => {
    c7()
      .get('/v1/product')
      .query({
        cursor: 'start',
        limit: 50,
        webStatus: 'Retired',
        q: 'pinot',
        updatedAt: 'gte:2026-03-01T00:00:00.000Z',
      })
      .reply(200, { products: [product.wire], cursor: '' });
    const page = await adapter().products.list({
      status: 'archived',
      query: 'pinot',
      updatedSince: '2026-03-01T00:00:00Z',
    });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBeNull();
    await expect(adapter().products.list({ type: 'Wine' })).rejects.toSatisfy((e) =>
      ValidationError.isInstance(e),
    );
    const status = (await adapter()
      .products.list({ status: 'sold' as never })
      .catch((e: unknown) => e)) as ValidationError;
    expect(status).toMatchObject({ code: 'invalid_input', issues: [{ field: 'status' }] });
    expect(status.message).toBe(
      'commerce7: invalid products filter: status: must be active, draft or archived',
    );
  });

  it('create: one variant from sku/price in cents, content, webStatus, images', async () => {
    c7json()
      .post('/v1/product', {
        type: 'General Merchandise',
        title: 'Logo Corkscrew',
        content: '<p>Steel.</p>',
        webStatus: 'Not Available',
        images: [{ src: 'https://img.example/c.png', sortOrder: 0 }],
        variants: [{ sku: 'CORK-1', price: 1999, comparePrice: 2500, sortOrder: 1 }],
      })
      .reply(200, product.wire);
    await adapter().products.create({
      title: 'Logo Corkscrew',
      description: '<p>Steel.</p>',
      status: 'draft',
      sku: 'CORK-1',
      price: { amount: 1999, currency: 'USD' },
      compareAtPrice: { amount: 2500, currency: 'USD' },
      images: [{ url: 'https://img.example/c.png' }],
    });
  });

  it('create: several variants with their titles, a type, platformFields merged last', async () => {
    c7json()
      .post('/v1/product', {
        type: 'Wine',
        title: 'Pinot Noir 2023',
        variants: [
          { title: '750ml', sku: 'PN-750', price: 4200, comparePrice: null, sortOrder: 1 },
          {
            title: 'Magnum / Gift Box',
            sku: 'PN-1500',
            price: 9900,
            comparePrice: null,
            sortOrder: 2,
            volumeInML: 1500,
          },
        ],
        wine: { varietal: 'Pinot Noir', vintage: 2023 },
      })
      .reply(200, product.wire);
    await adapter().products.create({
      title: 'Pinot Noir 2023',
      type: 'Wine',
      variants: [
        { title: '750ml', sku: 'PN-750', price: { amount: 4200, currency: 'USD' } },
        {
          options: ['Magnum', 'Gift Box'],
          sku: 'PN-1500',
          price: { amount: 9900, currency: 'USD' },
          platformFields: { volumeInML: 1500 },
        },
      ],
      platformFields: { wine: { varietal: 'Pinot Noir', vintage: 2023 } },
    });
  });

  it('create: refuses, before sending, what Commerce7 products cannot hold', async () => {
    const shop = adapter();
    const err = (await shop.products
      .create({
        title: 'X',
        price: { amount: 100, currency: 'EUR' },
        tags: ['red'],
        vendor: 'Estate',
        inventoryQuantity: 5,
        type: 'Beer',
      })
      .catch((e: unknown) => e)) as ValidationError;
    expect(err.issues.map((i) => i.field).sort()).toEqual(
      ['inventoryQuantity', 'tags', 'type', 'variants.0.price', 'variants.0.sku', 'vendor'].sort(),
    );
  });

  it('update: a title is a partial PUT without reading first', async () => {
    c7json()
      .put(`/v1/product/${PID}`, { title: 'Renamed' })
      .reply(200, { ...product.wire, title: 'Renamed' });
    expect((await adapter().products.update(PID, { title: 'Renamed' })).title).toBe('Renamed');
  });

  it('update: a price change reads the product and sends every variant back whole, inventory left out', async () => {
    const second = { ...product.wire.variants[0], id: 'v2', sku: '2014-CS-MAG', price: 9900, inventory: [] };
    const wire = { ...product.wire, variants: [product.wire.variants[0], second] };
    c7().get(`/v1/product/${PID}`).reply(200, wire);
    const { inventory: _a, ...firstSent } = wire.variants[0]!;
    const { inventory: _b, ...secondSent } = second;
    c7json()
      .put(`/v1/product/${PID}`, { variants: [{ ...firstSent, price: 4800 }, secondSent] })
      .reply(200, wire);
    await adapter().products.update(PID, { price: { amount: 4800, currency: 'USD' } });
  });

  it('delete: DELETE /product/{id}', async () => {
    c7().delete(`/v1/product/${PID}`).reply(204);
    await adapter().products.delete(PID);
  });
});

describe('wire: errors, limits and the raw request', () => {
  it('maps the Commerce7 error body to typed errors with field issues, and never shows the secret', async () => {
    c7json()
      .post('/v1/customer')
      .reply(422, {
        statusCode: 422,
        type: 'validationError',
        message: '"emails.0.email" must be a valid email',
        errors: [{ field: 'emails.0.email', message: '"emails.0.email" must be a valid email' }],
      });
    const err = (await adapter()
      .customers.create({ email: 'ok@example.com' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(ValidationError.isInstance(err)).toBe(true);
    expect(err.status).toBe(422);
    expect(err.code).toBe('validationError');
    expect(err.issues).toEqual([
      { field: 'emails.0.email', message: '"emails.0.email" must be a valid email' },
    ]);

    c7()
      .get('/v1/order/x')
      .reply(401, { statusCode: 401, type: 'unauthorized', message: 'Unauthorized user', errors: [] });
    const auth = await adapter()
      .orders.get('x')
      .catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(auth)).toBe(true);
    const text = [
      String(auth),
      JSON.stringify(auth),
      JSON.stringify((auth as AuthenticationError).headers),
      (auth as Error).stack,
    ].join('\n');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(BASIC.slice(6));

    c7()
      .get('/v1/product/x')
      .reply(409, { statusCode: 409, type: 'conflict', message: 'SKU taken', errors: [] });
    await expect(adapter().products.get('x')).rejects.toSatisfy((e) => ConflictError.isInstance(e));

    c7()
      .get('/v1/product/y')
      .reply(
        429,
        { statusCode: 429, type: 'tooManyRequests', message: 'slow down', errors: [] },
        { 'Retry-After': '7' },
      );
    const limited = (await adapter()
      .products.get('y')
      .catch((e: unknown) => e)) as RateLimitError;
    expect(RateLimitError.isInstance(limited)).toBe(true);
    expect(limited.retryAfterMs).toBe(7000);
  });

  it('cursor-mode lists bypass the limiter; every other call goes through it', async () => {
    let scheduled = 0;
    const limiter: LimiterLike = {
      schedule: (fn) => {
        scheduled += 1;
        return Promise.resolve(fn());
      },
    };
    const shop = adapter({ limiter });
    c7().get('/v1/order').query(true).reply(200, { orders: [] });
    c7().get(`/v1/order/${OID}`).reply(200, order.wire);
    c7().get('/v1/tag/customer').query({ page: 2, limit: 50 }).reply(200, { tags: [] });
    c7().get('/v1/order').query({ cursor: 'abc' }).reply(200, { orders: [] });
    await shop.orders.list();
    expect(scheduled).toBe(0);
    await shop.orders.get(OID);
    expect(scheduled).toBe(1);
    await shop.request({ method: 'GET', path: '/tag/customer', query: { page: 2, limit: 50 } });
    expect(scheduled).toBe(2);
    const raw = await shop.request<{ orders: unknown[] }>({
      method: 'GET',
      path: '/order',
      query: { cursor: 'abc' },
    });
    expect(raw.body).toEqual({ orders: [] });
    expect(scheduled).toBe(2);
  });

  it('page-mode requests past page 100 wait the slow interval between them, on top of the limiter', async () => {
    let scheduled = 0;
    const limiter: LimiterLike = {
      schedule: (fn) => {
        scheduled += 1;
        return Promise.resolve(fn());
      },
    };
    const shop = adapter({ limiter, slowPageIntervalMs: 250 });
    c7().get('/v1/tag/customer').query({ page: 100, limit: 50 }).twice().reply(200, { tags: [] });
    c7().get('/v1/tag/customer').query({ page: 101, limit: 50 }).twice().reply(200, { tags: [] });
    // Pages up to 100 are not slow pages: an interval of an hour would time the test out.
    const hourly = adapter({ limiter, slowPageIntervalMs: 3_600_000 });
    await hourly.request({ method: 'GET', path: '/tag/customer', query: { page: 100, limit: 50 } });
    await hourly.request({ method: 'GET', path: '/tag/customer', query: { page: 100, limit: 50 } });
    // The interval runs from the start of one slow page to the start of the next, so measure from
    // before the first of the two (measuring after it completes would subtract its own duration).
    const t1 = Date.now();
    await shop.request({ method: 'GET', path: '/tag/customer', query: { page: 101, limit: 50 } });
    await shop.request({ method: 'GET', path: '/tag/customer', query: { page: 101, limit: 50 } });
    expect(Date.now() - t1).toBeGreaterThanOrEqual(245);
    expect(scheduled).toBe(4);
  });
});
