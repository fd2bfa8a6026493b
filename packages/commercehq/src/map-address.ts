import type { Address } from '@storeport/core';
import type { WireAddressPart } from './wire/common';

/** `street`/`suite`/`state`/`zip` → line1/line2/region/postalCode; blank strings become null. */
export function mapAddressPart(
  part: WireAddressPart | null | undefined,
  phone: string | null | undefined,
  id?: number,
): Address | null {
  if (!part) return null;
  return {
    ...(id !== undefined ? { id: String(id) } : {}),
    firstName: blank(part.first_name),
    lastName: blank(part.last_name),
    company: blank(part.company),
    line1: blank(part.street),
    line2: blank(part.suite),
    city: blank(part.city),
    region: blank(part.state),
    postalCode: blank(part.zip),
    country: country(part.country),
    phone: blank(phone),
  };
}

function blank(v: string | null | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** ISO 3166-1 alpha-2, upper case; anything else (a country name, say) is null, and stays in `raw`. */
function country(v: string | null | undefined): string | null {
  return typeof v === 'string' && /^[A-Za-z]{2}$/.test(v.trim()) ? v.trim().toUpperCase() : null;
}
