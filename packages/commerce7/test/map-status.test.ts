import { describe, expect, it } from 'vitest';
import {
  mapChannel,
  mapFulfillmentStatus,
  mapOrderStatus,
  mapPaymentStatus,
  type StatusInputs,
} from '../src/map-status';

const base: StatusInputs = {
  paymentStatus: 'Paid',
  fulfillmentStatus: 'Not Fulfilled',
  shippingStatus: undefined,
  orderDeliveryMethod: 'Ship',
  refunded: 0,
  total: 5000,
};
const s = (over: Partial<StatusInputs>): StatusInputs => ({ ...base, ...over });

describe('order status (derived: Commerce7 has no single status)', () => {
  it.each([
    [{}, 'confirmed'],
    [{ paymentStatus: 'Authorized' }, 'pending'],
    [{ paymentStatus: 'Cancelled' }, 'cancelled'],
    [{ paymentStatus: 'Cancelled', refunded: 2000 }, 'cancelled'],
    [{ refunded: 5000 }, 'refunded'],
    [{ paymentStatus: 'Cancelled', refunded: 5000 }, 'refunded'],
    [{ fulfillmentStatus: 'Partially Fulfilled' }, 'confirmed'],
    [{ fulfillmentStatus: 'Fulfilled' }, 'shipped'],
    [{ fulfillmentStatus: 'Fulfilled', orderDeliveryMethod: 'Pickup' }, 'delivered'],
    [{ fulfillmentStatus: 'Fulfilled', orderDeliveryMethod: 'Carry Out' }, 'delivered'],
    [{ fulfillmentStatus: 'Fulfilled', shippingStatus: 'Delivered' }, 'delivered'],
    [{ fulfillmentStatus: 'No Fulfillment Required' }, 'delivered'],
    [{ paymentStatus: 'Pending Review' }, 'unknown'],
    [{ paymentStatus: null }, 'unknown'],
    // A free order with nothing refunded is not refunded.
    [{ total: 0 }, 'confirmed'],
  ] as const)('%o → %s', (over, want) => {
    expect(mapOrderStatus(s(over))).toBe(want);
  });
});

describe('payment status', () => {
  it.each([
    [{}, 'paid'],
    [{ paymentStatus: 'Authorized' }, 'authorized'],
    [{ paymentStatus: 'Cancelled' }, 'voided'],
    [{ refunded: 1 }, 'partially_refunded'],
    [{ refunded: 5000 }, 'refunded'],
    [{ paymentStatus: 'Cancelled', refunded: 5000 }, 'refunded'],
    [{ paymentStatus: 'Authorized', refunded: 10 }, 'authorized'],
    [{ paymentStatus: 'toString' }, 'unknown'],
  ] as const)('%o → %s', (over, want) => {
    expect(mapPaymentStatus(s(over))).toBe(want);
  });
});

describe('fulfilment status', () => {
  it.each([
    [{}, 'unfulfilled'],
    [{ fulfillmentStatus: 'Partially Fulfilled' }, 'partially_fulfilled'],
    [{ fulfillmentStatus: 'Fulfilled' }, 'fulfilled'],
    [{ fulfillmentStatus: 'No Fulfillment Required' }, 'not_required'],
    [{ fulfillmentStatus: 'Fulfilled', shippingStatus: 'In Transit' }, 'shipped'],
    [{ fulfillmentStatus: 'Fulfilled', shippingStatus: 'Delivered' }, 'delivered'],
    [{ fulfillmentStatus: 'Fulfilled', shippingStatus: 'Not Tracked' }, 'fulfilled'],
    [{ fulfillmentStatus: 'Not Fulfilled', shippingStatus: 'Delivered' }, 'unfulfilled'],
    [{ fulfillmentStatus: 'On Hold' }, 'unknown'],
  ] as const)('%o → %s', (over, want) => {
    expect(mapFulfillmentStatus(s(over))).toBe(want);
  });
});

describe('channel', () => {
  it('lower-cases the channel and keeps unknown ones', () => {
    expect(['Web', 'POS', 'Club', 'Inbound', 'Marketplace', '', null].map(mapChannel)).toEqual([
      'web',
      'pos',
      'club',
      'inbound',
      'marketplace',
      null,
      null,
    ]);
  });

  it('trims the channel; a blank one is null', () => {
    expect([' Web ', '  ', '\tPOS\n'].map(mapChannel)).toEqual(['web', null, 'pos']);
  });
});
