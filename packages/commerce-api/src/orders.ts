import {
  type CallOptions,
  encodePath,
  type Order,
  type OrderInput,
  OrderInputSchema,
  type OrderListParams,
  type OrderStatus,
  type OrdersResource,
  parseInput,
  type StatusUpdateOptions,
  StatusUpdateOptionsSchema,
  signalOf,
  unsupported,
  ValidationError,
} from '@storeport/core';
import type { ApiClient } from './client';
import { type Filters, makeLister, onlyFilters, timeFilter } from './listing';
import { mapOrder } from './map-order';
import { PLATFORM } from './options';
import { orderBody } from './to-wire';
import { SETTABLE_STATUSES, type WireOrder, WireOrderSchema } from './wire/order';

const LISTABLE_STATUSES = ['pending', ...SETTABLE_STATUSES] as const;
/** The seed: `reason` is "Required when cancelling or refunding". */
const REASON_REQUIRED: readonly OrderStatus[] = ['cancelled', 'refunded'];

/** `GET /orders` filters (the seed): `status`, `from` (created at or after), `to` (created before). */
function orderQuery(f: Filters) {
  onlyFilters('orders', f, ['status', 'createdSince', 'createdBefore'], {
    updatedSince: 'the API filters orders by creation time only (createdSince / createdBefore → from / to)',
    customerId: 'GET /orders has no customer filter',
    sort: 'GET /orders has no sort parameter (orders come in creation order)',
  });
  if (f.status !== undefined && !(LISTABLE_STATUSES as readonly unknown[]).includes(f.status)) {
    throw invalid('status', `must be one of ${LISTABLE_STATUSES.join(', ')}`);
  }
  const from = timeFilter('createdSince', f.createdSince);
  const to = timeFilter('createdBefore', f.createdBefore);
  return {
    ...(f.status !== undefined ? { status: String(f.status) } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

export function ordersResource(client: ApiClient): OrdersResource {
  const { list, iterate } = makeLister<WireOrder, Order, OrderListParams>(client, {
    resource: 'orders',
    path: '/orders',
    schema: WireOrderSchema,
    map: mapOrder,
    query: orderQuery,
  });
  return {
    list,
    iterate,
    async get(id: string, options?: CallOptions) {
      const res = await client.send(
        { method: 'GET', path: encodePath`/orders/${id}`, ...signalOf(options), what: 'order' },
        WireOrderSchema,
      );
      return mapOrder(res.body);
    },
    async create(input: OrderInput, options?: CallOptions) {
      const body = orderBody(parseInput(PLATFORM, 'order', OrderInputSchema, input));
      const res = await client.send(
        { method: 'POST', path: '/orders', body, ...signalOf(options), what: 'order' },
        WireOrderSchema,
      );
      return mapOrder(res.body);
    },
    /** `PATCH /orders/{id}/status`; the API enforces its transitions (422 → ValidationError). */
    async updateStatus(id: string, status: OrderStatus, options?: StatusUpdateOptions) {
      const path = encodePath`/orders/${id}/status`;
      if (!(SETTABLE_STATUSES as readonly string[]).includes(status)) {
        throw invalid('status', `the Commerce API can move an order to ${SETTABLE_STATUSES.join(', ')} only`);
      }
      const { reason } = parseInput(PLATFORM, 'status update', StatusUpdateOptionsSchema, {
        ...(options?.reason !== undefined ? { reason: options.reason } : {}),
      });
      if (REASON_REQUIRED.includes(status) && reason === undefined) {
        throw invalid('reason', `is required to move an order to ${status}`);
      }
      const body = { status, ...(reason !== undefined ? { reason } : {}) };
      const res = await client.send(
        { method: 'PATCH', path, body, ...signalOf(options), what: 'order' },
        WireOrderSchema,
      );
      return mapOrder(res.body);
    },
    async update() {
      return unsupported(
        PLATFORM,
        'orders',
        'update',
        'the API has no order update endpoint (only PATCH /orders/{id}/status)',
      );
    },
    async delete() {
      return unsupported(
        PLATFORM,
        'orders',
        'delete',
        'the API has no order delete endpoint (cancel with updateStatus)',
      );
    },
    async fulfill() {
      return unsupported(
        PLATFORM,
        'orders',
        'fulfill',
        'the API records no fulfilments (use updateStatus(id, "shipped"))',
      );
    },
    async refund() {
      return unsupported(
        PLATFORM,
        'orders',
        'refund',
        'the API refunds whole orders only: updateStatus(id, "refunded", { reason })',
      );
    },
  };
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(`${PLATFORM}: ${field} ${message}`, {
    platform: PLATFORM,
    code: 'invalid_input',
    issues: [{ field, message }],
  });
}
