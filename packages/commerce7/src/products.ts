import {
  type CallOptions,
  encodePath,
  type Product,
  type ProductInput,
  ProductInputSchema,
  type ProductUpdate,
  ProductUpdateSchema,
  parseInput,
} from '@storeport/core';
import type { Commerce7Client } from './client';
import { cursorList } from './listing';
import { mapProduct } from './map-product';
import { WEB_STATUS_FOR } from './map-status';
import { PLATFORM } from './platform';
import { productCreateBody, productUpdateBody, rejectInput } from './to-wire';
import { type WireProduct, WireProductSchema } from './wire/product';

export function productsResource(client: Commerce7Client) {
  const list = cursorList(client, 'products', {
    wire: WireProductSchema,
    map: (w: WireProduct) => mapProduct(w, client.currency),
    // `updatedAt` (`gte:`), `webStatus` (the unified status), `q` (a name search).
    filters: ['updatedSince', 'status', 'query'],
    filterHints: { type: 'Commerce7 documents no product type filter' },
    checkFilters: ({ status }) => {
      if (status !== undefined && !(typeof status === 'string' && Object.hasOwn(WEB_STATUS_FOR, status)))
        rejectInput('products filter', [{ field: 'status', message: 'must be active, draft or archived' }]);
    },
    query: (f) => ({
      updatedAt: f.updatedSince === undefined ? undefined : `gte:${f.updatedSince}`,
      webStatus: f.status === undefined ? undefined : WEB_STATUS_FOR[f.status as keyof typeof WEB_STATUS_FOR],
      q: f.query === undefined ? undefined : String(f.query),
    }),
  });

  async function fetchProduct(id: string, options?: CallOptions): Promise<WireProduct> {
    const res = await client.send(
      { method: 'GET', path: encodePath`/product/${id}`, signal: options?.signal, what: 'product' },
      WireProductSchema,
    );
    return res.body;
  }

  return {
    list,

    async get(id: string, options?: CallOptions): Promise<Product> {
      return mapProduct(await fetchProduct(id, options), client.currency);
    },

    async create(input: ProductInput, options?: CallOptions): Promise<Product> {
      const valid = parseInput(PLATFORM, 'product', ProductInputSchema, input);
      const body = productCreateBody(valid, client.currency);
      const res = await client.send(
        { method: 'POST', path: '/product', body, signal: options?.signal, what: 'product' },
        WireProductSchema,
      );
      return mapProduct(res.body, client.currency);
    },

    /** A change to SKU, price or variants reads the product first: its variants are sent back whole. */
    async update(id: string, input: ProductUpdate, options?: CallOptions): Promise<Product> {
      const valid = parseInput(PLATFORM, 'product update', ProductUpdateSchema, input);
      const path = encodePath`/product/${id}`;
      // Checked before the read, so bad input costs no request.
      productUpdateBody(valid, undefined, client.currency);
      const touchesVariants =
        valid.variants !== undefined ||
        valid.sku !== undefined ||
        valid.price !== undefined ||
        valid.compareAtPrice !== undefined;
      const current = touchesVariants ? await fetchProduct(id, options) : undefined;
      const body = productUpdateBody(valid, current, client.currency);
      const res = await client.send(
        { method: 'PUT', path, body, signal: options?.signal, what: 'product' },
        WireProductSchema,
      );
      return mapProduct(res.body, client.currency);
    },

    async delete(id: string, options?: CallOptions): Promise<void> {
      await client.send({ method: 'DELETE', path: encodePath`/product/${id}`, signal: options?.signal });
    },
  };
}
