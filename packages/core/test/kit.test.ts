import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type CommerceError,
  type Customer,
  encodeCursor,
  InvalidCursorError,
  type InvalidRecord,
  InvalidRecordError,
  type Product,
  UnsupportedOperationError,
  ValidationError,
} from '../src/index';
import {
  defineAdapter,
  type FetchedPage,
  nativeCursors,
  type PageRequest,
  type PlatformClient,
  pageNumbers,
} from '../src/kit/index';
import { createMetrics } from '../src/transport/metrics';

// A toy platform over an in-memory list, with switches for the ways real servers and proxies
// misbehave. Records are `{ id, name }`; a record without a string name is malformed.

const WireToy = z.looseObject({ id: z.number(), name: z.string() });
type WireToy = z.infer<typeof WireToy>;

interface Behaviour {
  /** The server serves page 1 whatever page is asked for. */
  ignorePage?: boolean;
  /** The page count it claims. */
  pageCount?: number;
  /** Hands the same records out under ever new cursors. */
  sameRecordsNewCursor?: boolean;
  /** Hands back the first cursor again after this many pages. */
  loopAfter?: number;
  /** Answers an empty page that still points onwards. */
  emptyWithNext?: boolean;
}

function toy(records: unknown[], behaviour: Behaviour = {}) {
  const requests: Array<{ native: unknown; pageSize: number; filters: unknown; sort: unknown }> = [];
  let closes = 0;
  const fetchNumbered = async (
    req: PageRequest<{ page: number }>,
  ): Promise<FetchedPage<{ page: number }>> => {
    requests.push({ native: req.native, pageSize: req.pageSize, filters: req.filters, sort: req.sort });
    const page = behaviour.ignorePage ? 1 : (req.native?.page ?? 1);
    const count = Math.max(1, Math.ceil(records.length / req.pageSize));
    if (behaviour.emptyWithNext && page > 1)
      return { records: [], next: { page: page + 1 }, pageCount: count };
    const slice = records.slice((page - 1) * req.pageSize, page * req.pageSize);
    const pageCount = behaviour.pageCount ?? count;
    return {
      records: slice,
      next: page < pageCount ? { page: page + 1 } : null,
      pageCount,
      totalCount: records.length,
    };
  };
  let minted = 0;
  const fetchCursor = async (req: PageRequest<string>): Promise<FetchedPage<string>> => {
    requests.push({ native: req.native, pageSize: req.pageSize, filters: req.filters, sort: req.sort });
    const offset = behaviour.sameRecordsNewCursor ? 0 : Number((req.native ?? 'o0').slice(1).split('-')[0]);
    const slice = records.slice(offset, offset + req.pageSize);
    const end = offset + req.pageSize >= records.length;
    minted += 1;
    // Back to the cursor it handed out first (for the second page).
    if (behaviour.loopAfter !== undefined && minted > behaviour.loopAfter)
      return { records: slice, next: 'o10-1' };
    return {
      records: slice,
      next: end && !behaviour.sameRecordsNewCursor ? null : `o${offset + req.pageSize}-${minted}`,
    };
  };
  const map = (w: WireToy) => ({ id: String(w.id), name: w.name }) as unknown as Customer;
  const client: PlatformClient = {
    send: async (req) => {
      requests.push({ native: `raw:${req.path}`, pageSize: 0, filters: {}, sort: undefined });
      return { status: 200, headers: {}, body: { ok: true } };
    },
    metrics: createMetrics(),
    close: async () => {
      closes += 1;
    },
  };
  const declaration = defineAdapter({
    platform: 'toy',
    options: (o: { currency?: string }) => o,
    connect: () => client,
    resources: () => ({
      customers: {
        list: {
          wire: WireToy,
          map,
          paging: pageNumbers(),
          maxPageSize: 50,
          defaultPageSize: 10,
          filters: ['email', 'updatedSince'],
          filterHints: { createdSince: 'toys are never created' },
          sorts: { createdAt: 'created_at' },
          fetchPage: fetchNumbered,
        },
        get: async (id: string) => ({ id, name: 'got' }) as unknown as Customer,
        delete: async () => {},
        unsupported: { create: 'toys are made elsewhere' },
        extra: async (n: number) => n * 2,
      },
      orders: {
        list: {
          wire: WireToy,
          map: map as never,
          paging: nativeCursors(['o0']),
          maxPageSize: 50,
          defaultPageSize: 10,
          filters: [],
          filterHints: { sort: 'toy orders come as they were made' },
          fetchPage: fetchCursor,
        },
      },
      products: {
        list: {
          wire: WireToy,
          map: (w: WireToy) => ({ id: String(w.id) }) as unknown as Product,
          idOf: (raw: unknown) => String((raw as { id?: unknown }).id ?? 'none'),
          paging: pageNumbers(),
          maxPageSize: 5,
          defaultPageSize: 5,
          filters: [],
          fetchPage: fetchNumbered,
        },
      },
    }),
  });
  const adapter = declaration.create({});
  return { adapter, declaration, requests, closes: () => closes };
}

