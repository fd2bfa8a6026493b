import {
  type AddressInput,
  AddressInputSchema,
  type CallOptions,
  type Customer,
  CustomerInputSchema,
  type CustomerListParams,
  type CustomersResource,
  CustomerUpdateSchema,
  parseInput,
  signalOf,
  ValidationError,
} from '@storeport/core';
import { z } from 'zod';
import type { ChqClient } from './client';
import { idSegment } from './ids';
import { makeLister, onlyFilters } from './listing';
import { mapCustomer } from './map-customer';
import { PLATFORM } from './options';
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

export interface CommerceHQCustomers extends CustomersResource {
  /** Updates one of a customer's addresses by its id (the seed's "Update an address"). */
  updateAddress(
    customerId: string,
    addressId: string,
    input: CustomerAddressUpdate,
    options?: CallOptions,
  ): Promise<Customer>;
}

export function customersResource(client: ChqClient): CommerceHQCustomers {
  const map = (w: WireCustomer) => mapCustomer(w, client.currency);
  const { list, iterate } = makeLister<WireCustomer, Customer, CustomerListParams>(client, {
    resource: 'customers',
    path: '/customers',
    schema: WireCustomerSchema,
    map,
    sorts: {
      id: 'id',
      email: 'email',
      firstName: 'first_name',
      lastName: 'last_name',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
    plan(filters) {
      onlyFilters('customers', filters, ['email']);
      if (filters.email === undefined) return { phases: 1 };
      if (typeof filters.email !== 'string' || filters.email.trim() === '') {
        throw new ValidationError(`${PLATFORM}: email must be a non-empty string`, {
          platform: PLATFORM,
          code: 'invalid_input',
          issues: [{ field: 'email', message: 'must be a non-empty string' }],
        });
      }
      return { search: { email: filters.email }, phases: 1 };
    },
  });

  const send = async (
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body: unknown,
    options: CallOptions | undefined,
  ) => {
    const res = await client.send(
      {
        method,
        path,
        ...(body !== undefined ? { body } : {}),
        // Setting fields again sets them to the same values; creating twice would not.
        ...(method === 'PATCH' ? { idempotent: true } : {}),
        ...signalOf(options),
        what: 'customer',
      },
      WireCustomerSchema,
    );
    return map(res.body);
  };

  return {
    list,
    iterate,
    get: async (id, options) => send('GET', `/customers/${idSegment(id)}`, undefined, options),
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
      await client.send({ method: 'DELETE', path: `/customers/${idSegment(id)}`, ...signalOf(options) });
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
  };
}
