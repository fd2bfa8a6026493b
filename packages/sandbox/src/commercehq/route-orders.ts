import type { SimResponse } from '../types';
import { centsToString, toCents } from './decimal';
import { EXAMPLE_WAREHOUSES } from './examples';
import { applyRefundTotals, fulfilledUnits, recomputeOrder, shippedFromFulfilment } from './order-state';
import { badRequest, ErrorBag, json, noContent, notFound } from './responses';
import type { CommerceHQStore } from './store';
import { nowSeconds } from './store';
import {
  type Body,
  fullPart,
  isObject,
  readAddressPart,
  readBool,
  readInt,
  readMoney,
  readString,
} from './validate';
import type { ChqFulfilment, ChqOrder, ChqQuantity, ChqShipment } from './wire-types';

/**
 * The order write-backs the seed documents: notes (PATCH /orders/ID), address, customer,
 * fulfilments, shipments and refunds. Orders themselves cannot be created or deleted through the
 * API ("At the moment, you can only edit the address, the notes and change the customer").
 */

type Result = SimResponse;

function touched(order: ChqOrder): void {
  order.updated_at = nowSeconds();
}

/** PATCH /orders/ID `{notes}`; other fields are not editable and are ignored (Yii2 safe attributes). */
export function updateOrder(order: ChqOrder, body: unknown): Result {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const notes = readString(body, 'notes', bag);
  if (!bag.empty) return bag.response();
  if (notes !== undefined) order.notes = notes;
  touched(order);
  return json(200, order);
}

/** PATCH /orders/ID/address: any of `shipping`, `billing` (field by field) and `phone`. */
export function updateOrderAddress(order: ChqOrder, body: unknown): Result {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const shipping = readAddressPart(body.shipping, 'shipping', bag);
  const billing = readAddressPart(body.billing, 'billing', bag);
  const phone = readString(body, 'phone', bag);
  if (!bag.empty) return bag.response();
  const current = order.address ?? { shipping: fullPart({}, true), billing: fullPart({}, true), phone: null };
  if (shipping) current.shipping = fullPart({ ...current.shipping, ...shipping }, true);
  if (billing) current.billing = fullPart({ ...current.billing, ...billing }, true);
  if (phone !== undefined) current.phone = phone;
  order.address = current;
  touched(order);
  return json(200, order);
}

/** PATCH /orders/ID/customer `{id}`: "Changing the customer will set their primary address in the order." */
export function changeOrderCustomer(store: CommerceHQStore, order: ChqOrder, body: unknown): Result {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const id = readInt(body, 'id', bag, { required: true });
  const customer = id === undefined ? undefined : store.customer(id);
  if (id !== undefined && !customer) bag.add('id', `Customer #${id} not found.`);
  if (!bag.empty || !customer) return bag.response();
  const previous = order.customer?.id;
  order.customer = {
    id: customer.id,
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name,
  };
  order.email = customer.email;
  const primary = customer.address[0];
  if (primary) {
    order.address = {
      shipping: fullPart(primary.shipping, true),
      billing: fullPart(primary.billing, true),
      phone: primary.phone,
    };
  }
  touched(order);
  if (previous !== undefined) store.refreshCustomer(previous);
  store.refreshCustomer(customer.id);
  return json(200, order);
}

interface QuantityInput extends ChqQuantity {
  warehouse?: number;
}

/**
 * `[{id, quantity}]` of an order's line items. `warehouse` is read per item only when creating a
 * fulfilment, where the seed requires it for products that track inventory.
 */
