import {
  AuthenticationError,
  type CommerceError,
  InvalidCursorError,
  NotFoundError,
  type Order,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@storeport/core';
import { type Sandbox, startSandbox } from '@storeport/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommerceHQStore } from '../../sandbox/src/commercehq';
import { type CommerceHQAdapter, type CommerceHQAdapterOptions, createCommerceHQAdapter } from '../src';
import expected4041 from './__fixtures__/order-4041.expected.json';

type ChqSandbox = Sandbox<CommerceHQStore, CommerceHQAdapterOptions>;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
type Row = Record<string, unknown>;

const FAST = {
  limiter: false as const,
  retry: { retries: 3, baseDelayMs: 2, maxDelayMs: 10 },
  timeoutMs: 2_000,
};

async function open(
  options: Parameters<typeof startSandbox>[0] extends infer O ? Omit<O & object, 'platform'> : never = {},
) {
  const sb = (await startSandbox({
    platform: 'commercehq',
    seed: 5,
    rateLimit: false,
    ...options,
  })) as ChqSandbox;
  return { sb, shop: createCommerceHQAdapter({ ...sb.options, ...FAST }) };
}

const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as CommerceError,
  );

let sb: ChqSandbox;
let shop: CommerceHQAdapter;
beforeAll(async () => {
  ({ sb, shop } = await open());
});
afterAll(async () => {
  await shop.close();
  await sb.close();
});

const raw = (resource: 'customers' | 'orders' | 'products', id: string) =>
  sb.store.getRaw(resource, id) as Row;
const rawOrders = () => sb.store.ids('orders').map((id) => raw('orders', id));

