import {
  AuthenticationError,
  type CommerceAdapter,
  ConflictError,
  encodeCursor,
  InvalidCursorError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@storeport/core';
import { type Sandbox, type SandboxOptions, startSandbox } from '@storeport/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Commerce7AdapterOptions, createCommerce7Adapter } from '../src';

/** The simulator's store, as far as these tests read it. */
interface C7Store {
  ids(r: 'customers' | 'orders' | 'products'): string[];
  count(r: 'customers' | 'orders' | 'products'): number;
  getRaw(r: 'customers' | 'orders' | 'products', id: string): Record<string, unknown> | undefined;
  putRaw(r: 'customers' | 'orders' | 'products', id: string, rec: Record<string, unknown>): void;
  summary(r: 'customers' | 'orders' | 'products', id: string): Record<string, unknown> | undefined;
  addressesOf(id: string): Array<Record<string, unknown>>;
  catalog: { customerTags: Array<{ id: string; title: string }> };
}
type C7Sandbox = Sandbox<C7Store, Commerce7AdapterOptions>;

const FAST = {
  limiter: false as const,
  retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 20 },
  timeoutMs: 2_000,
};

async function open(
  sandbox: Partial<Omit<SandboxOptions, 'platform'>> = {},
  options: Partial<Commerce7AdapterOptions> = {},
): Promise<{ sb: C7Sandbox; shop: CommerceAdapter; close(): Promise<void> }> {
  const sb = (await startSandbox({
    platform: 'commerce7',
    seed: 21,
    rateLimit: false,
    ...sandbox,
  })) as C7Sandbox;
  const shop = createCommerce7Adapter({ ...sb.options, ...FAST, ...options });
  return {
    sb,
    shop,
    async close() {
      await shop.close();
      await sb.close();
    },
  };
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('commerce7 adapter against the sandbox: paging', () => {
  let h: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(() => h.close());

  it('exports every record exactly once in cursor mode only, never page mode', async () => {
    h.sb.resetStats();
    for (const resource of ['customers', 'orders', 'products'] as const) {
      const records = await all(h.shop[resource].iterate({ limit: 13 }) as AsyncIterable<{ id: string }>);
      const ids = records.map((r) => r.id);
      expect(ids).toEqual(h.sb.store.ids(resource));
    }
    const lists = h.sb.log.filter((e) => /^\/v1\/(customer|order|product)$/.test(e.path));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((e) => e.query.includes('cursor=') && !e.query.includes('page='))).toBe(true);
  });

  it('stops on the page that carries the last records and no cursor, without an extra request', async () => {
    h.sb.resetStats();
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<CommerceAdapter['customers']['list']>> = await h.shop.customers.list(
        cursor ? { cursor } : { limit: 25 },
      );
      pages.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([25, 25, 10]);
    expect(h.sb.stats.requests).toBe(3);
  });

  it('keeps cents untouched and reads tag objects as their titles', async () => {
    const orders = await all(h.shop.orders.iterate());
    for (const o of orders) {
      const raw = h.sb.store.getRaw('orders', o.id)!;
      expect(o.total.amount).toBe(raw.total);
      expect(o.subtotal.amount).toBe(raw.subTotal);
      expect(o.lineItems.map((l) => l.unitPrice.amount)).toEqual(
        (raw.items as Array<{ price: number }>).map((i) => i.price),
      );
    }
    const customers = await all(h.shop.customers.iterate());
    const tagged = customers.find((c) => c.tags.length > 0)!;
    const raw = h.sb.store.getRaw('customers', tagged.id)!;
    expect(tagged.tags).toEqual((raw.tags as Array<{ title: string }>).map((t) => t.title));
    expect(tagged.stats?.lifetimeValue?.amount).toBe(
      (raw.orderInformation as { lifetimeValue: number }).lifetimeValue,
    );
  });

  it('filters orders by updatedSince server-side, with exactly the records the store holds', async () => {
    const raws = h.sb.store.ids('orders').map((id) => h.sb.store.getRaw('orders', id)!);
    const cut = [...raws.map((r) => r.updatedAt as string)].sort()[60]!;
    const want = raws.filter((r) => (r.updatedAt as string) >= cut).map((r) => r.id);
    const got = (await all(h.shop.orders.iterate({ updatedSince: cut, limit: 50 }))).map((o) => o.id);
    expect(got).toEqual(want);
    const log = h.sb.log.filter((e) => e.path === '/v1/order').at(-1)!;
    expect(decodeURIComponent(log.query)).toContain(`updatedAt=gte:${new Date(cut).toISOString()}`);
  });

  it('refuses updatedSince on customers without a request (the docs have no such filter)', async () => {
    const before = h.sb.stats.requests;
    await expect(h.shop.customers.list({ updatedSince: '2026-01-01T00:00:00Z' })).rejects.toSatisfy((e) =>
      ValidationError.isInstance(e),
    );
    expect(h.shop.capabilities.customers.filters).not.toContain('updatedSince');
    expect(h.sb.stats.requests).toBe(before);
  });

  it('refuses a cursor whose Commerce7 cursor was tampered with: the sandbox answers 400', async () => {
    const forged = encodeCursor({
      platform: 'commerce7',
      resource: 'orders',
      pageSize: 5,
      filters: {},
      native: 'not-a-c7-cursor',
    });
    await expect(h.shop.orders.list({ cursor: forged })).rejects.toSatisfy((e) =>
      ValidationError.isInstance(e),
    );
    await expect(h.shop.orders.list({ cursor: `${forged}x` })).rejects.toSatisfy((e) =>
      InvalidCursorError.isInstance(e),
    );
  });

  it('reads the customer address book in page mode (no cursor mode there) for get()', async () => {
    h.sb.resetStats();
    const id = h.sb.store.ids('customers').find((c) => h.sb.store.addressesOf(c).length >= 2)!;
    const c = await h.shop.customers.get(id);
    expect(c.addresses.map((a) => a.id).sort()).toEqual(
      h.sb.store
        .addressesOf(id)
        .map((a) => a.id)
        .sort(),
    );
    expect(c.addresses[0]!.id).toBe(h.sb.store.addressesOf(id).find((a) => a.isDefault)!.id);
    expect(h.sb.log.map((e) => `${e.path}${e.query}`)).toEqual([
      `/v1/customer/${id}`,
      `/v1/customer/${id}/address?page=1&limit=50`,
    ]);
  });

  it('a record Commerce7 could not have sent (a fractional cent) is a ResponseShapeError naming the field', async () => {
    const id = h.sb.store.ids('products')[0]!;
    const raw = h.sb.store.getRaw('products', id)!;
    const variants = raw.variants as Array<Record<string, unknown>>;
    h.sb.store.putRaw('products', id, { ...raw, variants: [{ ...variants[0], price: 816.5 }] });
    try {
      const err = await h.shop.products.get(id).catch((e: unknown) => e);
      expect(ResponseShapeError.isInstance(err)).toBe(true);
      expect((err as ResponseShapeError).field).toBe('variants.0.price');
    } finally {
      h.sb.store.putRaw('products', id, raw);
    }
  });
});

