import {
  type CallOptions,
  type FieldIssue,
  FulfillmentInputSchema,
  type Order,
  type OrderListParams,
  type OrderStatus,
  type OrdersResource,
  OrderUpdateSchema,
  parseInput,
  RefundInputSchema,
  signalOf,
  unsupported,
} from '@storeport/core';
import { z } from 'zod';
import type { ChqClient } from './client';
import { idSegment } from './ids';
import { type Filters, type ListPlan, makeLister, onlyFilters, unixFilter } from './listing';
import { mapOrder } from './map-order';
import { orderStatusFilter } from './map-status';
import { PLATFORM } from './options';
import { addressPart, decimal, refuse } from './to-wire';
import { WireCarrierSchema, WireWarehousesSchema } from './wire/carrier';
import {
  WireFulfilmentSchema,
  WireLineItemSchema,
  type WireOrder,
  WireOrderSchema,
  WireRestockSchema,
  WireShipmentSchema,
} from './wire/order';
import { wirePage } from './wire/page';

const ORDER_FILTERS = ['status', 'customerId', 'createdSince', 'createdBefore', 'updatedSince'];

/** The parts of an order a write-back needs, asked for with `fields` (no addresses, payment, risk...). */
const WorkingOrderSchema = z.looseObject({
  id: z.number().int().nonnegative(),
  items: z.array(WireLineItemSchema),
  fulfilments: z.array(WireFulfilmentSchema).nullable().optional(),
  shipments: z.array(WireShipmentSchema).nullable().optional(),
  restocks: z.array(WireRestockSchema).nullable().optional(),
});
type WorkingOrder = z.infer<typeof WorkingOrderSchema>;

/**
 * The search body for the unified order filters. `updatedSince` takes two searches, because
 * CommerceHQ leaves `updated_at` null on an order never changed since it was placed: first
 * `updated_at >= since`, then `order_date >= since` keeping only never-updated orders. Together
 * they are exactly the orders whose `updatedAt` (which falls back to the order date) is at or
 * after `since`, each once.
 */