function readQuantities(
  value: unknown,
  path: string,
  bag: ErrorBag,
  order: ChqOrder,
  withWarehouse = false,
): QuantityInput[] {
  if (!Array.isArray(value) || value.length === 0) {
    bag.add(path, 'Items are required.');
    return [];
  }
  const out: QuantityInput[] = [];
  value.forEach((entry, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(entry)) {
      bag.add(p, 'Item must be an object.');
      return;
    }
    const id = readInt(entry, 'id', bag, { path: `${p}.id`, required: true });
    const quantity = readInt(entry, 'quantity', bag, { path: `${p}.quantity`, required: true, min: 1 });
    const warehouse = withWarehouse
      ? readInt(entry, 'warehouse', bag, { path: `${p}.warehouse` })
      : undefined;
    const line = id === undefined ? undefined : order.items.find((l) => l.data.id === id);
    if (id !== undefined && !line) bag.add(`${p}.id`, `Line item #${id} not found in this order.`);
    if (warehouse !== undefined && !EXAMPLE_WAREHOUSES.some((w) => w.id === warehouse)) {
      bag.add(`${p}.warehouse`, `Warehouse #${warehouse} not found.`);
    }
    if (
      withWarehouse &&
      line?.data.track_inventory &&
      warehouse === undefined &&
      !bag.errors[`${p}.warehouse`]
    ) {
      bag.add(`${p}.warehouse`, 'Warehouse is required when the product tracks inventory.');
    }
    if (id !== undefined && quantity !== undefined)
      out.push({ id, quantity, ...(warehouse ? { warehouse } : {}) });
  });
  return out;
}

function merge(items: QuantityInput[]): ChqQuantity[] {
  const byLine = new Map<number, number>();
  for (const i of items) byLine.set(i.id, (byLine.get(i.id) ?? 0) + i.quantity);
  return [...byLine].map(([id, quantity]) => ({ id, quantity }));
}

/** POST /orders/ID/fulfilments `{items:[{id, quantity, warehouse}]}` (warehouse required when tracked). */
export function createFulfilment(store: CommerceHQStore, order: ChqOrder, body: unknown): Result {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const items = readQuantities(body.items, 'items', bag, order, true);
  const merged = merge(items);
  for (const { id, quantity } of merged) {
    const line = order.items.find((l) => l.data.id === id);
    if (!line) continue;
    const open = line.status.quantity - fulfilledUnits(order, id);
    if (quantity > open)
      bag.add('items', `Line item #${id} has ${open} unit(s) left to fulfil, not ${quantity}.`);
  }
  if (!bag.empty) return bag.response();
  const fulfilment: ChqFulfilment = {
    id: store.counters.take('fulfilment'),
    items: merged,
    warehouse: items.find((i) => i.warehouse !== undefined)?.warehouse ?? null,
    created_at: nowSeconds(),
  };
  order.fulfilments.push(fulfilment);
  recomputeOrder(order);
  touched(order);
  return json(201, fulfilment);
}

