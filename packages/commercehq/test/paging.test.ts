import { type CommerceError, InvalidRecordError } from '@storeport/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMERCEHQ_CAPABILITIES, type CommerceHQAdapter, createCommerceHQAdapter } from '../src';
import customer30 from './__fixtures__/customer-30.json';
import order4041 from './__fixtures__/order-4041.json';

// Paging as the kit runs it for CommerceHQ: records read one by one, guards against servers that
// do not move on, the client-side filter of the second `updatedSince` search.

const ORIGIN = 'https://mystore.commercehq.com';
const api = () => nock(ORIGIN);
const meta = (page: number, pageCount: number, totalCount = 0) => ({
  totalCount,
  pageCount,
  currentPage: page,
  perPage: 20,
});
const customer = (id: number) => ({ ...customer30, id });
const order = (id: number, updated: number | null) => ({ ...order4041, id, updated_at: updated });

let shop: CommerceHQAdapter;
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

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('commercehq paging on the kit', () => {
  it('a malformed record in the middle of a page comes back in page.invalid with its id; the others are returned', async () => {
    const bad = { ...customer(31), email: 42 };
    api()
      .get('/api/v1/customers')
      .query({ page: '1', size: '20', sort: 'id' })
      .reply(200, { items: [customer(30), bad, customer(32)], _meta: meta(1, 1, 3) });
    const page = await shop.customers.list();
    expect(page.items.map((c) => c.id)).toEqual(['30', '32']);
    expect(page.invalid).toEqual([
      { index: 1, id: '31', issues: [expect.objectContaining({ field: 'email' })], raw: bad },
    ]);
    expect(page.totalCount).toBe(3);
  });

  it('iterate() throws InvalidRecordError naming the record, and its resumeCursor goes on after it', async () => {
    const items = [customer(30), { ...customer(31), created_at: 'yesterday' }, customer(32)];
    const reply = { items, _meta: meta(1, 1, 3) };
    api().get('/api/v1/customers').query({ page: '1', size: '20', sort: 'id' }).twice().reply(200, reply);
    const seen: string[] = [];
    let error: InvalidRecordError | undefined;
    try {
      for await (const c of shop.customers.iterate()) seen.push(c.id);
    } catch (err) {
      error = err as InvalidRecordError;
    }
    expect(seen).toEqual(['30']);
    expect(InvalidRecordError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ recordId: '31', field: 'created_at', resource: 'customers' });
    const rest = await collect(shop.customers.iterate({ cursor: error!.resumeCursor }));
    expect(rest.map((c) => c.id)).toEqual(['32']);
  });

  it('a server that ignores `page` (same records again, links but no _meta) ends in pagination_stalled', async () => {
    const reply = {
      items: [customer(30), customer(31)],
      _links: { next: { href: `${ORIGIN}/api/v1/customers?page=2` } },
    };
    api().get('/api/v1/customers').query(true).times(2).reply(200, reply);
    const err = await collect(shop.customers.iterate({ limit: 2 })).catch((e: CommerceError) => e);
    expect((err as CommerceError).code).toBe('pagination_stalled');
  });

  it('a server that echoes the page asked for but serves the same records ends in pagination_stalled', async () => {
    const items = [order(1, null), order(2, null)];
    for (const page of [1, 2]) {
      api()
        .get('/api/v1/orders')
        .query({ page: String(page), size: '2', sort: 'id' })
        .reply(200, { items, _meta: meta(page, 50, 100) });
    }
    const err = await collect(shop.orders.iterate({ limit: 2 })).catch((e: CommerceError) => e);
    expect((err as CommerceError).code).toBe('pagination_stalled');
  });

  it('updatedSince: phase-2 pages the never-updated filter empties are skipped, not handed out empty', async () => {
    const since = { updated_at: { start: 1494547200 } };
    const byDate = { order_date: { start: 1494547200 } };
    api()
      .post('/api/v1/orders/search', since)
      .query({ page: '1', size: '2', sort: 'id' })
      .reply(200, { items: [order(10, 1494600000)], _meta: meta(1, 1, 1) });
    const first = await shop.orders.list({ updatedSince: '2017-05-12T00:00:00Z', limit: 2 });
    expect(first.items.map((o) => o.id)).toEqual(['10']);
    // Phase 2: page 1 holds only updated orders (already listed), page 2 one never updated.
    api()
      .post('/api/v1/orders/search', byDate)
      .query({ page: '1', size: '2', sort: 'id' })
      .reply(200, { items: [order(10, 1494600000), order(11, 1494600001)], _meta: meta(1, 3, 5) });
    api()
      .post('/api/v1/orders/search', byDate)
      .query({ page: '2', size: '2', sort: 'id' })
      .reply(200, { items: [order(12, null), order(13, 1494600002)], _meta: meta(2, 3, 5) });
    const second = await shop.orders.list({ cursor: first.nextCursor });
    expect(second.items.map((o) => o.id)).toEqual(['12']);
    expect(second.totalCount).toBeUndefined();
    api()
      .post('/api/v1/orders/search', byDate)
      .query({ page: '3', size: '2', sort: 'id' })
      .reply(200, { items: [order(14, 0)], _meta: meta(3, 3, 5) });
    const third = await shop.orders.list({ cursor: second.nextCursor });
    expect(third).toMatchObject({ items: [{ id: '14' }], nextCursor: null });
  });

  it('updatedSince: a server serving the same emptied phase-2 page again ends in pagination_stalled', async () => {
    api()
      .post('/api/v1/orders/search', { order_date: { start: 1494547200 } })
      .query(true)
      .times(2)
      .reply(200, {
        items: [order(10, 1494600000)],
        _links: { next: { href: `${ORIGIN}/api/v1/orders/search?page=2` } },
      });
    const { encodeCursor } = await import('@storeport/core');
    const cursor = encodeCursor({
      platform: 'commercehq',
      resource: 'orders',
      pageSize: 1,
      filters: { updatedSince: '2017-05-12T00:00:00.000Z' },
      native: { page: 1, phase: 2 },
    });
    const err = await shop.orders.list({ cursor }).catch((e: CommerceError) => e);
    expect((err as CommerceError).code).toBe('pagination_stalled');
  });

  it('updatedSince with concurrency pages one at a time, so the second search is not lost', async () => {
    for (const page of [1, 2]) {
      api()
        .post('/api/v1/orders/search', { updated_at: { start: 1494547200 } })
        .query({ page: String(page), size: '1', sort: 'id' })
        .reply(200, { items: [order(page, 1494600000)], _meta: meta(page, 2, 2) });
    }
    api()
      .post('/api/v1/orders/search', { order_date: { start: 1494547200 } })
      .query({ page: '1', size: '1', sort: 'id' })
      .reply(200, { items: [order(3, null)], _meta: meta(1, 1, 1) });
    const ids = (
      await collect(shop.orders.iterate({ updatedSince: '2017-05-12T00:00:00Z', limit: 1, concurrency: 4 }))
    ).map((o) => o.id);
    expect(ids).toEqual(['1', '2', '3']);
  });

  it('a cursor holding a phase CommerceHQ paging never makes is refused before sending', async () => {
    const { encodeCursor } = await import('@storeport/core');
    for (const native of [{ page: 1, phase: 3 }, { phase: 2 }, { page: 0, phase: 2 }]) {
      const cursor = encodeCursor({
        platform: 'commercehq',
        resource: 'orders',
        pageSize: 5,
        filters: {},
        native,
      });
      const err = await shop.orders.list({ cursor }).catch((e: CommerceError) => e);
      expect((err as CommerceError).code, JSON.stringify(native)).toBe('invalid_cursor');
    }
  });

  it('capabilities are derived from the declaration, as they were written before', () => {
    const paging = { maxPageSize: 200, defaultPageSize: 20, parallelPages: true };
    expect(COMMERCEHQ_CAPABILITIES).toEqual({
      customers: {
        operations: ['list', 'get', 'create', 'update', 'delete'],
        filters: ['email'],
        sorts: ['id', 'email', 'firstName', 'lastName', 'createdAt', 'updatedAt'],
        ...paging,
      },
      orders: {
        operations: ['list', 'get', 'update', 'fulfill', 'refund'],
        filters: ['status', 'customerId', 'createdSince', 'createdBefore', 'updatedSince'],
        sorts: ['id', 'number', 'createdAt', 'updatedAt', 'total'],
        ...paging,
      },
      products: {
        operations: ['list', 'get', 'create', 'update', 'delete'],
        filters: ['query'],
        sorts: ['id', 'title', 'createdAt', 'updatedAt'],
        ...paging,
      },
    });
    expect(shop.capabilities).toEqual(COMMERCEHQ_CAPABILITIES);
  });
});
