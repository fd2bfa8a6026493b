import { ValidationError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import {
  addressToWire,
  checkAddresses,
  customerCreateBody,
  customerUpdateBody,
  DEFAULT_PRODUCT_TYPE,
  fulfillmentBody,
  locationOf,
  noteBody,
  productCreateBody,
  productUpdateBody,
  toCents,
  unsupportedProductFields,
} from '../src/to-wire';
import type { WireCustomer } from '../src/wire/customer';
import type { WireOrder } from '../src/wire/order';
import type { WireProduct } from '../src/wire/product';

const usd = (amount: number) => ({ amount, currency: 'USD' });

function rejection(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (ValidationError.isInstance(err)) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

const fields = (fn: () => unknown) => rejection(fn).issues.map((i) => i.field);

describe('toCents', () => {
  it('passes the minor units through in the adapter currency', () => {
    const issues: never[] = [];
    expect(toCents(usd(1999), 'USD', 'price', issues)).toBe(1999);
    expect(issues).toEqual([]);
  });

  it('refuses another currency, naming the field and the expected currency', () => {
    const issues: { field: string; message: string }[] = [];
    expect(toCents({ amount: 5, currency: 'EUR' }, 'USD', 'variants.0.price', issues)).toBeUndefined();
    expect(issues).toEqual([
      { field: 'variants.0.price', message: 'must be in USD, the currency this adapter was set up with' },
    ]);
  });
});

describe('addresses', () => {
  const full = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    company: 'Engines',
    phone: '555',
    line1: '1 Main',
    line2: 'Unit 2',
    city: 'Napa',
    region: 'CA',
    postalCode: '94558',
    country: 'US',
  };

  it('renames every unified field to its Commerce7 name', () => {
    expect(addressToWire(full)).toStrictEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Engines',
      phone: '555',
      address: '1 Main',
      address2: 'Unit 2',
      city: 'Napa',
      stateCode: 'CA',
      zipCode: '94558',
      countryCode: 'US',
    });
  });

  it('sends null for every field left out', () => {
    expect(Object.values(addressToWire({}))).toEqual(Array(10).fill(null));
    expect(locationOf({})).toStrictEqual({ city: null, stateCode: null, zipCode: null, countryCode: null });
  });

  it('the location is the city, region, postal code and country', () => {
    expect(locationOf(full)).toStrictEqual({
      city: 'Napa',
      stateCode: 'CA',
      zipCode: '94558',
      countryCode: 'US',
    });
  });

  it('an address needs a street, a city and a country; each missing one is named', () => {
    const issues: { field: string; message: string }[] = [];
    checkAddresses([full, { line1: '', city: 'Napa' }], issues);
    expect(issues).toEqual([
      { field: 'addresses.1.line1', message: 'is required for a Commerce7 customer address' },
      { field: 'addresses.1.country', message: 'is required for a Commerce7 customer address' },
    ]);
    checkAddresses(undefined, issues);
    expect(issues).toHaveLength(2);
  });
});

describe('customerCreateBody', () => {
  it('a bare customer: the email, transaction emails off, nothing else', () => {
    expect(customerCreateBody({ email: 'a@b.test' }, undefined)).toStrictEqual({
      emails: [{ email: 'a@b.test' }],
      isSendTransactionEmail: false,
    });
  });

  it('names, phone, tags and the first address (flattened), then platformFields over all', () => {
    const body = customerCreateBody(
      {
        email: 'a@b.test',
        firstName: 'Ada',
        lastName: 'L',
        phone: '555',
        addresses: [
          { line1: '1 Main', line2: 'Unit 2', company: 'Engines', city: 'Napa', country: 'US' },
          { line1: 'ignored', city: 'x', country: 'FR' },
        ],
        platformFields: { isSendTransactionEmail: true },
      },
      ['t1', 't2'],
    );
    expect(body).toStrictEqual({
      firstName: 'Ada',
      lastName: 'L',
      emails: [{ email: 'a@b.test' }],
      phones: [{ phone: '555' }],
      tags: [{ id: 't1' }, { id: 't2' }],
      company: 'Engines',
      address: '1 Main',
      address2: 'Unit 2',
      city: 'Napa',
      stateCode: null,
      zipCode: null,
      countryCode: 'US',
      isSendTransactionEmail: true,
    });
  });

  it('an address without company or second line sends them as null', () => {
    const body = customerCreateBody(
      { email: 'a@b.test', addresses: [{ line1: '1', city: 'c', country: 'US' }] },
      [],
    );
    expect(body).toMatchObject({ company: null, address: '1', address2: null, tags: [] });
  });
});

