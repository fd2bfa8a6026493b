import { z } from 'zod';
import { WireId, WireTime } from './common';

/*
 * The seed has no customer schema. These follow the simulator's model of the customers endpoints,
 * built on the seed's conventions (camelCase, `<resource>Id`, nullable optionals, ISO times).
 */

export const WireAddressSchema = z.looseObject({
  addressId: z.string().nullable().optional(),
  label: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  company: z.string().nullable().optional(),
  line1: z.string().nullable().optional(),
  line2: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
  postalCode: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  isDefault: z.boolean().optional(),
});

export const WireCustomerSchema = z.looseObject({
  customerId: WireId,
  email: z.string(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  addresses: z.array(WireAddressSchema).optional(),
  tags: z.array(z.string()).optional(),
  notes: z.string().nullable().optional(),
  orderCount: z.number().int().nonnegative().optional(),
  lastOrderAt: WireTime.nullable().optional(),
  createdAt: WireTime.optional(),
  updatedAt: WireTime.nullable().optional(),
});
export type WireCustomer = z.infer<typeof WireCustomerSchema>;
export type WireAddress = z.infer<typeof WireAddressSchema>;
