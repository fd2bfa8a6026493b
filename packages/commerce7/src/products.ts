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
import type { z } from 'zod';
import type { C7Client } from './client';
import { type Filters, makeLister, onlyFilters, timeFilter } from './listing';
import { mapProduct } from './map-product';
import { WEB_STATUS_FOR } from './map-status';
import { PLATFORM } from './options';
import { productCreateBody, productUpdateBody } from './to-wire';
import { WireProductPageSchema } from './wire/page';
import { type WireProduct, WireProductSchema } from './wire/product';

const FILTER_HINTS = { type: 'Commerce7 documents no product type filter' };

/** Documented product filters used: `updatedAt` (`gte:`), `webStatus` (the unified status), `q` (name). */
function productQuery(filters: Filters) {
  onlyFilters('products', filters, ['updatedSince', 'status', 'query'], FILTER_HINTS);
  const updated = timeFilter('updatedSince', filters.updatedSince);
  const status = filters.status;
  if (status !== undefined && !(typeof status === 'string' && Object.hasOwn(WEB_STATUS_FOR, status))) {
    throw new ValidationError(`${PLATFORM}: products status filter must be active, draft or archived`, {
      platform: PLATFORM,
      code: 'invalid_input',
      issues: [{ field: 'status', message: 'must be active, draft or archived' }],
    });
  }
  return {
    ...(updated !== undefined ? { updatedAt: `gte:${updated}` } : {}),
    ...(status !== undefined ? { webStatus: WEB_STATUS_FOR[status as keyof typeof WEB_STATUS_FOR] } : {}),
    ...(filters.query !== undefined ? { q: String(filters.query) } : {}),
  };
}

export function productsResource(client: C7Client): ProductsResource {
  const currency = client.currency;
  const lister = makeLister<z.output<typeof WireProductPageSchema>, WireProduct, Product, ProductListParams>(
    client,
    {
      resource: 'products',
      path: '/product',
      schema: WireProductPageSchema,
      items: (p) => p.products,
      cursor: (p) => p.cursor,
      map: (w) => mapProduct(w, currency),
      query: productQuery,
    },
  );

  async function fetchProduct(id: string, options?: CallOptions): Promise<WireProduct> {
    const res = await client.send(
      { method: 'GET', path: encodePath`/product/${id}`, ...signalOf(options), what: 'product' },
      WireProductSchema,
    );
    return res.body;
  }

  return {
    list: lister.list,
    iterate: lister.iterate,

    async get(id: string, options?: CallOptions): Promise<Product> {
      return mapProduct(await fetchProduct(id, options), currency);
    },

    async create(input: ProductInput, options?: CallOptions): Promise<Product> {
      const valid = parseInput(PLATFORM, 'product', ProductInputSchema, input);
      const body = productCreateBody(valid, currency);
      const res = await client.send(
        { method: 'POST', path: '/product', body, ...signalOf(options), what: 'product' },
        WireProductSchema,
      );
      return mapProduct(res.body, currency);
    },

    /** A change to SKU, price or variants reads the product first: its variants are sent back whole. */
    async update(id: string, input: ProductUpdate, options?: CallOptions): Promise<Product> {
      const valid = parseInput(PLATFORM, 'product update', ProductUpdateSchema, input);
      const path = encodePath`/product/${id}`;
      // Checked before the read, so bad input costs no request.
      productUpdateBody(valid, undefined, currency);
      const touchesVariants =
        valid.variants !== undefined ||
        valid.sku !== undefined ||
        valid.price !== undefined ||
        valid.compareAtPrice !== undefined;
      const current = touchesVariants ? await fetchProduct(id, options) : undefined;
      const body = productUpdateBody(valid, current, currency);
      const res = await client.send(
        { method: 'PUT', path, body, ...signalOf(options), what: 'product' },
        WireProductSchema,
      );
      return mapProduct(res.body, currency);
    },

    async delete(id: string, options?: CallOptions): Promise<void> {
      await client.send({ method: 'DELETE', path: encodePath`/product/${id}`, ...signalOf(options) });
    },
  };
}
