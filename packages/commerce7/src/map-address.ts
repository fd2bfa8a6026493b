import type { Address } from '@storeport/core';
import type { WireCustomerAddress } from './wire/address';
import type { WireOrderAddress } from './wire/common';

type AddressLike = Partial<Pick<WireOrderAddress, keyof WireOrderAddress>> & { id?: string | null };

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** ISO 3166-1 alpha-2 in upper case; anything else (a name, a 3-letter code) becomes null. */
export function country(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const up = v.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(up) ? up : null;
}

/** `address`→line1, `address2`→line2, `stateCode`→region, `zipCode`→postalCode, `countryCode`→country. */
export function mapAddress(a: AddressLike | WireCustomerAddress): Address {
  return {
    id: str(a.id),
    firstName: str(a.firstName),
    lastName: str(a.lastName),
    company: str(a.company),
    line1: str(a.address),
    line2: str(a.address2),
    city: str(a.city),
    region: str(a.stateCode),
    postalCode: str(a.zipCode),
    country: country(a.countryCode),
    phone: str(a.phone),
  };
}

export function mapOptionalAddress(a: AddressLike | null | undefined): Address | null {
  return a ? mapAddress(a) : null;
}
