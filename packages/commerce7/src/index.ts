import type { CommerceAdapter } from '@storeport/core';
import { defineAdapter } from '@storeport/core/kit';
import { Commerce7Client } from './client';
import { customersResource } from './customers';
import { type Commerce7AdapterOptions, readOptions } from './options';
import { ordersResource } from './orders';
import { PLATFORM } from './platform';
import { productsResource } from './products';

export {
  FULFILLMENT_STATUS_TABLE,
  PAYMENT_STATUS_TABLE,
  PRODUCT_STATUS_TABLE,
  SHIPPING_STATUS_TABLE,
  WEB_STATUS_FOR,
} from './map-status';
export type { Commerce7AdapterOptions } from './options';
export {
  DEFAULT_BASE_URL,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  RATE_LIMIT,
  SLOW_PAGE_INTERVAL_MS,
} from './options';

const commerce7 = defineAdapter({
  platform: PLATFORM,
  options: (input: Commerce7AdapterOptions) => readOptions(input),
  connect: (options) => new Commerce7Client(options),
  resources: (client) => ({
    customers: customersResource(client),
    orders: ordersResource(client),
    products: productsResource(client),
  }),
});

/**
 * The Commerce7 adapter: `createCommerce7Adapter({ tenant, appId, appSecret })`. Basic auth with
 * the app id and secret plus the `tenant` header on every request; lists in cursor mode (no rate
 * limit); everything else within 100 requests/min per tenant, shared by every adapter on that
 * tenant in the process (or by `limiter` / `redis` across processes). Amounts are cents in the
 * tenant's `currency` (default USD), which Commerce7 never sends.
 */
export const createCommerce7Adapter: (options: Commerce7AdapterOptions) => CommerceAdapter = commerce7.create;

/**
 * What the adapter can do. Lists use cursor mode, whose cursors are sequential (no parallel
 * pages) and which has no documented sort. Filters are only those the API applies itself:
 * customers have no `updatedAt` filter in the docs and `q` searches names, not emails.
 */
export const COMMERCE7_CAPABILITIES = commerce7.capabilities();
