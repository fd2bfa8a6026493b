import type { SimResponse } from '../types';
import { Checker, isObject } from './check';
import { type C7Env, CURSOR_TAGS, iso, noContent, ok, rejection } from './env';
import { invalid, notFound } from './errors';
import { type FilterDef, type ListSpec, listResponse } from './listing';
import type { C7Customer, C7CustomerAddress } from './wire-types';

type Obj = Record<string, unknown>;

const HONORIFICS = ['Mr', 'Ms', 'Dr'] as const;
const MARKETING = ['Subscribed', 'Unsubscribed'] as const;

/**
 * Documented `GET /customer` filters: `q` (customer name), `lifetimeValue`, `orderCount`,
 * `createdAt` with operator prefixes, and `tagId` (from the bulk-update callback URL).
 * `updatedAt` is NOT among them (NOTES-research §1.2 and §4): sent here it is ignored, exactly
 * like any other undeclared parameter, so a client that relies on it gets every customer back.
 */
const CUSTOMER_FILTERS: readonly FilterDef[] = [
  { param: 'q', kind: 'text', get: (r) => [r.firstName, r.lastName, fullName(r)] },
  { param: 'lifetimeValue', kind: 'number', get: (r) => info(r).lifetimeValue },
  { param: 'orderCount', kind: 'number', get: (r) => info(r).orderCount },
  { param: 'createdAt', kind: 'date', get: (r) => r.createdAt },
  {
    param: 'tagId',
    kind: 'exact',
    get: (r) => (Array.isArray(r.tags) ? r.tags.map((t) => (t as Obj)?.id) : []),
  },
];

const ADDRESS_FILTERS: readonly FilterDef[] = [
  {
    param: 'searchText',
    kind: 'text',
    get: (r) => [r.firstName, r.lastName, r.company, r.address, r.address2, r.city, r.zipCode, r.phone],
  },
];

function fullName(r: Obj): string {
  return [r.firstName, r.lastName].filter((p) => typeof p === 'string').join(' ');
}

function info(r: Obj): Obj {
  return isObject(r.orderInformation) ? r.orderInformation : {};
}

export function listCustomers(env: C7Env, query: URLSearchParams): SimResponse {
  const spec: ListSpec = {
    key: 'customers',
    cursor: { tag: CURSOR_TAGS.customer, node: env.node, lookahead: env.lookahead },
    filters: CUSTOMER_FILTERS,
    rowsAfter: (seq) => (env.virtualCustomers ?? env.store.customers).rowsAfter(seq),
  };
  return listResponse(query, spec);
}

export function getCustomer(env: C7Env, id: string): SimResponse {
  const c = env.store.customers.get(id);
  return c ? ok(c) : notFound('Customer');
}

