/**
 * Every id-taking method puts the id into its path as ONE encoded segment: an id like `a/b?c#d`
 * or `../x` can neither change the path nor add a query. Checked at the wire (what nock saw).
 */
import type { CommerceAdapter } from '@storeport/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCommerceApiAdapter } from '../src';

const ORIGIN = 'https://api.commerce.io';
const PREFIX = '/v2';
const IDS = ['a/b?c#d', '../x', 'x/../../admin', '%2e%2e', 'ü ber'];

type Call = (shop: CommerceAdapter, id: string) => Promise<unknown>;
const CALLS: Array<[string, string, Call]> = [
  ['customers.get', '/customers', (s, id) => s.customers.get(id)],
  ['customers.update', '/customers', (s, id) => s.customers.update(id, { firstName: 'Ann' })],
  ['customers.delete', '/customers', (s, id) => s.customers.delete(id)],
  ['orders.get', '/orders', (s, id) => s.orders.get(id)],
  ['orders.updateStatus', '/orders', (s, id) => s.orders.updateStatus(id, 'cancelled', { reason: 'test' })],
  ['products.get', '/products', (s, id) => s.products.get(id)],
  ['products.update', '/products', (s, id) => s.products.update(id, { title: 'T' })],
  ['products.delete', '/products', (s, id) => s.products.delete(id)],
];

let seen: string[] = [];
/** Answers every request with a 404 and keeps the path it was sent to, undecoded. */
function record(origin: string): void {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(origin)
      .persist()
      .intercept((uri) => {
        seen.push(uri);
        return true;
      }, method)
      .reply(404, { message: 'not found' });
  }
}
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('wire: ids are one encoded path segment', () => {
  for (const [name, base, call] of CALLS) {
    it(`${name} sends ${base}/<encoded id> for ${IDS.length} hostile ids`, async () => {
      const shop = createCommerceApiAdapter({ credentials: { apiKey: 'k' }, limiter: false, retry: false });
      try {
        for (const id of IDS) {
          seen = [];
          record(ORIGIN);
          await call(shop, id).catch(() => undefined);
          nock.cleanAll();
          expect(seen.length, `${name}(${id}) sent nothing`).toBeGreaterThan(0);
          const segment = `${PREFIX}${base}/${encodeURIComponent(id)}`;
          for (const uri of seen) {
            const path = uri.split('?')[0]!;
            expect(path === segment || path.startsWith(`${segment}/`), `${name}(${id}) sent ${uri}`).toBe(
              true,
            );
            expect(uri.includes('#')).toBe(false);
          }
        }
      } finally {
        await shop.close();
      }
    });
  }
});
