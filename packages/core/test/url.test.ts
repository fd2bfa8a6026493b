import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeSegment } from '../src/transport/path';
import { buildUrl, type QueryValue } from '../src/transport/url';

/** What the transport did before the string fast path: a URL object and `searchParams.append`. */
function reference(base: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const url = new URL(base + (path.startsWith('/') ? path : `/${path}`));
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, String(item));
    else url.searchParams.append(k, String(v));
  }
  return url.toString();
}

const BASES = ['https://shop.example.test', 'https://api.commerce7.com/v1', 'http://127.0.0.1:4010/api/v1'];

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '',
    ' ',
    'a b',
    "!'()~*",
    '+&=?#',
    '%',
    '%2e',
    '..',
    'gte:2026-01-01T00:00:00.000Z',
    'btw:a|b',
  ),
);
const scalar: fc.Arbitrary<QueryValue> = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }),
);
const rawSegment = fc.oneof(
  fc.constantFrom(
    'orders',
    'customer',
    'v2',
    '.',
    '..',
    '%2e%2E',
    'a b',
    'x?y',
    'x#y',
    "it's",
    'a\\b',
    '[1]',
  ),
  fc.string({ maxLength: 6 }),
);
const path = fc.oneof(
  fc.array(rawSegment, { maxLength: 4 }).map((segs) => `/${segs.join('/')}`),
  fc.array(rawSegment, { maxLength: 3 }).map((segs) => segs.join('/')),
  fc
    .tuple(
      fc.constantFrom('/orders', '/customer', '/products'),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    )
    // The ids encodeSegment takes (core checkId refuses blank ids and dot segments).
    .filter(([, id]) => id.trim() !== '' && id !== '.' && id !== '..')
    .map(([p, id]) => `${p}/${encodeSegment(id)}`),
);

describe('buildUrl', () => {
  it('gives exactly what URL + searchParams gave, for any path and query', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        path,
        fc.option(fc.dictionary(text, scalar, { maxKeys: 5 }), { nil: undefined }),
        (base, p, query) => {
          expect(buildUrl(base, p, query)).toBe(reference(base, p, query));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('encodes the characters URLSearchParams encodes', () => {
    const query = { q: "a b!'()~*-._", list: ['x', 1], skip: undefined, none: null };
    expect(buildUrl('https://h.test', '/p', query)).toBe(
      'https://h.test/p?q=a+b%21%27%28%29%7E*-._&list=x&list=1',
    );
  });

  it('a lone surrogate becomes U+FFFD, as URLSearchParams makes it', () => {
    expect(buildUrl('https://h.test', '/p', { q: '\ud800' })).toBe('https://h.test/p?q=%EF%BF%BD');
  });

  it('resolves dot segments and escapes what the URL parser escapes, through the parser', () => {
    expect(buildUrl('https://h.test/v1', '/a/../b c', {})).toBe('https://h.test/v1/b%20c');
    expect(buildUrl('https://h.test/v1', '/a/%2e%2e/b', undefined)).toBe('https://h.test/v1/b');
  });
});
