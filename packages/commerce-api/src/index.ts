import { assembleAdapter, type CommerceAdapter } from '@storeport/core';
import { CAPABILITIES } from './capabilities';
import { ApiClient } from './client';
import { customersResource } from './customers';
import { type CommerceApiAdapterOptions, checkOptions, PLATFORM, readCredentials } from './options';
import { ordersResource } from './orders';
import { productsResource } from './products';

export { CAPABILITIES as COMMERCE_API_CAPABILITIES } from './capabilities';
export { ORDER_STATUS_TABLE } from './map-status';
export type { ApiKeyCredentials, CommerceApiAdapterOptions, PasswordCredentials } from './options';
export { DEFAULT_BASE_URL, PLAN_LIMITS } from './options';

/**
 * The adapter for the JWT-authenticated Commerce API (OpenAPI 2.4.0):
 * `createCommerceApiAdapter({ baseUrl, credentials: { email, password } })` or `{ apiKey }`.
 * With a password it logs in on the first call, refreshes before expiry and once after a 401,
 * and logs out on `close()`.
 */
export function createCommerceApiAdapter(options: CommerceApiAdapterOptions): CommerceAdapter {
  const credentials = readCredentials(options);
  checkOptions(options);
  const client = new ApiClient(options, credentials);
  return assembleAdapter(PLATFORM, CAPABILITIES, client, {
    customers: customersResource(client),
    orders: ordersResource(client),
    products: productsResource(client),
  });
}
