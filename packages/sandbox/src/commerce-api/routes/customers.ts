import type { SimResponse } from '../../types';
import { invalid, notFound } from '../errors';
import { inRange, paginate, QueryReader, type SortKey, sortEntries, timeOf } from '../paging';
import { type BodyReader, isEmail } from '../validate';
import type { WireAddress, WireCustomer } from '../wire';
import { type ApiContext, conflict, isResponse, NO_CONTENT, nowIso, objectBody, ok } from './context';

/*
 * The seed documents no customer endpoints. These follow its conventions: `/customers` and
 * `/customers/{customerId}` (uuid), `page`/`pageSize` with the same envelope, `search` and
 * `sort`/`order` as on products, `from`/`to` on creation time as on orders, 409 on a duplicate
 * unique key (email, as SKU for products), soft delete, and the `{code,message,details}` body.
 */

const required = true;

const SORTS: Record<string, (c: WireCustomer) => SortKey> = {
  name: (c) =>
    `${typeof c.lastName === 'string' ? c.lastName : ''} ${typeof c.firstName === 'string' ? c.firstName : ''}`.toLowerCase(),
  email: (c) => (typeof c.email === 'string' ? c.email.toLowerCase() : undefined),
  createdAt: (c) => (typeof c.createdAt === 'string' ? c.createdAt : undefined),
};

export function listCustomers({ req, store }: ApiContext): SimResponse {
  const q = new QueryReader(req.query);
  const { page, pageSize } = q.paging();
  const search = q.text('search')?.toLowerCase();
  const email = q.text('email')?.toLowerCase();
  const from = q.dateTime('from');
  const to = q.dateTime('to');
  const sort = q.oneOf('sort', Object.keys(SORTS));
  const order = q.oneOf('order', ['asc', 'desc'] as const) ?? 'asc';
  if (q.details.length > 0) return invalid(q.details, 'Invalid query parameters');

  let entries = store.customers.liveEntries();
  if (search !== undefined || email !== undefined || from !== undefined || to !== undefined) {
    entries = entries.filter(({ record: c }) => {
      const mail = typeof c.email === 'string' ? c.email.toLowerCase() : '';
      if (email !== undefined && mail !== email) return false;
      if (!inRange(timeOf(c.createdAt), from, to)) return false;
      if (search !== undefined) {
        const haystack = [c.firstName, c.lastName, c.email].filter((v) => typeof v === 'string').join(' ');
        if (!haystack.toLowerCase().includes(search)) return false;
      }
      return true;
    });
  }
  if (sort !== undefined) entries = sortEntries(entries, SORTS[sort]!, order);
  else if (order === 'desc') entries = [...entries].reverse();
  return ok(paginate(entries, page, pageSize));
}

export function getCustomer({ store, params }: ApiContext): SimResponse {
  const entry = store.customers.get(params[0]!);
  return entry ? ok(entry.record) : notFound('Customer');
}

export function createCustomer({ req, store }: ApiContext): SimResponse {
  const reader = objectBody(req);
  if (isResponse(reader)) return reader;
  const fields = readCustomerFields(reader, true, store.factory.uuid.bind(store.factory));
  if (reader.details.length > 0) return invalid(reader.details);
  if (store.customerByEmail(fields.email!))
    return conflict('EMAIL_EXISTS', `A customer with email ${fields.email} already exists`, 'email');
  const customer: WireCustomer = {
    customerId: store.factory.uuid(),
    email: fields.email!,
    firstName: fields.firstName ?? null,
    lastName: fields.lastName ?? null,
    phone: fields.phone ?? null,
    addresses: fields.addresses ?? [],
    tags: fields.tags ?? [],
    notes: fields.notes ?? null,
    orderCount: 0,
    lastOrderAt: null,
    createdAt: nowIso(),
    updatedAt: null,
  };
  store.customers.add(customer);
  return ok(customer, 201);
}

