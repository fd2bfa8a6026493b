import { describe, expect, it } from 'vitest';
import type {
  Capabilities,
  CustomersResource,
  ListParams,
  OrdersResource,
  Page,
  ProductsResource,
} from '../src/adapter';
import {
  assembleAdapter,
  closeOnce,
  filterGuards,
  iterateConcurrently,
  rawRequestVia,
  signalOf,
} from '../src/adapter-kit';
import { ValidationError } from '../src/errors';
import type { NumberedPage } from '../src/paging/iterate';
import type { TransportRequest, TransportResponse } from '../src/transport/http-client';
import { createMetrics } from '../src/transport/metrics';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The ValidationError `fn` throws; fails the test when it throws nothing or something else. */
function thrown(fn: () => unknown): ValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(ValidationError.isInstance(caught), 'expected a ValidationError').toBe(true);
  return caught as ValidationError;
}

describe('filterGuards: onlyFilters', () => {
  const plain = filterGuards({
    platform: 'shop',
    issue: (resource) => `not a ${resource} filter shop has`,
  });

  it('lets allowed filters through', () => {
    expect(() =>
      plain.onlyFilters('orders', { status: 'paid', email: 'a@b.c' }, ['status', 'email']),
    ).not.toThrow();
    expect(() => plain.onlyFilters('orders', {}, [])).not.toThrow();
  });

  it('refuses the first filter not allowed with unsupported_filter, naming the platform, resource and key', () => {
    const err = thrown(() => plain.onlyFilters('orders', { status: 'paid', email: 'x' }, ['status']));
    expect(err.message).toBe('shop: orders cannot be filtered by email');
    expect(err.platform).toBe('shop');
    expect(err.code).toBe('unsupported_filter');
    expect(err.issues).toEqual([{ field: 'email', message: 'not a orders filter shop has' }]);
  });

  it("adds the call's hint for the key after a colon", () => {
    const err = thrown(() => plain.onlyFilters('orders', { sort: {} }, [], { sort: 'no sort parameter' }));
    expect(err.message).toBe('shop: orders cannot be filtered by sort: no sort parameter');
  });

  it("falls back to the wording's hints; the call's hint wins", () => {
    const guards = filterGuards({ platform: 'shop', issue: () => 'no', hints: { sort: 'default hint' } });
    expect(thrown(() => guards.onlyFilters('orders', { sort: {} }, [])).message).toBe(
      'shop: orders cannot be filtered by sort: default hint',
    );
    expect(thrown(() => guards.onlyFilters('orders', { sort: {} }, [], { sort: 'own hint' })).message).toBe(
      'shop: orders cannot be filtered by sort: own hint',
    );
  });

  it('says `otherwise` when no hint explains the key, and only then', () => {
    const guards = filterGuards({
      platform: 'shop',
      issue: () => 'not a filter shop applies',
      otherwise: (resource, allowed) => ` (shop filters ${resource} by ${allowed.join(', ') || 'nothing'})`,
    });
    expect(
      thrown(() => guards.onlyFilters('orders', { email: 'x' }, ['status', 'createdSince'])).message,
    ).toBe('shop: orders cannot be filtered by email (shop filters orders by status, createdSince)');
    expect(thrown(() => guards.onlyFilters('products', { email: 'x' }, [])).message).toBe(
      'shop: products cannot be filtered by email (shop filters products by nothing)',
    );
    expect(thrown(() => guards.onlyFilters('orders', { email: 'x' }, [], { email: 'why' })).message).toBe(
      'shop: orders cannot be filtered by email: why',
    );
  });

  it('never refuses a `pass` key, but still refuses the others', () => {
    const guards = filterGuards({ platform: 'shop', issue: () => 'no', pass: ['sort'] });
    expect(() => guards.onlyFilters('orders', { sort: { field: 'id' } }, [])).not.toThrow();
    expect(thrown(() => guards.onlyFilters('orders', { sort: {}, email: 'x' }, [])).issues[0]?.field).toBe(
      'email',
    );
  });

  it('takes the code per key from `code`', () => {
    const guards = filterGuards({
      platform: 'shop',
      issue: () => 'no',
      code: (key) => (key === 'sort' ? 'unsupported_sort' : 'unsupported_filter'),
    });
    expect(thrown(() => guards.onlyFilters('orders', { sort: {} }, [])).code).toBe('unsupported_sort');
    expect(thrown(() => guards.onlyFilters('orders', { email: 'x' }, [])).code).toBe('unsupported_filter');
  });

  it('reads hints from own keys only: a filter named after an Object.prototype member gets no function as hint', () => {
    const guards = filterGuards({ platform: 'shop', issue: () => 'no', hints: { sort: 'h' } });
    expect(thrown(() => guards.onlyFilters('orders', { constructor: 1 }, [])).message).toBe(
      'shop: orders cannot be filtered by constructor',
    );
    expect(thrown(() => guards.onlyFilters('orders', { toString: 1 }, [], {})).message).toBe(
      'shop: orders cannot be filtered by toString',
    );
  });
});

