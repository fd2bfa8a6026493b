import { ProductSchema } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapProduct } from '../src/map-product';
import { WireProductSchema } from '../src/wire/product';
import expected from './__fixtures__/product-14.expected.json';
import product14 from './__fixtures__/product-14.json';
import created from './__fixtures__/product-create-response.json';

const map = (raw: unknown, currency = 'USD') => mapProduct(WireProductSchema.parse(raw), currency);

describe('mapProduct', () => {
  it('maps the seed product 14 (expand=all) to the expected unified product, keeping raw', () => {
    const product = map(product14);
    const { raw, ...rest } = product;
    expect(rest).toEqual(expected);
    expect(raw).toEqual(product14);
    expect(ProductSchema.parse(product)).toEqual(product);
  });

  it('prices a single-variant product itself, with no variants', () => {
    const product = map({
      id: 5,
      title: 'Pinot',
      is_multi: false,
      price: '19.99',
      compare_price: 0.3,
      created_at: 1485010678,
      updated_at: 1485010678,
    });
    expect(product).toMatchObject({
      price: { amount: 1999, currency: 'USD' },
      compareAtPrice: { amount: 30, currency: 'USD' },
      variants: [],
      images: [],
      description: null,
    });
  });

  it('maps the seed create response (no relations expanded, no price yet)', () => {
    const product = map(created);
    expect(product).toMatchObject({
      id: '18',
      title: 'Good product 123',
      price: null,
      variants: [],
      type: 'Shoes',
      vendor: 'abidas',
    });
    expect(ProductSchema.safeParse(product).success).toBe(true);
  });

  it('takes the default variant price, leaves ignored variants out, and maps drafts and templates', () => {
    const raw = structuredClone(product14) as Record<string, unknown>;
    const variants = raw.variants as Array<Record<string, unknown>>;
    variants[0]!.default = false;
    variants[2]!.default = true;
    variants[2]!.price = 27.5;
    variants[3]!.ignore = true;
    raw.is_draft = true;
    const product = map(raw);
    expect(product.price).toEqual({ amount: 2750, currency: 'USD' });
    expect(product.variants.map((v) => v.id)).toEqual(['43', '44', '45']);
    expect(product.status).toBe('draft');
    expect(map({ ...product14, is_template: true }).status).toBe('draft');
  });

  it('refuses a 3-decimal price, naming the variant field', () => {
    const raw = structuredClone(product14) as Record<string, unknown>;
    (raw.variants as Array<Record<string, unknown>>)[1]!.price = 8.165;
    expect(() => map(raw)).toThrow(/variants\.1\.price/);
  });

  it('fails the schema, naming the field, when a field it reads has the wrong type', () => {
    for (const [key, value] of [
      ['title', null],
      ['variants', { id: 1 }],
      ['is_draft', 'no'],
      ['textareas', 'Great'],
      ['images', [{ id: 'x', path: 'y' }]],
    ] as const) {
      const result = WireProductSchema.safeParse({ ...product14, [key]: value });
      expect(result.success, key).toBe(false);
      expect(result.error?.issues[0]?.path[0]).toBe(key);
    }
  });
});
