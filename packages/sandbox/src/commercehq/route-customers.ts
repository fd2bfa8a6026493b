import type { SimResponse } from '../types';
import { badRequest, ErrorBag, json, noContent, notFound } from './responses';
import type { CommerceHQStore, Row } from './store';
import { nowSeconds } from './store';
import {
  type AddressInput,
  type Body,
  fullPart,
  isObject,
  readAddresses,
  readEmail,
  readString,
} from './validate';
import type { ChqCustomer, ChqCustomerAddress } from './wire-types';

/** POST /customers: `email` required (and, like any store account, unique); addresses optional. */
export function createCustomer(store: CommerceHQStore, body: unknown): SimResponse {
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const email = readEmail(body, bag, true);
  if (email !== undefined) checkEmailFree(store, email, undefined, bag);
  const fields = readNames(body, bag);
  const addresses = readAddresses(body.address, bag) ?? [];
  addresses.forEach((a, i) => {
    if (a.id !== undefined)
      bag.add(
        addresses.length > 1 ? `address[${i}].id` : 'address.id',
        'Address id can not be set on a new customer.',
      );
  });
  if (!bag.empty) return bag.response();
  const id = store.nextId('customers');
  const customer: ChqCustomer = {
    id,
    email: email!,
    first_name: fields.first_name ?? null,
    last_name: fields.last_name ?? null,
    address: addresses.map((a) => newAddress(store, a)),
    payment: [],
    notes: fields.notes ?? null,
    // As the seed's create response shows them for a customer with no orders yet.
    statistics: { last_purchase: null, order_count: null, lifetime_spent: 0 },
    orders: [],
    tags: [],
    created_at: nowSeconds(),
    updated_at: null,
  };
  store.insert('customers', customer as unknown as Row);
  return json(201, customer);
}

/**
 * PATCH /customers/{id}. An `address` with an `id` updates that one address, field by field (the
 * seed's "Update an address"); an `address` object without an id updates the customer's primary
 * (first) address, as the seed's "Update a customer" example shows; in a list, entries without an
 * id are added.
 */
export function updateCustomer(store: CommerceHQStore, id: number, body: unknown): SimResponse {
  const customer = store.customer(id);
  if (!customer) return notFound(id);
  if (!isObject(body)) return badRequest('Request body must be a JSON object.');
  const bag = new ErrorBag();
  const email = readEmail(body, bag, false);
  if (email !== undefined) checkEmailFree(store, email, id, bag);
  const fields = readNames(body, bag);
  const addresses = readAddresses(body.address, bag);
  const isList = Array.isArray(body.address);
  addresses?.forEach((a, i) => {
    if (a.id !== undefined && !customer.address.some((x) => x.id === a.id)) {
      bag.add(isList ? `address[${i}].id` : 'address.id', `Address #${a.id} not found.`);
    }
  });
  if (!bag.empty) return bag.response();
  if (email !== undefined) customer.email = email;
  if (fields.first_name !== undefined) customer.first_name = fields.first_name;
  if (fields.last_name !== undefined) customer.last_name = fields.last_name;
  if (fields.notes !== undefined) customer.notes = fields.notes;
  for (const a of addresses ?? []) {
    const target =
      a.id !== undefined
        ? customer.address.find((x) => x.id === a.id)
        : isList
          ? undefined
          : customer.address[0];
    if (target) mergeAddress(target, a);
    else customer.address.push(newAddress(store, a));
  }
  customer.updated_at = nowSeconds();
  return json(200, customer);
}

/** DELETE /customers/{id}: "Only customers without orders can be deleted." */
export function deleteCustomer(store: CommerceHQStore, id: number): SimResponse {
  const customer = store.customer(id);
  if (!customer) return notFound(id);
  if (Array.isArray(customer.orders) && customer.orders.length > 0) {
    return badRequest('Only customers without orders can be deleted.');
  }
  store.remove('customers', String(id));
  return noContent();
}

function readNames(body: Body, bag: ErrorBag) {
  return {
    first_name: readString(body, 'first_name', bag),
    last_name: readString(body, 'last_name', bag),
    notes: readString(body, 'notes', bag),
  };
}

function checkEmailFree(
  store: CommerceHQStore,
  email: string,
  self: number | undefined,
  bag: ErrorBag,
): void {
  const wanted = email.toLowerCase();
  const taken = store
    .rows('customers')
    .some((c) => c.id !== self && typeof c.email === 'string' && c.email.toLowerCase() === wanted);
  if (taken) bag.add('email', `Email "${email}" has already been taken.`);
}

function newAddress(store: CommerceHQStore, a: AddressInput): ChqCustomerAddress {
  return {
    id: store.counters.take('address'),
    shipping: fullPart(a.shipping, true),
    billing: fullPart(a.billing, false),
    phone: a.phone ?? null,
  };
}

function mergeAddress(target: ChqCustomerAddress, a: AddressInput): void {
  if (a.shipping) target.shipping = fullPart({ ...target.shipping, ...a.shipping }, true);
  if (a.billing) target.billing = fullPart({ ...target.billing, ...a.billing }, false);
  if (a.phone !== undefined) target.phone = a.phone;
}
