import { catchShapeError } from '@storeport/contract';
import { OrderSchema, parseWire } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapOrder } from '../src/map-order';
import { WireOrderSchema } from '../src/wire/order';
import jpy from './__fixtures__/order-jpy.json';
import minimal from './__fixtures__/order-minimal.json';
import usd from './__fixtures__/order-usd.json';

const read = (wire: unknown) => mapOrder(parseWire('commerce-api', 'order', WireOrderSchema, wire));

const shapeError = (wire: unknown) => catchShapeError(() => read(wire));

describe('mapOrder', () => {
  for (const [name, fixture] of [
    ['the seed example order, USD with a discount and 3 × 0.10', usd],
    ['a refunded yen order', jpy],
    ['required fields only, an unknown status', minimal],
  ] as const) {
    it(`maps ${name} to the expected unified order`, () => {
      const order = read(fixture.wire);
      expect(order).toEqual({ ...fixture.expected, raw: fixture.wire });
      expect(OrderSchema.safeParse(order).success).toBe(true);
    });
  }

  it('names the line field that cannot be converted exactly', () => {
    const items = [{ ...usd.wire.items[0], lineTotal: 39.985 }];
    expect(shapeError({ ...usd.wire, items }).field).toBe('items.0.lineTotal');
    expect(shapeError({ ...usd.wire, items: [{ ...usd.wire.items[0], quantity: 'two' }] }).field).toBe(
      'items.0.quantity',
    );
    expect(shapeError({ ...usd.wire, items: { unexpected: true } }).field).toBe('items');
    expect(shapeError({ ...jpy.wire, total: 3600.5 }).field).toBe('total');
    expect(shapeError({ ...usd.wire, discount: '4.03' }).field).toBe('discount');
    expect(shapeError({ ...usd.wire, status: 3 }).field).toBe('status');
  });

  it('names each money and date field it cannot read', () => {
    const item = usd.wire.items[0];
    expect(shapeError({ ...usd.wire, subtotal: 8.165 }).field).toBe('subtotal');
    expect(shapeError({ ...usd.wire, discount: 8.165 }).field).toBe('discount');
    expect(shapeError({ ...usd.wire, items: [{ ...item, unitPrice: 8.165 }] }).field).toBe(
      'items.0.unitPrice',
    );
    const huge = { ...item, unitPrice: 9e13, quantity: 1000, lineTotal: undefined };
    expect(shapeError({ ...usd.wire, items: [item, huge] }).field).toBe('items.1.quantity');
    expect(shapeError({ ...usd.wire, createdAt: 'yesterday' }).field).toBe('createdAt');
    expect(shapeError({ ...usd.wire, updatedAt: 'yesterday' }).field).toBe('updatedAt');
  });
});