describe('commercehq adapter on the sandbox: reading', () => {
  it('serves the seed order 4041 as the expected unified order', async () => {
    const { raw: wire, ...order } = await shop.orders.get('4041');
    expect(order).toEqual(expected4041);
    expect(wire).toEqual(raw('orders', '4041'));
  });

  it.each([1, 13, 200])('iterates every order exactly once at limit %i', async (limit) => {
    const ids = (await collect(shop.orders.iterate({ limit }))).map((o) => o.id);
    expect(ids).toEqual(sb.store.ids('orders'));
  });

  it('iterates pages in parallel in order, and honours maxItems', async () => {
    const ids = (await collect(shop.customers.iterate({ limit: 7, concurrency: 4 }))).map((c) => c.id);
    expect(ids).toEqual(sb.store.ids('customers'));
    expect(await collect(shop.products.iterate({ limit: 3, concurrency: 3, maxItems: 5 }))).toHaveLength(5);
  });

  it('reports totalCount and ends with a null cursor', async () => {
    const first = await shop.products.list({ limit: 30 });
    expect(first.totalCount).toBe(40);
    const second = await shop.products.list({ cursor: first.nextCursor });
    expect(second.items).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
  });

  it('sorts in the unified form', async () => {
    const byTotal = await collect(
      shop.orders.iterate({ limit: 50, sort: { field: 'total', direction: 'desc' } }),
    );
    for (let i = 1; i < byTotal.length; i++)
      expect(byTotal[i - 1]!.total.amount >= byTotal[i]!.total.amount).toBe(true);
    const byEmail = await collect(shop.customers.iterate({ limit: 50, sort: { field: 'email' } }));
    const emails = byEmail.map((c) => c.email!.toLowerCase());
    expect(emails).toEqual([...emails].sort());
  });

  it('finds a customer by email and products by title', async () => {
    expect((await shop.customers.list({ email: 'developer@commercehq.com' })).items.map((c) => c.id)).toEqual(
      ['30'],
    );
    const found = await collect(shop.products.iterate({ query: 'bear' }));
    expect(found.map((p) => p.id)).toContain('14');
    for (const p of found) expect(p.title.toLowerCase()).toContain('bear');
  });

  it('filters orders by each status, by customer and by creation date, exactly', async () => {
    const all = await collect(shop.orders.iterate({ limit: 200 }));
    for (const status of ['pending', 'confirmed', 'shipped', 'refunded'] as const) {
      const got = (await collect(shop.orders.iterate({ status, limit: 200 }))).map((o) => o.id);
      expect(got, status).toEqual(all.filter((o) => o.status === status).map((o) => o.id));
    }
    expect(await collect(shop.orders.iterate({ status: 'cancelled' }))).toEqual([]);
    const customerId = all.find((o) => o.customerId)!.customerId!;
    const mine = await collect(shop.orders.iterate({ customerId }));
    expect(mine.map((o) => o.id)).toEqual(all.filter((o) => o.customerId === customerId).map((o) => o.id));
    const dates = all.map((o) => o.createdAt!).sort();
    const [since, before] = [dates[30]!, dates[90]!];
    const window = await collect(
      shop.orders.iterate({ createdSince: since, createdBefore: before, limit: 200 }),
    );
    expect(window.map((o) => o.id).sort()).toEqual(
      all
        .filter((o) => o.createdAt! >= since && o.createdAt! < before)
        .map((o) => o.id)
        .sort(),
    );
  });

  it('lists orders updated since a time, including never-updated new orders, each once', async () => {
    const all = await collect(shop.orders.iterate({ limit: 200 }));
    const since = all.map((o) => o.updatedAt!).sort()[70]!;
    const want = all
      .filter((o) => o.updatedAt! >= since)
      .map((o) => o.id)
      .sort();
    expect(all.some((o) => o.updatedAt! >= since && (o.raw as Row).updated_at === null)).toBe(true);
    for (const limit of [3, 200]) {
      const got = (await collect(shop.orders.iterate({ updatedSince: since, limit }))).map((o) => o.id);
      expect(new Set(got).size).toBe(got.length);
      expect(got.sort()).toEqual(want);
    }
  });

  it('ends cleanly when records are removed so the next page no longer exists', async () => {
    const local = await open({ records: { customers: 25, orders: 25, products: 25 } });
    try {
      const first = await local.shop.orders.list({ limit: 10 });
      const second = await local.shop.orders.list({ cursor: first.nextCursor });
      for (const id of local.sb.store.ids('orders').slice(-10)) local.sb.store.remove('orders', id);
      // Page 3 is gone: the platform would answer with page 2 again; the adapter answers with nothing.
      const third = await local.shop.orders.list({ cursor: second.nextCursor });
      expect(third).toEqual({ items: [], nextCursor: null, totalCount: 15, invalid: [] });
    } finally {
      await local.shop.close();
      await local.sb.close();
    }
  });

  it('pages a store that clamps smaller pages and serves `_links` as strings', async () => {
    const local = await open({ platformOptions: { maxPageSize: 25, linkStyle: 'string' } });
    try {
      const ids = (await collect(local.shop.customers.iterate({ limit: 200 }))).map((c) => c.id);
      expect(ids).toEqual(local.sb.store.ids('customers'));
    } finally {
      await local.shop.close();
      await local.sb.close();
    }
  });
});

