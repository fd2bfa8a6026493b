import type { SimResponse } from '../../types';
import { COUPONS } from '../catalog';
import { fail, invalid, notFound } from '../errors';
import { lineItem, totals } from '../generate';
import { toMinor } from '../money';
import { inRange, paginate, QueryReader, timeOf } from '../paging';
import type { BodyReader } from '../validate';
import {
  ORDER_STATUSES,
  type OrderStatus,
  type WireErrorDetail,
  type WireOrder,
  type WireProduct,
} from '../wire';
import { type ApiContext, isResponse, nowIso, objectBody, ok } from './context';

/**
 * "Only valid state transitions are accepted" — the seed names no table, so this one follows the
 * lifecycle its enum implies: an order is confirmed, shipped, delivered; it can be cancelled until
 * it ships and refunded once paid for (confirmed or delivered). Cancelled and refunded are final.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

const required = true;
const SETTABLE_STATUSES = ORDER_STATUSES.filter((s) => s !== 'pending');
const REASON_REQUIRED: readonly OrderStatus[] = ['cancelled', 'refunded'];

/** GET /orders: `status`, `from` (created at or after), `to` (created before), paged, in creation order. */
export function listOrders({ req, store }: ApiContext): SimResponse {
  const q = new QueryReader(req.query);
  const { page, pageSize } = q.paging();
  const status = q.oneOf('status', ORDER_STATUSES);
  const from = q.dateTime('from');
  const to = q.dateTime('to');
  if (q.details.length > 0) return invalid(q.details, 'Invalid query parameters');
  let entries = store.orders.liveEntries();
  if (status !== undefined || from !== undefined || to !== undefined) {
    entries = entries.filter(
      ({ record: o }) =>
        (status === undefined || o.status === status) && inRange(timeOf(o.createdAt), from, to),
    );
  }
  return ok(paginate(entries, page, pageSize));
}

export function getOrder({ store, params }: ApiContext): SimResponse {
  const entry = store.orders.get(params[0]!);
  return entry ? ok(entry.record) : notFound('Order');
}

interface LineRequest {
  productId: string;
  quantity: number;
  index: number;
}

/** POST /orders: 400 for a malformed body, 422 for business rules; stock is reserved atomically. */
export function createOrder({ req, store }: ApiContext): SimResponse {
  const reader = objectBody(req);
  if (isResponse(reader)) return reader;
  const customerId = reader.string('customerId', { required, nonEmpty: true });
  const lines = readLines(reader);
  const notes = reader.string('notes', { nullable: true });
  const coupon = reader.string('coupon', { nullable: true });
  if (reader.details.length > 0) return invalid(reader.details);

  const problems: { code: string; detail: WireErrorDetail }[] = [];
  const problem = (code: string, field: string, message: string) =>
    problems.push({ code, detail: { field, message, code: code.toLowerCase() } });

  const customer = store.customers.get(customerId!);
  if (!customer) problem('CUSTOMER_NOT_FOUND', 'customerId', `Customer ${customerId} does not exist`);
  const products: WireProduct[] = [];
  const wanted = new Map<string, number>();
  for (const line of lines) {
    const field = `items.${line.index}.productId`;
    const product = store.products.get(line.productId)?.record;
    if (!product) {
      problem('PRODUCT_NOT_FOUND', field, `Product ${line.productId} does not exist`);
      continue;
    }
    if (product.active !== true) problem('PRODUCT_INACTIVE', field, `Product ${product.sku} is not active`);
    if (typeof product.price !== 'number' || toMinor(product.price, product.currency) === undefined)
      problem('PRODUCT_UNAVAILABLE', field, `Product ${line.productId} has no valid price`);
    products.push(product);
    wanted.set(product.productId, (wanted.get(product.productId) ?? 0) + line.quantity);
  }
  const currencies = new Set(products.map((p) => p.currency));
  if (currencies.size > 1)
    problem(
      'CURRENCY_MISMATCH',
      'items',
      `All items must share one currency (got ${[...currencies].join(', ')})`,
    );
  for (const product of new Set(products)) {
    const quantity = wanted.get(product.productId) ?? 0;
    if (typeof product.stock !== 'number' || product.stock < quantity)
      problem(
        'INSUFFICIENT_STOCK',
        'items',
        `Only ${String(product.stock)} of ${product.sku} in stock, ${quantity} requested`,
      );
  }
  if (typeof coupon === 'string' && COUPONS[coupon.toUpperCase()] === undefined)
    problem('INVALID_COUPON', 'coupon', `Coupon "${coupon}" is not valid`);
  if (problems.length > 0) {
    const first = problems[0]!;
    return fail(
      422,
      first.code,
      first.detail.message,
      problems.map((p) => p.detail),
    );
  }

  // All checks passed: reserve stock for every line at once.
  for (const product of new Set(products)) product.stock -= wanted.get(product.productId) ?? 0;
  const byId = new Map(products.map((p) => [p.productId, p]));
  const items = lines.map((line) => lineItem(byId.get(line.productId)!, line.quantity));
  const currency = products[0]!.currency;
  const order: WireOrder = {
    orderId: store.factory.uuid(),
    customerId: customerId!,
    ...totals(items, currency, typeof coupon === 'string' ? coupon.toUpperCase() : null),
    status: 'pending',
    notes: notes ?? null,
    createdAt: nowIso(),
    updatedAt: null,
  };
  store.orders.add(order);
  customer!.record.orderCount += 1;
  customer!.record.lastOrderAt = order.createdAt;
  return ok(order, 201);
}

