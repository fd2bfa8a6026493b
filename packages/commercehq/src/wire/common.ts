import { z } from 'zod';

/** An amount as CommerceHQ sends it: a decimal number (`21.89`) or a decimal string (`"7.95"`). */
export const WireDecimal = z.union([z.number(), z.string()]);

/** Unix seconds; `null` (or `0`, which the seed also shows) when there is no such time. */
export const WireUnix = z.number().nonnegative().nullable();

const text = z.string().nullable().optional();

/** A shipping or billing part of an address (the seed's "Addresses" object). */
export const WireAddressPartSchema = z.looseObject({
  first_name: text,
  last_name: text,
  company: text,
  street: text,
  suite: text,
  city: text,
  country: text,
  state: text,
  zip: text,
});
export type WireAddressPart = z.infer<typeof WireAddressPartSchema>;

export const WireIdSchema = z.number().int().nonnegative();
