import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type CommerceError, ConfigurationError, ResponseShapeError } from '../src/index';
import {
  defaultId,
  depthOver,
  MAX_RECORD_DEPTH,
  nativeCursors,
  PagingGuard,
  pageNumbers,
  parseOptions,
  readRecords,
  recordId,
  TransportSettingsSchema,
} from '../src/kit/index';

// The kit's parts on their own: the paging guard, the paging kinds, option parsing and the
// record reader. kit.test.ts checks them together, through an adapter.

function thrown(fn: () => unknown): CommerceError {
  try {
    fn();
  } catch (err) {
    return err as CommerceError;
  }
  throw new Error('expected a throw');
}

describe('PagingGuard', () => {
  it('lets a run of fresh cursors through and stops at the first repeated one, naming the platform', () => {
    const guard = new PagingGuard('toy', null);
    for (let i = 0; i < 50; i++) guard.checkNext(`c${i}`);
    const err = thrown(() => guard.checkNext('c17'));
    expect(err).toMatchObject({ platform: 'toy', code: 'pagination_loop' });
    expect(err.message).toBe('toy: the platform returned a cursor it returned before');
  });

  it('a null next is the end, never a loop', () => {
    const guard = new PagingGuard('toy', null);
    guard.checkNext(null);
    guard.checkNext(null);
    guard.checkNext('a');
    expect(() => guard.checkNext('a')).toThrow();
  });

  it('the cursor it started from counts as handed out', () => {
    expect(thrown(() => new PagingGuard('toy', 'start').checkNext('start')).code).toBe('pagination_loop');
    // Still known once the checkpoint has moved on.
    const moved = new PagingGuard('toy', 'start');
    moved.checkNext('a');
    moved.checkNext('b');
    expect(thrown(() => moved.checkNext('start')).code).toBe('pagination_loop');
    // Without a start, no cursor is known yet.
    expect(() => new PagingGuard('toy', null).checkNext('start')).not.toThrow();
  });

  it('a loop longer than the cursors remembered is still caught (by the checkpoint), within two laps', () => {
    const guard = new PagingGuard('toy', null);
    const lap = 1_500;
    let steps = 0;
    const err = thrown(() => {
      for (;;) {
        guard.checkNext(`c${steps % lap}`);
        steps += 1;
        if (steps > 10 * lap) throw new Error('never caught');
      }
    });
    expect(err.code).toBe('pagination_loop');
    expect(steps).toBeGreaterThan(lap);
    expect(steps).toBeLessThanOrEqual(3 * lap);
  });

  it('remembers the last 1,000 cursors exactly: the 1,000th back is a loop, older ones only by checkpoint', () => {
    const guard = new PagingGuard('toy', null);
    // 1,024 steps: the checkpoint is then c1023 (powers of two: steps 1, 2, 4, …, 512 → c1022?).
    for (let i = 0; i < 1_100; i++) guard.checkNext(`c${i}`);
    expect(thrown(() => guard.checkNext('c100')).code).toBe('pagination_loop');
    const fresh = new PagingGuard('toy', null);
    for (let i = 0; i < 1_100; i++) fresh.checkNext(`c${i}`);
    // c0..c99 have been forgotten (and none is the checkpoint): no error.
    expect(() => fresh.checkNext('c5')).not.toThrow();
  });

  it('a page whose records were all on the pages just before it is a stall', () => {
    const guard = new PagingGuard('toy', null);
    guard.checkPage(['1', '2']);
    guard.checkPage(['3', '4']);
    const err = thrown(() => guard.checkPage(['2', '3']));
    expect(err).toMatchObject({ platform: 'toy', code: 'pagination_stalled' });
    expect(err.message).toBe(
      'toy: a page held only records already listed: the platform (or a proxy) is not moving to the next page',
    );
  });

  it('a page with one new record, the first page, and an empty page are not stalls', () => {
    const guard = new PagingGuard('toy', null);
    guard.checkPage(['1', '2']);
    guard.checkPage(['2', '3']);
    guard.checkPage([]);
    guard.checkPage([]);
    // An empty page is one of the pages remembered: '1' is now three pages back and forgotten.
    expect(() => guard.checkPage(['3'])).toThrow();
    expect(() => guard.checkPage(['1'])).not.toThrow();
    expect(() => new PagingGuard('toy', null).checkPage(['1', '1'])).not.toThrow();
  });

  it('a page with a record of unknown id is not judged, but its known ids are remembered', () => {
    const guard = new PagingGuard('toy', null);
    guard.checkPage(['1', null]);
    expect(() => guard.checkPage(['1', null])).not.toThrow();
    expect(() => guard.checkPage(['1'])).toThrow();
  });

  it('remembers the ids of the last three pages only', () => {
    const guard = new PagingGuard('toy', null);
    for (const id of ['a', 'b', 'c', 'd']) guard.checkPage([id]);
    expect(() => guard.checkPage(['a'])).not.toThrow();
    expect(() => guard.checkPage(['c'])).toThrow();
  });
});

