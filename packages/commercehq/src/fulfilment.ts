import {
  type CallOptions,
  type FieldIssue,
  type FulfillmentInput,
  FulfillmentInputSchema,
  parseInput,
} from '@storeport/core';
import { z } from 'zod';
import type { CommerceHQClient } from './client';
import { PLATFORM } from './platform';
import { refuse } from './to-wire';
import { type WireCarrier, WireCarrierSchema, WireWarehousesSchema } from './wire/carrier';
import {
  WireFulfilmentSchema,
  WireLineItemSchema,
  WireRestockSchema,
  WireShipmentSchema,
} from './wire/order';
import { wirePage } from './wire/page';

/** The parts of an order a write-back needs, asked for with `fields` (no addresses, payment, risk...). */
const WorkingOrderSchema = z.looseObject({
  id: z.number().int().nonnegative(),
  items: z.array(WireLineItemSchema),
  fulfilments: z.array(WireFulfilmentSchema).nullable().optional(),
  shipments: z.array(WireShipmentSchema).nullable().optional(),
  restocks: z.array(WireRestockSchema).nullable().optional(),
});
export type WorkingOrder = z.infer<typeof WorkingOrderSchema>;

export async function workingOrder(
  client: CommerceHQClient,
  path: string,
  fields: string,
  signal?: AbortSignal,
): Promise<WorkingOrder> {
  const res = await client.send(
    { method: 'GET', path, query: { fields }, signal, what: 'order' },
    WorkingOrderSchema,
  );
  return res.body;
}

/**
 * `fulfill` of one client: sends lines to fulfilment (`POST /orders/ID/fulfilments`: the given
 * lines, or everything not yet sent), then, with a tracking number, a carrier or `notify: true`,
 * ships that fulfilment (`POST /orders/ID/shipments`). Products that track inventory need a
 * warehouse: `platformFields.warehouse`, else the adapter's `warehouse` option, else the store's
 * first. Carriers and the first warehouse are loaded once (and again after a failure).
 */
export function fulfiller(client: CommerceHQClient) {
  let carriers: Promise<WireCarrier[]> | undefined;
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
    if (client.options.warehouse !== undefined) return Promise.resolve(client.options.warehouse);
    warehouse ??= client
      .send({ method: 'GET', path: '/helpers/warehouses', signal, what: 'warehouses' }, WireWarehousesSchema)
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

  /** Fulfils (and maybe ships) order `id` at `path`; the caller reads the order back. */
  return async function fulfil(
    id: string,
    path: string,
    input: FulfillmentInput,
    options: CallOptions | undefined,
  ): Promise<void> {
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
    const before = await workingOrder(client, path, 'id,items,fulfilments', signal);
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
      signal,
      what: 'fulfilment',
    });
    const ship = parsed.trackingNumber !== undefined || carrier !== undefined || parsed.notify === true;
    if (!ship) return;
    const fulfilmentId = await newFulfilmentId(created.body, before, () =>
      workingOrder(client, path, 'id,items,fulfilments', signal),
    );
    const data: Record<string, unknown> = { fulfilment_id: fulfilmentId };
    if (parsed.trackingNumber !== undefined) data.tracking_number = parsed.trackingNumber;
    if (carrier !== undefined) data.shipping_carrier = carrier;
    try {
      await client.send({
        method: 'POST',
        path: `${path}/shipments`,
        body: { data, notify: parsed.notify ?? false },
        signal,
        what: 'shipment',
      });
    } catch (err) {
      (err as Error).message =
        `${(err as Error).message} (order ${id}: fulfilment ${fulfilmentId} was created, its shipment was not)`;
      throw err;
    }
  };
}

async function loadCarriers(client: CommerceHQClient, signal?: AbortSignal) {
  const schema = wirePage(WireCarrierSchema);
  const out: WireCarrier[] = [];
  for (let page = 1; ; page++) {
    const res = await client.send(
      {
        method: 'GET',
        path: '/shipping-carriers',
        query: { page, size: 200 },
        signal,
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
export function restockable(
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
