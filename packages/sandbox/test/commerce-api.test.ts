import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireCustomer, WireOrder, WirePage, WireProduct } from '../src/commerce-api';
import {
  type ApiSandbox,
  allPages,
  call,
  EXPONENT,
  login,
  minor,
  shapeProblems,
  startCommerceApi,
} from './__fixtures__/commerce-api/client';
import examples from './__fixtures__/commerce-api/seed-examples.json';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let sb: ApiSandbox;
let token: string;
beforeAll(async () => {
  sb = await startCommerceApi({ seed: 42, rateLimit: false });
  token = (await login(sb)).accessToken;
});
afterAll(() => sb.close());

const get = <T = Record<string, unknown>>(
  path: string,
  query: Record<string, string | number | boolean> = {},
) => call<T>(sb, 'GET', path, { token, query });

describe('commerce-api sandbox: generated data', () => {
  it('holds the default 60 customers, 120 orders, 40 products', () => {
    expect([sb.store.count('customers'), sb.store.count('orders'), sb.store.count('products')]).toEqual([
      60, 120, 40,
    ]);
    expect(sb.store.idField('products')).toBe('productId');
    expect(sb.store.idField('orders')).toBe('orderId');
    expect(sb.store.idField('customers')).toBe('customerId');
  });

  it('serves products with exactly the seed schema, uuid ids, valid money and a JPY product', async () => {
    const { items } = await allPages<WireProduct>(sb, '/products', token, {}, 100);
    expect(items).toHaveLength(40);
    for (const p of items) {
      expect(shapeProblems('product', p)).toEqual([]);
      expect(p.productId).toMatch(UUID);
      expect(['footwear', 'apparel', 'accessories', 'electronics', 'home']).toContain(p.category);
      expect(p.createdAt).toMatch(ISO);
      if (p.updatedAt !== null) expect(p.updatedAt >= p.createdAt).toBe(true);
      // Never more decimals than the currency has (8.165 stays out of generated data).
      expect(() => minor(p.price, EXPONENT[p.currency]!)).not.toThrow();
    }
    const yen = items.filter((p) => p.currency === 'JPY');
    expect(yen.length).toBeGreaterThan(0);
    for (const p of yen) expect(Number.isInteger(p.price)).toBe(true);
    expect(new Set(items.map((p) => p.sku)).size).toBe(40);
    expect(items.some((p) => !p.active)).toBe(true);
    expect(items.some((p) => p.updatedAt === null)).toBe(true);
    expect(items.map((p) => String(p.price))).toEqual(expect.arrayContaining(['0.1']));
  });

  it('serves orders whose lines reference real products and customers, with consistent totals', async () => {
    const { items } = await allPages<WireOrder>(sb, '/orders', token, {}, 100);
    expect(items).toHaveLength(120);
    const statuses = new Set<string>();
    const currencies = new Set<string>();
    for (const o of items) {
      expect(shapeProblems('order', o)).toEqual([]);
      expect(o.orderId).toMatch(UUID);
      expect(sb.store.getRaw('customers', o.customerId)).toBeDefined();
      statuses.add(o.status);
      currencies.add(o.currency);
      const exp = EXPONENT[o.currency]!;
      let subtotal = 0;
      for (const item of o.items) {
        expect(shapeProblems('orderItem', item)).toEqual([]);
        const product = sb.store.getRaw('products', item.productId) as unknown as WireProduct;
        expect(product.sku).toBe(item.sku);
        expect(product.currency).toBe(o.currency);
        expect(minor(item.lineTotal, exp)).toBe(minor(item.unitPrice, exp) * item.quantity);
        subtotal += minor(item.lineTotal, exp);
      }
      expect(minor(o.subtotal, exp)).toBe(subtotal);
      expect(minor(o.total, exp)).toBe(subtotal - minor(o.discount ?? 0, exp));
    }
    expect([...statuses].sort()).toEqual([
      'cancelled',
      'confirmed',
      'delivered',
      'pending',
      'refunded',
      'shipped',
    ]);
    expect(currencies.has('USD')).toBe(true);
    expect(items.some((o) => o.discount !== null && o.discount > 0)).toBe(true);
  });

  it('serves customers with addresses, tags and order statistics that match their orders', async () => {
    const { items } = await allPages<WireCustomer>(sb, '/customers', token, {}, 100);
    const orders = (await allPages<WireOrder>(sb, '/orders', token, {}, 100)).items;
    expect(items).toHaveLength(60);
    for (const c of items) {
      expect(shapeProblems('customer', c)).toEqual([]);
      for (const a of c.addresses) expect(shapeProblems('address', a)).toEqual([]);
      expect(c.addresses.filter((a) => a.isDefault)).toHaveLength(1);
      const theirs = orders.filter((o) => o.customerId === c.customerId);
      expect(c.orderCount).toBe(theirs.length);
      expect(c.lastOrderAt).toBe(theirs.length ? theirs[theirs.length - 1]!.createdAt : null);
    }
    expect(items.some((c) => c.addresses.length > 1)).toBe(true);
    expect(new Set(items.map((c) => c.email)).size).toBe(60);
  });
});