/** Fields of the customer body, read for create or update. Arrays replace the stored ones whole. */
function readCustomer(
  env: C7Env,
  body: Obj,
  check: Checker,
  customerId: string | undefined,
  creating: boolean,
) {
  const patch: Partial<C7Customer> = {};
  const set = <K extends keyof C7Customer>(k: K, v: C7Customer[K] | undefined) => {
    if (v !== undefined) patch[k] = v;
  };
  set('honorific', check.oneOf(body, 'honorific', 'honorific', HONORIFICS, { nullable: true }));
  set('firstName', check.string(body, 'firstName', 'firstName', { max: 100 }));
  set('lastName', check.string(body, 'lastName', 'lastName', { max: 100 }));
  set('birthDate', check.date(body, 'birthDate', 'birthDate'));
  set('avatar', check.string(body, 'avatar', 'avatar'));
  set('city', check.string(body, 'city', 'city'));
  set('stateCode', check.string(body, 'stateCode', 'stateCode'));
  set('zipCode', check.string(body, 'zipCode', 'zipCode'));
  set('countryCode', check.countryCode(body, 'countryCode', 'countryCode'));
  set('facebookId', check.string(body, 'facebookId', 'facebookId'));
  set(
    'emailMarketingStatus',
    check.oneOf(body, 'emailMarketingStatus', 'emailMarketingStatus', MARKETING, { nullable: true }),
  );
  set('metaData', check.object(body, 'metaData', 'metaData'));

  // "All fields on the customer object are optional except for email" (customers docs).
  const emails = check.objects(body, 'emails', 'emails', { required: creating, min: 1 });
  const conflicts: Checker['errors'] = [];
  if (emails) {
    const existing = env.store.customers.get(customerId ?? '')?.emails ?? [];
    const taken = new Set<string>();
    for (const c of env.store.customers.values()) {
      if (c.id === customerId || !Array.isArray(c.emails)) continue;
      for (const e of c.emails) if (typeof e?.email === 'string') taken.add(e.email.toLowerCase());
    }
    const seen = new Set<string>();
    const out: C7Customer['emails'] = [];
    emails.forEach((e, i) => {
      const email = check.email(e, 'email', `emails.${i}.email`);
      if (email === undefined) return;
      const lower = email.toLowerCase();
      if (seen.has(lower))
        check.fail(
          `emails.${i}.email`,
          `"emails.${i}.email" is a duplicate of another email on this customer`,
        );
      else if (taken.has(lower))
        conflicts.push({
          field: `emails.${i}.email`,
          message: `A customer with email ${email} already exists`,
        });
      seen.add(lower);
      const keep = typeof e.id === 'string' && existing.some((x) => x.id === e.id);
      out.push({ id: keep ? (e.id as string) : env.store.generator.uuid(), email });
    });
    patch.emails = out;
  }
  const phones = check.objects(body, 'phones', 'phones');
  if (phones) {
    const existing = env.store.customers.get(customerId ?? '')?.phones ?? [];
    patch.phones = [];
    phones.forEach((p, i) => {
      const phone = check.string(p, 'phone', `phones.${i}.phone`, { required: true, max: 40 });
      if (typeof phone !== 'string') return;
      const keep = typeof p.id === 'string' && existing.some((x) => x.id === p.id);
      patch.phones!.push({ id: keep ? (p.id as string) : env.store.generator.uuid(), phone });
    });
  }
  // Tags are referenced by the id of a customer tag (`GET /tag/customer`).
  const tags = check.objects(body, 'tags', 'tags');
  if (tags) {
    patch.tags = [];
    tags.forEach((t, i) => {
      const tag = env.store.catalog.customerTags.find((x) => x.id === t.id);
      if (!tag) check.fail(`tags.${i}.id`, `"tags.${i}.id" is not the id of a customer tag`);
      else if (!patch.tags!.some((x) => x.id === tag.id)) patch.tags!.push(tag);
    });
  }
  return { patch, conflicts };
}

function blankCustomer(env: C7Env, now: number): C7Customer {
  const at = iso(now);
  return {
    id: env.store.generator.uuid(),
    avatar: null,
    honorific: null,
    firstName: null,
    lastName: null,
    birthDate: null,
    city: null,
    stateCode: null,
    zipCode: null,
    countryCode: null,
    emailMarketingStatus: null,
    lastActivityDate: at,
    facebookId: null,
    metaData: null,
    appData: null,
    appSync: null,
    flags: [],
    notifications: [],
    createdAt: at,
    updatedAt: at,
    orderInformation: {
      currentWebCartId: null,
      lastOrderId: null,
      lastOrderDate: null,
      orderCount: 0,
      lifetimeValue: 0,
      rank: null,
      rankTrend: null,
      grossProfit: 0,
      currentClubTitle: null,
      daysInCurrentClub: null,
    },
    emails: [],
    phones: [],
    tags: [],
    groups: [],
    clubs: [],
    products: [],
    hasAccount: false,
  };
}

export function createCustomer(env: C7Env, body: unknown): SimResponse {
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const { patch, conflicts } = readCustomer(env, body, check, undefined, true);
  check.bool(body, 'isSendTransactionEmail', 'isSendTransactionEmail');
  const rejected = rejection(check, conflicts);
  if (rejected) return rejected;
  const customer = { ...blankCustomer(env, env.store.createdNow()), ...patch };
  env.store.customers.insert(customer);
  return ok(customer);
}

