import { OrderSchema, ResponseShapeError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapOrder } from '../src/map-order';
import { type WireOrder, WireOrderSchema } from '../src/wire/order';
import expected from './__fixtures__/order-4041.expected.json';
import order4041 from './__fixtures__/order-4041.json';

const wire = (raw: unknown): WireOrder => WireOrderSchema.parse(raw);
const clone = (): Record<string, unknown> => structuredClone(order4041) as Record<string, unknown>;
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('mapOrder', () => {
  it('maps the seed order 4041 to the expected unified order, keeping raw', () => {
    const order = mapOrder(wire(order4041), 'USD');
    const { raw, ...rest } = order;
    expect(rest).toEqual(expected);
    expect(raw).toEqual(order4041);
    expect(OrderSchema.parse(order)).toEqual(order);
  });

  it('reads "7.95" and 21.89 exactly, in the configured currency', () => {
    const order = mapOrder(wire(order4041), 'EUR');
    expect(order.shippingTotal).toEqual({ amount: 795, currency: 'EUR' });
    expect(order.total).toEqual({ amount: 2189, currency: 'EUR' });
    expect(order.currency).toBe('EUR');
  });

  it('takes quantities from items[].status and multiplies without float drift', () => {
    const raw = clone();
    const items = raw.items as Array<{ data: Record<string, unknown>; status: Record<string, number> }>;
    items[0]!.data.price = 0.1;
    items[0]!.status.quantity = 3;
    items.push({
      data: { ...items[0]!.data, id: 9551, price: '0.30', variant: null },
      status: { quantity: 1 },
    });
    raw.total = '8.35';
    const order = mapOrder(wire(raw), 'USD');
    expect(order.lineItems.map((l) => [l.quantity, l.unitPrice.amount, l.total.amount])).toEqual([
      [3, 10, 30],
      [1, 30, 30],
    ]);
    expect(order.lineItems[1]!.variantId).toBeNull();
    expect(order.subtotal).toEqual(usd(60));
    // 0.60 + 7.95 shipping − 8.35 total: a 0.20 discount the platform did not itemise.
    expect(order.discountTotal).toEqual(usd(20));
  });

  it('maps tax, refunds and an updated order', () => {
    const raw = clone();
    Object.assign(raw, {
      tax: 1.12,
      total: 23.01,
      refunded: '5.00',
      paid: -1,
      status: 4,
      updated_at: 1494600000,
    });
    const order = mapOrder(wire(raw), 'USD');
    expect(order).toMatchObject({
      taxTotal: usd(112),
      refundedTotal: usd(500),
      discountTotal: usd(0),
      status: 'confirmed',
      paymentStatus: 'partially_refunded',
      fulfillmentStatus: 'partially_shipped',
      updatedAt: '2017-05-12T14:40:00.000Z',
    });
  });

  it('maps a guest order without address or customer, and 0 as "never updated"', () => {
    const raw = clone();
    Object.assign(raw, { customer: null, address: null, email: null, updated_at: 0 });
    const order = mapOrder(wire(raw), 'USD');
    expect(order).toMatchObject({
      customerId: null,
      email: null,
      shippingAddress: null,
      billingAddress: null,
    });
    expect(order.updatedAt).toBe(order.createdAt);
  });

  it('takes the email from the customer when the order has none, and normalises odd countries', () => {
    const raw = clone();
    raw.email = null;
    (raw.address as { shipping: Record<string, unknown> }).shipping.country = 'us';
    (raw.address as { billing: Record<string, unknown> }).billing.country = 'United States';
    const order = mapOrder(wire(raw), 'USD');
    expect(order.email).toBe('tester@testmailhq.com');
    expect(order.shippingAddress?.country).toBe('US');
    expect(order.billingAddress?.country).toBeNull();
  });

  it('refuses an amount it cannot represent, naming the field', () => {
    const raw = clone();
    (raw.shipping as Record<string, unknown>).price = '8.165';
    const err = (() => {
      try {
        mapOrder(wire(raw), 'USD');
      } catch (e) {
        return e;
      }
    })();
    expect(ResponseShapeError.isInstance(err)).toBe(true);
    expect((err as ResponseShapeError).field).toBe('shipping.price');
    const price = clone();
    (price.items as Array<{ data: Record<string, unknown> }>)[0]!.data.price = 'lots';
    expect(() => mapOrder(wire(price), 'USD')).toThrow(/items\.0\.data\.price/);
  });

  it('rejects, at the schema, a record missing what the mapper needs', () => {
    for (const key of ['id', 'total', 'items', 'status', 'paid', 'order_date']) {
      const raw = clone();
      delete raw[key];
      const result = WireOrderSchema.safeParse(raw);
      expect(result.success, key).toBe(false);
      expect(result.error?.issues[0]?.path[0]).toBe(key);
    }
  });

  it('names every amount and time it cannot read', () => {
    const fieldOf = (change: (raw: Record<string, unknown>) => void) => {
      const raw = clone();
      change(raw);
      try {
        mapOrder(wire(raw), 'USD');
      } catch (e) {
        if (ResponseShapeError.isInstance(e)) return e.field;
        throw e;
      }
      return undefined;
    };
    expect(fieldOf((r) => Object.assign(r, { tax: '1.005' }))).toBe('tax');
    expect(fieldOf((r) => Object.assign(r, { total: '1.005' }))).toBe('total');
    expect(fieldOf((r) => Object.assign(r, { refunded: '1.005' }))).toBe('refunded');
    expect(fieldOf((r) => Object.assign(r, { order_date: 1e12 }))).toBe('order_date');
    expect(fieldOf((r) => Object.assign(r, { updated_at: 1e12 }))).toBe('updated_at');
    expect(
      fieldOf((r) => {
        const items = r.items as Array<{ data: Record<string, unknown>; status: Record<string, unknown> }>;
        items[0]!.data.price = '90071992547409.91';
        items[0]!.status.quantity = 1000;
      }),
    ).toBe('items.0');
  });
});
