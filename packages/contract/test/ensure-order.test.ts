/**
 * The order checks of the writing group get the data they need whatever the seed holds:
 * `ensureOrder` generates orders in the sandbox until one fits, and fails (it never skips) when
 * none ever does.
 */
import { createCommerceHQAdapter } from '@storeport/commercehq';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, openHarness } from '../src/harness';
import { ensureOrder } from '../src/writing';

const chq = {
  name: 'commercehq',
  platform: 'commercehq' as const,
  createAdapter: (o: object) => createCommerceHQAdapter(o as never),
};

describe('ensureOrder', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it('takes a seeded order that fits, adding none', async () => {
    h = await openHarness(chq);
    const before = h.sandbox.store.count('orders');
    const order = await ensureOrder(h, (o) => o.lineItems.length > 0, 'order with line items');
    expect(h.sandbox.store.ids('orders')).toContain(order.id);
    expect(h.sandbox.store.count('orders')).toBe(before);
  });

  it('generates orders when the seed holds none that fits', async () => {
    h = await openHarness(chq, {}, { records: { customers: 5, products: 5, orders: 0 } });
    expect(h.sandbox.store.count('orders')).toBe(0);
    const order = await ensureOrder(h, (o) => o.fulfillmentStatus === 'unfulfilled', 'unfulfilled order');
    expect(order.fulfillmentStatus).toBe('unfulfilled');
    expect(h.sandbox.store.ids('orders')).toContain(order.id);
  });

  it('fails, naming what it looked for, when no generated order fits', async () => {
    h = await openHarness(chq, {}, { records: { customers: 5, products: 5, orders: 0 } });
    await expect(ensureOrder(h, () => false, 'order from the future')).rejects.toThrow(
      'the sandbox generated no order from the future in 100 new orders',
    );
    expect(h.sandbox.store.count('orders')).toBe(100);
  });
});
