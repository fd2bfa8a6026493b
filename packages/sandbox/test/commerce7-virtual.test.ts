import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commerce7Store } from '../src/commerce7';
import { type Sandbox, startSandbox } from '../src/index';
import { c7, ids, walkCursor } from './__fixtures__/commerce7/client';

type Rec = Record<string, unknown>;

describe('commerce7 sandbox: virtualCustomers (generated on demand, for benchmarks)', () => {
  const COUNT = 1234;
  let sb: Sandbox<Commerce7Store>;
  beforeAll(async () => {
    sb = await startSandbox<Commerce7Store>({
      platform: 'commerce7',
      seed: 5,
      rateLimit: false,
      records: { customers: 3, orders: 5, products: 4 },
      platformOptions: { virtualCustomers: COUNT },
    });
  });
  afterAll(() => sb.close());

  it('cursor mode lists exactly that many customers, unique, oldest first, none stored', async () => {
    const pages = await walkCursor(sb, '/customer', 'customers', 50);
    expect(pages).toHaveLength(Math.ceil(COUNT / 50));
    const all = pages.flat() as Rec[];
    expect(all).toHaveLength(COUNT);
    expect(new Set(ids(all)).size).toBe(COUNT);
    const emails = all.map((c) => (c.emails as Array<{ email: string }>)[0]!.email);
    expect(new Set(emails).size).toBe(COUNT);
    const created = all.map((c) => Date.parse(c.createdAt as string));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(sb.store.count('customers')).toBe(3);
  });

  it('the same position always gives the same customer, in either mode', async () => {
    const again = await walkCursor(sb, '/customer', 'customers', 50);
    const first = await walkCursor(sb, '/customer', 'customers', 50);
    expect(again).toEqual(first);
    const page3 = await c7<Rec>(sb, 'GET', '/customer?page=3&limit=50');
    expect(page3.status).toBe(200);
    expect(page3.body.total).toBe(COUNT);
    expect(page3.body.customers).toEqual(first[2]);
  });

  it('records have the shape of stored ones (same keys)', async () => {
    const stored = sb.store.getRaw('customers', sb.store.ids('customers')[0]!)!;
    const page = await c7<Rec>(sb, 'GET', '/customer?cursor=start&limit=1');
    const virtual = (page.body.customers as Rec[])[0]!;
    expect(Object.keys(virtual).sort()).toEqual(Object.keys(stored).sort());
  });

  it('another seed gives other customers', async () => {
    const other = await startSandbox({
      platform: 'commerce7',
      seed: 6,
      rateLimit: false,
      records: { customers: 1, orders: 1, products: 1 },
      platformOptions: { virtualCustomers: 10 },
    });
    try {
      const mine = await c7<Rec>(sb, 'GET', '/customer?cursor=start&limit=10');
      const theirs = await c7<Rec>(other, 'GET', '/customer?cursor=start&limit=10');
      expect(ids(theirs.body.customers as Rec[])).not.toEqual(ids(mine.body.customers as Rec[]));
    } finally {
      await other.close();
    }
  });

  it('refuses a count that is not a non-negative integer', async () => {
    await expect(
      startSandbox({ platform: 'commerce7', rateLimit: false, platformOptions: { virtualCustomers: -1 } }),
    ).rejects.toThrow(/virtualCustomers/);
  });
});