export function planOrders(filters: Filters, phase: 1 | 2): ListPlan<WireOrder> | null {
  onlyFilters('orders', filters, ORDER_FILTERS);
  const body: Record<string, unknown> = {};
  if (filters.status !== undefined) {
    const byStatus = orderStatusFilter(filters.status as OrderStatus);
    // No CommerceHQ order is cancelled or delivered: nothing to ask for.
    if (!byStatus) return null;
    Object.assign(body, byStatus);
  }
  if (filters.customerId !== undefined)
    body.customer_id = Number(idSegment(String(filters.customerId), 'customerId'));
  let start = unixFilter('createdSince', filters.createdSince, 'since');
  const end = unixFilter('createdBefore', filters.createdBefore, 'before');
  const since = unixFilter('updatedSince', filters.updatedSince, 'since');
  let keep: ((w: WireOrder) => boolean) | undefined;
  if (since !== undefined) {
    if (phase === 1) body.updated_at = { start: since };
    else {
      start = Math.max(start ?? 0, since);
      keep = (w) => !w.updated_at;
    }
  }
  if (start !== undefined || end !== undefined) {
    body.order_date = { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
  }
  return {
    ...(Object.keys(body).length > 0 ? { search: body } : {}),
    ...(keep ? { keep } : {}),
    phases: since !== undefined ? 2 : 1,
  };
}

export function ordersResource(client: ChqClient): OrdersResource {
  const map = (w: WireOrder) => mapOrder(w, client.currency);
  const { list, iterate } = makeLister<WireOrder, Order, OrderListParams>(client, {
    resource: 'orders',
    path: '/orders',
    schema: WireOrderSchema,
    map,
    sorts: { id: 'id', number: 'id', createdAt: 'order_date', updatedAt: 'updated_at', total: 'total' },
    plan: planOrders,
  });

  const get = async (id: string, signal?: AbortSignal): Promise<Order> => {
    const res = await client.send(
      { method: 'GET', path: `/orders/${idSegment(id)}`, ...(signal ? { signal } : {}), what: 'order' },
      WireOrderSchema,
    );
    return map(res.body);
  };

  const working = async (path: string, fields: string, signal?: AbortSignal): Promise<WorkingOrder> => {
    const res = await client.send(
      { method: 'GET', path, query: { fields }, ...(signal ? { signal } : {}), what: 'order' },
      WorkingOrderSchema,
    );
    return res.body;
  };

  /** Sets fields of an order: sending it twice sets the same values, so it may be retried. */
  const patch = (path: string, body: unknown, options: CallOptions | undefined) =>
    client.send({ method: 'PATCH', path, body, idempotent: true, ...signalOf(options), what: 'order' });

  let carriers: Promise<Array<z.infer<typeof WireCarrierSchema>>> | undefined;
  const carrierId = async (name: string, signal?: AbortSignal): Promise<number> => {
    carriers ??= loadCarriers(client, signal).catch((err: unknown) => {
      carriers = undefined;
      throw err;
    });
    const all = (await carriers).filter((c) => c.is_deleted !== true);
    const wanted = name.trim().toLowerCase();
    const found = /^\d+$/.test(wanted)
      ? all.find((c) => c.id === Number(wanted))
      : all.find((c) => c.title.trim().toLowerCase() === wanted);
    if (!found) {
      refuse([
        {
          field: 'carrier',
          message: `not a shipping carrier of this store (${all.map((c) => c.title).join(', ')})`,
        },
      ]);
    }
    return found.id;
  };

  let warehouse: Promise<number> | undefined;
  const defaultWarehouse = (signal?: AbortSignal): Promise<number> => {
    if (client.resolved.warehouse !== undefined) return Promise.resolve(client.resolved.warehouse);
    warehouse ??= client
      .send(
        { method: 'GET', path: '/helpers/warehouses', ...(signal ? { signal } : {}), what: 'warehouses' },
        WireWarehousesSchema,
      )
      .then((res) => {
        const first = res.body.warehouses[0];
        if (!first)
          refuse([
            { field: 'platformFields.warehouse', message: 'the store has no warehouse to fulfil from' },
          ]);
        return first.id;
      })
      .catch((err: unknown) => {
        warehouse = undefined;
        throw err;
      });
    return warehouse;
  };

  return {
    list,
    iterate,
    get: async (id, options) => get(id, options?.signal),
    create: async () => unsupported(PLATFORM, 'orders', 'create', "CommerceHQ's API cannot create orders"),
    delete: async () => unsupported(PLATFORM, 'orders', 'delete', "CommerceHQ's API cannot delete orders"),
    updateStatus: async () =>
      unsupported(
        PLATFORM,
        'orders',
        'updateStatus',
        'CommerceHQ derives order status from payment and fulfilment: use fulfill() or refund()',
      ),

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
        await patch(
          path,
          { ...(parsed.note !== undefined ? { notes: parsed.note } : {}), ...parsed.platformFields },
          options,
        );
      }
      return get(id, options?.signal);
    },

    /**
     * Sends lines to fulfilment (`POST /orders/ID/fulfilments`: the given lines, or everything not
     * yet sent), then, with a tracking number, a carrier or `notify: true`, ships that fulfilment
     * (`POST /orders/ID/shipments`). Products that track inventory need a warehouse:
     * `platformFields.warehouse`, else the adapter's `warehouse` option, else the store's first.
     */
    async fulfill(id, input, options) {
      const path = `/orders/${idSegment(id)}`;
      const parsed = parseInput(PLATFORM, 'fulfilment', FulfillmentInputSchema, input);
      const { warehouse: chosen, ...extra } = parsed.platformFields ?? {};
      const issues: FieldIssue[] = [];
      if (parsed.trackingUrl !== undefined) {
        issues.push({
          field: 'trackingUrl',
          message: "CommerceHQ builds tracking links from the carrier's URL",
        });
      }
      if (chosen !== undefined && !(Number.isSafeInteger(chosen) && (chosen as number) > 0)) {
        issues.push({ field: 'platformFields.warehouse', message: 'must be a warehouse id' });
      }
      parsed.lineItems?.forEach((l, i) => {
        if (!/^\d+$/.test(l.id))
          issues.push({ field: `lineItems.${i}.id`, message: 'must be a CommerceHQ line item id' });
      });
      if (issues.length > 0) refuse(issues);
      const signal = options?.signal;
      const carrier = parsed.carrier === undefined ? undefined : await carrierId(parsed.carrier, signal);
      const before = await working(path, 'id,items,fulfilments', signal);
      const items = fulfilmentItems(before, parsed.lineItems);
      let warehouseId = chosen as number | undefined;
      if (warehouseId === undefined && items.some((i) => i.tracked))
        warehouseId = await defaultWarehouse(signal);
      const created = await client.send({
        method: 'POST',
        path: `${path}/fulfilments`,
        body: {
          items: items.map(({ id: line, quantity, tracked }) => ({
            id: line,
            quantity,
            ...(tracked || chosen !== undefined ? { warehouse: warehouseId } : {}),
          })),
          ...extra,
        },
        ...signalOf(options),
        what: 'fulfilment',
      });
      const ship = parsed.trackingNumber !== undefined || carrier !== undefined || parsed.notify === true;
      if (ship) {
        const fulfilmentId = await newFulfilmentId(created.body, before, () =>
          working(path, 'id,items,fulfilments', signal),
        );
        const data: Record<string, unknown> = { fulfilment_id: fulfilmentId };
        if (parsed.trackingNumber !== undefined) data.tracking_number = parsed.trackingNumber;
        if (carrier !== undefined) data.shipping_carrier = carrier;
        try {
          await client.send({
            method: 'POST',
            path: `${path}/shipments`,
            body: { data, notify: parsed.notify ?? false },
            ...signalOf(options),
            what: 'shipment',
          });
        } catch (err) {
          (err as Error).message =
            `${(err as Error).message} (order ${id}: fulfilment ${fulfilmentId} was created, its shipment was not)`;
          throw err;
        }
      }
      return get(id, signal);
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
        refund: decimal('amount', parsed.amount, client.currency),
        notify: parsed.notify ?? false,
      };
      if (parsed.restock) {
        const shipments = restockable(await working(path, 'id,items,shipments,restocks', options?.signal));
        if (shipments.length > 0) body.shipments = shipments;
      }
      await client.send({
        method: 'POST',
        path: `${path}/refund`,
        body: { ...body, ...parsed.platformFields },
        ...signalOf(options),
        what: 'refund',
      });
      return get(id, options?.signal);
    },
  };
}

