import type { FulfillmentStatus, OrderStatus, PaymentStatus, ProductStatus } from '@storeport/core';

/**
 * Commerce7 has no single order status: an order has a `paymentStatus` (Paid, Authorized,
 * Cancelled — cancellation shows only here), a `fulfillmentStatus`, a delivery method and, in the
 * docs' enum table only, a `shippingStatus`. The unified statuses are derived from them; values
 * this table does not know become `'unknown'` (the original stays in `raw`).
 */

/** `fulfillmentStatus` → unified fulfilment status. */
export const FULFILLMENT_STATUS_TABLE: Readonly<Record<string, FulfillmentStatus>> = {
  'Not Fulfilled': 'unfulfilled',
  'Partially Fulfilled': 'partially_fulfilled',
  Fulfilled: 'fulfilled',
  'No Fulfillment Required': 'not_required',
};

/** `shippingStatus` (when an order carries it) refines a fulfilled order. */
export const SHIPPING_STATUS_TABLE: Readonly<Record<string, FulfillmentStatus | null>> = {
  'Not Tracked': null,
  Pending: null,
  'In Transit': 'shipped',
  Delivered: 'delivered',
};

/** `paymentStatus` → unified payment status, before refunds are counted. */
export const PAYMENT_STATUS_TABLE: Readonly<Record<string, PaymentStatus>> = {
  Paid: 'paid',
  Authorized: 'authorized',
  Cancelled: 'voided',
};

const own = <T>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

export interface StatusInputs {
  paymentStatus: string | null | undefined;
  fulfillmentStatus: string | null | undefined;
  shippingStatus: string | null | undefined;
  orderDeliveryMethod: string | null | undefined;
  /** Cents refunded through successful refund tenders. */
  refunded: number;
  /** The order total in cents. */
  total: number;
}

export function mapFulfillmentStatus(s: StatusInputs): FulfillmentStatus {
  const base = own(FULFILLMENT_STATUS_TABLE, s.fulfillmentStatus) ?? 'unknown';
  const shipping = own(SHIPPING_STATUS_TABLE, s.shippingStatus);
  if (base === 'fulfilled' && shipping) return shipping;
  return base;
}

export function mapPaymentStatus(s: StatusInputs): PaymentStatus {
  const base = own(PAYMENT_STATUS_TABLE, s.paymentStatus) ?? 'unknown';
  if (s.refunded > 0 && (base === 'paid' || base === 'voided')) {
    return s.refunded >= s.total ? 'refunded' : 'partially_refunded';
  }
  return base;
}

/**
 * | condition (first match wins)                                   | status    |
 * | -------------------------------------------------------------- | --------- |
 * | successful refund tenders cover the whole total                 | refunded  |
 * | `paymentStatus` Cancelled                                       | cancelled |
 * | `shippingStatus` Delivered                                      | delivered |
 * | Fulfilled and delivery method Pickup / Carry Out (handed over)  | delivered |
 * | Fulfilled (shipped)                                             | shipped   |
 * | Paid and No Fulfillment Required                                | delivered |
 * | Paid (not or partially fulfilled)                               | confirmed |
 * | Authorized (not yet captured)                                   | pending   |
 * | anything else                                                   | unknown   |
 */
export function mapOrderStatus(s: StatusInputs): OrderStatus {
  const payment = s.paymentStatus;
  if (s.refunded > 0 && s.refunded >= s.total) return 'refunded';
  if (payment === 'Cancelled') return 'cancelled';
  if (s.shippingStatus === 'Delivered') return 'delivered';
  if (s.fulfillmentStatus === 'Fulfilled') {
    return s.orderDeliveryMethod === 'Pickup' || s.orderDeliveryMethod === 'Carry Out'
      ? 'delivered'
      : 'shipped';
  }
  if (payment === 'Paid')
    return s.fulfillmentStatus === 'No Fulfillment Required' ? 'delivered' : 'confirmed';
  if (payment === 'Authorized') return 'pending';
  return 'unknown';
}

/**
 * `webStatus` (web store availability) decides the unified status; `adminStatus` (visibility in
 * the admin and POS) does not change it and stays in `raw`. Keeping the mapping on one field is
 * what lets `list({ status })` be answered exactly by the API's `webStatus` filter.
 */
export const PRODUCT_STATUS_TABLE: Readonly<Record<string, ProductStatus>> = {
  Available: 'active',
  'Not Available': 'draft',
  Retired: 'archived',
};

/** Unified product status → `webStatus` for writes and the list filter. */
export const WEB_STATUS_FOR: Readonly<Record<'active' | 'draft' | 'archived', string>> = {
  active: 'Available',
  draft: 'Not Available',
  archived: 'Retired',
};

export function mapProductStatus(webStatus: string | null | undefined): ProductStatus {
  return own(PRODUCT_STATUS_TABLE, webStatus) ?? 'unknown';
}

/** `channel` (Inbound, Web, POS, Club) in lower case: `web`, `pos`, `club`, `inbound`. */
export function mapChannel(channel: string | null | undefined): string | null {
  return typeof channel === 'string' && channel.trim() !== '' ? channel.trim().toLowerCase() : null;
}
