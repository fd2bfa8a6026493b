import {
  type AddressInput,
  type CallOptions,
  type Customer,
  type CustomerInput,
  CustomerInputSchema,
  type CustomerUpdate,
  CustomerUpdateSchema,
  encodePath,
  type FieldIssue,
  parseInput,
} from '@storeport/core';
import type { Commerce7Client } from './client';
import { cursorList, dateRange } from './listing';
import { mapCustomer } from './map-customer';
import { PLATFORM } from './platform';
import {
  addressToWire,
  checkAddresses,
  customerCreateBody,
  customerUpdateBody,
  noteBody,
  rejectInput,
} from './to-wire';
import { WireAddressPageSchema, type WireCustomerAddress, WireCustomerAddressSchema } from './wire/address';
import { type WireCustomer, WireCustomerSchema } from './wire/customer';
import { WireNoteSchema } from './wire/note';
import { WireTagPageSchema, WireTagSchema } from './wire/tag';

/** Every page of a page-mode list (tags, one customer's addresses): few records, rate limited. */
async function allPages<T>(
  fetch: (page: number) => Promise<{ items: T[]; total: number | undefined }>,
  pageSize: number,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page += 1) {
    const { items, total } = await fetch(page);
    out.push(...items);
    if (items.length < pageSize || items.length === 0 || (total !== undefined && out.length >= total))
      return out;
  }
}