const good = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, name: `toy ${from + i}` }));
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
async function rejection(p: Promise<unknown>): Promise<CommerceError> {
  try {
    await p;
  } catch (err) {
    return err as CommerceError;
  }
  throw new Error('expected a rejection');
}

describe('one bad record is reported, not fatal', () => {
  const records = [...good(4), { id: 5, name: 42 }, ...good(5, 6)];

  it('list() returns the good records and, beside them, the bad one with its index, id, issues and raw', async () => {
    const { adapter } = toy(records);
    const page = await adapter.customers.list({ limit: 10 });
    expect(page.items.map((c) => c.id)).toEqual(['1', '2', '3', '4', '6', '7', '8', '9', '10']);
    expect(page.invalid).toEqual([
      {
        index: 4,
        id: '5',
        issues: [{ field: 'name', message: expect.stringContaining('string'), code: 'invalid_type' }],
        raw: { id: 5, name: 42 },
      },
    ]);
  });

  it('iterate() throws InvalidRecordError after the records before it; its resumeCursor goes on right after it', async () => {
    const { adapter } = toy(records);
    const seen: string[] = [];
    let error: InvalidRecordError | undefined;
    try {
      for await (const c of adapter.customers.iterate({ limit: 3 })) seen.push(c.id);
    } catch (err) {
      error = err as InvalidRecordError;
    }
    expect(seen).toEqual(['1', '2', '3', '4']);
    expect(InvalidRecordError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      recordId: '5',
      resource: 'customers',
      field: 'name',
      raw: { id: 5, name: 42 },
    });
    expect(error!.message).toContain('customers record 5');
    const rest = await all(adapter.customers.iterate({ cursor: error!.resumeCursor }));
    expect(rest.map((c) => c.id)).toEqual(['6', '7', '8', '9', '10']);
  });

  it("iterate({ onInvalidRecord: 'skip' }) goes on; a function is called with each rejected record", async () => {
    const { adapter } = toy(records);
    expect((await all(adapter.customers.iterate({ onInvalidRecord: 'skip', limit: 2 }))).length).toBe(9);
    const rejected: Array<InvalidRecord & { resource: string }> = [];
    const items = await all(
      adapter.customers.iterate({ onInvalidRecord: (r) => void rejected.push(r), limit: 2 }),
    );
    expect(items).toHaveLength(9);
    expect(rejected.map((r) => [r.resource, r.id, r.index])).toEqual([['customers', '5', 0]]);
  });

  it('a record nested 20,000 levels deep is rejected as a record, not a stack overflow', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { d: deep };
    const { adapter } = toy([...good(2), { id: 3, name: 'deep', nested: deep }, ...good(1, 4)]);
    const page = await adapter.customers.list();
    expect(page.items.map((c) => c.id)).toEqual(['1', '2', '4']);
    expect(page.invalid?.[0]).toMatchObject({ id: '3', issues: [{ field: '(record)', code: 'too_deep' }] });
  });

  it('a mapper that throws a shape error rejects that record only; idOf names it', async () => {
    const { adapter } = toy([...good(2), { name: 'no id' }]);
    const page = await adapter.products.list();
    expect(page.items).toHaveLength(2);
    expect(page.invalid?.[0]).toMatchObject({ index: 2, id: 'none', issues: [{ field: 'id' }] });
  });
});