describe('customerUpdateBody', () => {
  const current = {
    emails: [
      { id: 'e1', email: 'old@b.test' },
      { id: 'e2', email: 'Second@b.test' },
      { id: 'e3', email: 'third@b.test' },
    ],
    phones: [
      { id: 'p1', phone: '111' },
      { id: 'p2', phone: '222' },
    ],
  } as unknown as WireCustomer;

  it('an empty update is an empty body', () => {
    expect(customerUpdateBody({}, current, undefined)).toStrictEqual({});
  });

  it('a last name alone is sent alone', () => {
    expect(customerUpdateBody({ lastName: 'Ng' }, current, undefined)).toStrictEqual({ lastName: 'Ng' });
  });

  it('a new email replaces the first entry, keeps its id and the others, dropping a duplicate of it', () => {
    expect(customerUpdateBody({ email: 'SECOND@b.test' }, current, undefined).emails).toEqual([
      { id: 'e1', email: 'SECOND@b.test' },
      { id: 'e3', email: 'third@b.test' },
    ]);
  });

  it('without a current record the email is the only entry, without an id', () => {
    expect(customerUpdateBody({ email: 'n@b.test' }, undefined, undefined).emails).toEqual([
      { email: 'n@b.test' },
    ]);
  });

  it('a new phone replaces the first, keeping its id; null removes the first', () => {
    expect(customerUpdateBody({ phone: '999' }, current, undefined).phones).toEqual([
      { id: 'p1', phone: '999' },
      { id: 'p2', phone: '222' },
    ]);
    expect(customerUpdateBody({ phone: null }, current, undefined).phones).toEqual([
      { id: 'p2', phone: '222' },
    ]);
    expect(customerUpdateBody({ phone: '9' }, undefined, undefined).phones).toEqual([{ phone: '9' }]);
    expect(customerUpdateBody({ phone: null }, undefined, undefined).phones).toEqual([]);
  });

  it('names, tags and the location of the first address; platformFields last', () => {
    expect(
      customerUpdateBody(
        {
          firstName: 'A',
          lastName: 'B',
          addresses: [{ city: 'Napa', region: 'CA', postalCode: '1', country: 'US' }],
          platformFields: { lastName: 'override' },
        },
        current,
        ['t'],
      ),
    ).toStrictEqual({
      firstName: 'A',
      lastName: 'override',
      tags: [{ id: 't' }],
      city: 'Napa',
      stateCode: 'CA',
      zipCode: '1',
      countryCode: 'US',
    });
  });

  it('an empty address list clears the location', () => {
    expect(customerUpdateBody({ addresses: [] }, current, undefined)).toStrictEqual({
      city: null,
      stateCode: null,
      zipCode: null,
      countryCode: null,
    });
  });
});