export function customersResource(client: Commerce7Client) {
  const list = cursorList(client, 'customers', {
    wire: WireCustomerSchema,
    map: (w: WireCustomer) => mapCustomer(w, client.currency),
    // `createdAt` with `gte:` / `lt:` (no `btw:` is documented for it).
    filters: ['createdSince', 'createdBefore'],
    filterHints: {
      updatedSince:
        'the Commerce7 docs list no updatedAt filter for customers (only for orders and products)',
      email: 'Commerce7 documents q as a search on customer names, not emails',
    },
    query: (f) => dateRange('customers', 'createdAt', f.createdSince, f.createdBefore, false),
  });

  async function fetchCustomer(id: string, options?: CallOptions) {
    const res = await client.send(
      { method: 'GET', path: encodePath`/customer/${id}`, signal: options?.signal, what: 'customer' },
      WireCustomerSchema,
    );
    return res.body;
  }

  /** The Customer Address resource of one customer (page mode: it has no cursor mode). */
  function addressBook(id: string, options?: CallOptions): Promise<WireCustomerAddress[]> {
    return allPages(async (page) => {
      const res = await client.send(
        {
          method: 'GET',
          path: encodePath`/customer/${id}/address`,
          query: { page, limit: 50 },
          signal: options?.signal,
          what: 'customer addresses',
        },
        WireAddressPageSchema,
      );
      return { items: res.body.customerAddresses, total: res.body.total };
    }, 50);
  }

  /** Tag titles → ids of customer tags, creating the ones the tenant does not have yet. */
  async function tagIds(titles: string[] | undefined, options?: CallOptions): Promise<string[] | undefined> {
    if (titles === undefined) return undefined;
    if (titles.length === 0) return [];
    const existing = await allPages(async (page) => {
      const res = await client.send(
        {
          method: 'GET',
          path: '/tag/customer',
          query: { page, limit: 50 },
          signal: options?.signal,
          what: 'customer tags',
        },
        WireTagPageSchema,
      );
      return { items: res.body.tags, total: res.body.total };
    }, 50);
    const byTitle = new Map(existing.map((t) => [t.title.toLowerCase(), t.id]));
    const ids: string[] = [];
    for (const title of titles) {
      let id = byTitle.get(title.toLowerCase());
      if (id === undefined) {
        const res = await client.send(
          {
            method: 'POST',
            path: '/tag/customer',
            body: { title, type: 'Manual' },
            signal: options?.signal,
            what: 'customer tag',
          },
          WireTagSchema,
        );
        id = res.body.id;
        byTitle.set(title.toLowerCase(), id);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  async function addNote(customerId: string, note: string, options?: CallOptions): Promise<void> {
    await client.send(
      {
        method: 'POST',
        path: '/note',
        body: noteBody({ customerId }, note),
        signal: options?.signal,
        what: 'note',
      },
      WireNoteSchema,
    );
  }

  /**
   * Makes the address book match `wanted` (first = default): existing addresses are rewritten in
   * place (ids kept), extra ones created, surplus ones deleted.
   */
  async function syncAddresses(id: string, wanted: AddressInput[], options?: CallOptions) {
    const current = (await addressBook(id, options)).sort(
      (a, b) => Number(b.isDefault === true) - Number(a.isDefault === true),
    );
    const result: WireCustomerAddress[] = [];
    for (let i = 0; i < Math.max(wanted.length, current.length); i += 1) {
      const want = wanted[i];
      const have = current[i];
      if (want && have) {
        const res = await client.send(
          {
            method: 'PUT',
            path: encodePath`/customer/${id}/address/${have.id}`,
            body: { ...addressToWire(want), isDefault: i === 0 },
            signal: options?.signal,
            what: 'customer address',
          },
          WireCustomerAddressSchema,
        );
        result.push(res.body);
      } else if (want) {
        const res = await client.send(
          {
            method: 'POST',
            path: encodePath`/customer/${id}/address`,
            body: { ...addressToWire(want), isDefault: i === 0 },
            signal: options?.signal,
            what: 'customer address',
          },
          WireCustomerAddressSchema,
        );
        result.push(res.body);
      } else if (have) {
        await client.send({
          method: 'DELETE',
          path: encodePath`/customer/${id}/address/${have.id}`,
          signal: options?.signal,
        });
      }
    }
    return result;
  }

  return {
    list,

    /** The customer and its address book (a second request: addresses are their own resource). */
    async get(id: string, options?: CallOptions): Promise<Customer> {
      const wire = await fetchCustomer(id, options);
      return mapCustomer(wire, client.currency, await addressBook(id, options));
    },

    async create(input: CustomerInput, options?: CallOptions): Promise<Customer> {
      const valid = parseInput(PLATFORM, 'customer', CustomerInputSchema, input);
      const issues: FieldIssue[] = [];
      if (valid.email === undefined)
        issues.push({ field: 'email', message: 'is required: it is the one field Commerce7 requires' });
      checkAddresses(valid.addresses, issues);
      if (issues.length > 0) rejectInput('customer', issues);
      const tags = await tagIds(valid.tags, options);
      const [first, ...rest] = valid.addresses ?? [];
      // With an address, `POST /customer-address` creates the customer and that address in one call.
      const res = await client.send(
        {
          method: 'POST',
          path: first ? '/customer-address' : '/customer',
          body: customerCreateBody(valid, tags),
          signal: options?.signal,
          what: 'customer',
        },
        WireCustomerSchema,
      );
      const created = res.body;
      for (const a of rest) {
        await client.send(
          {
            method: 'POST',
            path: encodePath`/customer/${created.id}/address`,
            body: { ...addressToWire(a), isDefault: false },
            signal: options?.signal,
            what: 'customer address',
          },
          WireCustomerAddressSchema,
        );
      }
      if (valid.note !== undefined && valid.note !== '') await addNote(created.id, valid.note, options);
      return mapCustomer(created, client.currency, first ? await addressBook(created.id, options) : []);
    },

    async update(id: string, input: CustomerUpdate, options?: CallOptions): Promise<Customer> {
      const valid = parseInput(PLATFORM, 'customer update', CustomerUpdateSchema, input);
      const issues: FieldIssue[] = [];
      checkAddresses(valid.addresses, issues);
      if (valid.note === null) {
        issues.push({
          field: 'note',
          message: 'Commerce7 keeps notes as a history: one cannot be cleared by an update',
        });
      }
      if (issues.length > 0) rejectInput('customer update', issues);
      const path = encodePath`/customer/${id}`;
      // Emails and phones are replaced whole on PUT: read them first so the others survive.
      const current =
        valid.email !== undefined || valid.phone !== undefined ? await fetchCustomer(id, options) : undefined;
      const tags = await tagIds(valid.tags, options);
      const body = customerUpdateBody(valid, current, tags);
      let wire = current;
      if (Object.keys(body).length > 0) {
        const res = await client.send(
          { method: 'PUT', path, body, signal: options?.signal, what: 'customer' },
          WireCustomerSchema,
        );
        wire = res.body;
      }
      wire ??= await fetchCustomer(id, options);
      const book = valid.addresses
        ? await syncAddresses(id, valid.addresses, options)
        : await addressBook(id, options);
      if (typeof valid.note === 'string' && valid.note !== '') await addNote(id, valid.note, options);
      return mapCustomer(wire, client.currency, book);
    },

    async delete(id: string, options?: CallOptions): Promise<void> {
      await client.send({ method: 'DELETE', path: encodePath`/customer/${id}`, signal: options?.signal });
    },
  };
}
