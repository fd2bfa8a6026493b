import { ProductInputSchema, ProductUpdateSchema, parseInput } from '@storeport/core';
import type { ProductsDeclaration } from '@storeport/core/kit';
import { z } from 'zod';
import type { CommerceHQClient } from './client';
import { idSegment } from './ids';
import { mapProduct } from './map-product';
import { chqList, nonEmptyText } from './paging';
import { PLATFORM } from './platform';
import { productToWire, refuse } from './to-wire';
import { type WireProduct, WireProductSchema } from './wire/product';

/** Products load without relations unless expanded; the unified Product needs all four. */
export const PRODUCT_EXPAND = 'textareas,images,options,variants';

const CreatedSchema = z.looseObject({ id: z.number().int().nonnegative() });
const KindSchema = z.looseObject({ id: z.number().int().nonnegative(), is_multi: z.boolean().optional() });

export function productsResource(client: CommerceHQClient) {
  const { currency, rounding } = client.options;
  const map = (w: WireProduct) => mapProduct(w, currency, rounding);

  /** The product with every relation, as the unified Product needs it. */
  const get = async (id: string, signal?: AbortSignal) => {
    const res = await client.send(
      {
        method: 'GET',
        path: `/products/${idSegment(id)}`,
        query: { expand: PRODUCT_EXPAND },
        signal,
        what: 'product',
      },
      WireProductSchema,
    );
    return map(res.body);
  };

  return {
    list: chqList(client, {
      path: '/products',
      expand: PRODUCT_EXPAND,
      wire: WireProductSchema,
      map,
      filters: ['query'],
      filterHints: {
        status: 'CommerceHQ has no product search by status',
        type: 'CommerceHQ has no product search by type',
        updatedSince: 'CommerceHQ has no product search by date',
      },
      checkFilters: (f) => nonEmptyText(f, 'query'),
      sorts: { id: 'id', title: 'title', createdAt: 'created_at', updatedAt: 'updated_at' },
      // `POST /products/search {title}` matches titles containing the text (as real clients use it).
      plan: (f) => ({ search: f.query === undefined ? undefined : { title: f.query }, phases: 1 }),
    }),
    get: (id, options) => get(id, options?.signal),
    async create(input, options) {
      const parsed = parseInput(PLATFORM, 'product', ProductInputSchema, input);
      const body = productToWire(parsed, currency, true);
      // The create response carries no relations (the seed): read the product back whole.
      const res = await client.send(
        { method: 'POST', path: '/products', body, signal: options?.signal, what: 'created product' },
        CreatedSchema,
      );
      return get(String(res.body.id), options?.signal);
    },
    async update(id, input, options) {
      const path = `/products/${idSegment(id)}`;
      const signal = options?.signal;
      const parsed = parseInput(PLATFORM, 'product update', ProductUpdateSchema, input);
      const body = productToWire(parsed, currency, false);
      const pricesOnly =
        parsed.variants === undefined && (parsed.price !== undefined || parsed.compareAtPrice !== undefined);
      if (pricesOnly) {
        // CommerceHQ's product price is "for single variant products": on a product with variants it
        // would change nothing, so say so instead.
        const kind = await client.send(
          { method: 'GET', path, query: { fields: 'id,is_multi' }, signal, what: 'product' },
          KindSchema,
        );
        if (kind.body.is_multi === true) {
          refuse([
            { field: 'price', message: 'this product has variants: set the price of each in variants' },
          ]);
        }
      }
      await client.send({ method: 'PATCH', path, body, signal, what: 'updated product' }, CreatedSchema);
      return get(id, signal);
    },
    async delete(id, options) {
      await client.send({ method: 'DELETE', path: `/products/${idSegment(id)}`, signal: options?.signal });
    },
  } satisfies ProductsDeclaration;
}
