import { CustomerSchema, ResponseShapeError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapCustomer } from '../src/map-customer';
import { WireCustomerSchema } from '../src/wire/customer';
import expected from './__fixtures__/customer-30.expected.json';
import customer30 from './__fixtures__/customer-30.json';
import created from './__fixtures__/customer-create-response.json';
import search from './__fixtures__/customer-search-response.json';

const map = (raw: unknown, currency = 'USD') => mapCustomer(WireCustomerSchema.parse(raw), currency);

describe('mapCustomer', () => {
  it('maps the seed customer 30 to the expected unified customer, keeping raw', () => {
    const customer = map(customer30);
    const { raw, ...rest } = customer;
    expect(rest).toEqual(expected);
    expect(raw).toEqual(customer30);
    expect(CustomerSchema.parse(customer)).toEqual(customer);
  });

  it('maps the seed create response: no orders yet, never updated', () => {
    const customer = map(created);
    expect(customer).toMatchObject({
      id: '6',
      email: 'hello@world.com',
      phone: 'any string here',
      note: 'Some Notes about customer',
      stats: { orderCount: 0, lifetimeValue: { amount: 0, currency: 'USD' }, lastOrderAt: null },
      createdAt: '2017-01-21T13:14:12.000Z',
      updatedAt: '2017-01-21T13:14:12.000Z',
    });
    expect(customer.addresses[0]).toMatchObject({
      id: '7',
      line1: '46 Leatherwood St.',
      line2: '1432',
      postalCode: '91605',
    });
  });

  it('maps the seed search results (updated_at 0, an empty phone, a null billing state)', () => {
    const [first, second] = search.items.map((c) => map(c));
    expect(first!.updatedAt).toBe(first!.createdAt);
    expect(second).toMatchObject({
      id: '3',
      phone: null,
      stats: {
        orderCount: 1,
        lifetimeValue: { amount: 5200, currency: 'USD' },
        lastOrderAt: '2017-01-19T11:46:13.000Z',
      },
    });
    expect(second!.addresses[0]).toMatchObject({ region: 'NY', postalCode: 'M4G 2K6', phone: null });
    for (const c of [first, second]) expect(CustomerSchema.safeParse(c).success).toBe(true);
  });

  it('reads a decimal lifetime value exactly, and several addresses in order', () => {
    const raw = structuredClone(customer30) as Record<string, unknown>;
    (raw.statistics as Record<string, unknown>).lifetime_spent = '1234.50';
    const addresses = raw.address as Array<Record<string, unknown>>;
    addresses.push({
      ...addresses[0],
      id: 68,
      phone: null,
      shipping: { ...(addresses[0]!.shipping as object), city: 'Napa' },
    });
    const customer = map(raw, 'USD');
    expect(customer.stats?.lifetimeValue).toEqual({ amount: 123450, currency: 'USD' });
    expect(customer.addresses.map((a) => [a.id, a.city, a.phone])).toEqual([
      ['67', 'Duckland', '123456789'],
      ['68', 'Napa', null],
    ]);
  });

  it('maps a customer without statistics or addresses', () => {
    const customer = map({ id: 9, email: 'a@b.co', created_at: 1484313922 });
    expect(customer).toMatchObject({ stats: null, addresses: [], phone: null, tags: [], firstName: null });
  });

  it('fails the schema, naming the field, when a field it reads has the wrong type', () => {
    for (const [key, value] of [
      ['id', '30'],
      ['address', { id: 1 }],
      ['statistics', [1]],
      ['created_at', '2017-01-01'],
      ['tags', [1]],
    ] as const) {
      const result = WireCustomerSchema.safeParse({ ...customer30, [key]: value });
      expect(result.success, key).toBe(false);
      expect(result.error?.issues[0]?.path[0]).toBe(key);
    }
  });

  const fieldOf = (raw: unknown) => {
    try {
      map(raw);
    } catch (err) {
      if (ResponseShapeError.isInstance(err)) return err.field;
      throw err;
    }
    return undefined;
  };

  it('names the time or amount it cannot read', () => {
    const base = { id: 1, email: 'a@b.test', created_at: 1_600_000_000 };
    expect(fieldOf({ ...base, created_at: 1e12 })).toBe('created_at');
    expect(fieldOf({ ...base, updated_at: 1e12 })).toBe('updated_at');
    expect(fieldOf({ ...base, statistics: { last_purchase: 1e12 } })).toBe('statistics.last_purchase');
    expect(fieldOf({ ...base, statistics: { lifetime_spent: '1.005' } })).toBe('statistics.lifetime_spent');
  });

  it('counts the orders listed when the statistics have no count; no lifetime value is null', () => {
    const c = map({
      id: 1,
      email: 'a@b.test',
      created_at: 1,
      orders: [1, 2],
      statistics: {},
    });
    expect(c.stats).toStrictEqual({ orderCount: 2, lifetimeValue: null, lastOrderAt: null });
    expect(
      map({ id: 1, email: 'a@b.test', created_at: 1, statistics: { lifetime_spent: null } }).stats,
    ).toStrictEqual({ orderCount: null, lifetimeValue: null, lastOrderAt: null });
  });

  it('maps each address from its shipping part, else its billing part, and skips one with neither', () => {
    const c = map({
      id: 1,
      email: 'a@b.test',
      created_at: 1,
      address: [
        { id: 7, phone: '  ', billing: { street: '2 Side St', city: '  ', country: ' gb ' } },
        { id: 8, phone: '555' },
        { id: 9, phone: null, shipping: { street: '1 Main', country: 'USA' } },
      ],
    });
    expect(c.addresses).toStrictEqual([
      {
        id: '7',
        firstName: null,
        lastName: null,
        company: null,
        line1: '2 Side St',
        line2: null,
        city: null,
        region: null,
        postalCode: null,
        country: 'GB',
        phone: null,
      },
      {
        id: '9',
        firstName: null,
        lastName: null,
        company: null,
        line1: '1 Main',
        line2: null,
        city: null,
        region: null,
        postalCode: null,
        country: null,
        phone: null,
      },
    ]);
    // The customer's phone is the first address phone that is not blank.
    expect(c.phone).toBe('555');
  });
});