describe('filterGuards: timeFilter', () => {
  const { timeFilter } = filterGuards({ platform: 'shop', issue: () => 'no' });

  it('passes undefined through', () => {
    expect(timeFilter('createdSince', undefined)).toBeUndefined();
  });

  it('normalises an ISO 8601 value to UTC with milliseconds', () => {
    expect(timeFilter('createdSince', '2024-01-02T03:04:05+02:00')).toBe('2024-01-02T01:04:05.000Z');
    expect(timeFilter('createdSince', '2024-01-02')).toBe('2024-01-02T00:00:00.000Z');
  });

  it('refuses anything else with invalid_input, naming the platform and the filter', () => {
    const err = thrown(() => timeFilter('updatedSince', 'yesterday'));
    expect(err.message).toBe(
      'shop: updatedSince: Invalid timestamp "yesterday": expected ISO 8601 like 2026-01-01T00:00:00Z',
    );
    expect(err.platform).toBe('shop');
    expect(err.code).toBe('invalid_input');
    expect(err.issues).toEqual([{ field: 'updatedSince', message: 'must be an ISO 8601 date-time' }]);
    expect(thrown(() => timeFilter('createdBefore', 12)).issues[0]?.field).toBe('createdBefore');
  });
});

describe('signalOf', () => {
  it('spreads a signal only when there is one', () => {
    const signal = new AbortController().signal;
    expect(signalOf({ signal })).toEqual({ signal });
    expect(signalOf({})).toEqual({});
    expect(signalOf(undefined)).toEqual({});
    expect(Object.hasOwn(signalOf({ signal: undefined }), 'signal')).toBe(false);
  });
});

describe('iterateConcurrently', () => {
  type Params = ListParams & { status?: string };
  const PAGES = [['a', 'b'], ['c', 'd'], ['e']];
  const ALL = PAGES.flat();

  /** `list` over PAGES with the cursor as the page index; records every call. */
  function lister() {
    const calls: Params[] = [];
    const list = async (params: Params): Promise<Page<string>> => {
      calls.push(params);
      const index = params.cursor ? Number(params.cursor) : 0;
      const next = index + 1 < PAGES.length ? String(index + 1) : null;
      return { items: PAGES[index] ?? [], nextCursor: next };
    };
    return { list, calls };
  }

  /** A plan over PAGES (1-based) that records the params it got and the pages fetched. */
  function planner(firstPage = 1) {
    const seen: ListParams[] = [];
    const fetched: number[] = [];
    const plan = (params: ListParams) => {
      seen.push(params);
      return {
        firstPage,
        fetchPage: async (page: number): Promise<NumberedPage<string>> => {
          fetched.push(page);
          return { items: PAGES[page - 1] ?? [], pageCount: PAGES.length };
        },
      };
    };
    return { plan, seen, fetched };
  }

  it('pages one at a time through list without concurrency, never asking for a plan', async () => {
    const { list, calls } = lister();
    const { plan, seen } = planner();
    const params = { status: 'paid' };
    expect(await collect(iterateConcurrently(list, params, 'shop', plan))).toEqual(ALL);
    expect(calls).toEqual([{ status: 'paid', cursor: null }, { cursor: '1' }, { cursor: '2' }]);
    expect(seen).toEqual([]);
    expect(await collect(iterateConcurrently(list, { concurrency: 1 }, 'shop', plan))).toEqual(ALL);
    expect(seen).toEqual([]);
  });

  it('fetches numbered pages from the plan with concurrency, passing the params minus concurrency and maxItems', async () => {
    const { list, calls } = lister();
    const { plan, seen, fetched } = planner();
    const params = { status: 'paid', concurrency: 3 };
    expect(await collect(iterateConcurrently(list, params, 'shop', plan))).toEqual(ALL);
    expect(calls).toEqual([]);
    expect(seen).toEqual([{ status: 'paid' }]);
    expect([...fetched].sort()).toEqual([1, 2, 3]);
  });

  it('starts where the plan says and stops at maxItems', async () => {
    const { list } = lister();
    const { plan, fetched } = planner(2);
    const params = { concurrency: 2, maxItems: 2 };
    expect(await collect(iterateConcurrently(list, params, 'shop', plan))).toEqual(['c', 'd']);
    expect(fetched[0]).toBe(2);
  });

  it('keeps to list when the plan is null', async () => {
    const { list, calls } = lister();
    const params = { status: 'paid', concurrency: 4, maxItems: 3 };
    const items = await collect(iterateConcurrently(list, params, 'shop', () => null));
    expect(items).toEqual(['a', 'b', 'c']);
    expect(calls[0]).toEqual({ status: 'paid', cursor: null });
  });

  it('asks for the plan lazily: nothing happens, and nothing throws, before the first record is asked for', async () => {
    const { list } = lister();
    let asked = 0;
    const iterator = iterateConcurrently(list, { concurrency: 2 }, 'shop', () => {
      asked += 1;
      throw new ValidationError('shop: bad filter');
    });
    expect(asked).toBe(0);
    await expect(iterator.next()).rejects.toThrow('shop: bad filter');
    expect(asked).toBe(1);
  });
});