/** PATCH /orders/ID/fulfilments (a list of `{id, items}`) and PATCH /orders/ID/fulfilments/ID. */
export function editFulfilments(order: ChqOrder, body: unknown, single?: number): Result {
  const entries = single === undefined ? body : [{ ...(isObject(body) ? body : {}), id: single }];
  if (!Array.isArray(entries)) return badRequest('Request body must be a JSON array of fulfilments.');
  const bag = new ErrorBag();
  const changes: Array<{ target: ChqFulfilment; items: ChqQuantity[]; warehouse?: number }> = [];
  entries.forEach((entry, i) => {
    const p = single === undefined ? `[${i}]` : '';
    const at = (f: string) => (p ? `${p}.${f}` : f);
    if (!isObject(entry)) {
      bag.add(p || 'body', 'Fulfilment must be an object.');
      return;
    }
    const id = readInt(entry, 'id', bag, { path: at('id'), required: true });
    const target = order.fulfilments.find((f) => f.id === id);
    if (id !== undefined && !target) bag.add(at('id'), `Fulfilment #${id} not found in this order.`);
    const items = merge(readQuantities(entry.items, at('items'), bag, order));
    const warehouse = readInt(entry, 'warehouse', bag, { path: at('warehouse') });
    if (target) changes.push({ target, items, ...(warehouse !== undefined ? { warehouse } : {}) });
  });
  if (bag.empty) {
    // Check the result as a whole: no line over-fulfilled, no shipped unit left without its fulfilment.
    const proposed = order.fulfilments.map((f) => changes.find((c) => c.target === f)?.items ?? f.items);
    for (const line of order.items) {
      const total = proposed.reduce(
        (n, items) => n + (items.find((i) => i.id === line.data.id)?.quantity ?? 0),
        0,
      );
      if (total > line.status.quantity)
        bag.add(
          'items',
          `Line item #${line.data.id} would be fulfilled ${total} times, it has ${line.status.quantity} unit(s).`,
        );
    }
    for (const { target, items } of changes) {
      for (const line of order.items) {
        const shipped = shippedFromFulfilment(order, target.id, line.data.id);
        const kept = items.find((i) => i.id === line.data.id)?.quantity ?? 0;
        if (kept < shipped)
          bag.add(
            'items',
            `Fulfilment #${target.id} has ${shipped} unit(s) of line item #${line.data.id} shipped.`,
          );
      }
    }
  }
  if (!bag.empty) return bag.response();
  for (const { target, items, warehouse } of changes) {
    target.items = items;
    if (warehouse !== undefined) target.warehouse = warehouse;
  }
  recomputeOrder(order);
  touched(order);
  return json(200, single === undefined ? order.fulfilments : changes[0]!.target);
}

/** DELETE /orders/ID/fulfilments/ID: "Unmark fulfilled" (its shipments must be deleted first). */
export function deleteFulfilment(order: ChqOrder, fulfilmentId: number): Result {
  const index = order.fulfilments.findIndex((f) => f.id === fulfilmentId);
  if (index < 0) return notFound(fulfilmentId);
  if (order.shipments.some((s) => s.fulfilment_id === fulfilmentId)) {
    return new ErrorBagWith(
      'base',
      `Fulfilment #${fulfilmentId} has shipments: delete them first.`,
    ).response();
  }
  order.fulfilments.splice(index, 1);
  recomputeOrder(order);
  touched(order);
  return noContent();
}

class ErrorBagWith extends ErrorBag {
  constructor(field: string, message: string) {
    super();
    this.add(field, message);
  }
}

function readCarrier(
  store: CommerceHQStore,
  entry: Body,
  path: string,
  bag: ErrorBag,
): number | null | undefined {
  if (entry.shipping_carrier === null) return null;
  const id = readInt(entry, 'shipping_carrier', bag, { path });
  if (id === undefined) return undefined;
  if (!store.carriers.some((c) => c.id === id && !c.is_deleted)) {
    bag.add(path, `Shipping carrier #${id} not found.`);
    return undefined;
  }
  return id;
}

function readNotify(body: Body, bag: ErrorBag): boolean {
  return readBool(body, 'notify', bag) ?? false;
}

/**
 * POST /orders/ID/shipments `{data: {...} | [...], notify}`. Each shipment ships from one
 * fulfilment: the `items` given, or everything of that fulfilment not yet shipped.
 */
