/**
 * The seed stars only `data` in a list envelope: `pages` (and `total`) may be missing. The adapter
 * then pages to the end from `total` over the page size, or, without it, until a short or empty
 * page. Against the simulator with the counts left out (`omitCounts`), and at the wire with nock.
 */
import { type Sandbox, startSandbox } from '@storeport/sandbox';
import nock from 'nock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCommerceApiAdapter } from '../src';
import fixture from './__fixtures__/customer.json';

interface ApiStore {
  ids(resource: string): string[];
}
type ApiSandbox = Sandbox<ApiStore, { baseUrl: string; credentials: { apiKey: string } }>;

let sandbox: ApiSandbox | undefined;
const adapters: Array<ReturnType<typeof createCommerceApiAdapter>> = [];
afterEach(async () => {
  await Promise.all(adapters.splice(0).map((a) => a.close()));
  await sandbox?.close();
  sandbox = undefined;
});

async function open(omitCounts: 'pages' | 'counts', customers: number) {
  sandbox = (await startSandbox({
    platform: 'commerce-api',
    seed: 3,
    records: { customers, orders: 0, products: 0 },
    rateLimit: false,
    platformOptions: { credentials: 'apiKey', omitCounts },
  })) as ApiSandbox;
  const shop = createCommerceApiAdapter({ ...sandbox.options, limiter: false, retry: false });
  adapters.push(shop);
  return { sb: sandbox, shop };
}

const ids = async (it: AsyncIterable<{ id: string }>) => {
  const out: string[] = [];
  for await (const r of it) out.push(r.id);
  return out;
};

describe('simulator: list envelopes without pages', () => {
  // [omitted, records, page size, requests a sequential export needs]
  const cases: Array<['pages' | 'counts', number, number, number]> = [
    ['pages', 23, 5, 5], // from total: ceil(23 / 5), no request past the end
    ['pages', 20, 5, 4], // total a multiple of the page size: still no empty page fetched
    ['counts', 23, 5, 5], // the short fifth page ends it
    ['counts', 20, 5, 5], // a full last page: one empty page tells the end
  ];
  for (const [omitted, records, size, requests] of cases) {
    it(`without ${omitted === 'pages' ? 'pages' : 'pages or total'}: iterate() gets all ${records} records at page size ${size} in ${requests} requests`, async () => {
      const { sb, shop } = await open(omitted, records);
      sb.resetStats();
      const got = await ids(shop.customers.iterate({ limit: size }));
      expect(got).toEqual(sb.store.ids('customers'));
      expect(got).toHaveLength(records);
      expect(sb.stats.requests).toBe(requests);
    });
  }

  it('with concurrency 3 and only total: every record once, no page past the end requested', async () => {
    const { sb, shop } = await open('pages', 23);
    sb.resetStats();
    const got = await ids(shop.customers.iterate({ limit: 5, concurrency: 3 }));
    expect([...got].sort()).toEqual([...sb.store.ids('customers')].sort());
    expect(sb.stats.requests).toBe(5);
  });

  it('list() cursors walk to the end without pages; the last page has no next cursor', async () => {
    const { sb, shop } = await open('pages', 12);
    const first = await shop.customers.list({ limit: 5 });
    expect(first.totalCount).toBe(12);
    const second = await shop.customers.list({ cursor: first.nextCursor });
    const third = await shop.customers.list({ cursor: second.nextCursor });
    expect([first, second, third].map((p) => p.items.length)).toEqual([5, 5, 2]);
    expect(third.nextCursor).toBeNull();
    expect([...first.items, ...second.items, ...third.items].map((c) => c.id)).toEqual(
      sb.store.ids('customers'),
    );
  });
});

describe('wire: list envelopes without pages', () => {
  const ORIGIN = 'https://api.commerce.io';
  const customer = (n: number) => ({
    ...fixture.wire,
    customerId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  });
  const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => customer(from + i));
  afterAll(() => nock.cleanAll());

  it('pages by total, then stops; without total, stops at a short page', async () => {
    nock.disableNetConnect();
    try {
      const shop = createCommerceApiAdapter({ credentials: { apiKey: 'k' }, limiter: false, retry: false });
      adapters.push(shop);
      const api = nock(ORIGIN);
      for (const [p, n] of [
        [1, 2],
        [2, 2],
        [3, 1],
      ] as const) {
        api
          .get('/v2/customers')
          .query({ page: String(p), pageSize: '2' })
          .reply(200, { data: page(p * 2 - 1, n), total: 5, page: p, pageSize: 2 });
      }
      expect(await ids(shop.customers.iterate({ limit: 2 }))).toHaveLength(5);
      expect(nock.pendingMocks()).toEqual([]);

      api
        .get('/v2/customers')
        .query({ page: '1', pageSize: '2' })
        .reply(200, { data: page(1, 2) })
        .get('/v2/customers')
        .query({ page: '2', pageSize: '2' })
        .reply(200, { data: page(3, 1) });
      expect(await ids(shop.customers.iterate({ limit: 2 }))).toHaveLength(3);
      expect(nock.pendingMocks()).toEqual([]);
    } finally {
      nock.enableNetConnect();
    }
  });
});
