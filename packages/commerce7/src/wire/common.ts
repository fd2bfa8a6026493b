import { z } from 'zod';

/** Integer cents: "All currency amounts are stored in Commerce7 in cents". A float here is refused, not rounded. */
export const cents = z.number().int();

/** Commerce7 returns `null` "if no data exists"; some clients see fields left out instead. */
export const maybe = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const text = maybe(z.string());

/**
 * `shipTo` / `billTo` / `pickupBy` / `carryOut` on orders, and the fields of the Customer Address
 * resource (which adds `id`, `customerId`, `isDefault`). Street is `address` + `address2`.
 */
export const WireAddressFields = {
  firstName: text,
  lastName: text,
  company: text,
  phone: text,
  address: text,
  address2: text,
  city: text,
  stateCode: text,
  zipCode: text,
  /** Read leniently: anything but an ISO alpha-2 code becomes null in the unified address. */
  countryCode: maybe(z.unknown()),
};

export const WireOrderAddressSchema = z.looseObject({ id: text, ...WireAddressFields });
export type WireOrderAddress = z.infer<typeof WireOrderAddressSchema>;
