import { describe, expect, it } from 'vitest';
import {
  fulfillmentStatus,
  orderStatus,
  orderStatusFilter,
  paymentStatus,
  productStatus,
} from '../src/map-status';

describe('CommerceHQ statuses', () => {
  it('maps each fulfilment status 0–5, and anything else to unknown', () => {
    expect([0, 1, 2, 3, 4, 5, 6, -1].map(fulfillmentStatus)).toEqual([
      'unfulfilled',
      'partially_fulfilled',
      'partially_shipped',
      'fulfilled',
      'partially_shipped',
      'shipped',
      'unknown',
      'unknown',
    ]);
  });

  it('maps each paid value 0, 1, −1, −2, and anything else to unknown', () => {
    expect([0, 1, -1, -2, 2].map(paymentStatus)).toEqual([
      'unpaid',
      'paid',
      'partially_refunded',
      'refunded',
      'unknown',
    ]);
  });

  it('derives the order status: refunded, then shipped, then pending/confirmed by payment', () => {
    expect(orderStatus(0, 0)).toBe('pending');
    expect(orderStatus(3, 0)).toBe('pending');
    expect(orderStatus(0, 1)).toBe('confirmed');
    expect(orderStatus(4, -1)).toBe('confirmed');
    expect(orderStatus(5, 1)).toBe('shipped');
    expect(orderStatus(5, 0)).toBe('shipped');
    expect(orderStatus(5, -2)).toBe('refunded');
    expect(orderStatus(2, -2)).toBe('refunded');
    expect(orderStatus(1, 7)).toBe('unknown');
  });

  it('searches for exactly the orders each unified status maps from', () => {
    for (const unified of [
      'pending',
      'confirmed',
      'shipped',
      'refunded',
      'cancelled',
      'delivered',
    ] as const) {
      const filter = orderStatusFilter(unified);
      for (const status of [0, 1, 2, 3, 4, 5]) {
        for (const paid of [0, 1, -1, -2]) {
          const selected =
            filter !== null && (filter.status ?? [status]).includes(status) && filter.paid.includes(paid);
          expect(selected, `${unified} ${status}/${paid}`).toBe(orderStatus(status, paid) === unified);
        }
      }
    }
    expect(orderStatusFilter('cancelled')).toBeNull();
  });

  it('maps drafts and templates to draft, the rest to active', () => {
    expect(productStatus(false, false)).toBe('active');
    expect(productStatus(undefined, undefined)).toBe('active');
    expect(productStatus(true, false)).toBe('draft');
    expect(productStatus(false, true)).toBe('draft');
  });
});
