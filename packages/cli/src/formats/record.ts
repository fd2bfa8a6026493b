import type { Customer, Money, Order, Product } from '@storeport/core';
import { toDecimalString } from '@storeport/core';
import type { ResourceId } from '../names';
import { safeJson } from './json';

/** Any unified record the CLI prints. */
export type UnifiedRecord = Customer | Order | Product;

/** Turns a page of records into text; `header` is written once, before the first record. */
export interface Formatter {
  header(): string;
  records(items: readonly UnifiedRecord[]): string;
}

/** One flat column of a resource: its name, its text, and (for the table) its width and side. */
export interface Column<T> {
  name: string;
  value(record: T): string;
  /** Widest the table shows it, in characters; longer values are cut with "…". */
  width: number;
  align?: 'left' | 'right';
}

/** Money as an exact decimal string ("19.99", "1000" for JPY), or empty. */
export function money(value: Money | null | undefined): string {
  return value ? toDecimalString(value) : '';
}

/**
 * A field as one cell. The types say string or number, but a cell must never fail: anything else
 * is written as bounded JSON, never with String(), whose Array#join recursion a deeply nested
 * value would overflow.
 */
export const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return safeJson(value);
  return String(value);
};

/** Tags joined with ";" (tags with a ";" of their own stay readable; CSV quoting keeps them whole). */
const tags = (list: readonly unknown[]): string => list.map(text).join(';');

const col = <T>(
  name: string,
  width: number,
  value: (record: T) => unknown,
  align: 'left' | 'right' = 'left',
): Column<T> => ({ name, width, value: (record) => text(value(record)), align });

export const CUSTOMER_COLUMNS: Column<Customer>[] = [
  col('platform', 12, (c) => c.platform),
  col('id', 36, (c) => c.id),
  col('email', 32, (c) => text(c.email)),
  col('firstName', 14, (c) => text(c.firstName)),
  col('lastName', 14, (c) => text(c.lastName)),
  col('phone', 16, (c) => text(c.phone)),
  col('city', 14, (c) => text(c.addresses[0]?.city)),
  col('region', 8, (c) => text(c.addresses[0]?.region)),
  col('postalCode', 10, (c) => text(c.addresses[0]?.postalCode)),
  col('country', 7, (c) => text(c.addresses[0]?.country)),
  col('orderCount', 10, (c) => text(c.stats?.orderCount), 'right'),
  col('lifetimeValue', 13, (c) => money(c.stats?.lifetimeValue), 'right'),
  col('currency', 8, (c) => text(c.stats?.lifetimeValue?.currency)),
  col('lastOrderAt', 24, (c) => text(c.stats?.lastOrderAt)),
  col('tags', 20, (c) => tags(c.tags)),
  col('note', 20, (c) => text(c.note)),
  col('createdAt', 24, (c) => text(c.createdAt)),
  col('updatedAt', 24, (c) => text(c.updatedAt)),
];

export const ORDER_COLUMNS: Column<Order>[] = [
  col('platform', 12, (o) => o.platform),
  col('id', 36, (o) => o.id),
  col('number', 10, (o) => o.number),
  col('kind', 8, (o) => o.kind),
  col('originalOrderId', 36, (o) => text(o.originalOrderId)),
  col('customerId', 36, (o) => text(o.customerId)),
  col('email', 32, (o) => text(o.email)),
  col('status', 10, (o) => o.status),
  col('paymentStatus', 18, (o) => o.paymentStatus),
  col('fulfillmentStatus', 19, (o) => o.fulfillmentStatus),
  col('channel', 8, (o) => text(o.channel)),
  col('currency', 8, (o) => o.currency),
  col('subtotal', 11, (o) => money(o.subtotal), 'right'),
  col('discountTotal', 13, (o) => money(o.discountTotal), 'right'),
  col('taxTotal', 10, (o) => money(o.taxTotal), 'right'),
  col('shippingTotal', 13, (o) => money(o.shippingTotal), 'right'),
  col('otherChargesTotal', 17, (o) => money(o.otherChargesTotal), 'right'),
  col('adjustmentTotal', 15, (o) => money(o.adjustmentTotal), 'right'),
  col('total', 11, (o) => money(o.total), 'right'),
  col('refundedTotal', 13, (o) => money(o.refundedTotal), 'right'),
  col('lineItems', 9, (o) => String(o.lineItems.length), 'right'),
  col('quantity', 8, (o) => String(o.lineItems.reduce((n, li) => n + li.quantity, 0)), 'right'),
  col('shipToCountry', 13, (o) => text(o.shippingAddress?.country)),
  col('note', 20, (o) => text(o.note)),
  col('createdAt', 24, (o) => text(o.createdAt)),
  col('updatedAt', 24, (o) => text(o.updatedAt)),
];

const productCurrency = (p: Product): string =>
  p.price?.currency ?? p.compareAtPrice?.currency ?? p.variants.find((v) => v.price)?.price?.currency ?? '';

export const PRODUCT_COLUMNS: Column<Product>[] = [
  col('platform', 12, (p) => p.platform),
  col('id', 36, (p) => p.id),
  col('title', 40, (p) => p.title),
  col('sku', 14, (p) => text(p.sku)),
  col('status', 8, (p) => p.status),
  col('currency', 8, productCurrency),
  col('price', 10, (p) => money(p.price), 'right'),
  col('compareAtPrice', 14, (p) => money(p.compareAtPrice), 'right'),
  col('variants', 8, (p) => String(p.variants.length), 'right'),
  col(
    'inventory',
    9,
    (p) => {
      const known = p.variants.filter((v) => v.inventoryQuantity !== null);
      return known.length === 0 ? '' : String(known.reduce((n, v) => n + (v.inventoryQuantity ?? 0), 0));
    },
    'right',
  ),
  col('vendor', 16, (p) => text(p.vendor)),
  col('type', 14, (p) => text(p.type)),
  col('tags', 20, (p) => tags(p.tags)),
  col('images', 6, (p) => String(p.images.length), 'right'),
  col('createdAt', 24, (p) => text(p.createdAt)),
  col('updatedAt', 24, (p) => text(p.updatedAt)),
];

/** The flat columns of a resource (CSV writes them all; the table a shorter selection). */
export function columnsOf(resource: ResourceId): Column<UnifiedRecord>[] {
  const columns =
    resource === 'customers' ? CUSTOMER_COLUMNS : resource === 'orders' ? ORDER_COLUMNS : PRODUCT_COLUMNS;
  return columns as Column<UnifiedRecord>[];
}

/** Columns shown by `--format table`, by name, in order. */
export const TABLE_COLUMNS: Record<ResourceId, string[]> = {
  customers: [
    'platform',
    'id',
    'email',
    'firstName',
    'lastName',
    'orderCount',
    'lifetimeValue',
    'currency',
    'updatedAt',
  ],
  orders: [
    'platform',
    'id',
    'number',
    'status',
    'paymentStatus',
    'fulfillmentStatus',
    'total',
    'currency',
    'createdAt',
  ],
  products: [
    'platform',
    'id',
    'title',
    'sku',
    'status',
    'price',
    'currency',
    'variants',
    'inventory',
    'updatedAt',
  ],
};