describe('paging that cannot loop', () => {
  it('a server that ignores ?page= stops with pagination_stalled after the second page', async () => {
    const { adapter, requests } = toy(good(50), { ignorePage: true });
    const err = await rejection(all(adapter.customers.iterate({ limit: 10 })));
    expect(err.code).toBe('pagination_stalled');
    expect(requests).toHaveLength(2);
  });

  it('the same records under fresh cursors stop with pagination_stalled', async () => {
    const { adapter, requests } = toy(good(30), { sameRecordsNewCursor: true });
    const err = await rejection(all(adapter.orders.iterate({ limit: 10 })));
    expect(err.code).toBe('pagination_stalled');
    expect(requests).toHaveLength(2);
  });

  it('a cursor handed back again stops with pagination_loop', async () => {
    const { adapter } = toy(good(100), { loopAfter: 2 });
    const seen: string[] = [];
    const err = await rejection(all(adapter.orders.iterate({ limit: 10 })).catch((e) => Promise.reject(e)));
    expect(err.code).toBe('pagination_loop');
    // maxItems stops before the loop is reached.
    for await (const o of toy(good(100), { loopAfter: 2 }).adapter.orders.iterate({
      limit: 10,
      maxItems: 25,
    }))
      seen.push(o.id);
    expect(seen).toHaveLength(25);
  });

  it('an empty page ends the list, whatever it says about a next one', async () => {
    const { adapter, requests } = toy(good(30), { emptyWithNext: true });
    expect(await all(adapter.customers.iterate({ limit: 10 }))).toHaveLength(10);
    expect(requests).toHaveLength(2);
    const second = await adapter.customers.list({
      cursor: (await adapter.customers.list({ limit: 10 })).nextCursor,
    });
    expect(second).toMatchObject({ items: [], nextCursor: null });
  });

  it('a page count of 100,000 for 2 real pages costs at most `concurrency` wasted requests', async () => {
    const { adapter, requests } = toy(good(20), { pageCount: 100_000 });
    const items = await all(adapter.customers.iterate({ limit: 10, concurrency: 4 }));
    expect(items.map((c) => c.id)).toEqual(good(20).map((r) => String(r.id)));
    expect(requests.length).toBeLessThanOrEqual(2 + 4);
  });

  it('parallel pages keep the order and fetch each page once', async () => {
    const { adapter, requests } = toy(good(95));
    const items = await all(adapter.customers.iterate({ limit: 10, concurrency: 3 }));
    expect(items.map((c) => Number(c.id))).toEqual(good(95).map((r) => r.id));
    expect(
      requests.map((r) => (r.native as { page?: number } | undefined)?.page ?? 1).sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('a forged cursor cannot ask for more than the platform maximum', async () => {
    const { adapter, requests } = toy(good(100));
    const forged = encodeCursor({
      platform: 'toy',
      resource: 'customers',
      pageSize: 5000,
      filters: {},
      native: { page: 1 },
    });
    await adapter.customers.list({ cursor: forged });
    expect(requests[0]!.pageSize).toBe(50);
  });

  it('a cursor with paging state the platform never makes, or made with other filters, is refused', async () => {
    const { adapter, requests } = toy(good(10));
    const bad = encodeCursor({
      platform: 'toy',
      resource: 'customers',
      pageSize: 5,
      filters: {},
      native: { page: -1 },
    });
    expect(InvalidCursorError.isInstance(await rejection(adapter.customers.list({ cursor: bad })))).toBe(
      true,
    );
    const made = (await adapter.customers.list({ limit: 2, email: 'a@b.c' })).nextCursor;
    const err = await rejection(adapter.customers.list({ cursor: made, email: 'x@y.z' }));
    expect(InvalidCursorError.isInstance(err)).toBe(true);
    expect((await adapter.customers.list({ cursor: made, email: 'a@b.c' })).items).toHaveLength(2);
    expect(requests).toHaveLength(2);
  });

  it('pages() yields each page with the cursor of the next', async () => {
    const { adapter } = toy(good(25));
    const pages = await all(adapter.customers.pages!({ limit: 10 }));
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, true]);
    expect((await adapter.customers.list({ cursor: pages[0]!.nextCursor })).items[0]!.id).toBe('11');
  });
});

describe('derived from the declaration', () => {
  it('capabilities: the operations declared, the filters and sorts of the list, parallel from the paging', () => {
    const { adapter, declaration } = toy([]);
    expect(declaration.capabilities()).toEqual(adapter.capabilities);
    expect(adapter.capabilities.customers).toEqual({
      operations: ['list', 'get', 'delete'],
      filters: ['email', 'updatedSince'],
      sorts: ['createdAt'],
      maxPageSize: 50,
      defaultPageSize: 10,
      parallelPages: true,
    });
    expect(adapter.capabilities.orders.operations).toEqual(['list']);
    expect(adapter.capabilities.orders.parallelPages).toBe(false);
  });

  it('an operation not declared throws UnsupportedOperationError with its reason', async () => {
    const { adapter, requests } = toy([]);
    const err = await rejection(adapter.customers.create({ email: 'a@b.c' }));
    expect(UnsupportedOperationError.isInstance(err)).toBe(true);
    expect(err.message).toBe('toy does not support customers.create: toys are made elsewhere');
    expect(
      UnsupportedOperationError.isInstance(
        await rejection(adapter.orders.refund('1', { amount: { amount: 1, currency: 'USD' } })),
      ),
    ).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it('undeclared filters and sorts are refused before sending; time filters reach the platform in UTC; sorts translated', async () => {
    const { adapter, requests } = toy(good(3));
    const refused = await rejection(adapter.customers.list({ createdSince: '2026-01-01T00:00:00Z' }));
    expect(refused).toMatchObject({ code: 'unsupported_filter', issues: [{ field: 'createdSince' }] });
    expect(refused.message).toContain('toys are never created');
    expect((await rejection(adapter.customers.list({ sort: { field: 'email' } }))).code).toBe(
      'unsupported_sort',
    );
    const unsorted = await rejection(adapter.orders.list({ sort: { field: 'createdAt' } }));
    expect(unsorted.code).toBe('unsupported_sort');
    expect(unsorted.message).toBe('toy: orders can be sorted by nothing: toy orders come as they were made');
    expect((await rejection(adapter.customers.list({ updatedSince: 'yesterday' }))).code).toBe(
      'invalid_input',
    );
    expect((await rejection(adapter.customers.list({ limit: 0 }))).code).toBe('invalid_input');
    expect(requests).toHaveLength(0);
    await adapter.customers.list({
      updatedSince: '2026-01-01T02:00:00+02:00',
      sort: { field: 'createdAt', direction: 'desc' },
    });
    expect(requests[0]).toMatchObject({
      filters: { updatedSince: '2026-01-01T00:00:00.000Z' },
      sort: { field: 'created_at', direction: 'desc' },
    });
  });

  it('ids that are missing, empty, blank or not well-formed text are ValidationErrors before any request', async () => {
    const { adapter, requests } = toy([]);
    for (const id of [undefined, null, '', '  ', '\ud800', {}]) {
      const err = await rejection(adapter.customers.get(id as unknown as string));
      expect(ValidationError.isInstance(err), String(id)).toBe(true);
      expect(err.code).toBe('invalid_id');
    }
    expect(requests).toHaveLength(0);
    expect((await adapter.customers.get(42 as unknown as string)).id).toBe('42');
  });

  it('after close() every call is refused with adapter_closed and nothing is sent; close runs once', async () => {
    const { adapter, requests, closes } = toy(good(3));
    await Promise.all([adapter.close(), adapter.close()]);
    await adapter.close();
    expect(closes()).toBe(1);
    const calls: Array<() => unknown> = [
      () => adapter.customers.list(),
      () => adapter.customers.get('1'),
      () => adapter.customers.delete('1'),
      () => adapter.customers.create({ email: 'a@b.c' }),
      () => (adapter.customers as unknown as { extra(n: number): Promise<number> }).extra(2),
      () => adapter.request({ method: 'GET', path: '/x' }),
      () => all(adapter.customers.iterate()),
      () => all(adapter.customers.pages!()),
    ];
    for (const call of calls) {
      const err = await rejection((async () => call())().then((r) => r));
      expect(err.code).toBe('adapter_closed');
    }
    expect(requests).toHaveLength(0);
  });

  it('extra members are kept and request() goes through the client', async () => {
    const { adapter, requests } = toy([]);
    expect(await (adapter.customers as unknown as { extra(n: number): Promise<number> }).extra(21)).toBe(42);
    expect((await adapter.request({ method: 'GET', path: '/x' })).body).toEqual({ ok: true });
    expect(requests).toHaveLength(1);
  });
});
