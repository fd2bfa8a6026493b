import { ValidationError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { customerBody, orderBody, productBody } from '../src/to-wire';
import { CATEGORIES } from '../src/wire/product';

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

describe('productBody', () => {
  const category = CATEGORIES[0];

  it('create: every field the API stores, price as a decimal with its currency', () => {
    expect(
      productBody(
        {
          title: 'Shoe',
          description: 'd',
          sku: 'S1',
          price: usd(1999),
          inventoryQuantity: 4,
          type: category,
          status: 'active',
          images: [{ url: 'https://img/1' }],
          platformFields: { extra: 1 },
        },
        'create',
      ),
    ).toStrictEqual({
      name: 'Shoe',
      description: 'd',
      sku: 'S1',
      price: 19.99,
      currency: 'USD',
      stock: 4,
      category,
      active: true,
      imageUrl: 'https://img/1',
      extra: 1,
    });
  });

  it('create without a stock starts at zero; draft is inactive', () => {
    expect(
      productBody({ title: 'T', sku: 'S', price: usd(1), type: category, status: 'draft' }, 'create'),
    ).toStrictEqual({
      name: 'T',
      sku: 'S',
      price: 0.01,
      currency: 'USD',
      category,
      active: false,
      stock: 0,
    });
  });

  it('create needs a sku, a price and a category', () => {
    const err = rejection(() => productBody({ title: 'T' }, 'create'));
    expect(err.code).toBe('invalid_input');
    expect(err.platform).toBe('commerce-api');
    expect(err.message).toBe(
      `commerce-api: invalid product: sku: is required by the Commerce API; price: is required by the Commerce API; type: is required by the Commerce API: one of ${CATEGORIES.join(', ')}`,
    );
    expect(err.issues.every((i) => i.code === 'unsupported')).toBe(true);
  });

  it('update sends only what is given; no images clears the image', () => {
    expect(productBody({ title: 'New' }, 'update')).toStrictEqual({ name: 'New' });
    expect(productBody({ images: [] }, 'update')).toStrictEqual({ imageUrl: null });
    expect(productBody({}, 'update')).toStrictEqual({});
  });

  it('refuses what the API cannot store, each with its reason', () => {
    const err = rejection(() =>
      productBody(
        {
          type: 'Spaceship',
          status: 'archived',
          images: [{ url: 'a' }, { url: 'b' }],
          compareAtPrice: usd(1),
          vendor: 'v',
          tags: [],
          variants: [],
        },
        'update',
      ),
    );
    expect(err.issues).toEqual([
      {
        field: 'type',
        message: `must be a Commerce API category: ${CATEGORIES.join(', ')}`,
        code: 'unsupported',
      },
      {
        field: 'status',
        message: 'the Commerce API has no archived state (use delete, a soft delete, or "draft")',
        code: 'unsupported',
      },
      { field: 'images', message: 'the Commerce API holds one image per product', code: 'unsupported' },
      { field: 'compareAtPrice', message: 'the Commerce API has no compare-at price', code: 'unsupported' },
      { field: 'vendor', message: 'the Commerce API has no vendor field', code: 'unsupported' },
      { field: 'tags', message: 'the Commerce API has no product tags', code: 'unsupported' },
      {
        field: 'variants',
        message:
          'a Commerce API product is a single SKU: set sku, price and inventoryQuantity on the product',
        code: 'unsupported',
      },
    ]);
  });

  it('refuses alt text on the one image', () => {
    expect(rejection(() => productBody({ images: [{ url: 'a', alt: 'x' }] }, 'update')).issues).toStrictEqual(
      [{ field: 'images.0.alt', message: 'the Commerce API stores no alt text', code: 'unsupported' }],
    );
  });

  it('a price that cannot be sent exactly names the price', () => {
    expect(() => productBody({ price: { amount: 0.5, currency: 'USD' } }, 'update')).toThrow(
      expect.objectContaining({ field: 'price' }),
    );
  });
});

describe('customerBody', () => {
  it('create: renames note to notes, keeps addresses without undefined members', () => {
    expect(
      customerBody(
        {
          email: 'a@b.test',
          firstName: 'A',
          lastName: 'B',
          phone: '5',
          note: 'n',
          tags: ['vip'],
          addresses: [{ line1: '1 Main', city: 'Napa', country: 'US', line2: undefined }],
          platformFields: { x: 1 },
        },
        'create',
      ),
    ).toStrictEqual({
      email: 'a@b.test',
      firstName: 'A',
      lastName: 'B',
      phone: '5',
      notes: 'n',
      tags: ['vip'],
      addresses: [{ line1: '1 Main', city: 'Napa', country: 'US' }],
      x: 1,
    });
  });

  it('create needs an email; update does not', () => {
    expect(rejection(() => customerBody({} as never, 'create')).message).toBe(
      'commerce-api: invalid customer: email: is required by the Commerce API',
    );
    expect(customerBody({ lastName: 'X' }, 'update')).toStrictEqual({ lastName: 'X' });
    expect(customerBody({ firstName: 'Y' }, 'update')).toStrictEqual({ firstName: 'Y' });
  });

  it('every address needs line1, city and country, named by position', () => {
    const err = rejection(() =>
      customerBody({ addresses: [{ line1: 'a', city: 'b', country: 'US' }, {}] }, 'update'),
    );
    expect(err.issues.map((i) => i.field)).toEqual([
      'addresses.1.line1',
      'addresses.1.city',
      'addresses.1.country',
    ]);
    expect(err.issues[0]?.message).toBe('is required by the Commerce API');
  });
});

describe('orderBody', () => {
  it('a customer id and product lines; note becomes notes, platformFields last', () => {
    expect(
      orderBody({
        customerId: 'c1',
        lineItems: [
          { productId: 'p1', quantity: 2 },
          { variantId: 'p2', quantity: 1 },
          { productId: 'p3', variantId: 'p3', quantity: 5 },
        ],
        note: 'gift',
        platformFields: { channel: 'web' },
      }),
    ).toStrictEqual({
      customerId: 'c1',
      items: [
        { productId: 'p1', quantity: 2 },
        { productId: 'p2', quantity: 1 },
        { productId: 'p3', quantity: 5 },
      ],
      notes: 'gift',
      channel: 'web',
    });
    expect(orderBody({ customerId: 'c', lineItems: [] })).toStrictEqual({ customerId: 'c', items: [] });
  });

  it('refuses what the API cannot take, each with its reason', () => {
    const err = rejection(() =>
      orderBody({
        email: 'a@b.test',
        currency: 'USD',
        shippingAddress: {},
        billingAddress: {},
        lineItems: [
          { sku: 'S', quantity: 1 },
          { productId: 'a', variantId: 'b', quantity: 1, unitPrice: usd(1), title: 't' },
        ],
      }),
    );
    expect(err.message).toMatch(/^commerce-api: invalid order: customerId: is required by the Commerce API/);
    expect(err.issues.map((i) => [i.field, i.message])).toEqual([
      ['customerId', 'is required by the Commerce API (an email alone cannot place an order)'],
      ['email', 'the Commerce API takes the customer by customerId only'],
      ['currency', "the Commerce API prices an order in its products' currency"],
      ['shippingAddress', 'the Commerce API stores no order addresses'],
      ['billingAddress', 'the Commerce API stores no order addresses'],
      ['lineItems.0.productId', 'is required by the Commerce API (a SKU alone cannot be ordered)'],
      [
        'lineItems.1.variantId',
        'a Commerce API product is its own single variant: variantId must equal productId',
      ],
      ['lineItems.1.unitPrice', 'prices come from the catalogue'],
      ['lineItems.1.title', 'titles come from the catalogue'],
    ]);
  });
});
