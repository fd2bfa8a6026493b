import { catchShapeError } from '@storeport/contract';
import { ProductSchema, parseWire } from '@storeport/core';
import { describe, expect, it } from 'vitest';
import { mapProduct } from '../src/map-product';
import { WireProductSchema } from '../src/wire/product';
import footwear from './__fixtures__/product-footwear.json';
import jpy from './__fixtures__/product-jpy.json';
import minimal from './__fixtures__/product-minimal.json';

const read = (wire: unknown) => mapProduct(parseWire('commerce-api', 'product', WireProductSchema, wire));

const shapeError = (wire: unknown) => catchShapeError(() => read(wire));

describe('mapProduct', () => {
  for (const [name, fixture] of [
    ['every field, USD', footwear],
    ['yen, inactive, nulls', jpy],
    ['required fields only', minimal],
  ] as const) {
    it(`maps ${name} to the expected unified product, keeping the payload as raw`, () => {
      const product = read(fixture.wire);
      expect(product).toEqual({ ...fixture.expected, raw: fixture.wire });
      expect(ProductSchema.safeParse(product).success).toBe(true);
    });
  }

  it('refuses a price with more decimals than the currency has, naming price (8.165 USD, 1200.5 JPY)', () => {
    expect(shapeError({ ...footwear.wire, price: 8.165 }).field).toBe('price');
    expect(shapeError({ ...jpy.wire, price: 1200.5 }).field).toBe('price');
  });

  it('names the field when a needed one is missing or of the wrong type', () => {
    expect(shapeError({ ...footwear.wire, productId: undefined }).field).toBe('productId');
    expect(shapeError({ ...footwear.wire, price: '19.99' }).field).toBe('price');
    expect(shapeError({ ...footwear.wire, currency: 'usd' }).field).toBe('currency');
    expect(shapeError({ ...footwear.wire, stock: 1.5 }).field).toBe('stock');
    expect(shapeError({ ...footwear.wire, active: 'yes' }).field).toBe('active');
    expect(shapeError({ ...footwear.wire, createdAt: '2020-99-99' }).field).toBe('createdAt');
    expect(shapeError({ ...footwear.wire, updatedAt: 17 }).field).toBe('updatedAt');
  });

  it('keeps a category it does not know as the type (the enum may grow)', () => {
    expect(read({ ...footwear.wire, category: 'garden' }).type).toBe('garden');
  });

  it('names an unreadable update time', () => {
    expect(shapeError({ ...footwear.wire, updatedAt: 'yesterday' }).field).toBe('updatedAt');
  });
});
