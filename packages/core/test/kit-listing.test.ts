import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type CommerceError,
  encodeCursor,
  InvalidCursorError,
  InvalidRecordError,
  ValidationError,
} from '../src/index';
import {
  defineAdapter,
  type FetchedPage,
  type ListDeclaration,
  makeLister,
  nativeCursors,
  type PageRequest,
  type PlatformClient,
  pageNumbers,
} from '../src/kit/index';
import { createMetrics } from '../src/transport/metrics';

// makeLister and defineAdapter's wrapping in detail: messages, fallbacks, parallel pages.
// kit.test.ts tells the story through a whole toy adapter.

const Wire = z.object({ id: z.number().optional(), name: z.string() });
type Wire = z.infer<typeof Wire>;
type Item = { id: string; name: string };
const records = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, name: `n${from + i}` }));

interface Numbered {
  data: unknown[];
  pageCount?: (page: number, size: number) => number | null | undefined;
  next?: (page: number, count: number) => { page: number } | null;
  totalCount?: boolean;
}

/** A numbered list over `data`; records each request and the most pages ever in flight at once. */
function numbered(o: Numbered, extra: Partial<ListDeclaration<{ page: number }, Wire, Item>> = {}) {
  const requests: Array<PageRequest<{ page: number }>> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const decl: ListDeclaration<{ page: number }, Wire, Item> = {
    wire: Wire,
    map: (w) => ({ id: String(w.id), name: w.name }),
    paging: pageNumbers(),
    maxPageSize: 50,
    defaultPageSize: 10,
    filters: ['email', 'updatedSince'],
    sorts: { createdAt: 'created_at' },
    async fetchPage(req): Promise<FetchedPage<{ page: number }>> {
      requests.push(req);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight -= 1;
      const page = req.native?.page ?? 1;
      const count = Math.max(1, Math.ceil(o.data.length / req.pageSize));
      const pageCount = o.pageCount ? o.pageCount(page, req.pageSize) : count;
      return {
        records: o.data.slice((page - 1) * req.pageSize, page * req.pageSize),
        next: o.next ? o.next(page, count) : page < count ? { page: page + 1 } : null,
        ...(pageCount !== undefined ? { pageCount } : {}),
        ...(o.totalCount ? { totalCount: o.data.length } : {}),
      };
    },
    ...extra,
  };
  const lister = makeLister<{ page: number }, Wire, Item, Record<string, unknown>>('toy', 'customers', decl);
  return {
    lister,
    requests,
    maxInFlight: () => maxInFlight,
    pagesAsked: () => requests.map((r) => r.native?.page ?? 1),
  };
}

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

