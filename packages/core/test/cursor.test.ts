import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../src/errors';
import {
  CURSOR_VERSION,
  type CursorPayload,
  decodeCursor,
  encodeCursor,
  sameFilters,
} from '../src/paging/cursor';

const base: CursorPayload = {
  platform: 'commercehq',
  resource: 'orders',
  pageSize: 20,
  filters: { updatedSince: '2026-01-01T00:00:00.000Z', status: ['paid', 'shipped'] },
  native: { page: 3 },
};
const expectation = { platform: 'commercehq', resource: 'orders' };

function cursorError(fn: () => unknown): InvalidCursorError {
  try {
    fn();
  } catch (error) {
    expect(InvalidCursorError.isInstance(error)).toBe(true);
    expect((error as InvalidCursorError).code).toBe('invalid_cursor');
    return error as InvalidCursorError;
  }
  throw new Error('expected an InvalidCursorError');
}

/** What the cursor string holds, decoded independently of the codec. */
function rawJson(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}
function toCursor(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** Reference FNV-1a 64 in BigInt. */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** Rebuild a cursor from an edited JSON object, with a valid checksum (a deliberate forgery). */
function forge(obj: Record<string, unknown>): string {
  const { c: _c, ...rest } = obj;
  const body = JSON.stringify(rest, Object.keys(rest).sort());
  return toCursor(`{"c":"${fnv1a64(body)}",${body.slice(1)}`);
}

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a payload', () => {
    const cursor = encodeCursor(base);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { ...expectation, filters: base.filters })).toEqual(base);
    expect(decodeCursor<{ page: number }>(cursor, expectation).native.page).toBe(3);
  });

  it('writes the documented format: canonical JSON { c, f, n, p, r, s, v } with an FNV-1a 64 checksum', () => {
    const cursor = encodeCursor({ ...base, filters: { z: 1, a: { y: 2, b: 3 }, u: undefined } });
    const json = rawJson(cursor);
    expect(json).toBe(
      '{"c":"' +
        fnv1a64('{"f":{"a":{"b":3,"y":2},"z":1},"n":{"page":3},"p":"commercehq","r":"orders","s":20,"v":1}') +
        '","f":{"a":{"b":3,"y":2},"z":1},"n":{"page":3},"p":"commercehq","r":"orders","s":20,"v":1}',
    );
    expect(JSON.parse(json).v).toBe(CURSOR_VERSION);
    expect(cursor).not.toContain('=');
  });

  it('checksum matches the FNV-1a 64 test vectors through the reference', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('handles UTF-8, native strings, null native state and empty filters', () => {
    const payload: CursorPayload = {
      platform: 'commerce7',
      resource: 'customers',
      pageSize: 50,
      filters: {},
      native: 'eyJzIjoiY3Vyc29yIn0=/+ünïcødé 🍷',
    };
    expect(decodeCursor(encodeCursor(payload), { platform: 'commerce7', resource: 'customers' })).toEqual(
      payload,
    );
    const nullNative = { ...payload, native: null, filters: { q: 'Pinot Noir — 2023 🍇' } };
    expect(decodeCursor(encodeCursor(nullNative), { platform: 'commerce7', resource: 'customers' })).toEqual(
      nullNative,
    );
  });

  it('drops undefined-valued filter keys and serialises Dates as JSON does', () => {
    const cursor = encodeCursor({ ...base, filters: { a: 1, b: undefined, since: new Date(0) } });
    expect(decodeCursor(cursor, expectation).filters).toEqual({ a: 1, since: '1970-01-01T00:00:00.000Z' });
    expect(
      decodeCursor(cursor, { ...expectation, filters: { since: new Date(0), a: 1, c: undefined } }).filters,
    ).toEqual({ a: 1, since: '1970-01-01T00:00:00.000Z' });
  });

  it('gives one cursor per payload, whatever the key order', () => {
    const a = encodeCursor({ ...base, filters: { x: 1, y: [1, { q: 2, p: 1 }] } });
    const b = encodeCursor({
      native: base.native,
      filters: { y: [1, { p: 1, q: 2 }], x: 1 },
      pageSize: 20,
      resource: 'orders',
      platform: 'commercehq',
    });
    expect(a).toBe(b);
  });

  it('refuses payloads it cannot encode', () => {
    const bad: Array<Partial<CursorPayload> & Record<string, unknown>> = [
      { ...base, platform: '' },
      { ...base, resource: 7 as unknown as string },
      { ...base, pageSize: 0 },
      { ...base, pageSize: 2.5 },
      { ...base, pageSize: Number.NaN },
      { ...base, filters: [] as unknown as Record<string, unknown> },
      { ...base, filters: null as unknown as Record<string, unknown> },
      { ...base, filters: { n: Number.POSITIVE_INFINITY } },
      { ...base, filters: { n: 10n } },
      { ...base, filters: { m: new Map() } },
      { ...base, native: undefined },
      { ...base, native: () => 1 },
      { ...base, filters: { ids: Array.from({ length: 2000 }, (_, i) => `id-${i}`) } },
    ];
    for (const payload of bad) {
      expect(cursorError(() => encodeCursor(payload as CursorPayload)).message).toMatch(
        /^Cannot encode cursor: /,
      );
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    cursorError(() => encodeCursor({ ...base, filters: cyclic }));
    cursorError(() => encodeCursor(null as unknown as CursorPayload));
  });
});