describe('noteBody', () => {
  it('a Note dated now, for its owner, with extra fields last', () => {
    const before = Date.now();
    const body = noteBody({ orderId: 'o1' }, 'hello', { type: 'Other' });
    expect(body).toMatchObject({ type: 'Other', content: 'hello', orderId: 'o1' });
    expect(Date.parse(body.noteDate as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(noteBody({ customerId: 'c1' }, 'x')).toMatchObject({
      type: 'Note',
      content: 'x',
      customerId: 'c1',
    });
  });
});

describe('unsupportedProductFields', () => {
  const check = (input: Parameters<typeof unsupportedProductFields>[0]) => {
    const issues: { field: string; message: string }[] = [];
    unsupportedProductFields(input, issues);
    return issues;
  };

  it('refuses tags, vendor, inventory (product and variant) and an unknown type, each with its reason', () => {
    const inventory = 'Commerce7 keeps inventory per location through its /inventory API, not on the product';
    expect(
      check({
        tags: [],
        vendor: 'v',
        inventoryQuantity: 1,
        variants: [{ sku: 'a' }, { inventoryQuantity: 2 }],
        type: 'Shoes',
      }),
    ).toEqual([
      { field: 'tags', message: 'Commerce7 products have no tags' },
      { field: 'vendor', message: 'Commerce7 names vendors by id: set platformFields.vendorId' },
      { field: 'inventoryQuantity', message: inventory },
      { field: 'variants.1.inventoryQuantity', message: inventory },
      {
        field: 'type',
        message: expect.stringMatching(/^must be a Commerce7 product type: General Merchandise, Tasting, /),
      },
    ]);
  });

  it('accepts every field Commerce7 has and a known type', () => {
    expect(check({ title: 't', type: 'Wine', variants: [{ sku: 'a' }] })).toEqual([]);
  });
});

describe('productCreateBody', () => {
  it('a product from its top-level sku and price becomes one variant of the default type', () => {
    expect(
      productCreateBody(
        {
          title: 'Cab',
          description: 'red',
          status: 'active',
          sku: 'CAB',
          price: usd(2500),
          images: [{ url: 'u1' }, { url: 'u2' }],
        },
        'USD',
      ),
    ).toStrictEqual({
      type: DEFAULT_PRODUCT_TYPE,
      title: 'Cab',
      content: 'red',
      webStatus: 'Available',
      images: [
        { src: 'u1', sortOrder: 0 },
        { src: 'u2', sortOrder: 1 },
      ],
      variants: [{ sku: 'CAB', price: 2500, comparePrice: null, sortOrder: 1 }],
    });
  });

  it('variants keep their order, title (or joined options) and compare-at price', () => {
    const body = productCreateBody(
      {
        title: 'T',
        type: 'Wine',
        variants: [
          { title: 'Magnum', sku: 'A', price: usd(100), compareAtPrice: usd(150) },
          { options: ['Red', '750ml'], sku: 'B', price: usd(200), platformFields: { weight: 2 } },
          { options: [], sku: 'C', price: usd(300) },
        ],
        platformFields: { slug: 't' },
      },
      'USD',
    );
    expect(body).toStrictEqual({
      type: 'Wine',
      title: 'T',
      slug: 't',
      variants: [
        { title: 'Magnum', sku: 'A', price: 100, comparePrice: 150, sortOrder: 1 },
        { title: 'Red / 750ml', sku: 'B', price: 200, comparePrice: null, sortOrder: 2, weight: 2 },
        { sku: 'C', price: 300, comparePrice: null, sortOrder: 3 },
      ],
    });
  });

  it('a variant needs a SKU and a price in the adapter currency', () => {
    const err = rejection(() =>
      productCreateBody(
        {
          title: 'T',
          variants: [{ price: usd(1) }, { sku: 'B' }, { sku: 'C', price: { amount: 1, currency: 'EUR' } }],
        },
        'USD',
      ),
    );
    expect(err.message).toMatch(/^commerce7: invalid product: variants\.0\.sku: is required/);
    expect(err.code).toBe('invalid_input');
    expect(err.issues.map((i) => i.field)).toEqual([
      'variants.0.sku',
      'variants.1.price',
      'variants.2.price',
    ]);
    expect(err.issues[1]?.message).toBe('is required: every Commerce7 variant has a price');
  });

  it('a compare-at price in another currency is refused', () => {
    expect(
      fields(() =>
        productCreateBody(
          { title: 'T', sku: 'A', price: usd(1), compareAtPrice: { amount: 2, currency: 'EUR' } },
          'USD',
        ),
      ),
    ).toEqual(['variants.0.compareAtPrice']);
  });

  it('top-level sku, price or compare-at price beside variants is refused', () => {
    for (const top of [{ sku: 'X' }, { price: usd(1) }, { compareAtPrice: usd(1) }]) {
      expect(
        fields(() =>
          productCreateBody({ title: 'T', ...top, variants: [{ sku: 'A', price: usd(1) }] }, 'USD'),
        ),
      ).toEqual(['sku']);
    }
  });

  it('an empty variants list falls back to the top-level fields', () => {
    expect(productCreateBody({ title: 'T', sku: 'A', price: usd(1), variants: [] }, 'USD').variants).toEqual([
      { sku: 'A', price: 1, comparePrice: null, sortOrder: 1 },
    ]);
  });

  it('unsupported fields are refused with the variant issues, in one error', () => {
    expect(fields(() => productCreateBody({ title: 'T', tags: ['x'] }, 'USD'))).toEqual([
      'tags',
      'variants.0.sku',
      'variants.0.price',
    ]);
  });
});

describe('productUpdateBody', () => {
  const current = {
    variants: [
      { id: 'v1', title: 'One', sku: 'S1', price: 100, comparePrice: null, inventory: [{ count: 3 }] },
      { id: 'v2', title: 'Two', sku: 'S2', price: 200, comparePrice: 250, inventory: [] },
    ],
  } as unknown as WireProduct;

  it('top-level fields only: no variants are sent', () => {
    expect(productUpdateBody({ title: 'New', status: 'archived' }, current, 'USD')).toStrictEqual({
      title: 'New',
      webStatus: 'Retired',
    });
  });

  it('a top-level price changes the first variant; every variant is sent back without inventory', () => {
    expect(
      productUpdateBody({ price: usd(111), sku: 'N1', compareAtPrice: usd(222) }, current, 'USD'),
    ).toStrictEqual({
      variants: [
        { id: 'v1', title: 'One', sku: 'N1', price: 111, comparePrice: 222 },
        { id: 'v2', title: 'Two', sku: 'S2', price: 200, comparePrice: 250 },
      ],
    });
  });

  it('variants by id are changed in place, new ones added, left-out ones removed', () => {
    const body = productUpdateBody(
      {
        variants: [
          { id: 'v2', options: ['Big'], platformFields: { weight: 1 } },
          { sku: 'S3', price: usd(300) },
        ],
        platformFields: { slug: 's' },
      },
      current,
      'USD',
    );
    expect(body).toStrictEqual({
      slug: 's',
      variants: [
        { id: 'v2', title: 'Big', sku: 'S2', price: 200, comparePrice: 250, weight: 1 },
        { sku: 'S3', price: 300, comparePrice: null, sortOrder: 2 },
      ],
    });
  });

  it('refuses an unknown variant id, an empty list, and top-level fields beside variants', () => {
    const err = rejection(() => productUpdateBody({ sku: 'X', variants: [{ id: 'nope' }] }, current, 'USD'));
    expect(err.message).toMatch(/^commerce7: invalid product update: /);
    expect(err.issues).toEqual([
      { field: 'sku', message: 'give sku, price and compareAtPrice on the variants when variants are given' },
      { field: 'variants.0.id', message: 'is not a variant of this product' },
    ]);
    expect(rejection(() => productUpdateBody({ variants: [] }, current, 'USD')).issues).toEqual([
      { field: 'variants', message: 'a Commerce7 product needs at least one variant' },
    ]);
  });

  it('a price in another currency on an existing variant is refused', () => {
    expect(
      fields(() =>
        productUpdateBody(
          {
            variants: [
              {
                id: 'v1',
                price: { amount: 1, currency: 'EUR' },
                compareAtPrice: { amount: 1, currency: 'EUR' },
              },
            ],
          },
          current,
          'USD',
        ),
      ),
    ).toEqual(['variants.0.price', 'variants.0.compareAtPrice']);
  });

  it('without the current product, variant changes cannot be merged and are not sent', () => {
    expect(productUpdateBody({ price: usd(1) }, undefined, 'USD')).toStrictEqual({});
  });

  it('unsupported fields are refused', () => {
    expect(fields(() => productUpdateBody({ vendor: 'v' }, current, 'USD'))).toEqual(['vendor']);
  });
});

describe('fulfillmentBody', () => {
  const order = (method: string) =>
    ({
      orderDeliveryMethod: method,
      items: [
        { id: 'i1', sku: 'S1' },
        { id: 'i2', sku: null },
      ],
    }) as unknown as WireOrder;

  it('a shipped order without lines fulfils all, with no tracking and emails off', () => {
    const { all, body } = fulfillmentBody(order('Ship'), {});
    expect(all).toBe(true);
    expect(body).toMatchObject({
      type: 'Shipped',
      packageCount: 1,
      sendTransactionEmail: false,
      shipped: { trackingNumbers: [], carrier: null },
    });
    expect(body).not.toHaveProperty('items');
    expect(Number.isNaN(Date.parse(body.fulfillmentDate as string))).toBe(false);
  });

  it('a pickup order is picked up; a tracking number or a carrier makes it shipped', () => {
    expect(fulfillmentBody(order('Pickup'), {}).body).toMatchObject({
      type: 'Picked Up',
      pickedUp: { pickedUpBy: null },
    });
    expect(fulfillmentBody(order('Pickup'), {}).body).not.toHaveProperty('shipped');
    expect(fulfillmentBody(order('Pickup'), { trackingNumber: '1Z' }).body).toMatchObject({
      type: 'Shipped',
      shipped: { trackingNumbers: ['1Z'], carrier: null },
    });
    expect(fulfillmentBody(order('Pickup'), { carrier: 'UPS', notify: true }).body).toMatchObject({
      type: 'Shipped',
      sendTransactionEmail: true,
      shipped: { trackingNumbers: [], carrier: 'UPS' },
    });
  });

  it('chosen lines go by SKU with their quantity; platformFields last', () => {
    const { all, body } = fulfillmentBody(order('Ship'), {
      lineItems: [{ id: 'i1', quantity: 2 }],
      platformFields: { packageCount: 3 },
    });
    expect(all).toBe(false);
    expect(body).toMatchObject({ items: [{ sku: 'S1', quantityFulfilled: 2 }], packageCount: 3 });
  });

  it('refuses a tracking URL, an unknown line and a line without SKU', () => {
    const err = rejection(() =>
      fulfillmentBody(order('Ship'), {
        trackingUrl: 'https://t',
        lineItems: [
          { id: 'nope', quantity: 1 },
          { id: 'i2', quantity: 1 },
        ],
      }),
    );
    expect(err.message).toMatch(/^commerce7: invalid fulfilment: trackingUrl: /);
    expect(err.issues).toEqual([
      {
        field: 'trackingUrl',
        message: 'Commerce7 fulfilments take tracking numbers and a carrier, not a URL',
      },
      { field: 'lineItems.0.id', message: 'is not a line item of this order' },
      { field: 'lineItems.1.id', message: 'has no SKU, which Commerce7 fulfils by' },
    ]);
  });
});

describe('rejectInput', () => {
  it('names every issue in the message, joined by "; ", and carries them', () => {
    const err = rejection(() =>
      productCreateBody(
        { title: 't', sku: 'x', variants: [{ sku: 'a', price: { amount: 1, currency: 'EUR' } }] },
        'USD',
      ),
    );
    expect(err.message).toMatch(
      /^commerce7: invalid product: sku: give sku, price and compareAtPrice on the variants when variants are given; variants\.0\.price: .+/,
    );
    expect(err.issues.map((i) => i.field)).toEqual(['sku', 'variants.0.price']);
  });
});
