import { catchShapeError } from '@storeport/contract';
import { CustomerSchema, parseWire } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapCustomer } from '../src/map-customer';
import { WireAddressPageSchema } from '../src/wire/address';
import { WireCustomerSchema } from '../src/wire/customer';
import customer from './__fixtures__/customer.json';
import addresses from './__fixtures__/customer-addresses.json';
import minimal from './__fixtures__/customer-minimal.json';

const wire = (w: unknown) => parseWire('commerce7', 'customer', WireCustomerSchema, w);
const read = (w: unknown, currency = 'USD') => mapCustomer(wire(w), currency);

const shapeError = catchShapeError;

describe('mapCustomer', () => {
  for (const [name, fixture] of [
    ['the docs-shaped customer (tag objects, phones, lifetime value in cents)', customer],
    ['a customer with nulls where no data exists', minimal],
  ] as const) {
    it(`maps ${name}`, () => {
      const c = read(fixture.wire);
      expect(c).toEqual({ ...fixture.expected, raw: fixture.wire });
      expect(CustomerSchema.safeParse(c).success).toBe(true);
    });
  }

  it('takes tag titles from tag objects, and the first email and phone', () => {
    const c = read(customer.wire);
    expect(c.tags).toEqual(['My First Tag', 'VIP']);
    expect(c.phone).toBe('+17783477874');
  });

  it('no emails or an empty list of phones is a null email and phone', () => {
    const c = read({ ...customer.wire, emails: undefined, phones: [] });
    expect([c.email, c.phone]).toEqual([null, null]);
    const d = read({ ...customer.wire, emails: [], phones: undefined });
    expect([d.email, d.phone]).toEqual([null, null]);
  });

  it('keeps lifetime value in cents, in the adapter currency', () => {
    expect(read(customer.wire, 'CAD').stats?.lifetimeValue).toEqual({ amount: 380273, currency: 'CAD' });
  });

  it('uses the Customer Address resource when it was read, default address first', () => {
    const book = parseWire('commerce7', 'addresses', WireAddressPageSchema, addresses.wire).customerAddresses;
    const c = mapCustomer(wire(customer.wire), 'USD', book);
    expect(c.addresses).toEqual(addresses.expected);
    expect(CustomerSchema.safeParse(c).success).toBe(true);
  });

  it('falls back to the flat location when the address book is empty', () => {
    expect(mapCustomer(wire(customer.wire), 'USD', []).addresses).toEqual(customer.expected.addresses);
  });

  it('names the field it cannot read', () => {
    expect(shapeError(() => read({ ...customer.wire, emails: 'a@b.c' })).field).toBe('emails');
    expect(shapeError(() => read({ ...customer.wire, tags: ['VIP'] })).field).toBe('tags.0');
    expect(shapeError(() => read({ ...customer.wire, createdAt: 'yesterday' })).field).toBe('createdAt');
    const info = { ...customer.wire.orderInformation, lifetimeValue: 3802.73 };
    expect(shapeError(() => read({ ...customer.wire, orderInformation: info })).field).toBe(
      'orderInformation.lifetimeValue',
    );
    const { id: _id, ...noId } = customer.wire;
    expect(shapeError(() => read(noId)).field).toBe('id');
  });

  it('names the update and last-order times it cannot read', () => {
    expect(shapeError(() => read({ ...customer.wire, updatedAt: 'yesterday' })).field).toBe('updatedAt');
    const info = { ...customer.wire.orderInformation, lastOrderDate: 'yesterday' };
    expect(shapeError(() => read({ ...customer.wire, orderInformation: info })).field).toBe(
      'orderInformation.lastOrderDate',
    );
  });

  it('statistics without a count, a value or a date are null in each', () => {
    const c = read({ ...customer.wire, orderInformation: {} });
    expect(c.stats).toStrictEqual({ orderCount: null, lifetimeValue: null, lastOrderAt: null });
  });

  it('no location at all gives no address; any one part of it gives one', () => {
    const none = { city: null, stateCode: null, zipCode: null, countryCode: null };
    expect(read({ ...customer.wire, ...none }).addresses).toEqual([]);
    for (const part of [{ city: 'Napa' }, { stateCode: 'CA' }, { zipCode: '94558' }, { countryCode: 'us' }]) {
      expect(read({ ...customer.wire, ...none, ...part }).addresses, JSON.stringify(part)).toHaveLength(1);
    }
  });

  it('the default address of the book comes first, the others keep their order', () => {
    const a = addresses.wire.customerAddresses[0]!;
    const b = addresses.wire.customerAddresses[1]!;
    const c = mapCustomer(wire(customer.wire), 'USD', [
      { ...a, isDefault: false },
      { ...b, isDefault: false },
      { ...a, id: 'third', isDefault: true },
    ] as never);
    expect(c.addresses.map((x) => x.id)).toEqual(['third', a.id, b.id]);
  });
});
