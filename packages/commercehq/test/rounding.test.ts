import { ConfigurationError, InvalidRecordError, ResponseShapeError } from '@storeport/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CommerceHQAdapterOptions, createCommerceHQAdapter } from '../src';
import customer30 from './__fixtures__/customer-30.json';
import order4041 from './__fixtures__/order-4041.json';
import product14 from './__fixtures__/product-14.json';

// CommerceHQ sends decimals; one with more decimals than the currency has (8.165 USD) is an
// invalid record by default, or rounded half-even with `rounding: 'half-even'`.

const ORIGIN = 'https://mystore.commercehq.com';
const EXPAND = 'textareas,images,options,variants';
const BASE: CommerceHQAdapterOptions = {
  store: 'mystore',
  apiKey: 'key_123',
  apiPassword: 'secure-password',
  limiter: false,
  retry: false,
};
const overPrecise = {
  ...product14,
  id: 15,
  variants: product14.variants.map((v, i) => (i === 0 ? { ...v, price: 8.165 } : v)),
};
const productPage = {
  items: [product14, overPrecise, { ...product14, id: 16 }],
  _meta: { totalCount: 3, pageCount: 1, currentPage: 1, perPage: 20 },
};
const listProducts = () =>
  nock(ORIGIN)
    .get('/api/v1/products')
    .query({ page: '1', size: '20', sort: 'id', expand: EXPAND })
    .reply(200, productPage);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe("rounding: 'reject' (the default)", () => {
  const shop = createCommerceHQAdapter(BASE);
  afterAll(() => shop.close());

  it('reports the record with the over-precise amount, with its id and field, and keeps the others', async () => {
    listProducts();
    const page = await shop.products.list();
    expect(page.items.map((p) => p.id)).toEqual(['14', '16']);
    expect(page.invalid).toHaveLength(1);
    expect(page.invalid![0]).toMatchObject({ index: 1, id: '15', issues: [{ field: 'variants.0.price' }] });
    expect(page.invalid![0]!.issues[0]!.message).toContain('8.165');
  });

  it('iterate() stops at it with InvalidRecordError, or skips it', async () => {
    listProducts();
    const seen: string[] = [];
    const err = await (async () => {
      for await (const p of shop.products.iterate()) seen.push(p.id);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['14']);
    expect(InvalidRecordError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ recordId: '15', field: 'variants.0.price' });
    listProducts();
    const ids: string[] = [];
    for await (const p of shop.products.iterate({ onInvalidRecord: 'skip' })) ids.push(p.id);
    expect(ids).toEqual(['14', '16']);
  });

  it('get() of such a record is a ResponseShapeError naming the field', async () => {
    nock(ORIGIN)
      .get('/api/v1/orders/4041')
      .reply(200, { ...order4041, shipping: { ...order4041.shipping, price: '7.955' } });
    const err = await shop.orders.get('4041').catch((e: unknown) => e);
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    expect((err as ResponseShapeError).field).toBe('shipping.price');
  });
});

describe("rounding: 'half-even'", () => {
  const shop = createCommerceHQAdapter({ ...BASE, rounding: 'half-even' });
  afterAll(() => shop.close());

  it('accepts the record, rounded to the nearest cent, ties to even', async () => {
    listProducts();
    const page = await shop.products.list();
    expect(page.items.map((p) => p.id)).toEqual(['14', '15', '16']);
    expect(page.invalid).toEqual([]);
    expect(page.items[1]!.variants[0]!.price).toEqual({ amount: 816, currency: 'USD' });
  });

  it('rounds order and customer amounts read by get()', async () => {
    nock(ORIGIN)
      .get('/api/v1/orders/4041')
      .reply(200, { ...order4041, shipping: { ...order4041.shipping, price: '7.955' } });
    expect((await shop.orders.get('4041')).shippingTotal).toEqual({ amount: 796, currency: 'USD' });
    nock(ORIGIN)
      .get('/api/v1/customers/30')
      .reply(200, { ...customer30, statistics: { ...customer30.statistics, lifetime_spent: 8.1651 } });
    expect((await shop.customers.get('30')).stats?.lifetimeValue).toEqual({ amount: 817, currency: 'USD' });
  });
});

it('refuses a rounding mode it does not know, naming the option', () => {
  const err = (() => {
    try {
      createCommerceHQAdapter({ ...BASE, rounding: 'up' as never });
    } catch (e) {
      return e;
    }
  })();
  expect(ConfigurationError.isInstance(err)).toBe(true);
  expect((err as Error).message).toMatch(/^@storeport\/commercehq: "rounding"/);
});
