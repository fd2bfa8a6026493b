import { z } from 'zod';
import { cents, maybe, text, WireOrderAddressSchema } from './common';

export const WireOrderItemSchema = z.looseObject({
  id: text,
  productId: text,
  productVariantId: text,
  /** The field is `sku` (not `productSku`); the title is `productTitle` (NOTES-research §4). */
  sku: text,
  productTitle: z.string(),
  /** Unit price in cents, after promotions. There is no per-line total field. */
  price: cents,
  quantity: z.number().int(),
  quantityFulfilled: maybe(z.number().int()),
});
export type WireOrderItem = z.infer<typeof WireOrderItemSchema>;

export const WireTenderSchema = z.looseObject({
  chargeType: text,
  chargeStatus: text,
  amountTendered: maybe(cents),
});

export const WirePromotionSchema = z.looseObject({ totalValue: maybe(cents) });

/** An order as `GET /order/{id}` and the `orders` list send it (orders docs). */
export const WireOrderSchema = z.looseObject({
  id: z.string().min(1),
  /** An integer up to 2,147,483,647. */
  orderNumber: z.number().int(),
  customerId: text,
  email: text,
  channel: text,
  paymentStatus: text,
  fulfillmentStatus: text,
  /** In the docs' enum table but in no example order: read when present. */
  shippingStatus: text,
  orderDeliveryMethod: text,
  items: z.array(WireOrderItemSchema),
  subTotal: cents,
  shipTotal: maybe(cents),
  taxTotal: maybe(cents),
  total: cents,
  promotions: maybe(z.array(WirePromotionSchema)),
  tenders: maybe(z.array(WireTenderSchema)),
  shipTo: maybe(WireOrderAddressSchema),
  billTo: maybe(WireOrderAddressSchema),
  orderSubmittedDate: text,
  createdAt: text,
  updatedAt: text,
});
export type WireOrder = z.infer<typeof WireOrderSchema>;
