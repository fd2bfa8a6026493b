import type { CommerceAdapter } from '@storeport/core';
import { defineAdapter } from '@storeport/core/kit';
import { CommerceApiClient } from './client';
import { customers } from './customers';
import { type CommerceApiAdapterOptions, readOptions } from './options';
import { orders } from './orders';
import { PLATFORM } from './platform';
import { products } from './products';

export { ORDER_STATUS_TABLE } from './map-status';
export type { ApiKeyCredentials, CommerceApiAdapterOptions, PasswordCredentials } from './options';
export { DEFAULT_BASE_URL, PLAN_LIMITS } from './options';

/**
 * The JWT-authenticated Commerce API (OpenAPI 2.4.0), declared: credentials `{ email, password }`
 * (a session that logs in on the first call, refreshes before expiry and once after a 401, and
 * logs out on `close()`) or `{ apiKey }`.
 */
export const commerceApi = defineAdapter({
  platform: PLATFORM,
  options: readOptions,
  connect: (options) => new CommerceApiClient(options),
  // `capabilities()` declares the resources without options: the rounding then stays unread.
  resources: (client, options) => ({
    customers: customers(client),
    orders: orders(client, options?.rounding),
    products: products(client, options?.rounding),
  }),
});

/** `createCommerceApiAdapter({ baseUrl, credentials: { email, password } })` or `{ apiKey }`. */
export function createCommerceApiAdapter(options: CommerceApiAdapterOptions): CommerceAdapter {
  return commerceApi.create(options);
}

/** What the Commerce API can do (the operations, filters and sorts declared above). */
export const COMMERCE_API_CAPABILITIES = commerceApi.capabilities();