async function loadCarriers(client: ChqClient, signal?: AbortSignal) {
  const schema = wirePage(WireCarrierSchema);
  const out: Array<z.infer<typeof WireCarrierSchema>> = [];
  for (let page = 1; ; page++) {
    const res = await client.send(
      {
        method: 'GET',
        path: '/shipping-carriers',
        query: { page, size: 200 },
        ...(signal ? { signal } : {}),
        what: 'shipping carriers',
      },
      schema,
    );
    out.push(...res.body.items);
    const meta = res.body._meta;
    if (!meta || page >= meta.pageCount || res.body.items.length === 0) return out;
  }
}

interface FulfilmentItem {
  id: number;
  quantity: number;
  tracked: boolean;
}

/** The lines to fulfil: those asked for (checked against what is still open), or all that are open. */
function fulfilmentItems(
  order: WorkingOrder,
  wanted: Array<{ id: string; quantity: number }> | undefined,
): FulfilmentItem[] {
  const open = (line: WorkingOrder['items'][number]) => {
    const sent = (order.fulfilments ?? []).reduce(
      (n, f) => n + f.items.filter((i) => i.id === line.data.id).reduce((m, i) => m + i.quantity, 0),
      0,
    );
    return line.status.not_fulfilled ?? line.status.quantity - sent;
  };
  if (wanted === undefined) {
    const all = order.items
      .map((line) => ({
        id: line.data.id,
        quantity: open(line),
        tracked: line.data.track_inventory === true,
      }))
      .filter((i) => i.quantity > 0);
    if (all.length === 0)
      refuse([{ field: 'lineItems', message: 'every line of this order is already fulfilled' }]);
    return all;
  }
  const issues: FieldIssue[] = [];
  const out = wanted.map((w, i) => {
    const line = order.items.find((l) => String(l.data.id) === w.id);
    if (!line) issues.push({ field: `lineItems.${i}.id`, message: `not a line item of order ${order.id}` });
    else if (w.quantity > open(line)) {
      issues.push({ field: `lineItems.${i}.quantity`, message: `only ${open(line)} left to fulfil` });
    }
    return { id: Number(w.id), quantity: w.quantity, tracked: line?.data.track_inventory === true };
  });
  if (issues.length > 0) refuse(issues);
  return out;
}

/**
 * The fulfilment just created: the response when it is the fulfilment (the seed does not show the
 * response), else the one fulfilment the order has now that it did not have before.
 */
async function newFulfilmentId(
  response: unknown,
  before: WorkingOrder,
  reload: () => Promise<WorkingOrder>,
): Promise<number> {
  const direct = WireFulfilmentSchema.safeParse(response);
  if (direct.success && !('items' in (response as object) && 'fulfilments' in (response as object)))
    return direct.data.id;
  const known = new Set((before.fulfilments ?? []).map((f) => f.id));
  const after = await reload();
  const fresh = (after.fulfilments ?? []).filter((f) => !known.has(f.id));
  const last = fresh.at(-1);
  if (!last) refuse([{ field: 'lineItems', message: 'CommerceHQ created no fulfilment' }]);
  return last.id;
}

/** Per shipment, the units shipped in it and not restocked yet. */
function restockable(
  order: WorkingOrder,
): Array<{ id: number; items: Array<{ id: number; quantity: number }> }> {
  const out: Array<{ id: number; items: Array<{ id: number; quantity: number }> }> = [];
  for (const s of order.shipments ?? []) {
    const items: Array<{ id: number; quantity: number }> = [];
    for (const i of s.items ?? []) {
      const done = (order.restocks ?? [])
        .filter((r) => r.shipment_id === s.id)
        .reduce(
          (n, r) => n + (r.items ?? []).filter((x) => x.id === i.id).reduce((m, x) => m + x.quantity, 0),
          0,
        );
      if (i.quantity - done > 0) items.push({ id: i.id, quantity: i.quantity - done });
    }
    if (items.length > 0) out.push({ id: s.id, items });
  }
  return out;
}
