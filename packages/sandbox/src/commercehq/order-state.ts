import { centsToNumber, toCents } from './decimal';
import type { ChqLineItem, ChqOrder } from './wire-types';

/**
 * Recomputes an order's line counters and fulfilment `status` from its fulfilments, shipments
 * and restocks, so generated orders and every write agree on one rule:
 *
 * - per line: F = units in fulfilments, S = units in shipments;
 *   `not_fulfilled` = quantity − F, `fulfilled` = F − S (sent, not yet shipped), `shipped` = S.
 * - per order (seed's status list): 0 nothing sent · 1 some sent, none shipped · 2 some sent and
 *   some shipped · 3 all sent, none shipped · 4 all sent, some shipped · 5 all shipped.
 */
export function recomputeOrder(order: ChqOrder): void {
  let quantity = 0;
  let fulfilled = 0;
  let shipped = 0;
  for (const line of order.items) {
    const id = line.data.id;
    const f = sumFor(order.fulfilments, id);
    const s = sumFor(order.shipments, id);
    const r = sumFor(order.restocks, id);
    const q = line.status.quantity;
    line.status = { quantity: q, not_fulfilled: q - f, fulfilled: f - s, shipped: s, restocked: r };
    quantity += q;
    fulfilled += f;
    shipped += s;
  }
  order.status = orderStatus(quantity, fulfilled, shipped);
}

export function orderStatus(quantity: number, fulfilled: number, shipped: number): number {
  if (fulfilled === 0) return 0;
  if (fulfilled < quantity) return shipped > 0 ? 2 : 1;
  if (shipped === 0) return 3;
  return shipped < quantity ? 4 : 5;
}

function sumFor(entries: Array<{ items: Array<{ id: number; quantity: number }> }>, lineId: number): number {
  let total = 0;
  for (const e of entries) for (const i of e.items) if (i.id === lineId) total += i.quantity;
  return total;
}

/** Units of a line already sent to fulfilment. */
export function fulfilledUnits(order: ChqOrder, lineId: number): number {
  return sumFor(order.fulfilments, lineId);
}

/** Units of one fulfilment's line already in shipments. */
export function shippedFromFulfilment(order: ChqOrder, fulfilmentId: number, lineId: number): number {
  return sumFor(
    order.shipments.filter((s) => s.fulfilment_id === fulfilmentId),
    lineId,
  );
}

/** Sum of the line prices × quantities, in cents (the search body's `cart_price`). */
export function cartCents(items: ChqLineItem[]): number {
  let cents = 0;
  for (const line of items) cents += (toCents(line.data.price) ?? 0) * line.status.quantity;
  return cents;
}

/** Payment status after a refund, and whether another refund is possible. */
export function applyRefundTotals(order: ChqOrder, refundedCents: number): void {
  const totalCents = toCents(order.total) ?? 0;
  order.refunded = centsToNumber(refundedCents);
  if (refundedCents <= 0) return;
  order.paid = refundedCents >= totalCents ? -2 : -1;
  order.refund_possible = refundedCents < totalCents;
}
