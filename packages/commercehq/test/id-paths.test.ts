/**
 * CommerceHQ ids are integers: every id-taking method sends `/api/v1/<resource>/<digits>` and
 * refuses anything else (a path, a query, dots, whitespace) before any request. Checked at the
 * wire (what nock saw). Also: a refund notifies the customer only when asked.
 */
import { ValidationError } from '@storeport/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCommerceHQAdapter } from '../src';

const ORIGIN = 'https://mystore.commercehq.com';
const HOSTILE = ['a/b?c#d', '../x', '12/../34', '12?x=1', '12#x', ' 12', '1.5', '%31'];

type Call = (shop: ReturnType<typeof createCommerceHQAdapter>, id: string) => Promise<unknown>;
const CALLS: Array<[string, string, Call]> = [
  ['customers.get', '/customers', (s, id) => s.customers.get(id)],
  ['customers.update', '/customers', (s, id) => s.customers.update(id, { firstName: 'Ann' })],
  ['customers.delete', '/customers', (s, id) => s.customers.delete(id)],
  [
    'customers.updateAddress',
    '/customers',
    (s, id) => s.customers.updateAddress(id, '7', { phone: '+17075550100' }),
  ],
  [
    'customers.updateAddress (address id)',
    '/customers',
    (s, id) =>
      id === '123'
        ? s.customers.updateAddress('123', '7', { phone: '+1' })
        : s.customers.updateAddress('123', id, { phone: '+1' }),
  ],
  ['orders.get', '/orders', (s, id) => s.orders.get(id)],
  ['orders.update', '/orders', (s, id) => s.orders.update(id, { note: 'n' })],
  ['orders.fulfill', '/orders', (s, id) => s.orders.fulfill(id, {})],
  ['orders.refund', '/orders', (s, id) => s.orders.refund(id, { amount: { amount: 100, currency: 'USD' } })],
  ['products.get', '/products', (s, id) => s.products.get(id)],
  ['products.update', '/products', (s, id) => s.products.update(id, { title: 'T' })],
  ['products.delete', '/products', (s, id) => s.products.delete(id)],
];

let seen: Array<{ method: string; uri: string; body: unknown }> = [];
/** Answers every request with a 404 and keeps where it went (undecoded) and its body. */
function record(): void {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(ORIGIN)
      .persist()
      .intercept(
        (uri) => {
          seen.push({ method, uri, body: undefined });
          return true;
        },
        method,
        (body) => {
          const last = seen.at(-1);
          if (last) last.body = body;
          return true;
        },
      )
      .reply(404, { message: 'Not found' });
  }
}

let shop: ReturnType<typeof createCommerceHQAdapter>;
beforeAll(() => nock.disableNetConnect());
afterEach(async () => {
  await shop?.close();
  nock.cleanAll();
  seen = [];
});
afterAll(() => nock.enableNetConnect());
const open = () => {
  shop = createCommerceHQAdapter({
    store: 'mystore',
    apiKey: 'key_123',
    apiPassword: 'secure-password',
    limiter: false,
    retry: false,
  });
  return shop;
};

describe('wire: ids are digits, sent as one path segment', () => {
  for (const [name, base, call] of CALLS) {
    it(`${name} sends /api/v1${base}/123 and refuses ${HOSTILE.length} non-ids unsent`, async () => {
      const s = open();
      record();
      for (const id of HOSTILE) {
        const err = await call(s, id).catch((e: unknown) => e);
        expect(ValidationError.isInstance(err), `${name}(${JSON.stringify(id)}) not refused`).toBe(true);
      }
      expect(seen, `${name}: a non-id reached the wire`).toEqual([]);
      await call(s, '123').catch(() => undefined);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0]!.uri.split('?')[0]).toMatch(new RegExp(`^/api/v1${base}/123(/|$)`));
    });
  }
});

describe('wire: refunds notify the customer only when asked', () => {
  const refundBodies = () => seen.filter((r) => r.method === 'POST' && r.uri === '/api/v1/orders/5/refund');

  it('sends notify: false without `notify`, and notify: true only with notify: true', async () => {
    const s = open();
    for (const [input, notify] of [
      [{}, false],
      [{ notify: false }, false],
      [{ notify: true }, true],
    ] as const) {
      seen = [];
      nock.cleanAll();
      nock(ORIGIN)
        .post('/api/v1/orders/5/refund', (body) => {
          seen.push({ method: 'POST', uri: '/api/v1/orders/5/refund', body });
          return true;
        })
        .reply(200, {});
      // The refreshed order afterwards is not this test's business: a 404 ends the call.
      nock(ORIGIN).get(/.*/).reply(404, { message: 'Not found' });
      await s.orders
        .refund('5', { amount: { amount: 1234, currency: 'USD' }, ...input })
        .catch(() => undefined);
      expect(refundBodies().map((r) => r.body)).toEqual([{ refund: expect.anything(), notify }]);
      expect(String((refundBodies()[0]!.body as { refund: unknown }).refund)).toBe('12.34');
    }
  });
});
