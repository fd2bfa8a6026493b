import { ProductSchema, parseWire, ResponseShapeError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapProduct } from '../src/map-product';
import { WireProductSchema } from '../src/wire/product';
import merch from './__fixtures__/product-merch.json';
import wine from './__fixtures__/product-wine.json';

const read = (w: unknown) => mapProduct(parseWire('commerce7', 'product', WireProductSchema, w), 'USD');

describe('mapProduct', () => {
  for (const [name, fixture] of [
    ['the docs-shaped wine (inventory summed over five locations)', wine],
    ['merchandise not for sale online, with untracked and empty inventory', merch],
  ] as const) {
    it(`maps ${name}`, () => {
      const p = read(fixture.wire);
      expect(p).toEqual({ ...fixture.expected, raw: fixture.wire });
      expect(ProductSchema.safeParse(p).success).toBe(true);
    });
  }

  it('maps webStatus to the status; Retired is archived, whatever adminStatus says', () => {
    expect(read({ ...wine.wire, webStatus: 'Retired', adminStatus: 'Available' }).status).toBe('archived');
    expect(read({ ...wine.wire, webStatus: 'Available', adminStatus: 'Hidden' }).status).toBe('active');
    expect(read({ ...wine.wire, webStatus: 'Coming Soon' }).status).toBe('unknown');
  });

  it('names a variant field it cannot read', () => {
    const bad = (variants: unknown) => {
      try {
        read({ ...wine.wire, variants });
      } catch (err) {
        if (ResponseShapeError.isInstance(err)) return err.field;
        throw err;
      }
      return 'no error';
    };
    expect(bad([{ ...wine.wire.variants[0], price: 45.0 + 0.5 }])).toBe('variants.0.price');
    expect(bad([{ ...wine.wire.variants[0], comparePrice: '17.00' }])).toBe('variants.0.comparePrice');
    expect(bad([{ ...wine.wire.variants[0], inventory: [{ availableForSaleCount: 'many' }] }])).toBe(
      'variants.0.inventory.0.availableForSaleCount',
    );
    expect(bad({})).toBe('variants');
  });
});