describe('pageNumbers', () => {
  const paging = pageNumbers();
  it('accepts { page } with a safe integer from the first page on, and nothing else', () => {
    expect(paging.accepts({ page: 1 })).toBe(true);
    expect(paging.accepts({ page: 9_000 })).toBe(true);
    for (const bad of [
      { page: 0 },
      { page: -1 },
      { page: 1.5 },
      { page: '2' },
      { page: 2 ** 53 },
      { page: 2, extra: 1 },
      {},
      null,
      2,
      'page',
      [2],
    ])
      expect(paging.accepts(bad), JSON.stringify(bad)).toBe(false);
  });

  it('counts from the first page it is given', () => {
    const zero = pageNumbers(0);
    expect(zero.accepts({ page: 0 })).toBe(true);
    expect(zero.accepts({ page: -1 })).toBe(false);
    expect(pageNumbers(2).accepts({ page: 1 })).toBe(false);
    expect(pageNumbers(2).accepts({ page: 2 })).toBe(true);
    expect(zero.numbered!.numberOf(undefined)).toBe(0);
    expect(paging.numbered!.numberOf(undefined)).toBe(1);
    expect(paging.numbered!.numberOf({ page: 7 })).toBe(7);
    expect(paging.numbered!.at(3)).toStrictEqual({ page: 3 });
  });
});

describe('nativeCursors', () => {
  it('accepts non-empty strings up to 2,048 characters that are not reserved', () => {
    const paging = nativeCursors(['first']);
    expect(paging.accepts('abc')).toBe(true);
    expect(paging.accepts('x'.repeat(2048))).toBe(true);
    expect(paging.accepts('x'.repeat(2049))).toBe(false);
    expect(paging.accepts('')).toBe(false);
    expect(paging.accepts('first')).toBe(false);
    expect(paging.accepts(5)).toBe(false);
    expect(paging.accepts({ page: 1 })).toBe(false);
    expect(paging.accepts(['abc'])).toBe(false);
    expect(paging.numbered).toBeUndefined();
    expect(nativeCursors().accepts('first')).toBe(true);
  });
});

