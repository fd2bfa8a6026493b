import {
  type CallOptions,
  type OrderStatus,
  OrderUpdateSchema,
  parseInput,
  RefundInputSchema,
} from '@storeport/core';
import type { OrdersDeclaration } from '@storeport/core/kit';
import type { CommerceHQClient } from './client';
import { fulfiller, restockable, workingOrder } from './fulfilment';
import { idSegment } from './ids';
import { mapOrder } from './map-order';
import { orderStatusFilter } from './map-status';
import { chqList, type ListPlan } from './paging';
import { PLATFORM } from './platform';
import { addressPart, decimal, refuse } from './to-wire';
import { type WireOrder, WireOrderSchema } from './wire/order';

type Filters = Readonly<Record<string, unknown>>;

/** An ISO 8601 UTC filter value as Unix seconds: `since` rounds down, `before` stays strictly before. */
function unixSeconds(iso: unknown, bound: 'since' | 'before'): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso as string);
  // CommerceHQ keeps whole seconds: a record at the boundary second is included, never lost.
  return bound === 'since' ? Math.floor(ms / 1000) : Math.ceil(ms / 1000) - 1;
}

/** Kept in phase 2: an order never updated (a record that is not an object is kept, to be reported). */
const neverUpdated = (raw: unknown) =>
  typeof raw !== 'object' || raw === null || !(raw as { updated_at?: unknown }).updated_at;

/**
 * The search for the unified order filters. `updatedSince` takes two searches, because
 * CommerceHQ leaves `updated_at` null on an order never changed since it was placed: first
 * `updated_at >= since`, then `order_date >= since` keeping only never-updated orders. Together
 * they are exactly the orders whose `updatedAt` (which falls back to the order date) is at or
 * after `since`, each once.
 */
export function planOrders(filters: Filters, phase: 1 | 2): ListPlan | null {
  const body: Record<string, unknown> = {};
  if (filters.status !== undefined) {
    const byStatus = orderStatusFilter(filters.status as OrderStatus);
    // No CommerceHQ order is cancelled or delivered: nothing to ask for.
    if (!byStatus) return null;
    Object.assign(body, byStatus);
  }
  if (filters.customerId !== undefined) body.customer_id = Number(filters.customerId);
  let start = unixSeconds(filters.createdSince, 'since');
  const end = unixSeconds(filters.createdBefore, 'before');
  const since = unixSeconds(filters.updatedSince, 'since');
  let keep: ListPlan['keep'];
  if (since !== undefined) {
    if (phase === 1) body.updated_at = { start: since };
    else {
      start = Math.max(start ?? 0, since);
      keep = neverUpdated;
    }
  }
  if (start !== undefined || end !== undefined) body.order_date = { start, end };
  return {
    search: Object.keys(body).length > 0 ? body : undefined,
    keep,
    phases: since !== undefined ? 2 : 1,
  };
}

export function ordersResource(client: CommerceHQClient) {
  const { currency, rounding } = client.options;
  const map = (w: WireOrder) => mapOrder(w, currency, rounding);
  const fulfil = fulfiller(client);

  const get = async (id: string, signal?: AbortSignal) => {
    const res = await client.send(
      { method: 'GET', path: `/orders/${idSegment(id)}`, signal, what: 'order' },
      WireOrderSchema,
    );
    return map(res.body);
  };

  /** Sets fields of an order: sending it twice sets the same values, so it may be retried. */
  const patch = (path: string, body: unknown, options: CallOptions | undefined) =>
    client.send({ method: 'PATCH', path, body, idempotent: true, signal: options?.signal, what: 'order' });

  return {
    list: chqList(client, {
      path: '/orders',
      wire: WireOrderSchema,
      map,
      filters: ['status', 'customerId', 'createdSince', 'createdBefore', 'updatedSince'],
      filterHints: {
        email:
          'CommerceHQ has no order search by email: find the customer by email, then filter by customerId',
      },
      checkFilters: (f) => {
        if (f.customerId !== undefined) idSegment(String(f.customerId), 'customerId');
      },
      // The second search of `updatedSince` starts when the first ends: its pages cannot be numbered ahead.
      parallel: (f) => f.updatedSince === undefined,
      sorts: { id: 'id', number: 'id', createdAt: 'order_date', updatedAt: 'updated_at', total: 'total' },
      plan: planOrders,
    }),
    get: (id, options) => get(id, options?.signal),
    unsupported: {
      create: "CommerceHQ's API cannot create orders",
      delete: "CommerceHQ's API cannot delete orders",
      updateStatus: 'CommerceHQ derives order status from payment and fulfilment: use fulfill() or refund()',
    },

    /** Customer (PATCH /orders/ID/customer), then addresses (…/address), then notes (PATCH /orders/ID). */
    async update(id, input, options) {
      const path = `/orders/${idSegment(id)}`;
      const parsed = parseInput(PLATFORM, 'order update', OrderUpdateSchema, input);
      if (parsed.email !== undefined) {
        refuse([
          {
            field: 'email',
            message: "CommerceHQ takes an order's email from its customer: change customerId",
          },
        ]);
      }
      const customer =
        parsed.customerId === undefined ? undefined : Number(idSegment(parsed.customerId, 'customerId'));
      if (customer !== undefined) await patch(`${path}/customer`, { id: customer }, options);
      const { shippingAddress: ship, billingAddress: bill } = parsed;
      if (ship || bill) {
        const body: Record<string, unknown> = {};
        if (ship) body.shipping = addressPart(ship);
        if (bill) body.billing = addressPart(bill);
        const phone = ship?.phone ?? bill?.phone;
        if (phone !== undefined) body.phone = phone;
        await patch(`${path}/address`, body, options);
      }
      if (parsed.note !== undefined || parsed.platformFields) {
        await patch(path, { notes: parsed.note, ...parsed.platformFields }, options);
      }
      return get(id, options?.signal);
    },

    /** See `fulfiller`; the order is read back. */
    async fulfill(id, input, options) {
      await fulfil(id, `/orders/${idSegment(id)}`, input, options);
      return get(id, options?.signal);
    },

    /**
     * `POST /orders/ID/refund {refund, notify}`; with `restock`, every shipped unit not yet
     * restocked goes back to stock (the seed: "submit shipments array along with the refund").
     */
    async refund(id, input, options) {
      const path = `/orders/${idSegment(id)}`;
      const parsed = parseInput(PLATFORM, 'refund', RefundInputSchema, input);
      if (parsed.reason !== undefined) {
        refuse([
          { field: 'reason', message: 'CommerceHQ keeps no refund reason (put it in the order note)' },
        ]);
      }
      const body: Record<string, unknown> = {
        refund: decimal('amount', parsed.amount, currency),
        notify: parsed.notify ?? false,
      };
      if (parsed.restock) {
        const order = await workingOrder(client, path, 'id,items,shipments,restocks', options?.signal);
        const shipments = restockable(order);
        if (shipments.length > 0) body.shipments = shipments;
      }
      await client.send({
        method: 'POST',
        path: `${path}/refund`,
        body: { ...body, ...parsed.platformFields },
        signal: options?.signal,
        what: 'refund',
      });
      return get(id, options?.signal);
    },
  } satisfies OrdersDeclaration;
}
