import {
  encodePath,
  ProductInputSchema,
  ProductUpdateSchema,
  parseInput,
  type RoundingMode,
  signalOf,
  ValidationError,
} from '@storeport/core';
import { defaultId, type ProductsDeclaration } from '@storeport/core/kit';
import type { CommerceApiClient } from './client';
import { apiList } from './listing';
import { mapProduct } from './map-product';
import { PLATFORM } from './platform';
import { productBody } from './to-wire';
import { CATEGORIES, type WireProduct, WireProductSchema } from './wire/product';

/** `GET /products` filters `search`, `category`, `active`, and sorts with `sort` + `order` (the seed). */
export function products(client: CommerceApiClient, rounding?: RoundingMode): ProductsDeclaration {
  const map = (wire: WireProduct) => mapProduct(wire, rounding);
  const send = async (req: Parameters<CommerceApiClient['send']>[0]) =>
    map((await client.send({ ...req, what: 'product' }, WireProductSchema)).body);
  return {
    list: apiList(client, {
      path: '/products',
      wire: WireProductSchema,
      map,
      idOf: (raw) => defaultId(raw, 'productId'),
      filters: ['query', 'type', 'status'],
      filterHints: { updatedSince: 'the API has no update-time filter on products' },
      sorts: { title: 'name', price: 'price', inventoryQuantity: 'stock', createdAt: 'createdAt' },
      checkFilters: (f) => {
        if (f.type !== undefined && !(CATEGORIES as readonly unknown[]).includes(f.type))
          throw invalid(
            'type',
            `type must be one of ${CATEGORIES.join(', ')}`,
            'not a Commerce API category',
          );
        if (f.status !== undefined && f.status !== 'active' && f.status !== 'draft')
          throw invalid(
            'status',
            'products can be listed by status active or draft only (no archived state)',
            'must be active or draft',
          );
      },
      query: (f) => ({
        search: f.query as string,
        category: f.type as string,
        active: f.status === undefined ? undefined : f.status === 'active',
      }),
    }),
    get: async (id, options) =>
      send({ method: 'GET', path: encodePath`/products/${id}`, ...signalOf(options) }),
    create: async (input, options) =>
      send({
        method: 'POST',
        path: '/products',
        body: productBody(parseInput(PLATFORM, 'product', ProductInputSchema, input), 'create'),
        ...signalOf(options),
      }),
    update: async (id, input, options) =>
      send({
        method: 'PATCH',
        path: encodePath`/products/${id}`,
        body: productBody(parseInput(PLATFORM, 'product update', ProductUpdateSchema, input), 'update'),
        ...signalOf(options),
      }),
    delete: async (id, options) => {
      await client.send({ method: 'DELETE', path: encodePath`/products/${id}`, ...signalOf(options) });
    },
  };
}

function invalid(field: string, message: string, issue: string): ValidationError {
  return new ValidationError(`${PLATFORM}: ${message}`, {
    platform: PLATFORM,
    code: 'invalid_input',
    issues: [{ field, message: issue }],
  });
}
