import {
  type AddressInput,
  type CustomerInput,
  type CustomerUpdate,
  type FieldIssue,
  type FulfillmentInput,
  type Money,
  type ProductInput,
  type ProductUpdate,
  ValidationError,
  type VariantInput,
} from '@storeport/core';
import { WEB_STATUS_FOR } from './map-status';
import { PLATFORM } from './platform';
import type { WireCustomer } from './wire/customer';
import type { WireOrder } from './wire/order';
import type { WireProduct } from './wire/product';

type Body = Record<string, unknown>;

/** Commerce7 product types (products docs, ENUMs). */
export const PRODUCT_TYPES = [
  'General Merchandise',
  'Tasting',
  'Wine',
  'Cannabis',
  'Bundle',
  'Reservation',
  'Event Ticket',
  'Gift Card',
  'Collateral',
  'Rebate',
] as const;
/** The type of a product created without one: the neutral choice (no wine compliance data needed). */
export const DEFAULT_PRODUCT_TYPE = 'General Merchandise';

export function rejectInput(what: string, issues: FieldIssue[]): never {
  throw new ValidationError(
    `${PLATFORM}: invalid ${what}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    { platform: PLATFORM, code: 'invalid_input', issues },
  );
}

/** Cents for Commerce7, from Money in the adapter's currency (amounts are already minor units). */
export function toCents(
  money: Money,
  currency: string,
  field: string,
  issues: FieldIssue[],
): number | undefined {
  if (money.currency !== currency) {
    issues.push({ field, message: `must be in ${currency}, the currency this adapter was set up with` });
    return undefined;
  }
  return money.amount;
}

// ---- customers ---------------------------------------------------------------------------------

/** Unified address → Commerce7 address fields (`line1`→`address`, `region`→`stateCode`, ...). */
export function addressToWire(a: AddressInput): Body {
  return {
    firstName: a.firstName ?? null,
    lastName: a.lastName ?? null,
    company: a.company ?? null,
    phone: a.phone ?? null,
    address: a.line1 ?? null,
    address2: a.line2 ?? null,
    city: a.city ?? null,
    stateCode: a.region ?? null,
    zipCode: a.postalCode ?? null,
    countryCode: a.country ?? null,
  };
}

/** The flat location on the customer record, kept in step with the default (first) address. */
export function locationOf(a: AddressInput): Body {
  return {
    city: a.city ?? null,
    stateCode: a.region ?? null,
    zipCode: a.postalCode ?? null,
    countryCode: a.country ?? null,
  };
}

/**
 * Street addresses go to the Customer Address resource, which needs a street, a city and a
 * country to be useful; an address without them is refused before anything is sent.
 */
export function checkAddresses(addresses: AddressInput[] | undefined, issues: FieldIssue[]): void {
  addresses?.forEach((a, i) => {
    for (const key of ['line1', 'city', 'country'] as const) {
      if (!a[key])
        issues.push({
          field: `addresses.${i}.${key}`,
          message: 'is required for a Commerce7 customer address',
        });
    }
  });
}

/**
 * `POST /customer` (or `/customer-address` with the first address). Email is the one field
 * Commerce7 requires. Transaction emails to the customer are off unless `platformFields` says so.
 */
export function customerCreateBody(input: CustomerInput, tagIds: string[] | undefined): Body {
  const first = input.addresses?.[0];
  return {
    ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
    ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
    emails: [{ email: input.email }],
    ...(input.phone !== undefined ? { phones: [{ phone: input.phone }] } : {}),
    ...(tagIds ? { tags: tagIds.map((id) => ({ id })) } : {}),
    // With a first address this body goes to `POST /customer-address`, which reads both the
    // customer's fields and one address's (its names default to the customer's).
    ...(first
      ? {
          company: first.company ?? null,
          address: first.line1 ?? null,
          address2: first.line2 ?? null,
          ...locationOf(first),
        }
      : {}),
    isSendTransactionEmail: false,
    ...input.platformFields,
  };
}

/**
 * `PUT /customer/{id}`. Top-level fields may be partial, but "any sub objects included do not take
 * partial updates": a new email replaces the first entry of `emails` and the others are sent back
 * as they were (ids included), likewise for `phones`, so nothing else is lost.
 */
export function customerUpdateBody(
  input: CustomerUpdate,
  current: WireCustomer | undefined,
  tagIds: string[] | undefined,
): Body {
  const body: Body = {};
  if (input.firstName !== undefined) body.firstName = input.firstName;
  if (input.lastName !== undefined) body.lastName = input.lastName;
  if (input.email !== undefined) {
    const existing = current?.emails ?? [];
    const lower = input.email.toLowerCase();
    const rest = existing.slice(1).filter((e) => e.email.toLowerCase() !== lower);
    const firstId = existing[0]?.id;
    body.emails = [{ ...(firstId ? { id: firstId } : {}), email: input.email }, ...rest];
  }
  if (input.phone !== undefined) {
    const existing = current?.phones ?? [];
    const firstId = existing[0]?.id;
    body.phones =
      input.phone === null
        ? existing.slice(1)
        : [{ ...(firstId ? { id: firstId } : {}), phone: input.phone }, ...existing.slice(1)];
  }
  if (tagIds) body.tags = tagIds.map((id) => ({ id }));
  const first = input.addresses?.[0];
  if (first) Object.assign(body, locationOf(first));
  else if (input.addresses && input.addresses.length === 0) {
    Object.assign(body, { city: null, stateCode: null, zipCode: null, countryCode: null });
  }
  return { ...body, ...input.platformFields };
}

export function noteBody(
  owner: { customerId: string } | { orderId: string },
  content: string,
  extra?: Body,
): Body {
  return { type: 'Note', content, noteDate: new Date().toISOString(), ...owner, ...extra };
}

// ---- products ----------------------------------------------------------------------------------

/** Fields of the unified input Commerce7 has no place for: refused rather than silently dropped. */
export function unsupportedProductFields(input: ProductInput | ProductUpdate, issues: FieldIssue[]): void {
  if (input.tags !== undefined) issues.push({ field: 'tags', message: 'Commerce7 products have no tags' });
  if (input.vendor !== undefined) {
    issues.push({ field: 'vendor', message: 'Commerce7 names vendors by id: set platformFields.vendorId' });
  }
  const inventory = 'Commerce7 keeps inventory per location through its /inventory API, not on the product';
  if (input.inventoryQuantity !== undefined) issues.push({ field: 'inventoryQuantity', message: inventory });
  input.variants?.forEach((v, i) => {
    if (v.inventoryQuantity !== undefined)
      issues.push({ field: `variants.${i}.inventoryQuantity`, message: inventory });
  });
  if (input.type !== undefined && !(PRODUCT_TYPES as readonly string[]).includes(input.type)) {
    issues.push({ field: 'type', message: `must be a Commerce7 product type: ${PRODUCT_TYPES.join(', ')}` });
  }
}

/** A variant's title: its own, else its option values joined (Commerce7 variants have one title). */
function variantTitle(v: VariantInput): string | undefined {
  if (v.title !== undefined) return v.title;
  return v.options && v.options.length > 0 ? v.options.join(' / ') : undefined;
}

/** A new variant: `sku` and `price` (cents) are required by Commerce7. */
function newVariant(v: VariantInput, i: number, currency: string, issues: FieldIssue[]): Body {
  if (!v.sku)
    issues.push({ field: `variants.${i}.sku`, message: 'is required: every Commerce7 variant has a SKU' });
  if (!v.price)
    issues.push({
      field: `variants.${i}.price`,
      message: 'is required: every Commerce7 variant has a price',
    });
  const title = variantTitle(v);
  return {
    ...(title !== undefined ? { title } : {}),
    sku: v.sku,
    price: v.price ? toCents(v.price, currency, `variants.${i}.price`, issues) : undefined,
    comparePrice: v.compareAtPrice
      ? (toCents(v.compareAtPrice, currency, `variants.${i}.compareAtPrice`, issues) ?? null)
      : null,
    sortOrder: i + 1,
    ...v.platformFields,
  };
}

/** A single-variant product given by its top-level `sku` / `price` / `compareAtPrice`. */
function singleVariant(input: ProductInput | ProductUpdate): VariantInput {
  return {
    ...(input.sku !== undefined ? { sku: input.sku } : {}),
    ...(input.price !== undefined ? { price: input.price } : {}),
    ...(input.compareAtPrice !== undefined ? { compareAtPrice: input.compareAtPrice } : {}),
  };
}

function topLevelVariantFields(input: ProductInput | ProductUpdate): boolean {
  return input.sku !== undefined || input.price !== undefined || input.compareAtPrice !== undefined;
}

function commonProductFields(input: ProductInput | ProductUpdate): Body {
  return {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { content: input.description } : {}),
    ...(input.status !== undefined ? { webStatus: WEB_STATUS_FOR[input.status] } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.images !== undefined
      ? { images: input.images.map((img, i) => ({ src: img.url, sortOrder: i })) }
      : {}),
  };
}

/** `POST /product`. Price and SKU live on variants: a product without `variants` gets one from its `sku`/`price`. */
export function productCreateBody(input: ProductInput, currency: string): Body {
  const issues: FieldIssue[] = [];
  unsupportedProductFields(input, issues);
  if (input.variants && input.variants.length > 0 && topLevelVariantFields(input)) {
    issues.push({
      field: 'sku',
      message: 'give sku, price and compareAtPrice on the variants when variants are given',
    });
  }
  const given = input.variants && input.variants.length > 0 ? input.variants : [singleVariant(input)];
  const variants = given.map((v, i) => newVariant(v, i, currency, issues));
  if (issues.length > 0) rejectInput('product', issues);
  return { type: DEFAULT_PRODUCT_TYPE, ...commonProductFields(input), variants, ...input.platformFields };
}

/**
 * `PUT /product/{id}`. Top-level fields go as given. A change to SKU, price or variants sends the
 * whole `variants` array — every variant as Commerce7 sent it (ids and all members, which would
 * otherwise be "overwritten with null values") with the change applied; `inventory` is not part of
 * a product write. Variants left out of `input.variants` are removed, as the unified list says.
 */
export function productUpdateBody(
  input: ProductUpdate,
  current: WireProduct | undefined,
  currency: string,
): Body {
  const issues: FieldIssue[] = [];
  unsupportedProductFields(input, issues);
  const body: Body = commonProductFields(input);
  const touchesVariants = input.variants !== undefined || topLevelVariantFields(input);
  if (touchesVariants && current) {
    const kept = (v: (typeof current.variants)[number]): Body => {
      const { inventory: _inventory, ...rest } = v;
      return rest;
    };
    const apply = (base: Body, v: VariantInput, i: number): Body => {
      const out = { ...base };
      const title = variantTitle(v);
      if (title !== undefined) out.title = title;
      if (v.sku !== undefined) out.sku = v.sku;
      if (v.price !== undefined) out.price = toCents(v.price, currency, `variants.${i}.price`, issues);
      if (v.compareAtPrice !== undefined) {
        out.comparePrice = toCents(v.compareAtPrice, currency, `variants.${i}.compareAtPrice`, issues);
      }
      return { ...out, ...v.platformFields };
    };
    if (input.variants !== undefined) {
      if (topLevelVariantFields(input)) {
        issues.push({
          field: 'sku',
          message: 'give sku, price and compareAtPrice on the variants when variants are given',
        });
      }
      if (input.variants.length === 0)
        issues.push({ field: 'variants', message: 'a Commerce7 product needs at least one variant' });
      body.variants = input.variants.map((v, i) => {
        if (v.id === undefined) return newVariant(v, i, currency, issues);
        const found = current.variants.find((c) => c.id === v.id);
        if (!found) {
          issues.push({ field: `variants.${i}.id`, message: 'is not a variant of this product' });
          return {};
        }
        return apply(kept(found), v, i);
      });
    } else {
      body.variants = current.variants.map((c, i) =>
        i === 0 ? apply(kept(c), singleVariant(input), 0) : kept(c),
      );
    }
  }
  if (issues.length > 0) rejectInput('product update', issues);
  return { ...body, ...input.platformFields };
}

// ---- orders ------------------------------------------------------------------------------------

/**
 * `POST /order/{id}/fulfillment` (chosen lines, by SKU) or `/fulfillment/all`. A tracking number
 * or carrier, or a shipped order, makes a `Shipped` fulfilment; pickup and carry-out orders are
 * `Picked Up`. Customer emails are off unless `notify: true`.
 */
export function fulfillmentBody(order: WireOrder, input: FulfillmentInput): { all: boolean; body: Body } {
  const issues: FieldIssue[] = [];
  if (input.trackingUrl !== undefined) {
    issues.push({
      field: 'trackingUrl',
      message: 'Commerce7 fulfilments take tracking numbers and a carrier, not a URL',
    });
  }
  const shipped =
    input.trackingNumber !== undefined || input.carrier !== undefined || order.orderDeliveryMethod === 'Ship';
  let items: { sku: string; quantityFulfilled: number }[] | undefined;
  if (input.lineItems) {
    items = [];
    input.lineItems.forEach((line, i) => {
      const item = order.items.find((it) => it.id === line.id);
      if (!item) issues.push({ field: `lineItems.${i}.id`, message: 'is not a line item of this order' });
      else if (!item.sku)
        issues.push({ field: `lineItems.${i}.id`, message: 'has no SKU, which Commerce7 fulfils by' });
      else items!.push({ sku: item.sku, quantityFulfilled: line.quantity });
    });
  }
  if (issues.length > 0) rejectInput('fulfilment', issues);
  const body: Body = {
    type: shipped ? 'Shipped' : 'Picked Up',
    fulfillmentDate: new Date().toISOString(),
    packageCount: 1,
    sendTransactionEmail: input.notify ?? false,
    ...(shipped
      ? {
          shipped: {
            trackingNumbers: input.trackingNumber !== undefined ? [input.trackingNumber] : [],
            carrier: input.carrier ?? null,
          },
        }
      : { pickedUp: { pickedUpBy: null } }),
    ...(items ? { items } : {}),
    ...input.platformFields,
  };
  return { all: items === undefined, body };
}
