import { type Address, type Customer, wireMinor, wireTime } from '@storeport/core';
import { country, mapAddress } from './map-address';
import { PLATFORM } from './platform';
import type { WireCustomerAddress } from './wire/address';
import type { WireCustomer } from './wire/customer';

const time = (field: string, v: string | null | undefined): string | null =>
  typeof v === 'string' && v !== '' ? wireTime(PLATFORM, field, v) : null;

/**
 * The customer's location as Commerce7 keeps it on the record itself (`city`, `stateCode`,
 * `zipCode`, `countryCode`; no street): one address without an id, or none when all are empty.
 */
export function locationAddress(w: WireCustomer): Address[] {
  if (!w.city && !w.stateCode && !w.zipCode && country(w.countryCode) === null) return [];
  return [
    mapAddress({
      firstName: w.firstName ?? null,
      lastName: w.lastName ?? null,
      city: w.city ?? null,
      stateCode: w.stateCode ?? null,
      zipCode: w.zipCode ?? null,
      countryCode: w.countryCode,
    }),
  ];
}

/**
 * Wire customer → unified. `addressBook` is the Customer Address resource when it was read
 * (`get`, writes): default address first. Without it (`list`), the addresses are the location.
 */
export function mapCustomer(
  w: WireCustomer,
  currency: string,
  addressBook?: WireCustomerAddress[],
): Customer {
  const info = w.orderInformation;
  const book = addressBook
    ? [...addressBook]
        .sort((a, b) => Number(b.isDefault === true) - Number(a.isDefault === true))
        .map(mapAddress)
    : undefined;
  return {
    platform: PLATFORM,
    id: w.id,
    email: w.emails?.[0]?.email ?? null,
    firstName: w.firstName ?? null,
    lastName: w.lastName ?? null,
    phone: w.phones?.[0]?.phone ?? null,
    addresses: book && book.length > 0 ? book : locationAddress(w),
    tags: (w.tags ?? []).map((t) => t.title),
    // Notes are their own resource (`/note`); the customer record carries none.
    note: null,
    stats: info
      ? {
          orderCount: info.orderCount ?? null,
          lifetimeValue:
            typeof info.lifetimeValue === 'number'
              ? wireMinor(PLATFORM, 'orderInformation.lifetimeValue', info.lifetimeValue, currency)
              : null,
          lastOrderAt: time('orderInformation.lastOrderDate', info.lastOrderDate),
        }
      : null,
    createdAt: time('createdAt', w.createdAt),
    updatedAt: time('updatedAt', w.updatedAt),
    raw: w,
  };
}