describe('commercehq adapter on the sandbox: writing, checked in the store', () => {
  it('creates, updates (one address, then by id) and deletes a customer', async () => {
    const created = await shop.customers.create({
      email: 'ava.writer@example.com',
      firstName: 'Ava',
      phone: '+15550100',
      addresses: [{ line1: '1 Main St', city: 'Napa', region: 'CA', postalCode: '94558', country: 'US' }],
    });
    const stored = raw('customers', created.id);
    expect(stored).toMatchObject({ email: 'ava.writer@example.com', first_name: 'Ava' });
    const [address] = stored.address as Array<{ id: number; shipping: Row; billing: Row; phone: string }>;
    expect(address!.shipping).toMatchObject({
      street: '1 Main St',
      city: 'Napa',
      state: 'CA',
      zip: '94558',
      country: 'US',
    });
    expect(address!.billing).toMatchObject({ street: '1 Main St' });
    expect(address!.phone).toBe('+15550100');
    expect(created.phone).toBe('+15550100');

    const updated = await shop.customers.update(created.id, {
      lastName: 'Writer',
      addresses: [{ line2: 'Suite 5' }],
    });
    expect(updated.lastName).toBe('Writer');
    expect((raw('customers', created.id).address as Array<{ shipping: Row }>)[0]!.shipping).toMatchObject({
      street: '1 Main St',
      suite: 'Suite 5',
    });

    const byId = await shop.customers.updateAddress(created.id, String(address!.id), {
      billing: { city: 'Sonoma' },
    });
    expect((byId.raw as { address: Array<{ billing: Row }> }).address[0]!.billing.city).toBe('Sonoma');

    await shop.customers.delete(created.id);
    expect(sb.store.summary('customers', created.id)).toEqual({ id: created.id, deleted: true });
    expect(await fail(shop.customers.get(created.id))).toSatisfy((e) => NotFoundError.isInstance(e));
  });

  it('maps the store validation errors: a taken email (422) and deleting a customer with orders (400)', async () => {
    const taken = await fail(shop.customers.create({ email: 'developer@commercehq.com' }));
    expect(ValidationError.isInstance(taken)).toBe(true);
    expect((taken as ValidationError).issues).toEqual([
      { field: 'email', message: 'Email "developer@commercehq.com" has already been taken.' },
    ]);
    const busy = await fail(shop.customers.delete('30'));
    expect(ValidationError.isInstance(busy)).toBe(true);
    expect(busy?.status).toBe(400);
    expect(busy?.message).toContain('Only customers without orders can be deleted.');
  });

  it('creates a multi-variant product, updates it and deletes it', async () => {
    const created = await shop.products.create({
      title: 'Sandbox Tee',
      description: 'Soft.',
      type: 'T-Shirt',
      tags: ['new'],
      status: 'draft',
      variants: [
        { options: ['Red', 'S'], price: { amount: 1250, currency: 'USD' }, sku: 'TEE-RS' },
        { options: ['Red', 'M'], price: { amount: 1350, currency: 'USD' } },
      ],
    });
    expect(created).toMatchObject({
      title: 'Sandbox Tee',
      description: 'Soft.',
      status: 'draft',
      price: { amount: 1250, currency: 'USD' },
    });
    expect(created.variants.map((v) => [v.options, v.price?.amount])).toEqual([
      [['Red', 'S'], 1250],
      [['Red', 'M'], 1350],
    ]);
    const stored = raw('products', created.id);
    expect(stored).toMatchObject({
      is_multi: true,
      is_draft: true,
      type: 'T-Shirt',
      textareas: [{ name: 'Description', text: 'Soft.' }],
    });
    expect(stored.options).toEqual([
      { title: 'Option 1', changes_look: false, values: ['Red'] },
      { title: 'Option 2', changes_look: false, values: ['S', 'M'] },
    ]);

    const [first, second] = created.variants;
    const updated = await shop.products.update(created.id, {
      status: 'active',
      variants: [
        { id: first!.id, options: ['Red', 'S'], price: { amount: 999, currency: 'USD' } },
        { id: second!.id, options: ['Red', 'M'], price: { amount: 1350, currency: 'USD' } },
      ],
    });
    expect(updated.status).toBe('active');
    expect(updated.variants.map((v) => [v.id, v.price?.amount])).toEqual([
      [first!.id, 999],
      [second!.id, 1350],
    ]);
    const priceOnly = await fail(
      shop.products.update(created.id, { price: { amount: 100, currency: 'USD' } }),
    );
    expect(ValidationError.isInstance(priceOnly)).toBe(true);
    await shop.products.delete(created.id);
    expect(sb.store.getRaw('products', created.id)).toBeUndefined();
  });

  it('writes order notes, address and customer', async () => {
    const order = await shop.orders.update('4041', {
      note: 'Leave at the door',
      shippingAddress: { line1: '46 Leatherwood St.', postalCode: '91605', phone: '555-0101' },
    });
    expect(order.note).toBe('Leave at the door');
    expect(order.shippingAddress).toMatchObject({
      line1: '46 Leatherwood St.',
      city: 'Los Santos',
      postalCode: '91605',
      phone: '555-0101',
    });
    expect(raw('orders', '4041')).toMatchObject({ notes: 'Leave at the door' });
    const moved = await shop.orders.update('4041', { customerId: '30' });
    expect(moved).toMatchObject({ customerId: '30', email: 'developer@commercehq.com' });
    expect((raw('customers', '30').orders as number[]).sort()).toEqual([4041, 91]);
    await shop.orders.update('4041', { customerId: '2819' });
    expect(await fail(shop.orders.update('4041', { email: 'x@example.com' }))).toSatisfy((e) =>
      ValidationError.isInstance(e),
    );
  });

  it('fulfils and ships an order with tracking, carrier and notification', async () => {
    const before = sb.store.notifications.length;
    const order = await shop.orders.fulfill('4041', {
      trackingNumber: '1Z999AA1',
      carrier: 'UPS',
      notify: true,
    });
    expect(order.fulfillmentStatus).toBe('shipped');
    expect(order.status).toBe('shipped');
    const stored = raw('orders', '4041') as { fulfilments: Row[]; shipments: Row[] };
    expect(stored.fulfilments).toHaveLength(1);
    expect(stored.shipments[0]).toMatchObject({
      tracking_number: '1Z999AA1',
      shipping_carrier: 2,
      fulfilment_id: stored.fulfilments[0]!.id,
    });
    expect(sb.store.notifications.slice(before)).toEqual([
      { kind: 'shipment', orderId: 4041, at: expect.any(Number) },
    ]);
    const again = await fail(shop.orders.fulfill('4041', {}));
    expect((again as ValidationError).issues).toEqual([
      { field: 'lineItems', message: 'every line of this order is already fulfilled' },
    ]);
    expect(await fail(shop.orders.fulfill('91', { carrier: 'Pigeon Post' }))).toSatisfy((e) =>
      ValidationError.isInstance(e),
    );
  });

  it('fulfils some lines only, from the default warehouse when a product tracks inventory', async () => {
    const pick = rawOrders().find((o) => {
      const items = o.items as Array<{ data: Row; status: Row }>;
      return (
        o.status === 0 &&
        items.some((l) => l.data.track_inventory === true && (l.status.quantity as number) >= 1)
      );
    })!;
    const line = (pick.items as Array<{ data: Row; status: Row }>).find(
      (l) => l.data.track_inventory === true,
    )!;
    const order = await shop.orders.fulfill(String(pick.id), {
      lineItems: [{ id: String(line.data.id), quantity: 1 }],
    });
    const stored = raw('orders', String(pick.id)) as {
      fulfilments: Array<{ warehouse: number; items: Row[] }>;
      shipments: Row[];
    };
    expect(stored.fulfilments[0]).toMatchObject({ warehouse: 1, items: [{ id: line.data.id, quantity: 1 }] });
    expect(stored.shipments).toEqual([]);
    expect(['fulfilled', 'partially_fulfilled']).toContain(order.fulfillmentStatus);
    const tooMany = await fail(
      shop.orders.fulfill(String(pick.id), { lineItems: [{ id: String(line.data.id), quantity: 99 }] }),
    );
    expect((tooMany as ValidationError).issues[0]?.field).toBe('lineItems.0.quantity');
  });

  it('refunds exactly, partly then fully, restocking shipped units', async () => {
    const partial = await shop.orders.refund('91', { amount: { amount: 1, currency: 'USD' } });
    expect(partial).toMatchObject({
      paymentStatus: 'partially_refunded',
      refundedTotal: { amount: 1, currency: 'USD' },
    });
    const full = await shop.orders.refund('91', {
      amount: { amount: 3399, currency: 'USD' },
      restock: true,
      notify: true,
    });
    expect(full).toMatchObject({
      paymentStatus: 'refunded',
      status: 'refunded',
      refundedTotal: { amount: 3400, currency: 'USD' },
    });
    const stored = raw('orders', '91') as { restocks: Row[]; refunded: number };
    expect(stored.refunded).toBe(34);
    expect(stored.restocks).toEqual([
      {
        id: expect.any(Number),
        shipment_id: 1,
        items: [{ id: 101, quantity: 1 }],
        created_at: expect.any(Number),
      },
    ]);
    const over = await fail(shop.orders.refund('91', { amount: { amount: 1, currency: 'USD' } }));
    expect((over as ValidationError).issues).toEqual([
      { field: 'base', message: 'Refunding this order is no longer possible.' },
    ]);
  });

  it('reaches what the unified model lacks through request()', async () => {
    const res = await shop.request<{ items: Array<{ title: string }> }>({
      method: 'GET',
      path: '/shipping-carriers',
    });
    expect(res.body.items.map((c) => c.title)).toContain('USPS');
    const page = await shop.request<{ page: number }>({ method: 'GET', path: '/orders/4041/page' });
    expect(page.body).toEqual({ page: 1 });
  });
});

