import type { SimRequest, SimResponse } from '../types';
import {
  createAddress,
  createCustomer,
  createCustomerWithAddress,
  deleteAddress,
  deleteCustomer,
  getAddress,
  getCustomer,
  listAddresses,
  listAllAddresses,
  listCustomers,
  updateAddress,
  updateCustomer,
} from './customers';
import type { C7Env } from './env';
import { createNote, createTag, deleteNote, getNote, getTag, listNotes, listTags, updateNote } from './notes';
import {
  createFulfillment,
  createOrder,
  deleteFulfillment,
  getOrder,
  listOrders,
  upsertOrder,
} from './orders';
import { createProduct, deleteProduct, getProduct, listProducts, updateProduct } from './products';

type Params = Record<string, string>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Segments after `/v1`; `:name` captures one segment. */
  path: readonly string[];
  /** List endpoints: `cursor` where the docs list the endpoint under "Cursor → Available endpoints". */
  list?: 'cursor' | 'page';
  run(env: C7Env, req: SimRequest, p: Params): SimResponse;
}

const tagType = (p: Params) => p.type as 'customer' | 'order';

/** Every endpoint the simulator serves, under `/v1` (singular resource names, as Commerce7 has them). */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: ['customer'], list: 'cursor', run: (e, r) => listCustomers(e, r.query) },
  { method: 'POST', path: ['customer'], run: (e, r) => createCustomer(e, r.body) },
  { method: 'GET', path: ['customer', ':id'], run: (e, _r, p) => getCustomer(e, p.id!) },
  { method: 'PUT', path: ['customer', ':id'], run: (e, r, p) => updateCustomer(e, p.id!, r.body) },
  { method: 'DELETE', path: ['customer', ':id'], run: (e, _r, p) => deleteCustomer(e, p.id!) },
  {
    method: 'GET',
    path: ['customer', ':id', 'address'],
    list: 'page',
    run: (e, r, p) => listAddresses(e, p.id!, r.query),
  },
  { method: 'POST', path: ['customer', ':id', 'address'], run: (e, r, p) => createAddress(e, p.id!, r.body) },
  {
    method: 'GET',
    path: ['customer', ':id', 'address', ':aid'],
    run: (e, _r, p) => getAddress(e, p.id!, p.aid!),
  },
  {
    method: 'PUT',
    path: ['customer', ':id', 'address', ':aid'],
    run: (e, r, p) => updateAddress(e, p.id!, p.aid!, r.body),
  },
  {
    method: 'DELETE',
    path: ['customer', ':id', 'address', ':aid'],
    run: (e, _r, p) => deleteAddress(e, p.id!, p.aid!),
  },
  { method: 'GET', path: ['customer-address'], list: 'cursor', run: (e, r) => listAllAddresses(e, r.query) },
  { method: 'POST', path: ['customer-address'], run: (e, r) => createCustomerWithAddress(e, r.body) },

  { method: 'GET', path: ['order'], list: 'cursor', run: (e, r) => listOrders(e, r.query) },
  { method: 'POST', path: ['order'], run: (e, r) => createOrder(e, r.body) },
  { method: 'PUT', path: ['order', 'upsert'], run: (e, r) => upsertOrder(e, r.body) },
  { method: 'GET', path: ['order', ':id'], run: (e, _r, p) => getOrder(e, p.id!) },
  {
    method: 'POST',
    path: ['order', ':id', 'fulfillment'],
    run: (e, r, p) => createFulfillment(e, p.id!, r.body, false),
  },
  {
    method: 'POST',
    path: ['order', ':id', 'fulfillment', 'all'],
    run: (e, r, p) => createFulfillment(e, p.id!, r.body, true),
  },
  {
    method: 'DELETE',
    path: ['order', ':id', 'fulfillment', ':fid'],
    run: (e, _r, p) => deleteFulfillment(e, p.id!, p.fid!),
  },

  { method: 'GET', path: ['product'], list: 'cursor', run: (e, r) => listProducts(e, r.query) },
  { method: 'POST', path: ['product'], run: (e, r) => createProduct(e, r.body) },
  { method: 'GET', path: ['product', ':id'], run: (e, _r, p) => getProduct(e, p.id!) },
  { method: 'PUT', path: ['product', ':id'], run: (e, r, p) => updateProduct(e, p.id!, r.body) },
  { method: 'DELETE', path: ['product', ':id'], run: (e, _r, p) => deleteProduct(e, p.id!) },

  { method: 'GET', path: ['note'], list: 'cursor', run: (e, r) => listNotes(e, r.query) },
  { method: 'POST', path: ['note'], run: (e, r) => createNote(e, r.body) },
  { method: 'GET', path: ['note', ':id'], run: (e, _r, p) => getNote(e, p.id!) },
  { method: 'PUT', path: ['note', ':id'], run: (e, r, p) => updateNote(e, p.id!, r.body) },
  { method: 'DELETE', path: ['note', ':id'], run: (e, _r, p) => deleteNote(e, p.id!) },

  { method: 'GET', path: ['tag', ':type'], list: 'page', run: (e, r, p) => listTags(e, tagType(p), r.query) },
  { method: 'POST', path: ['tag', ':type'], run: (e, r, p) => createTag(e, tagType(p), r.body) },
  { method: 'GET', path: ['tag', ':type', ':id'], run: (e, _r, p) => getTag(e, tagType(p), p.id!) },
];

const TAG_TYPES = new Set(['customer', 'order']);

/**
 * The route and its parameters for a path like `/v1/customer/abc/address`. Segments are
 * percent-decoded one by one, so `..%2Fadmin` is one (unknown) id, never a path change.
 */
export function matchRoute(method: string, rawPath: string): { route: Route; params: Params } | undefined {
  if (!rawPath.startsWith('/v1/')) return undefined;
  const parts = rawPath.slice(4).replace(/\/+$/, '').split('/');
  let segments: string[];
  try {
    segments = parts.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  if (segments.some((s) => s === '')) return undefined;
  for (const route of ROUTES) {
    if (route.method !== method || route.path.length !== segments.length) continue;
    const params: Params = {};
    let hit = true;
    for (let i = 0; i < segments.length && hit; i += 1) {
      const want = route.path[i]!;
      const got = segments[i]!;
      if (want.startsWith(':')) params[want.slice(1)] = got;
      else hit = want === got;
    }
    if (hit && route.path[0] === 'tag' && !TAG_TYPES.has(params.type ?? '')) hit = false;
    if (hit) return { route, params };
  }
  return undefined;
}
