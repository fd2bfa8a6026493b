import type { CommerceAdapter, RawRequest, RawResponse } from '@storeport/core';
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
  let closing: Promise<void> | undefined;
  return {
    platform: PLATFORM,
    capabilities: CAPABILITIES,
    customers: customersResource(client),
    orders: ordersResource(client),
    products: productsResource(client),
    metrics: client.transport.metrics,
    async request<T = unknown>(r: RawRequest): Promise<RawResponse<T>> {
      const res = await client.send({
        method: r.method,
        path: r.path,
        ...(r.query ? { query: r.query } : {}),
        ...(r.body !== undefined ? { body: r.body } : {}),
        ...(r.headers ? { headers: r.headers } : {}),
        ...(r.signal ? { signal: r.signal } : {}),
        ...(r.idempotent !== undefined ? { idempotent: r.idempotent } : {}),
      });
      return { status: res.status, headers: res.headers, body: res.body as T };
    },
    close() {
      closing ??= client.close();
      return closing;
    },
  };
}