/** PUT: top-level fields may be partial; `emails`, `phones`, `tags` sent are stored as sent. */
export function updateCustomer(env: C7Env, id: string, body: unknown): SimResponse {
  const current = env.store.customers.get(id);
  if (!current) return notFound('Customer');
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const { patch, conflicts } = readCustomer(env, body, check, id, false);
  const rejected = rejection(check, conflicts);
  if (rejected) return rejected;
  const now = iso(env.store.createdNow());
  const next = { ...current, ...patch, updatedAt: now, lastActivityDate: now };
  env.store.customers.put(id, next);
  return ok(next);
}

export function deleteCustomer(env: C7Env, id: string): SimResponse {
  if (!env.store.remove('customers', id)) return notFound('Customer');
  return noContent();
}

// ---- Customer Address resource ---------------------------------------------------------------

function readAddress(body: Obj, check: Checker, creating: boolean): Partial<C7CustomerAddress> {
  const patch: Partial<C7CustomerAddress> = {};
  const set = <K extends keyof C7CustomerAddress>(k: K, v: C7CustomerAddress[K] | undefined) => {
    if (v !== undefined) patch[k] = v;
  };
  set('honorific', check.oneOf(body, 'honorific', 'honorific', HONORIFICS, { nullable: true }));
  set('firstName', check.string(body, 'firstName', 'firstName', { max: 100 }));
  set('lastName', check.string(body, 'lastName', 'lastName', { max: 100 }));
  set('company', check.string(body, 'company', 'company'));
  set('phone', check.string(body, 'phone', 'phone'));
  set('birthDate', check.date(body, 'birthDate', 'birthDate'));
  // A street address is what this resource is for; the docs' create example always has these.
  set('address', check.string(body, 'address', 'address', { required: creating, nonEmpty: true }));
  set('address2', check.string(body, 'address2', 'address2'));
  set('city', check.string(body, 'city', 'city', { required: creating, nonEmpty: true }));
  set('stateCode', check.string(body, 'stateCode', 'stateCode'));
  set('zipCode', check.string(body, 'zipCode', 'zipCode'));
  const country = check.countryCode(body, 'countryCode', 'countryCode');
  if (creating && (country === undefined || country === null) && body.countryCode === undefined) {
    check.fail('countryCode', '"countryCode" is required');
  }
  set('countryCode', country);
  const isDefault = check.bool(body, 'isDefault', 'isDefault');
  if (typeof isDefault === 'boolean') patch.isDefault = isDefault;
  set('metaData', check.object(body, 'metaData', 'metaData'));
  return patch;
}

function addressSpec(env: C7Env, customerId: string | undefined): ListSpec {
  return {
    key: 'customerAddresses',
    // The per-customer list is not among the cursor endpoints; `/customer-address` is.
    cursor:
      customerId === undefined
        ? { tag: CURSOR_TAGS.customerAddress, node: env.node, lookahead: env.lookahead }
        : undefined,
    filters: ADDRESS_FILTERS,
    rowsAfter: (seq) => env.store.addresses.rowsAfter(seq),
    ...(customerId === undefined ? {} : { scope: (r: Obj) => r.customerId === customerId }),
  };
}

export function listAddresses(env: C7Env, customerId: string, query: URLSearchParams): SimResponse {
  if (!env.store.customers.has(customerId)) return notFound('Customer');
  return listResponse(query, addressSpec(env, customerId));
}

export function listAllAddresses(env: C7Env, query: URLSearchParams): SimResponse {
  return listResponse(query, addressSpec(env, undefined));
}

function findAddress(env: C7Env, customerId: string, id: string): C7CustomerAddress | undefined {
  const a = env.store.addresses.get(id);
  return a && a.customerId === customerId ? a : undefined;
}

