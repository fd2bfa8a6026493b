import { z } from 'zod';
import { AddressSchema } from './address';
import { IdSchema, lenientEnum, MoneySchema, RawSchema, TimestampSchema } from './primitives';

export const ORDER_STATUSES = [
  'pending',
  'confirmed',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
export const PAYMENT_STATUSES = [
  'unpaid',
  'authorized',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
] as const;
export const FULFILLMENT_STATUSES = [
  'unfulfilled',
  'partially_fulfilled',
  'fulfilled',
  'partially_shipped',
  'shipped',
  'delivered',
  'not_required',
] as const;

export const OrderStatusSchema = lenientEnum(ORDER_STATUSES);
export const PaymentStatusSchema = lenientEnum(PAYMENT_STATUSES);
export const FulfillmentStatusSchema = lenientEnum(FULFILLMENT_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;
export type FulfillmentStatus = z.infer<typeof FulfillmentStatusSchema>;

export const LineItemSchema = z.object({
  id: z.string().nullable(),
  productId: z.string().nullable(),
  variantId: z.string().nullable(),
  sku: z.string().nullable(),
  title: z.string(),
  quantity: z.number().int(),
  unitPrice: MoneySchema,
  /** unitPrice × quantity, less line discounts where the platform reports them. */
  total: MoneySchema,
});
export type LineItem = z.infer<typeof LineItemSchema>;

export const OrderSchema = z.object({
  platform: z.string(),
  id: IdSchema,
  /** The number a merchant sees (may differ from the id). */
  number: z.string(),
  customerId: z.string().nullable(),
  email: z.string().nullable(),
  status: OrderStatusSchema,
  paymentStatus: PaymentStatusSchema,
  fulfillmentStatus: FulfillmentStatusSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Sales channel where the platform records one (web, pos, club, ...). */
  channel: z.string().nullable(),
  lineItems: z.array(LineItemSchema),
  subtotal: MoneySchema,
  discountTotal: MoneySchema,
  taxTotal: MoneySchema,
  shippingTotal: MoneySchema,
  total: MoneySchema,
  refundedTotal: MoneySchema,
  shippingAddress: AddressSchema.nullable(),
  billingAddress: AddressSchema.nullable(),
  note: z.string().nullable(),
  createdAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema.nullable(),
  raw: RawSchema,
});
export type Order = z.infer<typeof OrderSchema>;
