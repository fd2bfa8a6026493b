import { toCents } from './decimal';
import { cartCents } from './order-state';
import type { Row } from './store';
import type { ChqCustomer, ChqCustomerAddress, ChqOrder } from './wire-types';

/**
 * Body filters of `POST /customers/search`, `/orders/search` (the seed) and `/products/search`
 * (used by real clients). Semantics, from the seed's examples and Dropified's calls:
 * - a scalar matches by equality; text fields ("the name includes Andrew") match a substring,
 *   case-insensitively; emails, codes and numbers match exactly;
 * - an array matches any of its values (`{"status": [0,1,2]}`, `{"id": [ids]}`);
 * - `{start, end}` is an inclusive range (`{"order_date": {"start": <unix>, "end": <unix>}}`);
 * - keys the resource does not know are ignored (Yii2 loads only safe attributes);
 * - a value of the wrong type makes the whole search match nothing (Yii2's generated search
 *   models answer an invalid filter with `WHERE 0=1`, not with an error).
 */
type Kind = 'int' | 'money' | 'text' | 'exact' | 'bool';

interface FieldSpec {
  kind: Kind;
  /** One value, or several when the record holds a list (any of them may match). */
  get(row: Row): unknown;
  many?: boolean;
}

class InvalidFilter extends Error {}

const top = (key: string, kind: Kind): FieldSpec => ({ kind, get: (r) => r[key] });

const CUSTOMER_FIELDS: Record<string, FieldSpec> = {
  id: top('id', 'int'),
  email: top('email', 'exact'),
  first_name: top('first_name', 'text'),
  last_name: top('last_name', 'text'),
  notes: top('notes', 'text'),
  created_at: top('created_at', 'int'),
  updated_at: top('updated_at', 'int'),
  orders: { kind: 'int', get: (r) => r.orders, many: true },
  tags: { kind: 'exact', get: (r) => r.tags, many: true },
  order_count: { kind: 'int', get: (r) => (r as unknown as ChqCustomer).statistics?.order_count ?? 0 },
  lifetime_spent: { kind: 'money', get: (r) => (r as unknown as ChqCustomer).statistics?.lifetime_spent },
  last_purchase: { kind: 'int', get: (r) => (r as unknown as ChqCustomer).statistics?.last_purchase },
};

const ADDRESS_PART_KINDS: Record<string, Kind> = {
  first_name: 'text',
  last_name: 'text',
  company: 'text',
  street: 'text',
  suite: 'text',
  city: 'text',
  country: 'exact',
  state: 'exact',
  zip: 'exact',
};

const order = (r: Row) => r as unknown as ChqOrder;
const ORDER_FIELDS: Record<string, FieldSpec> = {
  id: top('id', 'int'),
  display_number: top('display_number', 'exact'),
  // Dropified searches `order_number` with what a merchant typed: the number or the display number.
  order_number: { kind: 'exact', get: (r) => [r.id, r.display_number], many: true },
  email: top('email', 'exact'),
  status: top('status', 'int'),
  paid: top('paid', 'int'),
  shipping_description: { kind: 'text', get: (r) => order(r).shipping?.description },
  shipping_price: { kind: 'money', get: (r) => order(r).shipping?.price },
  tax: top('tax', 'money'),
  cart_price: {
    kind: 'money',
    get: (r) => (Array.isArray(r.items) ? cartCents(order(r).items) / 100 : undefined),
  },
  total: top('total', 'money'),
  ip: top('ip', 'exact'),
  customer_id: { kind: 'int', get: (r) => order(r).customer?.id },
  payment_method: { kind: 'exact', get: (r) => order(r).payment?.type },
  last4: { kind: 'exact', get: (r) => order(r).payment?.last4 },
  ip_fail: { kind: 'bool', get: (r) => order(r).risk_level?.ip_fail },
  address_fail: { kind: 'bool', get: (r) => order(r).risk_level?.address_fail },
  zip_fail: { kind: 'bool', get: (r) => order(r).risk_level?.zip_fail },
  cvc_fail: { kind: 'bool', get: (r) => order(r).risk_level?.cvc_fail },
  refunded: top('refunded', 'money'),
  refund_possible: top('refund_possible', 'bool'),
  order_date: top('order_date', 'int'),
  updated_at: top('updated_at', 'int'),
  notes: top('notes', 'text'),
  full_name: {
    kind: 'text',
    get: (r) => {
      const o = order(r);
      const names = [o.customer, o.address?.shipping, o.address?.billing];
      return names.filter(Boolean).map((n) => `${n?.first_name ?? ''} ${n?.last_name ?? ''}`.trim());
    },
    many: true,
  },
};

