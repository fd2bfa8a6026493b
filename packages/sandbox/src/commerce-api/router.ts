import type { SimResponse } from '../types';
import type { Handler } from './routes/context';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from './routes/customers';
import { createOrder, getOrder, listOrders, updateOrderStatus } from './routes/orders';
import { createProduct, deleteProduct, getProduct, listProducts, updateProduct } from './routes/products';
import type { Scope } from './sessions';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Route {
  pattern: RegExp;
  methods: Partial<Record<Method, { handler: Handler; scope: Scope }>>;
}

/** Resource routes below the base path; `/auth/*` is handled before authentication. */
const ROUTES: Route[] = [
  {
    pattern: /^\/products$/,
    methods: {
      GET: { handler: listProducts, scope: 'products:read' },
      POST: { handler: createProduct, scope: 'products:write' },
    },
  },
  {
    pattern: /^\/products\/([^/]+)$/,
    methods: {
      GET: { handler: getProduct, scope: 'products:read' },
      PATCH: { handler: updateProduct, scope: 'products:write' },
      DELETE: { handler: deleteProduct, scope: 'products:write' },
    },
  },
  {
    pattern: /^\/orders$/,
    methods: {
      GET: { handler: listOrders, scope: 'orders:read' },
      POST: { handler: createOrder, scope: 'orders:write' },
    },
  },
  { pattern: /^\/orders\/([^/]+)$/, methods: { GET: { handler: getOrder, scope: 'orders:read' } } },
  {
    pattern: /^\/orders\/([^/]+)\/status$/,
    methods: { PATCH: { handler: updateOrderStatus, scope: 'orders:write' } },
  },
  {
    pattern: /^\/customers$/,
    methods: {
      GET: { handler: listCustomers, scope: 'customers:read' },
      POST: { handler: createCustomer, scope: 'customers:write' },
    },
  },
  {
    pattern: /^\/customers\/([^/]+)$/,
    methods: {
      GET: { handler: getCustomer, scope: 'customers:read' },
      PATCH: { handler: updateCustomer, scope: 'customers:write' },
      DELETE: { handler: deleteCustomer, scope: 'customers:write' },
    },
  },
];

export type RouteMatch =
  | { kind: 'found'; handler: Handler; scope: Scope; params: string[] }
  | { kind: 'method-not-allowed'; allow: string }
  | { kind: 'not-found' };

/** `path` is relative to the base path and still percent-encoded; parameters come back decoded. */
export function matchRoute(method: string, path: string): RouteMatch {
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    const target = route.methods[method as Method];
    if (!target) return { kind: 'method-not-allowed', allow: Object.keys(route.methods).join(', ') };
    const params: string[] = [];
    for (const raw of m.slice(1)) {
      try {
        params.push(decodeURIComponent(raw!));
      } catch {
        return { kind: 'not-found' };
      }
    }
    return { kind: 'found', handler: target.handler, scope: target.scope, params };
  }
  return { kind: 'not-found' };
}

export function methodNotAllowed(allow: string, body: unknown): SimResponse {
  return { status: 405, headers: { allow }, body };
}
