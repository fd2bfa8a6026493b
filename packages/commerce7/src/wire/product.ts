import { z } from 'zod';
import { cents, maybe, text } from './common';

export const WireVariantSchema = z.looseObject({
  id: z.string().min(1),
  title: text,
  sku: text,
  price: cents,
  comparePrice: maybe(cents),
  hasInventory: maybe(z.boolean()),
  /** One entry per inventory location; the unified quantity is the sum of `availableForSaleCount`. */
  inventory: maybe(z.array(z.looseObject({ availableForSaleCount: maybe(z.number().int()) }))),
});
export type WireVariant = z.infer<typeof WireVariantSchema>;

/** A product as `GET /product/{id}` and the `products` list send it (products docs). */
export const WireProductSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  type: text,
  /** HTML description. */
  content: text,
  webStatus: text,
  adminStatus: text,
  image: text,
  images: maybe(z.array(z.looseObject({ id: text, src: z.string() }))),
  /** "Product must have at least one variant"; price and SKU live on variants. */
  variants: z.array(WireVariantSchema),
  createdAt: text,
  updatedAt: text,
});
export type WireProduct = z.infer<typeof WireProductSchema>;