describe('refusals, word for word', () => {
  it('limit: a positive safe integer; 1 is the smallest', async () => {
    const { lister, requests } = numbered({ data: records(3) });
    for (const limit of [0, -1, 1.5, Number.NaN]) {
      const err = await rejection(lister.list({ limit }));
      expect(ValidationError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({
        platform: 'toy',
        code: 'invalid_input',
        issues: [{ field: 'limit', message: 'must be a positive integer' }],
      });
      expect(err.message).toBe('toy: customers: limit must be a positive integer');
    }
    expect(requests).toHaveLength(0);
    expect((await lister.list({ limit: 1 })).items).toHaveLength(1);
    expect(requests[0]!.pageSize).toBe(1);
  });

  it('an unknown filter, without a hint, names the filters the platform applies (or nothing)', async () => {
    const { lister } = numbered({ data: [] });
    const err = await rejection(lister.list({ status: 'x' }));
    expect(err).toMatchObject({
      code: 'unsupported_filter',
      issues: [{ field: 'status', message: 'not a customers filter toy applies' }],
    });
    expect(err.message).toBe(
      'toy: customers cannot be filtered by status: toy filters customers by email, updatedSince',
    );
    const none = numbered({ data: [] }, { filters: [] });
    expect((await rejection(none.lister.list({ status: 'x' }))).message).toBe(
      'toy: customers cannot be filtered by status: toy filters customers by nothing',
    );
    const hinted = numbered({ data: [] }, { filterHints: { other: 'why' } });
    expect((await rejection(hinted.lister.list({ status: 'x' }))).message).toBe(
      'toy: customers cannot be filtered by status: toy filters customers by email, updatedSince',
    );
  });

  it('a time filter that is not a date-time says so, with the reason', async () => {
    const { lister } = numbered({ data: [] });
    const err = await rejection(lister.list({ updatedSince: 'soon' }));
    expect(err).toMatchObject({ code: 'invalid_input', issues: [{ field: 'updatedSince' }] });
    expect(err.message).toMatch(/^toy: customers: updatedSince must be an ISO 8601 date-time \(.+\)$/);
  });

  it('sort: a declared field, asc by default, asc or desc; anything else is refused, word for word', async () => {
    const { lister, requests } = numbered({ data: records(2) });
    await lister.list({ sort: { field: 'createdAt' } });
    await lister.list({ sort: { field: 'createdAt', direction: 'asc' } });
    await lister.list({ sort: { field: 'createdAt', direction: 'desc' } });
    expect(requests.map((r) => r.sort)).toStrictEqual([
      { field: 'created_at', direction: 'asc' },
      { field: 'created_at', direction: 'asc' },
      { field: 'created_at', direction: 'desc' },
    ]);
    for (const sort of [{ field: 'createdAt', direction: 'up' }, { field: 'name' }, {}, null, { field: 1 }]) {
      const err = await rejection(lister.list({ sort }));
      expect(err).toMatchObject({
        platform: 'toy',
        code: 'unsupported_sort',
        issues: [{ field: 'sort', message: 'unsupported sort' }],
      });
      expect(err.message).toBe('toy: customers can be sorted by createdAt (asc or desc)');
    }
    const numericKey = numbered({ data: [] }, { sorts: { '1': 'one' } });
    expect((await rejection(numericKey.lister.list({ sort: { field: 1 } }))).code).toBe('unsupported_sort');
    const hinted = numbered({ data: [] }, { filterHints: { sort: 'by date only' } });
    expect((await rejection(hinted.lister.list({ sort: { field: 'name' } }))).message).toBe(
      'toy: customers can be sorted by createdAt (asc or desc): by date only',
    );
    expect(requests).toHaveLength(3);
  });
});

describe('cursors', () => {
  it('a cursor made with filters is followed without them, or with the same; other filters are refused', async () => {
    const { lister, requests } = numbered({ data: records(5) });
    const next = (await lister.list({ limit: 2, email: 'a@b.c' })).nextCursor!;
    expect((await lister.list({ cursor: next })).items.map((i) => i.id)).toEqual(['3', '4']);
    expect(requests[1]!.filters).toStrictEqual({ email: 'a@b.c' });
    const err = await rejection(lister.list({ cursor: next, email: 'x@y.z' }));
    expect(err).toMatchObject({ platform: 'toy', code: 'invalid_cursor' });
    expect(err.message).toBe(
      'toy: the cursor was made with other filters; pass the same filters as the first page, or none',
    );
  });

  it('a cursor with no paging state is the first page; a state the platform never makes is refused', async () => {
    const { lister, requests } = numbered({ data: records(3) });
    const start = encodeCursor({
      platform: 'toy',
      resource: 'customers',
      pageSize: 2,
      filters: {},
      native: null,
    });
    expect((await lister.list({ cursor: start })).items.map((i) => i.id)).toEqual(['1', '2']);
    expect(requests[0]!.native).toBeUndefined();
    const forged = encodeCursor({
      platform: 'toy',
      resource: 'customers',
      pageSize: 2,
      filters: {},
      native: { page: 0 },
    });
    const err = await rejection(lister.list({ cursor: forged }));
    expect(InvalidCursorError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ platform: 'toy', code: 'invalid_cursor' });
    expect(err.message).toBe('toy: the cursor holds paging state toy never hands out');
  });

  it('iterate from a cursor that the platform hands back at once is a loop, caught before a second request', async () => {
    const data = records(4);
    const requests: unknown[] = [];
    const lister = makeLister<string, Wire, Item, Record<string, unknown>>('toy', 'orders', {
      wire: Wire,
      map: (w) => ({ id: String(w.id), name: w.name }),
      paging: nativeCursors(),
      maxPageSize: 10,
      defaultPageSize: 2,
      filters: [],
      async fetchPage(req) {
        requests.push(req.native);
        return { records: data.slice(2), next: 'same' };
      },
    });
    const cursor = encodeCursor({
      platform: 'toy',
      resource: 'orders',
      pageSize: 2,
      filters: {},
      native: 'same',
    });
    const err = await rejection(all(lister.iterate({ cursor })));
    expect(err.code).toBe('pagination_loop');
    expect(requests).toEqual(['same']);
  });
});

