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

describe('mapProduct: variants, price and images', () => {
  const variant = (id: number, extra: Record<string, unknown> = {}) => ({
    id,
    variant: [`V${id}`],
    price: `${id}.00`,
    ...extra,
  });
  const base = { id: 1, title: 'T', created_at: 1_600_000_000 };

  it("the price is the first variant marked default's, else the first variant's", () => {
    const p = map({
      ...base,
      is_multi: true,
      variants: [variant(1), variant(2, { default: true }), variant(3, { default: true })],
    });
    expect(p.price).toStrictEqual({ amount: 200, currency: 'USD' });
    expect(map({ ...base, is_multi: true, variants: [variant(4), variant(5)] }).price).toStrictEqual({
      amount: 400,
      currency: 'USD',
    });
  });

  it('without is_multi, variants make it multi; none make it single, priced by the product', () => {
    expect(map({ ...base, variants: [variant(7)] }).variants).toHaveLength(1);
    const single = map({ ...base, price: '3.50', compare_price: null, variants: [] });
    expect(single).toMatchObject({
      variants: [],
      price: { amount: 350, currency: 'USD' },
      compareAtPrice: null,
    });
  });

  it('a variant without a sku, values or compare price has nulls; an unreadable compare price is named', () => {
    const p = map({
      ...base,
      is_multi: true,
      variants: [variant(8, { variant: [], compare_price: undefined })],
    });
    expect(p.variants[0]).toMatchObject({ sku: null, title: null, compareAtPrice: null, options: [] });
    expect(() =>
      map({ ...base, is_multi: true, variants: [variant(9, { compare_price: '1.005' })] }),
    ).toThrow(expect.objectContaining({ field: 'variants.0.compare_price' }));
  });

  it('images: the product’s, then each variant’s, each id once', () => {
    const p = map({
      ...base,
      images: [{ id: 1, path: 'a' }],
      is_multi: true,
      variants: [
        variant(2, {
          images: [
            { id: 1, path: 'a' },
            { id: 2, path: 'b' },
          ],
        }),
      ],
    });
    expect(p.images).toStrictEqual([
      { id: '1', url: 'a' },
      { id: '2', url: 'b' },
    ]);
  });
});
