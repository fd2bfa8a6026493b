import {
  type CallOptions,
  encodePath,
  type Product,
  type ProductInput,
  ProductInputSchema,
  type ProductListParams,
  type ProductsResource,
  type ProductUpdate,
  ProductUpdateSchema,
  parseInput,
  signalOf,
  ValidationError,
} from '@storeport/core';
import type { ApiClient } from './client';
import { type Filters, makeLister, onlyFilters, sortQuery } from './listing';
import { mapProduct } from './map-product';
import { PLATFORM } from './options';
import { productBody } from './to-wire';
import { CATEGORIES, type WireProduct, WireProductSchema } from './wire/product';

const SORTS = { title: 'name', price: 'price', inventoryQuantity: 'stock', createdAt: 'createdAt' };

/** `GET /products` filters: `search`, `category`, `active`, `sort` + `order` (the seed). */
function productQuery(f: Filters) {
  onlyFilters('products', f, ['query', 'type', 'status', 'sort'], {
    updatedSince: 'the API has no update-time filter on products',
  });
  if (f.type !== undefined && !(CATEGORIES as readonly unknown[]).includes(f.type)) {
    throw new ValidationError(`${PLATFORM}: type must be one of ${CATEGORIES.join(', ')}`, {
      platform: PLATFORM,
      code: 'invalid_input',
      issues: [{ field: 'type', message: 'not a Commerce API category' }],
    });
  }
  if (f.status === 'archived' || (f.status !== undefined && f.status !== 'active' && f.status !== 'draft')) {
    throw new ValidationError(
      `${PLATFORM}: products can be listed by status active or draft only (no archived state)`,
      {
        platform: PLATFORM,
        code: 'invalid_input',
        issues: [{ field: 'status', message: 'must be active or draft' }],
      },
    );
  }
  return {
    ...(f.query !== undefined ? { search: String(f.query) } : {}),
    ...(f.type !== undefined ? { category: String(f.type) } : {}),
    ...(f.status !== undefined ? { active: f.status === 'active' } : {}),
    ...sortQuery('products', f.sort, SORTS),
  };
}

export function productsResource(client: ApiClient): ProductsResource {
  const { list, iterate } = makeLister<WireProduct, Product, ProductListParams>(client, {
    resource: 'products',
    path: '/products',
    schema: WireProductSchema,
    map: mapProduct,
    query: productQuery,
  });
  return {
    list,
    iterate,
    async get(id: string, options?: CallOptions) {
      const res = await client.send(
        { method: 'GET', path: encodePath`/products/${id}`, ...signalOf(options), what: 'product' },
        WireProductSchema,
      );
      return mapProduct(res.body);
    },
    async create(input: ProductInput, options?: CallOptions) {
      const body = productBody(parseInput(PLATFORM, 'product', ProductInputSchema, input), 'create');
      const res = await client.send(
        { method: 'POST', path: '/products', body, ...signalOf(options), what: 'product' },
        WireProductSchema,
      );
      return mapProduct(res.body);
    },
    async update(id: string, input: ProductUpdate, options?: CallOptions) {
      const path = encodePath`/products/${id}`;
      const body = productBody(parseInput(PLATFORM, 'product update', ProductUpdateSchema, input), 'update');
      const res = await client.send(
        { method: 'PATCH', path, body, ...signalOf(options), what: 'product' },
        WireProductSchema,
      );
      return mapProduct(res.body);
    },
    async delete(id: string, options?: CallOptions) {
      await client.send({ method: 'DELETE', path: encodePath`/products/${id}`, ...signalOf(options) });
    },
  };
}
