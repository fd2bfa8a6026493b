import { z } from 'zod';
import { AddressInputSchema } from './address';
import { ORDER_STATUSES } from './order';
import { MoneySchema } from './primitives';
import { PRODUCT_STATUSES } from './product';

/** Merged into the wire payload for what the unified model lacks. */
const platformFields = z.record(z.string(), z.unknown()).optional();
const nonEmpty = z.string().trim().min(1);

export const CustomerInputSchema = z
  .object({
    email: z.email().optional(),
    firstName: nonEmpty.optional(),
    lastName: nonEmpty.optional(),
    phone: nonEmpty.optional(),
    addresses: z.array(AddressInputSchema).optional(),
    tags: z.array(nonEmpty).optional(),
    note: z.string().optional(),
    platformFields,
  })
  .strict()
  .refine((c) => c.email !== undefined || c.firstName !== undefined || c.lastName !== undefined, {
    message: 'a customer needs at least an email, a first name or a last name',
    path: ['email'],
  });
export type CustomerInput = z.infer<typeof CustomerInputSchema>;

export const CustomerUpdateSchema = z
  .object({
    email: z.email().optional(),
    firstName: nonEmpty.optional(),
    lastName: nonEmpty.optional(),
    phone: z.string().nullable().optional(),
    addresses: z.array(AddressInputSchema).optional(),
    tags: z.array(nonEmpty).optional(),
    note: z.string().nullable().optional(),
    platformFields,
  })
  .strict();
export type CustomerUpdate = z.infer<typeof CustomerUpdateSchema>;

const nonNegativeMoney = MoneySchema.refine((m) => m.amount >= 0, {
  message: 'must not be negative',
  path: ['amount'],
});

export const VariantInputSchema = z
  .object({
    id: z.string().optional(),
    sku: nonEmpty.optional(),
    title: nonEmpty.optional(),
    price: nonNegativeMoney.optional(),
    compareAtPrice: nonNegativeMoney.optional(),
    options: z.array(z.string()).optional(),
    inventoryQuantity: z.number().int().nonnegative().optional(),
    platformFields,
  })
  .strict();
export type VariantInput = z.infer<typeof VariantInputSchema>;

const productFields = {
  title: nonEmpty,
  description: z.string().optional(),
  sku: nonEmpty.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  price: nonNegativeMoney.optional(),
  compareAtPrice: nonNegativeMoney.optional(),
  /** Stock of a single-variant product. */
  inventoryQuantity: z.number().int().nonnegative().optional(),
  /** Maps to the Commerce API's `category` and CommerceHQ's `type`. */
  type: nonEmpty.optional(),
  vendor: nonEmpty.optional(),
  tags: z.array(nonEmpty).optional(),
  variants: z.array(VariantInputSchema).optional(),
  images: z.array(z.object({ url: z.url(), alt: z.string().optional() }).strict()).optional(),
  platformFields,
};

export const ProductInputSchema = z.object(productFields).strict();
export type ProductInput = z.infer<typeof ProductInputSchema>;

export const ProductUpdateSchema = z.object(productFields).partial().strict();
export type ProductUpdate = z.infer<typeof ProductUpdateSchema>;

export const OrderLineInputSchema = z
  .object({
    productId: z.string().optional(),
    variantId: z.string().optional(),
    sku: z.string().optional(),
    title: z.string().optional(),
    quantity: z.number().int().positive(),
    unitPrice: nonNegativeMoney.optional(),
  })
  .strict()
  .refine((l) => l.productId !== undefined || l.variantId !== undefined || l.sku !== undefined, {
    message: 'a line item needs a productId, variantId or sku',
    path: ['productId'],
  });
export type OrderLineInput = z.infer<typeof OrderLineInputSchema>;

export const OrderInputSchema = z
  .object({
    customerId: z.string().optional(),
    email: z.email().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    lineItems: z.array(OrderLineInputSchema).min(1),
    shippingAddress: AddressInputSchema.optional(),
    billingAddress: AddressInputSchema.optional(),
    note: z.string().optional(),
    platformFields,
  })
  .strict();
export type OrderInput = z.infer<typeof OrderInputSchema>;

export const OrderUpdateSchema = z
  .object({
    note: z.string().optional(),
    email: z.email().optional(),
    customerId: z.string().optional(),
    shippingAddress: AddressInputSchema.optional(),
    billingAddress: AddressInputSchema.optional(),
    platformFields,
  })
  .strict();
export type OrderUpdate = z.infer<typeof OrderUpdateSchema>;

export const FulfillmentInputSchema = z
  .object({
    /** Which lines and how many; all unfulfilled lines when omitted. */
    lineItems: z.array(z.object({ id: nonEmpty, quantity: z.number().int().positive() }).strict()).optional(),
    trackingNumber: nonEmpty.optional(),
    carrier: nonEmpty.optional(),
    trackingUrl: z.url().optional(),
    notify: z.boolean().optional(),
    platformFields,
  })
  .strict();
export type FulfillmentInput = z.infer<typeof FulfillmentInputSchema>;

export const RefundInputSchema = z
  .object({
    amount: MoneySchema.refine((m) => m.amount > 0, { message: 'must be positive', path: ['amount'] }),
    reason: z.string().optional(),
    notify: z.boolean().optional(),
    /** Put refunded items back in stock, where the platform can. */
    restock: z.boolean().optional(),
    platformFields,
  })
  .strict();
export type RefundInput = z.infer<typeof RefundInputSchema>;

export const OrderStatusInputSchema = z.enum(ORDER_STATUSES);
export const StatusUpdateOptionsSchema = z.object({ reason: z.string().trim().min(1).optional() }).strict();