export function createShipments(store: CommerceHQStore, order: ChqOrder, body: unknown): Result {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const many = Array.isArray(body.data);
  const entries: unknown[] = many ? (body.data as unknown[]) : body.data === undefined ? [] : [body.data];
  if (entries.length === 0) bag.add('data', 'Data is required.');
  const notify = readNotify(body, bag);
  const pending: ChqShipment[] = [];
  const remaining = (fulfilment: ChqFulfilment, lineId: number) =>
    (fulfilment.items.find((i) => i.id === lineId)?.quantity ?? 0) -
    shippedFromFulfilment(order, fulfilment.id, lineId) -
    pending
      .filter((s) => s.fulfilment_id === fulfilment.id)
      .reduce((n, s) => n + (s.items.find((i) => i.id === lineId)?.quantity ?? 0), 0);
  entries.forEach((entry, i) => {
    const p = many ? `data[${i}]` : 'data';
    if (!isObject(entry)) {
      bag.add(p, 'Data must be an object.');
      return;
    }
    const fid = readInt(entry, 'fulfilment_id', bag, { path: `${p}.fulfilment_id`, required: true });
    const fulfilment = order.fulfilments.find((f) => f.id === fid);
    if (fid !== undefined && !fulfilment)
      bag.add(`${p}.fulfilment_id`, `Fulfilment #${fid} not found in this order.`);
    const tracking = readString(entry, 'tracking_number', bag, { path: `${p}.tracking_number` });
    const carrier = readCarrier(store, entry, `${p}.shipping_carrier`, bag);
    if (!fulfilment) return;
    let items: ChqQuantity[];
    if (entry.items === undefined) {
      items = fulfilment.items
        .map((fi) => ({ id: fi.id, quantity: remaining(fulfilment, fi.id) }))
        .filter((q) => q.quantity > 0);
      if (items.length === 0)
        bag.add(`${p}.fulfilment_id`, `Fulfilment #${fulfilment.id} has nothing left to ship.`);
    } else {
      items = merge(
        readQuantities(entry.items, `${p}.items`, bag, order).map(({ id, quantity }) => ({ id, quantity })),
      );
      for (const { id, quantity } of items) {
        const left = remaining(fulfilment, id);
        if (quantity > left)
          bag.add(
            `${p}.items`,
            `Fulfilment #${fulfilment.id} has ${left} unit(s) of line item #${id} left to ship, not ${quantity}.`,
          );
      }
    }
    pending.push({
      id: 0,
      fulfilment_id: fulfilment.id,
      items,
      tracking_number: tracking ?? null,
      shipping_carrier: carrier ?? null,
      created_at: nowSeconds(),
    });
  });
  if (!bag.empty) return bag.response();
  for (const s of pending) {
    s.id = store.counters.take('shipment');
    order.shipments.push(s);
  }
  recomputeOrder(order);
  touched(order);
  if (notify) store.notifications.push({ kind: 'shipment', orderId: order.id, at: nowSeconds() });
  return json(201, many ? pending : pending[0]);
}

/** PATCH /orders/ID/shipments `{data: [{id, tracking_number, shipping_carrier}], notify}` and PATCH .../shipments/ID. */
export function editShipments(
  store: CommerceHQStore,
  order: ChqOrder,
  body: unknown,
  single?: number,
): Result {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const notify = readNotify(body, bag);
  let entries: unknown[];
  if (single !== undefined) entries = [isObject(body.data) ? { ...body.data, id: single } : body.data];
  else entries = Array.isArray(body.data) ? body.data : [];
  if (entries.length === 0 || entries[0] === undefined) bag.add('data', 'Data is required.');
  const changes: Array<{ target: ChqShipment; tracking?: string | null; carrier?: number | null }> = [];
  entries.forEach((entry, i) => {
    const p = single === undefined ? `data[${i}]` : 'data';
    if (!isObject(entry)) {
      if (entry !== undefined) bag.add(p, 'Data must be an object.');
      return;
    }
    const id = readInt(entry, 'id', bag, { path: `${p}.id`, required: true });
    const target = order.shipments.find((s) => s.id === id);
    if (id !== undefined && !target) bag.add(`${p}.id`, `Shipment #${id} not found in this order.`);
    const tracking = readString(entry, 'tracking_number', bag, { path: `${p}.tracking_number` });
    const carrier = readCarrier(store, entry, `${p}.shipping_carrier`, bag);
    if (target)
      changes.push({
        target,
        ...(tracking !== undefined ? { tracking } : {}),
        ...(carrier !== undefined ? { carrier } : {}),
      });
  });
  if (!bag.empty) return bag.response();
  for (const c of changes) {
    if (c.tracking !== undefined) c.target.tracking_number = c.tracking;
    if (c.carrier !== undefined) c.target.shipping_carrier = c.carrier;
  }
  touched(order);
  if (notify) store.notifications.push({ kind: 'shipment', orderId: order.id, at: nowSeconds() });
  return json(200, single === undefined ? changes.map((c) => c.target) : changes[0]!.target);
}

