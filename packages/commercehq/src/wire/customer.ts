import { z } from 'zod';
import { WireAddressPartSchema, WireDecimal, WireIdSchema, WireUnix } from './common';

/** One of a customer's addresses: a shipping and a billing part, and a phone. */
export const WireCustomerAddressSchema = z.looseObject({
  id: WireIdSchema,
  shipping: WireAddressPartSchema.nullable().optional(),
  billing: WireAddressPartSchema.nullable().optional(),
  phone: z.string().nullable().optional(),
});
export type WireCustomerAddress = z.infer<typeof WireCustomerAddressSchema>;

/** GET /customers/{id}. Fields the mapper reads are typed; everything else passes through. */
export const WireCustomerSchema = z.looseObject({
  id: WireIdSchema,
  email: z.string().nullable().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  address: z.array(WireCustomerAddressSchema).nullable().optional(),
  notes: z.string().nullable().optional(),
  statistics: z
    .looseObject({
      last_purchase: WireUnix.optional(),
      order_count: z.number().int().nonnegative().nullable().optional(),
      // Documented as "int"; it is money, so decimals are read exactly too.
      lifetime_spent: WireDecimal.nullable().optional(),
    })
    .nullable()
    .optional(),
  orders: z.array(z.number().int()).nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  created_at: WireUnix.optional(),
  updated_at: WireUnix.optional(),
});
export type WireCustomer = z.infer<typeof WireCustomerSchema>;
