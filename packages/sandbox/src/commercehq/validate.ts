import { toCents } from './decimal';
import type { ErrorBag } from './responses';
import type { ChqAddressPart } from './wire-types';

/**
 * Field checks for write bodies. Messages follow the seed's 422 example ("Username is required.",
 * "Email address is invalid."): one array of messages per field, nested fields named by path.
 */
export type Body = Record<string, unknown>;

export function isObject(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function label(path: string): string {
  const last = path.split('.').pop() ?? path;
  const words = last.replace(/\[\d+\]$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** undefined when absent; null when sent as null (and allowed); reports and returns undefined when wrong. */
export function readString(
  body: Body,
  key: string,
  bag: ErrorBag,
  opts: { path?: string; required?: boolean; nullable?: boolean } = {},
): string | null | undefined {
  const path = opts.path ?? key;
  const v = body[key];
  if (v === undefined || v === null || v === '') {
    if (opts.required) {
      bag.add(path, `${label(path)} is required.`);
      return undefined;
    }
    if (v === null && opts.nullable === false) {
      bag.add(path, `${label(path)} must be a string.`);
      return undefined;
    }
    return v === undefined ? undefined : (v as string | null);
  }
  if (typeof v !== 'string') {
    bag.add(path, `${label(path)} must be a string.`);
    return undefined;
  }
  return v;
}

export function readEmail(body: Body, bag: ErrorBag, required: boolean): string | undefined {
  const email = readString(body, 'email', bag, { required, nullable: false });
  if (typeof email !== 'string') return undefined;
  if (!EMAIL.test(email)) {
    bag.add('email', 'Email address is invalid.');
    return undefined;
  }
  return email;
}

export function readBool(body: Body, key: string, bag: ErrorBag, path = key): boolean | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  // Yii2's boolean validator accepts 0/1 as well as true/false.
  if (v === true || v === 1 || v === '1') return true;
  if (v === false || v === 0 || v === '0') return false;
  bag.add(path, `${label(path)} must be either "true" or "false".`);
  return undefined;
}

export function readInt(
  body: Body,
  key: string,
  bag: ErrorBag,
  opts: { path?: string; required?: boolean; min?: number } = {},
): number | undefined {
  const path = opts.path ?? key;
  const v = body[key];
  if (v === undefined || v === null || v === '') {
    if (opts.required) bag.add(path, `${label(path)} is required.`);
    return undefined;
  }
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n)) {
    bag.add(path, `${label(path)} must be an integer.`);
    return undefined;
  }
  if (opts.min !== undefined && n < opts.min) {
    bag.add(path, `${label(path)} must be no less than ${opts.min}.`);
    return undefined;
  }
  return n;
}

export function readNumber(body: Body, key: string, bag: ErrorBag, path = key): number | null | undefined {
  const v = body[key];
  if (v === undefined || v === null) return v as null | undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) {
    bag.add(path, `${label(path)} must be a number.`);
    return undefined;
  }
  return n;
}

/**
 * A price: a decimal number or numeric string (Yii2's number validator takes both), not negative,
 * with at most two decimals (CommerceHQ stores prices to the cent; a float like 8.164999 is a
 * client bug, refused rather than silently rounded). Returns cents.
 */
export function readMoney(
  body: Body,
  key: string,
  bag: ErrorBag,
  opts: { path?: string; required?: boolean; nullable?: boolean; positive?: boolean } = {},
): number | null | undefined {
  const path = opts.path ?? key;
  const v = body[key];
  if (v === undefined || v === null || v === '') {
    if (opts.required) bag.add(path, `${label(path)} is required.`);
    else if (v === null && opts.nullable) return null;
    else if (v !== undefined) bag.add(path, `${label(path)} must be a number.`);
    return undefined;
  }
  if (typeof v !== 'number' && typeof v !== 'string') {
    bag.add(path, `${label(path)} must be a number.`);
    return undefined;
  }
  const cents = toCents(v);
  if (cents === undefined) {
    const asNumber = Number(v);
    bag.add(
      path,
      Number.isFinite(asNumber)
        ? `${label(path)} must be a number with at most 2 decimal places.`
        : `${label(path)} must be a number.`,
    );
    return undefined;
  }
  if (cents < 0 || (opts.positive && cents === 0)) {
    bag.add(path, `${label(path)} must be ${opts.positive ? 'greater than' : 'no less than'} 0.`);
    return undefined;
  }
  return cents;
}

export function readStringArray(body: Body, key: string, bag: ErrorBag, path = key): string[] | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
    bag.add(path, `${label(path)} must be an array of strings.`);
    return undefined;
  }
  return v as string[];
}

export function readIntArray(body: Body, key: string, bag: ErrorBag, path = key): number[] | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((n) => !Number.isInteger(n))) {
    bag.add(path, `${label(path)} must be an array of integers.`);
    return undefined;
  }
  return v as number[];
}

const PART_FIELDS = [
  'first_name',
  'last_name',
  'company',
  'street',
  'suite',
  'city',
  'country',
  'state',
  'zip',
];

/** The fields of a shipping/billing part that were sent (partial), validated. */
export function readAddressPart(
  value: unknown,
  path: string,
  bag: ErrorBag,
): Partial<ChqAddressPart> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    bag.add(path, `${label(path)} must be an object.`);
    return undefined;
  }
  const out: Record<string, string | null> = {};
  for (const field of PART_FIELDS) {
    const s = readString(value, field, bag, { path: `${path}.${field}` });
    if (s !== undefined) out[field] = s;
  }
  const country = out.country;
  if (typeof country === 'string' && !/^[A-Za-z]{2}$/.test(country)) {
    bag.add(`${path}.country`, 'Country must be a 2-letter code as per ISO 3166-1.');
  }
  return out as Partial<ChqAddressPart>;
}

export interface AddressInput {
  id?: number;
  shipping?: Partial<ChqAddressPart>;
  billing?: Partial<ChqAddressPart>;
  phone?: string | null;
}

/** `address` as one object or a list of them ("one or multiple addresses"). */
export function readAddresses(value: unknown, bag: ErrorBag, path = 'address'): AddressInput[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const out: AddressInput[] = [];
  list.forEach((entry, i) => {
    const p = Array.isArray(value) ? `${path}[${i}]` : path;
    if (!isObject(entry)) {
      bag.add(p, `${label(path)} must be an object.`);
      return;
    }
    const input: AddressInput = {};
    if (entry.id !== undefined) {
      const id = readInt(entry, 'id', bag, { path: `${p}.id` });
      if (id !== undefined) input.id = id;
    }
    const shipping = readAddressPart(entry.shipping, `${p}.shipping`, bag);
    if (shipping) input.shipping = shipping;
    const billing = readAddressPart(entry.billing, `${p}.billing`, bag);
    if (billing) input.billing = billing;
    const phone = readString(entry, 'phone', bag, { path: `${p}.phone` });
    if (phone !== undefined) input.phone = phone;
    out.push(input);
  });
  return out;
}

/** A full part from a partial one: every known field present, missing ones null. */
export function fullPart(part: Partial<ChqAddressPart> | undefined, withCompany: boolean): ChqAddressPart {
  const p = part ?? {};
  return {
    first_name: p.first_name ?? null,
    last_name: p.last_name ?? null,
    ...(withCompany ? { company: p.company ?? null } : {}),
    street: p.street ?? null,
    suite: p.suite ?? null,
    city: p.city ?? null,
    country: p.country ?? null,
    state: p.state ?? null,
    zip: p.zip ?? null,
  };
}
