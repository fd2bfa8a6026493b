import {
  encodePath,
  OrderInputSchema,
  type OrderStatus,
  parseInput,
  type RoundingMode,
  StatusUpdateOptionsSchema,
  signalOf,
  ValidationError,
} from '@storeport/core';
import { defaultId, type OrdersDeclaration } from '@storeport/core/kit';
import type { CommerceApiClient } from './client';
import { apiList } from './listing';
import { mapOrder } from './map-order';
import { PLATFORM } from './platform';
import { orderBody } from './to-wire';
import { SETTABLE_STATUSES, type WireOrder, WireOrderSchema } from './wire/order';

const LISTABLE_STATUSES: readonly unknown[] = ['pending', ...SETTABLE_STATUSES];
/** The seed: `reason` is "Required when cancelling or refunding". */
const REASON_REQUIRED: readonly OrderStatus[] = ['cancelled', 'refunded'];

/**
 * `GET /orders` filters `status`, `from` (created at or after), `to` (created before). Orders have
 * no update, delete, fulfilment or refund endpoint: status changes are the only order write.
 */
export function orders(client: CommerceApiClient, rounding?: RoundingMode): OrdersDeclaration {
  const map = (wire: WireOrder) => mapOrder(wire, rounding);
  const send = async (req: Parameters<CommerceApiClient['send']>[0]) =>
    map((await client.send({ ...req, what: 'order' }, WireOrderSchema)).body);
  return {
    list: apiList(client, {
      path: '/orders',
      wire: WireOrderSchema,
      map,
      idOf: (raw) => defaultId(raw, 'orderId'),
      filters: ['status', 'createdSince', 'createdBefore'],
      filterHints: {
        updatedSince:
          'the API filters orders by creation time only (createdSince / createdBefore → from / to)',
        customerId: 'GET /orders has no customer filter',
      },
      checkFilters: (f) => {
        if (f.status !== undefined && !LISTABLE_STATUSES.includes(f.status))
          throw invalid('status', `must be one of ${LISTABLE_STATUSES.join(', ')}`);
      },
      query: (f) => ({
        status: f.status as string,
        from: f.createdSince as string,
        to: f.createdBefore as string,
      }),
    }),
    get: async (id, options) =>
      send({ method: 'GET', path: encodePath`/orders/${id}`, ...signalOf(options) }),
    create: async (input, options) =>
      send({
        method: 'POST',
        path: '/orders',
        body: orderBody(parseInput(PLATFORM, 'order', OrderInputSchema, input)),
        ...signalOf(options),
      }),
    /** `PATCH /orders/{id}/status`; the API enforces its transitions (422 → ValidationError). */
    updateStatus: async (id, status, options) => {
      if (!(SETTABLE_STATUSES as readonly string[]).includes(status))
        throw invalid('status', `the Commerce API can move an order to ${SETTABLE_STATUSES.join(', ')} only`);
      const { reason } = parseInput(PLATFORM, 'status update', StatusUpdateOptionsSchema, {
        reason: options?.reason,
      });
      if (REASON_REQUIRED.includes(status) && reason === undefined)
        throw invalid('reason', `is required to move an order to ${status}`);
      const path = encodePath`/orders/${id}/status`;
      return send({ method: 'PATCH', path, body: { status, reason }, ...signalOf(options) });
    },
    unsupported: {
      update: 'the API has no order update endpoint (only PATCH /orders/{id}/status)',
      delete: 'the API has no order delete endpoint (cancel with updateStatus)',
      fulfill: 'the API records no fulfilments (use updateStatus(id, "shipped"))',
      refund: 'the API refunds whole orders only: updateStatus(id, "refunded", { reason })',
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