/** DELETE /orders/ID/shipments/ID: "Unmark shipped" (the units go back to fulfilled). */
export function deleteShipment(order: ChqOrder, shipmentId: number): Result {
  const index = order.shipments.findIndex((s) => s.id === shipmentId);
  if (index < 0) return notFound(shipmentId);
  if (order.restocks.some((r) => r.shipment_id === shipmentId)) {
    return new ErrorBagWith(
      'base',
      `Shipment #${shipmentId} has restocked items and can not be deleted.`,
    ).response();
  }
  order.shipments.splice(index, 1);
  recomputeOrder(order);
  touched(order);
  return noContent();
}

/**
 * POST /orders/ID/refund `{refund, notify, shipments?}`: "You can refund an order multiple times
 * until all the money in it is refunded"; `shipments` restocks shipped items.
 */
export function refundOrder(store: CommerceHQStore, order: ChqOrder, body: unknown): Result {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const cents = readMoney(body, 'refund', bag, { required: true, positive: true });
  const notify = readNotify(body, bag);
  if (order.paid === 0) bag.add('base', 'The order is not paid: there is nothing to refund.');
  else if (!order.refund_possible) bag.add('base', 'Refunding this order is no longer possible.');
  const refunded = toCents(order.refunded) ?? 0;
  const left = (toCents(order.total) ?? 0) - refunded;
  if (typeof cents === 'number' && bag.errors.base === undefined && cents > left) {
    bag.add('refund', `Refund can not be more than the ${centsToString(left)} left to refund.`);
  }
  const restocks: Array<{ shipment_id: number; items: ChqQuantity[] }> = [];
  if (body.shipments !== undefined) {
    if (!Array.isArray(body.shipments)) bag.add('shipments', 'Shipments must be an array.');
    else
      body.shipments.forEach((entry, i) => {
        const p = `shipments[${i}]`;
        if (!isObject(entry)) {
          bag.add(p, 'Shipment must be an object.');
          return;
        }
        const sid = readInt(entry, 'id', bag, { path: `${p}.id`, required: true });
        const shipment = order.shipments.find((s) => s.id === sid);
        if (sid !== undefined && !shipment) bag.add(`${p}.id`, `Shipment #${sid} not found in this order.`);
        const items = merge(readQuantities(entry.items, `${p}.items`, bag, order));
        if (!shipment) return;
        for (const { id, quantity } of items) {
          const shipped = shipment.items.find((x) => x.id === id)?.quantity ?? 0;
          const already = order.restocks
            .filter((r) => r.shipment_id === shipment.id)
            .reduce((n, r) => n + (r.items.find((x) => x.id === id)?.quantity ?? 0), 0);
          if (quantity > shipped - already)
            bag.add(
              `${p}.items`,
              `Shipment #${shipment.id} has ${shipped - already} unit(s) of line item #${id} to restock, not ${quantity}.`,
            );
        }
        restocks.push({ shipment_id: shipment.id, items });
      });
  }
  if (!bag.empty || typeof cents !== 'number') return bag.response();
  const now = nowSeconds();
  for (const r of restocks)
    order.restocks.push({ id: store.counters.take('restock'), ...r, created_at: now });
  applyRefundTotals(order, refunded + cents);
  recomputeOrder(order);
  touched(order);
  if (order.customer) store.refreshCustomer(order.customer.id);
  if (notify) store.notifications.push({ kind: 'refund', orderId: order.id, at: now });
  return json(200, order);
}
