import { ValidationError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { customerToWire, customerUpdateToWire, productToWire } from '../src/to-wire';

const usd = (amount: number) => ({ amount, currency: 'USD' });

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (ValidationError.isInstance(err)) return err.issues.map((i) => i.field);
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('customer bodies', () => {
  it('builds the seed create body from a unified customer', () => {
    const body = customerToWire({
      email: 'hello@world.com',
      firstName: 'James',
      lastName: 'C Smith',
      note: 'Some Notes about customer',
      addresses: [
        {
          firstName: 'James',
          lastName: 'C Smith',
          line1: '46 Leatherwood St.',
          line2: '1432',
          city: 'North Hollywood',
          country: 'US',
          region: 'CA',
          postalCode: '91605',
          phone: 'any string here',
        },
      ],
    });
    const part = {
      first_name: 'James',
      last_name: 'C Smith',
      street: '46 Leatherwood St.',
      suite: '1432',
      city: 'North Hollywood',
      state: 'CA',
      zip: '91605',
      country: 'US',
    };
    expect(body).toStrictEqual({
      email: 'hello@world.com',
      first_name: 'James',
      last_name: 'C Smith',
      notes: 'Some Notes about customer',
      address: [{ shipping: part, billing: part, phone: 'any string here' }],
    });
  });

  it('keeps a phone without addresses on an address of its own, and merges platformFields', () => {
    expect(customerToWire({ email: 'a@b.co', phone: '555', platformFields: { notes: 'x' } })).toStrictEqual({
      email: 'a@b.co',
      address: [{ phone: '555' }],
      notes: 'x',
    });
  });

  it('refuses what CommerceHQ cannot take: no email, tags', () => {
    expect(issuesOf(() => customerToWire({ firstName: 'No', tags: ['vip'] }))).toStrictEqual([
      'email',
      'tags',
    ]);
  });

  it('updates the primary address with one address, and refuses several or none', () => {
    expect(customerUpdateToWire({ addresses: [{ city: 'Napa' }], phone: '1', note: null })).toStrictEqual({
      notes: null,
      address: { shipping: { city: 'Napa' }, billing: { city: 'Napa' }, phone: '1' },
    });
    expect(customerUpdateToWire({ phone: '2' })).toStrictEqual({ address: { phone: '2' } });
    expect(issuesOf(() => customerUpdateToWire({ addresses: [{ city: 'A' }, { city: 'B' }] }))).toStrictEqual(
      ['addresses'],
    );
    expect(issuesOf(() => customerUpdateToWire({ addresses: [] }))).toStrictEqual(['addresses']);
  });
});

describe('product bodies', () => {
  it('builds a single-variant product with exact decimals and a description textarea', () => {
    expect(
      productToWire(
        {
          title: 'Pinot',
          price: usd(1999),
          compareAtPrice: usd(30),
          sku: 'P-1',
          type: 'Wine',
          vendor: 'V',
          tags: ['red'],
          status: 'draft',
          description: 'Dry.',
        },
        'USD',
        true,
      ),
    ).toStrictEqual({
      title: 'Pinot',
      sku: 'P-1',
      type: 'Wine',
      vendor: 'V',
      tags: ['red'],
      is_draft: true,
      textareas: [{ name: 'Description', text: 'Dry.' }],
      is_multi: false,
      price: 19.99,
      compare_price: 0.3,
    });
  });

  it('builds a multi-variant product: options from the variant values, prices per variant', () => {
    const body = productToWire(
      {
        title: 'Tee',
        price: usd(1250),
        variants: [
          { options: ['Red', 'S'], sku: 'T-RS' },
          { options: ['Red', 'M'], price: usd(1350), id: '77' },
          { options: ['Blue', 'S'], compareAtPrice: usd(2000) },
        ],
      },
      'USD',
      true,
    );
    expect(body).toStrictEqual({
      title: 'Tee',
      is_multi: true,
      options: [
        { title: 'Option 1', changes_look: false, values: ['Red', 'Blue'] },
        { title: 'Option 2', changes_look: false, values: ['S', 'M'] },
      ],
      variants: [
        { variant: ['Red', 'S'], price: 12.5, default: true, sku: 'T-RS' },
        { variant: ['Red', 'M'], price: 13.5, default: false, id: 77 },
        { variant: ['Blue', 'S'], price: 12.5, default: false, compare_price: 20 },
      ],
    });
  });

  it('refuses stock levels, images, archived, a missing price and another currency', () => {
    expect(
      issuesOf(() =>
        productToWire(
          { title: 'x', inventoryQuantity: 1, images: [{ url: 'https://x.test/a.jpg' }], status: 'archived' },
          'USD',
          true,
        ),
      ),
    ).toStrictEqual(['images', 'inventoryQuantity', 'status', 'price']);
    expect(
      issuesOf(() => productToWire({ title: 'x', price: { amount: 100, currency: 'EUR' } }, 'USD', true)),
    ).toStrictEqual(['price']);
    expect(
      issuesOf(() => productToWire({ title: 'x', variants: [{ sku: 'a' }] }, 'USD', true)),
    ).toStrictEqual(['variants.0.options', 'variants.0.price']);
    expect(
      issuesOf(() =>
        productToWire({ title: 'x', price: usd(1), variants: [{ options: ['a'], id: 'v-1' }] }, 'USD', true),
      ),
    ).toStrictEqual(['variants.0.id']);
  });

  it('sends only what an update changes', () => {
    expect(productToWire({ title: 'New' }, 'USD', false)).toStrictEqual({ title: 'New' });
    expect(productToWire({ price: usd(5) }, 'USD', false)).toStrictEqual({ price: 0.05 });
  });
});

describe('refusals name the field and say why', () => {
  const issuesOfCall = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (ValidationError.isInstance(err)) return err;
      throw err;
    }
    throw new Error('expected a ValidationError');
  };

  it('an error lists every issue in its message, with the code invalid_input', () => {
    const err = issuesOfCall(() => customerToWire({ tags: ['x'] } as never));
    expect(err.code).toBe('invalid_input');
    expect(err.platform).toBe('commercehq');
    expect(err.message).toBe(
      'commercehq: invalid input: email: is required by CommerceHQ; tags: CommerceHQ derives customer tags from the products bought; they cannot be set',
    );
  });

  it('a customer update refuses several addresses and an empty list, each with its reason', () => {
    expect(issuesOfCall(() => customerUpdateToWire({ addresses: [{}, {}] })).issues).toStrictEqual([
      {
        field: 'addresses',
        message:
          'CommerceHQ updates one address at a time: pass one (it updates the primary address) or use customers.updateAddress',
      },
    ]);
    expect(issuesOfCall(() => customerUpdateToWire({ addresses: [] })).issues).toStrictEqual([
      { field: 'addresses', message: "CommerceHQ's API cannot remove a customer's addresses" },
    ]);
  });

  it('a product refuses stock, archived, variants without options or price, and a missing price', () => {
    const err = issuesOfCall(() =>
      productToWire(
        { title: 'T', inventoryQuantity: 1, status: 'archived', variants: [{ inventoryQuantity: 2 }] },
        'USD',
        true,
      ),
    );
    expect(err.issues).toStrictEqual([
      { field: 'inventoryQuantity', message: "CommerceHQ's API has no stock level" },
      { field: 'status', message: 'CommerceHQ has no archived products (use draft)' },
      { field: 'variants.0.inventoryQuantity', message: "CommerceHQ's API has no stock level" },
      { field: 'variants.0.options', message: 'a CommerceHQ variant needs its option values' },
      { field: 'variants.0.price', message: 'is required by CommerceHQ' },
    ]);
    expect(issuesOfCall(() => productToWire({ title: 'T' }, 'USD', true)).issues).toStrictEqual([
      { field: 'price', message: 'is required by CommerceHQ for a product without variants' },
    ]);
    expect(
      issuesOfCall(() => productToWire({ price: { amount: 1, currency: 'EUR' } }, 'USD', false)).issues,
    ).toStrictEqual([{ field: 'price', message: "must be in the store's currency USD, not EUR" }]);
  });
});

