import { describe, expect, it } from 'vitest';
import { country, mapAddress, mapOptionalAddress } from '../src/map-address';

describe('address', () => {
  it('country: two letters, trimmed and upper-cased; anything else is null', () => {
    expect([' us ', 'ca', 'USA', 'Canada', '', 5, null].map(country)).toEqual([
      'US',
      'CA',
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('maps each field; empty strings and values that are not text become null', () => {
    expect(
      mapAddress({
        id: 'a1',
        firstName: '',
        lastName: 'Ng',
        company: 7 as unknown as string,
        address: '1 Main St',
        address2: '',
        city: 'Napa',
        stateCode: 'CA',
        zipCode: '94558',
        countryCode: 'us',
        phone: null as unknown as string,
      }),
    ).toStrictEqual({
      id: 'a1',
      firstName: null,
      lastName: 'Ng',
      company: null,
      line1: '1 Main St',
      line2: null,
      city: 'Napa',
      region: 'CA',
      postalCode: '94558',
      country: 'US',
      phone: null,
    });
    expect(mapOptionalAddress(null)).toBeNull();
    expect(mapOptionalAddress(undefined)).toBeNull();
  });
});
