import { type Address, type Customer, wireTime } from '@storeport/core';
import { PLATFORM } from './platform';
import type { WireAddress, WireCustomer } from './wire/customer';

/** Customers are modelled on the seed's conventions (the seed documents none): see docs/adapters/commerce-api.md. */
export function mapCustomer(c: WireCustomer): Customer {
  return {
    platform: PLATFORM,
    id: c.customerId,
    email: c.email,
    firstName: c.firstName ?? null,
    lastName: c.lastName ?? null,
    phone: c.phone ?? null,
    addresses: (c.addresses ?? []).map(mapAddress),
    tags: c.tags ?? [],
    note: c.notes ?? null,
    stats:
      c.orderCount === undefined
        ? null
        : {
            orderCount: c.orderCount,
            // Orders come in several currencies and the API sums none of them.
            lifetimeValue: null,
            lastOrderAt: c.lastOrderAt == null ? null : wireTime(PLATFORM, 'lastOrderAt', c.lastOrderAt),
          },
    createdAt: c.createdAt === undefined ? null : wireTime(PLATFORM, 'createdAt', c.createdAt),
    updatedAt: c.updatedAt == null ? null : wireTime(PLATFORM, 'updatedAt', c.updatedAt),
    raw: c,
  };
}

export function mapAddress(a: WireAddress): Address {
  // Stryker disable next-line StringLiteral: equivalent, any text that is not two letters ends as null below
  const country = typeof a.country === 'string' ? a.country.trim().toUpperCase() : '';
  return {
    id: a.addressId ?? null,
    firstName: a.firstName ?? null,
    lastName: a.lastName ?? null,
    company: a.company ?? null,
    line1: a.line1 ?? null,
    line2: a.line2 ?? null,
    city: a.city ?? null,
    region: a.region ?? null,
    postalCode: a.postalCode ?? null,
    // The model wants ISO 3166-1 alpha-2 or null; anything else is unreadable (it stays in raw).
    country: /^[A-Z]{2}$/.test(country) ? country : null,
    phone: a.phone ?? null,
  };
}
