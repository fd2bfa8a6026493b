import { CustomerInputSchema, CustomerUpdateSchema, encodePath, parseInput, signalOf } from '@storeport/core';
import { type CustomersDeclaration, defaultId } from '@storeport/core/kit';
import type { CommerceApiClient } from './client';
import { apiList } from './listing';
import { mapCustomer } from './map-customer';
import { PLATFORM } from './platform';
import { customerBody } from './to-wire';
import { WireCustomerSchema } from './wire/customer';

/** The modelled customer endpoints: `GET /customers` filters `email` (exact), `from`/`to` on creation time, `sort` + `order`. */
export function customers(client: CommerceApiClient): CustomersDeclaration {
  const send = async (req: Parameters<CommerceApiClient['send']>[0]) =>
    mapCustomer((await client.send({ ...req, what: 'customer' }, WireCustomerSchema)).body);
  return {
    list: apiList(client, {
      path: '/customers',
      wire: WireCustomerSchema,
      map: mapCustomer,
      idOf: (raw) => defaultId(raw, 'customerId'),
      filters: ['email', 'createdSince', 'createdBefore'],
      filterHints: { updatedSince: 'the API filters customers by creation time only (createdSince)' },
      sorts: { createdAt: 'createdAt', email: 'email', name: 'name' },
      query: (f) => ({
        email: f.email as string,
        from: f.createdSince as string,
        to: f.createdBefore as string,
      }),
    }),
    get: async (id, options) =>
      send({ method: 'GET', path: encodePath`/customers/${id}`, ...signalOf(options) }),
    create: async (input, options) =>
      send({
        method: 'POST',
        path: '/customers',
        body: customerBody(parseInput(PLATFORM, 'customer', CustomerInputSchema, input), 'create'),
        ...signalOf(options),
      }),
    update: async (id, input, options) =>
      send({
        method: 'PATCH',
        path: encodePath`/customers/${id}`,
        body: customerBody(parseInput(PLATFORM, 'customer update', CustomerUpdateSchema, input), 'update'),
        ...signalOf(options),
      }),
    delete: async (id, options) => {
      await client.send({ method: 'DELETE', path: encodePath`/customers/${id}`, ...signalOf(options) });
    },
  };
}