/** PATCH /orders/{id}/status: `reason` required when cancelling or refunding (the seed). */
export function updateOrderStatus({ req, store, params }: ApiContext): SimResponse {
  const entry = store.orders.get(params[0]!);
  if (!entry) return notFound('Order');
  const reader = objectBody(req);
  if (isResponse(reader)) return reader;
  const status = reader.oneOf('status', SETTABLE_STATUSES, { required });
  const reason = reader.string('reason', { nullable: true });
  if (
    status &&
    REASON_REQUIRED.includes(status) &&
    (typeof reason !== 'string' || reason.trim() === '') &&
    !reader.details.some((d) => d.field === 'reason')
  )
    reader.fail('reason', `is required when the status is ${status}`, 'required');
  if (reader.details.length > 0) return invalid(reader.details);

  const order = entry.record;
  const from = order.status;
  if (!(TRANSITIONS[from] ?? []).includes(status!)) {
    return fail(
      422,
      'INVALID_STATUS_TRANSITION',
      `Cannot change an order from ${String(from)} to ${status}`,
      [
        {
          field: 'status',
          message: `allowed from ${String(from)}: ${(TRANSITIONS[from] ?? []).join(', ') || 'none'}`,
          code: 'invalid_transition',
        },
      ],
    );
  }
  if (status === 'cancelled') {
    // Cancelling releases the stock reserved at creation.
    for (const item of order.items) {
      const product = store.products.get(item.productId)?.record;
      if (product && typeof product.stock === 'number') product.stock += item.quantity;
    }
  }
  const at = nowIso();
  entry.record = { ...order, status: status!, updatedAt: at };
  const history = store.statusHistory.get(order.orderId) ?? [];
  history.push({ from, to: status!, reason: typeof reason === 'string' ? reason : null, at });
  store.statusHistory.set(order.orderId, history);
  return ok(entry.record);
}

function readLines(reader: BodyReader): LineRequest[] {
  const items = reader.array('items', { required, minItems: 1 });
  const lines: LineRequest[] = [];
  if (!items) return lines;
  items.forEach((item, index) => {
    const line = reader.nested(`items.${index}`, item);
    if (!line) return;
    const productId = line.string('productId', { required, nonEmpty: true });
    const quantity = line.integer('quantity', { required, min: 1, max: 10_000 });
    if (typeof productId === 'string' && typeof quantity === 'number')
      lines.push({ productId, quantity, index });
  });
  return lines;
}
