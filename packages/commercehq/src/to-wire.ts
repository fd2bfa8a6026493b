import {
  type AddressInput,
  type CustomerInput,
  type CustomerUpdate,
  type FieldIssue,
  type Money,
  type ProductInput,
  type ProductUpdate,
  toDecimal,
  ValidationError,
  type VariantInput,
} from '@storeport/core';
import { PLATFORM } from './platform';

/**
 * Unified inputs → CommerceHQ request bodies. What CommerceHQ cannot store is refused with a
 * ValidationError naming the field, before any request, rather than dropped:
 * customer tags (CommerceHQ derives them from purchases), product images (CommerceHQ takes ids
 * of files uploaded through `POST /files` first: pass them in `platformFields.images`), stock
 * levels (its API has none) and the `archived` status. `platformFields` is merged into the body
 * last, for what the unified model lacks.
 */

type Body = Record<string, unknown>;

export function refuse(issues: FieldIssue[]): never {
  throw new ValidationError(
    `${PLATFORM}: invalid input: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    { platform: PLATFORM, code: 'invalid_input', issues },
  );
}

/** An amount in the store's currency, as the decimal number CommerceHQ takes. */
export function decimal(field: string, money: Money, currency: string): number {
  if (money.currency !== currency) {
    refuse([{ field, message: `must be in the store's currency ${currency}, not ${money.currency}` }]);
  }
  return toDecimal(money);
}

/** A unified address → a shipping/billing part (`line1`/`line2`/`region`/`postalCode` → street/suite/state/zip). */
export function addressPart(a: AddressInput, withCompany = true): Body {
  const part: Body = {};
  const set = (key: string, v: string | undefined) => {
    if (v !== undefined) part[key] = v;
  };
  set('first_name', a.firstName);
  set('last_name', a.lastName);
  if (withCompany) set('company', a.company);
  set('street', a.line1);
  set('suite', a.line2);
  set('city', a.city);
  set('state', a.region);
  set('zip', a.postalCode);
  set('country', a.country);
  return part;
}

/** One unified address → a customer address: the same place for shipping and billing. */
function customerAddress(a: AddressInput, phone: string | undefined): Body {
  const out: Body = { shipping: addressPart(a), billing: addressPart(a, false) };
  const p = a.phone ?? phone;
  if (p !== undefined) out.phone = p;
  return out;
}

export function customerToWire(input: CustomerInput): Body {
  const issues: FieldIssue[] = [];
  if (input.email === undefined) issues.push({ field: 'email', message: 'is required by CommerceHQ' });
  if (input.tags !== undefined) {
    issues.push({
      field: 'tags',
      message: 'CommerceHQ derives customer tags from the products bought; they cannot be set',
    });
  }
  if (issues.length > 0) refuse(issues);
  const body: Body = { email: input.email };
  if (input.firstName !== undefined) body.first_name = input.firstName;
  if (input.lastName !== undefined) body.last_name = input.lastName;
  if (input.note !== undefined) body.notes = input.note;
  const addresses = input.addresses ?? [];
  // CommerceHQ keeps phones on addresses: a phone alone makes an address that holds just it.
  if (addresses.length > 0) body.address = addresses.map((a) => customerAddress(a, input.phone));
  else if (input.phone !== undefined) body.address = [{ phone: input.phone }];
  return { ...body, ...input.platformFields };
}

/**
 * A customer update. One address in `addresses` updates the customer's primary address (what
 * CommerceHQ does with an address sent without an id); to change another address use
 * `customers.updateAddress`. A `phone` goes on the primary address.
 */
export function customerUpdateToWire(input: CustomerUpdate): Body {
  const issues: FieldIssue[] = [];
  if (input.tags !== undefined) {
    issues.push({
      field: 'tags',
      message: 'CommerceHQ derives customer tags from the products bought; they cannot be set',
    });
  }
  if ((input.addresses?.length ?? 0) > 1) {
    issues.push({
      field: 'addresses',
      message:
        'CommerceHQ updates one address at a time: pass one (it updates the primary address) or use customers.updateAddress',
    });
  }
  if (input.addresses?.length === 0) {
    issues.push({ field: 'addresses', message: "CommerceHQ's API cannot remove a customer's addresses" });
  }
  if (issues.length > 0) refuse(issues);
  const body: Body = {};
  if (input.email !== undefined) body.email = input.email;
  if (input.firstName !== undefined) body.first_name = input.firstName;
  if (input.lastName !== undefined) body.last_name = input.lastName;
  if (input.note !== undefined) body.notes = input.note;
  const [address] = input.addresses ?? [];
  if (address) body.address = customerAddress(address, input.phone ?? undefined);
  else if (input.phone !== undefined) body.address = { phone: input.phone };
  return { ...body, ...input.platformFields };
}

