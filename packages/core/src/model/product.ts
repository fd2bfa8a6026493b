import { z } from 'zod';
import { IdSchema, lenientEnum, MoneySchema, RawSchema, TimestampSchema } from './primitives';

export const PRODUCT_STATUSES = ['active', 'draft', 'archived'] as const;
export const ProductStatusSchema = lenientEnum(PRODUCT_STATUSES);
export type ProductStatus = z.infer<typeof ProductStatusSchema>;

export const VariantSchema = z.object({
  id: IdSchema,
  sku: z.string().nullable(),
  title: z.string().nullable(),
  price: MoneySchema.nullable(),
  compareAtPrice: MoneySchema.nullable(),
  /** Option values, in the product's option order (e.g. `['Red', 'XL']`). */
  options: z.array(z.string()),
  /** Null where the platform does not track inventory for it. */
  inventoryQuantity: z.number().int().nullable(),
});
export type Variant = z.infer<typeof VariantSchema>;

export const ImageSchema = z.object({
  id: z.string().nullable(),
  url: z.string(),
  alt: z.string().nullable().optional(),
});
export type Image = z.infer<typeof ImageSchema>;

export const ProductSchema = z.object({
  platform: z.string(),
  id: IdSchema,
  title: z.string(),
  description: z.string().nullable(),
  sku: z.string().nullable(),
  status: ProductStatusSchema,
  price: MoneySchema.nullable(),
  compareAtPrice: MoneySchema.nullable(),
  variants: z.array(VariantSchema),
  images: z.array(ImageSchema),
  tags: z.array(z.string()),
  vendor: z.string().nullable(),
  type: z.string().nullable(),
  createdAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema.nullable(),
  raw: RawSchema,
});
export type Product = z.infer<typeof ProductSchema>;
