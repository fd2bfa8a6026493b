import type { CommerceAdapter, RawRequest, RawResponse } from '@storeport/core';
import { CAPABILITIES } from './capabilities';
import { ChqClient } from './client';
import { type CommerceHQCustomers, customersResource } from './customers';
import { type CommerceHQAdapterOptions, PLATFORM, readOptions } from './options';
import { ordersResource } from './orders';
import { productsResource } from './products';

export { CAPABILITIES as COMMERCEHQ_CAPABILITIES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './capabilities';
export type { CommerceHQCustomers, CustomerAddressUpdate } from './customers';
export { FULFILLMENT_STATUS_TABLE, orderStatus, PAYMENT_STATUS_TABLE } from './map-status';
export type { CommerceHQAdapterOptions } from './options';
export { DEFAULT_RATE_LIMIT } from './options';

/** The CommerceHQ adapter: the unified interface plus `customers.updateAddress`. */
export interface CommerceHQAdapter extends CommerceAdapter {
  readonly customers: CommerceHQCustomers;
}

/**
 * `createCommerceHQAdapter({ store, apiKey, apiPassword })` for a private app of
 * `https://<store>.commercehq.com`. Amounts come in the store's `currency` (default USD).
 */
export function createCommerceHQAdapter(options: CommerceHQAdapterOptions): CommerceHQAdapter {
  const resolved = readOptions(options);
  const client = new ChqClient(options, resolved);
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