describe('parseOptions', () => {
  const Schema = TransportSettingsSchema.extend({
    tenant: z.string().min(1),
    nested: z.object({ a: z.number() }).optional(),
  });

  it('returns the parsed options', () => {
    const fetch = async () => new Response();
    const limiter = { schedule: async () => undefined };
    expect(parseOptions('toy', Schema, { tenant: 't', fetch, limiter, retry: false })).toStrictEqual({
      tenant: 't',
      fetch,
      limiter,
      retry: false,
    });
    expect(parseOptions('toy', Schema, { tenant: 't', limiter: false }).limiter).toBe(false);
  });

  it('no options object at all is "options are required"', () => {
    for (const input of [undefined, null, 'tenant', 5]) {
      const err = thrown(() => parseOptions('toy', Schema, input));
      expect(ConfigurationError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ platform: 'toy', code: 'invalid_options' });
      expect(err.message).toBe('@storeport/toy: options are required');
    }
  });

  it('a missing option is "is required"; a wrong one gives the reason; never the value', () => {
    const missing = thrown(() => parseOptions('toy', Schema, {}));
    expect(ConfigurationError.isInstance(missing)).toBe(true);
    expect(missing).toMatchObject({ platform: 'toy', code: 'invalid_options' });
    expect(missing.message).toBe('@storeport/toy: "tenant" is required');
    const wrongType = thrown(() => parseOptions('toy', Schema, { tenant: 12345 }));
    expect(wrongType.message).toMatch(/^@storeport\/toy: "tenant" /);
    expect(wrongType.message).not.toContain('is required');
    expect(wrongType.message).not.toContain('12345');
    const tooShort = thrown(() => parseOptions('toy', Schema, { tenant: '' }));
    expect(tooShort.message).toMatch(/^@storeport\/toy: "tenant" .*>=1/);
  });

  it('a nested option is named by its path', () => {
    const err = thrown(() => parseOptions('toy', Schema, { tenant: 't', nested: { a: 'x' } }));
    expect(err.message).toMatch(/^@storeport\/toy: "nested\.a" /);
    expect(err.message).not.toContain('is required');
  });

  it('a schema-level issue is named "options"', () => {
    const Whole = z.object({ a: z.number().optional() }).refine((o) => o.a !== 1, 'a must not be 1');
    expect(thrown(() => parseOptions('toy', Whole, { a: 1 })).message).toBe(
      '@storeport/toy: "options" a must not be 1',
    );
  });

  it('fetch must be a function and limiter an object with schedule() (or false)', () => {
    expect(thrown(() => parseOptions('toy', Schema, { tenant: 't', fetch: 'x' })).message).toBe(
      '@storeport/toy: "fetch" must be a fetch function',
    );
    const callable = Object.assign(() => undefined, { schedule: async () => undefined });
    for (const limiter of [true, {}, null, { schedule: 1 }, () => undefined, callable])
      expect(thrown(() => parseOptions('toy', Schema, { tenant: 't', limiter })).message).toContain(
        '"limiter"',
      );
    // Inside the union, the reason is one of the union's issues.
    const limiter = TransportSettingsSchema.safeParse({ limiter: {} });
    expect(JSON.stringify(limiter.error?.issues)).toContain('must have a schedule() method, or be false');
    expect(TransportSettingsSchema.safeParse({ limiter: { schedule: () => 1 } }).success).toBe(true);
  });
});

describe('readRecords', () => {
  const Wire = z.object({ id: z.number(), name: z.string() });
  const reader = { wire: Wire, map: (w: z.infer<typeof Wire>) => `${w.id}:${w.name}` };

  it('maps good records and reports bad ones in place, with index, id, issues and raw', () => {
    const out = readRecords([{ id: 1, name: 'a' }, { id: 2 }, { id: 3, name: 'c' }], reader);
    expect(out).toStrictEqual([
      { index: 0, item: '1:a' },
      {
        index: 1,
        invalid: {
          index: 1,
          id: '2',
          issues: [
            { field: 'name', message: expect.stringContaining('expected string'), code: 'invalid_type' },
          ],
          raw: { id: 2 },
        },
      },
      { index: 2, item: '3:c' },
    ]);
  });

  it('a record that is not an object is a "(record)" issue; a nested field is named by its dotted path', () => {
    const Nested = z.object({ a: z.object({ b: z.array(z.string()) }) });
    const [n] = readRecords([{ a: { b: ['x', 1] } }], { wire: Nested, map: (w) => w });
    expect(n).toMatchObject({ invalid: { issues: [{ field: 'a.b.1' }] } });
    const [r] = readRecords(['text'], reader);
    expect(r).toMatchObject({ invalid: { id: null, issues: [{ field: '(record)', code: 'invalid_type' }] } });
  });

  it('reports at most ten issues of a record, each message cut to 160 characters', () => {
    const Many = z.object(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, z.string()])));
    const [r] = readRecords([{}], { wire: Many, map: (w) => w });
    expect((r as { invalid: { issues: unknown[] } }).invalid.issues).toHaveLength(10);
    const Long = z.object({ a: z.string().refine(() => false, 'x'.repeat(500)) });
    const [l] = readRecords([{ a: 'v' }], { wire: Long, map: (w) => w });
    const message = (l as { invalid: { issues: Array<{ message: string }> } }).invalid.issues[0]!.message;
    expect(message).toBe(`${'x'.repeat(160)}…`);
    const Exact = z.object({ a: z.string().refine(() => false, 'y'.repeat(160)) });
    const [e] = readRecords([{ a: 'v' }], { wire: Exact, map: (w) => w });
    expect((e as { invalid: { issues: Array<{ message: string }> } }).invalid.issues[0]!.message).toBe(
      'y'.repeat(160),
    );
  });

  it('a shape error from the mapper rejects that record with its field; any other error is thrown', () => {
    const shape = readRecords([{ id: 1, name: 'a' }], {
      wire: Wire,
      map: () => {
        throw new ResponseShapeError('bad', { platform: 'toy', field: 'name' });
      },
    });
    expect(shape).toStrictEqual([
      {
        index: 0,
        invalid: {
          index: 0,
          id: '1',
          issues: [{ field: 'name', message: 'bad' }],
          raw: { id: 1, name: 'a' },
        },
      },
    ]);
    const bug = new TypeError('bug');
    expect(() =>
      readRecords([{ id: 1, name: 'a' }], {
        wire: Wire,
        map: () => {
          throw bug;
        },
      }),
    ).toThrow(bug);
  });

  it('a record nested deeper than the limit is refused as too deep, before its schema is applied', () => {
    let deep: unknown = { id: 1, name: 'a' };
    for (let i = 0; i < MAX_RECORD_DEPTH; i++) deep = { d: deep };
    const loose = { wire: z.unknown(), map: () => 'ok', idOf: () => 'x' };
    const [r] = readRecords([{ id: 1, d: deep }], loose);
    expect(r).toStrictEqual({
      index: 0,
      invalid: {
        index: 0,
        id: 'x',
        issues: [{ field: '(record)', message: 'nested deeper than 64 levels', code: 'too_deep' }],
        raw: { id: 1, d: deep },
      },
    });
  });
});

