import {
  type AddressInput,
  type CustomerInput,
  type CustomerUpdate,
  type FieldIssue,
  type Money,
  type OrderInput,
  type ProductInput,
  type ProductUpdate,
  readField,
  toDecimal,
  ValidationError,
} from '@storeport/core';
import { PLATFORM } from './platform';
import { CATEGORIES } from './wire/product';

/*
 * Unified inputs → Commerce API request bodies. Anything the API cannot store is refused with a
 * ValidationError naming the field before a request is sent: dropping it silently would lose data
 * the caller believes was saved. `platformFields` is merged last, for what the model lacks.
 */

type Body = Record<string, unknown>;

class Issues {
  readonly list: FieldIssue[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message, code: 'unsupported' });
  }
  throwIfAny(what: string): void {
    if (this.list.length === 0) return;
    const summary = this.list.map((i) => `${i.field}: ${i.message}`).join('; ');
    throw new ValidationError(`${PLATFORM}: invalid ${what}: ${summary}`, {
      platform: PLATFORM,
      code: 'invalid_input',
      issues: this.list,
    });
  }
}

/** Money as the JSON decimal number the API takes; exactness is checked by core. */
function decimal(field: string, money: Money): number {
  return readField(PLATFORM, field, () => toDecimal(money));
}

export function productBody(input: ProductInput | ProductUpdate, mode: 'create' | 'update'): Body {
  const issues = new Issues();
  const body: Body = {};
  if (input.title !== undefined) body.name = input.title;
  if (input.description !== undefined) body.description = input.description;
  if (input.sku !== undefined) body.sku = input.sku;
  if (input.price !== undefined) {
    body.price = decimal('price', input.price);
    body.currency = input.price.currency;
  }
  if (input.inventoryQuantity !== undefined) body.stock = input.inventoryQuantity;
  if (input.type !== undefined) {
    if ((CATEGORIES as readonly string[]).includes(input.type)) body.category = input.type;
    else issues.add('type', `must be a Commerce API category: ${CATEGORIES.join(', ')}`);
  }
  if (input.status !== undefined) {
    if (input.status === 'archived')
      issues.add('status', 'the Commerce API has no archived state (use delete, a soft delete, or "draft")');
    else body.active = input.status === 'active';
  }
  if (input.images !== undefined) {
    if (input.images.length > 1) issues.add('images', 'the Commerce API holds one image per product');
    else if (input.images[0]?.alt !== undefined)
      issues.add('images.0.alt', 'the Commerce API stores no alt text');
    else body.imageUrl = input.images[0]?.url ?? null;
  }
  if (input.compareAtPrice !== undefined)
    issues.add('compareAtPrice', 'the Commerce API has no compare-at price');
  if (input.vendor !== undefined) issues.add('vendor', 'the Commerce API has no vendor field');
  if (input.tags !== undefined) issues.add('tags', 'the Commerce API has no product tags');
  if (input.variants !== undefined)
    issues.add(
      'variants',
      'a Commerce API product is a single SKU: set sku, price and inventoryQuantity on the product',
    );
  if (mode === 'create') {
    // Required by POST /products; stock alone has a natural default (nothing in stock yet).
    if (input.sku === undefined) issues.add('sku', 'is required by the Commerce API');
    if (input.price === undefined) issues.add('price', 'is required by the Commerce API');
    if (input.type === undefined)
      issues.add('type', `is required by the Commerce API: one of ${CATEGORIES.join(', ')}`);
    if (input.inventoryQuantity === undefined) body.stock = 0;
  }
  issues.throwIfAny('product');
  return { ...body, ...input.platformFields };
}

export function customerBody(input: CustomerInput | CustomerUpdate, mode: 'create' | 'update'): Body {
  const issues = new Issues();
  const body: Body = {};
  if (mode === 'create' && input.email === undefined) issues.add('email', 'is required by the Commerce API');
  if (input.email !== undefined) body.email = input.email;
  if (input.firstName !== undefined) body.firstName = input.firstName;
  if (input.lastName !== undefined) body.lastName = input.lastName;
  if (input.phone !== undefined) body.phone = input.phone;
  if (input.note !== undefined) body.notes = input.note;
  if (input.tags !== undefined) body.tags = input.tags;
  if (input.addresses !== undefined)
    body.addresses = input.addresses.map((a, i) => addressBody(a, `addresses.${i}`, issues));
  issues.throwIfAny('customer');
  return { ...body, ...input.platformFields };
}

/** The API needs `line1`, `city` and `country` on every address; the first address is the default. */
function addressBody(a: AddressInput, path: string, issues: Issues): Body {
  for (const field of ['line1', 'city', 'country'] as const)
    if (a[field] === undefined) issues.add(`${path}.${field}`, 'is required by the Commerce API');
  const out: Body = {};
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out[k] = v;
  return out;
}

export function orderBody(input: OrderInput): Body {
  const issues = new Issues();
  if (input.customerId === undefined)
    issues.add('customerId', 'is required by the Commerce API (an email alone cannot place an order)');
  if (input.email !== undefined)
    issues.add('email', 'the Commerce API takes the customer by customerId only');
  if (input.currency !== undefined)
    issues.add('currency', "the Commerce API prices an order in its products' currency");
  if (input.shippingAddress !== undefined)
    issues.add('shippingAddress', 'the Commerce API stores no order addresses');
  if (input.billingAddress !== undefined)
    issues.add('billingAddress', 'the Commerce API stores no order addresses');
  const items = input.lineItems.map((line, i) => {
    const productId = line.productId ?? line.variantId;
    if (productId === undefined)
      issues.add(
        `lineItems.${i}.productId`,
        'is required by the Commerce API (a SKU alone cannot be ordered)',
      );
    if (line.variantId !== undefined && line.productId !== undefined && line.variantId !== line.productId)
      issues.add(
        `lineItems.${i}.variantId`,
        'a Commerce API product is its own single variant: variantId must equal productId',
      );
    if (line.unitPrice !== undefined)
      issues.add(`lineItems.${i}.unitPrice`, 'prices come from the catalogue');
    if (line.title !== undefined) issues.add(`lineItems.${i}.title`, 'titles come from the catalogue');
    return { productId, quantity: line.quantity };
  });
  issues.throwIfAny('order');
  return {
    customerId: input.customerId,
    items,
    ...(input.note !== undefined ? { notes: input.note } : {}),
    ...input.platformFields,
  };
}
