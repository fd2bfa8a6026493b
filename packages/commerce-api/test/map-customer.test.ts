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

  it('a customer with only an id and an email: empty lists, null dates, no statistics', () => {
    const mapped = read({ customerId: 'c1', email: 'a@b.test' });
    expect(mapped).toMatchObject({
      addresses: [],
      tags: [],
      note: null,
      stats: null,
      createdAt: null,
      updatedAt: null,
    });
    expect(CustomerSchema.safeParse(mapped).success).toBe(true);
  });

  it('reads both dates when present and a null last order date as null', () => {
    const mapped = read({
      ...customer.wire,
      lastOrderAt: null,
      createdAt: '2023-01-08T01:20:30Z',
      updatedAt: '2024-02-09T10:11:12+01:00',
    });
    expect(mapped.stats).toEqual({ orderCount: 3, lifetimeValue: null, lastOrderAt: null });
    expect(mapped.createdAt).toBe('2023-01-08T01:20:30.000Z');
    expect(mapped.updatedAt).toBe('2024-02-09T09:11:12.000Z');
  });

  it('names the date it cannot read', () => {
    const fieldOf = (wire: unknown) => {
      try {
        read(wire);
      } catch (err) {
        if (ResponseShapeError.isInstance(err)) return err.field;
        throw err;
      }
      return undefined;
    };
    expect(fieldOf({ ...customer.wire, createdAt: 'yesterday' })).toBe('createdAt');
    expect(fieldOf({ ...customer.wire, updatedAt: 'yesterday' })).toBe('updatedAt');
  });

  it('trims and upper-cases a country; a missing one is null', () => {
    const base = customer.wire.addresses[0];
    const mapped = read({
      ...customer.wire,
      addresses: [
        { ...base, country: ' us ' },
        { ...base, country: null },
      ],
    });
    expect(mapped.addresses.map((a) => a.country)).toEqual(['US', null]);
  });
});
