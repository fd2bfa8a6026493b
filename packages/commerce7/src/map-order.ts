import {
  type LineItem,
  type Money,
  multiplyMoney,
  type Order,
  readField,
  totalsAdjustment,
  wireMinor,
  wireTime,
} from '@storeport/core';
import { mapOptionalAddress } from './map-address';
import {
  mapChannel,
  mapFulfillmentStatus,
  mapOrderStatus,
  mapPaymentStatus,
  type StatusInputs,
} from './map-status';
import { PLATFORM } from './platform';
import type { WireOrder } from './wire/order';

const time = (field: string, v: string | null | undefined): string | null =>
  typeof v === 'string' && v !== '' ? wireTime(PLATFORM, field, v) : null;

/**
 * Cents refunded: successful tenders with `chargeType: Refund`. The sign of a refund's
 * `amountTendered` is not documented (NOTES-research §1.3), so its absolute value counts.
 */
export function refundedCents(w: WireOrder): number {
  let sum = 0;
  for (const t of w.tenders ?? []) {
    if (t.chargeType === 'Refund' && t.chargeStatus === 'Success' && typeof t.amountTendered === 'number') {
      sum += Math.abs(t.amountTendered);
    }
  }
  return sum;
}

/**
 * Wire order → unified. Amounts are cents, taken as they are. A line's total is `price × quantity`
 * (Commerce7 sends no line total; `price` is the unit price after promotions). `subTotal` is
 * already net of promotions, whose sum is reported as `discountTotal`; `total` is Commerce7's
 * `total` (duties and bottle deposits included, tips not: they are in `raw.tipTotal`).
 */
export function mapOrder(w: WireOrder, currency: string): Order {
  const money = (field: string, v: number | null | undefined): Money =>
    wireMinor(PLATFORM, field, v ?? 0, currency);
  const lineItems: LineItem[] = w.items.map((it, i) => {
    const unitPrice = money(`items.${i}.price`, it.price);
    return {
      id: it.id ?? null,
      productId: it.productId ?? null,
      variantId: it.productVariantId ?? null,
      sku: it.sku ?? null,
      title: it.productTitle,
      quantity: it.quantity,
      unitPrice,
      total: readField(PLATFORM, `items.${i}.quantity`, () => multiplyMoney(unitPrice, it.quantity)),
    };
  });
  let discount = 0;
  for (const p of w.promotions ?? []) discount += p.totalValue ?? 0;
  const refunded = refundedCents(w);
  const s: StatusInputs = {
    paymentStatus: w.paymentStatus,
    fulfillmentStatus: w.fulfillmentStatus,
    shippingStatus: w.shippingStatus,
    orderDeliveryMethod: w.orderDeliveryMethod,
    refunded,
    total: w.total,
  };
  const zero: Money = { amount: 0, currency };
  const totals = {
    subtotal: money('subTotal', w.subTotal),
    discountTotal: money('promotions', discount),
    taxTotal: money('taxTotal', w.taxTotal),
    shippingTotal: money('shipTotal', w.shipTotal),
    otherChargesTotal: zero,
    taxesIncluded: false,
    total: money('total', w.total),
  };
  return {
    platform: PLATFORM,
    id: w.id,
    number: String(w.orderNumber),
    customerId: w.customerId ?? null,
    // Not in the docs' order examples; read when an order carries it.
    email: w.email ?? null,
    kind: 'sale',
    originalOrderId: null,
    refundOrderIds: [],
    status: mapOrderStatus(s),
    paymentStatus: mapPaymentStatus(s),
    fulfillmentStatus: mapFulfillmentStatus(s),
    currency,
    channel: mapChannel(w.channel),
    lineItems,
    ...totals,
    otherCharges: [],
    adjustmentTotal: totalsAdjustment(totals),
    refundedTotal: money('tenders', refunded),
    shippingAddress: mapOptionalAddress(w.shipTo),
    billingAddress: mapOptionalAddress(w.billTo),
    // Order notes are their own resource (`/note?orderId=`); the order record carries none.
    note: null,
    // When the order was placed; Commerce7's `createdAt` is when its cart was started.
    createdAt: time('orderSubmittedDate', w.orderSubmittedDate) ?? time('createdAt', w.createdAt),
    updatedAt: time('updatedAt', w.updatedAt),
    raw: w,
  };
}