describe('depthOver', () => {
  const nest = (n: number, leaf: unknown = 1) => {
    let v: unknown = leaf;
    for (let i = 0; i < n; i++) v = { d: v };
    return v;
  };
  it('counts object and array nesting; scalars are depth zero', () => {
    expect(depthOver(1, 0)).toBe(false);
    expect(depthOver(null, 0)).toBe(false);
    expect(depthOver({}, 0)).toBe(true);
    expect(depthOver({}, 1)).toBe(false);
    expect(depthOver(nest(3), 2)).toBe(true);
    expect(depthOver(nest(3), 3)).toBe(false);
    expect(depthOver([[[1]]], 2)).toBe(true);
    expect(depthOver([[[1]]], 3)).toBe(false);
    // The deep branch is found beside shallow ones, in arrays and objects.
    expect(depthOver({ a: 1, b: [nest(5)], c: null }, 6)).toBe(true);
    expect(depthOver({ a: 1, b: [nest(5)], c: null }, 7)).toBe(false);
    expect(depthOver([1, 'x', [null, { a: nest(2) }]], 4)).toBe(true);
    expect(depthOver(nest(100_000), 64)).toBe(true);
  });
});

describe('defaultId and recordId', () => {
  it('an id is a non-empty string (cut when long) or a finite number', () => {
    expect(defaultId({ id: 'a1' })).toBe('a1');
    expect(defaultId({ id: 7 })).toBe('7');
    expect(defaultId({ id: 0 })).toBe('0');
    expect(defaultId({ id: '' })).toBeNull();
    expect(defaultId({ id: Number.NaN })).toBeNull();
    expect(defaultId({ id: Number.POSITIVE_INFINITY })).toBeNull();
    expect(defaultId({ id: true })).toBeNull();
    expect(defaultId({})).toBeNull();
    expect(defaultId(null)).toBeNull();
    expect(defaultId('id')).toBeNull();
    expect(defaultId({ id: 'z'.repeat(200) })).toBe(`${'z'.repeat(160)}…`);
    expect(defaultId({ orderId: 5, id: 1 }, 'orderId')).toBe('5');
  });

  it("recordId uses the reader's idOf, null when it throws, else the id", () => {
    const wire = z.unknown();
    const map = (w: unknown) => w;
    expect(recordId({ id: 1, key: 'k' }, { wire, map, idOf: (r) => (r as { key: string }).key })).toBe('k');
    expect(
      recordId(
        { id: 1 },
        {
          wire,
          map,
          idOf: () => {
            throw new Error('no');
          },
        },
      ),
    ).toBeNull();
    expect(recordId({ id: 1 }, { wire, map })).toBe('1');
  });
});
