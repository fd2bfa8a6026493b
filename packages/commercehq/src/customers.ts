import {
  type AddressInput,
  AddressInputSchema,
  type CallOptions,
  type Customer,
  CustomerInputSchema,
  type CustomersResource,
  CustomerUpdateSchema,
  parseInput,
} from '@storeport/core';
import type { CustomersDeclaration } from '@storeport/core/kit';
import { z } from 'zod';
import type { CommerceHQClient } from './client';
import { idSegment } from './ids';
import { mapCustomer } from './map-customer';
import { chqList, nonEmptyText } from './paging';
import { PLATFORM } from './platform';
import { addressPart, customerToWire, customerUpdateToWire } from './to-wire';
import { type WireCustomer, WireCustomerSchema } from './wire/customer';

/** One stored address to change: its shipping part, billing part and phone, field by field. */
export interface CustomerAddressUpdate {
  shipping?: AddressInput;
  billing?: AddressInput;
  phone?: string;
}

const AddressUpdateSchema = z
  .object({
    shipping: AddressInputSchema.optional(),
    billing: AddressInputSchema.optional(),
    phone: z.string().optional(),
  })
  .strict();

/** CommerceHQ's customers: the unified resource plus `updateAddress`. */
export interface CommerceHQCustomers extends CustomersResource {
  /** Updates one of a customer's addresses by its id (the seed's "Update an address"). */
  updateAddress(
    customerId: string,
    addressId: string,
    input: CustomerAddressUpdate,
    options?: CallOptions,
  ): Promise<Customer>;
}

export function customersResource(client: CommerceHQClient) {
  const { currency, rounding } = client.options;
  const map = (w: WireCustomer) => mapCustomer(w, currency, rounding);

  const send = async (
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body: unknown,
    options?: CallOptions,
  ) => {
    const res = await client.send(
      // Setting fields again sets them to the same values; creating twice would not.
      { method, path, body, idempotent: method === 'PATCH', signal: options?.signal, what: 'customer' },
      WireCustomerSchema,
    );
    return map(res.body);
  };

  return {
    list: chqList(client, {
      path: '/customers',
      wire: WireCustomerSchema,
      map,
      filters: ['email'],
      filterHints: {
        createdSince: 'CommerceHQ has no customer search by date',
        createdBefore: 'CommerceHQ has no customer search by date',
        updatedSince: 'CommerceHQ has no customer search by date',
      },
      checkFilters: (f) => nonEmptyText(f, 'email'),
      sorts: {
        id: 'id',
        email: 'email',
        firstName: 'first_name',
        lastName: 'last_name',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      plan: (f) => ({ search: f.email === undefined ? undefined : { email: f.email }, phases: 1 }),
    }),
    get: (id, options) => send('GET', `/customers/${idSegment(id)}`, undefined, options),
    async create(input, options) {
      const parsed = parseInput(PLATFORM, 'customer', CustomerInputSchema, input);
      return send('POST', '/customers', customerToWire(parsed), options);
    },
    async update(id, input, options) {
      const path = `/customers/${idSegment(id)}`;
      const parsed = parseInput(PLATFORM, 'customer update', CustomerUpdateSchema, input);
      return send('PATCH', path, customerUpdateToWire(parsed), options);
    },
    async delete(id, options) {
      await client.send({ method: 'DELETE', path: `/customers/${idSegment(id)}`, signal: options?.signal });
    },
    async updateAddress(customerId, addressId, input, options) {
      const path = `/customers/${idSegment(customerId)}`;
      const address = Number(idSegment(addressId, 'addressId'));
      const parsed = parseInput(PLATFORM, 'address update', AddressUpdateSchema, input);
      const body: Record<string, unknown> = { id: address };
      if (parsed.shipping) body.shipping = addressPart(parsed.shipping);
      if (parsed.billing) body.billing = addressPart(parsed.billing, false);
      const phone = parsed.phone ?? parsed.shipping?.phone ?? parsed.billing?.phone;
      if (phone !== undefined) body.phone = phone;
      return send('PATCH', path, { address: body }, options);
    },
  } satisfies CustomersDeclaration & Pick<CommerceHQCustomers, 'updateAddress'>;
}
