import { FulfillmentStatusSchema, OrderStatusSchema, PaymentStatusSchema } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapOrderStatus, mapProductStatus, ORDER_STATUS_TABLE } from '../src/map-status';

describe('status mapping', () => {
  it('maps each of the six order statuses, as documented', () => {
    expect(
      Object.fromEntries(Object.keys(ORDER_STATUS_TABLE).map((s) => [s, Object.values(mapOrderStatus(s))])),
    ).toEqual({
      pending: ['pending', 'unpaid', 'unfulfilled'],
      confirmed: ['confirmed', 'paid', 'unfulfilled'],
      shipped: ['shipped', 'paid', 'shipped'],
      delivered: ['delivered', 'paid', 'delivered'],
      cancelled: ['cancelled', 'voided', 'unfulfilled'],
      refunded: ['refunded', 'refunded', 'unknown'],
    });
  });

  it('every mapped value is in the unified enums', () => {
    for (const row of Object.values(ORDER_STATUS_TABLE)) {
      expect(OrderStatusSchema.parse(row.status)).toBe(row.status);
      expect(PaymentStatusSchema.parse(row.paymentStatus)).toBe(row.paymentStatus);
      expect(FulfillmentStatusSchema.parse(row.fulfillmentStatus)).toBe(row.fulfillmentStatus);
    }
  });

  it('maps an unknown status (or an inherited property name) to unknown', () => {
    expect(mapOrderStatus('on_hold')).toEqual({
      status: 'unknown',
      paymentStatus: 'unknown',
      fulfillmentStatus: 'unknown',
    });
    expect(mapOrderStatus('toString').status).toBe('unknown');
    expect(mapOrderStatus('Pending').status).toBe('unknown');
  });

  it('maps active to active and inactive to draft', () => {
    expect([mapProductStatus(true), mapProductStatus(false)]).toEqual(['active', 'draft']);
  });
});
