import type { SimRequest, SimResponse } from '../types';
import { EXAMPLE_WAREHOUSES } from './examples';
import { type ListingOptions, listResponse, projection, SORTABLE, sortRows } from './listing';
import { badRequest, ErrorBag, json, noContent, notFound } from './responses';
import type { CommerceHQStore, Row } from './store';
import { isObject, readString } from './validate';
import type { ChqProduct } from './wire-types';

/** GET/POST /shipping-carriers, GET/PATCH/DELETE /shipping-carriers/ID (deleting marks `is_deleted`). */
export function carriers(
  store: CommerceHQStore,
  req: SimRequest,
  id: number | undefined,
  listing: ListingOptions,
): SimResponse | undefined {
  if (id === undefined) {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const rows = sortRows(store.carriers as unknown as Row[], req.query.get('sort'), SORTABLE.carriers);
      return listResponse(req, 'carriers', rows, projection(req), listing);
    }
    if (req.method === 'POST') {
      const bag = new ErrorBag();
      const body = isObject(req.body) ? req.body : undefined;
      if (!body) return badRequest('Request body must be a JSON object.');
      const title = readString(body, 'title', bag, { required: true });
      const url = readString(body, 'url', bag);
      if (!bag.empty) return bag.response();
      const carrier = {
        id: Math.max(0, ...store.carriers.map((c) => c.id)) + 1,
        title: title!,
        url: url ?? '',
        is_deleted: false,
      };
      store.carriers.push(carrier);
      return json(201, carrier);
    }
    return undefined;
  }
  const carrier = store.carriers.find((c) => c.id === id);
  if (!carrier) return notFound(id);
  if (req.method === 'GET') return json(200, carrier);
  if (req.method === 'PATCH' || req.method === 'PUT') {
    const body = isObject(req.body) ? req.body : undefined;
    if (!body) return badRequest('Request body must be a JSON object.');
    const bag = new ErrorBag();
    const title = readString(body, 'title', bag, { nullable: false });
    const url = readString(body, 'url', bag);
    if (!bag.empty) return bag.response();
    if (title) carrier.title = title;
    if (url !== undefined) carrier.url = url ?? '';
    return json(200, carrier);
  }
  if (req.method === 'DELETE') {
    carrier.is_deleted = true;
    return noContent();
  }
  return undefined;
}

/**
 * GET /helpers and /helpers/{name}: the titles behind the ids products carry. Collections and
 * warehouses are the seed's samples; types, vendors and tags come from the store's products.
 */
export function helpers(store: CommerceHQStore, name: string | undefined): SimResponse {
  const products = store.rows('products') as unknown as ChqProduct[];
  const titled = (values: Iterable<unknown>) =>
    [...new Set([...values].filter((v): v is string => typeof v === 'string' && v !== ''))]
      .sort()
      .map((title, i) => ({ id: i + 1, title }));
  const all: Record<string, unknown[]> = {
    collections: [1, 2, 3, 4, 5, 6, 7].map((id) => ({
      id,
      title: id === 1 ? 'Collection' : `Collection ${id}`,
      is_auto: 0,
    })),
    types: titled(products.map((p) => p.type)),
    vendors: titled(products.map((p) => p.vendor)),
    tags: titled(products.flatMap((p) => (Array.isArray(p.tags) ? p.tags : []))),
    warehouses: EXAMPLE_WAREHOUSES.map((w) => ({ ...w })),
  };
  if (name === undefined) return json(200, all);
  const one = Object.hasOwn(all, name) ? all[name] : undefined;
  return one ? json(200, { [name]: one }) : notFound();
}
