import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Commerce7Store } from '../src/commerce7';
import { type Sandbox, startSandbox } from '../src/index';
import { c7, c7Headers, ids, walkCursor } from './__fixtures__/commerce7/client';

type Rec = Record<string, unknown>;

describe('commerce7 sandbox: auth, routes, paging, filters, shapes', () => {
  let sb: Sandbox<Commerce7Store>;
  beforeAll(async () => {
    sb = await startSandbox<Commerce7Store>({ platform: 'commerce7', seed: 11, rateLimit: false });
  });
  afterAll(() => sb.close());

  describe('authentication on every request', () => {
    const unauthorizedBody = {
      statusCode: 401,
      type: 'unauthorized',
      message: 'Unauthorized user',
      errors: [],
    };

    it('serves the adapter options: tenant, app id and secret, USD, baseUrl under /v1', () => {
      expect(sb.options).toEqual({
        tenant: 'sandbox-winery',
        appId: 'storeport-sandbox',
        appSecret: 'c7-sandbox-secret-11',
        currency: 'USD',
        baseUrl: `${sb.origin}/v1`,
      });
      expect(sb.baseUrl).toBe(`${sb.origin}/v1`);
    });

    const basic = (user: string, pass: string) =>
      `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    it.each([
      ['no credentials at all', () => ({})],
      ['no tenant header', () => ({ authorization: c7Headers(sb).authorization! })],
      ['a wrong secret', () => ({ ...c7Headers(sb), authorization: basic('storeport-sandbox', 'nope') })],
      [
        'a wrong app id',
        () => ({ ...c7Headers(sb), authorization: basic('someone-else', 'c7-sandbox-secret-11') }),
      ],
      ['a wrong tenant', () => ({ ...c7Headers(sb), tenant: 'other-winery' })],
      ['a bearer token', () => ({ authorization: 'Bearer abc', tenant: 'sandbox-winery' })],
    ] as const)('refuses %s with 401 and the documented body', async (_label, make) => {
      const headers: Record<string, string> = make();
      for (const path of ['/customer', '/order/x', '/product', '/nowhere']) {
        const r = await c7(sb, 'GET', path, { headers });
        expect(r.status).toBe(401);
        expect(r.body).toEqual(unauthorizedBody);
      }
      const w = await c7(sb, 'POST', '/customer', { headers: { ...headers }, body: {} });
      expect(w.status).toBe(401);
    });

    it('accepts the header spelled `Tenant` (header names are case-insensitive)', async () => {
      const h = c7Headers(sb);
      const r = await c7(sb, 'GET', '/customer?limit=1', {
        headers: { authorization: h.authorization!, Tenant: h.tenant! },
      });
      expect(r.status).toBe(200);
    });
  });

  describe('routes and error bodies', () => {
    it('answers unknown paths and methods with the platform 404 body', async () => {
      for (const [method, path] of [
        ['GET', '/customers'],
        ['GET', '/v2/customer'],
        ['DELETE', '/order/abc'],
        ['PUT', '/order/abc'],
      ] as const) {
        const r = await c7(sb, method, path);
        expect(r.status).toBe(404);
        expect(r.body).toMatchObject({ statusCode: 404, type: 'notFound', errors: [] });
      }
      const outside = await fetch(`${sb.origin}/customer`, { headers: c7Headers(sb) });
      expect(outside.status).toBe(404);
    });

    it('404s a missing record, and an encoded traversal id stays one id', async () => {
      const r = await c7(sb, 'GET', '/customer/00000000-0000-4000-8000-000000000000');
      expect(r.status).toBe(404);
      expect(r.body).toEqual({
        statusCode: 404,
        type: 'notFound',
        message: 'Customer not found',
        errors: [],
      });
      const t = await c7(sb, 'GET', '/customer/..%2F..%2Forder');
      expect(t.status).toBe(404);
      expect(t.body.message).toBe('Customer not found');
    });

    it('answers a body that is not JSON with 400 and a non-JSON content type with 415', async () => {
      const bad = await c7(sb, 'POST', '/customer', { body: '{"emails": [' });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ statusCode: 400, type: 'badRequest', errors: [] });
      const plain = await c7(sb, 'POST', '/customer', {
        body: '{}',
        headers: { ...c7Headers(sb), 'content-type': 'text/plain' },
      });
      expect(plain.status).toBe(415);
      expect(plain.body).toMatchObject({ statusCode: 415 });
    });

    it('GET by id returns exactly the stored wire record', async () => {
      for (const resource of ['customers', 'orders', 'products'] as const) {
        const id = sb.store.ids(resource)[3]!;
        const path = { customers: 'customer', orders: 'order', products: 'product' }[resource];
        const r = await c7(sb, 'GET', `/${path}/${id}`);
        expect(r.status).toBe(200);
        expect(r.body).toEqual(sb.store.getRaw(resource, id));
        expect(sb.store.idField(resource)).toBe('id');
      }
    });
  });

  describe('page mode', () => {
    it('wraps lists in the plural key with the full match count as `total`, 50 per page by default', async () => {
      const first = await c7(sb, 'GET', '/customer');
      expect(first.status).toBe(200);
      expect(Object.keys(first.body).sort()).toEqual(['customers', 'total']);
      expect(first.body.total).toBe(60);
      expect(first.body.customers).toHaveLength(50);
      const orders = await c7(sb, 'GET', '/order?limit=7');
      expect(orders.body.total).toBe(120);
      expect(orders.body.orders).toHaveLength(7);
      const products = await c7(sb, 'GET', '/product?limit=50&page=1');
      expect(products.body.total).toBe(40);
      expect(products.body.products).toHaveLength(40);
    });

    it('pages to the end with every record exactly once, in creation order', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 9; page += 1) {
        const r = await c7(sb, 'GET', `/order?page=${page}&limit=16`);
        expect(r.body.total).toBe(120);
        seen.push(...ids(r.body.orders as unknown[]));
      }
      expect(seen).toEqual(sb.store.ids('orders'));
      const past = await c7(sb, 'GET', '/order?page=99&limit=16');
      expect(past.body).toEqual({ orders: [], total: 120 });
    });

    it.each(['limit=0', 'limit=51', 'limit=-1', 'limit=ten', 'limit=2.5', 'page=0', 'page=-2', 'page=x'])(
      'refuses %s with 400 naming the parameter (documented range 1–50)',
      async (q) => {
        const r = await c7(sb, 'GET', `/customer?${q}`);
        expect(r.status).toBe(400);
        const field = q.split('=')[0];
        expect(r.body).toMatchObject({ statusCode: 400, type: 'badRequest', errors: [{ field }] });
      },
    );

    it('takes limit=1 and limit=50', async () => {
      expect((await c7(sb, 'GET', '/product?limit=1')).body.products).toHaveLength(1);
      expect((await c7(sb, 'GET', '/product?limit=50')).body.products).toHaveLength(40);
    });
  });

  describe('cursor mode', () => {
    it('starts with cursor=start, returns the next cursor and no total', async () => {
      const r = await c7(sb, 'GET', '/customer?cursor=start&limit=25');
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(['cursor', 'customers']);
      expect(r.body.cursor).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-11ea-a64c-[0-9a-f]{12}$/);
      expect(r.body.customers).toHaveLength(25);
    });

    it('ends with a page that still carries records and has no cursor', async () => {
      const pages = await walkCursor(sb, '/customer', 'customers', 25);
      expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
      expect(pages.flat().map((c) => (c as Rec).id)).toEqual(sb.store.ids('customers'));
    });

    it('ends on the last full page when the count is an exact multiple of the size', async () => {
      const pages = await walkCursor(sb, '/customer', 'customers', 20);
      expect(pages.map((p) => p.length)).toEqual([20, 20, 20]);
    });

    it('pages orders, products, addresses and notes in cursor mode too (50 by default)', async () => {
      expect((await walkCursor(sb, '/order', 'orders')).map((p) => p.length)).toEqual([50, 50, 20]);
      expect((await walkCursor(sb, '/product', 'products')).flat()).toHaveLength(40);
      const addresses = (await walkCursor(sb, '/customer-address', 'customerAddresses', 50)).flat() as Rec[];
      expect(addresses.length).toBe(sb.store.addresses.size);
      expect(new Set(addresses.map((a) => a.id)).size).toBe(addresses.length);
      expect(await walkCursor(sb, '/note', 'notes')).toEqual([[]]);
    });

    it('combines cursor mode with filters', async () => {
      const pages = await walkCursor(sb, '/order?channel=POS', 'orders', 5);
      const pos = [...sb.store.orders.values()].filter((o) => o.channel === 'POS').map((o) => o.id);
      expect(pages.flat().map((o) => (o as Rec).id)).toEqual(pos);
      expect(pages.at(-1)!.length).toBeGreaterThan(0);
    });

    it('sees records added while paging exactly once, and never repeats one', async () => {
      const local = await startSandbox<Commerce7Store>({ platform: 'commerce7', seed: 3, rateLimit: false });
      try {
        const seen: string[] = [];
        let r = await c7(local, 'GET', '/order?cursor=start&limit=40');
        seen.push(...ids(r.body.orders as unknown[]));
        const added = local.store.insertGenerated('orders', 7);
        local.store.remove('orders', local.store.ids('orders')[0]!); // already served: must not shift anything
        while (typeof r.body.cursor === 'string') {
          r = await c7(local, 'GET', `/order?cursor=${r.body.cursor}&limit=40`);
          seen.push(...ids(r.body.orders as unknown[]));
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toHaveLength(127);
        expect(seen.slice(-7)).toEqual(added);
      } finally {
        await local.close();
      }
    });

    it('refuses a cursor it did not issue, one from another list, and cursor with page', async () => {
      const orders = await c7(sb, 'GET', '/order?cursor=start&limit=2');
      for (const q of [
        'cursor=not-a-cursor',
        `cursor=${orders.body.cursor}`,
        `cursor=${String(orders.body.cursor)
          .replace(/^.{8}/, '00000001')
          .replace(/.{12}$/, '000000000000')}`,
        'cursor=start&page=2',
      ]) {
        const r = await c7(sb, 'GET', `/customer?${q}`);
        expect(r.status, q).toBe(400);
        expect(r.body).toMatchObject({ statusCode: 400, type: 'badRequest' });
      }
      const limit = await c7(sb, 'GET', '/customer?cursor=start&limit=60');
      expect(limit.status).toBe(400);
    });

    it('resumes from a stored cursor later (cursors are positions, not sessions)', async () => {
      const first = await c7(sb, 'GET', '/product?cursor=start&limit=10');
      const again = await c7(sb, 'GET', `/product?cursor=${first.body.cursor}&limit=10`);
      const again2 = await c7(sb, 'GET', `/product?cursor=${first.body.cursor}&limit=10`);
      expect(again.body).toEqual(again2.body);
      expect(ids(again.body.products as unknown[])).toEqual(sb.store.ids('products').slice(10, 20));
    });

    it('ignores `cursor` where the endpoint has no cursor mode (per-customer addresses)', async () => {
      const id = sb.store.ids('customers')[0]!;
      const r = await c7(sb, 'GET', `/customer/${id}/address?cursor=start`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(sb.store.addressesOf(id).length);
      expect(r.body.cursor).toBeUndefined();
    });
  });

  describe('filters', () => {
    const allOrders = () => [...sb.store.orders.values()];

    it('orders: updatedAt=gte:<ISO> and gte:<date>', async () => {
      const cut = '2026-01-15T12:00:00.000Z';
      const want = allOrders()
        .filter((o) => o.updatedAt >= cut)
        .map((o) => o.id);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(120);
      const got = (await walkCursor(sb, `/order?updatedAt=gte:${cut}`, 'orders')).flat();
      expect(ids(got)).toEqual(want);
      const day = (await c7(sb, 'GET', '/order?updatedAt=gte:2026-01-15&limit=50')).body;
      expect(day.total).toBe(allOrders().filter((o) => o.updatedAt >= '2026-01-15').length);
    });

    it('orders: gt, lt, lte and btw on dates, and the documented status filters', async () => {
      const cut = allOrders()[60]!.updatedAt;
      const gt = (await c7(sb, 'GET', `/order?updatedAt=gt:${cut}&limit=1`)).body.total;
      expect(gt).toBe(allOrders().filter((o) => o.updatedAt > cut).length);
      const lt = (await c7(sb, 'GET', `/order?updatedAt=lt:${cut}&limit=1`)).body.total;
      expect(lt).toBe(allOrders().filter((o) => o.updatedAt < cut).length);
      const btw = (await c7(sb, 'GET', '/order?orderPaidDate=btw:2025-09-01|2025-12-31&limit=1')).body.total;
      expect(btw).toBe(
        allOrders().filter(
          (o) => o.orderPaidDate && o.orderPaidDate >= '2025-09-01' && o.orderPaidDate < '2026-01-01',
        ).length,
      );
      for (const [param, value] of [
        ['fulfillmentStatus', 'Partially Fulfilled'],
        ['channel', 'Club'],
        ['orderDeliveryMethod', 'Pickup'],
      ] as const) {
        const r = await c7(sb, 'GET', `/order?${param}=${encodeURIComponent(value)}&limit=50`);
        const expected = allOrders().filter((o) => o[param] === value).length;
        expect(r.body.total, param).toBe(expected);
        expect(expected).toBeGreaterThan(0);
      }
      const customerId = allOrders().find((o) => o.customerId)!.customerId!;
      const mine = await c7(sb, 'GET', `/order?customerId=${customerId}`);
      expect((mine.body.orders as Rec[]).every((o) => o.customerId === customerId)).toBe(true);
    });

    it('products: updatedAt, webStatus, adminStatus, q and collectionId', async () => {
      const products = [...sb.store.products.values()];
      const cut = products[20]!.updatedAt;
      expect((await c7(sb, 'GET', `/product?updatedAt=gte:${cut}`)).body.total).toBe(
        products.filter((p) => p.updatedAt >= cut).length,
      );
      expect((await c7(sb, 'GET', '/product?webStatus=Retired')).body.total).toBe(
        products.filter((p) => p.webStatus === 'Retired').length,
      );
      expect((await c7(sb, 'GET', '/product?adminStatus=Hidden')).body.total).toBe(
        products.filter((p) => p.adminStatus === 'Hidden').length,
      );
      const q = (await c7(sb, 'GET', '/product?q=pinot')).body.products as Rec[];
      expect(q.every((p) => String(p.title).toLowerCase().includes('pinot'))).toBe(true);
      const wine = sb.store.catalog.collections[0]!.id;
      expect((await c7(sb, 'GET', `/product?collectionId=${wine}`)).body.total).toBe(
        products.filter((p) => p.collections.some((c) => c.id === wine)).length,
      );
    });

    it('customers: q (name), orderCount, lifetimeValue, createdAt, tagId', async () => {
      const customers = [...sb.store.customers.values()];
      const name = customers[5]!.lastName!;
      const byName = (await c7(sb, 'GET', `/customer?q=${encodeURIComponent(name.toLowerCase())}`)).body;
      expect(byName.total).toBe(customers.filter((c) => c.lastName === name || c.firstName === name).length);
      expect((await c7(sb, 'GET', '/customer?orderCount=gt:1')).body.total).toBe(
        customers.filter((c) => c.orderInformation.orderCount > 1).length,
      );
      expect((await c7(sb, 'GET', '/customer?lifetimeValue=gte:100000')).body.total).toBe(
        customers.filter((c) => c.orderInformation.lifetimeValue >= 100_000).length,
      );
      expect((await c7(sb, 'GET', '/customer?createdAt=lt:2025-03-01')).body.total).toBe(
        customers.filter((c) => c.createdAt < '2025-03-01').length,
      );
      const vip = sb.store.catalog.customerTags[0]!;
      expect((await c7(sb, 'GET', `/customer?tagId=${vip.id}`)).body.total).toBe(
        customers.filter((c) => c.tags.some((t) => t.id === vip.id)).length,
      );
    });

    it('customers: updatedAt is not a documented filter, so it filters nothing', async () => {
      const r = await c7(sb, 'GET', '/customer?updatedAt=gte:2099-01-01');
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(60);
    });

    it('refuses unreadable filter values with 400 naming the field', async () => {
      for (const q of [
        '/order?updatedAt=gte:yesterday',
        '/order?updatedAt=btw:2025-01-01|2025-02-01',
        '/customer?orderCount=gt:many',
        '/order?orderPaidDate=btw:2025-01-01',
      ]) {
        const r = await c7(sb, 'GET', q);
        expect(r.status, q).toBe(400);
        expect((r.body.errors as Rec[])[0]!.field).toBe(q.split('?')[1]!.split('=')[0]);
      }
    });
  });

  describe('wire shapes and data', () => {
    it('money is integer cents and order totals add up', async () => {
      const orders = (await walkCursor(sb, '/order', 'orders')).flat() as Rec[];
      for (const o of orders) {
        for (const k of [
          'subTotal',
          'shipTotal',
          'taxTotal',
          'dutyTotal',
          'bottleDepositTotal',
          'tipTotal',
          'total',
          'totalAfterTip',
        ]) {
          expect(Number.isSafeInteger(o[k]), k).toBe(true);
        }
        const items = o.items as Rec[];
        expect(o.subTotal).toBe(
          items.reduce((s, it) => s + (it.price as number) * (it.quantity as number), 0),
        );
        expect(o.total).toBe(
          (o.subTotal as number) +
            (o.shipTotal as number) +
            (o.taxTotal as number) +
            (o.dutyTotal as number) +
            (o.bottleDepositTotal as number),
        );
        expect(o.totalAfterTip).toBe((o.total as number) + (o.tipTotal as number));
        expect(typeof o.orderNumber).toBe('number');
        expect(o.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
      // Decimal traps of other platforms arrive as exact cents here: 0.10, 0.30, 7.95, 19.99.
      const prices = new Set([...sb.store.products.values()].flatMap((p) => p.variants.map((v) => v.price)));
      expect([10, 30, 795, 1999].some((c) => prices.has(c))).toBe(true);
      expect([...prices].every((p) => Number.isSafeInteger(p))).toBe(true);
    });

    it('orders reference real customers and real product variants, with several statuses', async () => {
      const orders = [...sb.store.orders.values()];
      for (const o of orders) {
        if (o.customerId !== null) expect(sb.store.customers.has(o.customerId)).toBe(true);
        for (const it of o.items) {
          const p = sb.store.products.get(it.productId!);
          expect(p?.variants.some((v) => v.id === it.productVariantId && v.sku === it.sku)).toBe(true);
        }
      }
      const distinct = (k: 'paymentStatus' | 'fulfillmentStatus' | 'channel') =>
        new Set(orders.map((o) => o[k])).size;
      expect(distinct('paymentStatus')).toBe(3);
      expect(distinct('fulfillmentStatus')).toBeGreaterThanOrEqual(3);
      expect(distinct('channel')).toBe(4);
      expect(orders.some((o) => o.customerId === null)).toBe(true);
      expect(orders.some((o) => o.tenders.some((t) => t.chargeType === 'Refund'))).toBe(true);
      expect(orders.some((o) => o.promotions.length > 0)).toBe(true);
    });

    it('customers have flat location fields, several addresses in the address resource, tag objects and stats', async () => {
      const customers = [...sb.store.customers.values()];
      expect(customers.every((c) => !('addresses' in c))).toBe(true);
      expect(customers.some((c) => sb.store.addressesOf(c.id).length >= 2)).toBe(true);
      const c = customers.find((x) => x.tags.length > 0 && x.orderInformation.orderCount > 0)!;
      const r = await c7(sb, 'GET', `/customer/${c.id}/address`);
      expect(r.body.total).toBe(sb.store.addressesOf(c.id).length);
      expect((r.body.customerAddresses as Rec[]).filter((a) => a.isDefault)).toHaveLength(1);
      expect(c.tags[0]).toMatchObject({ title: expect.any(String), objectType: 'Customer' });
      const lifetime = [...sb.store.orders.values()]
        .filter((o) => o.customerId === c.id && o.paymentStatus !== 'Cancelled')
        .reduce((s, o) => s + o.total, 0);
      expect(c.orderInformation.lifetimeValue).toBe(lifetime);
    });

    it('products have several variants, inventory per location, statuses and HTML content', () => {
      const products = [...sb.store.products.values()];
      expect(products.some((p) => p.variants.length >= 3)).toBe(true);
      expect(products.some((p) => p.variants.some((v) => v.inventory.length >= 2))).toBe(true);
      expect(new Set(products.map((p) => p.webStatus)).size).toBe(3);
      const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
      expect(new Set(skus).size).toBe(skus.length);
    });

    it('the store summarises records platform-neutrally', () => {
      const cid = sb.store.ids('customers')[0]!;
      const raw = sb.store.getRaw('customers', cid) as Rec;
      expect(sb.store.summary('customers', cid)).toEqual({
        id: cid,
        email: (raw.emails as Rec[])[0]!.email,
        firstName: raw.firstName,
        lastName: raw.lastName,
        note: null,
      });
      const pid = sb.store.ids('products')[0]!;
      const p = sb.store.products.get(pid)!;
      expect(sb.store.summary('products', pid)).toMatchObject({
        title: p.title,
        sku: p.variants[0]!.sku,
        price: p.variants[0]!.price,
      });
      expect(sb.store.summary('orders', 'nope')).toBeUndefined();
    });
  });

  describe('determinism', () => {
    it('the same seed yields the same data, another seed other data', async () => {
      const a = await startSandbox<Commerce7Store>({ platform: 'commerce7', seed: 42, records: 15 });
      const b = await startSandbox<Commerce7Store>({ platform: 'commerce7', seed: 42, records: 15 });
      const c = await startSandbox<Commerce7Store>({ platform: 'commerce7', seed: 43, records: 15 });
      try {
        for (const r of ['customers', 'orders', 'products'] as const) {
          expect(a.store.ids(r)).toEqual(b.store.ids(r));
          expect(a.store.ids(r).map((id) => a.store.getRaw(r, id))).toEqual(
            b.store.ids(r).map((id) => b.store.getRaw(r, id)),
          );
          expect(a.store.ids(r)).not.toEqual(c.store.ids(r));
          expect(a.store.count(r)).toBe(15);
        }
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    });

    // How fast it generates is a benchmark figure (pnpm bench), not a test.
    it('generates 10,000 records in the counts asked for', () => {
      const store = new Commerce7Store({ tenant: 't', appId: 'a', appSecret: 's' }, 9, {
        customers: 3400,
        orders: 3300,
        products: 3300,
      });
      expect([store.count('customers'), store.count('orders'), store.count('products')]).toEqual([
        3400, 3300, 3300,
      ]);
    });
  });
});