describe('commerce-api sandbox: paging', () => {
  for (const resource of ['products', 'orders', 'customers'] as const) {
    it(`pages ${resource} to the end: every record once, in store order, with a correct envelope`, async () => {
      const { items, pages } = await allPages<Record<string, unknown>>(sb, `/${resource}`, token, {}, 7);
      const idField = sb.store.idField(resource);
      expect(items.map((r) => r[idField])).toEqual(sb.store.ids(resource));
      const total = sb.store.count(resource);
      expect(pages.length).toBe(Math.ceil(total / 7) + 1);
      pages.forEach((p, i) => {
        expect(p).toMatchObject({ total, page: i + 1, pageSize: 7, pages: Math.ceil(total / 7) });
      });
      expect(pages.at(-1)!.count).toBe(0);
    });
  }

  it('defaults to page 1 of 20 and allows pageSize up to 100', async () => {
    const first = await get<WirePage<unknown>>('/orders');
    expect(shapeProblems('page', first.body)).toEqual([]);
    expect(first.body).toMatchObject({ page: 1, pageSize: 20, total: 120, pages: 6 });
    expect(first.body.data).toHaveLength(20);
    const max = await get<WirePage<unknown>>('/orders', { pageSize: 100, page: 2 });
    expect(max.body).toMatchObject({ page: 2, pageSize: 100, pages: 2 });
    expect(max.body.data).toHaveLength(20);
  });

  it('refuses pageSize over 100 or under 1 and page under 1 with 400 details (not clamped)', async () => {
    for (const [query, field] of [
      [{ pageSize: 101 }, 'pageSize'],
      [{ pageSize: 0 }, 'pageSize'],
      [{ pageSize: 'ten' }, 'pageSize'],
      [{ page: 0 }, 'page'],
      [{ page: -1 }, 'page'],
      [{ page: '1.5' }, 'page'],
    ] as const) {
      const reply = await get('/products', query);
      expect(reply.status, JSON.stringify(query)).toBe(400);
      expect(shapeProblems('error', reply.body)).toEqual([]);
      expect(reply.body).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: [{ field, code: 'out_of_range' }],
      });
    }
  });

  it('answers a page past the end with an empty page and the real totals', async () => {
    const reply = await get<WirePage<unknown>>('/customers', { page: 99, pageSize: 50 });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: [], total: 60, page: 99, pageSize: 50, pages: 2 });
  });
});

