import {
  type CommerceAdapter,
  type CommerceError,
  ConfigurationError,
  InvalidRecordError,
} from '@storeport/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CommerceApiAdapterOptions, createCommerceApiAdapter } from '../src';
import { pageOf } from '../src/listing';
import orderFixture from './__fixtures__/order-usd.json';
import productFixture from './__fixtures__/product-footwear.json';

// Lists through the kit: records read one by one, paging with or without `pages`, over-precise
// amounts. API-key mode, so every request below is a list request.

const ORIGIN = 'https://api.commerce.io';
const api = () => nock(ORIGIN).matchHeader('x-api-key', 'k-1');

let adapters: CommerceAdapter[] = [];
function adapter(overrides: Partial<CommerceApiAdapterOptions> = {}): CommerceAdapter {
  const a = createCommerceApiAdapter({
    credentials: { apiKey: 'k-1' },
    limiter: false,
    retry: false,
    ...overrides,
  });
  adapters.push(a);
  return a;
}

const product = (n: number, fields: Record<string, unknown> = {}) => ({
  ...productFixture.wire,
  productId: `p-${n}`,
  sku: `SKU-${n}`,
  ...fields,
});
const products = (from: number, count: number) => Array.from({ length: count }, (_, i) => product(from + i));
const ids = (items: Array<{ id: string }>) => items.map((p) => p.id);

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

