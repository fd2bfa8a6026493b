import { z } from 'zod';
import { text, WireAddressFields } from './common';

/** The Customer Address resource (`/customer/{id}/address`, list key `customerAddresses`). */
export const WireCustomerAddressSchema = z.looseObject({
  id: z.string().min(1),
  customerId: text,
  isDefault: z.boolean().nullable().optional(),
  ...WireAddressFields,
});
export type WireCustomerAddress = z.infer<typeof WireCustomerAddressSchema>;

export const WireAddressPageSchema = z.looseObject({
  customerAddresses: z.array(WireCustomerAddressSchema),
  total: z.number().int().nonnegative().optional(),
});
