import {
  CustomerSchema,
  InvalidCursorError,
  NotFoundError,
  OrderSchema,
  ProductSchema,
  type ResourceName,
  ValidationError,
} from '@storeport/core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import {
  can,
  collect,
  expectNoSecrets,
  type Harness,
  iterateIds,
  openHarness,
  RECORDS,
  RESOURCES,
  requireOperation,
} from './harness';
import type { ContractOptions } from './types';

const SCHEMAS = { customers: CustomerSchema, orders: OrderSchema, products: ProductSchema } as const;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function registerReading<O extends object>(options: ContractOptions<O>): void {
  describe('reading', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness(options);
    });
    afterAll(() => h?.close());

    for (const resource of RESOURCES) {
      describe(resource, () => {
        const needs = (ctx: TestContext, op: string) =>
          requireOperation(ctx, h.adapter, options.name, resource, op);

        for (const size of [1, 7, 'max'] as const) {
          it(`iterate() visits every ${resource} record exactly once at page size ${size}`, async (ctx) => {
            needs(ctx, 'list');
            const limit = size === 'max' ? h.adapter.capabilities[resource].maxPageSize : size;
            const ids = await iterateIds(h.adapter, resource, { limit });
            expect(new Set(ids).size).toBe(ids.length);
            expect([...ids].sort()).toEqual([...h.sandbox.store.ids(resource)].sort());
            expect(ids.length).toBe(h.sandbox.store.count(resource));
          });
        }

        it(`every ${resource} record parses with core's schema, with string ids, exact money and ISO UTC times`, async (ctx) => {
          needs(ctx, 'list');
          const { items } = await h.adapter[resource].list({
            limit: h.adapter.capabilities[resource].maxPageSize,
          });
          expect(items.length).toBeGreaterThan(0);
          for (const item of items) {
            const parsed = SCHEMAS[resource].safeParse(item);
            expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
            expect(item.platform).toBe(options.platform);
            expect(typeof item.id).toBe('string');
            expect(item.raw).toBeDefined();
            for (const t of [item.createdAt, item.updatedAt]) if (t !== null) expect(t).toMatch(ISO_UTC);
            walkMoney(item, (m, path) => {
              expect(Number.isSafeInteger(m.amount), path).toBe(true);
              expect(m.currency, path).toMatch(/^[A-Z]{3}$/);
            });
          }
        });

        it(`list() cursors round-trip, survive serialisation and resume on a fresh adapter (${resource})`, async (ctx) => {
          needs(ctx, 'list');
          const first = await h.adapter[resource].list({ limit: 5 });
          expect(first.items).toHaveLength(5);
          expect(typeof first.nextCursor).toBe('string');
          if (first.totalCount !== undefined) expect(first.totalCount).toBe(h.sandbox.store.count(resource));
          const carried = JSON.parse(JSON.stringify({ c: first.nextCursor })).c as string;
          const second = await h.adapter[resource].list({ cursor: carried });
          const resumed = await h.another()[resource].list({ cursor: carried });
          expect(resumed.items.map((r) => r.id)).toEqual(second.items.map((r) => r.id));
          const overlap = second.items.filter((r) => first.items.some((f) => f.id === r.id));
          expect(overlap).toEqual([]);
        });

        it(`page size is capped at the platform maximum (${resource})`, async (ctx) => {
          needs(ctx, 'list');
          const max = h.adapter.capabilities[resource].maxPageSize;
          const page = await h.adapter[resource].list({ limit: 100_000 });
          expect(page.items.length).toBeLessThanOrEqual(max);
          expect(page.items.length).toBe(Math.min(max, h.sandbox.store.count(resource)));
        });

        it(`a bad limit is rejected before any request (${resource})`, async (ctx) => {
          needs(ctx, 'list');
          const before = h.sandbox.stats.requests;
          await expect(h.adapter[resource].list({ limit: 0 })).rejects.toSatisfy((e: unknown) =>
            ValidationError.isInstance(e),
          );
          await expect(h.adapter[resource].list({ limit: 2.5 })).rejects.toSatisfy((e: unknown) =>
            ValidationError.isInstance(e),
          );
          expect(h.sandbox.stats.requests).toBe(before);
        });

        it(`a tampered cursor or one from another resource is refused before any request (${resource})`, async (ctx) => {
          needs(ctx, 'list');
          const page = await h.adapter[resource].list({ limit: 2 });
          const cursor = page.nextCursor!;
          const before = h.sandbox.stats.requests;
          const flipped = cursor.slice(0, 10) + (cursor[10] === 'A' ? 'B' : 'A') + cursor.slice(11);
          await expect(h.adapter[resource].list({ cursor: flipped })).rejects.toSatisfy((e: unknown) =>
            InvalidCursorError.isInstance(e),
          );
          await expect(h.adapter[resource].list({ cursor: cursor.slice(0, -3) })).rejects.toSatisfy(
            (e: unknown) => InvalidCursorError.isInstance(e),
          );
          await expect(h.adapter[resource].list({ cursor: 'not-a-cursor' })).rejects.toSatisfy((e: unknown) =>
            InvalidCursorError.isInstance(e),
          );
          const other = RESOURCES.find((r) => r !== resource && can(h.adapter, r, 'list'));
          if (other) {
            await expect(h.adapter[other].list({ cursor })).rejects.toSatisfy((e: unknown) =>
              InvalidCursorError.isInstance(e),
            );
          }
          expect(h.sandbox.stats.requests).toBe(before);
        });

        it(`get() returns the record list() returned (${resource})`, async (ctx) => {
          needs(ctx, 'list');
          needs(ctx, 'get');
          const { items } = await h.adapter[resource].list({ limit: 3 });
          for (const item of items) {
            const got = await h.adapter[resource].get(item.id);
            expect(SCHEMAS[resource].safeParse(got).success).toBe(true);
            // The whole unified record must match, so a get() that skips relations a list() fetches
            // (e.g. no `expand`) fails here. Left out: `raw`, the platform's own payload, which
            // legitimately differs between a list and a single-record endpoint; and the fields the
            // adapter declares in `listDiffersFromGet`, each with the documented reason.
            const skipped = new Set(['raw', ...Object.keys(options.listDiffersFromGet?.[resource] ?? {})]);
            skipped.delete('id');
            const unified = (r: object) =>
              Object.fromEntries(Object.entries(r).filter(([k]) => !skipped.has(k)));
            expect(unified(got), `${resource} ${item.id}: get() differs from list()`).toEqual(unified(item));
          }
        });

        it(`get() of a missing id is NotFoundError, with no credential in it (${resource})`, async (ctx) => {
          needs(ctx, 'get');
          const id = h.sandbox.store.ids(resource).at(-1)!;
          const raw = h.sandbox.store.getRaw(resource, id)!;
          h.sandbox.store.remove(resource, id);
          try {
            const err = await h.adapter[resource].get(id).then(
              (r) => ({ resolved: r }),
              (e: unknown) => e,
            );
            const got = err instanceof Error ? String(err) : JSON.stringify(err)?.slice(0, 120);
            expect(NotFoundError.isInstance(err), `expected NotFoundError, got ${got}`).toBe(true);
            expectNoSecrets(err, h.sandbox.options);
          } finally {
            h.sandbox.store.putRaw(resource, id, raw);
          }
        });
      });
    }

    it("money amounts are the platform's own in minor units (product prices against the store)", async (ctx) => {
      requireOperation(ctx, h.adapter, options.name, 'products', 'list');
      const products = await collect(
        h.adapter.products.iterate({ limit: h.adapter.capabilities.products.maxPageSize }),
      );
      let compared = 0;
      for (const p of products) {
        const stored = h.sandbox.store.summary('products', p.id)?.price;
        if (stored === null || stored === undefined) continue;
        // The store keeps the price of a single-price product or of its first/default variant.
        const amounts = [p.price?.amount, ...p.variants.map((v) => v.price?.amount)];
        expect(amounts, `product ${p.id}: the store has ${stored} minor units`).toContain(stored);
        compared += 1;
      }
      expect(compared, 'no product price to compare').toBeGreaterThan(0);
    });

    it('records inserted while a client pages are neither lost from the original set nor duplicated', async (ctx) => {
      const resource: ResourceName = 'orders';
      requireOperation(ctx, h.adapter, options.name, resource, 'list');
      const before = new Set(h.sandbox.store.ids(resource));
      h.sandbox.faults.add({ kind: 'insert-records', resource, count: 4, after: 1, times: 2 });
      const ids = (await collect(h.adapter[resource].iterate({ limit: 5 }))).map((o) => o.id);
      h.sandbox.faults.clear();
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of before) expect(ids).toContain(id);
      expect(h.sandbox.store.count(resource)).toBe(RECORDS.orders + 8);
    });
  });
}

function walkMoney(
  value: unknown,
  visit: (m: { amount: number; currency: string }, path: string) => void,
  path = '',
) {
  if (!value || typeof value !== 'object' || path.startsWith('.raw')) return;
  const v = value as Record<string, unknown>;
  if (typeof v.amount === 'number' && typeof v.currency === 'string') {
    visit(v as { amount: number; currency: string }, path);
    return;
  }
  for (const [k, child] of Object.entries(v)) walkMoney(child, visit, `${path}.${k}`);
}