describe('commercehq adapter on the sandbox: errors', () => {
  it('401 with wrong credentials, with no credential in the error', async () => {
    const bad = createCommerceHQAdapter({ ...sb.options, apiPassword: 'not-the-password', ...FAST });
    const err = await fail(bad.orders.list());
    expect(AuthenticationError.isInstance(err)).toBe(true);
    const text = `${String(err)} ${JSON.stringify(err)} ${err?.stack}`;
    for (const s of ['not-the-password', sb.options.apiPassword, sb.options.apiKey])
      expect(text).not.toContain(s);
    await bad.close();
  });

  it('404 for a missing record, and a ResponseShapeError naming an unreadable amount', async () => {
    expect(await fail(shop.orders.get('999999'))).toSatisfy((e) => NotFoundError.isInstance(e));
    const original = raw('products', '47');
    sb.store.putRaw('products', '47', {
      ...original,
      variants: [{ ...(original.variants as Row[])[0], price: 8.165 }],
    });
    try {
      const err = await fail(shop.products.get('47'));
      expect(ResponseShapeError.isInstance(err)).toBe(true);
      expect((err as ResponseShapeError).field).toBe('variants.0.price');
    } finally {
      sb.store.putRaw('products', '47', original);
    }
  });

  it('waits out a 429 with Retry-After, or reports it when retries are off', async () => {
    const local = await open({ records: 5, rateLimit: { limit: 2, windowMs: 1_000 } });
    const strict = createCommerceHQAdapter({ ...local.sb.options, limiter: false, retry: false });
    try {
      await local.shop.orders.list();
      await local.shop.orders.list();
      const err = await fail(strict.orders.list());
      expect(RateLimitError.isInstance(err)).toBe(true);
      expect((err as RateLimitError).retryAfterMs).toBe(1_000);
      const started = Date.now();
      await local.shop.orders.list();
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    } finally {
      await strict.close();
      await local.shop.close();
      await local.sb.close();
    }
  });

  it('keeps under the store limit with its own limiter: no 429 at all', async () => {
    const local = await open({ rateLimit: { limit: 4, windowMs: 400 } });
    // A little stricter than the store, as loopback jitter can bunch requests sent exactly at the limit.
    const paced = createCommerceHQAdapter({
      ...local.sb.options,
      rateLimit: { limit: 4, windowMs: 480 },
      retry: false,
    });
    try {
      const ids = (await collect(paced.orders.iterate({ limit: 20 }))).map((o) => o.id);
      expect(ids).toHaveLength(120);
      expect(local.sb.stats.byStatus[429]).toBeUndefined();
    } finally {
      await paced.close();
      await local.shop.close();
      await local.sb.close();
    }
  });

  it('retries 5xx, resets and broken JSON on reads, and gives up with the right error', async () => {
    sb.faults.add({ kind: 'server-error', status: 503, times: 2, match: { path: '/api/v1/customers' } });
    sb.faults.add({ kind: 'truncated-json', times: 1, match: { path: '/api/v1/customers' } });
    sb.faults.add({ kind: 'reset', times: 1, match: { path: '/api/v1/customers' } });
    const patient = createCommerceHQAdapter({
      ...sb.options,
      ...FAST,
      retry: { retries: 5, baseDelayMs: 2, maxDelayMs: 10 },
    });
    expect((await patient.customers.list({ limit: 2 })).items).toHaveLength(2);
    expect(patient.metrics.retries).toBe(4);
    await patient.close();
    sb.faults.clear();
    sb.faults.add({ kind: 'server-error', status: 503, times: 10 });
    expect(await fail(shop.customers.list())).toSatisfy((e) => ServerError.isInstance(e));
    sb.faults.clear();
    const once = createCommerceHQAdapter({ ...sb.options, limiter: false, retry: false });
    sb.faults.add({ kind: 'malformed-json', times: 1 });
    const broken = await fail(once.orders.get('4041'));
    expect(ResponseShapeError.isInstance(broken)).toBe(true);
    expect((broken as ResponseShapeError).code).toBe('invalid_json');
    await once.close();
    sb.faults.clear();
  });

  it('does not resend a refund that failed with a 5xx (not idempotent)', async () => {
    const before = sb.stats.requests;
    sb.faults.add({
      kind: 'server-error',
      status: 503,
      times: 5,
      match: { method: 'POST', path: '/api/v1/orders/' },
    });
    const err = await fail(shop.orders.refund('4041', { amount: { amount: 100, currency: 'USD' } }));
    sb.faults.clear();
    expect(ServerError.isInstance(err)).toBe(true);
    expect(sb.stats.requests - before).toBe(1);
    expect(raw('orders', '4041').refunded).toBe(0);
  });

  it('times out a slow response', async () => {
    const slow = createCommerceHQAdapter({ ...sb.options, limiter: false, retry: false, timeoutMs: 100 });
    sb.faults.add({ kind: 'slow', delayMs: 400, times: 1 });
    expect(await fail(slow.orders.get('4041'))).toSatisfy((e) => TimeoutError.isInstance(e));
    sb.faults.clear();
    await slow.close();
  });

  it('refuses a tampered cursor, or one from another resource, before sending', async () => {
    const page = await shop.orders.list({ limit: 2 });
    const before = sb.stats.requests;
    const cursor = page.nextCursor!;
    const tampered = cursor.slice(0, 12) + (cursor[12] === 'a' ? 'b' : 'a') + cursor.slice(13);
    expect(await fail(shop.orders.list({ cursor: tampered }))).toSatisfy((e) =>
      InvalidCursorError.isInstance(e),
    );
    expect(await fail(shop.customers.list({ cursor }))).toSatisfy((e) => InvalidCursorError.isInstance(e));
    expect(await fail(shop.orders.list({ cursor, status: 'pending' }))).toSatisfy((e) =>
      InvalidCursorError.isInstance(e),
    );
    expect(sb.stats.requests).toBe(before);
  });

  it('keeps raw untouched and ids as strings', async () => {
    const order: Order = await shop.orders.get('91');
    expect(order.raw).toEqual(raw('orders', '91'));
    expect(order.lineItems[0]).toMatchObject({ id: '101', productId: '14', variantId: '43' });
  });
});