describe('decodeCursor rejects', () => {
  const cursor = encodeCursor(base);

  it('non-strings, empty and huge strings', () => {
    expect(cursorError(() => decodeCursor(42 as unknown as string, expectation)).message).toContain(
      'expected a string',
    );
    cursorError(() => decodeCursor(null as unknown as string, expectation));
    expect(cursorError(() => decodeCursor('', expectation)).message).toContain('empty');
    expect(cursorError(() => decodeCursor('A'.repeat(4097), expectation)).message).toContain(
      '4097 characters',
    );
    cursorError(() => decodeCursor('A'.repeat(1_000_000), expectation));
  });

  it('garbage', () => {
    for (const garbage of [
      'not a cursor',
      'abc=',
      '!!!!',
      'a+b/',
      'x',
      'AAAA',
      'e30',
      'bnVsbA',
      'W10',
      'MQ',
      '____',
    ]) {
      const e = cursorError(() => decodeCursor(garbage, expectation));
      expect(e.message).toMatch(/^Invalid cursor: /);
    }
    expect(cursorError(() => decodeCursor(toCursor('{"v":1'), expectation)).message).toContain('not JSON');
    expect(cursorError(() => decodeCursor('_w', expectation)).message).toContain('not UTF-8');
    expect(cursorError(() => decodeCursor(toCursor('[1,2]'), expectation)).message).toContain(
      'not a cursor object',
    );
  });

  it('truncated cursors, at every length', () => {
    for (let length = 1; length < cursor.length; length++) {
      cursorError(() => decodeCursor(cursor.slice(0, length), expectation));
    }
    cursorError(() => decodeCursor(cursor.slice(1), expectation));
  });

  it('padded or non-canonical base64', () => {
    cursorError(() => decodeCursor(`${cursor}=`, expectation));
    cursorError(() => decodeCursor(`${cursor}==`, expectation));
    cursorError(() => decodeCursor(` ${cursor}`, expectation));
    cursorError(() =>
      decodeCursor(
        cursor.replace(/-/g, '+').replace(/_/g, '/') + (cursor.includes('-') ? '' : '+'),
        expectation,
      ),
    );
  });

  it('a wrong version', () => {
    const obj = JSON.parse(rawJson(cursor));
    expect(cursorError(() => decodeCursor(forge({ ...obj, v: 2 }), expectation)).message).toContain(
      'cursor version 2 is not supported',
    );
    const { v: _v, ...noVersion } = obj;
    cursorError(() => decodeCursor(forge(noVersion), expectation));
  });

  it('missing or ill-typed fields', () => {
    const obj = JSON.parse(rawJson(cursor));
    const variants: Array<[Record<string, unknown>, string]> = [
      [{ ...obj, p: '' }, 'platform'],
      [{ ...obj, p: 1 }, 'platform'],
      [{ ...obj, r: null }, 'resource'],
      [{ ...obj, s: 0 }, 'page size'],
      [{ ...obj, s: '20' }, 'page size'],
      [{ ...obj, s: 1.5 }, 'page size'],
      [{ ...obj, f: [] }, 'filters'],
      [{ ...obj, f: 'x' }, 'filters'],
      [{ ...obj, extra: 1 }, 'unexpected field'],
    ];
    for (const [variant, word] of variants) {
      expect(cursorError(() => decodeCursor(forge(variant), expectation)).message).toContain(word);
    }
    const { n: _n, ...noNative } = obj;
    expect(cursorError(() => decodeCursor(forge(noNative), expectation)).message).toContain('native');
    const noChecksum = rawJson(cursor).replace(/^\{"c":"[0-9a-f]+",/, '{');
    expect(cursorError(() => decodeCursor(toCursor(noChecksum), expectation)).message).toContain('checksum');
  });

  it('a checksum mismatch: the cursor was altered', () => {
    const json = rawJson(cursor);
    const altered = json.replace('"page":3', '"page":4');
    expect(altered).not.toBe(json);
    expect(cursorError(() => decodeCursor(toCursor(altered), expectation)).message).toContain(
      'checksum mismatch: the cursor was altered',
    );
    const badSum = json.replace(
      /"c":"([0-9a-f]+)"/,
      (_m, c: string) => `"c":"${c.slice(0, 15)}${c[15] === '0' ? '1' : '0'}"`,
    );
    expect(cursorError(() => decodeCursor(toCursor(badSum), expectation)).message).toContain('altered');
  });

  it('a non-canonical body even with a correct checksum', () => {
    const json = rawJson(cursor);
    cursorError(() => decodeCursor(toCursor(json.replace(',', ', ')), expectation));
    cursorError(() => decodeCursor(toCursor(json.replace('"page":3', '"page":3.0')), expectation));
  });

  it('another platform, naming both', () => {
    const e = cursorError(() => decodeCursor(cursor, { platform: 'commerce7', resource: 'orders' }));
    expect(e.message).toContain('made for commercehq, used on commerce7');
    expect(e.platform).toBe('commerce7');
  });

  it('another resource', () => {
    expect(
      cursorError(() => decodeCursor(cursor, { ...expectation, resource: 'customers' })).message,
    ).toContain('made for orders, used on customers');
  });

  it('different filters, when filters are expected', () => {
    const e = cursorError(() =>
      decodeCursor(cursor, { ...expectation, filters: { ...base.filters, status: ['paid'] } }),
    );
    expect(e.message).toContain('different filters');
    cursorError(() => decodeCursor(cursor, { ...expectation, filters: {} }));
    cursorError(() => decodeCursor(cursor, { ...expectation, filters: { ...base.filters, extra: 1 } }));
    // Undefined-valued keys in the expectation are ignored; key order does not matter.
    expect(
      decodeCursor(cursor, {
        ...expectation,
        filters: { status: ['paid', 'shipped'], updatedSince: base.filters.updatedSince, q: undefined },
      }),
    ).toEqual(base);
  });
});

// ---- properties ----

const jsonValue = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const payloadArb: fc.Arbitrary<CursorPayload> = fc.record({
  platform: fc.constantFrom('commerce7', 'commercehq', 'commerce-api', 'my-platform'),
  resource: fc.constantFrom('customers', 'orders', 'products', 'gift-cards'),
  pageSize: fc.integer({ min: 1, max: 250 }),
  filters: fc.dictionary(fc.string({ maxLength: 8 }), jsonValue, { maxKeys: 4 }),
  native: fc.oneof(
    fc.integer({ min: 1, max: 10_000 }),
    fc.string({ maxLength: 40 }),
    fc.constant(null),
    jsonValue,
  ),
});

describe('cursor properties', () => {
  it('decode(encode(p)) equals p', () => {
    fc.assert(
      fc.property(payloadArb, (payload) => {
        const cursor = encodeCursor(payload);
        const decoded = decodeCursor(cursor, {
          platform: payload.platform,
          resource: payload.resource,
          filters: payload.filters,
        });
        expect(decoded).toEqual(payload);
        expect(encodeCursor(decoded)).toBe(cursor);
      }),
      { numRuns: 500 },
    );
  });

  it('every single-character change is rejected, never decoded as another payload', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. ';
    fc.assert(
      fc.property(
        payloadArb,
        fc.nat(),
        fc.constantFrom(...alphabet.split('')),
        (payload, index, replacement) => {
          const cursor = encodeCursor(payload);
          const at = index % cursor.length;
          fc.pre(cursor[at] !== replacement);
          const tampered = cursor.slice(0, at) + replacement + cursor.slice(at + 1);
          const expected = { platform: payload.platform, resource: payload.resource };
          let decoded: CursorPayload | undefined;
          try {
            decoded = decodeCursor(tampered, expected);
          } catch (error) {
            expect(InvalidCursorError.isInstance(error)).toBe(true);
            return;
          }
          // Allowed by the contract, but the canonical form means it should not happen at all.
          expect(decoded).toEqual(payload);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('exhaustively: every position × every base64url character of one cursor', () => {
    const cursor = encodeCursor(base);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let rejected = 0;
    for (let at = 0; at < cursor.length; at++) {
      for (const ch of alphabet) {
        if (ch === cursor[at]) continue;
        const tampered = cursor.slice(0, at) + ch + cursor.slice(at + 1);
        try {
          expect(decodeCursor(tampered, expectation)).toEqual(base);
        } catch (error) {
          expect(InvalidCursorError.isInstance(error)).toBe(true);
          rejected++;
        }
      }
    }
    expect(rejected).toBe(cursor.length * 63);
  });

  it('deleting or inserting one character is rejected', () => {
    fc.assert(
      fc.property(payloadArb, fc.nat(), fc.constantFrom(...'AQgw-_z9'.split('')), (payload, index, ch) => {
        const cursor = encodeCursor(payload);
        const expected = { platform: payload.platform, resource: payload.resource };
        const del = index % cursor.length;
        cursorError(() => decodeCursor(cursor.slice(0, del) + cursor.slice(del + 1), expected));
        const ins = index % (cursor.length + 1);
        cursorError(() => decodeCursor(cursor.slice(0, ins) + ch + cursor.slice(ins), expected));
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary strings never decode', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        cursorError(() => decodeCursor(s, expectation));
      }),
      { numRuns: 500 },
    );
  });
});

describe('sameFilters', () => {
  it('compares canonically, ignoring undefined-valued keys', () => {
    expect(sameFilters({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameFilters({ a: 1, c: undefined }, { a: 1 })).toBe(true);
    expect(sameFilters({ a: { x: undefined, y: 1 } }, { a: { y: 1 } })).toBe(true);
    expect(sameFilters({}, {})).toBe(true);
    expect(sameFilters({ since: new Date(0) }, { since: '1970-01-01T00:00:00.000Z' })).toBe(true);
    expect(sameFilters({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameFilters({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameFilters({ a: null }, {})).toBe(false);
    expect(sameFilters({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameFilters({ a: 10n }, { a: 10n })).toBe(false);
  });

  it('is symmetric and insensitive to key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), jsonValue, { maxKeys: 5 }), (filters) => {
        const reversed = Object.fromEntries(Object.entries(filters).reverse());
        expect(sameFilters(filters, reversed)).toBe(true);
        expect(sameFilters(reversed, filters)).toBe(true);
        expect(sameFilters(filters, { ...filters, 'extra-key-xyz': 1 })).toBe(false);
      }),
    );
  });
});
