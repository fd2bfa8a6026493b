import {
  type CallOptions,
  encodePath,
  type FieldIssue,
  type FulfillmentInput,
  FulfillmentInputSchema,
  type Order,
  type OrderUpdate,
  OrderUpdateSchema,
  parseInput,
} from '@storeport/core';
import type { Commerce7Client } from './client';
import { cursorList, dateRange } from './listing';
import { mapOrder } from './map-order';
import { PLATFORM } from './platform';
import { fulfillmentBody, noteBody, rejectInput } from './to-wire';
import { WireNoteSchema } from './wire/note';
import { type WireOrder, WireOrderSchema } from './wire/order';

const WHY = {
  create:
    "Commerce7's POST /order is a historical import that records an order exactly as given (no pricing, tax or payment); use request() for it",
  delete: 'Commerce7 documents no order deletion',
  updateStatus:
    'Commerce7 documents no order status change (cancellation and refunds are made in its admin or POS)',
  refund: 'Commerce7 documents no refund endpoint',
};

export function ordersResource(client: Commerce7Client) {
  const list = cursorList(client, 'orders', {
    wire: WireOrderSchema,
    map: (w: WireOrder) => mapOrder(w, client.currency),
    // `updatedAt` (`gte:`), `customerId`, and `orderSubmittedDate` for the creation range (the
    // unified `createdAt` is when the order was submitted; `btw:` is documented for it).
    filters: ['updatedSince', 'customerId', 'createdSince', 'createdBefore'],
    filterHints: {
      status:
        'Commerce7 has no single order status to filter on (the unified status is derived from paymentStatus and fulfillmentStatus)',
    },
    query: (f) => ({
      updatedAt: f.updatedSince === undefined ? undefined : `gte:${f.updatedSince}`,
      customerId: f.customerId === undefined ? undefined : String(f.customerId),
      ...dateRange('orders', 'orderSubmittedDate', f.createdSince, f.createdBefore, true),
    }),
  });

  async function fetchOrder(id: string, options?: CallOptions): Promise<WireOrder> {
    const res = await client.send(
      { method: 'GET', path: encodePath`/order/${id}`, signal: options?.signal, what: 'order' },
      WireOrderSchema,
    );
    return res.body;
  }

  return {
    list,

    async get(id: string, options?: CallOptions): Promise<Order> {
      return mapOrder(await fetchOrder(id, options), client.currency);
    },

    unsupported: WHY,

    /**
     * Orders cannot be edited through the API; a note can be added (`POST /note` with the order's
     * id), which is what `{ note }` does. Other fields are refused before anything is sent.
     */
    async update(id: string, input: OrderUpdate, options?: CallOptions): Promise<Order> {
      const valid = parseInput(PLATFORM, 'order update', OrderUpdateSchema, input);
      const issues: FieldIssue[] = [];
      for (const key of ['email', 'customerId', 'shippingAddress', 'billingAddress'] as const) {
        if (valid[key] !== undefined) {
          issues.push({
            field: key,
            message: 'Commerce7 orders cannot be edited through the API; only a note can be added',
          });
        }
      }
      if (valid.note === undefined || valid.note.trim() === '')
        issues.push({ field: 'note', message: 'is required: a note is what Commerce7 can add to an order' });
      if (issues.length > 0) rejectInput('order update', issues);
      const order = await fetchOrder(id, options);
      await client.send(
        {
          method: 'POST',
          path: '/note',
          body: noteBody({ orderId: order.id }, valid.note!, valid.platformFields),
          signal: options?.signal,
          what: 'note',
        },
        WireNoteSchema,
      );
      return mapOrder(order, client.currency);
    },

    /** Reads the order (lines are fulfilled by SKU, and the delivery method picks the type), then fulfils. */
    async fulfill(id: string, input: FulfillmentInput, options?: CallOptions): Promise<Order> {
      const valid = parseInput(PLATFORM, 'fulfilment', FulfillmentInputSchema, input);
      if (valid.trackingUrl !== undefined) {
        rejectInput('fulfilment', [
          {
            field: 'trackingUrl',
            message: 'Commerce7 fulfilments take tracking numbers and a carrier, not a URL',
          },
        ]);
      }
      const order = await fetchOrder(id, options);
      const { all, body } = fulfillmentBody(order, valid);
      const res = await client.send(
        {
          method: 'POST',
          path: all
            ? encodePath`/order/${order.id}/fulfillment/all`
            : encodePath`/order/${order.id}/fulfillment`,
          body,
          signal: options?.signal,
          what: 'order',
        },
        WireOrderSchema,
      );
      return mapOrder(res.body, client.currency);
    },
  };
}
