import {
  CommerceError,
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
      const order = await findOrder(
        h,
        (o) => o.fulfillmentStatus === 'unfulfilled' && o.lineItems.length > 0,
      );
      if (!order) return skipWith(ctx, 'the sandbox has no unfulfilled order');
      const before = h.sandbox.store.summary('orders', order.id)?.fulfillments ?? 0;
      await h.adapter.orders.fulfill(order.id, {
        trackingNumber: `1Z${stamp}`,
        carrier: 'UPS',
        notify: false,
      });
      expect(h.sandbox.store.summary('orders', order.id)?.fulfillments).toBe(before + 1);
    });

    it('orders: refund() records the exact amount', async (ctx) => {
      if (skipUnless('orders', 'refund')()) return skipWith(ctx, `${options.name} cannot refund orders`);
      const order = await findOrder(h, (o) => o.paymentStatus === 'paid' && o.total.amount >= 100);
      if (!order) return skipWith(ctx, 'the sandbox has no paid order');
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
      const order = await findOrder(h, (o) => o.status === 'pending');
      if (!order) return skipWith(ctx, 'the sandbox has no pending order');
      const before = h.sandbox.store.summary('orders', order.id)?.status;
      const updated = await h.adapter.orders.updateStatus(order.id, 'cancelled', { reason: 'contract test' });
      expect(updated.status).toBe('cancelled');
      expect(h.sandbox.store.summary('orders', order.id)?.status).not.toBe(before);
    });

    it('bad input is rejected before any request is sent', async () => {
      const before = h.sandbox.stats.requests;
      const bad: Array<() => Promise<unknown>> = [
        () => h.adapter.customers.create({} as CustomerInput),
        () => h.adapter.customers.create({ email: 'not-an-email' }),
        () => h.adapter.products.create({ title: '' }),
        () => h.adapter.products.create({ title: 'x', price: { amount: 1.5, currency: 'USD' } }),
        () => h.adapter.products.create({ title: 'x', price: { amount: -100, currency: 'USD' } }),
        () => h.adapter.orders.refund('1', { amount: { amount: 0, currency: 'USD' } }),
        () => h.adapter.orders.fulfill('1', { lineItems: [{ id: 'a', quantity: 0 }] }),
        () => h.adapter.customers.get('..'),
      ];
      for (const call of bad) {
        const err = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(
          ValidationError.isInstance(err) || UnsupportedOperationError.isInstance(err),
          `expected a ValidationError, got ${String(err)}`,
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

    it('operations in capabilities are implemented: none throws UnsupportedOperationError', async () => {
      // Each claimed operation is called for real, on a well-formed id whose record is taken out
      // of the store for the moment, so it reaches the platform and changes nothing: a typed
      // error (NotFoundError, ValidationError...) or success is fine; UnsupportedOperationError,
      // or an untyped error, means capabilities promise what the adapter does not do.
      const sample = can(h.adapter, 'orders', 'list')
        ? (await h.adapter.orders.list({ limit: 10 })).items.find((o) => o.lineItems.length > 0)
        : undefined;
      const currency = sample?.currency ?? product.price?.currency ?? 'USD';
      const line = sample?.lineItems[0];
      const order: OrderInput = {
        ...(sample?.customerId ? { customerId: sample.customerId } : {}),
        ...(sample?.email ? { email: sample.email } : {}),
        currency,
        lineItems: [
          line?.productId || line?.variantId
            ? {
                ...(line.productId ? { productId: line.productId } : {}),
                ...(line.variantId ? { variantId: line.variantId } : {}),
                quantity: 1,
              }
            : { sku: line?.sku ?? 'CONTRACT-SKU', quantity: 1 },
        ],
        note: `contract capabilities ${stamp}`,
      };
      const creates: Record<ResourceName, unknown> = {
        customers: customer.email ? { ...customer, email: `caps-${customer.email}` } : customer,
        products: {
          ...product,
          title: `${product.title} (caps)`,
          ...(product.sku ? { sku: `${product.sku}-CAPS` } : {}),
        },
        orders: order,
      };
      const updates: Record<ResourceName, unknown> = {
        customers: { firstName: 'Capable' },
        products: { title: `Capable ${stamp}` },
        orders: { note: `capable ${stamp}` },
      };
      let checked = 0;
      for (const resource of RESOURCES) {
        const claimed = h.adapter.capabilities[resource].operations as readonly string[];
        const target = h.adapter[resource] as unknown as Record<
          string,
          (...a: unknown[]) => Promise<unknown>
        >;
        const id = h.sandbox.store.ids(resource).at(-1)!;
        const raw = h.sandbox.store.getRaw(resource, id)!;
        const existing = new Set(h.sandbox.store.ids(resource));
        h.sandbox.store.remove(resource, id);
        try {
          for (const op of claimed) {
            const args: unknown[] =
              op === 'list'
                ? [{ limit: 1 }]
                : op === 'create'
                  ? [creates[resource]]
                  : op === 'update'
                    ? [id, updates[resource]]
                    : op === 'updateStatus'
                      ? [id, 'cancelled', { reason: 'contract capabilities' }]
                      : op === 'fulfill'
                        ? [id, { notify: false }]
                        : op === 'refund'
                          ? [id, { amount: { amount: 1, currency }, notify: false }]
                          : [id];
            const fn = target[op];
            expect(typeof fn, `${resource}.${op} is in capabilities but is not a method`).toBe('function');
            const err = await fn!.apply(target, args).then(
              () => null,
              (e: unknown) => e,
            );
            checked += 1;
            expect(
              UnsupportedOperationError.isInstance(err),
              `${resource}.${op} is in capabilities, yet gave ${String(err)}`,
            ).toBe(false);
            if (err !== null) {
              expect(CommerceError.isInstance(err), `${resource}.${op} gave an untyped ${String(err)}`).toBe(
                true,
              );
              expectNoSecrets(err, h.sandbox.options);
            }
          }
        } finally {
          for (const added of h.sandbox.store.ids(resource)) {
            if (!existing.has(added)) h.sandbox.store.remove(resource, added);
          }
          h.sandbox.store.putRaw(resource, id, raw);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  });
}

async function findOrder(h: Harness, pick: (o: Order) => boolean): Promise<Order | undefined> {
  const all = await collect(h.adapter.orders.iterate({ limit: h.adapter.capabilities.orders.maxPageSize }));
  return all.find(pick);
}