const PRODUCT_FIELDS: Record<string, FieldSpec> = {
  id: top('id', 'int'),
  title: top('title', 'text'),
  type: top('type', 'exact'),
  vendor: top('vendor', 'exact'),
  sku: top('sku', 'exact'),
  is_multi: top('is_multi', 'bool'),
  is_draft: top('is_draft', 'bool'),
  is_template: top('is_template', 'bool'),
  tags: { kind: 'exact', get: (r) => r.tags, many: true },
  collections: { kind: 'int', get: (r) => r.collections, many: true },
  price: top('price', 'money'),
  created_at: top('created_at', 'int'),
  updated_at: top('updated_at', 'int'),
};

export const SEARCH_FIELDS = { customers: CUSTOMER_FIELDS, orders: ORDER_FIELDS, products: PRODUCT_FIELDS };

/** Rows matching the body's filters (all of them), or none when a filter value is invalid. */
export function searchRows(resource: 'customers' | 'orders' | 'products', rows: Row[], body: unknown): Row[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return rows;
  const specs = SEARCH_FIELDS[resource];
  const filters: Array<(row: Row) => boolean> = [];
  try {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (value === undefined || key === 'fields') continue;
      if (resource === 'customers' && key === 'address') {
        filters.push(addressFilter(value));
        continue;
      }
      const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
      if (!spec) continue;
      const test = compile(spec.kind, value);
      filters.push((row) => {
        const actual = safeGet(spec, row);
        return spec.many ? Array.isArray(actual) && actual.some(test) : test(actual);
      });
    }
  } catch (err) {
    if (err instanceof InvalidFilter) return [];
    throw err;
  }
  return rows.filter((row) => filters.every((f) => f(row)));
}

function safeGet(spec: FieldSpec, row: Row): unknown {
  try {
    return spec.get(row);
  } catch {
    return undefined;
  }
}

/**
 * `{"address": {"phone": "…"}}`, `{"address": {"shipping_country": "US"}}` (the seed's sample) or
 * `{"address": {"shipping": {"city": "…"}}}`: a customer matches when one address matches it all.
 */
function addressFilter(value: unknown): (row: Row) => boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidFilter();
  const tests: Array<(a: ChqCustomerAddress) => boolean> = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'phone') {
      const t = compile('exact', v);
      tests.push((a) => t(a.phone));
    } else if ((key === 'shipping' || key === 'billing') && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [field, fv] of Object.entries(v as Record<string, unknown>))
        tests.push(partTest(key, field, fv));
    } else {
      const m = /^(shipping|billing)_(.+)$/.exec(key);
      if (m) tests.push(partTest(m[1] as 'shipping' | 'billing', m[2]!, v));
    }
  }
  return (row) => {
    const addresses = (row as unknown as ChqCustomer).address;
    return Array.isArray(addresses) && addresses.some((a) => tests.every((t) => t(a)));
  };
}

function partTest(
  part: 'shipping' | 'billing',
  field: string,
  value: unknown,
): (a: ChqCustomerAddress) => boolean {
  const kind = ADDRESS_PART_KINDS[field];
  if (!kind) return () => true;
  const t = compile(kind, value);
  return (a) => t((a[part] as unknown as Record<string, unknown> | undefined)?.[field]);
}

function compile(kind: Kind, filter: unknown): (actual: unknown) => boolean {
  if (Array.isArray(filter)) {
    const tests = filter.map((f) => compile(kind, f));
    return (actual) => tests.some((t) => t(actual));
  }
  if (filter && typeof filter === 'object') {
    if (kind !== 'int' && kind !== 'money') throw new InvalidFilter();
    const { start, end } = filter as { start?: unknown; end?: unknown };
    const lo = start === undefined || start === null ? undefined : number(kind, start);
    const hi = end === undefined || end === null ? undefined : number(kind, end);
    return (actual) => {
      const n = actualNumber(kind, actual);
      if (n === undefined) return false;
      return (lo === undefined || n >= lo) && (hi === undefined || n <= hi);
    };
  }
  switch (kind) {
    case 'int':
    case 'money': {
      const want = number(kind, filter);
      return (actual) => actualNumber(kind, actual) === want;
    }
    case 'bool': {
      const want = bool(filter);
      return (actual) => actual === want || (typeof actual === 'number' && actual === Number(want));
    }
    case 'exact': {
      if (typeof filter !== 'string' && typeof filter !== 'number') throw new InvalidFilter();
      const want = String(filter).toLowerCase();
      return (actual) =>
        (typeof actual === 'string' || typeof actual === 'number') && String(actual).toLowerCase() === want;
    }
    case 'text': {
      if (typeof filter !== 'string') throw new InvalidFilter();
      const want = filter.toLowerCase();
      return (actual) => typeof actual === 'string' && actual.toLowerCase().includes(want);
    }
  }
}

function number(kind: 'int' | 'money', value: unknown): number {
  const n = actualNumber(kind, value);
  if (n === undefined) throw new InvalidFilter();
  return n;
}

/** Integers as they are; money as cents, so 21.89 and "21.89" compare equal. */
function actualNumber(kind: 'int' | 'money', value: unknown): number | undefined {
  if (kind === 'money') return toCents(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

function bool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  throw new InvalidFilter();
}