describe('rawRequestVia', () => {
  function recorder(response: TransportResponse<unknown>) {
    const sent: TransportRequest[] = [];
    const send = async (req: TransportRequest) => {
      sent.push(req);
      return response;
    };
    return { send, sent };
  }

  it('sends only the fields that are set and hands back status, headers and body', async () => {
    const { send, sent } = recorder({ status: 201, headers: { 'x-a': '1' }, body: { id: 7 } });
    const request = rawRequestVia(send);
    const res = await request<{ id: number }>({ method: 'GET', path: '/things' });
    expect(sent).toEqual([{ method: 'GET', path: '/things' }]);
    expect(Object.keys(sent[0] ?? {})).toEqual(['method', 'path']);
    expect(res).toEqual({ status: 201, headers: { 'x-a': '1' }, body: { id: 7 } });
  });

  it('copies query, body, headers, signal and idempotent, keeping falsy bodies and idempotent: false', async () => {
    const { send, sent } = recorder({ status: 200, headers: {}, body: null });
    const request = rawRequestVia(send);
    const signal = new AbortController().signal;
    const full = {
      method: 'POST',
      path: '/p',
      query: { a: 1 },
      body: 0,
      headers: { h: 'v' },
      signal,
      idempotent: false,
    } as const;
    await request(full);
    await request({ method: 'PUT', path: '/q', body: null });
    expect(sent[0]).toEqual(full);
    expect(sent[0]).not.toBe(full);
    expect(sent[1]).toEqual({ method: 'PUT', path: '/q', body: null });
  });

  it('never passes fields RawRequest does not have (e.g. unlimited, anonymous)', async () => {
    const { send, sent } = recorder({ status: 200, headers: {}, body: null });
    await rawRequestVia(send)({ method: 'GET', path: '/x', unlimited: true, anonymous: true } as never);
    expect(sent[0]).toEqual({ method: 'GET', path: '/x' });
  });
});

describe('closeOnce', () => {
  it('closes once, however often and however concurrently it is called, and says when it began', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const closer = closeOnce(() => {
      calls += 1;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    expect(closer.closed).toBe(false);
    const first = closer.close();
    const second = closer.close();
    expect(closer.closed).toBe(true);
    expect(second).toBe(first);
    release();
    await first;
    expect(closer.close()).toBe(first);
    expect(calls).toBe(1);
  });

  it('works detached from its object (as an adapter method)', async () => {
    let calls = 0;
    const { close } = closeOnce(async () => {
      calls += 1;
    });
    await close();
    await close();
    expect(calls).toBe(1);
  });
});

describe('assembleAdapter', () => {
  const capabilities = {} as Capabilities;
  const orders = {} as OrdersResource;
  const products = {} as ProductsResource;

  function client() {
    const sent: TransportRequest[] = [];
    let closes = 0;
    return {
      sent,
      closes: () => closes,
      transport: { metrics: createMetrics() },
      async send(req: TransportRequest): Promise<TransportResponse<unknown>> {
        sent.push(req);
        return { status: 200, headers: {}, body: 'ok' };
      },
      async close() {
        closes += 1;
      },
    };
  }

  it("wires platform, capabilities, resources, the client's metrics, request() and a once-only close()", async () => {
    const c = client();
    const customers = {} as CustomersResource;
    const adapter = assembleAdapter('shop', capabilities, c, { customers, orders, products });
    expect(adapter.platform).toBe('shop');
    expect(adapter.capabilities).toBe(capabilities);
    expect(Object.keys(adapter.customers)).toEqual(Object.keys(customers));
    expect(Object.keys(adapter.orders)).toEqual(Object.keys(orders));
    expect(Object.keys(adapter.products)).toEqual(Object.keys(products));
    expect(adapter.metrics).toBe(c.transport.metrics);
    expect(await adapter.request({ method: 'GET', path: '/raw' })).toEqual({
      status: 200,
      headers: {},
      body: 'ok',
    });
    expect(c.sent).toEqual([{ method: 'GET', path: '/raw' }]);
    const closing = adapter.close();
    expect(adapter.close()).toBe(closing);
    await closing;
    await adapter.close();
    expect(c.closes()).toBe(1);
  });

  it("keeps a resource's extra members typed", () => {
    const customers = { ...({} as CustomersResource), updateAddress: (id: string) => `updated ${id}` };
    const adapter = assembleAdapter('shop', capabilities, client(), { customers, orders, products });
    // Compiles only while the extra member keeps its type.
    const out: string = adapter.customers.updateAddress('7');
    expect(out).toBe('updated 7');
  });
});
