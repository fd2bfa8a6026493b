import { z } from 'zod';
import { WireDecimal, WireIdSchema, WireUnix } from './common';

export const WireImageSchema = z.looseObject({
  id: WireIdSchema,
  path: z.string(),
});

export const WireVariantSchema = z.looseObject({
  id: WireIdSchema,
  variant: z.array(z.string()),
  price: WireDecimal.nullable().optional(),
  compare_price: WireDecimal.nullable().optional(),
  sku: z.string().nullable().optional(),
  default: z.boolean().optional(),
  ignore: z.boolean().optional(),
  images: z.array(WireImageSchema).nullable().optional(),
});
export type WireVariant = z.infer<typeof WireVariantSchema>;

/** GET /products/{id}?expand=textareas,images,options,variants. */
export const WireProductSchema = z.looseObject({
  id: WireIdSchema,
  title: z.string(),
  is_multi: z.boolean().optional(),
  type: z.string().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  vendor: z.string().nullable().optional(),
  sku: z.string().nullable().optional(),
  is_template: z.boolean().optional(),
  is_draft: z.boolean().optional(),
  price: WireDecimal.nullable().optional(),
  compare_price: WireDecimal.nullable().optional(),
  created_at: WireUnix.optional(),
  updated_at: WireUnix.optional(),
  textareas: z
    .array(z.looseObject({ name: z.string(), text: z.string().nullable() }))
    .nullable()
    .optional(),
  images: z.array(WireImageSchema).nullable().optional(),
  options: z
    .array(z.looseObject({ title: z.string(), values: z.array(z.string()) }))
    .nullable()
    .optional(),
  variants: z.array(WireVariantSchema).nullable().optional(),
});
export type WireProduct = z.infer<typeof WireProductSchema>;
