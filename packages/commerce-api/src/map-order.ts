import {
  type LineItem,
  type Money,
  multiplyMoney,
  type Order,
  type RoundingMode,
  readField,
  totalsAdjustment,
  wireDecimal,
  wireTime,
} from '@storeport/core';
import { mapOrderStatus } from './map-status';
import { PLATFORM } from './platform';
import type { WireOrder, WireOrderItem } from './wire/order';

/**
 * Money comes as decimal numbers in the order's currency, converted exactly (JPY has no minor
 * unit). The API reports no tax, shipping or addresses: those are zero / null. An order is
 * refunded whole (status `refunded`), so the refunded total is the order total or zero. An
 * amount with more decimals than the currency has is refused, or rounded with `'half-even'`.
 */
export function mapOrder(o: WireOrder, rounding: RoundingMode = 'reject'): Order {
  const money = (field: string, value: number) => wireDecimal(PLATFORM, field, value, o.currency, rounding);
  const zero = { amount: 0, currency: o.currency };
  const total = money('total', o.total);
  const row = mapOrderStatus(o.status);
  const totals = {
    subtotal: money('subtotal', o.subtotal),
    discountTotal: o.discount == null ? zero : money('discount', o.discount),
    taxTotal: zero,
    shippingTotal: zero,
    otherChargesTotal: zero,
    taxesIncluded: false,
    total,
  };
  return {
    platform: PLATFORM,
    id: o.orderId,
    // The API shows merchants no separate order number: the id is the number.
    number: o.orderId,
    customerId: o.customerId,
    email: null,
    kind: 'sale',
    originalOrderId: null,
    refundOrderIds: [],
    status: row.status,
    paymentStatus: row.paymentStatus,
    fulfillmentStatus: row.fulfillmentStatus,
    currency: o.currency,
    channel: null,
    lineItems: o.items.map((item, i) => mapLine(item, `items.${i}`, money)),
    ...totals,
    otherCharges: [],
    adjustmentTotal: totalsAdjustment(totals),
    refundedTotal: o.status === 'refunded' ? total : zero,
    shippingAddress: null,
    billingAddress: null,
    note: o.notes ?? null,
    createdAt: o.createdAt === undefined ? null : wireTime(PLATFORM, 'createdAt', o.createdAt),
    updatedAt: o.updatedAt == null ? null : wireTime(PLATFORM, 'updatedAt', o.updatedAt),
    raw: o,
  };
}

function mapLine(
  item: WireOrderItem,
  path: string,
  money: (field: string, value: number) => Money,
): LineItem {
  const unitPrice = money(`${path}.unitPrice`, item.unitPrice);
  const total =
    item.lineTotal === undefined
      ? readField(PLATFORM, `${path}.quantity`, () => multiplyMoney(unitPrice, item.quantity))
      : money(`${path}.lineTotal`, item.lineTotal);
  return {
    id: null,
    productId: item.productId,
    // Each product is its own single variant (see map-product.ts).
    variantId: item.productId,
    sku: item.sku ?? null,
    title: item.name ?? item.sku ?? item.productId,
    quantity: item.quantity,
    unitPrice,
    total,
  };
}
