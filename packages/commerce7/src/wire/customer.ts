import { z } from 'zod';
import { cents, maybe, text } from './common';

/**
 * A customer as `GET /customer/{id}` and the `customers` list send it (customers docs). Only the
 * fields the mapper reads are checked; the rest passes through into `raw`. There is no address
 * array: the flat `city`/`stateCode`/`zipCode`/`countryCode` are the customer's location and
 * street addresses live in the Customer Address resource.
 */
export const WireCustomerSchema = z.looseObject({
  id: z.string().min(1),
  firstName: text,
  lastName: text,
  city: text,
  stateCode: text,
  zipCode: text,
  countryCode: maybe(z.unknown()),
  emails: maybe(z.array(z.looseObject({ id: text, email: z.string() }))),
  phones: maybe(z.array(z.looseObject({ id: text, phone: z.string() }))),
  /** Tag objects, not strings: `title` is the tag's name. */
  tags: maybe(z.array(z.looseObject({ id: text, title: z.string() }))),
  orderInformation: maybe(
    z.looseObject({
      orderCount: maybe(z.number().int().nonnegative()),
      lifetimeValue: maybe(cents),
      lastOrderDate: text,
    }),
  ),
  createdAt: text,
  updatedAt: text,
});
export type WireCustomer = z.infer<typeof WireCustomerSchema>;