describe('commerce7 adapter against the sandbox: the cursor that ends on an empty page', () => {
  it('follows a cursor given with a full last page to the empty page without one', async () => {
    const h = await open({ platformOptions: { cursorLookahead: false }, records: { customers: 40 } });
    try {
      h.sb.resetStats();
      const ids = (await all(h.shop.customers.iterate({ limit: 20 }))).map((c) => c.id);
      expect(ids).toEqual(h.sb.store.ids('customers'));
      expect(h.sb.stats.requests).toBe(3);
    } finally {
      await h.close();
    }
  });
});

describe('commerce7 adapter against the sandbox: writes read back through the store', () => {
  let h: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(() => h.close());

  it('customers: create with tags and addresses, update email keeping the rest, delete', async () => {
    const c = await h.shop.customers.create({
      email: 'mia.obrien@example.com',
      firstName: 'Mia',
      lastName: "O'Brien",
      phone: '+17075550123',
      tags: ['VIP', 'Allocation List'],
      note: 'Prefers reds',
      addresses: [
        { line1: '3425 Solano Ave', city: 'Napa', region: 'CA', postalCode: '94558', country: 'US' },
        { line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' },
      ],
    });
    const raw = h.sb.store.getRaw('customers', c.id)!;
    expect(raw).toMatchObject({ firstName: 'Mia', city: 'Napa', stateCode: 'CA', countryCode: 'US' });
    expect((raw.tags as Array<{ title: string }>).map((t) => t.title)).toEqual(['VIP', 'Allocation List']);
    expect(h.sb.store.catalog.customerTags.some((t) => t.title === 'Allocation List')).toBe(true);
    expect(h.sb.store.addressesOf(c.id).map((a) => [a.address, a.isDefault])).toEqual([
      ['3425 Solano Ave', true],
      ['1 Market St', false],
    ]);
    expect(h.sb.store.summary('customers', c.id)).toMatchObject({
      email: 'mia.obrien@example.com',
      note: 'Prefers reds',
    });
    expect(c.addresses.map((a) => a.line1)).toEqual(['3425 Solano Ave', '1 Market St']);
    expect(c.tags).toEqual(['VIP', 'Allocation List']);

    // A second email added through platformFields must survive an email change.
    const emails = raw.emails as Array<{ id: string; email: string }>;
    await h.shop.customers.update(c.id, {
      platformFields: { emails: [...emails, { email: 'mia@work.example.org' }] },
    });
    const updated = await h.shop.customers.update(c.id, { email: 'mia@example.net', lastName: 'OBrien' });
    const after = h.sb.store.getRaw('customers', c.id)!;
    expect((after.emails as Array<{ id: string; email: string }>).map((e) => [e.id, e.email])).toEqual([
      [emails[0]!.id, 'mia@example.net'],
      [expect.any(String), 'mia@work.example.org'],
    ]);
    expect(after.phones).toEqual(raw.phones);
    expect(updated).toMatchObject({ email: 'mia@example.net', lastName: 'OBrien', phone: '+17075550123' });

    await h.shop.customers.update(c.id, {
      addresses: [{ line1: '9 Vine St', city: 'Sonoma', country: 'US' }],
    });
    expect(h.sb.store.addressesOf(c.id).map((a) => [a.address, a.isDefault])).toEqual([['9 Vine St', true]]);
    expect(h.sb.store.getRaw('customers', c.id)).toMatchObject({ city: 'Sonoma', stateCode: null });

    await h.shop.customers.delete(c.id);
    expect(h.sb.store.summary('customers', c.id)).toEqual({ id: c.id, deleted: true });
  });

  it('customers: a duplicate email is a ConflictError from the platform', async () => {
    const taken = (
      h.sb.store.getRaw('customers', h.sb.store.ids('customers')[0]!)!.emails as Array<{ email: string }>
    )[0]!.email;
    await expect(h.shop.customers.create({ email: taken })).rejects.toSatisfy((e) =>
      ConflictError.isInstance(e),
    );
  });

  it('products: create, then a price change keeps the other variants and their inventory', async () => {
    const p = await h.shop.products.create({
      title: 'Reserve Syrah 2022',
      type: 'Wine',
      variants: [
        { title: '750ml', sku: 'RS-2022-750', price: { amount: 5400, currency: 'USD' } },
        { title: '1.5L Magnum', sku: 'RS-2022-1500', price: { amount: 12000, currency: 'USD' } },
      ],
    });
    expect(h.sb.store.summary('products', p.id)).toMatchObject({
      title: 'Reserve Syrah 2022',
      sku: 'RS-2022-750',
      price: 5400,
    });

    const stocked = h.sb.store.ids('products').find((id) => {
      const v = h.sb.store.getRaw('products', id)!.variants as Array<{ inventory: unknown[] }>;
      return v.length >= 2 && v[0]!.inventory.length > 0;
    })!;
    const before = h.sb.store.getRaw('products', stocked)!;
    const updated = await h.shop.products.update(stocked, {
      price: { amount: 1234, currency: 'USD' },
      status: 'archived',
    });
    const after = h.sb.store.getRaw('products', stocked)!;
    const [b0, ...bRest] = before.variants as Array<Record<string, unknown>>;
    const [a0, ...aRest] = after.variants as Array<Record<string, unknown>>;
    expect(a0).toEqual({ ...b0, price: 1234 });
    expect(aRest).toEqual(bRest);
    expect(after.webStatus).toBe('Retired');
    expect(updated).toMatchObject({ status: 'archived', price: { amount: 1234, currency: 'USD' } });
  });

  it('products: a SKU another product uses is a ConflictError', async () => {
    const sku = h.sb.store.summary('products', h.sb.store.ids('products')[1]!)!.sku as string;
    await expect(
      h.shop.products.create({ title: 'Dup', sku, price: { amount: 100, currency: 'USD' } }),
    ).rejects.toSatisfy((e) => ConflictError.isInstance(e));
  });

  it('orders: a note lands on the order; fulfil with tracking, then over-fulfilling is a ValidationError with issues', async () => {
    const id = h.sb.store.ids('orders')[2]!;
    await h.shop.orders.update(id, { note: 'Ship after the heat wave' });
    expect(h.sb.store.summary('orders', id)?.note).toBe('Ship after the heat wave');

    const open = h.sb.store
      .ids('orders')
      .map((oid) => h.sb.store.getRaw('orders', oid)!)
      .find((o) => o.fulfillmentStatus === 'Not Fulfilled' && o.orderDeliveryMethod === 'Ship')!;
    const before = h.sb.store.summary('orders', open.id as string)!.fulfillments as number;
    const o = await h.shop.orders.fulfill(open.id as string, {
      trackingNumber: '1Z999AA10123456784',
      carrier: 'UPS',
    });
    expect(o.fulfillmentStatus).toBe('fulfilled');
    expect(o.status).toBe('shipped');
    expect(h.sb.store.summary('orders', open.id as string)!.fulfillments).toBe(before + 1);
    const last = (
      h.sb.store.getRaw('orders', open.id as string)!.fulfillments as Array<Record<string, unknown>>
    ).at(-1);
    expect(last).toMatchObject({
      type: 'Shipped',
      shipped: { trackingNumbers: ['1Z999AA10123456784'], carrier: 'UPS' },
    });

    const line = o.lineItems[0]!;
    const err = (await h.shop.orders
      .fulfill(open.id as string, { lineItems: [{ id: line.id!, quantity: 1 }] })
      .catch((e: unknown) => e)) as ValidationError;
    expect(ValidationError.isInstance(err)).toBe(true);
    expect(err.status).toBe(422);
    expect(err.issues[0]?.field).toBe('items.0.quantityFulfilled');
  });
});

describe('commerce7 adapter against the sandbox: errors', () => {
  it('401 with wrong credentials, and the secret appears nowhere', async () => {
    const h = await open({}, { appSecret: 'wrong-secret-value' });
    try {
      const err = await h.shop.products.list().catch((e: unknown) => e);
      expect(AuthenticationError.isInstance(err)).toBe(true);
      const text = [
        String(err),
        JSON.stringify(err),
        JSON.stringify((err as AuthenticationError).body),
        (err as Error).stack,
      ].join();
      expect(text).not.toContain('wrong-secret-value');
      expect(text).not.toContain(Buffer.from(`${h.sb.options.appId}:wrong-secret-value`).toString('base64'));
    } finally {
      await h.close();
    }
  });

  it('404 for a missing order; 429 with Retry-After surfaces as RateLimitError when retries are off', async () => {
    const h = await open({ rateLimit: { limit: 2, windowMs: 1_000 } }, { retry: false });
    try {
      await expect(h.shop.orders.get('00000000-0000-4000-8000-000000000000')).rejects.toSatisfy((e) =>
        NotFoundError.isInstance(e),
      );
      await h.shop.orders.get(h.sb.store.ids('orders')[0]!);
      const err = (await h.shop.orders
        .get(h.sb.store.ids('orders')[1]!)
        .catch((e: unknown) => e)) as RateLimitError;
      expect(RateLimitError.isInstance(err)).toBe(true);
      expect(err.retryAfterMs).toBe(1000);
      expect(err.body).toMatchObject({ statusCode: 429, type: 'tooManyRequests' });
      // Cursor-mode lists are not limited, even now.
      expect((await h.shop.orders.list({ limit: 5 })).items).toHaveLength(5);
    } finally {
      await h.close();
    }
  });

  it('a 429 is waited out and retried; a 503 is retried; persistent 5xx gives ServerError', async () => {
    const h = await open({ rateLimit: { limit: 2, windowMs: 600 } });
    try {
      const ids = h.sb.store.ids('products').slice(0, 4);
      const got = await Promise.all(ids.map((id) => h.shop.products.get(id)));
      expect(got.map((p) => p.id)).toEqual(ids);
      expect(h.sb.stats.byStatus[429]).toBeGreaterThan(0);

      h.sb.faults.add({ kind: 'server-error', status: 503, match: { path: '/v1/order' }, times: 2 });
      expect((await h.shop.orders.list({ limit: 3 })).items).toHaveLength(3);
      h.sb.faults.add({ kind: 'server-error', status: 503, match: { path: '/v1/order' }, times: 10 });
      await expect(h.shop.orders.list({ limit: 3 })).rejects.toSatisfy((e) => ServerError.isInstance(e));
      h.sb.faults.clear();
    } finally {
      await h.close();
    }
  });

  it('a response slower than timeoutMs is a TimeoutError; malformed JSON is retried, then a ResponseShapeError', async () => {
    const h = await open({}, { timeoutMs: 150, retry: false });
    try {
      h.sb.faults.add({ kind: 'slow', delayMs: 600, match: { path: '/v1/product' }, times: 1 });
      await expect(h.shop.products.list()).rejects.toSatisfy((e) => TimeoutError.isInstance(e));
      h.sb.faults.add({ kind: 'malformed-json', match: { path: '/v1/customer' }, times: 1 });
      const err = (await h.shop.customers.list().catch((e: unknown) => e)) as ResponseShapeError;
      expect(ResponseShapeError.isInstance(err)).toBe(true);
      expect(err.code).toBe('invalid_json');
    } finally {
      await h.close();
    }
    const r = await open({}, { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    try {
      r.sb.faults.add({ kind: 'truncated-json', match: { path: '/v1/customer' }, times: 1 });
      expect((await r.shop.customers.list({ limit: 4 })).items).toHaveLength(4);
    } finally {
      await r.close();
    }
  });

  it('adapters on one tenant share its 100/min budget; cursor exports do not wait for it', async () => {
    const sb = (await startSandbox({ platform: 'commerce7', seed: 3, records: 30 })) as C7Sandbox;
    const a = createCommerce7Adapter({ ...sb.options });
    const b = createCommerce7Adapter({ ...sb.options });
    // One request an hour: a cursor export that waited for the budget would never finish in time.
    const starved = createCommerce7Adapter({ ...sb.options, rateLimit: { limit: 1, windowMs: 3_600_000 } });
    try {
      expect(await all(starved.orders.iterate({ limit: 5 }))).toHaveLength(30);
      const [id1, id2, id3] = sb.store.ids('orders');
      const t1 = Date.now();
      await Promise.all([a.orders.get(id1!), b.orders.get(id2!), a.orders.get(id3!)]);
      // Three limited calls on one tenant are spaced 600 ms apart, whichever adapter sends them.
      expect(Date.now() - t1).toBeGreaterThanOrEqual(1_150);
      expect(sb.stats.byStatus[429]).toBeUndefined();
    } finally {
      await Promise.all([a.close(), b.close(), starved.close()]);
      await sb.close();
    }
  });

  const redisUrl = process.env.STOREPORT_REDIS_URL;
  it.skipIf(!redisUrl)(
    `adapters given redis share the tenant's budget through it${redisUrl ? '' : ' (skipped: STOREPORT_REDIS_URL is not set)'}`,
    async () => {
      const url = new URL(redisUrl!);
      const redis = { host: url.hostname, port: Number(url.port || 6379) };
      const sb = (await startSandbox({ platform: 'commerce7', seed: 4, records: 10 })) as C7Sandbox;
      const a = createCommerce7Adapter({ ...sb.options, redis });
      const b = createCommerce7Adapter({ ...sb.options, redis });
      try {
        const [id1, id2, id3] = sb.store.ids('orders');
        const t0 = Date.now();
        await Promise.all([a.orders.get(id1!), b.orders.get(id2!), b.orders.get(id3!)]);
        expect(Date.now() - t0).toBeGreaterThanOrEqual(1_150);
      } finally {
        await Promise.all([a.close(), b.close()]);
        await sb.close();
      }
    },
  );

  it('an AbortSignal cancels a call', async () => {
    const h = await open();
    try {
      h.sb.faults.add({ kind: 'slow', delayMs: 800, match: { path: '/v1/order' }, times: 1 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      // Unaborted, the slow page would arrive and the call resolve: rejecting is the proof.
      await expect(h.shop.orders.list({ signal: controller.signal })).rejects.toBeDefined();
    } finally {
      await h.close();
    }
  });
});

describe('commerce7 adapter against the sandbox: slow pages past page 100', () => {
  it('keeps the slow interval between slow pages as sent, even behind a busy main limit', async () => {
    // Scaled: 10 requests/s and one slow page per 300 ms on both sides. Other page-mode requests
    // queue on the main limit at the same time, so a slow page can wait there well past its turn:
    // the interval must still hold between the requests as they reach Commerce7.
    const rate = { limit: 10, windowMs: 1_000 };
    const h = await open(
      { rateLimit: rate, platformOptions: { slowPageIntervalMs: 300 } },
      { limiter: undefined, rateLimit: rate, slowPageIntervalMs: 300, retry: false },
    );
    try {
      const get = (page: number) =>
        h.shop.request({ method: 'GET', path: '/customer', query: { page, limit: 1 } });
      await Promise.all([...[101, 102, 103, 104].map(get), ...Array.from({ length: 8 }, () => get(1))]);
      expect(h.sb.stats.byStatus[429] ?? 0).toBe(0);
      const slow = h.sb.log.filter((e) => /[?&]page=10[1-9]/.test(e.query)).map((e) => e.at);
      expect(slow).toHaveLength(4);
      for (let i = 1; i < slow.length; i++) expect(slow[i]! - slow[i - 1]!).toBeGreaterThanOrEqual(300);
    } finally {
      await h.close();
    }
  });
});
