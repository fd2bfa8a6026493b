import type { FulfillmentStatus, OrderStatus, PaymentStatus, ProductStatus } from '@storeport/core';

/**
 * CommerceHQ's order `status` is its fulfilment state (the seed: 0 not sent to fulfilment ·
 * 1 partially sent · 2 partially sent and shipped · 3 sent · 4 partially shipped · 5 shipped).
 */
export const FULFILLMENT_STATUS_TABLE: Readonly<Record<number, FulfillmentStatus>> = {
  0: 'unfulfilled',
  1: 'partially_fulfilled',
  2: 'partially_shipped',
  3: 'fulfilled',
  4: 'partially_shipped',
  5: 'shipped',
};

/** `paid` (the seed: 0 not paid · 1 paid · −1 partially refunded · −2 fully refunded). */
export const PAYMENT_STATUS_TABLE: Readonly<Record<number, PaymentStatus>> = {
  0: 'unpaid',
  1: 'paid',
  [-1]: 'partially_refunded',
  [-2]: 'refunded',
};

export function fulfillmentStatus(status: number): FulfillmentStatus {
  return FULFILLMENT_STATUS_TABLE[status] ?? 'unknown';
}

export function paymentStatus(paid: number): PaymentStatus {
  return PAYMENT_STATUS_TABLE[paid] ?? 'unknown';
}

/**
 * CommerceHQ has no overall order status (and no cancelled or delivered orders): it is derived
 * from `paid` and `status`, in this order: fully refunded → `refunded`; everything shipped
 * (status 5) → `shipped`; not paid → `pending`; paid or partially refunded → `confirmed`.
 */
export function orderStatus(status: number, paid: number): OrderStatus {
  if (paid === -2) return 'refunded';
  if (status === 5) return 'shipped';
  if (paid === 0) return 'pending';
  if (paid === 1 || paid === -1) return 'confirmed';
  return 'unknown';
}

/**
 * The search-body filter that selects exactly the orders `orderStatus` maps to `status`, or
 * `null` for a status no CommerceHQ order can have.
 */
export function orderStatusFilter(status: OrderStatus): { status?: number[]; paid: number[] } | null {
  const notShipped = [0, 1, 2, 3, 4];
  switch (status) {
    case 'refunded':
      return { paid: [-2] };
    case 'shipped':
      return { status: [5], paid: [0, 1, -1] };
    case 'pending':
      return { status: notShipped, paid: [0] };
    case 'confirmed':
      return { status: notShipped, paid: [1, -1] };
    default:
      return null;
  }
}

/** `is_draft` and `is_template` (a template to create products from is not on sale either). */
export function productStatus(isDraft: boolean | undefined, isTemplate: boolean | undefined): ProductStatus {
  return isDraft === true || isTemplate === true ? 'draft' : 'active';
}
