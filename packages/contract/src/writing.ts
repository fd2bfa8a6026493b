import {
  type CustomerInput,
  type Order,
  type ProductInput,
  type ResourceName,
  UnsupportedOperationError,
  ValidationError,
} from '@storeport/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, collect, type Harness, openHarness, RESOURCES } from './harness';
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
      if (skipUnless('customers', 'create')()) return ctx.skip(`${options.name} cannot create customers`);
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
      if (skipUnless('products', 'create')()) return ctx.skip(`${options.name} cannot create products`);
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
      if (skipUnless('orders', 'update')()) return ctx.skip(`${options.name} cannot update orders`);
      const id = h.sandbox.store.ids('orders')[0]!;
      const note = `contract note ${stamp}`;
      await h.adapter.orders.update(id, { note });
      expect(h.sandbox.store.summary('orders', id)?.note).toContain(note);
    });

    it('orders: fulfill() records a fulfilment with its tracking number', async (ctx) => {
      if (skipUnless('orders', 'fulfill')()) return ctx.skip(`${options.name} cannot fulfil orders`);
      const order = await findOrder(
        h,
        (o) => o.fulfillmentStatus === 'unfulfilled' && o.lineItems.length > 0,
      );
      if (!order) return ctx.skip('the sandbox has no unfulfilled order');
      const before = h.sandbox.store.summary('orders', order.id)?.fulfillments ?? 0;
      await h.adapter.orders.fulfill(order.id, {
        trackingNumber: `1Z${stamp}`,
        carrier: 'UPS',
        notify: false,
      });
      expect(h.sandbox.store.summary('orders', order.id)?.fulfillments).toBe(before + 1);
    });

    it('orders: refund() records the exact amount', async (ctx) => {
      if (skipUnless('orders', 'refund')()) return ctx.skip(`${options.name} cannot refund orders`);
      const order = await findOrder(h, (o) => o.paymentStatus === 'paid' && o.total.amount >= 100);
      if (!order) return ctx.skip('the sandbox has no paid order');
      const before = h.sandbox.store.summary('orders', order.id)?.refunded ?? 0;
      await h.adapter.orders.refund(order.id, {
        amount: { amount: 37, currency: order.currency },
        notify: false,
      });
      expect(h.sandbox.store.summary('orders', order.id)?.refunded).toBe(before + 37);
    });

    it('orders: updateStatus() moves a pending order to cancelled', async (ctx) => {
      if (skipUnless('orders', 'updateStatus')())
        return ctx.skip(`${options.name} cannot change order status`);
      const order = await findOrder(h, (o) => o.status === 'pending');
      if (!order) return ctx.skip('the sandbox has no pending order');
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
          await expect(fn.apply(h.adapter[resource], args)).rejects.toSatisfy((e: unknown) =>
            UnsupportedOperationError.isInstance(e),
          );
        }
      }
      expect(h.sandbox.stats.requests).toBe(before);
      if (checked === 0) ctx.skip(`${options.name} supports every operation`);
    });
  });
}

async function findOrder(h: Harness, pick: (o: Order) => boolean): Promise<Order | undefined> {
  const all = await collect(h.adapter.orders.iterate({ limit: h.adapter.capabilities.orders.maxPageSize }));
  return all.find(pick);
}
