import {
  type CustomerInput,
  type Order,
  type OrderInput,
  type ProductInput,
  type ResourceName,
  UnsupportedOperationError,
  ValidationError,
} from '@storeport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, collect, expectNoSecrets, type Harness, openHarness, RESOURCES, skipWith } from './harness';
import type { ContractOptions } from './types';

const OPS = ['list', 'get', 'create', 'update', 'delete'] as const;
const ORDER_OPS = ['updateStatus', 'fulfill', 'refund'] as const;

export function registerWriting<O extends object>(options: ContractOptions<O>): void {
  const stamp = Date.now().toString(36);
  const customer: CustomerInput = options.fixtures?.customer ?? {
    email: `contract-${stamp}@example.com`,
    firstName: 'Contract',
    lastName: 'Tester',
  };
  const product: ProductInput = options.fixtures?.product ?? {
    title: `Contract Pinot ${stamp}`,
    sku: `CT-${stamp}`,
    price: { amount: 4295, currency: 'USD' },
    inventoryQuantity: 12,
  };

  const fulfilment = { trackingNumber: `1Z${stamp}`, carrier: 'UPS', notify: false };
  // What the capabilities check creates and updates (distinct from the records above).
  const creates: Record<'customers' | 'products', unknown> = {
    customers: customer.email ? { ...customer, email: `caps-${customer.email}` } : customer,
    products: {
      ...product,
      title: `${product.title} (caps)`,
      ...(product.sku ? { sku: `${product.sku}-CAPS` } : {}),
    },
  };
  const updates: Record<ResourceName, unknown> = {
    customers: { firstName: 'Capable' },
    products: { title: `Capable ${stamp}` },
    orders: { note: `capable ${stamp}` },
  };

  describe('writing (verified through the sandbox store)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await openHarness(options);
    });
    afterAll(() => h?.close());
    const skipUnless = (resource: ResourceName, op: string) => () => !can(h.adapter, resource, op);

    it('customers: create, then update, then delete', async (ctx) => {
      if (skipUnless('customers', 'create')())
        return skipWith(ctx, `${options.name} cannot create customers`);
      const created = await h.adapter.customers.create(customer);
      const stored = h.sandbox.store.summary('customers', created.id);
      expect(stored, 'created customer is in the store').toBeDefined();
      if (customer.email) expect(stored?.email?.toLowerCase()).toBe(customer.email.toLowerCase());
      if (can(h.adapter, 'customers', 'update')) {
        const updated = await h.adapter.customers.update(created.id, { firstName: 'Renamed' });
        expect(updated.firstName).toBe('Renamed');
        expect(h.sandbox.store.summary('customers', created.id)?.firstName).toBe('Renamed');
        if (customer.email) expect(h.sandbox.store.summary('customers', created.id)?.email).toBeTruthy();
      }
      if (can(h.adapter, 'customers', 'delete')) {
        await h.adapter.customers.delete(created.id);
        const after = h.sandbox.store.summary('customers', created.id);
        expect(after === undefined || after.deleted === true).toBe(true);
      }
    });

    it('products: create, then update, then delete', async (ctx) => {
      if (skipUnless('products', 'create')()) return skipWith(ctx, `${options.name} cannot create products`);
      const created = await h.adapter.products.create(product);
      const stored = h.sandbox.store.summary('products', created.id);
      expect(stored?.title).toBe(product.title);
      if (product.price) expect(stored?.price).toBe(product.price.amount);
      expect(created.price?.amount ?? created.variants[0]?.price?.amount).toBe(product.price?.amount);
      if (can(h.adapter, 'products', 'update')) {
        const price = { amount: 1999, currency: product.price?.currency ?? 'USD' };
        const updated = await h.adapter.products.update(created.id, { title: `${product.title} v2`, price });
        expect(updated.title).toBe(`${product.title} v2`);
        expect(h.sandbox.store.summary('products', created.id)?.title).toBe(`${product.title} v2`);
        expect(h.sandbox.store.summary('products', created.id)?.price).toBe(1999);
      }
      if (can(h.adapter, 'products', 'delete')) {
        await h.adapter.products.delete(created.id);
        const after = h.sandbox.store.summary('products', created.id);
        expect(after === undefined || after.deleted === true).toBe(true);
      }
    });

    it('orders: a note written through update() lands on the order', async (ctx) => {
      if (skipUnless('orders', 'update')()) return skipWith(ctx, `${options.name} cannot update orders`);
      const id = h.sandbox.store.ids('orders')[0]!;
      const note = `contract note ${stamp}`;
      await h.adapter.orders.update(id, { note });
      expect(h.sandbox.store.summary('orders', id)?.note).toContain(note);
    });

    it('orders: fulfill() records a fulfilment with its tracking number', async (ctx) => {
      if (skipUnless('orders', 'fulfill')()) return skipWith(ctx, `${options.name} cannot fulfil orders`);
      const order = await ensureOrder(h, fulfillable, 'unfulfilled order with line items');
      const before = h.sandbox.store.summary('orders', order.id)?.fulfillments ?? 0;
      await h.adapter.orders.fulfill(order.id, fulfilment);
      expect(h.sandbox.store.summary('orders', order.id)?.fulfillments).toBe(before + 1);
    });

    it('orders: refund() records the exact amount', async (ctx) => {
      if (skipUnless('orders', 'refund')()) return skipWith(ctx, `${options.name} cannot refund orders`);
      const order = await ensureOrder(h, refundable, 'paid order');
      const before = h.sandbox.store.summary('orders', order.id)?.refunded ?? 0;
      await h.adapter.orders.refund(order.id, {
        amount: { amount: 37, currency: order.currency },
        notify: false,
      });
      expect(h.sandbox.store.summary('orders', order.id)?.refunded).toBe(before + 37);
    });

    it('orders: updateStatus() moves a pending order to cancelled', async (ctx) => {
      if (skipUnless('orders', 'updateStatus')())
        return skipWith(ctx, `${options.name} cannot change order status`);
      const order = await ensureOrder(h, pending, 'pending order');
      // The platform's own value for "cancelled" is whatever the store holds for an order the
      // adapter reads as cancelled; the write is then checked in the store, not in what it returned.
      const reference = await ensureOrder(h, (o) => o.status === 'cancelled', 'cancelled order');
      const cancelled = h.sandbox.store.summary('orders', reference.id)?.status;
      expect(cancelled ?? null, 'the store keeps no order status to compare').not.toBeNull();
      const before = h.sandbox.store.summary('orders', order.id)?.status;
      const updated = await h.adapter.orders.updateStatus(order.id, 'cancelled', { reason: 'contract test' });
      expect(updated.status).toBe('cancelled');
      const stored = h.sandbox.store.summary('orders', order.id)?.status;
      expect(stored, `the store holds ${String(stored)} (it held ${String(before)})`).toBe(cancelled);
      if (can(h.adapter, 'orders', 'get'))
        expect((await h.another().orders.get(order.id)).status).toBe('cancelled');
    });

    it('bad input is rejected before any request is sent', async (ctx) => {
      const before = h.sandbox.stats.requests;
      // Only operations in capabilities: outside them UnsupportedOperationError is right (the next
      // check), inside them it would pass an adapter that refuses valid and invalid input alike.
      const bad: Array<[ResourceName, string, () => Promise<unknown>]> = [
        ['customers', 'create', () => h.adapter.customers.create({} as CustomerInput)],
        ['customers', 'create', () => h.adapter.customers.create({ email: 'not-an-email' })],
        ['products', 'create', () => h.adapter.products.create({ title: '' })],
        [
          'products',
          'create',
          () => h.adapter.products.create({ title: 'x', price: { amount: 1.5, currency: 'USD' } }),
        ],
        [
          'products',
          'create',
          () => h.adapter.products.create({ title: 'x', price: { amount: -100, currency: 'USD' } }),
        ],
        ['orders', 'refund', () => h.adapter.orders.refund('1', { amount: { amount: 0, currency: 'USD' } })],
        ['orders', 'fulfill', () => h.adapter.orders.fulfill('1', { lineItems: [{ id: 'a', quantity: 0 }] })],
        ['customers', 'get', () => h.adapter.customers.get('..')],
      ];
      const applicable = bad.filter(([resource, op]) => can(h.adapter, resource, op));
      if (applicable.length === 0) skipWith(ctx, `${options.name} supports none of the operations checked`);
      for (const [resource, op, call] of applicable) {
        const err = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(
          ValidationError.isInstance(err),
          `${resource}.${op}: expected a ValidationError, got ${String(err)}`,
        ).toBe(true);
        expectNoSecrets(err, h.sandbox.options);
      }
      expect(h.sandbox.stats.requests).toBe(before);
    });

    it('operations outside capabilities throw UnsupportedOperationError without a request', async (ctx) => {
      const before = h.sandbox.stats.requests;
      let checked = 0;
      for (const resource of RESOURCES) {
        const ops: readonly string[] = resource === 'orders' ? [...OPS, ...ORDER_OPS] : OPS;
        for (const op of ops) {
          if (can(h.adapter, resource, op)) continue;
          checked += 1;
          const fn = (
            h.adapter[resource] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>
          )[op]!;
          const args = op === 'list' ? [{}] : op === 'get' || op === 'delete' ? ['1'] : ['1', {}];
          const err = await fn.apply(h.adapter[resource], args).then(
            () => null,
            (e: unknown) => e,
          );
          expect(
            UnsupportedOperationError.isInstance(err),
            `${resource}.${op} is not in capabilities, yet gave ${String(err)}`,
          ).toBe(true);
          expectNoSecrets(err, h.sandbox.options);
        }
      }
      expect(h.sandbox.stats.requests).toBe(before);
      if (checked === 0) skipWith(ctx, `${options.name} supports every operation`);
    });

    it('operations in capabilities are implemented: each succeeds on a record it suits', async () => {
      // Each claimed operation is called for real, on a record the data lets it succeed on (found
      // or generated like the order checks above), and must succeed: any error, typed or not,
      // means capabilities promise what the adapter does not do. The store is put back after.
      const snapshot = new Map(
        RESOURCES.map((r) => [
          r,
          new Map(h.sandbox.store.ids(r).map((id) => [id, h.sandbox.store.getRaw(r, id)!])),
        ]),
      );
      let checked = 0;
      try {
        for (const resource of RESOURCES) {
          const claimed = h.adapter.capabilities[resource].operations as readonly string[];
          const target = h.adapter[resource] as unknown as Record<
            string,
            (...a: unknown[]) => Promise<unknown>
          >;
          const existing = h.sandbox.store.ids(resource)[0]!;
          let created: string | undefined;
          for (const op of CAPABILITY_ORDER.filter((o) => claimed.includes(o))) {
            const args: unknown[] =
              op === 'list'
                ? [{ limit: 1 }]
                : op === 'create'
                  ? [resource === 'orders' ? await orderInput(h, stamp) : creates[resource]]
                  : op === 'update'
                    ? [existing, updates[resource]]
                    : op === 'updateStatus'
                      ? [
                          (await ensureOrder(h, pending, 'pending order')).id,
                          'cancelled',
                          { reason: 'contract' },
                        ]
                      : op === 'fulfill'
                        ? [(await ensureOrder(h, fulfillable, 'unfulfilled order')).id, fulfilment]
                        : op === 'refund'
                          ? await refundArgs(h)
                          : [op === 'delete' ? (created ?? h.sandbox.store.ids(resource).at(-1)!) : existing];
            const fn = target[op];
            expect(typeof fn, `${resource}.${op} is in capabilities but is not a method`).toBe('function');
            const outcome = await fn!.apply(target, args).then(
              (value) => ({ value }),
              (error: unknown) => ({ error }),
            );
            checked += 1;
            expect(
              'error' in outcome ? String(outcome.error) : null,
              `${resource}.${op} is in capabilities, yet failed`,
            ).toBeNull();
            if (op === 'create') created = (outcome as { value: { id: string } }).value.id;
          }
        }
      } finally {
        for (const [resource, raws] of snapshot) {
          for (const id of h.sandbox.store.ids(resource))
            if (!raws.has(id)) h.sandbox.store.remove(resource, id);
          for (const [id, raw] of raws) h.sandbox.store.putRaw(resource, id, raw);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  });
}

const CAPABILITY_ORDER = ['list', 'get', 'create', 'update', 'updateStatus', 'fulfill', 'refund', 'delete'];
const pending = (o: Order) => o.status === 'pending';
const fulfillable = (o: Order) => o.fulfillmentStatus === 'unfulfilled' && o.lineItems.length > 0;
const refundable = (o: Order) => o.paymentStatus === 'paid' && o.total.amount >= 100;

async function refundArgs(h: Harness): Promise<unknown[]> {
  const order = await ensureOrder(h, refundable, 'paid order');
  return [order.id, { amount: { amount: 1, currency: order.currency }, notify: false }];
}

/**
 * A new order like one the store has: its customer (by id where it has one, else by email) and
 * one of its products or SKUs, in the currency the platform prices them in (none is sent).
 */
async function orderInput(h: Harness, stamp: string): Promise<OrderInput> {
  const sample = await ensureOrder(
    h,
    (o) => o.lineItems.length > 0 && (o.customerId !== null || o.email !== null),
    'order with a customer and line items',
  );
  const line = sample.lineItems[0]!;
  return {
    ...(sample.customerId ? { customerId: sample.customerId } : { email: sample.email! }),
    lineItems: [
      line.productId || line.variantId
        ? {
            ...(line.productId ? { productId: line.productId } : {}),
            ...(line.variantId ? { variantId: line.variantId } : {}),
            quantity: 1,
          }
        : { sku: line.sku ?? 'CONTRACT-SKU', quantity: 1 },
    ],
    note: `contract capabilities ${stamp}`,
  };
}

/**
 * An order a check needs: from the seeded store or, when the seed happens to hold none, from
 * orders the sandbox generates as another client would create them, so that the check runs on
 * every adapter whose capabilities allow it whatever the seed holds (and fails, not skips, if
 * the simulator never makes such an order).
 */
export async function ensureOrder(h: Harness, pick: (o: Order) => boolean, what: string): Promise<Order> {
  const found = await findOrder(h, pick);
  if (found) return found;
  for (let round = 0; round < 10; round++) {
    const added = new Set(h.sandbox.store.insertGenerated('orders', 10));
    const fresh = await findOrder(h, (o) => added.has(o.id) && pick(o));
    if (fresh) return fresh;
  }
  throw new Error(`the sandbox generated no ${what} in 100 new orders`);
}

async function findOrder(h: Harness, pick: (o: Order) => boolean): Promise<Order | undefined> {
  const all = await collect(h.adapter.orders.iterate({ limit: h.adapter.capabilities.orders.maxPageSize }));
  return all.find(pick);
}
