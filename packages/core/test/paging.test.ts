import { describe, expect, it } from 'vitest';
import type { ListParams, Page } from '../src/adapter';
import { CommerceError, InvalidCursorError, ValidationError } from '../src/errors';
import { decodeCursor, encodeCursor } from '../src/paging/cursor';
import { iterateList, type NumberedPage, paginate, paginateParallel } from '../src/paging/iterate';
import { filtersOf, nextCursor, openPage } from '../src/paging/page-cursor';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  return expect.fail('expected a rejection');
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pages keyed by cursor (null is the first page); records every cursor asked for. */
function pager<T>(pages: Record<string, Page<T>>) {
  const calls: Array<string | null> = [];
  const fetchPage = async (cursor: string | null): Promise<Page<T>> => {
    calls.push(cursor);
    const page = pages[cursor ?? 'first'];
    if (!page) throw new Error(`no page for cursor ${String(cursor)}`);
    return page;
  };
  return { calls, fetchPage };
}

describe('paginate', () => {
  it('yields every item once across pages and stops on a null cursor', async () => {
    const { calls, fetchPage } = pager({
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3, 4], nextCursor: 'c' },
      c: { items: [5], nextCursor: null },
    });
    expect(await collect(paginate(fetchPage))).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toEqual([null, 'b', 'c']);
  });

  it('starts from a given cursor', async () => {
    const { calls, fetchPage } = pager({
      b: { items: [3], nextCursor: 'c' },
      c: { items: [4], nextCursor: null },
    });
    expect(await collect(paginate(fetchPage, { cursor: 'b' }))).toEqual([3, 4]);
    expect(calls).toEqual(['b', 'c']);
  });

  it('tolerates an empty last page and an undefined cursor as the end', async () => {
    const { fetchPage } = pager({
      first: { items: [1], nextCursor: 'b' },
      b: { items: [], nextCursor: undefined as unknown as null },
    });
    expect(await collect(paginate(fetchPage))).toEqual([1]);
  });

  it('fetches one page at a time, only when the consumer gets to it', async () => {
    const { calls, fetchPage } = pager({
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3], nextCursor: null },
    });
    const it = paginate(fetchPage);
    expect((await it.next()).value).toBe(1);
    expect((await it.next()).value).toBe(2);
    expect(calls).toEqual([null]);
    expect((await it.next()).value).toBe(3);
    expect(calls).toEqual([null, 'b']);
  });

  it('throws pagination_loop on a repeated cursor (immediately or later)', async () => {
    const same = pager({ first: { items: [1], nextCursor: 'a' }, a: { items: [2], nextCursor: 'a' } });
    const seen: number[] = [];
    const err = await rejection(
      (async () => {
        for await (const item of paginate(same.fetchPage, { platform: 'commerce7' })) seen.push(item);
      })(),
    );
    expect(CommerceError.isInstance(err)).toBe(true);
    expect((err as CommerceError).code).toBe('pagination_loop');
    expect((err as CommerceError).platform).toBe('commerce7');
    expect(seen).toEqual([1, 2]);

    const cycle = pager({
      first: { items: [1], nextCursor: 'a' },
      a: { items: [2], nextCursor: 'b' },
      b: { items: [3], nextCursor: 'a' },
    });
    const err2 = (await rejection(collect(paginate(cycle.fetchPage)))) as CommerceError;
    expect(err2.code).toBe('pagination_loop');
    expect(err2.platform).toBe('core');
    expect(cycle.calls).toEqual([null, 'a', 'b']);
  });

  it('catches a loop longer than the cursors it remembers, holding ~1,000 cursors however long the export', async () => {
    // 5,000 pages, then back to page 100: the repeat is 4,900 pages later than the first visit.
    const LOOP_AT = 100;
    const LAST = 5_000;
    const calls: Array<string | null> = [];
    const fetchPage = async (cursor: string | null): Promise<Page<number>> => {
      calls.push(cursor);
      const n = cursor === null ? 0 : Number(cursor);
      return { items: [n], nextCursor: String(n === LAST ? LOOP_AT : n + 1) };
    };
    const err = (await rejection(collect(paginate(fetchPage)))) as CommerceError;
    expect(err.code).toBe('pagination_loop');
    // Brent's bound: caught within about two laps of the loop.
    expect(calls.length).toBeLessThan(LAST + 2 * (LAST - LOOP_AT) + 2);

    // An honest 20,000-page export is never taken for a loop.
    const pages = await collect(
      paginate(async (cursor) => {
        const n = cursor === null ? 0 : Number(cursor);
        return { items: [n], nextCursor: n === 20_000 ? null : String(n + 1) };
      }),
    );
    expect(pages).toHaveLength(20_001);
  });

  it('a resumed run catches the platform handing back the cursor it started from', async () => {
    const { calls, fetchPage } = pager({
      s: { items: [1], nextCursor: 'a' },
      a: { items: [2], nextCursor: 's' },
    });
    const err = (await rejection(collect(paginate(fetchPage, { cursor: 's' })))) as CommerceError;
    expect(err.code).toBe('pagination_loop');
    expect(calls).toEqual(['s', 'a']);
  });

  it('throws pagination_stalled after 3 empty pages that still carry a cursor', async () => {
    const { calls, fetchPage } = pager({
      first: { items: [1], nextCursor: 'a' },
      a: { items: [], nextCursor: 'b' },
      b: { items: [], nextCursor: 'c' },
      c: { items: [], nextCursor: 'd' },
      d: { items: [2], nextCursor: null },
    });
    const err = (await rejection(collect(paginate(fetchPage, { platform: 'commercehq' })))) as CommerceError;
    expect(err.code).toBe('pagination_stalled');
    expect(err.message).toMatch(/^commercehq: 3 empty pages/);
    expect(calls).toEqual([null, 'a', 'b', 'c']);
  });

  it('two empty pages with cursors in a row are fine', async () => {
    const { fetchPage } = pager({
      first: { items: [1], nextCursor: 'a' },
      a: { items: [], nextCursor: 'b' },
      b: { items: [], nextCursor: 'c' },
      c: { items: [2], nextCursor: 'd' },
      d: { items: [], nextCursor: 'e' },
      e: { items: [], nextCursor: 'f' },
      f: { items: [3], nextCursor: null },
    });
    expect(await collect(paginate(fetchPage))).toEqual([1, 2, 3]);
  });

  it('honours maxItems and fetches no page further than needed', async () => {
    const pages = {
      first: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3, 4], nextCursor: 'c' },
      c: { items: [5, 6], nextCursor: null },
    };
    const exact = pager(pages);
    expect(await collect(paginate(exact.fetchPage, { maxItems: 4 }))).toEqual([1, 2, 3, 4]);
    expect(exact.calls).toEqual([null, 'b']);

    const mid = pager(pages);
    expect(await collect(paginate(mid.fetchPage, { maxItems: 3 }))).toEqual([1, 2, 3]);
    expect(mid.calls).toEqual([null, 'b']);

    const none = pager(pages);
    expect(await collect(paginate(none.fetchPage, { maxItems: 0 }))).toEqual([]);
    expect(none.calls).toEqual([]);

    const more = pager(pages);
    expect(await collect(paginate(more.fetchPage, { maxItems: 100 }))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('propagates a failing fetch', async () => {
    const boom = new Error('boom');
    const gen = paginate<number>(async (cursor) => {
      if (cursor === null) return { items: [1], nextCursor: 'x' };
      throw boom;
    });
    expect(await rejection(collect(gen))).toBe(boom);
  });
});