beforeAll(() => nock.disableNetConnect());
afterEach(async () => {
  await Promise.all(adapters.map((a) => a.close()));
  adapters = [];
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('records read one by one', () => {
  it('a malformed record in the middle of a page comes back in page.invalid with its id; the others are returned', async () => {
    const broken = product(2, { price: 'a lot' });
    api()
      .get('/v2/products')
      .query({ page: 1, pageSize: 3 })
      .reply(200, { data: [product(1), broken, product(3)], total: 3, page: 1, pageSize: 3, pages: 1 });
    const page = await adapter().products.list({ limit: 3 });
    expect(ids(page.items)).toEqual(['p-1', 'p-3']);
    expect(page.invalid).toEqual([
      { index: 1, id: 'p-2', issues: [expect.objectContaining({ field: 'price' })], raw: broken },
    ]);
  });

  it('iterate() throws InvalidRecordError naming the order by its orderId', async () => {
    const broken = { ...orderFixture.wire, orderId: 'o-bad', currency: 'XXQ' };
    api()
      .get('/v2/orders')
      .query({ page: 1, pageSize: 100 })
      .reply(200, { data: [orderFixture.wire, broken], total: 2, page: 1, pageSize: 100, pages: 1 });
    const err = await all(adapter().orders.iterate()).catch((e: unknown) => e);
    expect(InvalidRecordError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ recordId: 'o-bad', resource: 'orders', field: 'currency' });
  });
});

describe('paging', () => {
  it('a server that ignores ?page= ends in pagination_stalled instead of looping', async () => {
    const envelope = { data: products(1, 2), total: 6, page: 1, pageSize: 2, pages: 3 };
    api().get('/v2/products').query({ page: 1, pageSize: 2 }).reply(200, envelope);
    api().get('/v2/products').query({ page: 2, pageSize: 2 }).reply(200, envelope);
    const err = (await all(adapter().products.iterate({ limit: 2 })).catch(
      (e: unknown) => e,
    )) as CommerceError;
    expect(err.code).toBe('pagination_stalled');
  });

  it('without `pages`, `total` says where the list ends (page * pageSize < total)', async () => {
    api()
      .get('/v2/products')
      .query({ page: 1, pageSize: 2 })
      .reply(200, { data: products(1, 2), total: 3, page: 1, pageSize: 2 });
    api()
      .get('/v2/products')
      .query({ page: 2, pageSize: 2 })
      .reply(200, { data: products(3, 1), total: 3, page: 2, pageSize: 2 });
    const shop = adapter();
    const first = await shop.products.list({ limit: 2 });
    expect(first).toMatchObject({ totalCount: 3, nextCursor: expect.any(String) });
    const second = await shop.products.list({ cursor: first.nextCursor });
    expect(ids(second.items)).toEqual(['p-3']);
    expect(second.nextCursor).toBeNull();
  });

  it('a full last page with `total` asks for nothing more', async () => {
    api()
      .get('/v2/products')
      .query({ page: 1, pageSize: 2 })
      .reply(200, { data: products(1, 2), total: 2 });
    expect((await adapter().products.list({ limit: 2 })).nextCursor).toBeNull();
  });

  it('without `pages` or `total`, a full page means there may be more; a short or empty page ends the list', async () => {
    const bare = (data: unknown[]) => ({ data });
    api()
      .get('/v2/products')
      .query({ page: 1, pageSize: 2 })
      .reply(200, bare(products(1, 2)));
    api()
      .get('/v2/products')
      .query({ page: 2, pageSize: 2 })
      .reply(200, bare(products(3, 1)));
    api()
      .get('/v2/orders')
      .query({ page: 1, pageSize: 1 })
      .reply(200, bare([orderFixture.wire]));
    api().get('/v2/orders').query({ page: 2, pageSize: 1 }).reply(200, bare([]));
    const shop = adapter();
    expect(ids(await all(shop.products.iterate({ limit: 2 })))).toEqual(['p-1', 'p-2', 'p-3']);
    expect(await all(shop.orders.iterate({ limit: 1, concurrency: 4 }))).toHaveLength(1);
  });

  it('the page count for parallel pages: `pages`, else from `total` and the page size the server used', () => {
    expect(pageOf({ data: products(1, 2), total: 5 }, 1, 2)).toMatchObject({
      pageCount: 3,
      next: { page: 2 },
    });
    expect(pageOf({ data: products(1, 2), total: 5, pageSize: 2 }, 1, 10).pageCount).toBe(3);
    expect(pageOf({ data: products(1, 2), pages: 4, total: 5 }, 1, 2).pageCount).toBe(4);
    expect(pageOf({ data: products(1, 2) }, 1, 2)).toMatchObject({ pageCount: null, next: { page: 2 } });
    expect(pageOf({ data: [], total: 5 }, 1, 2).next).toBeNull();
  });

  it('without `pages`, parallel pages go by `total`', async () => {
    for (let page = 1; page <= 3; page += 1) {
      api()
        .get('/v2/products')
        .query({ page, pageSize: 2 })
        .reply(200, { data: products(page * 2 - 1, page < 3 ? 2 : 1), total: 5 });
    }
    const items = await all(adapter().products.iterate({ limit: 2, concurrency: 3 }));
    expect(ids(items)).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5']);
  });
});

describe("rounding: 'reject' | 'half-even'", () => {
  const overPrecise = () => [product(1), product(2, { price: 1.999 }), product(3, { price: 8.165 })];
  const reply = () =>
    api()
      .get('/v2/products')
      .query({ page: 1, pageSize: 100 })
      .reply(200, { data: overPrecise(), total: 3, page: 1, pageSize: 100, pages: 1 });

  it('by default an over-precise amount makes its record invalid, reported with its id; the export goes on', async () => {
    reply();
    const rejected: Array<{ id: string | null; field: string | undefined }> = [];
    const items = await all(
      adapter().products.iterate({
        onInvalidRecord: (r) => void rejected.push({ id: r.id, field: r.issues[0]?.field }),
      }),
    );
    expect(ids(items)).toEqual(['p-1']);
    expect(rejected).toEqual([
      { id: 'p-2', field: 'price' },
      { id: 'p-3', field: 'price' },
    ]);
  });

  it("with rounding: 'half-even' it is accepted, rounded to the currency's minor unit", async () => {
    reply();
    const page = await adapter({ rounding: 'half-even' }).products.list();
    expect(page.invalid).toEqual([]);
    expect(page.items.map((p) => p.price?.amount)).toEqual([1999, 200, 816]);
  });

  it('orders round every amount, lines included, the same way', async () => {
    const order = {
      ...orderFixture.wire,
      items: [{ productId: 'p-1', quantity: 1, unitPrice: 0.125, lineTotal: 0.125 }],
      subtotal: 0.125,
      discount: null,
      total: 0.135,
    };
    const page = { data: [order], total: 1, page: 1, pageSize: 100, pages: 1 };
    api().get('/v2/orders').query(true).reply(200, page);
    api().get('/v2/orders').query(true).reply(200, page);
    expect((await adapter().orders.list()).invalid?.[0]).toMatchObject({
      id: orderFixture.wire.orderId,
      issues: [{ field: 'total' }],
    });
    const [read] = (await adapter({ rounding: 'half-even' }).orders.list()).items;
    expect([read!.subtotal.amount, read!.total.amount, read!.lineItems[0]!.unitPrice.amount]).toEqual([
      12, 14, 12,
    ]);
  });

  it('any other rounding is a ConfigurationError naming the option', () => {
    const err = (() => {
      try {
        createCommerceApiAdapter({ credentials: { apiKey: 'k' }, rounding: 'up' as 'reject' });
      } catch (e) {
        return e;
      }
    })();
    expect(ConfigurationError.isInstance(err)).toBe(true);
    expect((err as Error).message).toContain('"rounding"');
  });
});
