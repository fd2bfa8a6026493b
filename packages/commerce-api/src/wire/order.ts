import { z } from 'zod';
import { WireAmount, WireCurrency, WireId, WireTime } from './common';

/** A line of an order: `sku`, `name` and `lineTotal` are read-only and not starred in the seed. */
export const WireOrderItemSchema = z.looseObject({
  productId: WireId,
  sku: z.string().optional(),
  name: z.string().optional(),
  quantity: z.number().int(),
  unitPrice: WireAmount,
  lineTotal: WireAmount.optional(),
});

/** The seed's order schema; `status` is an open string so a new status maps to `'unknown'`. */
export const WireOrderSchema = z.looseObject({
  orderId: WireId,
  customerId: z.string(),
  items: z.array(WireOrderItemSchema),
  subtotal: WireAmount,
  discount: WireAmount.nullable().optional(),
  total: WireAmount,
  currency: WireCurrency,
  status: z.string(),
  notes: z.string().nullable().optional(),
  createdAt: WireTime.optional(),
  updatedAt: WireTime.nullable().optional(),
});
export type WireOrder = z.infer<typeof WireOrderSchema>;
export type WireOrderItem = z.infer<typeof WireOrderItemSchema>;

/** Statuses `PATCH /orders/{id}/status` accepts (an order cannot be put back to pending). */
export const SETTABLE_STATUSES = ['confirmed', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