describe('pages and counts', () => {
  it('totalCount is on a page only when the platform gave one', async () => {
    expect(await numbered({ data: records(2), totalCount: true }).lister.list()).toStrictEqual({
      items: [
        { id: '1', name: 'n1' },
        { id: '2', name: 'n2' },
      ],
      nextCursor: null,
      totalCount: 2,
      invalid: [],
    });
    const page = await numbered({ data: records(2) }).lister.list();
    expect('totalCount' in page).toBe(false);
  });

  it('iterate() with no options at all lists everything; maxItems 0 asks for nothing', async () => {
    const { lister, requests } = numbered({ data: records(12) });
    expect(await all(lister.iterate())).toHaveLength(12);
    expect(requests).toHaveLength(2);
    expect(await all(lister.iterate({ maxItems: 0 }))).toEqual([]);
    expect(await all(lister.iterate({ maxItems: -1 }))).toEqual([]);
    expect(requests).toHaveLength(2);
  });

  it('an unreadable record without an id is named by its index', async () => {
    const { lister } = numbered({ data: [...records(2), { name: 5 }] });
    const err = await rejection(all(lister.iterate()));
    expect(InvalidRecordError.isInstance(err)).toBe(true);
    expect(err.message).toMatch(/^toy: customers record #2 is unreadable: field "name": .+/);
    expect(err).toMatchObject({ field: 'name', recordId: null });
  });
});

describe('parallel pages', () => {
  it('with concurrency, up to that many pages are in flight at once, in order, each once', async () => {
    const o = numbered({ data: records(60) });
    const items = await all(o.lister.iterate({ limit: 10, concurrency: 3 }));
    expect(items.map((i) => Number(i.id))).toEqual(records(60).map((r) => r.id));
    expect(o.maxInFlight()).toBe(3);
    expect(o.pagesAsked().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('sequential without concurrency, without a page count, from a cursor that skips, or where the platform says no', async () => {
    const plain = numbered({ data: records(40) });
    await all(plain.lister.iterate({ limit: 10 }));
    expect(plain.maxInFlight()).toBe(1);
    const uncounted = numbered({ data: records(40), pageCount: () => null });
    await all(uncounted.lister.iterate({ limit: 10, concurrency: 3 }));
    expect(uncounted.maxInFlight()).toBe(1);
    const undeclared = numbered({ data: records(40), pageCount: () => undefined });
    await all(undeclared.lister.iterate({ limit: 10, concurrency: 3 }));
    expect(undeclared.maxInFlight()).toBe(1);
    const refused = numbered({ data: records(40) }, { parallel: (f) => f.email === undefined });
    await all(refused.lister.iterate({ limit: 10, concurrency: 3, email: 'a@b.c' }));
    expect(refused.maxInFlight()).toBe(1);
    await all(refused.lister.iterate({ limit: 10, concurrency: 3 }));
    expect(refused.maxInFlight()).toBe(3);
    const resumed = numbered({ data: records(40) });
    const skip = encodeCursor({
      platform: 'toy',
      resource: 'customers',
      pageSize: 10,
      filters: {},
      native: null,
      skip: 3,
    });
    const rest = await all(resumed.lister.iterate({ cursor: skip, concurrency: 3 }));
    expect(rest.map((i) => i.id)[0]).toBe('4');
    expect(rest).toHaveLength(37);
    expect(resumed.maxInFlight()).toBe(1);
    const cursors = makeLister<string, Wire, Item, Record<string, unknown>>('toy', 'orders', {
      wire: Wire,
      map: (w) => ({ id: String(w.id), name: w.name }),
      paging: nativeCursors(),
      maxPageSize: 10,
      defaultPageSize: 2,
      filters: [],
      fetchPage: async (req) => ({
        records: records(2, Number(req.native ?? 0) + 1),
        next: req.native ? null : '2',
        pageCount: 5,
      }),
    });
    expect((await all(cursors.iterate({ concurrency: 3 }))).map((i) => i.id)).toEqual(['1', '2', '3', '4']);
  });

  it('a one-page list asks once, whatever page count it claims', async () => {
    const o = numbered({ data: records(5), pageCount: () => 9, next: () => null });
    expect(await all(o.lister.iterate({ limit: 10, concurrency: 3 }))).toHaveLength(5);
    expect(o.pagesAsked()).toEqual([1]);
  });

  it('a page that says it is the last ends the list even when more were claimed and fetched', async () => {
    const o = numbered({
      data: records(60),
      pageCount: () => 6,
      next: (page) => (page >= 2 ? null : { page: page + 1 }),
    });
    const items = await all(o.lister.iterate({ limit: 10, concurrency: 2 }));
    expect(items).toHaveLength(20);
    expect(Math.max(...o.pagesAsked())).toBeLessThanOrEqual(4);
  });

  it('the page count is an upper bound: pages past it are never asked for, even when pages point on', async () => {
    const o = numbered({ data: records(100), pageCount: () => 3, next: (page) => ({ page: page + 1 }) });
    const items = await all(o.lister.iterate({ limit: 10, concurrency: 4 }));
    expect(items).toHaveLength(30);
    expect(o.pagesAsked().sort()).toEqual([1, 2, 3]);
  });

  it('an empty page in parallel ends the list: pages() yields no empty page after the last', async () => {
    const o = numbered({ data: records(20), pageCount: () => 50 });
    const pages = await all(o.lister.pages({ limit: 10, concurrency: 3 }));
    expect(pages.map((p) => p.items.length)).toEqual([10, 10]);
    expect(o.pagesAsked().length).toBeLessThanOrEqual(2 + 3);
  });
});

describe('defineAdapter wrapping', () => {
  function adapter(resources: Record<string, unknown> = {}) {
    const calls: unknown[][] = [];
    const client: PlatformClient = {
      send: async () => ({ status: 200, headers: {}, body: null }),
      metrics: createMetrics(),
      close: async () => {},
    };
    const list = {
      wire: Wire,
      map: (w: Wire) => ({ id: String(w.id), name: w.name }),
      paging: pageNumbers(),
      maxPageSize: 10,
      defaultPageSize: 10,
      filters: [],
      fetchPage: async (req: PageRequest<{ page: number }>) => {
        calls.push(['fetch', req.native?.page ?? 1]);
        const page = req.native?.page ?? 1;
        return { records: records(10, (page - 1) * 10 + 1), next: page < 3 ? { page: page + 1 } : null };
      },
    };
    const declaration = defineAdapter({
      platform: 'toy',
      options: (o: object) => o,
      connect: () => client,
      resources: () =>
        ({
          customers: {
            list,
            create: async (...args: unknown[]) => {
              calls.push(['create', ...args]);
              return { id: 'c1' };
            },
            get: async (id: string) => ({ id }),
            label: 'not a method',
            ...resources,
          },
          orders: { list },
          products: { list },
        }) as never,
    });
    return { adapter: declaration.create({}), calls, declaration };
  }

  it('declared operations without an id get their arguments as given', async () => {
    const { adapter: a, calls } = adapter();
    expect(await a.customers.create({ email: 'a@b.c' } as never, { signal: undefined })).toEqual({
      id: 'c1',
    });
    expect(calls).toEqual([['create', { email: 'a@b.c' }, { signal: undefined }]]);
  });

  it('an invalid id is refused naming the platform', async () => {
    const err = await rejection(adapter().adapter.customers.get(''));
    expect(err).toMatchObject({ platform: 'toy', code: 'invalid_id' });
    expect(err.message).toBe('toy: invalid id "": must not be empty or only whitespace');
  });

  it('members that are not functions are not made into methods', () => {
    expect('label' in adapter().adapter.customers).toBe(false);
  });

  it('return() before the first next() sends nothing; after a few, it ends the iteration', async () => {
    const { adapter: a, calls } = adapter();
    const it = a.customers.iterate();
    expect(await it.return!('x')).toStrictEqual({ done: true, value: 'x' });
    expect(calls).toHaveLength(0);
    const started = a.customers.iterate();
    expect((await started.next()).value).toEqual({ id: '1', name: 'n1' });
    expect(await started.return!()).toStrictEqual({ done: true, value: undefined });
    expect(await started.next()).toStrictEqual({ done: true, value: undefined });
    expect(calls).toEqual([['fetch', 1]]);
  });

  it('capabilities() refuses a declaration that uses the client while building its resources', () => {
    const declaration = defineAdapter({
      platform: 'toy',
      options: (o: object) => o,
      connect: () => {
        throw new Error('not called');
      },
      resources: (client: PlatformClient) => {
        void client.close();
        return {} as never;
      },
    });
    expect(() => declaration.capabilities()).toThrow(new Error('toy: capabilities() builds no client'));
  });
});