export function productToWire(
  input: ProductInput | ProductUpdate,
  currency: string,
  creating: boolean,
): Body {
  const issues: FieldIssue[] = [];
  if (input.images !== undefined) {
    issues.push({
      field: 'images',
      message:
        'CommerceHQ takes ids of files uploaded first (POST /files): pass them in platformFields.images',
    });
  }
  if (input.inventoryQuantity !== undefined) {
    issues.push({ field: 'inventoryQuantity', message: "CommerceHQ's API has no stock level" });
  }
  if (input.status === 'archived') {
    issues.push({ field: 'status', message: 'CommerceHQ has no archived products (use draft)' });
  }
  input.variants?.forEach((v, i) => {
    if (v.inventoryQuantity !== undefined) {
      issues.push({
        field: `variants.${i}.inventoryQuantity`,
        message: "CommerceHQ's API has no stock level",
      });
    }
    if (v.options === undefined && v.title === undefined) {
      issues.push({
        field: `variants.${i}.options`,
        message: 'a CommerceHQ variant needs its option values',
      });
    }
    if (v.price === undefined && input.price === undefined) {
      issues.push({ field: `variants.${i}.price`, message: 'is required by CommerceHQ' });
    }
  });
  const multi = input.variants !== undefined && input.variants.length > 0;
  if (creating && !multi && input.price === undefined && input.platformFields?.price === undefined) {
    issues.push({ field: 'price', message: 'is required by CommerceHQ for a product without variants' });
  }
  if (issues.length > 0) refuse(issues);

  const body: Body = {};
  if (input.title !== undefined) body.title = input.title;
  if (input.sku !== undefined) body.sku = input.sku;
  if (input.type !== undefined) body.type = input.type;
  if (input.vendor !== undefined) body.vendor = input.vendor;
  if (input.tags !== undefined) body.tags = input.tags;
  if (input.status !== undefined) body.is_draft = input.status === 'draft';
  if (input.description !== undefined) body.textareas = [{ name: 'Description', text: input.description }];
  if (multi) {
    const variants = input.variants!;
    body.is_multi = true;
    body.options = optionsOf(variants);
    body.variants = variants.map((v, i) => variantToWire(v, i, input, currency));
  } else {
    if (input.variants !== undefined || creating) body.is_multi = false;
    if (input.price !== undefined) body.price = decimal('price', input.price, currency);
    if (input.compareAtPrice !== undefined)
      body.compare_price = decimal('compareAtPrice', input.compareAtPrice, currency);
  }
  return { ...body, ...input.platformFields };
}

function variantToWire(
  v: VariantInput,
  i: number,
  input: ProductInput | ProductUpdate,
  currency: string,
): Body {
  const price = v.price ?? input.price!;
  const compare = v.compareAtPrice ?? input.compareAtPrice;
  const out: Body = {
    variant: v.options ?? [v.title!],
    price: decimal(`variants.${i}.price`, price, currency),
    default: i === 0,
  };
  if (v.id !== undefined) {
    if (!/^\d+$/.test(v.id))
      refuse([{ field: `variants.${i}.id`, message: 'CommerceHQ variant ids are integers' }]);
    out.id = Number(v.id);
  }
  if (compare !== undefined) out.compare_price = decimal(`variants.${i}.compareAtPrice`, compare, currency);
  if (v.sku !== undefined) out.sku = v.sku;
  return { ...out, ...v.platformFields };
}

/**
 * CommerceHQ wants named options (`Color: Red, Blue`); unified variants carry only their values.
 * Option i holds the i-th values of the variants, named "Option i+1" (name them through
 * `platformFields.options`).
 */
function optionsOf(variants: VariantInput[]): Body[] {
  const width = Math.max(...variants.map((v) => (v.options ?? [v.title!]).length));
  const options: Body[] = [];
  for (let i = 0; i < width; i++) {
    const values = [
      ...new Set(
        variants.map((v) => (v.options ?? [v.title!])[i]).filter((x): x is string => x !== undefined),
      ),
    ];
    options.push({ title: `Option ${i + 1}`, changes_look: false, values });
  }
  return options;
}
