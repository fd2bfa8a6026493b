import { z } from 'zod';
import { WireAmount, WireCurrency, WireId, WireTime } from './common';

/** The seed's product schema. Fields without a star in the seed are optional; `category` stays an open string. */
export const WireProductSchema = z.looseObject({
  productId: WireId,
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  price: WireAmount,
  currency: WireCurrency,
  stock: z.number().int(),
  category: z.string(),
  imageUrl: z.string().nullable().optional(),
  active: z.boolean(),
  createdAt: WireTime.optional(),
  updatedAt: WireTime.nullable().optional(),
});
export type WireProduct = z.infer<typeof WireProductSchema>;

export const CATEGORIES = ['footwear', 'apparel', 'accessories', 'electronics', 'home'] as const;
export type Category = (typeof CATEGORIES)[number];
