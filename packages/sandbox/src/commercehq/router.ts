import type { SimRequest, SimResponse } from '../types';
import {
  type ListingOptions,
  listResponse,
  pageInfo,
  project,
  projection,
  SORTABLE,
  sortRows,
} from './listing';
import { json, methodNotAllowed, notFound } from './responses';
import { carriers, helpers } from './route-carriers';
import { createCustomer, deleteCustomer, updateCustomer } from './route-customers';
import {
  changeOrderCustomer,
  createFulfilment,
  createShipments,
  deleteFulfilment,
  deleteShipment,
  editFulfilments,
  editShipments,
  refundOrder,
  updateOrder,
  updateOrderAddress,
} from './route-orders';
import { createProduct, deleteProduct, updateProduct } from './route-products';
import { searchRows } from './search';
import type { CommerceHQStore } from './store';

type Resource = 'customers' | 'orders' | 'products';
const RESOURCES: readonly string[] = ['customers', 'orders', 'products'];
const ID = /^\d+$/;

/** Dispatches an authenticated `/api/v1/...` request to the endpoint the seed documents for it. */
export function route(store: CommerceHQStore, req: SimRequest, listing: ListingOptions): SimResponse {
  const segments = req.path.slice('/api/v1/'.length).split('/');
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop(); // the seed POSTs to /products/
  const [head, second, third, fourth] = segments;
  if (head === undefined) return notFound();
  if (segments.some((s) => s === '')) return notFound();
  const method = req.method === 'PUT' ? 'PATCH' : req.method;
  // Yii2 loads an absent body as no attributes: validation then reports what is missing.
  const body = req.body === undefined ? {} : req.body;

  if (head === 'helpers' && third === undefined) {
    return method === 'GET' || method === 'HEAD' ? helpers(store, second) : methodNotAllowed(['GET', 'HEAD']);
  }
  if (head === 'shipping-carriers' && third === undefined) {
    if (second !== undefined && !ID.test(second)) return notFound();
    const res = carriers(
      store,
      { ...req, method, body },
      second === undefined ? undefined : Number(second),
      listing,
    );
    return (
      res ??
      methodNotAllowed(
        second === undefined ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD', 'PATCH', 'PUT', 'DELETE'],
      )
    );
  }
  if (!RESOURCES.includes(head)) return notFound();
  const resource = head as Resource;

  if (second === undefined) {
    if (method === 'GET' || method === 'HEAD') return list(store, req, resource, undefined, listing);
    if (method === 'POST' && resource === 'customers') return createCustomer(store, body);
    if (method === 'POST' && resource === 'products') return createProduct(store, body);
    return methodNotAllowed(resource === 'orders' ? ['GET', 'HEAD'] : ['GET', 'HEAD', 'POST']);
  }
  if (second === 'search' && third === undefined) {
    return method === 'POST' ? list(store, req, resource, body, listing) : methodNotAllowed(['POST']);
  }
  if (!ID.test(second)) return notFound();
  const id = Number(second);

  if (resource !== 'orders') {
    if (third !== undefined) return notFound();
    if (method === 'GET' || method === 'HEAD') return getOne(store, req, resource, id);
    if (method === 'PATCH')
      return resource === 'customers' ? updateCustomer(store, id, body) : updateProduct(store, id, body);
    if (method === 'DELETE')
      return resource === 'customers' ? deleteCustomer(store, id) : deleteProduct(store, id);
    return methodNotAllowed(['GET', 'HEAD', 'PATCH', 'PUT', 'DELETE']);
  }

  const order = store.order(id);
  if (third === undefined) {
    if (method === 'GET' || method === 'HEAD') return getOne(store, req, resource, id);
    if (method === 'PATCH') return order ? updateOrder(order, body) : notFound(id);
    return methodNotAllowed(['GET', 'HEAD', 'PATCH', 'PUT']);
  }
  // The seed's "Search orders" example posts to /orders/1400/search; it searches all orders.
  if (third === 'search' && fourth === undefined) {
    return method === 'POST' ? list(store, req, resource, body, listing) : methodNotAllowed(['POST']);
  }
  const sub = SUB_ROUTES[third];
  if (!sub || (fourth !== undefined && (!sub.item || !ID.test(fourth)))) return notFound();
  const allowed = fourth === undefined ? sub.collection : (sub.item ?? []);
  if (!allowed.includes(method))
    return methodNotAllowed(allowed.map((m) => m).concat(allowed.includes('PATCH') ? ['PUT'] : []));
  if (!order) return notFound(id);
  const subId = fourth === undefined ? undefined : Number(fourth);
  switch (third) {
    case 'page':
      return orderPage(store, req, id, listing);
    case 'fulfilments':
      if (subId === undefined)
        return method === 'POST' ? createFulfilment(store, order, body) : editFulfilments(order, body);
      return method === 'DELETE' ? deleteFulfilment(order, subId) : editFulfilments(order, body, subId);
    case 'shipments':
      if (subId === undefined)
        return method === 'POST' ? createShipments(store, order, body) : editShipments(store, order, body);
      return method === 'DELETE' ? deleteShipment(order, subId) : editShipments(store, order, body, subId);
    case 'refund':
      return refundOrder(store, order, body);
    case 'address':
      return updateOrderAddress(order, body);
    default:
      return changeOrderCustomer(store, order, body);
  }
}

const SUB_ROUTES: Record<string, { collection: string[]; item?: string[] }> = {
  page: { collection: ['GET'] },
  fulfilments: { collection: ['POST', 'PATCH'], item: ['PATCH', 'DELETE'] },
  shipments: { collection: ['POST', 'PATCH'], item: ['PATCH', 'DELETE'] },
  refund: { collection: ['POST'] },
  address: { collection: ['PATCH'] },
  customer: { collection: ['PATCH'] },
};

function list(
  store: CommerceHQStore,
  req: SimRequest,
  resource: Resource,
  searchBody: unknown,
  listing: ListingOptions,
): SimResponse {
  let rows = store.rows(resource);
  if (searchBody !== undefined) rows = searchRows(resource, rows, searchBody);
  rows = sortRows(rows, req.query.get('sort'), SORTABLE[resource]);
  return listResponse(req, resource, rows, projection(req, searchBody), listing);
}

function getOne(store: CommerceHQStore, req: SimRequest, resource: Resource, id: number): SimResponse {
  const row = store.row(resource, id);
  if (!row) return notFound(id);
  return json(200, project(resource, row, projection(req)));
}

/** GET /orders/ID/page: the page (for `size` and `sort`) the order is on. */
function orderPage(
  store: CommerceHQStore,
  req: SimRequest,
  id: number,
  listing: ListingOptions,
): SimResponse {
  const rows = sortRows(store.rows('orders'), req.query.get('sort'), SORTABLE.orders);
  const index = rows.findIndex((r) => r.id === id);
  const { size } = pageInfo(req.query, rows.length, listing.maxPageSize);
  return json(200, { page: Math.floor(index / size) + 1 });
}