describe('iterateList', () => {
  type Params = ListParams & { status?: string };

  it('passes the filters on the first call and only the cursor (and signal) after', async () => {
    const calls: Params[] = [];
    const list = async (params: Params): Promise<Page<string>> => {
      calls.push(params);
      if (params.cursor === null) return { items: ['a'], nextCursor: 'c2' };
      if (params.cursor === 'c2') return { items: ['b'], nextCursor: 'c3' };
      return { items: ['c'], nextCursor: null };
    };
    const signal = new AbortController().signal;
    const items = await collect(
      iterateList(
        list,
        {
          status: 'paid',
          limit: 10,
          updatedSince: '2026-01-01T00:00:00Z',
          signal,
          maxItems: 50,
          concurrency: 2,
        },
        'commercehq',
      ),
    );
    expect(items).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual([
      { status: 'paid', limit: 10, updatedSince: '2026-01-01T00:00:00Z', signal, cursor: null },
      { cursor: 'c2', signal },
      { cursor: 'c3', signal },
    ]);
    expect(calls[0]).not.toHaveProperty('maxItems');
    expect(calls[0]).not.toHaveProperty('concurrency');
  });

  it('without a signal sends only the cursor; with no params at all it still works', async () => {
    const calls: Params[] = [];
    const list = async (params: Params): Promise<Page<number>> => {
      calls.push(params);
      return params.cursor === null ? { items: [1], nextCursor: 'n' } : { items: [2], nextCursor: null };
    };
    expect(await collect(iterateList(list, undefined))).toEqual([1, 2]);
    expect(calls).toEqual([{ cursor: null }, { cursor: 'n' }]);
  });

  it('resumes from a cursor: the first call carries it instead of the filters', async () => {
    const calls: Params[] = [];
    const list = async (params: Params): Promise<Page<number>> => {
      calls.push(params);
      return { items: [9], nextCursor: null };
    };
    expect(await collect(iterateList(list, { cursor: 'resume', status: 'paid' }))).toEqual([9]);
    expect(calls).toEqual([{ cursor: 'resume' }]);
  });

  it('honours maxItems and names the platform in paging errors', async () => {
    let n = 0;
    const list = async (): Promise<Page<number>> => ({ items: [n++, n++], nextCursor: 'same' });
    expect(await collect(iterateList(list, { maxItems: 3 }))).toEqual([0, 1, 2]);
    const err = (await rejection(collect(iterateList(list, {}, 'commerce7')))) as CommerceError;
    expect(err.code).toBe('pagination_loop');
    expect(err.platform).toBe('commerce7');
  });
});

