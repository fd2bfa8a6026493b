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

/** What an order is: a sale, or a separate order that gives money back (a refund) or swaps goods (an exchange). */
export const ORDER_KINDS = ['sale', 'refund', 'exchange'] as const;
/** Charges that are neither goods, shipping, tax nor discount. */
export const OTHER_CHARGE_TYPES = ['tip', 'duty', 'deposit', 'fee', 'other'] as const;

export const OrderStatusSchema = lenientEnum(ORDER_STATUSES);
export const OrderKindSchema = lenientEnum(ORDER_KINDS);
export const OtherChargeTypeSchema = lenientEnum(OTHER_CHARGE_TYPES);
export type OrderKind = z.infer<typeof OrderKindSchema>;
export type OtherChargeType = z.infer<typeof OtherChargeTypeSchema>;
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

export const OtherChargeSchema = z.object({
  type: OtherChargeTypeSchema,
  /** The platform's own name for the charge, where it gives one. */
  title: z.string().nullable(),
  amount: MoneySchema,
});
export type OtherCharge = z.infer<typeof OtherChargeSchema>;

export const OrderSchema = z.object({
  platform: z.string(),
  id: IdSchema,
  /** The number a merchant sees (may differ from the id). */
  number: z.string(),
  customerId: z.string().nullable(),
  email: z.string().nullable(),
  /**
   * A sale, or a refund / exchange recorded by the platform as an order of its own. Money that
   * went back to the customer is negative, so summing `total` over an export gives net revenue.
   */
  kind: OrderKindSchema,
  /** A refund or exchange: the id of the order it reverses, where the platform links them. */
  originalOrderId: z.string().nullable(),
  /** A sale: the ids of the refund / exchange orders recorded against it (empty where none or where the platform refunds inside the order). */
  refundOrderIds: z.array(z.string()),
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
  /** Tips, duties, bottle deposits, fees: charged on top of goods, shipping and tax. */
  otherCharges: z.array(OtherChargeSchema),
  /** Sum of `otherCharges`. */
  otherChargesTotal: MoneySchema,
  /** Prices already include tax (VAT-style): `taxTotal` is then part of `subtotal`, not added to it. */
  taxesIncluded: z.boolean(),
  /**
   * What the platform's own figures leave unexplained: `total` − (`subtotal` − `discountTotal` +
   * `shippingTotal` + `taxTotal` unless `taxesIncluded` + `otherChargesTotal`). Zero when the
   * order adds up, which it does on every well-formed order; non-zero only when the platform
   * reports a total that its parts do not give (manual adjustments, its own rounding).
   */
  adjustmentTotal: MoneySchema,
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