describe('customer updates', () => {
  it('sends exactly the fields given', () => {
    expect(customerUpdateToWire({})).toStrictEqual({});
    expect(customerUpdateToWire({ email: 'a@b.test' })).toStrictEqual({ email: 'a@b.test' });
    expect(customerUpdateToWire({ firstName: 'A', lastName: 'B', note: 'n' })).toStrictEqual({
      first_name: 'A',
      last_name: 'B',
      notes: 'n',
    });
  });

  it('a phone alone goes on the primary address; with an address, on it, company on shipping only', () => {
    expect(customerUpdateToWire({ phone: '555' })).toStrictEqual({ address: { phone: '555' } });
    expect(
      customerUpdateToWire({ phone: '555', addresses: [{ company: 'Acme', city: 'Napa' }] }),
    ).toStrictEqual({
      address: {
        shipping: { company: 'Acme', city: 'Napa' },
        billing: { city: 'Napa' },
        phone: '555',
      },
    });
    expect(customerUpdateToWire({ addresses: [{ city: 'Napa' }] })).toStrictEqual({
      address: { shipping: { city: 'Napa' }, billing: { city: 'Napa' } },
    });
  });

  it('a new customer with only a phone gets an address holding it', () => {
    expect(customerToWire({ email: 'a@b.test', phone: '555' })).toStrictEqual({
      email: 'a@b.test',
      address: [{ phone: '555' }],
    });
    expect(customerToWire({ email: 'a@b.test' })).toStrictEqual({ email: 'a@b.test' });
  });
});
