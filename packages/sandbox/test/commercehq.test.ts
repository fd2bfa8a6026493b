import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChqCustomer, ChqOrder, ChqProduct } from '../src/commercehq';
import { CommerceHQStore } from '../src/commercehq';
import {
  allPages,
  basic,
  type ChqPage,
  type ChqSandbox,
  call,
  startChq,
  yiiError,
} from './__fixtures__/commercehq/client';
import customer30 from './__fixtures__/commercehq/customer-30.json';
import customerSearchRequest from './__fixtures__/commercehq/customer-search-request.json';
import order4041 from './__fixtures__/commercehq/order-4041.json';
import product14 from './__fixtures__/commercehq/product-14.json';
import carriersFixture from './__fixtures__/commercehq/shipping-carriers.json';

let sb: ChqSandbox;
beforeAll(async () => {
  sb = await startChq({ seed: 7, rateLimit: false });
});
afterAll(() => sb.close());

const href = (link: unknown) =>
  typeof link === 'string' ? link : (link as { href: string } | undefined)?.href;

describe('commercehq sandbox: the seed document examples', () => {
  it('serves product 14 with ?expand=all exactly as the seed shows it', async () => {
    const res = await call(sb, 'GET', '/products/14', { query: { expand: 'all' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(product14);
  });

  it('serves customer 30 exactly as the seed shows it', async () => {
    const res = await call(sb, 'GET', '/customers/30');
    expect(res.body).toEqual(customer30);
  });

  it('serves order 4041 exactly as the seed shows it, shipping price as the string "7.95"', async () => {
    const res = await call<ChqOrder>(sb, 'GET', '/orders/4041');
    expect(res.body).toEqual(order4041);
    expect(res.body.shipping.price).toBe('7.95');
    expect(res.body.total).toBe(21.89);
  });

  it('keeps the records the examples refer to: customer 2819, product 47 and order 91', async () => {
    const jack = await call<ChqCustomer>(sb, 'GET', '/customers/2819');
    expect(jack.body).toMatchObject({ email: 'tester@testmailhq.com', orders: [4041] });
    expect(jack.body.statistics).toEqual({
      last_purchase: 1494594582,
      order_count: 1,
      lifetime_spent: 21.89,
    });
    const necklace = await call<ChqProduct>(sb, 'GET', '/products/47', { query: { expand: 'variants' } });
    expect(necklace.body.variants.find((v) => v.id === 36)?.variant).toEqual(['Purple']);
    const o91 = await call<ChqOrder>(sb, 'GET', '/orders/91');
    expect(o91.body.customer?.id).toBe(30);
    expect(o91.body.total).toBe(customer30.statistics.lifetime_spent);
    expect(o91.body.items[0]?.data.variant?.id).toBe(43);
  });

  it('serves the seed shipping carriers, newest id first', async () => {
    const res = await call<ChqPage<unknown>>(sb, 'GET', '/shipping-carriers');
    expect(res.body.items).toEqual(carriersFixture.items);
    expect(res.body._meta).toEqual(carriersFixture._meta);
    expect(Object.keys(res.body._links)).toEqual(['self']);
  });

  it('hides product relations unless expanded, and `fields=id,title` returns just those', async () => {
    const plain = await call(sb, 'GET', '/products/14');
    for (const rel of ['textareas', 'images', 'variants', 'options'])
      expect(plain.body).not.toHaveProperty(rel);
    expect(plain.body).toMatchObject({ id: 14, title: 'Fancy bear 1000', tags: ['dog'] });
    const some = await call(sb, 'GET', '/products/14', { query: { expand: 'images,options' } });
    expect(Object.keys(some.body)).toEqual(expect.arrayContaining(['images', 'options']));
    expect(some.body).not.toHaveProperty('variants');
    const fields = await call<ChqPage<unknown>>(sb, 'GET', '/products', {
      query: { fields: 'id,title', size: 3 },
    });
    for (const item of fields.body.items) expect(Object.keys(item as object).sort()).toEqual(['id', 'title']);
    const withExpand = await call(sb, 'GET', '/products/14', { query: { fields: 'id', expand: 'variants' } });
    expect(Object.keys(withExpand.body).sort()).toEqual(['id', 'variants']);
  });
});

describe('commercehq sandbox: authentication', () => {
  const paths: Array<[string, string, unknown?]> = [
    ['GET', '/products'],
    ['GET', '/customers/30'],
    ['GET', '/orders/4041'],
    ['POST', '/customers/search', {}],
    ['POST', '/orders/search', {}],
    ['PATCH', '/orders/4041', { notes: 'x' }],
    ['POST', '/customers', { email: 'a@b.co' }],
    ['DELETE', '/products/14'],
    ['GET', '/helpers'],
    ['GET', '/no-such-endpoint'],
  ];

  it('rejects every request without credentials with 401 and the Basic challenge', async () => {
    for (const [method, path, body] of paths) {
      const res = await call(sb, method, path, { auth: null, body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body).toEqual(
        yiiError(401, 'Unauthorized', 'Your request was made with invalid credentials.'),
      );
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="api"');
    }
    // Nothing was written by the rejected requests.
    expect(sb.store.getRaw('orders', '4041')?.notes).toBeNull();
    expect(sb.store.getRaw('products', '14')).toBeDefined();
  });

  it('rejects a wrong password, a wrong key, another scheme and garbage', async () => {
    const { apiKey, apiPassword } = sb.options;
    for (const auth of [
      basic(apiKey, 'wrong'),
      basic('other', apiPassword),
      basic(apiKey, ''),
      `Bearer ${apiPassword}`,
      'Basic !!!',
      Buffer.from(`${apiKey}:${apiPassword}`).toString('base64'),
    ]) {
      const res = await call(sb, 'GET', '/orders', { auth });
      expect(res.status, auth).toBe(401);
    }
    expect((await call(sb, 'GET', '/orders', { auth: basic(apiKey, apiPassword) })).status).toBe(200);
  });

  it('accepts other credentials when configured, and advertises them in the adapter options', async () => {
    const other = await startChq({
      rateLimit: false,
      platformOptions: { apiKey: 'key_123', apiPassword: 'secure-password' },
    });
    try {
      expect(other.options).toEqual({
        store: 'sandbox',
        apiKey: 'key_123',
        apiPassword: 'secure-password',
        currency: 'USD',
        baseUrl: `${other.origin}/api/v1`,
      });
      // The seed's own example header for key_123:secure-password.
      const res = await call(other, 'GET', '/products', { auth: 'Basic a2V5XzEyMzpzZWN1cmUtcGFzc3dvcmQ=' });
      expect(res.status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers unknown paths with 404 and its body', async () => {
    for (const path of [
      '/no-such-endpoint',
      '/orders/abc',
      '/orders/4041/nope',
      '/customers/30/address',
      '/orders/999999',
    ]) {
      const res = await call(sb, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual(yiiError(404, 'Not Found'));
    }
    expect((await call(sb, 'GET', '/orders/999999')).body).toMatchObject({
      message: 'Object not found: 999999',
    });
    const outside = await fetch(`${sb.origin}/api/v2/orders`);
    expect(outside.status).toBe(404);
    // Encoded separators never reach another resource.
    expect((await call(sb, 'GET', '/orders/..%2Fcustomers')).status).toBe(404);
  });

  it('answers methods an endpoint lacks with 405 and Allow', async () => {
    const res = await call(sb, 'POST', '/orders', { body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.body).toMatchObject({ name: 'Method Not Allowed', status: 405 });
    expect((await call(sb, 'DELETE', '/orders/4041')).status).toBe(405);
    expect((await call(sb, 'GET', '/customers/search')).status).toBe(405);
  });
});

describe('commercehq sandbox: paging', () => {
  it('pages with the {items,_links,_meta} wrapper, 20 per page and id descending by default', async () => {
    const res = await call<ChqPage<ChqOrder>>(sb, 'GET', '/orders');
    expect(Object.keys(res.body)).toEqual(['items', '_links', '_meta']);
    expect(res.body._meta).toEqual({ totalCount: 120, pageCount: 6, currentPage: 1, perPage: 20 });
    const ids = res.body.items.map((o) => o.id);
    expect(ids[0]).toBe(4041);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(Object.keys(res.body._links)).toEqual(['self', 'next', 'last']);
    expect(href(res.body._links.next)).toBe(`${sb.baseUrl}/orders?page=2`);
    expect(href(res.body._links.last)).toBe(`${sb.baseUrl}/orders?page=6`);
    expect(res.headers.get('x-pagination-total-count')).toBe('120');
    expect(res.headers.get('x-pagination-page-count')).toBe('6');
    expect(res.headers.get('x-pagination-current-page')).toBe('1');
    expect(res.headers.get('x-pagination-per-page')).toBe('20');
    expect(res.headers.get('link')).toContain(`<${sb.baseUrl}/orders?page=2>; rel=next`);
  });

  it.each([
    ['orders', 7],
    ['customers', 11],
    ['products', 200],
  ])(
    'visits every %s exactly once at size %i, following page numbers to the last',
    async (resource, size) => {
      const { items, pages } = await allPages<{ id: number }>(sb, `/${resource}`, { size });
      const ids = items.map((i) => String(i.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual(sb.store.ids(resource as 'orders').sort());
      expect(pages.at(-1)?._meta.currentPage).toBe(pages.at(-1)?._meta.pageCount);
      for (const [i, page] of pages.entries()) {
        expect(page._meta.currentPage).toBe(i + 1);
        expect(page._meta.perPage).toBe(size);
        expect(Boolean(page._links.prev)).toBe(i > 0);
        expect(Boolean(page._links.first)).toBe(i > 0);
        expect(Boolean(page._links.next)).toBe(i < pages.length - 1);
      }
    },
  );

  it('keeps the query in links and carries size only when it is not the default', async () => {
    const res = await call<ChqPage<unknown>>(sb, 'GET', '/orders', {
      query: { size: 50, sort: '!order_date', page: 2 },
    });
    const next = new URL(href(res.body._links.next)!);
    expect(Object.fromEntries(next.searchParams)).toEqual({ size: '50', sort: '!order_date', page: '3' });
    expect(href(res.body._links.prev)).toContain('page=1');
    const following = await fetch(href(res.body._links.next)!, {
      headers: { authorization: basic(sb.options.apiKey, sb.options.apiPassword) },
    });
    expect(((await following.json()) as ChqPage<unknown>)._meta.currentPage).toBe(3);
  });

  it('clamps size to [1, 200] and a page past the end to the last page, like Yii2', async () => {
    const meta = async (query: Record<string, string | number>, path = '/orders') =>
      (await call<ChqPage<{ id: number }>>(sb, 'GET', path, { query })).body;
    expect((await meta({ size: 500 }))._meta.perPage).toBe(200);
    expect((await meta({ size: 500 })).items).toHaveLength(120);
    expect((await meta({ size: 0 }))._meta.perPage).toBe(1);
    expect((await meta({ size: -5 }))._meta.perPage).toBe(1);
    expect((await meta({ size: 'abc' }))._meta.perPage).toBe(1);
    expect((await meta({ page: 0 }))._meta.currentPage).toBe(1);
    expect((await meta({ page: 'x' }))._meta.currentPage).toBe(1);
    const last = await meta({ page: 6 });
    const beyond = await meta({ page: 99 });
    expect(beyond._meta.currentPage).toBe(6);
    expect(beyond.items).toEqual(last.items);
    expect(beyond._links.next).toBeUndefined();
  });

  it('honours a configured maximum page size and serves `_links` as strings when asked', async () => {
    const other = await startChq({
      rateLimit: false,
      platformOptions: { maxPageSize: 25, linkStyle: 'string' },
    });
    try {
      const res = await call<ChqPage<unknown>>(other, 'GET', '/customers', { query: { size: 100 } });
      expect(res.body._meta.perPage).toBe(25);
      expect(typeof res.body._links.self).toBe('string');
      expect(res.body._links.next).toBe(`${other.baseUrl}/customers?size=25&page=2`);
    } finally {
      await other.close();
    }
  });

  it('answers an empty store with an empty page and only a self link', async () => {
    const empty = await startChq({ rateLimit: false, records: 0 });
    try {
      const res = await call<ChqPage<unknown>>(empty, 'GET', '/orders');
      expect(res.body.items).toEqual([]);
      expect(res.body._meta).toEqual({ totalCount: 0, pageCount: 0, currentPage: 1, perPage: 20 });
      expect(Object.keys(res.body._links)).toEqual(['self']);
    } finally {
      await empty.close();
    }
  });

  it('answers HEAD with the pagination headers and no body (how real clients count products)', async () => {
    const res = await fetch(`${sb.baseUrl}/products`, {
      method: 'HEAD',
      headers: { authorization: basic(sb.options.apiKey, sb.options.apiPassword) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-pagination-total-count')).toBe('40');
    expect(await res.text()).toBe('');
  });

  it('tells which page an order is on', async () => {
    const res = await call<{ page: number }>(sb, 'GET', '/orders/4041/page');
    expect(res.body).toEqual({ page: 1 });
    const oldest = Number(sb.store.ids('orders')[0]);
    expect((await call(sb, 'GET', `/orders/${oldest}/page`)).body).toEqual({ page: 6 });
    expect(
      (await call(sb, 'GET', `/orders/${oldest}/page`, { query: { sort: 'id', size: 10 } })).body,
    ).toEqual({ page: 1 });
  });
});

describe('commercehq sandbox: sorting', () => {
  it('sorts ascending by a field, descending with "!", by several fields, and ignores unknown fields', async () => {
    const ids = async (sort: string, path = '/orders') =>
      (await allPages<{ id: number }>(sb, path, { sort, size: 200 })).items;
    const asc = (await ids('id')).map((o) => o.id);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const byDate = (await ids('!order_date')) as unknown as ChqOrder[];
    for (let i = 1; i < byDate.length; i++)
      expect(byDate[i - 1]!.order_date >= byDate[i]!.order_date).toBe(true);
    const products = (await ids('!title,price', '/products')) as unknown as ChqProduct[];
    for (let i = 1; i < products.length; i++) {
      expect(products[i - 1]!.title.toLowerCase() >= products[i]!.title.toLowerCase()).toBe(true);
    }
    const unknown = (await ids('no_such_field')).map((o) => o.id);
    expect(unknown).toEqual([...asc].reverse());
  });

  it('sorts decimal amounts numerically, string or number', async () => {
    const { items } = await allPages<ChqOrder>(sb, '/orders', { sort: 'total', size: 200 });
    for (let i = 1; i < items.length; i++)
      expect(Number(items[i - 1]!.total) <= Number(items[i]!.total)).toBe(true);
  });
});

describe('commercehq sandbox: search', () => {
  it('answers the seed customer search example with the wrapper (no such customer here)', async () => {
    const res = await call<ChqPage<unknown>>(sb, 'POST', '/customers/search', {
      body: customerSearchRequest,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body._meta.totalCount).toBe(0);
    expect(href(res.body._links.self)).toBe(`${sb.baseUrl}/customers/search?page=1`);
  });

  it('finds customers by email (exactly, case-insensitively), name (substring), address and orders', async () => {
    const search = async (body: unknown) =>
      (await call<ChqPage<ChqCustomer>>(sb, 'POST', '/customers/search', { body })).body.items.map(
        (c) => c.id,
      );
    expect(await search({ email: 'DEVELOPER@commercehq.com' })).toEqual([30]);
    expect(await search({ email: 'developer@commercehq' })).toEqual([]);
    expect(await search({ first_name: 'onal' })).toContain(30);
    expect(await search({ address: { phone: '123456789' } })).toEqual([30]);
    expect(await search({ address: { shipping_city: 'Duckland', shipping: { zip: '12345' } } })).toEqual([
      30,
    ]);
    expect(await search({ address: { shipping_country: 'US' }, orders: [91], order_count: 1 })).toEqual([30]);
    expect(await search({ id: [30, 2819] })).toEqual([2819, 30]);
    // A value of the wrong type matches nothing (Yii2 search models), an unknown key is ignored.
    expect(await search({ order_count: 'many' })).toEqual([]);
    expect((await search({ no_such_filter: 1 })).length).toBe(20);
  });

  it('pages search results with page/size in the query and filters in the body', async () => {
    const all = await allPages<ChqCustomer>(
      sb,
      '/customers/search',
      { size: 7 },
      { method: 'POST', body: { address: { shipping_country: 'US' } } },
    );
    expect(all.items.length).toBeGreaterThan(7);
    expect(new Set(all.items.map((c) => c.id)).size).toBe(all.items.length);
    for (const c of all.items) expect(c.address.some((a) => a.shipping.country === 'US')).toBe(true);
    expect(all.pages[0]!._meta.totalCount).toBe(all.items.length);
    expect(href(all.pages[0]!._links.next)).toBe(`${sb.baseUrl}/customers/search?size=7&page=2`);
  });

  it('finds orders by status, paid, date range, customer, name, number, amount and flags', async () => {
    const search = async (body: unknown, query: Record<string, string | number> = {}) =>
      (await allPages<ChqOrder>(sb, '/orders/search', { size: 200, ...query }, { method: 'POST', body }))
        .items;
    const all = (await allPages<ChqOrder>(sb, '/orders', { size: 200 })).items;
    const expectIds = (got: ChqOrder[], want: ChqOrder[]) =>
      expect(got.map((o) => o.id).sort()).toEqual(want.map((o) => o.id).sort());
    expectIds(
      await search({ status: [0, 1, 2] }),
      all.filter((o) => o.status <= 2),
    );
    expectIds(
      await search({ status: 5, paid: [1] }),
      all.filter((o) => o.status === 5 && o.paid === 1),
    );
    expectIds(
      await search({ paid: -2 }),
      all.filter((o) => o.paid === -2),
    );
    const mid = all.map((o) => o.order_date).sort()[60]!;
    expectIds(
      await search({ order_date: { start: mid } }),
      all.filter((o) => o.order_date >= mid),
    );
    expectIds(
      await search({ order_date: { start: 1494594582, end: 1494594582 } }),
      all.filter((o) => o.id === 4041),
    );
    expectIds(
      await search({ updated_at: { start: mid } }),
      all.filter((o) => (o.updated_at ?? 0) >= mid),
    );
    expectIds(
      await search({ customer_id: 2819 }),
      all.filter((o) => o.id === 4041),
    );
    expectIds(
      await search({ email: 'tester@testmailhq.com' }),
      all.filter((o) => o.id === 4041),
    );
    expectIds(
      await search({ display_number: 'RH4041' }),
      all.filter((o) => o.id === 4041),
    );
    expectIds(
      await search({ order_number: 'rh4041' }),
      all.filter((o) => o.id === 4041),
    );
    expectIds(
      await search({ total: '21.89' }),
      all.filter((o) => o.total === 21.89),
    );
    expectIds(
      await search({ shipping_price: 7.95 }),
      all.filter((o) => o.shipping.price === '7.95'),
    );
    expectIds(
      await search({ full_name: ['Jack', 'Donald'] }),
      all.filter((o) => [4041, 91].includes(o.id)),
    );
    expectIds(
      await search({ ip_fail: true }),
      all.filter((o) => o.risk_level.ip_fail),
    );
    expectIds(
      await search({ id: ['4041', 91] }),
      all.filter((o) => [4041, 91].includes(o.id)),
    );
    expect(await search({ status: { start: 'x' } })).toEqual([]);
  });

  it('takes `fields` in the search body and sorts from the query', async () => {
    const res = await call<ChqPage<Record<string, unknown>>>(sb, 'POST', '/orders/search', {
      query: { sort: 'id', size: 3 },
      body: { paid: [1], fields: 'id,status,paid' },
    });
    expect(res.body.items).toHaveLength(3);
    for (const o of res.body.items) expect(Object.keys(o).sort()).toEqual(['id', 'paid', 'status']);
    const ids = res.body.items.map((o) => o.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('accepts the seed example path /orders/1400/search as a search of all orders', async () => {
    const res = await call<ChqPage<ChqOrder>>(sb, 'POST', '/orders/1400/search', {
      body: { full_name: ['Andrew', 'Mike'] },
    });
    expect(res.status).toBe(200);
    for (const o of res.body.items) {
      const names = [o.customer?.first_name, o.address?.shipping.first_name].join(' ');
      expect(/andrew|mike/i.test(names)).toBe(true);
    }
  });
});

describe('commercehq sandbox: helpers', () => {
  it('lists collections, types, vendors, tags and warehouses, or one of them', async () => {
    const all = await call<Record<string, Array<{ id: number; title: string }>>>(sb, 'GET', '/helpers');
    expect(Object.keys(all.body).sort()).toEqual(['collections', 'tags', 'types', 'vendors', 'warehouses']);
    expect(all.body.warehouses).toEqual([
      { id: 1, title: 'Warehouse 1' },
      { id: 2, title: 'Warehouse 2' },
      { id: 3, title: 'Warehouse 3' },
    ]);
    expect(all.body.types!.map((t) => t.title)).toContain('Cats');
    const tags = await call(sb, 'GET', '/helpers/tags');
    expect(Object.keys(tags.body)).toEqual(['tags']);
    expect((await call(sb, 'GET', '/helpers/nope')).status).toBe(404);
  });
});

describe('commercehq sandbox: generated data', () => {
  let customers: ChqCustomer[];
  let orders: ChqOrder[];
  let products: ChqProduct[];
  beforeAll(async () => {
    customers = (await allPages<ChqCustomer>(sb, '/customers', { size: 200 })).items;
    orders = (await allPages<ChqOrder>(sb, '/orders', { size: 200 })).items;
    products = (await allPages<ChqProduct>(sb, '/products', { size: 200, expand: 'all' })).items;
  });

  it('holds the default 60 customers, 120 orders and 40 products, examples included', () => {
    expect([customers.length, orders.length, products.length]).toEqual([60, 120, 40]);
    expect(sb.store.count('customers')).toBe(60);
    for (const id of ['30', '2819']) expect(sb.store.ids('customers')).toContain(id);
    expect(sb.store.idField('orders')).toBe('id');
  });

  it('gives customers several addresses and statistics that add up from their orders', () => {
    expect(customers.some((c) => c.address.length >= 2)).toBe(true);
    for (const c of customers) {
      const mine = orders.filter((o) => o.customer?.id === c.id);
      expect(c.orders.sort()).toEqual(mine.map((o) => o.id).sort());
      if (c.id === 30) continue; // the seed example (its order 91 is built to match it)
      const spent = mine.reduce((n, o) => n + Math.round(o.total * 100), 0);
      expect(Math.round(c.statistics.lifetime_spent * 100)).toBe(spent);
      expect(c.statistics.order_count ?? 0).toBe(mine.length);
      expect(typeof c.created_at).toBe('number');
      expect(Number.isInteger(c.created_at)).toBe(true);
    }
  });

  it('gives products multi-variant options, single-variant top-level prices and drafts', () => {
    const multi = products.filter((p) => p.is_multi);
    const single = products.filter((p) => !p.is_multi);
    expect(multi.length).toBeGreaterThan(5);
    expect(single.length).toBeGreaterThan(2);
    expect(products.some((p) => p.is_draft)).toBe(true);
    for (const p of multi) {
      expect(p.variants.length).toBeGreaterThan(1);
      for (const v of p.variants) expect(v.variant).toHaveLength(p.options.length);
    }
    for (const p of single) {
      expect(typeof p.price).toBe('number');
      expect(p.variants).toEqual([]);
    }
  });

  it('builds orders from real customers and products, in every fulfilment and payment status', () => {
    const customerIds = new Set(customers.map((c) => c.id));
    const productIds = new Set(products.map((p) => p.id));
    for (const o of orders) {
      if (o.customer) expect(customerIds.has(o.customer.id)).toBe(true);
      for (const line of o.items) {
        expect(productIds.has(line.data.product_id)).toBe(true);
        const { quantity, not_fulfilled, fulfilled, shipped } = line.status;
        expect(not_fulfilled + fulfilled + shipped).toBe(quantity);
      }
      expect(o.shipping.price).toMatch(/^\d+\.\d{2}$/);
      // Totals add up to the cent: lines + shipping + tax.
      const lines = o.items.reduce((n, l) => n + Math.round(l.data.price * 100) * l.status.quantity, 0);
      expect(lines + Math.round(Number(o.shipping.price) * 100) + Math.round(o.tax * 100)).toBe(
        Math.round(o.total * 100),
      );
      expect(o.refunded <= o.total).toBe(true);
      expect(o.display_number).toBe(`RH${o.id}`);
    }
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(new Set(orders.map((o) => o.paid))).toEqual(new Set([0, 1, -1, -2]));
  });

  it('never sends an amount with more than two decimals, and sends timestamps as Unix seconds', () => {
    const amounts = [
      ...orders.flatMap((o) => [
        o.total,
        o.tax,
        o.refunded,
        o.shipping.price,
        ...o.items.map((l) => l.data.price),
      ]),
      ...products.flatMap((p) => [p.price, ...p.variants.map((v) => v.price)]),
      ...customers.map((c) => c.statistics.lifetime_spent),
    ].filter((a) => a !== undefined && a !== null);
    for (const a of amounts) expect(String(a)).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(amounts).toEqual(expect.arrayContaining([0.1, 0.3, 19.99]));
    for (const o of orders) {
      expect(Number.isInteger(o.order_date)).toBe(true);
      expect(o.order_date).toBeLessThan(2_000_000_000);
    }
  });

  it('generates the same data from the same seed and different data from another', async () => {
    const again = await startChq({ seed: 7, rateLimit: false });
    const other = await startChq({ seed: 8, rateLimit: false });
    try {
      const dump = async (s: ChqSandbox) => (await allPages(s, '/orders', { size: 200 })).items;
      expect(await dump(again)).toEqual(orders);
      expect(await dump(other)).not.toEqual(orders);
      expect(again.store.getRaw('customers', '5')).toEqual(sb.store.getRaw('customers', '5'));
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  it('honours record counts, and drops the examples when there is no room for them', async () => {
    const small = await startChq({ rateLimit: false, records: { customers: 5, orders: 3, products: 1 } });
    try {
      expect([
        small.store.count('customers'),
        small.store.count('orders'),
        small.store.count('products'),
      ]).toEqual([5, 3, 1]);
      expect(small.store.getRaw('customers', '30')).toBeUndefined();
    } finally {
      await small.close();
    }
  });

  // How fast it generates is a benchmark figure (pnpm bench), not a test.
  it('generates 10,000 records in the counts asked for', () => {
    const store = new CommerceHQStore({
      seed: 3,
      records: { customers: 3_000, orders: 4_000, products: 3_000 },
    });
    expect([store.count('customers'), store.count('orders'), store.count('products')]).toEqual([
      3_000, 4_000, 3_000,
    ]);
  });
});
