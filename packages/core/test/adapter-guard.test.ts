import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../src/adapter';
import { assembleAdapter } from '../src/adapter-kit';
import { AdapterClosedError, ValidationError } from '../src/errors';
import { checkId } from '../src/ids';
import { createMetrics } from '../src/transport/metrics';
import { encodePath, encodeSegment } from '../src/transport/path';

const BAD: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  '\t\n',
  '.',
  '..',
  '\ud800',
  'a\udfffb',
  {},
  [],
  true,
  Number.NaN,
  Infinity,
];

describe('checkId', () => {
  it.each(BAD.map((id) => [String(typeof id === 'string' ? JSON.stringify(id) : id), id]))(
    'refuses %s with a ValidationError (invalid_id), never a raw URIError',
    (_name, id) => {
      let err: unknown;
      try {
        checkId(id, { platform: 'commerce7' });
      } catch (e) {
        err = e;
      }
      expect(ValidationError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ code: 'invalid_id', platform: 'commerce7', issues: [{ field: 'id' }] });
      expect(() => encodeSegment(id as string)).toThrow(ValidationError);
    },
  );

  it('keeps good ids (a paired surrogate, a number) and encodes them as one segment', () => {
    expect(checkId('😀')).toBe('😀');
    expect(checkId(42)).toBe('42');
    expect(encodePath`/o/${'a/b?c#d'}/x`).toBe('/o/a%2Fb%3Fc%23d/x');
  });
});

function kit() {
  const sent: string[] = [];
  const called: string[] = [];
  const resource = (name: string) => ({
    list: async () => {
      called.push(`${name}.list`);
      return { items: [], nextCursor: null };
    },
    iterate: () =>
      (async function* () {
        called.push(`${name}.iterate`);
        yield { id: '1' };
        yield { id: '2' };
      })(),
    get: async (id: string) => {
      called.push(`${name}.get ${id}`);
      return { id };
    },
    create: async () => ({}),
    update: async (id: string) => ({ id }),
    delete: async () => undefined,
    updateStatus: async (id: string) => ({ id }),
    fulfill: async (id: string) => ({ id }),
    refund: async (id: string) => ({ id }),
    updateAddress: async (a: string, b: string) => ({ a, b }),
  });
  let closes = 0;
  const adapter = assembleAdapter(
    'commerce7',
    {} as Capabilities,
    {
      send: async (req) => {
        sent.push(req.path);
        return { status: 200, headers: {}, body: null } as never;
      },
      close: async () => {
        closes += 1;
      },
      transport: { metrics: createMetrics() },
    },
    { customers: resource('customers'), orders: resource('orders'), products: resource('products') } as never,
    { customers: { updateAddress: [0, 1] } },
  );
  // Loosely typed: the tests call methods by name and with inputs the guard must refuse first.
  type Loose = Record<string, (...args: unknown[]) => Promise<unknown>>;
  const loose = adapter as unknown as {
    customers: Loose;
    orders: Loose;
    products: { iterate(): AsyncIterator<unknown> };
    close(): Promise<void>;
    request(r: { method: 'GET'; path: string }): Promise<unknown>;
  };
  return { adapter: loose, sent, called, closes: () => closes };
}

describe('assembleAdapter guards', () => {
  it('refuses a bad id on every id-taking method (and both ids of a declared extra) before calling it', async () => {
    const { adapter, called } = kit();
    for (const op of ['get', 'update', 'delete', 'updateStatus', 'fulfill', 'refund']) {
      await expect(adapter.orders[op]!('')).rejects.toBeInstanceOf(ValidationError);
      await expect(adapter.orders[op]!('\ud800')).rejects.toMatchObject({ code: 'invalid_id' });
    }
    await expect(adapter.customers.updateAddress!('1', ' ')).rejects.toMatchObject({
      issues: [{ field: 'argument 2' }],
    });
    expect(called).toEqual([]);
    await expect(adapter.orders.get!('7')).resolves.toEqual({ id: '7' });
  });

  it('after close(), every method, iterate (also mid-way) and request reject with AdapterClosedError; close runs once', async () => {
    const { adapter, sent, called, closes } = kit();
    const it = adapter.products.iterate();
    expect(await it.next()).toEqual({ done: false, value: { id: '1' } });
    await Promise.all([adapter.close(), adapter.close()]);
    await adapter.close();
    expect(closes()).toBe(1);
    await expect(it.next()).rejects.toBeInstanceOf(AdapterClosedError);
    const calls = [
      () => adapter.customers.list!(),
      () => adapter.orders.get!('1'),
      () => adapter.orders.refund!('1', {}),
      () => adapter.customers.updateAddress!('1', '2'),
      () => adapter.products.iterate().next(),
      () => adapter.request({ method: 'GET', path: '/x' }),
    ];
    for (const call of calls) {
      const err = await call().catch((e: unknown) => e);
      expect(AdapterClosedError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ code: 'adapter_closed', platform: 'commerce7' });
    }
    expect(sent).toEqual([]);
    expect(called).toEqual(['products.iterate']);
  });
});
