import type { Money } from './primitives';

/** The parts of an order's total, as the unified order carries them. */
export interface OrderTotalsParts {
  subtotal: Money;
  discountTotal: Money;
  shippingTotal: Money;
  taxTotal: Money;
  otherChargesTotal: Money;
  taxesIncluded: boolean;
  total: Money;
}

/**
 * `total` − (`subtotal` − `discountTotal` + `shippingTotal` + tax unless included + other charges):
 * zero when an order adds up. Integers only, so the identity is exact.
 */
export function totalsAdjustment(o: OrderTotalsParts): Money {
  const tax = o.taxesIncluded ? 0 : o.taxTotal.amount;
  const explained =
    o.subtotal.amount - o.discountTotal.amount + o.shippingTotal.amount + tax + o.otherChargesTotal.amount;
  return { amount: o.total.amount - explained, currency: o.total.currency };
}
