import {
  addMoney,
  type LineItem,
  type Money,
  multiplyMoney,
  type Order,
  type RoundingMode,
  readField,
  sumMoney,
  totalsAdjustment,
  wireDecimal,
  zeroMoney,
} from '@storeport/core';
import { mapAddressPart } from './map-address';
import { fulfillmentStatus, orderStatus, paymentStatus } from './map-status';
import { unixTime } from './map-time';
import { PLATFORM } from './platform';
import type { WireOrder } from './wire/order';

/**
 * A CommerceHQ order → Order. Line items come from `items[].data` (the product as ordered) with
 * their quantity from `items[].status.quantity`; amounts are decimals (`shipping.price` a
 * string) read exactly into minor units of the store's currency. CommerceHQ sends no discount
 * total (its `discounts` object is undocumented): it is derived as subtotal + shipping + tax −
 * total, never below zero. `updatedAt` falls back to the order date for an order never updated.
 */
export function mapOrder(wire: WireOrder, currency: string, rounding: RoundingMode = 'reject'): Order {
  const money = (field: string, v: string | number | null | undefined): Money =>
    v === null || v === undefined ? zeroMoney(currency) : wireDecimal(PLATFORM, field, v, currency, rounding);
  const lineItems: LineItem[] = wire.items.map((item, i) => {
    const unitPrice = money(`items.${i}.data.price`, item.data.price);
    const quantity = item.status.quantity;
    return {
      id: String(item.data.id),
      productId:
        item.data.product_id === null || item.data.product_id === undefined
          ? null
          : String(item.data.product_id),
      variantId: item.data.variant ? String(item.data.variant.id) : null,
      sku: item.data.sku ?? null,
      title: item.data.title,
      quantity,
      unitPrice,
      total: readField(PLATFORM, `items.${i}`, () => multiplyMoney(unitPrice, quantity)),
    };
  });
  const subtotal = readField(PLATFORM, 'items', () =>
    sumMoney(
      lineItems.map((l) => l.total),
      currency,
    ),
  );
  const shippingTotal = money('shipping.price', wire.shipping?.price);
  const taxTotal = money('tax', wire.tax);
  const total = money('total', wire.total);
  const gross = addMoney(addMoney(subtotal, shippingTotal), taxTotal);
  const discount = gross.amount - total.amount;
  const totals = {
    subtotal,
    discountTotal: { amount: Math.max(discount, 0), currency },
    taxTotal,
    shippingTotal,
    otherChargesTotal: { amount: 0, currency },
    taxesIncluded: false,
    total,
  };
  const address = wire.address;
  const createdAt = unixTime('order_date', wire.order_date);
  return {
    platform: PLATFORM,
    id: String(wire.id),
    number: wire.display_number ?? String(wire.id),
    customerId: wire.customer ? String(wire.customer.id) : null,
    email: wire.email ?? wire.customer?.email ?? null,
    kind: 'sale',
    originalOrderId: null,
    refundOrderIds: [],
    status: orderStatus(wire.status, wire.paid),
    paymentStatus: paymentStatus(wire.paid),
    fulfillmentStatus: fulfillmentStatus(wire.status),
    currency,
    channel: null,
    lineItems,
    ...totals,
    otherCharges: [],
    adjustmentTotal: totalsAdjustment(totals),
    refundedTotal: money('refunded', wire.refunded),
    shippingAddress: mapAddressPart(address?.shipping, address?.phone),
    billingAddress: mapAddressPart(address?.billing, address?.phone),
    note: wire.notes ?? null,
    createdAt,
    updatedAt: unixTime('updated_at', wire.updated_at) ?? createdAt,
    raw: wire,
  };
}