/** PATCH: supplied fields change; `addresses` and `tags`, when supplied, replace the whole list. */
export function updateCustomer({ req, store, params }: ApiContext): SimResponse {
  const entry = store.customers.get(params[0]!);
  if (!entry) return notFound('Customer');
  const reader = objectBody(req);
  if (isResponse(reader)) return reader;
  const fields = readCustomerFields(reader, false, store.factory.uuid.bind(store.factory));
  if (reader.details.length > 0) return invalid(reader.details);
  if (fields.email !== undefined && store.customerByEmail(fields.email, entry.record.customerId))
    return conflict('EMAIL_EXISTS', `A customer with email ${fields.email} already exists`, 'email');
  entry.record = { ...entry.record, ...fields, updatedAt: nowIso() };
  return ok(entry.record);
}

export function deleteCustomer({ store, params }: ApiContext): SimResponse {
  return store.customers.softDelete(params[0]!) ? NO_CONTENT : notFound('Customer');
}

type CustomerFields = Partial<
  Pick<WireCustomer, 'email' | 'firstName' | 'lastName' | 'phone' | 'addresses' | 'tags' | 'notes'>
>;

/** Writable fields; read-only ones (`customerId`, `orderCount`, `lastOrderAt`, dates) are ignored. */
function readCustomerFields(reader: BodyReader, create: boolean, uuid: () => string): CustomerFields {
  const out: CustomerFields = {};
  const email = reader.string('email', { required: create, maxLength: 254 });
  if (typeof email === 'string') {
    if (isEmail(email)) out.email = email;
    else reader.fail('email', 'must be an email address', 'invalid_format');
  }
  for (const field of ['firstName', 'lastName', 'phone', 'notes'] as const) {
    const value = reader.string(field, { nullable: true, maxLength: field === 'notes' ? 5_000 : 255 });
    if (value !== undefined) out[field] = value;
  }
  const tags = reader.array('tags');
  if (tags) {
    if (tags.every((t) => typeof t === 'string' && t.trim() !== '')) out.tags = tags as string[];
    else reader.fail('tags', 'must be an array of non-empty strings', 'invalid_type');
  }
  const addresses = reader.array('addresses');
  if (addresses) {
    const read = addresses.map((a, i) => readAddress(reader, i, a, uuid));
    if (read.every((a): a is WireAddress => a !== undefined)) {
      const defaults = read.filter((a) => a.isDefault).length;
      if (defaults > 1) reader.fail('addresses', 'at most one address can be the default', 'invalid');
      else {
        if (defaults === 0 && read[0]) read[0].isDefault = true;
        out.addresses = read;
      }
    }
  }
  return out;
}

function readAddress(
  reader: BodyReader,
  index: number,
  value: unknown,
  uuid: () => string,
): WireAddress | undefined {
  const a = reader.nested(`addresses.${index}`, value);
  if (!a) return undefined;
  const before = reader.details.length;
  const text = (field: string) => a.string(field, { nullable: true, maxLength: 255 }) ?? null;
  const addressId = a.string('addressId', { nullable: true });
  const line1 = a.string('line1', { required, nonEmpty: true, maxLength: 255 });
  const city = a.string('city', { required, nonEmpty: true, maxLength: 255 });
  const country = a.string('country', { required });
  if (typeof country === 'string' && !/^[A-Z]{2}$/.test(country))
    a.fail('country', 'must be an ISO 3166-1 alpha-2 code', 'invalid_format');
  const address: WireAddress = {
    addressId: typeof addressId === 'string' && addressId !== '' ? addressId : uuid(),
    label: text('label'),
    firstName: text('firstName'),
    lastName: text('lastName'),
    company: text('company'),
    line1: line1 ?? '',
    line2: text('line2'),
    city: city ?? '',
    region: text('region'),
    postalCode: text('postalCode'),
    country: country ?? '',
    phone: text('phone'),
    isDefault: a.boolean('isDefault') === true,
  };
  return reader.details.length > before ? undefined : address;
}