describe('paginateParallel', () => {
  /** `pages` pages of `size` items each (the last may be short), with a delay per fetch. */
  function numbered(options: {
    pages: number;
    size: number;
    last?: number;
    delay?: (page: number) => number;
  }) {
    let inFlight = 0;
    let maxInFlight = 0;
    const fetched: number[] = [];
    const fetchPage = async (page: number): Promise<NumberedPage<string>> => {
      fetched.push(page);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await tick(options.delay?.(page) ?? 1);
      inFlight -= 1;
      const count =
        page > options.pages ? 0 : page === options.pages ? (options.last ?? options.size) : options.size;
      return {
        items: Array.from({ length: count }, (_, i) => `${page}.${i}`),
        pageCount: options.pages,
      };
    };
    return { fetchPage, fetched, maxInFlight: () => maxInFlight };
  }

  const expected = (pages: number, size: number, last = size) =>
    Array.from({ length: pages }, (_, p) =>
      Array.from({ length: p + 1 === pages ? last : size }, (_, i) => `${p + 1}.${i}`),
    ).flat();

  it('yields in page order with concurrency 4 and never more than 4 fetches in flight', async () => {
    // Later pages answer faster, so out-of-order completion is the norm.
    const src = numbered({ pages: 12, size: 3, last: 2, delay: (p) => 2 + ((13 - p) % 5) * 3 });
    const items = await collect(paginateParallel({ fetchPage: src.fetchPage, firstPage: 1, concurrency: 4 }));
    expect(items).toEqual(expected(12, 3, 2));
    expect(src.maxInFlight()).toBe(4);
    expect([...src.fetched].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('really runs pages in parallel: the four pages after the first are all in flight at once', async () => {
    const src = numbered({ pages: 5, size: 1, delay: (p) => (p === 1 ? 1 : 40) });
    expect(
      await collect(paginateParallel({ fetchPage: src.fetchPage, firstPage: 1, concurrency: 4 })),
    ).toEqual(expected(5, 1));
    expect(src.maxInFlight()).toBe(4);
  });

  it('works with 0-based pages and a concurrency of 1', async () => {
    const pages = [['a', 'b'], ['c', 'd'], ['e']];
    let inFlight = 0;
    let maxInFlight = 0;
    const items = await collect(
      paginateParallel({
        fetchPage: async (page) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await tick(1);
          inFlight -= 1;
          return { items: pages[page] ?? [], pageCount: 2 }; // 0, 1, 2: last page number is 2
        },
        firstPage: 0,
        concurrency: 1,
      }),
    );
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(maxInFlight).toBe(1);
  });

  it('honours maxItems', async () => {
    const src = numbered({ pages: 3, size: 3 });
    const items = await collect(
      paginateParallel({ fetchPage: src.fetchPage, firstPage: 1, concurrency: 2, maxItems: 4 }),
    );
    expect(items).toEqual(['1.0', '1.1', '1.2', '2.0']);
    const first = numbered({ pages: 3, size: 3 });
    expect(
      await collect(
        paginateParallel({ fetchPage: first.fetchPage, firstPage: 1, concurrency: 4, maxItems: 2 }),
      ),
    ).toEqual(['1.0', '1.1']);
    expect(first.fetched).toEqual([1]);
  });

  it('stops after an empty first page and after a one-page list', async () => {
    const empty = numbered({ pages: 0, size: 3 });
    expect(
      await collect(paginateParallel({ fetchPage: empty.fetchPage, firstPage: 1, concurrency: 4 })),
    ).toEqual([]);
    expect(empty.fetched).toEqual([1]);
    const one = numbered({ pages: 1, size: 3 });
    expect(
      await collect(paginateParallel({ fetchPage: one.fetchPage, firstPage: 1, concurrency: 4 })),
    ).toEqual(expected(1, 3));
    expect(one.fetched).toEqual([1]);
  });

  it('with pageCount null, goes on one page at a time until an empty or short page', async () => {
    const pages = [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ];
    const fetched: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const fetchPage = async (page: number): Promise<NumberedPage<string>> => {
      fetched.push(page);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await tick(1);
      inFlight -= 1;
      return { items: pages[page - 1] ?? [], pageCount: null };
    };
    expect(await collect(paginateParallel({ fetchPage, firstPage: 1, concurrency: 4 }))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ]);
    expect(fetched).toEqual([1, 2, 3, 4]);
    expect(maxInFlight).toBe(1);

    pages.push(['g']); // a short last page ends it without asking for one more
    fetched.length = 0;
    expect(await collect(paginateParallel({ fetchPage, firstPage: 1, concurrency: 4 }))).toHaveLength(7);
    expect(fetched).toEqual([1, 2, 3, 4]);
  });

  it("propagates a failing page's error, after the pages before it", async () => {
    const boom = new Error('page 3 failed');
    const src = numbered({ pages: 6, size: 2 });
    const seen: string[] = [];
    const err = await rejection(
      (async () => {
        for await (const item of paginateParallel({
          fetchPage: async (page) => {
            if (page === 3) {
              await tick(1);
              throw boom;
            }
            return src.fetchPage(page);
          },
          firstPage: 1,
          concurrency: 4,
        }))
          seen.push(item);
      })(),
    );
    expect(err).toBe(boom);
    expect(seen).toEqual(['1.0', '1.1', '2.0', '2.1']);
  });

  it('a page failing while earlier ones are still loading causes no unhandled rejection', async () => {
    const boom = new Error('page 5 failed fast');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const err = await rejection(
        collect(
          paginateParallel({
            fetchPage: async (page) => {
              if (page === 5) throw boom;
              await tick(page === 1 ? 0 : 20);
              return { items: [page], pageCount: 8 };
            },
            firstPage: 1,
            concurrency: 4,
          }),
        ),
      );
      expect(err).toBe(boom);
      await tick(30);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('openPage / nextCursor', () => {
  const base = { platform: 'commercehq', resource: 'orders', maxPageSize: 50, defaultPageSize: 20 };

  it('uses the default page size and caps at the maximum', () => {
    expect(openPage({ ...base, params: undefined })).toEqual({
      pageSize: 20,
      filters: {},
      native: undefined,
    });
    expect(openPage({ ...base, params: {} }).pageSize).toBe(20);
    expect(openPage({ ...base, params: { limit: 5 } }).pageSize).toBe(5);
    expect(openPage({ ...base, params: { limit: 50 } }).pageSize).toBe(50);
    expect(openPage({ ...base, params: { limit: 500 } }).pageSize).toBe(50);
    expect(openPage({ ...base, params: { limit: 1 } }).pageSize).toBe(1);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('limit %s is a ValidationError', (limit) => {
    let err: unknown;
    try {
      openPage({ ...base, params: { limit } });
    } catch (e) {
      err = e;
    }
    expect(ValidationError.isInstance(err)).toBe(true);
    const v = err as ValidationError;
    expect(v.platform).toBe('commercehq');
    expect(v.code).toBe('invalid_input');
    expect(v.issues).toEqual([{ field: 'limit', message: 'must be a positive integer' }]);
    expect(v.message).toContain(String(limit));
  });

  it('takes the filters from the params', () => {
    const signal = new AbortController().signal;
    const opened = openPage<number>({
      ...base,
      params: { limit: 10, updatedSince: '2026-01-01T00:00:00Z', signal, cursor: null, sort: undefined },
    });
    expect(opened.filters).toEqual({ updatedSince: '2026-01-01T00:00:00Z' });
    expect(opened.native).toBeUndefined();
  });

  it('round-trips pageSize, filters and native state through the cursor', () => {
    const params = { limit: 10, updatedSince: '2026-01-01T00:00:00Z', status: 'paid' } as ListParams;
    const first = openPage<{ page: number }>({ ...base, params });
    const cursor = nextCursor({
      ...base,
      pageSize: first.pageSize,
      filters: first.filters,
      native: { page: 2 },
    });
    expect(cursor).toEqual(expect.any(String));
    const next = openPage<{ page: number }>({ ...base, params: { cursor } });
    expect(next).toEqual({ pageSize: 10, filters: first.filters, native: { page: 2 } });
    // Filters given again alongside the cursor are fine when they match; limit and signal do not count.
    const again = openPage<{ page: number }>({
      ...base,
      params: { ...params, limit: 99, cursor, signal: new AbortController().signal },
    });
    expect(again.pageSize).toBe(10);
    expect(again.native).toEqual({ page: 2 });
  });

  it('nextCursor is null when there is no next page', () => {
    expect(nextCursor({ ...base, pageSize: 10, filters: {}, native: null })).toBeNull();
    expect(nextCursor({ ...base, pageSize: 10, filters: {}, native: undefined })).toBeNull();
    const zero = nextCursor({ ...base, pageSize: 10, filters: {}, native: 0 });
    expect(zero).not.toBeNull();
    expect(decodeCursor(zero!, base).native).toBe(0);
  });

  it('a cursor from another platform or resource is an InvalidCursorError', () => {
    const cursor = nextCursor({ ...base, pageSize: 10, filters: {}, native: 'abc' })!;
    for (const other of [
      { ...base, resource: 'customers' },
      { ...base, platform: 'commerce7' },
    ]) {
      let err: unknown;
      try {
        openPage({ ...other, params: { cursor } });
      } catch (e) {
        err = e;
      }
      expect(InvalidCursorError.isInstance(err)).toBe(true);
      expect((err as InvalidCursorError).code).toBe('invalid_cursor');
    }
  });

  it('a cursor used with different filters is an InvalidCursorError', () => {
    const cursor = nextCursor({ ...base, pageSize: 10, filters: { status: 'paid' }, native: 2 })!;
    expect(() => openPage({ ...base, params: { cursor, status: 'refunded' } as ListParams })).toThrow(
      InvalidCursorError,
    );
    expect(() => openPage({ ...base, params: { cursor, email: 'x@y.z' } as ListParams })).toThrow(
      /different filters/,
    );
    expect(openPage({ ...base, params: { cursor, status: 'paid' } as ListParams }).native).toBe(2);
  });

  it('a tampered or foreign string is an InvalidCursorError', () => {
    const cursor = encodeCursor({ ...base, pageSize: 10, filters: {}, native: 2 });
    const tampered = cursor.slice(0, -2) + (cursor.endsWith('A') ? 'B' : 'A') + cursor.slice(-1);
    expect(() => openPage({ ...base, params: { cursor: tampered } })).toThrow(InvalidCursorError);
    expect(() => openPage({ ...base, params: { cursor: 'page=2' } })).toThrow(InvalidCursorError);
  });
});

describe('filtersOf', () => {
  it('drops limit, cursor, signal, maxItems, concurrency and undefined values', () => {
    expect(
      filtersOf({
        limit: 10,
        cursor: 'x',
        signal: new AbortController().signal,
        maxItems: 5,
        concurrency: 2,
        status: 'paid',
        email: undefined,
        customerId: null,
        sort: { field: 'id', direction: 'asc' },
      }),
    ).toEqual({ status: 'paid', customerId: null, sort: { field: 'id', direction: 'asc' } });
    expect(filtersOf({})).toEqual({});
  });
});