export function getAddress(env: C7Env, customerId: string, id: string): SimResponse {
  if (!env.store.customers.has(customerId)) return notFound('Customer');
  const a = findAddress(env, customerId, id);
  return a ? ok(a) : notFound('Customer address');
}

/** One default address per customer: making one default clears the flag on the others. */
function settleDefault(env: C7Env, customerId: string, defaultId: string | undefined): void {
  const mine = env.store.addressesOf(customerId);
  if (defaultId === undefined && mine.length > 0 && !mine.some((a) => a.isDefault)) defaultId = mine[0]!.id;
  for (const a of mine) {
    const want = a.id === defaultId;
    if (defaultId !== undefined && a.isDefault !== want)
      env.store.addresses.put(a.id, { ...a, isDefault: want });
  }
}

function newAddress(
  env: C7Env,
  customerId: string,
  patch: Partial<C7CustomerAddress>,
  now: number,
): C7CustomerAddress {
  const at = iso(now);
  return {
    id: env.store.generator.uuid(),
    customerId,
    birthDate: null,
    honorific: null,
    firstName: null,
    lastName: null,
    company: null,
    phone: null,
    address: null,
    address2: null,
    city: null,
    stateCode: null,
    zipCode: null,
    countryCode: null,
    isDefault: false,
    metaData: null,
    appData: null,
    appSync: null,
    createdAt: at,
    updatedAt: at,
    ...patch,
  };
}

export function createAddress(env: C7Env, customerId: string, body: unknown): SimResponse {
  if (!env.store.customers.has(customerId)) return notFound('Customer');
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const patch = readAddress(body, check, true);
  const rejected = rejection(check);
  if (rejected) return rejected;
  const address = newAddress(env, customerId, patch, env.store.createdNow());
  env.store.addresses.insert(address);
  settleDefault(env, customerId, address.isDefault ? address.id : undefined);
  return ok(env.store.addresses.get(address.id));
}

export function updateAddress(env: C7Env, customerId: string, id: string, body: unknown): SimResponse {
  if (!env.store.customers.has(customerId)) return notFound('Customer');
  const current = findAddress(env, customerId, id);
  if (!current) return notFound('Customer address');
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const patch = readAddress(body, check, false);
  const rejected = rejection(check);
  if (rejected) return rejected;
  env.store.addresses.put(id, { ...current, ...patch, updatedAt: iso(env.store.createdNow()) });
  if (patch.isDefault === true) settleDefault(env, customerId, id);
  return ok(env.store.addresses.get(id));
}

export function deleteAddress(env: C7Env, customerId: string, id: string): SimResponse {
  if (!env.store.customers.has(customerId)) return notFound('Customer');
  if (!findAddress(env, customerId, id)) return notFound('Customer address');
  env.store.addresses.delete(id);
  settleDefault(env, customerId, undefined);
  return noContent();
}

/** `POST /customer-address`: a customer and its first address in one call (customers docs). */
export function createCustomerWithAddress(env: C7Env, body: unknown): SimResponse {
  if (!isObject(body)) return invalid([{ field: 'body', message: '"body" must be an object' }]);
  const check = new Checker();
  const { patch, conflicts } = readCustomer(env, body, check, undefined, true);
  const addressPatch = readAddress(body, check, true);
  const rejected = rejection(check, conflicts);
  if (rejected) return rejected;
  const now = env.store.createdNow();
  const customer = {
    ...blankCustomer(env, now),
    ...patch,
    city: addressPatch.city ?? null,
    stateCode: addressPatch.stateCode ?? null,
    zipCode: addressPatch.zipCode ?? null,
    countryCode: addressPatch.countryCode ?? null,
  };
  env.store.customers.insert(customer);
  env.store.addresses.insert(
    newAddress(
      env,
      customer.id,
      {
        ...addressPatch,
        firstName: addressPatch.firstName ?? customer.firstName,
        lastName: addressPatch.lastName ?? customer.lastName,
        isDefault: true,
      },
      now,
    ),
  );
  return ok(customer);
}
