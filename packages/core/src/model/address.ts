import { z } from 'zod';

const text = z.string().nullable();

export const AddressSchema = z.object({
  /** The platform's id for a stored address (customer address books), null for inline addresses. */
  id: z.string().nullable().optional(),
  firstName: text,
  lastName: text,
  company: text,
  line1: text,
  line2: text,
  city: text,
  /** State, province or county, as the platform sends it (often a code like `CA`). */
  region: text,
  postalCode: text,
  /** ISO 3166-1 alpha-2, upper case; null when the platform sent none or something unreadable. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  phone: text,
});
export type Address = z.infer<typeof AddressSchema>;

/** Writes take any subset of the fields. */
export const AddressInputSchema = z
  .object({
    firstName: z.string(),
    lastName: z.string(),
    company: z.string(),
    line1: z.string(),
    line2: z.string(),
    city: z.string(),
    region: z.string(),
    postalCode: z.string(),
    country: z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code'),
    phone: z.string(),
  })
  .partial()
  .strict();
export type AddressInput = z.infer<typeof AddressInputSchema>;
