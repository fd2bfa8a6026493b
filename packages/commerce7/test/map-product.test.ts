import { ProductSchema, parseWire, ResponseShapeError } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { inventoryQuantity, mapProduct } from '../src/map-product';
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

  it('a product without variants has no sku or price', () => {
    const p = read({ ...wine.wire, variants: [] });
    expect([p.sku, p.price, p.compareAtPrice, p.variants]).toEqual([null, null, null, []]);
  });

  it('the single `image` is used only when there is no `images` list', () => {
    const both = read({
      ...wine.wire,
      images: [{ id: 'i1', src: 'https://a.test/1.png' }],
      image: 'https://a.test/2.png',
    });
    expect(both.images).toStrictEqual([{ id: 'i1', url: 'https://a.test/1.png' }]);
    const single = read({ ...wine.wire, images: undefined, image: 'https://a.test/2.png' });
    expect(single.images).toStrictEqual([{ id: null, url: 'https://a.test/2.png' }]);
  });

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

  it('names an unreadable time; an empty one is null', () => {
    const field = (wire: unknown) => {
      try {
        read(wire);
      } catch (err) {
        if (ResponseShapeError.isInstance(err)) return err.field;
        throw err;
      }
      return 'no error';
    };
    expect(field({ ...wine.wire, createdAt: 'yesterday' })).toBe('createdAt');
    expect(field({ ...wine.wire, updatedAt: 'yesterday' })).toBe('updatedAt');
    expect(read({ ...wine.wire, createdAt: '', updatedAt: null })).toMatchObject({
      createdAt: null,
      updatedAt: null,
    });
  });

  it('inventory: untracked is null, tracked with no locations is 0, otherwise the sum of what is for sale', () => {
    const v = wine.wire.variants[0] as Parameters<typeof inventoryQuantity>[0];
    expect(
      inventoryQuantity({ ...v, hasInventory: false, inventory: [{ availableForSaleCount: 3 }] }),
    ).toBeNull();
    expect(inventoryQuantity({ ...v, hasInventory: true, inventory: undefined })).toBeNull();
    expect(inventoryQuantity({ ...v, hasInventory: true, inventory: [] })).toBe(0);
    expect(inventoryQuantity({ ...v, hasInventory: undefined, inventory: [] })).toBeNull();
    expect(
      inventoryQuantity({
        ...v,
        hasInventory: true,
        inventory: [{ availableForSaleCount: 3 }, {}, { availableForSaleCount: 4 }],
      }),
    ).toBe(7);
  });

  it('the image field stands in when there is no image list; variant titles are the options', () => {
    const p = read({ ...wine.wire, images: [], image: 'https://img/x.png' });
    expect(p.images).toStrictEqual([{ id: null, url: 'https://img/x.png' }]);
    expect(read({ ...wine.wire, images: [], image: '' }).images).toStrictEqual([]);
    const untitled = read({ ...wine.wire, variants: [{ ...wine.wire.variants[0], title: null }] });
    expect(untitled.variants[0]).toMatchObject({ title: null, options: [] });
  });
});
