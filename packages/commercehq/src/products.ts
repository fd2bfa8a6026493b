import {
  type Product,
  ProductInputSchema,
  type ProductListParams,
  type ProductsResource,
  ProductUpdateSchema,
  parseInput,
  signalOf,
  ValidationError,
} from '@storeport/core';
import { z } from 'zod';
import type { ChqClient } from './client';
import { idSegment } from './ids';
import { makeLister, onlyFilters } from './listing';
import { mapProduct } from './map-product';
import { PLATFORM } from './options';
import { productToWire, refuse } from './to-wire';
import { type WireProduct, WireProductSchema } from './wire/product';

/** Products load without relations unless expanded; the unified Product needs all four. */
export const PRODUCT_EXPAND = 'textareas,images,options,variants';

const CreatedSchema = z.looseObject({ id: z.number().int().nonnegative() });
const KindSchema = z.looseObject({ id: z.number().int().nonnegative(), is_multi: z.boolean().optional() });

export function productsResource(client: ChqClient): ProductsResource {
  const map = (w: WireProduct) => mapProduct(w, client.currency);
  const { list, iterate } = makeLister<WireProduct, Product, ProductListParams>(client, {
    resource: 'products',
    path: '/products',
    schema: WireProductSchema,
    map,
    expand: PRODUCT_EXPAND,
    sorts: { id: 'id', title: 'title', createdAt: 'created_at', updatedAt: 'updated_at' },
    plan(filters) {
      onlyFilters('products', filters, ['query']);
      if (filters.query === undefined) return { phases: 1 };
      if (typeof filters.query !== 'string' || filters.query.trim() === '') {
        throw new ValidationError(`${PLATFORM}: query must be a non-empty string`, {
          platform: PLATFORM,
          code: 'invalid_input',
          issues: [{ field: 'query', message: 'must be a non-empty string' }],
        });
      }
      // `POST /products/search {title}` matches titles containing the text (as real clients use it).
      return { search: { title: filters.query }, phases: 1 };
    },
  });

  /** The product with every relation, as the unified Product needs it. */
  const get = async (id: string, signal?: AbortSignal) => {
    const res = await client.send(
      {
        method: 'GET',
        path: `/products/${idSegment(id)}`,
        query: { expand: PRODUCT_EXPAND },
        ...(signal ? { signal } : {}),
        what: 'product',
      },
      WireProductSchema,
    );
    return map(res.body);
  };

  return {
    list,
    iterate,
    get: async (id, options) => get(id, options?.signal),
    async create(input, options) {
      const parsed = parseInput(PLATFORM, 'product', ProductInputSchema, input);
      const body = productToWire(parsed, client.currency, true);
      // The create response carries no relations (the seed): read the product back whole.
      const res = await client.send(
        { method: 'POST', path: '/products', body, ...signalOf(options), what: 'created product' },
        CreatedSchema,
      );
      return get(String(res.body.id), options?.signal);
    },
    async update(id, input, options) {
      const path = `/products/${idSegment(id)}`;
      const parsed = parseInput(PLATFORM, 'product update', ProductUpdateSchema, input);
      const body = productToWire(parsed, client.currency, false);
      const pricesOnly =
        parsed.variants === undefined && (parsed.price !== undefined || parsed.compareAtPrice !== undefined);
      if (pricesOnly) {
        // CommerceHQ's product price is "for single variant products": on a product with variants it
        // would change nothing, so say so instead.
        const kind = await client.send(
          { method: 'GET', path, query: { fields: 'id,is_multi' }, ...signalOf(options), what: 'product' },
          KindSchema,
        );
        if (kind.body.is_multi === true) {
          refuse([
            { field: 'price', message: 'this product has variants: set the price of each in variants' },
          ]);
        }
      }
      await client.send(
        { method: 'PATCH', path, body, ...signalOf(options), what: 'updated product' },
        CreatedSchema,
      );
      return get(id, options?.signal);
    },
    async delete(id, options) {
      await client.send({ method: 'DELETE', path: `/products/${idSegment(id)}`, ...signalOf(options) });
    },
  };
}
