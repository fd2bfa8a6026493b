import { catchShapeError } from '@storeport/contract';
import { OrderSchema, parseWire } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapOrder, refundedCents } from '../src/map-order';
import { WireOrderSchema } from '../src/wire/order';
import club from './__fixtures__/order-club-promo-refund.json';
import pickup from './__fixtures__/order-pos-pickup.json';
import web from './__fixtures__/order-web-ship.json';

const read = (w: unknown, currency = 'USD') =>
  mapOrder(parseWire('commerce7', 'order', WireOrderSchema, w), currency);

const shapeError = (w: unknown) => catchShapeError(() => read(w));

describe('mapOrder', () => {
  for (const [name, fixture] of [
    ['the docs-shaped paid web order awaiting shipment', web],
    ['a POS pickup order handed over (tip excluded from the total)', pickup],
    ['a club shipment in transit with a promotion and a partial refund', club],
  ] as const) {
    it(`maps ${name}`, () => {
      const o = read(fixture.wire);
      expect(o).toEqual({ ...fixture.expected, raw: fixture.wire });
      expect(OrderSchema.safeParse(o).success).toBe(true);
    });
  }

  it('takes cents as they are and computes line totals as price × quantity in integers', () => {
    const items = [
      { ...club.wire.items[0], price: 1, quantity: 3 },
      { ...club.wire.items[1], price: 30, quantity: 7 },
    ];
    const o = read({ ...club.wire, items });
    expect(o.lineItems.map((l) => [l.unitPrice.amount, l.total.amount])).toEqual([
      [1, 3],
      [30, 210],
    ]);
  });

  it('reads `sku` and `productTitle` (there is no productSku)', () => {
    const o = read(web.wire);
    expect(o.lineItems[0]).toMatchObject({ sku: '2014-CS', title: '2014 Estate Cabernet Sauvignon' });
  });

  it('uses the submitted date as createdAt, falling back to createdAt', () => {
    expect(read({ ...web.wire, orderSubmittedDate: null }).createdAt).toBe('2018-12-02T18:45:17.895Z');
  });

  it('maps an order email when one is present, and an unknown status to "unknown"', () => {
    const o = read({
      ...web.wire,
      email: 'zoe@example.com',
      paymentStatus: 'On Hold',
      fulfillmentStatus: 'Queued',
    });
    expect(o).toMatchObject({
      email: 'zoe@example.com',
      status: 'unknown',
      paymentStatus: 'unknown',
      fulfillmentStatus: 'unknown',
    });
  });

  it('refuses amounts that are not whole cents, naming the field', () => {
    expect(shapeError({ ...web.wire, total: 50.4 }).field).toBe('total');
    expect(shapeError({ ...web.wire, items: [{ ...web.wire.items[0], price: 8.165 }] }).field).toBe(
      'items.0.price',
    );
    expect(shapeError({ ...web.wire, items: [{ ...web.wire.items[0], price: '4500' }] }).field).toBe(
      'items.0.price',
    );
    expect(shapeError({ ...web.wire, subTotal: undefined }).field).toBe('subTotal');
    expect(shapeError({ ...web.wire, orderNumber: '1248' }).field).toBe('orderNumber');
    expect(shapeError({ ...web.wire, orderSubmittedDate: '2018-13-45' }).field).toBe('orderSubmittedDate');
    expect(shapeError({ ...web.wire, shipTo: 'Vancouver' }).field).toBe('shipTo');
  });

  it('names every other amount and time it cannot read', () => {
    const item = web.wire.items[0];
    expect(shapeError({ ...web.wire, taxTotal: 1.5 }).field).toBe('taxTotal');
    expect(shapeError({ ...web.wire, shipTotal: 1.5 }).field).toBe('shipTotal');
    // Each promotion and tender is whole cents at the schema; their sums can still overflow.
    const big = Number.MAX_SAFE_INTEGER;
    expect(shapeError({ ...web.wire, promotions: [{ totalValue: big }, { totalValue: big }] }).field).toBe(
      'promotions',
    );
    const refund = { chargeType: 'Refund', chargeStatus: 'Success', amountTendered: big };
    expect(shapeError({ ...web.wire, tenders: [refund, refund] }).field).toBe('tenders');
    expect(shapeError({ ...web.wire, items: [item, { ...item, price: 9e13, quantity: 1000 }] }).field).toBe(
      'items.1.quantity',
    );
    expect(shapeError({ ...web.wire, orderSubmittedDate: null, createdAt: 'yesterday' }).field).toBe(
      'createdAt',
    );
    expect(shapeError({ ...web.wire, updatedAt: 'yesterday' }).field).toBe('updatedAt');
  });

  it('refunds are the successful Refund tenders, counted by absolute value', () => {
    const tender = (chargeType: string, chargeStatus: string, amountTendered: unknown) => ({
      chargeType,
      chargeStatus,
      amountTendered,
    });
    const w = {
      ...web.wire,
      tenders: [
        tender('Refund', 'Success', -300),
        tender('Refund', 'Success', 200),
        tender('Refund', 'Failed', 1000),
        tender('Sale', 'Success', 5000),
      ],
    };
    expect(refundedCents(w as Parameters<typeof refundedCents>[0])).toBe(500);
    expect(refundedCents({ ...web.wire, tenders: undefined } as Parameters<typeof refundedCents>[0])).toBe(0);
    // A refund tender without an amount counts nothing (it does not make the sum NaN).
    const noAmount = {
      ...web.wire,
      tenders: [tender('Refund', 'Success', undefined), tender('Refund', 'Success', 50)],
    };
    expect(refundedCents(noAmount as Parameters<typeof refundedCents>[0])).toBe(50);
  });
});
