import { CustomerSchema, parseWire, ResponseShapeError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapCustomer } from '../src/map-customer';
import { WireCustomerSchema } from '../src/wire/customer';
import customer from './__fixtures__/customer.json';

const read = (wire: unknown) => mapCustomer(parseWire('commerce-api', 'customer', WireCustomerSchema, wire));

describe('mapCustomer', () => {
  it('maps the modelled customer: addresses (country upper-cased), tags, notes, order statistics', () => {
    const mapped = read(customer.wire);
    expect(mapped).toEqual({ ...customer.expected, raw: customer.wire });
    expect(CustomerSchema.safeParse(mapped).success).toBe(true);
  });

  it('has no statistics when the API sends none, and nulls an unreadable country', () => {
    const { orderCount: _o, lastOrderAt: _l, ...rest } = customer.wire;
    const addresses = [{ ...customer.wire.addresses[0], country: 'United States' }];
    const mapped = read({ ...rest, addresses });
    expect(mapped.stats).toBeNull();
    expect(mapped.addresses[0]!.country).toBeNull();
    expect(CustomerSchema.safeParse(mapped).success).toBe(true);
  });

  it('names a wrong-typed field', () => {
    const fieldOf = (wire: unknown) => {
      try {
        read(wire);
      } catch (err) {
        if (ResponseShapeError.isInstance(err)) return err.field;
        throw err;
      }
      return undefined;
    };
    expect(fieldOf({ ...customer.wire, orderCount: -1 })).toBe('orderCount');
    expect(fieldOf({ ...customer.wire, tags: [1, 'two'] })).toBe('tags.0');
    expect(fieldOf({ ...customer.wire, lastOrderAt: '2020-99-99' })).toBe('lastOrderAt');
    expect(fieldOf({ ...customer.wire, email: null })).toBe('email');
  });
});
