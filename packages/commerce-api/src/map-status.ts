import type { FulfillmentStatus, OrderStatus, PaymentStatus, ProductStatus } from '@storeport/core';

interface StatusRow {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
}

/**
 * The API keeps one lifecycle status per order and no payment or fulfilment fields, so those two
 * are derived from it (the table in docs/adapters/commerce-api.md). A refunded order may have been
 * refunded before or after it shipped: its fulfilment is not knowable, hence `'unknown'`.
 */
export const ORDER_STATUS_TABLE: Readonly<Record<string, StatusRow>> = {
  pending: { status: 'pending', paymentStatus: 'unpaid', fulfillmentStatus: 'unfulfilled' },
  confirmed: { status: 'confirmed', paymentStatus: 'paid', fulfillmentStatus: 'unfulfilled' },
  shipped: { status: 'shipped', paymentStatus: 'paid', fulfillmentStatus: 'shipped' },
  delivered: { status: 'delivered', paymentStatus: 'paid', fulfillmentStatus: 'delivered' },
  cancelled: { status: 'cancelled', paymentStatus: 'voided', fulfillmentStatus: 'unfulfilled' },
  refunded: { status: 'refunded', paymentStatus: 'refunded', fulfillmentStatus: 'unknown' },
};

const UNKNOWN: StatusRow = { status: 'unknown', paymentStatus: 'unknown', fulfillmentStatus: 'unknown' };

export function mapOrderStatus(value: string): StatusRow {
  return Object.hasOwn(ORDER_STATUS_TABLE, value) ? ORDER_STATUS_TABLE[value]! : UNKNOWN;
}

/** `active: true` is on sale; `false` is kept but hidden, which the unified model calls a draft. */
export function mapProductStatus(active: boolean): ProductStatus {
  return active ? 'active' : 'draft';
}
