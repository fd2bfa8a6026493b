import {
  type CallOptions,
  type Customer,
  type CustomerInput,
  CustomerInputSchema,
  type CustomerListParams,
  type CustomersResource,
  type CustomerUpdate,
  CustomerUpdateSchema,
  encodePath,
  parseInput,
  signalOf,
} from '@storeport/core';
import type { ApiClient } from './client';
import { type Filters, makeLister, onlyFilters, sortQuery, timeFilter } from './listing';
import { mapCustomer } from './map-customer';
import { PLATFORM } from './options';
import { customerBody } from './to-wire';
import { type WireCustomer, WireCustomerSchema } from './wire/customer';

const SORTS = { createdAt: 'createdAt', email: 'email', name: 'name' };

/** The modelled `GET /customers` filters: `email` (exact), `from`/`to` on creation time, `sort` + `order`. */
function customerQuery(f: Filters) {
  onlyFilters('customers', f, ['email', 'createdSince', 'createdBefore', 'sort'], {
    updatedSince: 'the API filters customers by creation time only (createdSince)',
  });
  const from = timeFilter('createdSince', f.createdSince);
  const to = timeFilter('createdBefore', f.createdBefore);
  return {
    ...(f.email !== undefined ? { email: String(f.email) } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...sortQuery('customers', f.sort, SORTS),
  };
}

export function customersResource(client: ApiClient): CustomersResource {
  const { list, iterate } = makeLister<WireCustomer, Customer, CustomerListParams>(client, {
    resource: 'customers',
    path: '/customers',
    schema: WireCustomerSchema,
    map: mapCustomer,
    query: customerQuery,
  });
  return {
    list,
    iterate,
    async get(id: string, options?: CallOptions) {
      const res = await client.send(
        { method: 'GET', path: encodePath`/customers/${id}`, ...signalOf(options), what: 'customer' },
        WireCustomerSchema,
      );
      return mapCustomer(res.body);
    },
    async create(input: CustomerInput, options?: CallOptions) {
      const body = customerBody(parseInput(PLATFORM, 'customer', CustomerInputSchema, input), 'create');
      const res = await client.send(
        { method: 'POST', path: '/customers', body, ...signalOf(options), what: 'customer' },
        WireCustomerSchema,
      );
      return mapCustomer(res.body);
    },
    async update(id: string, input: CustomerUpdate, options?: CallOptions) {
      const path = encodePath`/customers/${id}`;
      const body = customerBody(
        parseInput(PLATFORM, 'customer update', CustomerUpdateSchema, input),
        'update',
      );
      const res = await client.send(
        { method: 'PATCH', path, body, ...signalOf(options), what: 'customer' },
        WireCustomerSchema,
      );
      return mapCustomer(res.body);
    },
    async delete(id: string, options?: CallOptions) {
      await client.send({ method: 'DELETE', path: encodePath`/customers/${id}`, ...signalOf(options) });
    },
  };
}
