import { z } from 'zod';
import { WireAddressPartSchema, WireDecimal, WireIdSchema, WireUnix } from './common';

const count = z.number().int().nonnegative();

/** One of `items`: the product as ordered (`data`, the seed's LineItems) and its counters (`status`). */
export const WireLineItemSchema = z.looseObject({
  data: z.looseObject({
    id: WireIdSchema,
    product_id: WireIdSchema.nullable().optional(),
    title: z.string(),
    sku: z.string().nullable().optional(),
    price: WireDecimal,
    track_inventory: z.boolean().optional(),
    variant: z.looseObject({ id: WireIdSchema }).nullable().optional(),
  }),
  status: z.looseObject({
    quantity: count,
    not_fulfilled: count.optional(),
    fulfilled: count.optional(),
    shipped: count.optional(),
    restocked: count.optional(),
  }),
});
export type WireLineItem = z.infer<typeof WireLineItemSchema>;

const quantities = z.array(z.looseObject({ id: WireIdSchema, quantity: count }));

export const WireFulfilmentSchema = z.looseObject({ id: WireIdSchema, items: quantities });
export const WireShipmentSchema = z.looseObject({
  id: WireIdSchema,
  fulfilment_id: WireIdSchema.nullable().optional(),
  items: quantities.nullable().optional(),
});
export const WireRestockSchema = z.looseObject({
  shipment_id: WireIdSchema.nullable().optional(),
  items: quantities.nullable().optional(),
});

/** GET /orders/{id}. */
export const WireOrderSchema = z.looseObject({
  id: WireIdSchema,
  display_number: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  status: z.number().int(),
  paid: z.number().int(),
  shipping: z
    .looseObject({ description: z.string().nullable().optional(), price: WireDecimal.nullable().optional() })
    .nullable()
    .optional(),
  tax: WireDecimal.nullable().optional(),
  total: WireDecimal,
  items: z.array(WireLineItemSchema),
  fulfilments: z.array(WireFulfilmentSchema).nullable().optional(),
  shipments: z.array(WireShipmentSchema).nullable().optional(),
  restocks: z.array(WireRestockSchema).nullable().optional(),
  customer: z
    .looseObject({ id: WireIdSchema, email: z.string().nullable().optional() })
    .nullable()
    .optional(),
  address: z
    .looseObject({
      shipping: WireAddressPartSchema.nullable().optional(),
      billing: WireAddressPartSchema.nullable().optional(),
      phone: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  refunded: WireDecimal.nullable().optional(),
  order_date: WireUnix,
  updated_at: WireUnix.optional(),
  notes: z.string().nullable().optional(),
});
export type WireOrder = z.infer<typeof WireOrderSchema>;