describe('commerce-api sandbox: filters and sorting', () => {
  it('filters products by the seed example query (page=1, pageSize=20, category=footwear)', async () => {
    const reply = await get<WirePage<WireProduct>>('/products', examples.listProductsQuery);
    const footwear = sb.store
      .ids('products')
      .filter((id) => sb.store.getRaw('products', id)!.category === 'footwear');
    expect(footwear.length).toBeGreaterThan(0);
    expect(reply.body.total).toBe(footwear.length);
    expect(reply.body.data.map((p) => p.productId)).toEqual(footwear.slice(0, 20));
  });

  it('filters products by active and by search on name and description', async () => {
    const inactive = await get<WirePage<WireProduct>>('/products', { active: false, pageSize: 100 });
    expect(inactive.body.data.length).toBeGreaterThan(0);
    expect(inactive.body.data.every((p) => p.active === false)).toBe(true);
    const active = await get<WirePage<WireProduct>>('/products', { active: true, pageSize: 100 });
    expect(active.body.total + inactive.body.total).toBe(40);
    const byName = await get<WirePage<WireProduct>>('/products', { search: 'WALLET', pageSize: 100 });
    expect(byName.body.data.length).toBeGreaterThan(0);
    expect(byName.body.data.every((p) => /wallet/i.test(p.name))).toBe(true);
    const byDescription = await get<WirePage<WireProduct>>('/products', {
      search: 'small batch',
      pageSize: 100,
    });
    expect(byDescription.body.data.every((p) => p.description?.includes('small batch'))).toBe(true);
    expect(byDescription.body.total).toBeGreaterThan(0);
  });

  it('sorts products by price, stock, name and createdAt in either direction', async () => {
    const asNumbers = (ps: WireProduct[], f: (p: WireProduct) => number) => ps.map(f);
    const price = (
      await get<WirePage<WireProduct>>('/products', { sort: 'price', order: 'desc', pageSize: 100 })
    ).body.data;
    const prices = asNumbers(price, (p) => p.price);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    const stock = (await get<WirePage<WireProduct>>('/products', { sort: 'stock', pageSize: 100 })).body.data;
    const stocks = asNumbers(stock, (p) => p.stock);
    expect(stocks).toEqual([...stocks].sort((a, b) => a - b));
    const names = (
      await get<WirePage<WireProduct>>('/products', { sort: 'name', pageSize: 100 })
    ).body.data.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const newest = (
      await get<WirePage<WireProduct>>('/products', { sort: 'createdAt', order: 'desc', pageSize: 100 })
    ).body.data;
    expect(newest.map((p) => p.productId)).toEqual([...sb.store.ids('products')].reverse());
  });

  it('refuses unknown category, active, sort and order values with 400 details', async () => {
    const reply = await get('/products', { category: 'food', active: 'yes', sort: 'color', order: 'up' });
    expect(reply.status).toBe(400);
    expect((reply.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual([
      'category',
      'active',
      'sort',
      'order',
    ]);
  });

  it('filters orders by status and by created range (from inclusive, to exclusive)', async () => {
    const all = (await allPages<WireOrder>(sb, '/orders', token, {}, 100)).items;
    const shipped = await get<WirePage<WireOrder>>('/orders', { status: 'shipped', pageSize: 100 });
    expect(shipped.body.data.map((o) => o.orderId)).toEqual(
      all.filter((o) => o.status === 'shipped').map((o) => o.orderId),
    );
    const from = all[30]!.createdAt;
    const to = all[60]!.createdAt;
    const range = await get<WirePage<WireOrder>>('/orders', { from, to, pageSize: 100 });
    expect(range.body.data.map((o) => o.orderId)).toEqual(all.slice(30, 60).map((o) => o.orderId));
    const offset = await get<WirePage<WireOrder>>('/orders', {
      from: from.replace('Z', '+00:00').replace('.000', ''),
      pageSize: 100,
    });
    expect(offset.body.total).toBe(90);
  });

  it('refuses an unknown status and a date that is not an ISO 8601 date-time', async () => {
    for (const query of [{ status: 'paid' }, { from: 'yesterday' }, { to: '2024-01-01' }] as Record<
      string,
      string
    >[]) {
      const reply = await get('/orders', query);
      expect(reply.status, JSON.stringify(query)).toBe(400);
      expect(reply.body).toMatchObject({ code: 'VALIDATION_ERROR' });
    }
  });

  it('filters customers by exact email (any case), search, and created range; sorts by email', async () => {
    const target = sb.store.getRaw('customers', sb.store.ids('customers')[5]!) as unknown as WireCustomer;
    const byEmail = await get<WirePage<WireCustomer>>('/customers', { email: target.email.toUpperCase() });
    expect(byEmail.body.data.map((c) => c.customerId)).toEqual([target.customerId]);
    const search = await get<WirePage<WireCustomer>>('/customers', {
      search: target.lastName!,
      pageSize: 100,
    });
    expect(search.body.data.map((c) => c.customerId)).toContain(target.customerId);
    expect(
      search.body.data.every((c) => `${c.firstName} ${c.lastName} ${c.email}`.includes(target.lastName!)),
    ).toBe(true);
    const since = await get<WirePage<WireCustomer>>('/customers', { from: target.createdAt, pageSize: 100 });
    expect(since.body.total).toBe(55);
    const emails = (
      await get<WirePage<WireCustomer>>('/customers', { sort: 'email', pageSize: 100 })
    ).body.data.map((c) => c.email);
    expect(emails).toEqual([...emails].sort());
  });
});

describe('commerce-api sandbox: single records and unknown routes', () => {
  it('serves each record by id exactly as the list does and as the store holds it', async () => {
    for (const resource of ['products', 'orders', 'customers'] as const) {
      const id = sb.store.ids(resource)[3]!;
      const reply = await get(`/${resource}/${id}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual(sb.store.getRaw(resource, id));
    }
  });

  it('answers 404 with the error body for unknown, non-uuid and traversal ids', async () => {
    for (const path of [
      '/products/00000000-0000-4000-8000-000000000000',
      '/orders/not-a-uuid',
      '/customers/..%2Fproducts',
      '/products/%E0%A4%A',
    ]) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(shapeProblems('error', reply.body)).toEqual([]);
      expect(reply.body).toMatchObject({ code: 'NOT_FOUND', details: null });
    }
  });

  it('answers 404 for unknown paths and 405 for undocumented methods on known ones', async () => {
    for (const path of ['/variants', '/products/x/images', '/']) {
      expect((await get(path)).status, path).toBe(404);
    }
    const outside = await fetch(`${sb.origin}/v1/products`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ code: 'NOT_FOUND' });
    const order = sb.store.ids('orders')[0]!;
    const del = await call(sb, 'DELETE', `/orders/${order}`, { token });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET');
    expect(del.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect((await call(sb, 'PUT', '/products', { token, body: {} })).headers.get('allow')).toBe('GET, POST');
    expect((await get('/auth/login')).status).toBe(405);
  });
});
